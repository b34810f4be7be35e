#include "recordvalidator.h"

#include "instruments.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace careround::RecordValidator {

namespace {

QString where(const EntityDef &entity, const FieldDef &field)
{
    return QStringLiteral("%1.%2").arg(entity.name, field.name);
}

QString tooLong(const EntityDef &entity, const FieldDef &field)
{
    return QCoreApplication::translate("careround::RecordValidator",
                                       "%1 is longer than %2 characters")
        .arg(where(entity, field))
        .arg(kMaxTextLength);
}

QString checkJson(const QString &where, const QJsonValue &value)
{
    if (jsonDepth(value, kMaxJsonDepth) > kMaxJsonDepth)
        return QCoreApplication::translate("careround::RecordValidator",
                                           "%1 is nested deeper than %2 levels")
            .arg(where)
            .arg(kMaxJsonDepth);
    if (jsonBytes(value) > kMaxJsonBytes)
        return QCoreApplication::translate("careround::RecordValidator",
                                           "%1 is larger than %2 bytes of JSON")
            .arg(where)
            .arg(kMaxJsonBytes);
    return {};
}

} // namespace

qsizetype codePointCount(QStringView text)
{
    qsizetype n = text.size();
    for (qsizetype i = 0; i + 1 < text.size(); ++i)
        if (text[i].isHighSurrogate() && text[i + 1].isLowSurrogate()) {
            --n;
            ++i;
        }
    return n;
}

QString leftCharacters(const QString &text, qsizetype n)
{
    qsizetype units = 0;
    for (qsizetype seen = 0; units < text.size() && seen < n; ++seen)
        units += text[units].isHighSurrogate() && units + 1 < text.size() &&
                         text[units + 1].isLowSurrogate()
                     ? 2
                     : 1;
    return text.left(units);
}

int jsonDepth(const QJsonValue &value, int limit)
{
    if (limit < 0)
        return 0;
    int deepest = 0;
    if (value.isArray()) {
        for (const auto &item : value.toArray())
            deepest = qMax(deepest, jsonDepth(item, limit - 1));
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            deepest = qMax(deepest, jsonDepth(it.value(), limit - 1));
    } else {
        return 0;
    }
    return deepest + 1;
}

qsizetype jsonBytes(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).size() - 2;
}

QString checkUnknownValue(const EntityDef &entity, const QString &name, const QJsonValue &value)
{
    if (name.isEmpty() || codePointCount(name) > 64)
        return QCoreApplication::translate(
                   "careround::RecordValidator",
                   "%1 has a field whose name is empty or longer than 64 characters")
            .arg(entity.name);
    return checkJson(QStringLiteral("%1.%2").arg(entity.name, name.left(64)), value);
}

bool isDate(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("\\A\\d{4}-\\d{2}-\\d{2}\\z"));
    return shape.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}

bool isDateTime(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral(
        "\\A\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})\\z"));
    return shape.match(text).hasMatch() && QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
}

bool isUuid(const QString &text)
{
    static const QRegularExpression shape(
        QStringLiteral("\\A[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\z"));
    return shape.match(text).hasMatch();
}

