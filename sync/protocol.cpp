#include "protocol.h"

#include "recordvalidator.h"

#include <QJsonDocument>

#include <cmath>

namespace careround {

namespace {
constexpr int kMaxUnknownFieldBytes = 100000;

/** A JSON number that is a whole number a double holds exactly (checked before any cast). */
bool isSafeInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return d >= -9007199254740991.0 && d <= 9007199254740991.0 && d == std::floor(d);
}
} // namespace

QJsonObject Protocol::errorBody(const QString &code, const QString &message)
{
    return QJsonObject{{"error", code}, {"message", message}};
}

QJsonObject Protocol::stampsToJson(const FieldStamps &stamps)
{
    QJsonObject o;
    for (auto it = stamps.cbegin(); it != stamps.cend(); ++it)
        o.insert(it.key(), it.value().toString());
    return o;
}

bool Protocol::stampsFromJson(const QJsonObject &json, FieldStamps &out)
{
    out.clear();
    for (auto it = json.begin(); it != json.end(); ++it) {
        const Stamp s = Stamp::fromString(it.value().toString());
        if (s.isNull() || s.node.isEmpty() || s.node.size() > 64)
            return false;
        out.insert(it.key(), s);
    }
    return true;
}

QJsonObject Protocol::encodeChange(qint64 deviceSeq, const QString &entity, const QString &id,
                                   Hlc hlc, const QJsonObject &values, const QJsonObject &bases)
{
    QJsonObject o{{"deviceSeq", double(deviceSeq)},
                  {"entity", entity},
                  {"id", id},
                  {"hlc", QStringLiteral("%1").arg(hlc.packed, 16, 16, QLatin1Char('0'))},
                  {"values", values}};
    if (!bases.isEmpty())
        o.insert(QStringLiteral("bases"), bases);
    return o;
}

QString Protocol::decodeChange(const QJsonValue &json, const QString &deviceId,
                               bool allowUnknownFields, PushChange &out)
{
    if (!json.isObject())
        return QStringLiteral("a change must be a JSON object");
    const QJsonObject o = json.toObject();
    const QJsonValue seq = o.value(QStringLiteral("deviceSeq"));
    if (!isSafeInteger(seq) || seq.toDouble() < 1)
        return QStringLiteral("deviceSeq must be a positive integer");
    out.deviceSeq = qint64(seq.toDouble());
    const QString entity = o.value(QStringLiteral("entity")).toString();
    const EntityDef *def = Schema::instance().entity(entity);
    if (!def || !def->replicated)
        return QStringLiteral("change %1: unknown entity").arg(out.deviceSeq);
    const QString id = o.value(QStringLiteral("id")).toString();
    if (!RecordValidator::isUuid(id))
        return QStringLiteral("change %1: id must be a UUID").arg(out.deviceSeq);
    bool ok = false;
    const QString hlcText = o.value(QStringLiteral("hlc")).toString();
    const quint64 hlc = hlcText.size() == 16 ? hlcText.toULongLong(&ok, 16) : 0;
    if (!ok || hlc == 0)
        return QStringLiteral("change %1: hlc must be 16 hex digits").arg(out.deviceSeq);
    const QJsonValue values = o.value(QStringLiteral("values"));
    if (!values.isObject() || values.toObject().isEmpty())
        return QStringLiteral("change %1: values must be a non-empty object").arg(out.deviceSeq);
    const QJsonObject vals = values.toObject();
    for (auto it = vals.begin(); it != vals.end(); ++it) {
        const FieldDef *fd = def->field(it.key());
        if (fd) {
            const QString error = RecordValidator::checkValue(*def, *fd, it.value());
            if (!error.isEmpty())
                return QStringLiteral("change %1: %2").arg(out.deviceSeq).arg(error);
        } else if (!allowUnknownFields) {
            return QStringLiteral("change %1: %2 has no field \"%3\"")
                .arg(out.deviceSeq)
                .arg(def->name, it.key().left(64));
        } else if (it.key().size() > 64 || it.key().isEmpty() ||
                   QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact).size() >
                       kMaxUnknownFieldBytes) {
            // Unknown fields come from a newer app: kept and passed on, within bounds.
            return QStringLiteral("change %1: field name or value too large").arg(out.deviceSeq);
        }
    }
    const QJsonValue bases = o.value(QStringLiteral("bases"));
    if (!bases.isUndefined() && !bases.isObject())
        return QStringLiteral("change %1: bases must be an object").arg(out.deviceSeq);
    out.edit = Edit{};
    if (!stampsFromJson(bases.toObject(), out.edit.bases))
        return QStringLiteral("change %1: malformed base stamp").arg(out.deviceSeq);
    out.edit.entity = def->name;
    out.edit.id = id;
    out.edit.values = vals;
    out.edit.stamp = Stamp{Hlc{hlc}, deviceId};
    return {};
}

QJsonObject Protocol::encodeRecord(const Record &record, qint64 seq)
{
    return QJsonObject{{"entity", record.entity},
                       {"id", record.id},
                       {"seq", double(seq)},
                       {"values", record.values},
                       {"stamps", stampsToJson(record.stamps)}};
}

QString Protocol::decodeRecord(const QJsonValue &json, Record &out, qint64 &seq)
{
    const QJsonObject o = json.toObject();
    const EntityDef *def = Schema::instance().entity(o.value(QStringLiteral("entity")).toString());
    if (!def)
        return QStringLiteral("unknown entity in pulled record");
    out = Record{};
    out.entity = def->name;
    out.id = o.value(QStringLiteral("id")).toString();
    if (!RecordValidator::isUuid(out.id))
        return QStringLiteral("pulled record without a valid id");
    const QJsonValue seqValue = o.value(QStringLiteral("seq"));
    if (!isSafeInteger(seqValue) || seqValue.toDouble() < 0)
        return QStringLiteral("pulled record without a valid seq");
    seq = qint64(seqValue.toDouble());
    out.values = o.value(QStringLiteral("values")).toObject();
    if (!stampsFromJson(o.value(QStringLiteral("stamps")).toObject(), out.stamps))
        return QStringLiteral("malformed stamp in pulled record");
    return {};
}

} // namespace careround
