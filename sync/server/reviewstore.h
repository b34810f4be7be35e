#pragma once

#include "serverdatabase.h"

#include <QJsonObject>
#include <QMap>

#include <optional>

namespace careround {

/** A change the server refused, kept whole for a supervisor (the review store's row). */
struct RefusedChange {
    QString id;       ///< the review entry's id (a UUID)
    QString deviceId; ///< the device that pushed it; with deviceSeq, its identity
    qint64 deviceSeq = 0;
    QString entity;     ///< as sent (may be a kind this server does not know)
    QString recordId;   ///< as sent
    QString clientId;   ///< the client it is about, when the server could tell (else empty)
    QString authorId;   ///< the account of the device
    QJsonObject change; ///< the change as pushed: deviceSeq, entity, id, hlc, values, bases
    QString receivedAt; ///< server time, ISO 8601
    QString reason;     ///< the refusal's code (client_moved, forbidden, invalid_change, ...)
    QString message;    ///< the refusal in plain words
    QString state;      ///< open, applied or discarded
    QString settledBy;  ///< the supervisor who settled it
    QString settledAt;
    QString settleReason;
};

/**
 * The review store: every change the server refused, whole, until a supervisor applies or
 * discards it (docs/sync-protocol.md, "Refused changes and the review store"). All of its
 * SQL is here; callers hold the transaction around a unit of work.
 */
class ReviewStore {
public:
    explicit ReviewStore(ServerDatabase &db) : m_db(db) {}

    /** Keeps a refused change, once: a second one with the same device and deviceSeq (a
        resend after a lost reply) keeps the first. */
    void keep(const RefusedChange &change);
    /** The refused changes of a device with deviceSeq in [from, to], by deviceSeq. */
    QMap<qint64, RefusedChange> ofDevice(const QString &deviceId, qint64 from, qint64 to);
    std::optional<RefusedChange> byId(const QString &id);
    /** Open entries after the id (empty: from the first), oldest first, at most limit. */
    QVector<RefusedChange> open(const QString &after, int limit);
    qint64 openCount();
    /** Marks an open entry applied or discarded; false when it was no longer open. */
    bool settle(const QString &id, const QString &state, const QString &by, const QString &at,
                const QString &reason);

private:
    QVector<RefusedChange> select(const QString &where, const QVariantList &params);
    ServerDatabase &m_db;
};

} // namespace careround
