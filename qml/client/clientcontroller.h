#pragma once

#include "screencontroller.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * Backs the client overview: who the client is, contacts and caregivers, risk flags, the
 * current care plan at a glance and the history of visits and assessments (with instrument
 * scores). Read-only; reloads when the session's data changes.
 */
class ClientController : public ScreenController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY clientIdChanged)
    Q_PROPERTY(bool found READ found NOTIFY changed)
    Q_PROPERTY(QString fullName READ fullName NOTIFY changed)
    Q_PROPERTY(QString facts READ facts NOTIFY changed)
    Q_PROPERTY(QString phone READ phone NOTIFY changed)
    Q_PROPERTY(QString address READ address NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString notes READ notes NOTIFY changed)
    Q_PROPERTY(QStringList riskFlags READ riskFlags NOTIFY changed)
    Q_PROPERTY(QVariantList contacts READ contacts NOTIFY changed)
    Q_PROPERTY(QString planTitle READ planTitle NOTIFY changed)
    Q_PROPERTY(QString planId READ planId NOTIFY changed)
    Q_PROPERTY(QString assessmentId READ assessmentId NOTIFY changed)
    Q_PROPERTY(QString planFacts READ planFacts NOTIFY changed)
    Q_PROPERTY(QVariantList goals READ goals NOTIFY changed)
    Q_PROPERTY(QVariantList history READ history NOTIFY changed)

public:
    explicit ClientController(QObject *parent = nullptr);

    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id);

    bool found() const { return m_found; }
    QString fullName() const { return m_fullName; }
    /** Age, date of birth, language, lives alone. */
    QString facts() const { return m_facts; }
    QString phone() const { return m_phone; }
    QString address() const { return m_address; }
    QString statusText() const { return m_status; }
    QString notes() const { return m_notes; }
    QStringList riskFlags() const { return m_riskFlags; }
    /** Maps: name, relationship, phone, roles ("Caregiver · Emergency contact"). */
    QVariantList contacts() const { return m_contacts; }
    QString planTitle() const { return m_planTitle; }
    /** The current care plan (active, else draft), or empty. */
    QString planId() const { return m_planId; }
    /** The most recent assessment, or empty. */
    QString assessmentId() const { return m_assessmentId; }
    QString planFacts() const { return m_planFacts; }
    /** Maps: statement, status, progress (0-100), target. */
    QVariantList goals() const { return m_goals; }
    /** Maps: kind ("visit"/"assessment"), title, when, status, detail; newest first. */
    QVariantList history() const { return m_history; }

    /**
     * Creates a client on this tablet's caseload (the coordinator signed in). Dates are
     * YYYY-MM-DD. Returns the new id, or empty with errorText saying what to fix.
     */
    Q_INVOKABLE QString createClient(const QString &firstName, const QString &lastName,
                                     const QString &dateOfBirth, const QString &phone,
                                     const QString &address, const QString &city,
                                     const QString &language);
signals:
    void clientIdChanged();
    void changed();

protected:
    void load() override;

private:
    QString m_clientId;
    bool m_found = false;
    QString m_fullName, m_facts, m_phone, m_address, m_status, m_notes;
    QStringList m_riskFlags;
    QVariantList m_contacts;
    QString m_planTitle, m_planFacts, m_planId, m_assessmentId;
    QVariantList m_goals;
    QVariantList m_history;
};

} // namespace careround
