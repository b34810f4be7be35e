#include "recordinput.h"

#include "recordfields.h"

#include "recordvalidator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

namespace careround::RecordInput {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RecordInput", text);
}

} // namespace

QJsonValue fromInput(const EntityDef &def, const QString &field, const QVariant &input,
                     QString *error)
{
    const FieldDef *fd = def.field(field);
    if (!fd) {
        *error = tr("This field cannot be edited here");
        return QJsonValue(QJsonValue::Undefined);
    }
    const QString text = input.toString().trimmed();
    if (fd->type != FieldType::Boolean && text.isEmpty()) {
        if (fd->required) {
            *error = tr("This cannot be left empty");
            return QJsonValue(QJsonValue::Undefined);
        }
        return QJsonValue(QJsonValue::Null);
    }
    switch (fd->type) {
    case FieldType::Boolean:
        return input.toBool();
    case FieldType::Integer: {
        bool ok = false;
        const int n = input.typeId() == QMetaType::QString ? text.toInt(&ok) : input.toInt(&ok);
        if (!ok) {
            *error = tr("Enter a whole number");
            return QJsonValue(QJsonValue::Undefined);
        }
        // The schema's range, said on the field (the store refuses it too).
        if (fd->minimum < fd->maximum && (n < fd->minimum || n > fd->maximum)) {
            *error = tr("Enter a number from %1 to %2").arg(fd->minimum).arg(fd->maximum);
            return QJsonValue(QJsonValue::Undefined);
        }
        return n;
    }
    case FieldType::Real:
        return input.toDouble();
    case FieldType::Date:
        if (!RecordValidator::isDate(text)) {
            *error = tr("Enter the date as YYYY-MM-DD, for example 2026-12-31");
            return QJsonValue(QJsonValue::Undefined);
        }
        return text;
    case FieldType::DateTime: {
        QDateTime when = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm"));
        if (!when.isValid())
            when = QDateTime::fromString(text, Qt::ISODate);
        if (!when.isValid()) {
            *error = tr("Enter the date and time as YYYY-MM-DD HH:MM, for example "
                        "2026-12-31 14:30");
            return QJsonValue(QJsonValue::Undefined);
        }
        return when.toUTC().toString(Qt::ISODate);
    }
    case FieldType::TextList:
        return QJsonArray::fromStringList(text.split(QLatin1Char(','), Qt::SkipEmptyParts));
    default:
        if (!fd->allowed.isEmpty() && !fd->allowed.contains(text)) {
            *error = tr("Choose one of the offered values");
            return QJsonValue(QJsonValue::Undefined);
        }
        return text;
    }
}

