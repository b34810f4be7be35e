#pragma once

#include "instruments.h"
#include "planrepository.h"
#include "recordrepository.h"
#include "visitrepository.h"

#include <QVector>

namespace careround {

/** A contact person of a client. */
struct ContactEntry {
    QString name;
    QString relationship; ///< a code ("daughter", "neighbour", ...)
    QString phone;
    QString notes;
    bool caregiver = false;
    bool emergencyContact = false;
};

/** A visit or an assessment in a client's history. */
struct HistoryEntry {
    enum class Kind { Visit, Assessment };
    Kind kind = Kind::Visit;
    QString id;
    QString when;    ///< check-in (else planned) time of a visit, start of an assessment
    QString title;   ///< a visit's purpose; an assessment's kind code ("initial", ...)
    QString status;  ///< code
    QString summary; ///< a visit's summary
    QVector<InstrumentResult> scores; ///< an assessment's instruments with answers, in order
};

/** Everything the client overview shows. */
struct ClientOverview {
    bool found = false;
    QString id, firstName, lastName, dateOfBirth, language, phone, address, city, postalCode,
        status, notes;
    bool livesAlone = false;
    QStringList riskFlags;
    QVector<ContactEntry> contacts;
    /** The current plan (see PlanRepository::currentPlanId()); empty id: none. */
    QString planId, planTitle, planStatus, planReviewDate;
    bool planSigned = false;
    QVector<PlanGoalEntry> planGoals;
    QString latestAssessmentId;    ///< empty: none
    QVector<HistoryEntry> history; ///< newest first
};

/**
 * The read side of the client overview: who the client is, contacts, the current plan at a
 * glance and the history of visits and assessments with their instrument scores.
 */
class ClientRepository {
public:
    ClientRepository(RecordRepository &records, PlanRepository &plans)
        : m_records(records), m_plans(plans)
    {}

    ClientOverview overview(const QString &clientId);

    /** The kinds overview() reads. */
    static QStringList kinds();

private:
    RecordRepository &m_records;
    PlanRepository &m_plans;
};

} // namespace careround
