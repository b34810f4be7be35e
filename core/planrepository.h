#pragma once

#include "sqlitedatabase.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace careround {

/** The parts of a SMART goal (DESIGN.md section 1). */
enum class SmartPart {
    Specific,   ///< a statement
    Measurable, ///< a measure and a target value
    Achievable, ///< why it is achievable
    Relevant,   ///< why it matters to the client
    TimeBound,  ///< a target date
};

/** Which SMART parts a goal's values leave out, in SMART order (empty: complete). */
QVector<SmartPart> missingSmartParts(const QJsonObject &goal);

/** A care plan of a client, for a list of plans. */
struct PlanHeader {
    QString id;
    QString title;
    QString status;
    QString startDate;
    bool isSigned = false;
};

/** The latest signature on a record. */
struct SignatureFacts {
    QString signerName;
    QString relationship;
    QString signedAt; ///< UTC ISO
};

/** A referral (a service) and the goal it serves, with its provider's name. */
struct LinkedService {
    QString referralId;
    QString goalId; ///< empty when linked to no goal
    QString providerName;
    QString serviceType;
    QString status;
};

/**
 * The SQL behind the care plan screen that the generic record repository cannot express: the
 * client's current plan, the signature that seals a plan, and the services linked to its goals.
 * The plan's own records (goals, steps, contingencies) are read with RecordRepository::findBy.
 */
class PlanRepository {
public:
    explicit PlanRepository(SqliteDatabase &db) : m_db(db) {}

    /** The client's plans (not voided), newest first. */
    QVector<PlanHeader> plans(const QString &clientId);
    /** The active plan, else the newest draft; empty when there is none. */
    QString currentPlanId(const QString &clientId);
    /** The newest signature on a record, if it is signed. */
    std::optional<SignatureFacts> signature(const QString &recordId);
    /** Referrals linked to the goals of a plan (not voided). */
    QVector<LinkedService> linkedServices(const QString &planId);
    /** The client's open referrals that serve no goal yet. */
    QVector<LinkedService> unlinkedReferrals(const QString &clientId);

private:
    QVector<LinkedService> services(const QString &sql, const QString &key);
    SqliteDatabase &m_db;
};

} // namespace careround
