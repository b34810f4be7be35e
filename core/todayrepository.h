#pragma once

#include "sqlitedatabase.h"

#include <QDate>
#include <QStringList>
#include <QVector>

namespace careround {

/** One line of the coordinator's day: a visit, an appointment, a follow-up or an alert. */
struct TodayItem {
    enum class Kind {
        Visit,            ///< when: check-in time, else planned time (UTC ISO)
        Appointment,      ///< when: its start (UTC ISO)
        OverdueFollowUp,  ///< when: due date (ISO date)
        FollowUpDueToday, ///< when: due date (ISO date)
        SelfHarmRisk,     ///< PHQ-9 item 9 above "not at all"; when: the assessment's start
        SevereDepression, ///< PHQ-9 in the severe band; when: the assessment's start
        TransportMissing, ///< a scheduled appointment soon with no transport; when: its start
        ConsentExpired,   ///< a signed consent to share information ran out and no newer one
                          ///< with its recipient exists; when: validUntil, title: recipient
    };
    Kind kind = Kind::Visit;
    QString recordId; ///< the visit, appointment, follow-up or assessment
    QString clientId;
    QString clientName;
    QString place; ///< the client's address, or the appointment's location
    QString when;
    QString title;  ///< purpose, appointment title, follow-up description, instrument name
    QString status; ///< the record's status ("planned", "in_progress", "open", ...)
    QString detail; ///< with whom; check-out time; priority; band label
    int score = 0;  ///< PHQ-9 total (alerts)
};

/** A page of a Today list: its rows, and on the first page how many the whole list holds. */
struct TodayPage {
    QVector<TodayItem> rows;
    qint64 total = 0; ///< counted for the first page only (no `after`), else 0
};

/**
 * The SQL behind the Today screen: the day's visits and appointments in time order, the open
 * follow-ups that are overdue or due today, and the alerts (a latest PHQ-9 in the severe band or
 * with thoughts of self-harm, scored by Instruments from the answers; a scheduled appointment in
 * the coming days with no transport arranged; a signed consent to share that ran out). Every
 * list is read a page at a time: a page starts after the last row of the one before (`after`),
 * so the screen reads what it shows, not the whole store. Every query reads through an index
 * (indexSql()), so the screen stays fast with 10,000 clients on the device.
 */
class TodayRepository {
public:
    /** Queries the store (its indexes come with the store's migration to version 4). */
    explicit TodayRepository(SqliteDatabase &db);

    /** Visits planned or checked in on the day (and any still in progress) and the day's
        appointments, cancelled ones left out, in time order (then by id). */
    TodayPage schedule(const QDate &day, int limit, const TodayItem *after = nullptr);
    /** Open follow-ups due on or before the day, oldest due first (then by id). Keyset paging:
        the page starts after (afterDueOn, afterId) when afterId is not empty. */
    QVector<TodayItem> followUps(const QDate &day, int limit, const QString &afterDueOn = {},
                                 const QString &afterId = {});
    /** How many follow-ups followUps() lists in all: overdue and due on the day. */
    std::pair<qint64, qint64> followUpCounts(const QDate &day);
    /** Self-harm first, then severe depression (highest score first, then by name), then
        missing transport by start time, then expired consents to share information (oldest
        first). */
    TodayPage alerts(const QDate &day, int limit, const TodayItem *after = nullptr,
                     int transportDays = 7);

    /** The indexes these queries rely on (CREATE INDEX IF NOT EXISTS ...). */
    static QStringList indexSql();

private:
    QVector<TodayItem> phq9Alerts();
    QVector<TodayItem> transportAlerts(const QDate &day, int transportDays, int limit,
                                       const TodayItem *after);
    qint64 transportAlertCount(const QDate &day, int transportDays);
    QVector<TodayItem> consentAlerts(const QDate &day, int limit, const TodayItem *after);
    qint64 consentAlertCount(const QDate &day);
    SqliteDatabase &m_db;
};

} // namespace careround
