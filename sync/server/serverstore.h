#pragma once

#include "accesspolicy.h"
#include "historystore.h"
#include "hlc.h"
#include "jsonfieldreader.h"
#include "record.h"
#include "serverdatabase.h"

#include <optional>

namespace careround {

/** A record as the server stores it: values and stamps as compact JSON text. */
struct StoredRecord {
    QString entity;
    QString id;
    qint64 seq = 0;
    QString values; ///< JSON object text (empty: none)
    QString stamps; ///< JSON object text (empty: none)
};

/**
 * Some fields of a stored record (ServerStore::fieldsOf), as JsonFieldReader reads them:
 * what the office's dashboard and reports read, so that nothing else of the record is decoded.
 */
struct RecordFields {
    QString id;
    QString clientId;
    qint64 seq = 0;
    QVariantList values; ///< the fields asked for, in that order (null: unset)

    QString text(qsizetype i) const { return values.at(i).toString(); }
    /** The value as a whole number, or none when unset or not a number. */
    std::optional<int> number(qsizetype i) const
    {
        const QVariant &v = values.at(i);
        if (v.typeId() != QMetaType::LongLong && v.typeId() != QMetaType::Double)
            return std::nullopt;
        return v.toInt();
    }
};

/**
 * The agency server's records and what is derived from them: the record table with its
 * gapless sequence and the server's clock, the caseloads, the seals of signed records and
 * the agency's meta values (name, epoch). All of its SQL is here; callers hold the
 * transaction (transaction()) around a unit of work.
 */
class ServerStore : public CaseloadSource {
public:
    explicit ServerStore(ServerDatabase &db, WallClock wall = systemWallClock());

    /**
     * Writes in one transaction: the next sequence numbers and the server's clock, read when
     * it starts (startWrites), and the history entries of its writes, saved by finishWrites
     * before the commit. Inside a ReadCache the record rows wait here as well, one per record
     * however often it was written, and finishWrites stores them in few statements.
     */
    struct Writes {
        qint64 seq = 0;
        HybridLogicalClock clock;
        HistoryStore::Batch history = {};
        /** A record row waiting to be stored: its last write in this transaction. */
        struct Row {
            QString entity;
            QString id;
            QString clientId; ///< of its first write (a stored record keeps its own)
            qint64 seq = 0;
            QString vals;
            QString stamps;
        };
        QVector<Row> rows = {};
        QHash<QString, qsizetype> rowOf = {}; ///< entity/id -> index in rows
        /** A stamp of the server for a field it writes now. */
        Stamp stamp();

        /** Where the writes stand, without a copy of the entries waiting in the batch. */
        struct Mark {
            qint64 seq;
            HybridLogicalClock clock;
            qint64 historySeq;
            qsizetype historyRows;
        };
        Mark mark() const { return {seq, clock, history.lastSeq, history.rows.size()}; }
        /** Back to a mark: what a change refused before its first write moved (the clock;
            a refusal comes before any write, so no history entry or record row was added). */
        void rollBackTo(const Mark &m)
        {
            seq = m.seq;
            clock = m.clock;
            history.lastSeq = m.historySeq;
            if (history.rows.size() > m.historyRows)
                history.rows.resize(m.historyRows);
        }
    };

    /** The node of the server's own stamps (office commands, console edits, conflicts). */
    static QString serverNode();

    /** Begins a transaction of this database (rolled back unless committed). */
    ServerTransaction transaction(ServerTransaction::Mode mode) { return {m_db, mode}; }

    /**
     * While it lives, the store keeps what it reads of records, caseloads and seals, and what
     * it writes, so a push reads each record once: preload() fetches the records a push is
     * about (and their seals) in a few statements, and load() and caseloadEntry() answer from
     * memory after that. Only inside one write transaction (a push), where no one else
     * writes: the store sees every change to what it keeps, and forgets it all when the scope
     * ends.
     */
    class ReadCache {
    public:
        explicit ReadCache(ServerStore &store) : m_store(store) { m_store.m_caching = true; }
        ~ReadCache();
        ReadCache(const ReadCache &) = delete;
        ReadCache &operator=(const ReadCache &) = delete;