// The labels fieldLabel() makes from field names, listed here for lupdate: the fields a signed
// document shows (the signable kinds and the parts they seal: tst_language checks that each has
// its translation) and the client's and contacts' fields a conflict names.
[[maybe_unused]] constexpr const char *kFieldLabels[] = {
    QT_TRANSLATE_NOOP("Fields", "Kind"),
    QT_TRANSLATE_NOOP("Fields", "Status"),
    QT_TRANSLATE_NOOP("Fields", "Started at"),
    QT_TRANSLATE_NOOP("Fields", "Completed at"),
    QT_TRANSLATE_NOOP("Fields", "Medical notes"),
    QT_TRANSLATE_NOOP("Fields", "Emotional notes"),
    QT_TRANSLATE_NOOP("Fields", "Social notes"),
    QT_TRANSLATE_NOOP("Fields", "Financial notes"),
    QT_TRANSLATE_NOOP("Fields", "Daily living notes"),
    QT_TRANSLATE_NOOP("Fields", "Housing notes"),
    QT_TRANSLATE_NOOP("Fields", "Transportation notes"),
    QT_TRANSLATE_NOOP("Fields", "Medication notes"),
    QT_TRANSLATE_NOOP("Fields", "Safety notes"),
    QT_TRANSLATE_NOOP("Fields", "Strengths"),
    QT_TRANSLATE_NOOP("Fields", "Title"),
    QT_TRANSLATE_NOOP("Fields", "Start date"),
    QT_TRANSLATE_NOOP("Fields", "Review date"),
    QT_TRANSLATE_NOOP("Fields", "Summary"),
    QT_TRANSLATE_NOOP("Fields", "Statement"),
    QT_TRANSLATE_NOOP("Fields", "Domain"),
    QT_TRANSLATE_NOOP("Fields", "Measure"),
    QT_TRANSLATE_NOOP("Fields", "Target value"),
    QT_TRANSLATE_NOOP("Fields", "Target date"),
    QT_TRANSLATE_NOOP("Fields", "Progress"),
    QT_TRANSLATE_NOOP("Fields", "Achievable"),
    QT_TRANSLATE_NOOP("Fields", "Relevance"),
    QT_TRANSLATE_NOOP("Fields", "Attainment"),
    QT_TRANSLATE_NOOP("Fields", "Attainment on"),
    QT_TRANSLATE_NOOP("Fields", "Description"),
    QT_TRANSLATE_NOOP("Fields", "Owner"),
    QT_TRANSLATE_NOOP("Fields", "Due date"),
    QT_TRANSLATE_NOOP("Fields", "Barrier"),
    QT_TRANSLATE_NOOP("Fields", "Alternative"),
    QT_TRANSLATE_NOOP("Fields", "Planned at"),
    QT_TRANSLATE_NOOP("Fields", "Check in at"),
    QT_TRANSLATE_NOOP("Fields", "Check out at"),
    QT_TRANSLATE_NOOP("Fields", "Purpose"),
    QT_TRANSLATE_NOOP("Fields", "Recipient"),
    QT_TRANSLATE_NOOP("Fields", "Shares"),
    QT_TRANSLATE_NOOP("Fields", "Valid from"),
    QT_TRANSLATE_NOOP("Fields", "Valid until"),
    QT_TRANSLATE_NOOP("Fields", "Revoked on"),
    QT_TRANSLATE_NOOP("Fields", "Revoked reason"),
    QT_TRANSLATE_NOOP("Fields", "First name"),
    QT_TRANSLATE_NOOP("Fields", "Last name"),
    QT_TRANSLATE_NOOP("Fields", "Date of birth"),
    QT_TRANSLATE_NOOP("Fields", "Phone"),
    QT_TRANSLATE_NOOP("Fields", "Address"),
    QT_TRANSLATE_NOOP("Fields", "City"),
    QT_TRANSLATE_NOOP("Fields", "Postal code"),
    QT_TRANSLATE_NOOP("Fields", "Language"),
    QT_TRANSLATE_NOOP("Fields", "Lives alone"),
    QT_TRANSLATE_NOOP("Fields", "Risk flags"),
    QT_TRANSLATE_NOOP("Fields", "Notes"),
    QT_TRANSLATE_NOOP("Fields", "Name"),
    QT_TRANSLATE_NOOP("Fields", "Relationship"),
    QT_TRANSLATE_NOOP("Fields", "Status reason"),
    QT_TRANSLATE_NOOP("Fields", "Due on"),
    QT_TRANSLATE_NOOP("Fields", "Priority"),
    QT_TRANSLATE_NOOP("Fields", "Subject"),
    QT_TRANSLATE_NOOP("Fields", "Resolution"),
};

QString fieldLabel(const QString &field)
{
    return QCoreApplication::translate("Fields",
                                       RecordFields::fieldWords(field).toUtf8().constData());
}