QString checkValue(const EntityDef &entity, const FieldDef &field, const QJsonValue &value)
{
    if (value.isNull())
        return field.required ? QCoreApplication::translate("careround::RecordValidator",
                                                            "%1 is required and cannot be cleared")
                                    .arg(where(entity, field))
                              : QString();
    const auto wrongType = [&] {
        return QCoreApplication::translate("careround::RecordValidator", "%1 must be %2")
            .arg(where(entity, field), fieldTypeName(field.type));
    };
    switch (field.type) {
    case FieldType::Text:
    case FieldType::Date:
    case FieldType::DateTime:
    case FieldType::Reference: {
        if (!value.isString())
            return wrongType();
        const QString s = value.toString();
        if (s.size() > kMaxTextLength && codePointCount(s) > kMaxTextLength)
            return tooLong(entity, field);
        if (field.type == FieldType::Date && !isDate(s))
            return wrongType();
        if (field.type == FieldType::DateTime && !isDateTime(s))
            return wrongType();
        if (field.type == FieldType::Reference && !isUuid(s))
            return wrongType();
        if (field.required && s.trimmed().isEmpty())
            return QCoreApplication::translate("careround::RecordValidator", "%1 is required")
                .arg(where(entity, field));
        if (!field.allowed.isEmpty() && !field.allowed.contains(s))
            return QCoreApplication::translate("careround::RecordValidator",
                                               "%1 must be one of: %2")
                .arg(where(entity, field), field.allowed.join(QStringLiteral(", ")));
        // A status is one of the kind's statuses (its transitions say which), wherever the
        // value comes from; which step may follow which is checkEdit's, on the edit's device.
        if (field.name == entity.statusField && !entity.transitions.isEmpty() &&
            !entity.transitions.contains(s)) {
            QStringList statuses = entity.transitions.keys();
            statuses.sort();
            return QCoreApplication::translate("careround::RecordValidator",
                                               "%1 must be one of: %2")
                .arg(where(entity, field), statuses.join(QStringLiteral(", ")));
        }
        return {};
    }
    case FieldType::Integer:
    case FieldType::Real: {
        if (!value.isDouble())
            return wrongType();
        const double d = value.toDouble();
        if (!std::isfinite(d))
            return wrongType();
        if (field.type == FieldType::Integer &&
            (d != std::floor(d) || std::fabs(d) > 9007199254740991.0))
            return wrongType();
        if (field.minimum < field.maximum && (d < field.minimum || d > field.maximum))
            return QCoreApplication::translate("careround::RecordValidator",
                                               "%1 must be between %2 and %3")
                .arg(where(entity, field))
                .arg(field.minimum)
                .arg(field.maximum);
        return {};
    }
    case FieldType::Boolean:
        return value.isBool() ? QString() : wrongType();
    case FieldType::TextList: {
        if (!value.isArray())
            return wrongType();
        const QJsonArray items = value.toArray();
        if (items.size() > kMaxListItems)
            return QCoreApplication::translate("careround::RecordValidator",
                                               "%1 has more than %2 items")
                .arg(where(entity, field))
                .arg(kMaxListItems);
        for (const auto &item : items) {
            if (!item.isString())
                return wrongType();
            const QString s = item.toString();
            if (s.size() > kMaxTextLength && codePointCount(s) > kMaxTextLength)
                return tooLong(entity, field);
        }
        return {};
    }
    case FieldType::Json:
        if (!value.isObject() && !value.isArray())
            return wrongType();
        return checkJson(where(entity, field), value);
    }
    return wrongType();
}

QString checkEdit(const EntityDef &entity, const QJsonObject &current, const QJsonObject &changes,
                  bool isCreate)
{
    if (changes.isEmpty())
        return QCoreApplication::translate("careround::RecordValidator",
                                           "The edit to %1 changes nothing")
            .arg(entity.labelText());
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const FieldDef *fd = entity.field(it.key());
        if (!fd)
            return QCoreApplication::translate("careround::RecordValidator",
                                               "%1 has no field \"%2\"")
                .arg(entity.name, it.key().left(64));
        QString error = checkValue(entity, *fd, it.value());
        if (!error.isEmpty())
            return error;
    }
    if (isCreate) {
        for (const FieldDef &fd : entity.fields)
            if (fd.required && !changes.contains(fd.name))
                return QCoreApplication::translate("careround::RecordValidator", "%1 is required")
                    .arg(where(entity, fd));
    } else if (!entity.statusField.isEmpty() && changes.contains(entity.statusField)) {
        const QString from = current.value(entity.statusField).toString();
        const QString to = changes.value(entity.statusField).toString();
        if (!entity.allowsTransition(from, to))
            return QCoreApplication::translate("careround::RecordValidator",
                                               "A %1 cannot move from \"%2\" to \"%3\"")
                .arg(entity.labelText(), from, to);
    }
    if (entity.name == QLatin1String("assessmentAnswer")) {
        QJsonObject merged = current;
        for (auto it = changes.begin(); it != changes.end(); ++it)
            merged.insert(it.key(), it.value());
        const QString instrument = merged.value(QStringLiteral("instrument")).toString();
        const QString item = merged.value(QStringLiteral("item")).toString();
        const QJsonValue value = merged.value(QStringLiteral("value"));
        if (instrument != QLatin1String("domain")) {
            // The item must belong to the instrument even before it has an answer.
            const Instrument *known = Instruments::find(instrument);
            const InstrumentItem *knownItem = known ? known->item(item) : nullptr;
            const int answer = value.isDouble() ? value.toInt()
                               : knownItem      ? knownItem->minimum
                                                : 0;
            return Instruments::checkAnswer(instrument, item, answer);
        }
    }
    return {};
}

} // namespace careround::RecordValidator
