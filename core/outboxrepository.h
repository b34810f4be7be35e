#pragma once

#include "hlc.h"
#include "sqlitedatabase.h"

#include <QJsonObject>
#include <QSet>
#include <QVector>

namespace careround {

/**
 * One local edit waiting to reach the server: the fields it set, the HLC of the edit and,
 * per field, the stamp of the value the edit was based on (absent when the field was unset).
 * seq is the device sequence number the server uses to apply each edit once.
 */
struct OutboxEntry {
    qint64 seq = 0;
    QString entity;
    QString recordId;
    Hlc hlc;
    QJsonObject values;
    QJsonObject bases; ///< field -> stamp text
};

/** The device's change log of edits not yet acknowledged by the server. */
class OutboxRepository {
public:
    explicit OutboxRepository(SqliteDatabase &db) : m_db(db) {}

    qint64 append(const OutboxEntry &entry);
    /** The oldest pending entries, at most limit of them, in seq order. */
    QVector<OutboxEntry> pending(int limit);
    /**
     * Marks the entries the server acknowledged (every seq <= upTo). They are kept a while,
     * so that a server restored from a backup can be sent them again (see resendAfter).
     */
    void acknowledge(qint64 upTo);
    /** Makes acknowledged entries after seq pending again (the server lost them). */
    void resendAfter(qint64 seq);
    /** Drops acknowledged entries whose edit is older than the given HLC. */
    void pruneAcknowledged(Hlc olderThan);
    /** The number of entries still waiting for the server. */
    qint64 count();
    /** The highest seq ever written (0 when none). */
    qint64 lastSeq();
    /** Fields of a record that have edits still waiting to be pushed. */
    QSet<QString> pendingFields(const QString &entity, const QString &recordId);

private:
    SqliteDatabase &m_db;
};

/** Small named values the device keeps: its id, the clock, the sync cursor. */
class MetaRepository {
public:
    explicit MetaRepository(SqliteDatabase &db) : m_db(db) {}
    QString value(const QString &key, const QString &fallback = {});
    void setValue(const QString &key, const QString &value);
    /** Forgets a value (a finished backfill's cursor). */
    void remove(const QString &key);

private:
    SqliteDatabase &m_db;
};

} // namespace careround