    private:
        ServerStore &m_store;
    };
    [[nodiscard]] ReadCache cacheReads() { return ReadCache(*this); }
    /** Reads these records (kind and id) into the ReadCache, stored or not, in few queries. */
    void preload(const QVector<QPair<const EntityDef *, QString>> &records);

    QString meta(const QString &key);
    void setMeta(const QString &key, const QString &value);
    /** The agency's epoch: a new one tells devices to resend what the server may have lost. */
    QString epoch() { return meta(QStringLiteral("epoch")); }
    /** The last sequence number given to a record. */
    qint64 maxSeq();

    Writes startWrites();
    /**
     * Stores the record with the next sequence number, its caseload or seal, and (by
     * finishWrites, in the same transaction) the history of every field the write changed,
     * attributed to `provenance`. `before` is the record as
     * stored before (none: new), as the caller loaded it in this transaction. `valuesJson`:
     * the values as compact JSON when the caller has encoded them already.
     */
    void write(Writes &writes, const EntityDef &def, const Record &record, const QString &clientId,
               const std::optional<Record> &before, const Provenance &provenance,
               const QByteArray &valuesJson = {});
    void finishWrites(Writes &writes);
    /**
     * Gives a stored record the next sequence number without changing it, so that the
     * devices that read it pull it again (its author takes the server's value back over a
     * change the server refused). Writes no history: no value changed. False when there is no
     * such record.
     */
    bool touch(Writes &writes, const EntityDef &def, const QString &id);

    /** The stored record, and the client it belongs to (empty: none). */
    std::optional<Record> load(const EntityDef &def, const QString &id,
                               QString *clientId = nullptr);
    /** True when the record, or the signable record it belongs to, is signed. */
    bool isSealed(const EntityDef &def, const Record &record);
    /** True when the record with this id is signed. */
    bool isSealedId(const QString &recordId);

    /** The clients on the coordinator's caseload now, by id. */
    QStringList caseload(const QString &coordinatorId);
    std::optional<CaseloadEntry> caseloadEntry(const QString &clientId,
                                               const QString &coordinatorId) override;

    /** Records after the cursor in sequence order, within the scope (and the client, if set).
        withStamps false: the stamps are left empty (not read). */
    QVector<StoredRecord> page(qint64 cursor, int limit, const QString &clientId,
                               const ReadScope &scope, bool withStamps = true);
    /** Every record of a kind within the scope, in sequence order. */
    QVector<StoredRecord> allOf(const QString &entity, const ReadScope &scope);

