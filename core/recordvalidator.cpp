#include "recordvalidator.h"

#include "instruments.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace careround::RecordValidator {

namespace {

QString where(const EntityDef &entity, const FieldDef &field)
{
    return QStringLiteral("%1.%2").arg(entity.name, field.name);
}

constexpr int kMaxTextLength = 100000;

} // namespace

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
        return field.required ? QStringLiteral("%1 is required and cannot be cleared")
                                    .arg(where(entity, field))
                              : QString();
    const auto wrongType = [&] {
        return QStringLiteral("%1 must be %2").arg(where(entity, field), fieldTypeName(field.type));
    };
    switch (field.type) {
    case FieldType::Text:
    case FieldType::Date:
    case FieldType::DateTime:
    case FieldType::Reference: {
        if (!value.isString())
            return wrongType();
        const QString s = value.toString();
        if (s.size() > kMaxTextLength)
            return QStringLiteral("%1 is longer than %2 characters")
                .arg(where(entity, field))
                .arg(kMaxTextLength);
        if (field.type == FieldType::Date && !isDate(s))
            return wrongType();
        if (field.type == FieldType::DateTime && !isDateTime(s))
            return wrongType();
        if (field.type == FieldType::Reference && !isUuid(s))
            return wrongType();
        if (field.required && s.trimmed().isEmpty())
            return QStringLiteral("%1 is required").arg(where(entity, field));
        if (!field.allowed.isEmpty() && !field.allowed.contains(s))
            return QStringLiteral("%1 must be one of: %2")
                .arg(where(entity, field), field.allowed.join(QStringLiteral(", ")));
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
            return QStringLiteral("%1 must be between %2 and %3")
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
        for (const auto &item : value.toArray())
            if (!item.isString() || item.toString().size() > kMaxTextLength)
                return wrongType();
        return {};
    }
    case FieldType::Json:
        return value.isObject() || value.isArray() ? QString() : wrongType();
    }
    return wrongType();
}

QString checkEdit(const EntityDef &entity, const QJsonObject &current, const QJsonObject &changes,
                  bool isCreate)
{
    if (changes.isEmpty())
        return QStringLiteral("The edit to %1 changes nothing").arg(entity.label);
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const FieldDef *fd = entity.field(it.key());
        if (!fd)
            return QStringLiteral("%1 has no field \"%2\"").arg(entity.name, it.key().left(64));
        QString error = checkValue(entity, *fd, it.value());
        if (!error.isEmpty())
            return error;
    }
    if (isCreate) {
        for (const FieldDef &fd : entity.fields)
            if (fd.required && !changes.contains(fd.name))
                return QStringLiteral("%1 is required").arg(where(entity, fd));
    } else if (!entity.statusField.isEmpty() && changes.contains(entity.statusField)) {
        const QString from = current.value(entity.statusField).toString();
        const QString to = changes.value(entity.statusField).toString();
        if (!entity.allowsTransition(from, to))
            return QStringLiteral("A %1 cannot move from \"%2\" to \"%3\"")
                .arg(entity.label, from, to);
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
