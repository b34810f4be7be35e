#pragma once

#include "merge.h"

#include <QJsonArray>
#include <QJsonObject>

namespace careround {

/** Limits of the sync protocol (docs/sync-protocol.md). */
namespace ProtocolLimits {
constexpr int kMaxChangesPerPush = 1000;
constexpr qint64 kMaxBodyBytes = qint64(8) * 1024 * 1024;
constexpr int kDefaultPullLimit = 2000;
constexpr int kMaxPullLimit = 5000;
constexpr int kProtocolVersion = 1;
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

QJsonObject stampsToJson(const FieldStamps &stamps);
bool stampsFromJson(const QJsonObject &json, FieldStamps &out);

/** {"error": code, "message": text} */
QJsonObject errorBody(const QString &code, const QString &message);

} // namespace Protocol

} // namespace careround
