#pragma once

#include "keyedlistmodel.h"
#include "screencontroller.h"

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
class ServicesController : public ScreenController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    Q_PROPERTY(QString clientName READ clientName NOTIFY changed)
    Q_PROPERTY(QAbstractItemModel *referrals READ referrals CONSTANT)
    Q_PROPERTY(QAbstractItemModel *benefits READ benefits CONSTANT)
    Q_PROPERTY(QAbstractItemModel *appointments READ appointments CONSTANT)
    Q_PROPERTY(QAbstractItemModel *goals READ goals CONSTANT)

public:
    explicit ServicesController(QObject *parent = nullptr);

    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id);
    QString clientName() const { return m_clientName; }

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

signals:
    void clientIdChanged();
    void changed();

protected:
    void load() override;

private:
    /** An edit of this client's records (refused while no client is chosen). */
    bool editForClient(const std::function<void(LocalEditor &)> &action);

    QString m_clientId, m_clientName;
    KeyedListModel *m_referrals;
    KeyedListModel *m_benefits;
    KeyedListModel *m_appointments;
    KeyedListModel *m_goals;
};

} // namespace careround
