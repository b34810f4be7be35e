#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace careround {

/**
 * The domain rules several screens and queries share, each defined here once (the SQL of the
 * repositories uses the same lists):
 * - the current care plan of a client: the active plan, else the newest draft (its one
 *   definition is PlanRepository::currentPlanId(), which every screen uses);
 * - an open complaint: "open" or "investigating";
 * - an overdue follow-up: open, and due before today;
 * - a client's latest PHQ-9: the PHQ-9 answers of the client's newest assessment (by start,
 *   then id) that has any; only it raises an alert (its one definition is the query of
 *   TodayRepository::alerts(); no other screen reads PHQ-9 across assessments);
 * - PHQ-9 needed to complete an assessment: see Instruments::isNeeded();
 * - a consent to share information in force: signed, active, and today within its dates
 *   (consentState()); a referral to a provider without one is flagged before it is sent.
 */
namespace CareRules {

/** The statuses of a complaint still being dealt with. */
QStringList openComplaintStatuses();
bool isOpenComplaint(const QString &status);
/** A follow-up's status and due date (YYYY-MM-DD) on a day. */
bool isOverdueFollowUp(const QString &status, const QString &dueOn, const QDate &today);
/** Where a consent to share information stands on a day. */
enum class ConsentState {
    Unsigned, ///< not signed yet: nothing may be shared
    NotYet,   ///< signed, starts later
    Valid,    ///< signed, active, today within validFrom..validUntil
    Expired,  ///< signed and active, validUntil before today
    Revoked,  ///< revoked (or cancelled before signing)
};
ConsentState consentState(const QString &status, bool isSigned, const QString &validFrom,
                          const QString &validUntil, const QDate &today);

/**
 * The date field a move to a status dates ("referral", "sent" -> "sentOn"; any move of a
 * client -> "statusChangedOn"); empty: none.
 */
QString statusDateField(const QString &entity, const QString &status);

/** The SQL list of strings, e.g. "('open','investigating')". */
QString sqlList(const QStringList &values);

} // namespace CareRules

} // namespace careround
