#pragma once

#include "hlc.h"
#include "schema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

namespace careround::test {

/** A valid value of a field, built from its schema description (deterministic per salt). */
inline QJsonValue sampleValue(const FieldDef &fd, int salt = 0)
{
    if (!fd.allowed.isEmpty())
        return fd.allowed.at(salt % fd.allowed.size());
    switch (fd.type) {
    case FieldType::Text:
        return QStringLiteral("%1 sample %2").arg(fd.name).arg(salt);
    case FieldType::Integer:
    case FieldType::Real:
        return fd.minimum < fd.maximum ? fd.minimum + (salt % int(fd.maximum - fd.minimum + 1))
                                       : double(salt + 1);
    case FieldType::Boolean:
        return salt % 2 == 0;
    case FieldType::Date:
        return QStringLiteral("2026-11-%1").arg(10 + salt % 18);
    case FieldType::DateTime:
        return QStringLiteral("2026-11-%1T09:30:00Z").arg(10 + salt % 18);
    case FieldType::Reference:
        return newUuid7();
    case FieldType::TextList:
        return QJsonArray{QStringLiteral("one"), QStringLiteral("two %1").arg(salt)};
    case FieldType::Json:
        return QJsonArray{QJsonArray{1, 2, 3, 4}};
    }
    return {};
}

/** A complete, valid set of values for a new record of a kind (voided fields left out). */
inline QJsonObject sampleRecord(const EntityDef &def, int salt = 0)
{
    QJsonObject values;
    for (const FieldDef &fd : def.fields) {
        if (fd.name == QLatin1String("voided") || fd.name == QLatin1String("voidReason"))
            continue;
        values.insert(fd.name, sampleValue(fd, salt));
    }
    if (def.name == QLatin1String("assessmentAnswer")) {
        values.insert(QStringLiteral("instrument"), QStringLiteral("phq9"));
        values.insert(QStringLiteral("item"), QStringLiteral("mood"));
        values.insert(QStringLiteral("value"), 2);
    }
    if (def.name == QLatin1String("signature"))
        values.insert(QStringLiteral("recordEntity"), QStringLiteral("visit"));
    return values;
}

} // namespace careround::test
