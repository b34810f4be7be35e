#pragma once

#include "hlc.h"
#include "sqlitedatabase.h"

#include <QJsonObject>
#include <QSet>
#include <QVector>

#include <optional>

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

/** An edit the server refused: kept, with the server's reason, until the user dismisses it. */
struct RefusedEntry {
    OutboxEntry entry;
    QString reason;  ///< the server's code: client_moved, forbidden, invalid_change, ...
    QString message; ///< the server's plain words
};

/** A pulled record this app could not apply (a kind it does not know): kept raw. */
struct SetAsideRecord {
    QString entity;
    QString id;
    qint64 seq = 0;
    QJsonObject record; ///< the record as pulled
    QString reason;     ///< why it was set aside
};

/**
 * The device's change log of edits not yet acknowledged by the server, the edits the server
 * refused (until dismissed), and the pulled records set aside. An entry is pending (acked 0),
 * acknowledged (acked 1, kept a while for a server restored from a backup; a refused one, with
 * its reason, until dismissed), or kept for review (acked 2): an edit made under an earlier
 * sign-in that is never sent. Kept entries, and refused ones carried over a re-enrolment, sit
 * outside the device sequence (negative seq).
 */
class OutboxRepository {
public:
    explicit OutboxRepository(SqliteDatabase &db) : m_db(db) {}

    /** The statements that bring the outbox to device schema version v. */
    static QStringList migrationSql(int version);

    qint64 append(const OutboxEntry &entry);
    /** The oldest pending entries, at most limit of them, in seq order. */
    QVector<OutboxEntry> pending(int limit);
    /**
     * Marks the entries the server acknowledged (every seq <= upTo). They are kept a while,
     * so that a server restored from a backup can be sent them again (see resendAfter).
     */
    void acknowledge(qint64 upTo);
    /**
     * Acknowledges one entry as refused by the server, with its reason: it is no longer
     * pending, and stays (values and all) in refused() until dismissed.
     */
    void markRefused(qint64 seq, const QString &reason, const QString &message);
    /** Makes acknowledged entries after seq pending again (the server lost them). */
    void resendAfter(qint64 seq);
    /** Drops acknowledged entries whose edit is older than the given HLC (never a refused
        one the user has not dismissed). */
    void pruneAcknowledged(Hlc olderThan);
    /** The refused entries not dismissed, oldest edit first (by HLC). */
    QVector<RefusedEntry> refused();
    qint64 refusedCount();
    /** Forgets a refused entry (the user dismissed it); its entry, none when not refused. */
    std::optional<RefusedEntry> dismissRefused(qint64 seq);

    /** Keeps a pulled record aside (a newer pull of the same record replaces it). */
    void setAside(const SetAsideRecord &record);
    /** The records set aside, in pull order. */
    QVector<SetAsideRecord> setAsideRecords();
    void removeSetAside(const QString &entity, const QString &id);
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
     * dropped (they belong to the database that was replaced), refused ones stay listed but
     * leave the sequence (negative seq), and the pending ones are numbered on from
     * serverLastSeq + 1 (also when the server is ahead: another history of this device), as
     * are the edits appended later. Call inside a transaction.
     */
    void rebaseAfter(qint64 serverLastSeq);
    /**
     * Pending edits that name the account `from` in a field referring to a coordinator (a
     * client's coordinatorId, a note's authorId) name `to` instead: the same coordinator with
     * a new account id on a replaced database.
     */
    void replaceAccount(const QString &from, const QString &to);
    /**
     * Pending edits become kept for review (never sent); acknowledged entries are dropped,
     * except refused ones: they stay listed as refused, outside the sequence.
     */
    void keepPendingForReview();
    /** The edits kept for review, oldest first. */
    QVector<OutboxEntry> keptForReview();
    /** Forgets one kept edit (the coordinator read it and dismissed it). */
    void dismissKept(qint64 seq);

private:
    /** Refused entries still in the device sequence go below every seq in use, in order. */
    void moveRefusedAside();

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
