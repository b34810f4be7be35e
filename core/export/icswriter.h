#pragma once

#include "record.h"

#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>
#include <QVector>

namespace careround {

/** One event of a calendar file. */
struct IcsEvent {
    QString uid;         ///< stable across exports: the record's id
    qint64 sequence = 0; ///< grows whenever the event's time, place or status changes
    QDateTime start;     ///< a timed event (shown in the calendar's time zone)
    QDateTime end;
    QDate day; ///< valid: an all-day event on this day (start and end unused)
    QString summary;
    QString location;
    QString description;
    bool cancelled = false;
    QDateTime stamp; ///< DTSTAMP: when the record last changed (UTC)
};

/**
 * An iCalendar file (RFC 5545): a VCALENDAR with the agency's time zone as a VTIMEZONE (its
 * transitions over the years the events span), timed events in that zone, all-day events as
 * dates, text escaped and lines folded at 75 octets, CRLF line ends, UTF-8.
 */
class IcsWriter {
public:
    IcsWriter(const QString &calendarName, const QTimeZone &zone);
    void add(const IcsEvent &event) { m_events.append(event); }
    QByteArray data() const;
    int eventCount() const { return int(m_events.size()); }

    /** TEXT escaping of RFC 5545 (backslash, semicolon, comma, newline). */
    static QString escaped(const QString &text);
    /** SEQUENCE from a record's field stamps: seconds since 2025-01-01 of the latest stamp of
        the fields named (0 when none is stamped), so it grows with every edit of them. */
    static qint64 sequenceOf(const Record &record, const QStringList &fields);

private:
    QString m_name;
    QTimeZone m_zone;
    QVector<IcsEvent> m_events;
};

} // namespace careround
