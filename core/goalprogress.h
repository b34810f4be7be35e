#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace careround {

class LocalEditor;

/**
 * The progress of a goal over time, written once for every screen that moves it (the care plan,
 * the visit): each update moves the goal's progress and is kept as a goalProgress record (value,
 * note, when, and the editor's actor as author), never overwritten, so the plan can show the
 * trend. Attainment is what a review records of a goal's outcome.
 */
namespace GoalProgress {

/** Moves the goal to value (0-100) and keeps the update, in one write (both or neither: a
    process killed in the middle leaves neither). Returns the update's id; throws StoreError
    (nothing written) when the goal cannot take it. */
QString record(LocalEditor &editor, const QString &goalId, const QString &clientId, int value,
               const QString &note, const QDateTime &at);

/** Records the goal's attainment at review (exceeded, achieved, partly_achieved,
    not_achieved; empty clears it) and the day it was judged. */
void recordAttainment(LocalEditor &editor, const QString &goalId, const QString &attainment,
                      const QDate &day);

} // namespace GoalProgress

} // namespace careround
