#pragma once

#include "merge.h"
#include "recordvalidator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

namespace careround {

/**
 * Limits of the sync protocol (docs/sync-protocol.md, "Limits").
 *
 * What a device pushes is later sent to other devices, sometimes wrapped by the server: a
 * held edit becomes `{"value": {field: value}}` inside a conflict's `otherValue`, an
 * amendment keeps the signed and the proposed values of a record side by side. So the
 * limits on input (depth, size, count) are set well inside what any decoder reads, and the
 * server checks what it stores against a second, larger bound that leaves room for that
 * wrapping (kMaxStored*): a pull page always decodes on the server's own decoder and on
 * every tablet, whatever was pushed.
 */
namespace ProtocolLimits {
constexpr int kMaxChangesPerPush = 1000;
constexpr qint64 kMaxBodyBytes = qint64(8) * 1024 * 1024;
constexpr int kDefaultPullLimit = 2000;
constexpr int kMaxPullLimit = 5000;
constexpr int kProtocolVersion = 1;

/** Any pushed value, of a known field or an unknown one: nesting, and bytes as JSON. */
constexpr int kMaxValueDepth = RecordValidator::kMaxJsonDepth;
constexpr qsizetype kMaxValueBytes = RecordValidator::kMaxJsonBytes;
/** Fields a change may carry that the server's schema does not know (from a newer app). */
constexpr int kMaxUnknownFields = 64;
/** The values of one change, and of one record after a change is merged, as JSON. */
constexpr qsizetype kMaxChangeBytes = qsizetype(2) * 1024 * 1024;
constexpr qsizetype kMaxRecordBytes = kMaxChangeBytes;

/**
 * The server's wrapping: a field's value goes at most this much deeper in a record the
 * server writes (a held edit: conflict.otherValue = {"value": {field: value}}).
 */
constexpr int kWrapDepth = 2;
/**
 * Every record the server stores (conflicts included) has values at most this deep and this
 * large; a change that would store more is refused. A record's values object is one level:
 * 1 + kMaxValueDepth + kWrapDepth for one wrapping, with room for a conflict about a
 * conflict. A conflict holds two values of one record (kept and other) and its own fields.
 */
constexpr int kMaxStoredDepth = 1 + kMaxValueDepth + 4 * kWrapDepth;
constexpr qsizetype kMaxStoredBytes = 2 * kMaxRecordBytes + qsizetype(64) * 1024;

/**
 * A pull page stops after the record that takes it past this many bytes (and always holds at
 * least one record), so a page is at most kMaxPageBytes + kMaxStoredBytes.
 */
constexpr qsizetype kMaxPageBytes = qsizetype(16) * 1024 * 1024;
/** A page nests a record's values three levels down: {"records": [{"values": …}]}. */
constexpr int kMaxPageDepth = 3 + kMaxStoredDepth;
/** The nesting the decoders are known to read (Qt's QJsonDocument: 1024; simdjson: 1024). */
constexpr int kDecoderNestingLimit = 1024;
static_assert(kMaxPageDepth < kDecoderNestingLimit / 8,
              "pull pages must nest far below decoders' limits");
static_assert(kMaxValueDepth + kWrapDepth + 1 < kMaxStoredDepth,
              "a held edit's wrapped value must fit in what the server stores");
static_assert(kMaxChangeBytes < kMaxBodyBytes, "one change fits in one push");
} // namespace ProtocolLimits

/** One change of a push: an edit and the device's sequence number for it. */
struct PushChange {
    qint64 deviceSeq = 0;
    Edit edit;
};

/**
 * The JSON codecs of the sync protocol, shared by the device and the server. Decoders are
 * strict: they return an error message (for a 400 reply) and never a half-read value.
 */
namespace Protocol {

/** The version of this build of CareRound (a tablet reports it in hello). */
QString appVersion();

QJsonObject encodeChange(qint64 deviceSeq, const QString &entity, const QString &id, Hlc hlc,
                         const QJsonObject &values, const QJsonObject &bases);
/**
 * Decodes one pushed change; the edit's stamp gets the node of the authenticated device.
 * Fields this schema does not know are refused, unless the device runs a newer schema
 * (allowUnknownFields): then they are kept and passed on.
 */
QString decodeChange(const QJsonValue &json, const QString &deviceId, bool allowUnknownFields,
                     PushChange &out);

QJsonObject encodeRecord(const Record &record, qint64 seq);
QString decodeRecord(const QJsonValue &json, Record &out, qint64 &seq);

/**
 * Decodes a request or reply body: one JSON object. Stricter than QJsonDocument: a raw
 * control character (U+0000 to U+001F) inside a string is refused, as RFC 8259 says.
 */
QString decodeBody(const QByteArray &raw, QJsonObject &out);

/** The value as a whole number a double holds exactly (|n| <= 2^53 - 1), or nothing. */
std::optional<qint64> integerValue(const QJsonValue &value);

/** Parses a whole decimal number of 1 to 18 digits, nothing else (no sign, no spaces). */
std::optional<qint64> parseCount(QStringView text);

/**
 * The first of `names` given more than once in the query (empty: none). A query read strictly
 * takes each parameter once: a second one could be read one way here and another by a proxy.
 */
QString repeatedItem(const QUrlQuery &query, const QStringList &names);

/**
 * Checks a record the server is about to store against kMaxStoredDepth and kMaxStoredBytes
 * (and kMaxRecordBytes for a kind that is not a conflict); an error message, or empty.
 */
QString checkStored(const EntityDef &def, const QJsonObject &values);
/** The same, with the values already encoded as compact JSON (`valuesJson`). */
QString checkStored(const EntityDef &def, const QJsonObject &values, const QByteArray &valuesJson);

/** Compact JSON text of an object, as the server stores values. */
QByteArray compactJson(const QJsonObject &object);
/** Appends `text` as a JSON string literal (quoted, escaped), as QJsonDocument writes it. */
void appendJsonString(QByteArray &out, QStringView text);

QJsonObject stampsToJson(const FieldStamps &stamps);
/** stampsToJson() as compact JSON text, written directly (the server's write path). */
QByteArray stampsJsonText(const FieldStamps &stamps);
bool stampsFromJson(const QJsonObject &json, FieldStamps &out);

/** {"error": code, "message": text} */
QJsonObject errorBody(const QString &code, const QString &message);

} // namespace Protocol

} // namespace careround
