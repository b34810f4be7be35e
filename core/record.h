#pragma once

#include "hlc.h"
#include "schema.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace careround {

/** Field name -> the stamp of the edit that wrote the field's current value. */
using FieldStamps = QHash<QString, Stamp>;

/**
 * One record as stored: its id, the values of its fields (known and unknown to this
 * version of the schema, null when unset) and the stamp of each field's current value.
 */
struct Record {
    QString entity;
    QString id;
    QJsonObject values;
    FieldStamps stamps;

    bool isVoided() const { return values.value(QStringLiteral("voided")).toBool(); }
    /** A field's value as text (empty when unset). */
    QString text(const char *field) const { return values.value(QLatin1String(field)).toString(); }
    QString clientId(const EntityDef &def) const;
    /** The greatest stamp of any field: the record's version. */
    Stamp latestStamp() const;
};

/** Compact binary form of a record's field stamps (one blob column per row). */
namespace StampCodec {
QByteArray encode(const FieldStamps &stamps);
FieldStamps decode(const QByteArray &blob);
} // namespace StampCodec

} // namespace careround
