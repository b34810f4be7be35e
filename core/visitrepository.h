#pragma once

#include "planrepository.h"
#include "recordrepository.h"

#include <QDate>
#include <QVector>

namespace careround {

/** A note written during a visit; a correction names the note it corrects. */
struct VisitNoteEntry {
    QString id;
    QString text;
    QString writtenAt;      ///< UTC ISO
    QString correctsId;     ///< empty unless a correction
    bool corrected = false; ///< a later note corrects this one
};

/** A follow-up of the client shown during a visit. */
struct VisitFollowUpEntry {
    QString id;
    QString description;
    QString dueOn;  ///< YYYY-MM-DD
    QString doneOn; ///< YYYY-MM-DD when done
    bool done = false;
    bool linked = false; ///< made during this visit
    bool overdue = false;
};

/** A step taken on a complaint. */
struct ComplaintActionEntry {
    QString description;
    QString takenAt; ///< UTC ISO
};

/** A complaint raised during this visit, or one of the client's open ones. */
struct VisitComplaintEntry {
    QString id;
    QString subject;
    QString description;
    QString status;
    QString resolution;
    QString raisedOn; ///< YYYY-MM-DD
    bool thisVisit = false;
    QVector<ComplaintActionEntry> actions; ///< oldest first
};

/** A satisfaction response given during the visit. */
struct SatisfactionEntry {
    QString id;
    int score = 0;
    QString comments;
    QString respondedAt; ///< UTC ISO
};

/** A goal of the client's current plan. */
struct PlanGoalEntry {
    QString id;
    QString statement;
    QString measure;
    QString targetValue;
    QString targetDate; ///< YYYY-MM-DD
    QString status;
    int progress = 0;
};

/** Everything the visit screen shows, read in one go. */
struct VisitView {
    bool hasVisit = false; ///< false: not started yet (created at check-in)
    QString visitId, clientId;
    QString status, purpose, summary;
    QString plannedAt, checkInAt, checkOutAt; ///< UTC ISO
    bool sealed = false;
    bool clientFound = false;
    QString clientName;                    ///< "First Last"
    QString clientPlace;                   ///< "address, city"
    QString planId, planTitle;             ///< the client's current plan
    QVector<PlanGoalEntry> goals;          ///< of the current plan, in id order
    QVector<VisitNoteEntry> notes;         ///< in the order written
    QVector<VisitFollowUpEntry> followUps; ///< this visit's and the client's open ones, by due date
    QVector<VisitComplaintEntry> complaints; ///< this visit's and the client's open ones
    QVector<SatisfactionEntry> satisfaction; ///< in the order given
};

/**
 * The read side of the visit screen: a visit (or, without one, the client about to be
 * visited) with its notes, the follow-ups and complaints to deal with, satisfaction responses
 * and the goals of the current plan. Voided records are left out.
 */
class VisitRepository {
public:
    VisitRepository(RecordRepository &records, PlanRepository &plans)
        : m_records(records), m_plans(plans)
    {}

    /** visitId may be empty or unknown (then the client's side only); the visit's own client
        wins over clientId. */
    VisitView view(const QString &visitId, const QString &clientId, const QDate &today);

    /** The kinds view() reads: a change of another kind leaves it as it was. */
    static QStringList kinds();

private:
    RecordRepository &m_records;
    PlanRepository &m_plans;
};

} // namespace careround
