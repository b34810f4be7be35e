#include "icswriter.h"

#include <algorithm>

namespace careround {

namespace {

/** Appends one content line, folded at 75 octets without splitting a UTF-8 sequence. */
void contentLine(QByteArray &out, const QString &line)
{
    const QByteArray utf8 = line.toUtf8();
    int start = 0;
    int limit = 75;
    while (utf8.size() - start > limit) {
        int cut = start + limit;
        while (cut > start && (uchar(utf8[cut]) & 0xC0) == 0x80)
            --cut; // a continuation byte: cut before its sequence
        out += utf8.mid(start, cut - start);
        out += "\r\n ";
        start = cut;
        limit = 74; // the leading space counts
    }
    out += utf8.mid(start);
    out += "\r\n";
}

QString utcText(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

QString localText(const QDateTime &t, const QTimeZone &zone)
{
    return t.toTimeZone(zone).toString(QStringLiteral("yyyyMMdd'T'HHmmss"));
}

QString offsetText(int seconds)
{
    const QChar sign = seconds < 0 ? QLatin1Char('-') : QLatin1Char('+');
    seconds = qAbs(seconds);
    return QStringLiteral("%1%2%3")
        .arg(sign)
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace

IcsWriter::IcsWriter(const QString &calendarName, const QTimeZone &zone)
    : m_name(calendarName), m_zone(zone.isValid() ? zone : QTimeZone::utc())
{}

QString IcsWriter::escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char(';') || c == QLatin1Char(','))
            out += QLatin1Char('\\') + QString(c);
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r') || (c.unicode() < 0x20 && c != QLatin1Char('\t')))
            continue;
        else
            out += c;
    }
    return out;
}

qint64 IcsWriter::sequenceOf(const Record &record, const QStringList &fields)
{
    static const qint64 epochMs =
        QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    qint64 latest = 0;
    for (const QString &f : fields)
        if (record.stamps.contains(f))
            latest = qMax(latest, qint64(record.stamps.value(f).hlc.millis()));
    return latest > epochMs ? (latest - epochMs) / 1000 : 0;
}

QByteArray IcsWriter::data() const
{
    QByteArray out;
    const QString tzid = QString::fromUtf8(m_zone.id());
    contentLine(out, QStringLiteral("BEGIN:VCALENDAR"));
    contentLine(out, QStringLiteral("VERSION:2.0"));
    contentLine(out, QStringLiteral("PRODID:-//CareRound//CareRound 0.1//EN"));
    contentLine(out, QStringLiteral("CALSCALE:GREGORIAN"));
    contentLine(out, QStringLiteral("METHOD:PUBLISH"));
    contentLine(out, QStringLiteral("X-WR-CALNAME:") + escaped(m_name));
    contentLine(out, QStringLiteral("X-WR-TIMEZONE:") + tzid);

    // The zone's transitions over the years the events span (one year each side).
    int firstYear = QDate::currentDate().year(), lastYear = firstYear;
    for (const IcsEvent &e : m_events) {
        const int y = e.day.isValid() ? e.day.year() : e.start.toTimeZone(m_zone).date().year();
        firstYear = qMin(firstYear, y);
        lastYear = qMax(lastYear, y);
    }
    const QDateTime from(QDate(firstYear - 1, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(lastYear + 1, 12, 31), QTime(23, 59), Qt::UTC);
    contentLine(out, QStringLiteral("BEGIN:VTIMEZONE"));
    contentLine(out, QStringLiteral("TZID:") + tzid);
    const QTimeZone::OffsetDataList transitions = m_zone.transitions(from, to);
    const auto component = [&](bool daylight, const QDateTime &at, int fromOffset, int toOffset,
                               const QString &name) {
        const QString kind = daylight ? QStringLiteral("DAYLIGHT") : QStringLiteral("STANDARD");
        contentLine(out, QStringLiteral("BEGIN:") + kind);
        // DTSTART is the local time of the onset, in the offset in force before it.
        contentLine(
            out, QStringLiteral("DTSTART:") +
                     at.toUTC().addSecs(fromOffset).toString(QStringLiteral("yyyyMMdd'T'HHmmss")));
        contentLine(out, QStringLiteral("TZOFFSETFROM:") + offsetText(fromOffset));
        contentLine(out, QStringLiteral("TZOFFSETTO:") + offsetText(toOffset));
        if (!name.isEmpty())
            contentLine(out, QStringLiteral("TZNAME:") + escaped(name));
        contentLine(out, QStringLiteral("END:") + kind);
    };
    if (transitions.isEmpty()) {
        const int offset = m_zone.offsetFromUtc(from);
        component(false, QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC), offset, offset,
                  m_zone.abbreviation(from));
    } else {
        int previous = m_zone.offsetFromUtc(from);
        for (const QTimeZone::OffsetData &t : transitions) {
            component(t.daylightTimeOffset != 0, t.atUtc, previous, t.offsetFromUtc,
                      t.abbreviation);
            previous = t.offsetFromUtc;
        }
    }
    contentLine(out, QStringLiteral("END:VTIMEZONE"));

    QVector<IcsEvent> events = m_events;
    std::stable_sort(events.begin(), events.end(),
                     [](const IcsEvent &a, const IcsEvent &b) { return a.uid < b.uid; });
    for (const IcsEvent &e : events) {
        contentLine(out, QStringLiteral("BEGIN:VEVENT"));
        contentLine(out, QStringLiteral("UID:") + escaped(e.uid));
        contentLine(out, QStringLiteral("SEQUENCE:") + QString::number(e.sequence));
        contentLine(out,
                    QStringLiteral("DTSTAMP:") +
                        utcText(e.stamp.isValid() ? e.stamp : QDateTime::currentDateTimeUtc()));
        if (e.day.isValid()) {
            contentLine(out, QStringLiteral("DTSTART;VALUE=DATE:") +
                                 e.day.toString(QStringLiteral("yyyyMMdd")));
            contentLine(out, QStringLiteral("DTEND;VALUE=DATE:") +
                                 e.day.addDays(1).toString(QStringLiteral("yyyyMMdd")));
            contentLine(out, QStringLiteral("TRANSP:TRANSPARENT"));
        } else {
            contentLine(out,
                        QStringLiteral("DTSTART;TZID=%1:%2").arg(tzid, localText(e.start, m_zone)));
            contentLine(out, QStringLiteral("DTEND;TZID=%1:%2")
                                 .arg(tzid, localText(e.end.isValid() && e.end > e.start
                                                          ? e.end
                                                          : e.start.addSecs(3600),
                                                      m_zone)));
        }
        contentLine(out, QStringLiteral("SUMMARY:") + escaped(e.summary));
        if (!e.location.isEmpty())
            contentLine(out, QStringLiteral("LOCATION:") + escaped(e.location));
        if (!e.description.isEmpty())
            contentLine(out, QStringLiteral("DESCRIPTION:") + escaped(e.description));
        contentLine(out, e.cancelled ? QStringLiteral("STATUS:CANCELLED")
                                     : QStringLiteral("STATUS:CONFIRMED"));
        contentLine(out, QStringLiteral("END:VEVENT"));
    }
    contentLine(out, QStringLiteral("END:VCALENDAR"));
    return out;
}

} // namespace careround
