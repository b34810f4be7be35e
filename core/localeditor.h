#pragma once

#include "devicestore.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace careround {

/**
 * Every edit made on the device goes through here. Each call validates against the schema
 * and writes, in ONE transaction, the record, its outbox entry (HLC stamp and base stamps)
 * and an audit event; bad input throws StoreError and writes nothing. Once committed, the edit
 * is published on the store's ChangeFeed (kind, record, client).
 */
class LocalEditor {
public:
    LocalEditor(DeviceStore &store, QString actorId) : m_store(store), m_actor(std::move(actorId))
    {}

    /** Creates a record; returns its new UUIDv7 id. */
    QString create(const QString &entity, const QJsonObject &values);
    /** Sets some fields of a record. Fields whose value does not change are skipped. */
    void update(const QString &entity, const QString &id, const QJsonObject &changes);
    /**
     * Runs several edits as one: every one is stored, or (when one throws) none is. Each is
     * published once all are committed.
     */
    void together(const std::function<void()> &edits);
    /** Soft-deletes a record with a reason. */
    void voidRecord(const QString &entity, const QString &id, const QString &reason);
    /**
     * Signs an assessment, care plan or visit: stores a signature bound to the hash of the
     * exact content signed, which seals the record. Returns the signature's id.
     */
    QString sign(const QString &entity, const QString &id, const QString &signerName,
                 const QString &relationship, const QJsonArray &strokes);
    /**
     * Dismisses an edit the server refused (OutboxRepository::refused): it leaves the refused
     * list, and an audit event says so (its kind, record, reason and fields; never values).
     * False when there is no such refused edit.
     */
    bool dismissRefused(qint64 seq);
    /** The content hash (see contenthash.h) of a stored record and its sealed children. */
    QString contentHash(const QString &entity, const QString &id);

    QString actorId() const { return m_actor; }

private:
    const EntityDef &entityDef(const QString &entity) const;
    Record load(const EntityDef &def, const QString &id);
    void commit(const EntityDef &def, Record record, const QJsonObject &changes,
                const QString &action, bool baseOnWholeRecord = false);
    void publish(const EntityDef &def, const Record &record);

    DeviceStore &m_store;
    QString m_actor;
    int m_together = 0;            ///< depth of together() calls
    QVector<Change> m_unpublished; ///< what together() publishes once committed
};

} // namespace careround
