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

/**
 * The device's change log of edits not yet acknowledged by the server. An entry is pending
 * (acked 0), acknowledged (acked 1, kept a while for a server restored from a backup), or
 * kept for review (acked 2): an edit made under an earlier sign-in that is never sent; such
 * entries sit outside the device sequence (negative seq).
 */
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

    /**
     * After an enrolment with a server that knows this device only up to serverLastSeq (0: not
     * at all): the acknowledged entries after it are sent again when the tablet still holds
     * every one of them (the same agency, restored); otherwise acknowledged entries are
     * dropped (they belong to the database that was replaced) and the pending ones are
     * numbered on from serverLastSeq + 1 (also when the server is ahead: another history of
     * this device), as are the edits appended later. Call inside a transaction.
     */
    void rebaseAfter(qint64 serverLastSeq);
    /**
     * Pending edits that name the account `from` in a field referring to a coordinator (a
     * client's coordinatorId, a note's authorId) name `to` instead: the same coordinator with
     * a new account id on a replaced database.
     */
    void replaceAccount(const QString &from, const QString &to);
    /** Pending edits become kept for review (never sent); acknowledged entries are dropped. */
    void keepPendingForReview();
    /** The edits kept for review, oldest first. */
    QVector<OutboxEntry> keptForReview();
    /** Forgets one kept edit (the coordinator read it and dismissed it). */
    void dismissKept(qint64 seq);

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
    /** Forgets every value whose key starts with prefix. */
    void removeStartingWith(const QString &prefix);

private:
    SqliteDatabase &m_db;
};

} // namespace careround
