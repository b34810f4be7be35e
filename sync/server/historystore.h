#pragma once

#include "record.h"
#include "serverdatabase.h"

#include <QHash>
#include <QJsonValue>

#include <optional>

namespace careround {

/** Why a field's new value landed, as the history says it (docs/sync-protocol.md, history). */
enum class HistoryOutcome {
    Applied,            ///< an ordinary edit of a device
    ConflictWinner,     ///< the edit won over a concurrent one (the loser is in a conflict)
    Resolution,         ///< the edit resolves an open conflict about the field in its push
    RefusedThenApplied, ///< a refused change a supervisor applied from the review store
    Admin,              ///< written by the server itself (office commands, conflict records)
};
QString historyOutcomeName(HistoryOutcome outcome);

/**
 * Whom a write to the record table is attributed to in the history, and why it landed:
 * passed along the write path (ServerStore::write) by whoever writes. The account and
 * device are the author's (for a refused change applied later: still the tablet's, not the
 * supervisor's). fieldOutcomes overrides outcome for single fields.
 */
struct Provenance {
    QString accountId; ///< empty: none (the office's command line)
    QString deviceId;  ///< empty: none
    HistoryOutcome outcome = HistoryOutcome::Applied;
    QHash<QString, HistoryOutcome> fieldOutcomes = {};

    HistoryOutcome outcomeOf(const QString &field) const
    {
        return fieldOutcomes.value(field, outcome);
    }
    /** What the server writes on its own, in no one's name. */
    static Provenance admin() { return {{}, {}, HistoryOutcome::Admin}; }
};

/** One entry of the history: one field of one record, changed by one write. */
struct FieldChange {
    qint64 seq = 0;
    QString entity;
    QString recordId;
    QString clientId;
    QString field;
    std::optional<QJsonValue> before; ///< none: the field did not exist
    QJsonValue after;
    QString accountId;
    QString deviceId;
    QString stamp;      ///< the field's new stamp (HLC @ node; empty: it has none)
    QString serverTime; ///< ISO 8601 UTC, with milliseconds
    QString outcome;
};

/**
 * The agency's change history: an append-only table (migration 2; triggers refuse UPDATE
 * and DELETE on SQLite and PostgreSQL) with one entry per field that a write changed. It is
 * written by ServerStore (write gathers, finishWrites inserts) in the transaction of the
 * write, so a change and its history commit or vanish together; the entries of a whole push
 * go in a few multi-row INSERTs. Entries are numbered by a history sequence of their own.
 */
class HistoryStore {
public:
    explicit HistoryStore(ServerDatabase &db) : m_db(db) {}

    /** The entries of one write transaction not inserted yet, and its last history number. */
    struct Batch {
        qint64 lastSeq = -1; ///< -1: not read yet
        QVariantList rows;   ///< the columns of each entry, in order
        qint64 timeMillis = 0;
        QString timeText; ///< the server time of timeMillis, as entries store it
    };

    /**
     * Adds an entry for every field whose stamp or value the write changed to the batch
     * (inserted when it is full, or by flush). `before` is the record as it was (none: new).
     */
    void append(Batch &batch, const std::optional<Record> &before, const Record &after,
                const QString &clientId, const Provenance &provenance, qint64 nowMillis);
    /** Inserts what the batch holds (one INSERT per 80 entries); call before the commit. */
    void flush(Batch &batch);

    /** The client's entries after the cursor, in history order, leaving out these kinds. */
    QVector<FieldChange> page(const QString &clientId, qint64 cursor, int limit,
                              const QStringList &hiddenKinds);
    /**
     * Entries newest first, at most limit: by this account (empty: anyone), of this client
     * (empty: any), with a server time at or after `from` and before `to` (ISO 8601; empty:
     * open). The office's audit page.
     */
    /**
     * Every value one field of a kind was given, in history order, without the values before
     * (the reports' steps: when a referral became accepted, a complaint resolved).
     */
    QVector<FieldChange> valuesOf(const QString &entity, const QString &field);
    QVector<FieldChange> search(const QString &accountId, const QString &clientId,
                                const QString &from, const QString &to, int limit);

private:
    ServerDatabase &m_db;
};

} // namespace careround
