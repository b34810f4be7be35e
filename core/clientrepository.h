#pragma once

#include "carerules.h"
#include "instruments.h"
#include "planrepository.h"
#include "recordrepository.h"
#include "visitrepository.h"

#include <QVector>

namespace careround {

/** A contact person of a client. */
struct ContactEntry {
    QString id;
    QString name;
    QString relationship; ///< a code ("daughter", "neighbour", ...)
    QString phone;
    QString email;
    QString notes;
    bool caregiver = false;
    bool emergencyContact = false;
};

/** A visit, an assessment or a contact log entry in a client's timeline. */
struct HistoryEntry {
    enum class Kind { Visit, Assessment, ContactLog };
    Kind kind = Kind::Visit;
    QString id;
    QString when;    ///< check-in (else planned) time of a visit, start of an assessment, a
                     ///< contact's time
    QString title;   ///< a visit's purpose; an assessment's kind code ("initial", ...); with
                     ///< whom a contact was
    QString status;  ///< code; a contact's channel code ("phone", ...)
    QString summary; ///< a visit's summary, what a contact said or arranged
    QVector<InstrumentResult> scores; ///< an assessment's instruments with answers, in order
};

/** An open follow-up of a client, from a visit or not. */
struct FollowUpEntry {
    QString id, description, dueOn, priority;
    bool overdue = false; ///< CareRules::isOverdueFollowUp
};

/** A complaint of a client and where it stands. */
struct ComplaintEntry {
    QString id, subject, status, providerName, handledBy, dueOn, escalation, raisedOn;
    bool open = false; ///< CareRules::isOpenComplaint
};

/** A consent to share information and where it stands today. */
struct ConsentEntry {
    QString id, recipient, providerId, purpose, validFrom, validUntil, status;
    QStringList shares;
    bool isSigned = false;
    CareRules::ConsentState state = CareRules::ConsentState::Unsigned;
};

/** Everything the client overview shows. */
struct ClientOverview {
    bool found = false;
    QString id, firstName, lastName, dateOfBirth, language, phone, address, city, postalCode,
        status, notes, statusReason, statusChangedOn;
    bool livesAlone = false;
    QStringList riskFlags;
    QVector<ContactEntry> contacts;
    /** The current plan (see PlanRepository::currentPlanId()); empty id: none. */
    QString planId, planTitle, planStatus, planReviewDate;
    bool planSigned = false;
    QVector<PlanGoalEntry> planGoals;
    QString latestAssessmentId;         ///< empty: none
    QVector<HistoryEntry> history;      ///< newest first
    QVector<FollowUpEntry> followUps;   ///< open ones, soonest due first
    QVector<ComplaintEntry> complaints; ///< open ones first, then newest first
    QVector<ConsentEntry> consents;     ///< newest first
};

/**
 * The read side of the client overview: who the client is, contacts, the current plan at a
 * glance, open follow-ups, complaints, consents to share information, and the timeline of
 * visits, assessments (every one, with instrument scores) and logged calls and messages.
 */
class ClientRepository {
public:
    ClientRepository(RecordRepository &records, PlanRepository &plans)
        : m_records(records), m_plans(plans)
    {}

    /** The overview on a day (what is overdue, which consents are in force). */
    ClientOverview overview(const QString &clientId, const QDate &today);

    /** A client's consents to share information, newest first, as they stand on a day. */
    static QVector<ConsentEntry> consents(RecordRepository &records, const QString &clientId,
                                          const QDate &today);

    /** The kinds overview() reads. */
    static QStringList kinds();

private:
    RecordRepository &m_records;
    PlanRepository &m_plans;
};

} // namespace careround