    /**
     * Every record of a kind within the scope, decoded, voided ones left out, with the client
     * each belongs to (Record::clientId of the kind). What the office console reads.
     */
    QVector<Record> records(const QString &entity, const ReadScope &scope);
    /** Which of a kind's records fieldsOf() and storedOf() read, and which of their fields. */
    struct FieldQuery {
        FieldQuery(QString entity, QStringList fields, QStringList stampFields = {},
                   QString whereField = {}, QString whereValue = {})
            : entity(std::move(entity)), fields(std::move(fields)),
              stampFields(std::move(stampFields)), whereField(std::move(whereField)),
              whereValue(std::move(whereValue))
        {}
        QString entity;
        QStringList fields;      ///< values, by name (letters, digits and _ only)
        QStringList stampFields; ///< stamps of fields, as text, after the values
        QString whereField;      ///< only records whose value of this field is `whereValue`
        QString whereValue;
        qint64 afterSeq = 0; ///< only records after this sequence number
        int limit = 0;       ///< at most this many (0: all)
    };
    /**
     * The asked fields of every record the query names within the scope, voided ones left
     * out, in sequence order. Each stored JSON text is read once, for those fields only
     * (JsonFieldReader), and the database passes over records without the `where` text
     * before that: the office's reads of the whole agency decode nothing else. Throws
     * StoreError (InvalidInput) on a field name that is not a plain name.
     */
    QVector<RecordFields> fieldsOf(const FieldQuery &query, const ReadScope &scope);
    /**
     * The same records one at a time, nothing kept: each one's row (id, client id, seq, and
     * with `whole` its values and stamps as JSON text) and its asked values. In sequence
     * order unless `anyOrder` (the database then sorts nothing: no rows held to sort them).
     */
    void forEachOf(
        const FieldQuery &query, const ReadScope &scope, bool whole,
        const std::function<void(const ServerDatabase::RowView &, const QVariantList &)> &keep,
        bool anyOrder = false);
    /** The same records whole, as stored (the query's fields are not read). */
    QVector<StoredRecord> storedOf(const FieldQuery &query, const ReadScope &scope);
    /**
     * Whether a stored record is one a FieldQuery reads (not voided, with its `where` value),
     * and its asked values: the rule of fieldsOf(), for callers that keep records read
     * otherwise (RecordViews). Throws StoreError (InvalidInput) as fieldsOf() does.
     */
    class FieldMatcher {
    public:
        explicit FieldMatcher(const FieldQuery &query);
        /** True when the record with these values and stamps (JSON text) is read; `out`: the
            asked values then the asked stamps. */
        bool match(QByteArrayView values, QByteArrayView stamps, QVariantList &out);
        const FieldQuery &query() const { return m_query; }
        /** The text every record with the `where` value holds (empty: no `where`). */
        const QByteArray &needle() const { return m_needle; }

    private:
        FieldQuery m_query;
        JsonFieldReader m_values;
        JsonFieldReader m_stamps;
        QByteArray m_needle;
    };
    /**
     * Every record written after the sequence number (every kind, whatever the scope), in
     * sequence order: columns id, client id, seq, values and stamps (JSON text), entity.
     */
    void forEachWrittenAfter(qint64 seq,
                             const std::function<void(const ServerDatabase::RowView &)> &written);
    /** Every record of one client (the client's own included), decoded, in sequence order. */
    QVector<Record> clientRecords(const QString &clientId);

    /** The change history, written by write(). */
    HistoryStore &history() { return m_history; }

private:
    std::optional<CaseloadEntry> readCaseloadEntry(const QString &clientId,
                                                   const QString &coordinatorId);
    QString scopeSql(const ReadScope &scope, QVariantList &params) const;

    /** A record as load() returns it, or none stored. */
    struct Loaded {
        std::optional<Record> record;
        QString clientId;
    };
    static QString cacheKey(const QString &entity, const QString &id)
    {
        return entity + QLatin1Char('/') + id;
    }
    static Loaded loadedFrom(const EntityDef &def, const QString &id,
                             const ServerDatabase::Row &row);
    /** The record row now: an UPDATE, or an INSERT when there is none. */
    void storeRow(const Writes::Row &row);
    /** Stores the rows waiting in the writes (finishWrites). */
    void storeRows(Writes &writes);
    /** The record id a seal of this record would name (empty: it cannot be sealed). */
    static QString sealTarget(const EntityDef &def, const Record &record);
    /** Reads which of these record ids are sealed into the ReadCache. */
    void preloadSeals(const QStringList &targets);

    ServerDatabase &m_db;
    WallClock m_wall;
    HistoryStore m_history;
    bool m_caching = false;
    QHash<QString, Loaded> m_records;                         ///< entity/id (ReadCache)
    QHash<QString, std::optional<CaseloadEntry>> m_caseloads; ///< client/coordinator
    QHash<QString, bool> m_seals;                             ///< record id: sealed (ReadCache)
};

} // namespace careround