QString label(const QString &code)
{
    static const QHash<QString, const char *> labels{
        {"draft", QT_TRANSLATE_NOOP("RecordInput", "Draft")},
        {"active", QT_TRANSLATE_NOOP("RecordInput", "Active")},
        {"completed", QT_TRANSLATE_NOOP("RecordInput", "Completed")},
        {"superseded", QT_TRANSLATE_NOOP("RecordInput", "Superseded")},
        {"cancelled", QT_TRANSLATE_NOOP("RecordInput", "Cancelled")},
        {"open", QT_TRANSLATE_NOOP("RecordInput", "Open")},
        {"in_progress", QT_TRANSLATE_NOOP("RecordInput", "In progress")},
        {"achieved", QT_TRANSLATE_NOOP("RecordInput", "Achieved")},
        {"not_achieved", QT_TRANSLATE_NOOP("RecordInput", "Not achieved")},
        {"dropped", QT_TRANSLATE_NOOP("RecordInput", "Dropped")},
        {"todo", QT_TRANSLATE_NOOP("RecordInput", "To do")},
        {"done", QT_TRANSLATE_NOOP("RecordInput", "Done")},
        {"sent", QT_TRANSLATE_NOOP("RecordInput", "Sent")},
        {"accepted", QT_TRANSLATE_NOOP("RecordInput", "Accepted")},
        {"declined", QT_TRANSLATE_NOOP("RecordInput", "Declined")},
        {"in_service", QT_TRANSLATE_NOOP("RecordInput", "In service")},
        {"closed", QT_TRANSLATE_NOOP("RecordInput", "Closed")},
        {"preparing", QT_TRANSLATE_NOOP("RecordInput", "Preparing")},
        {"submitted", QT_TRANSLATE_NOOP("RecordInput", "Submitted")},
        {"approved", QT_TRANSLATE_NOOP("RecordInput", "Approved")},
        {"denied", QT_TRANSLATE_NOOP("RecordInput", "Denied")},
        {"appealed", QT_TRANSLATE_NOOP("RecordInput", "Appealed")},
        {"withdrawn", QT_TRANSLATE_NOOP("RecordInput", "Withdrawn")},
        {"scheduled", QT_TRANSLATE_NOOP("RecordInput", "Scheduled")},
        {"missed", QT_TRANSLATE_NOOP("RecordInput", "Missed")},
        {"discontinued", QT_TRANSLATE_NOOP("RecordInput", "Discontinued")},
        {"client", QT_TRANSLATE_NOOP("RecordInput", "Client")},
        {"coordinator", QT_TRANSLATE_NOOP("RecordInput", "Coordinator")},
        {"provider", QT_TRANSLATE_NOOP("RecordInput", "Provider")},
        {"family", QT_TRANSLATE_NOOP("RecordInput", "Family")},
        {"representative", QT_TRANSLATE_NOOP("RecordInput", "Representative")},
        {"medical", QT_TRANSLATE_NOOP("RecordInput", "Medical")},
        {"emotional", QT_TRANSLATE_NOOP("RecordInput", "Emotional well-being")},
        {"social", QT_TRANSLATE_NOOP("RecordInput", "Social support")},
        {"financial", QT_TRANSLATE_NOOP("RecordInput", "Financial stability")},
        {"daily_living", QT_TRANSLATE_NOOP("RecordInput", "Daily living")},
        {"housing", QT_TRANSLATE_NOOP("RecordInput", "Housing")},
        {"transportation", QT_TRANSLATE_NOOP("RecordInput", "Transportation")},
        {"medication", QT_TRANSLATE_NOOP("RecordInput", "Medication management")},
        {"safety", QT_TRANSLATE_NOOP("RecordInput", "Safety")},
        {"on_hold", QT_TRANSLATE_NOOP("RecordInput", "On hold")},
        {"discharged", QT_TRANSLATE_NOOP("RecordInput", "Discharged")},
        {"revoked", QT_TRANSLATE_NOOP("RecordInput", "Revoked")},
        {"investigating", QT_TRANSLATE_NOOP("RecordInput", "Investigating")},
        {"resolved", QT_TRANSLATE_NOOP("RecordInput", "Resolved")},
        {"none", QT_TRANSLATE_NOOP("RecordInput", "Not escalated")},
        {"supervisor", QT_TRANSLATE_NOOP("RecordInput", "To the supervisor")},
        {"agency", QT_TRANSLATE_NOOP("RecordInput", "To the agency director")},
        {"ombudsman", QT_TRANSLATE_NOOP("RecordInput", "To the ombudsman")},
        {"phone", QT_TRANSLATE_NOOP("RecordInput", "Phone call")},
        {"text_message", QT_TRANSLATE_NOOP("RecordInput", "Text message")},
        {"email", QT_TRANSLATE_NOOP("RecordInput", "Email")},
        {"in_person", QT_TRANSLATE_NOOP("RecordInput", "In person")},
        {"video", QT_TRANSLATE_NOOP("RecordInput", "Video call")},
        {"letter", QT_TRANSLATE_NOOP("RecordInput", "Letter")},
        {"outgoing", QT_TRANSLATE_NOOP("RecordInput", "We contacted them")},
        {"incoming", QT_TRANSLATE_NOOP("RecordInput", "They contacted us")},
        {"low", QT_TRANSLATE_NOOP("RecordInput", "Low")},
        {"normal", QT_TRANSLATE_NOOP("RecordInput", "Normal")},
        {"high", QT_TRANSLATE_NOOP("RecordInput", "High")},
        {"exceeded", QT_TRANSLATE_NOOP("RecordInput", "Exceeded")},
        {"partly_achieved", QT_TRANSLATE_NOOP("RecordInput", "Partly achieved")},
        {"planned", QT_TRANSLATE_NOOP("RecordInput", "Planned")},
        {"complete", QT_TRANSLATE_NOOP("RecordInput", "Complete")},
        {"initial", QT_TRANSLATE_NOOP("RecordInput", "Initial")},
        {"reassessment", QT_TRANSLATE_NOOP("RecordInput", "Reassessment")},
        {"annual", QT_TRANSLATE_NOOP("RecordInput", "Annual")},
    };
    if (const char *text = labels.value(code))
        return tr(text);
    QString s = code;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

QVariantList statusChoices(const EntityDef &def, const QString &current)
{
    QVariantList out{QVariantMap{{"value", current}, {"label", label(current)}}};
    for (const QString &to : def.transitions.value(current))
        out.append(QVariantMap{{"value", to}, {"label", label(to)}});
    return out;
}

QVariantList fieldChoices(const EntityDef &def, const QString &field)
{
    QVariantList out;
    if (const FieldDef *fd = def.field(field))
        for (const QString &value : fd->allowed)
            out.append(QVariantMap{{"value", value}, {"label", label(value)}});
    return out;
}

QDate localDate(const QString &iso)
{
    return iso.size() > 10 ? QDateTime::fromString(iso, Qt::ISODate).toLocalTime().date()
                           : QDate::fromString(iso, Qt::ISODate);
}

QString shortDayText(const QDate &day)
{
    return QLocale().toString(day, QStringLiteral("ddd d MMM"));
}

QString clockText(const QString &isoUtc)
{
    return QLocale().toString(QDateTime::fromString(isoUtc, Qt::ISODate).toLocalTime().time(),
                              QStringLiteral("HH:mm"));
}

QString dateText(const QString &isoDate)
{
    const QDate d = localDate(isoDate);
    return d.isValid() ? QLocale().toString(d, QStringLiteral("d MMM yyyy")) : QString();
}

QString dateTimeText(const QString &isoUtc)
{
    const QDateTime when = QDateTime::fromString(isoUtc, Qt::ISODate);
    return when.isValid()
               ? QLocale().toString(when.toLocalTime(), QStringLiteral("ddd d MMM yyyy, HH:mm"))
               : QString();
}

QString momentText(const QString &iso)
{
    if (iso.size() > 10) {
        const QDateTime when = QDateTime::fromString(iso, Qt::ISODate).toLocalTime();
        return QLocale().toString(when, QStringLiteral("d MMM yyyy, hh:mm"));
    }
    return QLocale().toString(QDate::fromString(iso, Qt::ISODate), QStringLiteral("d MMM yyyy"));
}

QString dayText(const QDate &day)
{
    return QLocale().toString(day, QStringLiteral("ddd d MMM yyyy"));
}

QString timeText(const QString &isoUtc, const QDate &today)
{
    if (isoUtc.isEmpty())
        return {};
    const QDate day = localDate(isoUtc);
    const QString time = clockText(isoUtc);
    return day == today ? time : dayText(day) + QStringLiteral(", ") + time;
}

QString dateTimeInput(const QString &isoUtc)
{
    const QDateTime when = QDateTime::fromString(isoUtc, Qt::ISODate);
    return when.isValid() ? when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : QString();
}

} // namespace careround::RecordInput
