#pragma once

#include "screencontroller.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * Backs the client overview: who the client is, contacts and caregivers, risk flags, the
 * current care plan at a glance, open follow-ups, complaints, consents to share information,
 * and the timeline of visits, assessments (with instrument scores) and logged calls and
 * messages. Read-only (the forms of RecordFormController edit); reloads when the session's
 * data changes.
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
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QString statusReason READ statusReason NOTIFY changed)
    Q_PROPERTY(QString notes READ notes NOTIFY changed)
    Q_PROPERTY(QStringList riskFlags READ riskFlags NOTIFY changed)
    Q_PROPERTY(QVariantList contacts READ contacts NOTIFY changed)
    Q_PROPERTY(QString planTitle READ planTitle NOTIFY changed)
    Q_PROPERTY(QString planId READ planId NOTIFY changed)
    Q_PROPERTY(QString assessmentId READ assessmentId NOTIFY changed)
    Q_PROPERTY(QString planFacts READ planFacts NOTIFY changed)
    Q_PROPERTY(bool planSigned READ planSigned NOTIFY changed)
    Q_PROPERTY(QVariantList followUps READ followUps NOTIFY changed)
    Q_PROPERTY(QVariantList complaints READ complaints NOTIFY changed)
    Q_PROPERTY(QVariantList consents READ consents NOTIFY changed)
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
    QString statusText() const { return m_statusText; }
    /** The status code ("active", "on_hold", "discharged"). */
    QString status() const { return m_status; }
    /** Why the status last changed, and when ("Moved to a nursing home · 3 Nov 2026"). */
    QString statusReason() const { return m_statusReason; }
    QString notes() const { return m_notes; }
    QStringList riskFlags() const { return m_riskFlags; }
    /** Maps: id, name, relationship, phone, email, roles ("Caregiver · Emergency contact"). */
    QVariantList contacts() const { return m_contacts; }
    QString planTitle() const { return m_planTitle; }
    /** The current care plan (active, else draft), or empty. */
    QString planId() const { return m_planId; }
    /** The most recent assessment, or empty. */
    QString assessmentId() const { return m_assessmentId; }
    QString planFacts() const { return m_planFacts; }
    /** The current plan is signed: it is not offered for signing again. */
    bool planSigned() const { return m_planSigned; }
    /** Open follow-ups, soonest first. Maps: id, description, due, overdue, priority. */
    QVariantList followUps() const { return m_followUps; }
    /** Open complaints first. Maps: id, subject, status, detail, open. */
    QVariantList complaints() const { return m_complaints; }
    /** Newest first. Maps: id, recipient, shares, dates, state ("valid", "expired", "unsigned",
        "notYet", "revoked"), stateText, canSign, canRevoke. */
    QVariantList consents() const { return m_consents; }
    /** Maps: statement, status, progress (0-100), target. */
    QVariantList goals() const { return m_goals; }
    /** Maps: kind ("visit", "assessment", "contact"), id, title, when, status, detail; newest
        first. Every assessment is listed. */
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
    QString m_fullName, m_facts, m_phone, m_address, m_statusText, m_status, m_statusReason,
        m_notes;
    bool m_planSigned = false;
    QVariantList m_followUps, m_complaints, m_consents;
    QStringList m_riskFlags;
    QVariantList m_contacts;
    QString m_planTitle, m_planFacts, m_planId, m_assessmentId;
    QVariantList m_goals;
    QVariantList m_history;
};

} // namespace careround
