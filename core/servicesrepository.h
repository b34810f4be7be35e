#pragma once

#include "directoryrepository.h"
#include "planrepository.h"
#include "recordrepository.h"

#include <QDate>
#include <QStringList>
#include <QVector>

namespace careround {

/** A goal of the client's current plan that a referral may serve. */
struct ServiceGoalEntry {
    QString id, statement;
};

/** A referral of the client to a provider of the directory. */
struct ReferralEntry {
    QString id;
    QString providerId;
    bool providerKnown = false; ///< the provider is on this device
    QString providerName;       ///< empty when not known
    bool providerDiscontinued = false;
    QString serviceType;
    QString goalId;        ///< empty when it serves no goal
    QString goalStatement; ///< of the goal it serves (any plan of the client's)
    QString status;
    QString sentOn, startedOn; ///< YYYY-MM-DD
    QString notes;
    QString outcome, closedOn;
    int rating = 0; ///< the coordinator's rating of the service, 1-5 (0: not rated)
    /** No signed consent to share information with this provider is in force today
        (CareRules::consentState); the referral screen says so before it is sent. */
    bool consentMissing = false;
};

/** A benefit application with its next action. */
struct BenefitEntry {
    QString id, program, status;
    QString submittedOn, decisionOn; ///< YYYY-MM-DD
    QString nextAction;
    QString nextActionDue;          ///< YYYY-MM-DD
    bool nextActionOverdue = false; ///< still open and due today or before
    QString notes;
};

/** An appointment of the client. */
struct AppointmentEntry {
    QString id, title, withWhom;
    QString startsAt; ///< UTC ISO
    QString location;
    bool transportArranged = false;
    QString transportNotes, preparationNotes;
    QString status;
    bool needsTransport = false; ///< scheduled, and no transport arranged
};

/** Everything the services screen shows, read in one go. */
struct ServicesView {
    QString clientName;                     ///< "First Last", empty when unknown
    QVector<ServiceGoalEntry> goals;        ///< of the current plan, not voided, in id order
    QVector<ReferralEntry> referrals;       ///< not voided, in id order
    QVector<BenefitEntry> benefits;         ///< not voided, in id order
    QVector<AppointmentEntry> appointments; ///< not voided, soonest first
};

/**
 * The read side of the services screen of a client: referrals, benefit applications and
 * appointments, voided ones left out, and the goals of the current plan (PlanRepository's one
 * rule) a referral may serve.
 */
class ServicesRepository {
public:
    ServicesRepository(RecordRepository &records, PlanRepository &plans,
                       DirectoryRepository &directory)
        : m_records(records), m_plans(plans), m_directory(directory)
    {}

    ServicesView view(const QString &clientId, const QDate &today);

    /** The kinds view() reads: a change of another kind leaves it as it was. */
    static QStringList kinds();

private:
    RecordRepository &m_records;
    PlanRepository &m_plans;
    DirectoryRepository &m_directory;
};

} // namespace careround
