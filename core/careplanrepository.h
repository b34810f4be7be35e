#pragma once

#include "planrepository.h"
#include "recordrepository.h"

#include <QDate>
#include <QStringList>
#include <QVector>

#include <optional>

namespace careround {

/** A goal of a care plan with its SMART check and the services serving it. */
/** One kept progress update of a goal (goalProgress). */
struct GoalProgressPoint {
    QString id;
    int value = 0;
    QString note;
    QString recordedAt; ///< UTC ISO
};

struct CarePlanGoal {
    QString id;
    QString statement, domain, measure, targetValue, targetDate, achievable, relevance;
    QString status;
    int progress = 0;
    QVector<SmartPart> missing;         ///< the SMART parts left out (empty: SMART)
    QVector<LinkedService> services;    ///< referrals linked to this goal
    QVector<GoalProgressPoint> history; ///< its progress updates, oldest first
    QString attainment, attainmentOn;   ///< recorded at review (empty: not yet)
};

/** An action step of a goal. */
struct CarePlanStep {
    QString id, goalId;
    QString description, owner;
    QString dueDate; ///< YYYY-MM-DD, empty when none
    QString status;
    bool overdue = false; ///< still to do and due before today
};

/** What to do when a barrier gets in the way. */
struct CarePlanContingency {
    QString id, barrier, alternative;
};

/** Everything the care plan screen shows, read in one go. */
struct CarePlanView {
    bool found = false; ///< false: no such plan, or voided (the rest is empty)
    QString planId, title, status, startDate, reviewDate, summary;
    bool sealed = false;
    std::optional<SignatureFacts> signature;    ///< the newest, when signed
    QVector<CarePlanGoal> goals;                ///< not voided, in id order
    int smartGoals = 0;                         ///< how many goals are SMART
    QVector<CarePlanStep> steps;                ///< not voided, in id order
    QVector<CarePlanContingency> contingencies; ///< not voided, in id order
    QVector<LinkedService> unlinked;            ///< the client's open referrals serving no goal yet
};

/**
 * The read side of the care plan screen: a plan (the client's current plan, PlanRepository's
 * one rule, unless one is named) with its goals, steps and contingencies, voided ones left out.
 */
class CarePlanRepository {
public:
    CarePlanRepository(RecordRepository &records, PlanRepository &plans)
        : m_records(records), m_plans(plans)
    {}

    /** planId empty: the client's current plan. */
    CarePlanView view(const QString &clientId, const QString &planId, const QDate &today);

    /** An action step still to be done ("todo" or "in_progress"). */
    static bool isOpenStep(const QString &status);
    /** The kinds view() reads: a change of another kind leaves it as it was. */
    static QStringList kinds();

private:
    RecordRepository &m_records;
    PlanRepository &m_plans;
};

} // namespace careround
