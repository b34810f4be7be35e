#pragma once

#include "keyedlistmodel.h"
#include "session.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace careround {

/**
 * Backs the services screen of a client: referrals to providers of the directory (each may
 * serve a goal of the plan), benefit applications with their next action, and appointments
 * with transport and preparation. Statuses move only along allowed transitions; moving a
 * referral or application on also dates it (sent, started, submitted, decided). Every change
 * is one LocalEditor call; a refused change sets errorText.
 */
class ServicesController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(careround::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    Q_PROPERTY(QString clientName READ clientName NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QAbstractItemModel *referrals READ referrals CONSTANT)
    Q_PROPERTY(QAbstractItemModel *benefits READ benefits CONSTANT)
    Q_PROPERTY(QAbstractItemModel *appointments READ appointments CONSTANT)
    Q_PROPERTY(QAbstractItemModel *goals READ goals CONSTANT)

public:
    explicit ServicesController(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id);
    QString clientName() const { return m_clientName; }
    QString errorText() const { return m_error; }

    /** Rows: rowId, providerName, providerDiscontinued, serviceType, goalId, goalText, status,
        statusLabel, statusChoices, facts, notes. */
    QAbstractItemModel *referrals() const { return m_referrals; }
    /** Rows: rowId, program, status, statusLabel, statusChoices, submittedOn, decisionOn,
        nextAction, nextActionDue, nextActionOverdue, notes. */
    QAbstractItemModel *benefits() const { return m_benefits; }
    /** Soonest first. Rows: rowId, title, withWhom, startsAt ("YYYY-MM-DD HH:MM" local),
        whenText, location, transportArranged, transportNotes, preparationNotes, status,
        statusLabel, statusChoices, needsTransport. */
    QAbstractItemModel *appointments() const { return m_appointments; }
    /** The goals of the client's current plan, for linking a referral. Rows: rowId, label
        (the first row, with an empty id, is "No goal"). */
    QAbstractItemModel *goals() const { return m_goals; }

    /** Refers the client to a provider (a draft referral for its first service type). */
    Q_INVOKABLE QString refer(const QString &providerId, const QString &goalId);
    Q_INVOKABLE QString addBenefit(const QString &program);
    /** when: "YYYY-MM-DD HH:MM", local time. */
    Q_INVOKABLE QString addAppointment(const QString &title, const QString &when,
                                       const QString &location, const QString &withWhom);
    /** Saves one field of a referral, benefit application or appointment. */
    Q_INVOKABLE bool setField(const QString &entity, const QString &id, const QString &field,
                              const QVariant &value);
    Q_INVOKABLE void clearError();
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void clientIdChanged();
    void changed();
    void errorTextChanged();

private:
    bool edit(const std::function<void(LocalEditor &)> &action);
    void setError(const QString &text);

    QPointer<Session> m_session;
    QString m_clientId, m_clientName, m_error;
    KeyedListModel *m_referrals;
    KeyedListModel *m_benefits;
    KeyedListModel *m_appointments;
    KeyedListModel *m_goals;
};

} // namespace careround
