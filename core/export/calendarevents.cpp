#include "calendarevents.h"

namespace careround::CalendarEvents {

namespace {

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}

IcsEvent base(const Record &r, const QStringList &movingFields)
{
    IcsEvent e;
    e.uid = r.id + QStringLiteral("@careround");
    e.sequence = IcsWriter::sequenceOf(r, movingFields);
    const Stamp latest = r.latestStamp();
    e.stamp = latest.isNull()
                  ? QDateTime::currentDateTimeUtc()
                  : QDateTime::fromMSecsSinceEpoch(qint64(latest.hlc.millis()), Qt::UTC);
    e.cancelled = r.isVoided() || r.text("status") == QLatin1String("cancelled");
    return e;
}

} // namespace

QString initials(const Record &client)
{
    QStringList parts;
    for (const char *f : {"firstName", "lastName"}) {
        const QString name = client.text(f).trimmed();
        if (!name.isEmpty())
            parts.append(name.left(1).toUpper() + QLatin1Char('.'));
    }
    return parts.join(QLatin1Char(' '));
}

IcsEvent coordinatorVisit(const Record &visit, const Record &client)
{
    IcsEvent e = base(visit, {"plannedAt", "checkInAt", "checkOutAt", "status", "voided"});
    const QString at =
        visit.text("checkInAt").isEmpty() ? visit.text("plannedAt") : visit.text("checkInAt");
    e.start = utc(at);
    e.end =
        visit.text("checkOutAt").isEmpty() ? e.start.addSecs(3600) : utc(visit.text("checkOutAt"));
    e.summary = QStringLiteral("Visit ") + initials(client);
    if (!visit.text("purpose").isEmpty())
        e.summary += QStringLiteral(": ") + visit.text("purpose");
    QStringList place{client.text("address"), client.text("city")};
    place.removeAll(QString());
    e.location = place.join(QStringLiteral(", "));
    return e;
}

IcsEvent coordinatorAppointment(const Record &appointment, const Record &client)
{
    IcsEvent e = base(appointment, {"startsAt", "location", "status", "voided"});
    e.start = utc(appointment.text("startsAt"));
    e.end = e.start.addSecs(3600);
    e.summary = QStringLiteral("Appointment ") + initials(client) + QStringLiteral(": ") +
                appointment.text("title");
    e.location = appointment.text("location");
    return e;
}

IcsEvent coordinatorFollowUp(const Record &followUp, const Record &client)
{
    IcsEvent e = base(followUp, {"dueOn", "status", "voided"});
    e.day = QDate::fromString(followUp.text("dueOn"), Qt::ISODate);
    e.summary = QStringLiteral("Follow-up due ") + initials(client);
    return e;
}

IcsEvent clientAppointment(const Record &appointment, const QString &providerPhone)
{
    IcsEvent e = base(appointment, {"startsAt", "location", "status", "voided"});
    e.start = utc(appointment.text("startsAt"));
    e.end = e.start.addSecs(3600);
    e.summary = appointment.text("title");
    e.location = appointment.text("location");
    QStringList lines;
    if (!appointment.text("withWhom").isEmpty())
        lines.append(QStringLiteral("With: ") + appointment.text("withWhom"));
    if (!providerPhone.isEmpty())
        lines.append(QStringLiteral("Phone: ") + providerPhone);
    lines.append(appointment.values.value(QLatin1String("transportArranged")).toBool()
                     ? QStringLiteral("Transport: arranged") +
                           (appointment.text("transportNotes").isEmpty()
                                ? QString()
                                : QStringLiteral(" (") + appointment.text("transportNotes") +
                                      QLatin1Char(')'))
                     : QStringLiteral("Transport: not arranged yet"));
    if (!appointment.text("preparationNotes").isEmpty())
        lines.append(QStringLiteral("Prepare: ") + appointment.text("preparationNotes"));
    e.description = lines.join(QLatin1Char('\n'));
    return e;
}

} // namespace careround::CalendarEvents
