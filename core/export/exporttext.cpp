#include "exporttext.h"

#include "recordfields.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

namespace careround::ExportText {

QString codeLabel(const QString &code)
{
    if (code.isEmpty())
        return code;
    QString words = code;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    words[0] = words[0].toUpper();
    return words;
}

QString fieldLabel(const QString &field)
{
    return RecordFields::fieldWords(field);
}

QString dateText(const QString &isoDate)
{
    const QDate d = QDate::fromString(isoDate.left(10), Qt::ISODate);
    return d.isValid() ? QLocale::c().toString(d, QStringLiteral("d MMM yyyy")) : QString();
}

QString dateTimeText(const QString &isoUtc, const QTimeZone &zone)
{
    const QDateTime when = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!when.isValid())
        return isoUtc;
    const QDateTime local = when.toTimeZone(zone);
    return QLocale::c().toString(local, QStringLiteral("ddd d MMM yyyy, HH:mm")) +
           QStringLiteral(" (") + zone.abbreviation(local) + QLatin1Char(')');
}

QString valueText(const FieldDef &field, const QJsonValue &value, const QTimeZone &zone)
{
    if (value.isNull() || value.isUndefined())
        return {};
    switch (field.type) {
    case FieldType::Boolean:
        return value.toBool() ? QStringLiteral("Yes") : QStringLiteral("No");
    case FieldType::Integer:
        return QString::number(value.toInteger());
    case FieldType::Real:
        return QString::number(value.toDouble());
    case FieldType::Date:
        return dateText(value.toString());
    case FieldType::DateTime:
        return dateTimeText(value.toString(), zone);
    case FieldType::TextList: {
        QStringList items;
        for (const auto &v : value.toArray())
            items.append(field.allowed.isEmpty() ? v.toString() : codeLabel(v.toString()));
        return items.join(QStringLiteral(", "));
    }
    case FieldType::Text:
        return field.allowed.isEmpty() && field.name != QLatin1String("status")
                   ? value.toString()
                   : codeLabel(value.toString());
    case FieldType::Reference:
    case FieldType::Json:
        return {};
    }
    return {};
}

QString personName(const Record &client)
{
    return (client.text("firstName") + QLatin1Char(' ') + client.text("lastName")).trimmed();
}

} // namespace careround::ExportText
