#pragma once

#include "record.h"
#include "schema.h"

namespace careround::RecordFields {

/** A kind the code itself names (it exists in every schema version): its definition. */
inline const EntityDef &kind(const char *name)
{
    return *Schema::instance().entity(QString::fromLatin1(name));
}

/** A field's value as text (empty when unset). */
inline QString text(const Record &record, const char *field)
{
    return record.values.value(QLatin1String(field)).toString();
}

/** A field name in words, in English: "reviewDate" -> "Review date" (the one spelling: the
    exports use it as it is, the tablet translates it). */
inline QString fieldWords(const QString &field)
{
    QString out;
    for (const QChar c : field) {
        if (c.isUpper() && !out.isEmpty()) {
            out += QLatin1Char(' ');
            out += c.toLower();
        } else {
            out += out.isEmpty() ? c.toUpper() : c;
        }
    }
    return out;
}

/** A client's name as "First Last". */
inline QString clientName(const Record &client)
{
    return text(client, "firstName") + QLatin1Char(' ') + text(client, "lastName");
}

} // namespace careround::RecordFields
