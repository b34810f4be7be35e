#include "protocol.h"

#include "recordvalidator.h"

#include <QJsonDocument>

#include <cmath>

namespace careround {

QString Protocol::appVersion()
{
    return QStringLiteral(CAREROUND_VERSION);
}

namespace {

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

QString Protocol::decodeBody(const QByteArray &raw, QJsonObject &out)
{
    // QJsonDocument takes raw control characters inside strings; RFC 8259 does not.
    bool inString = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const auto c = static_cast<unsigned char>(raw[i]);
        if (inString && c < 0x20)
            return QStringLiteral("a raw control character inside a string at byte %1").arg(i);
        if (c == '"') {
            inString = !inString;
        } else if (c == '\\' && inString) {
            // No text CareRound keeps holds U+0000, and PostgreSQL cannot store it in text.
            if (QByteArrayView(raw).sliced(i + 1).startsWith("u0000"))
                return QStringLiteral("U+0000 inside a string at byte %1").arg(i);
            ++i; // the escaped character is not the end of the string (checked by the parser)
        }
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return parseError.errorString();
    if (!doc.isObject())
        return QStringLiteral("not an object");
    out = doc.object();
    return {};
}

std::optional<qint64> Protocol::integerValue(const QJsonValue &value)
{
    if (!isSafeInteger(value))
        return std::nullopt;
    return qint64(value.toDouble());
}

std::optional<qint64> Protocol::parseCount(QStringView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 n = 0;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        n = n * 10 + (c.unicode() - '0');
    }
    return n;
}

QString Protocol::repeatedItem(const QUrlQuery &query, const QStringList &names)
{
    for (const QString &name : names)
        if (query.allQueryItemValues(name, QUrl::FullyDecoded).size() > 1)
            return name;
    return {};
}

QString Protocol::checkStored(const EntityDef &def, const QJsonObject &values)
{
    return checkStored(def, values, compactJson(values));
}

QByteArray Protocol::compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace {

/** The text as the inside of a JSON string (escaped, no quotes). */
void appendEscaped(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    // Runs of bytes that need no escape are copied whole: most texts are one such run.
    const char *run = utf8.cbegin();
    for (const char *p = run; p != utf8.cend(); ++p) {
        const char c = *p;
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        // The escapes QJsonDocument writes, so that the text is the same as its own.
        switch (c) {
        case '"':
        case '\\':
            out.append('\\').append(c);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default:
            out.append("\\u00", 4).append(hex[u >> 4]).append(hex[u & 0xf]);
        }
    }
    out.append(run, utf8.cend() - run);
}

} // namespace

void Protocol::appendJsonString(QByteArray &out, QStringView text)
{
    out.append('"');
    appendEscaped(out, text);
    out.append('"');
}

QString Protocol::checkStored(const EntityDef &def, const QJsonObject &values,
                              const QByteArray &valuesJson)
{
    if (RecordValidator::jsonDepth(values, ProtocolLimits::kMaxStoredDepth) >
        ProtocolLimits::kMaxStoredDepth)
        return QStringLiteral("the %1 would nest deeper than the server stores (%2 levels)")
            .arg(def.label)
            .arg(ProtocolLimits::kMaxStoredDepth);
    const qsizetype limit = def.name == QLatin1String("conflict") ? ProtocolLimits::kMaxStoredBytes
                                                                  : ProtocolLimits::kMaxRecordBytes;
    if (valuesJson.size() > limit)
        return QStringLiteral("the %1 would be larger than the server stores (%2 bytes of JSON)")
            .arg(def.label)
            .arg(limit);
    return {};
}

QJsonObject Protocol::stampsToJson(const FieldStamps &stamps)
{
    QJsonObject o;
    for (auto it = stamps.cbegin(); it != stamps.cend(); ++it)
        o.insert(it.key(), it.value().toString());
    return o;
}

QByteArray Protocol::stampsJsonText(const FieldStamps &stamps)
{
    QByteArray out;
    out.reserve(stamps.size() * 48 + 2);
    out.append('{');
    for (auto it = stamps.cbegin(); it != stamps.cend(); ++it) {
        if (out.size() > 1)
            out.append(',');
        appendJsonString(out, it.key());
        // "<hlc digits>@<node>", written here: stamps are written for every stored field.
        out.append(":\"", 2);
        if (const Stamp &stamp = it.value(); !stamp.isNull()) {
            stamp.hlc.appendText(out);
            out.append('@');
            appendEscaped(out, stamp.node);
        }
        out.append('"');
    }
    out.append('}');
    return out;
}

bool Protocol::stampsFromJson(const QJsonObject &json, FieldStamps &out)
{
    out.clear();
    out.reserve(json.size());
    QString node; // the previous field's: shared by the next one with the same node
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonValue value = it.value();
        const Stamp s = Stamp::fromString(value.toString(), node);
        if (!value.isString() || s.isNull())
            return false;
        node = s.node;
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
                  {"hlc", hlc.toText()},
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
    const Hlc hlc = Hlc::fromText(o.value(QStringLiteral("hlc")).toString());
    if (hlc.isNull())
        return QStringLiteral("change %1: hlc must be 16 lower-case hex digits, not all zero")
            .arg(out.deviceSeq);
    const QJsonValue values = o.value(QStringLiteral("values"));
    if (!values.isObject() || values.toObject().isEmpty())
        return QStringLiteral("change %1: values must be a non-empty object").arg(out.deviceSeq);
    const QJsonObject vals = values.toObject();
    int unknown = 0;
    for (auto it = vals.begin(); it != vals.end(); ++it) {
        const FieldDef *fd = def->field(it.key());
        QString error;
        if (fd) {
            error = RecordValidator::checkValue(*def, *fd, it.value());
        } else if (!allowUnknownFields) {
            error = QStringLiteral("%1 has no field \"%2\"").arg(def->name, it.key().left(64));
        } else if (++unknown > ProtocolLimits::kMaxUnknownFields) {
            // Unknown fields come from a newer app: kept and passed on, within bounds.
            error = QStringLiteral("more than %1 fields unknown to this server")
                        .arg(ProtocolLimits::kMaxUnknownFields);
        } else {
            error = RecordValidator::checkUnknownValue(*def, it.key(), it.value());
        }
        if (!error.isEmpty())
            return QStringLiteral("change %1: %2").arg(out.deviceSeq).arg(error);
    }
    if (RecordValidator::jsonBytes(vals) > ProtocolLimits::kMaxChangeBytes)
        return QStringLiteral("change %1: values larger than %2 bytes of JSON")
            .arg(out.deviceSeq)
            .arg(ProtocolLimits::kMaxChangeBytes);
    const QJsonValue bases = o.value(QStringLiteral("bases"));
    if (!bases.isUndefined() && !bases.isObject())
        return QStringLiteral("change %1: bases must be an object").arg(out.deviceSeq);
    out.edit = Edit{};
    if (!stampsFromJson(bases.toObject(), out.edit.bases))
        return QStringLiteral("change %1: malformed base stamp").arg(out.deviceSeq);
    out.edit.entity = def->name;
    out.edit.id = id;
    out.edit.values = vals;
    out.edit.stamp = Stamp{hlc, deviceId};
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
