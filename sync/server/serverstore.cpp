#include "serverstore.h"

#include "jsonfieldreader.h"
#include "protocol.h"
#include "sqlitedatabase.h"

#include <QJsonDocument>

namespace careround {

namespace {

QJsonObject fromJsonText(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QVector<StoredRecord> storedRecords(const QVector<ServerDatabase::Row> &rows)
{
    QVector<StoredRecord> out;
    out.reserve(rows.size());
    for (const auto &row : rows)
        out.append(StoredRecord{row[0].toString(), row[1].toString(), row[2].toLongLong(),
                                row[3].toString(), row[4].toString()});
    return out;
}

/** `n` copies of a group of placeholders, comma-separated: an IN list or rows of VALUES. */
QString repeated(const QString &group, qsizetype n)
{
    QStringList groups;
    groups.fill(group, n);
    return groups.join(QLatin1Char(','));
}

} // namespace

ServerStore::ReadCache::~ReadCache()
{
    m_store.m_caching = false;
    m_store.m_records.clear();
    m_store.m_caseloads.clear();
    m_store.m_seals.clear();
}

ServerStore::Loaded ServerStore::loadedFrom(const EntityDef &def, const QString &id,
                                            const ServerDatabase::Row &row)
{
    Loaded loaded;
    Record r;
    r.entity = def.name;
    r.id = id;
    r.values = fromJsonText(row[0]);
    Protocol::stampsFromJson(fromJsonText(row[1]), r.stamps);
    loaded.record = std::move(r);
    loaded.clientId = row[2].toString();
    return loaded;
}

void ServerStore::preload(const QVector<QPair<const EntityDef *, QString>> &records)
{
    if (!m_caching)
        return;
    // Per kind, chunks of ids: "entity = ? AND id IN (...)" reads the primary key's index.
    constexpr int kChunk = 200;
    QHash<const EntityDef *, QStringList> byKind;
    for (const auto &[def, id] : records)
        if (!m_records.contains(cacheKey(def->name, id)))
            byKind[def].append(id);
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        const EntityDef &def = *it.key();
        QStringList ids = it.value();
        ids.removeDuplicates();
        for (qsizetype start = 0; start < ids.size(); start += kChunk) {
            const QStringList chunk = ids.mid(start, kChunk);
            QVariantList params{def.name};
            for (const QString &id : chunk) {
                params.append(id);
                m_records.insert(cacheKey(def.name, id), Loaded{}); // none, unless read below
            }
            const QString sql = QStringLiteral("SELECT vals, stamps, client_id, id FROM record "
                                               "WHERE entity = ? AND id IN (%1)")
                                    .arg(repeated(QStringLiteral("?"), chunk.size()));
            for (const ServerDatabase::Row &row : m_db.query(sql, params)) {
                const QString id = row[3].toString();
                m_records.insert(cacheKey(def.name, id), loadedFrom(def, id, row));
            }
        }
    }
    // What isSealed() asks of these records (a new one's signable record, named in its
    // change, is read when asked).
    QStringList targets;
    for (const auto &[def, id] : records) {
        const auto stored = m_records.constFind(cacheKey(def->name, id));
        const QString target = def->signable ? id
                               : stored != m_records.cend() && stored->record
                                   ? sealTarget(*def, *stored->record)
                                   : QString();
        if (!target.isEmpty() && !m_seals.contains(target))
            targets.append(target);
    }
    preloadSeals(targets);
}

void ServerStore::preloadSeals(const QStringList &targets)
{
    constexpr int kChunk = 200;
    QStringList ids = targets;
    ids.removeDuplicates();
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        const QStringList chunk = ids.mid(start, kChunk);
        QVariantList params;
        for (const QString &id : chunk) {
            params.append(id);
            m_seals.insert(id, false); // unless read below
        }
        for (const ServerDatabase::Row &row :
             m_db.query(QStringLiteral("SELECT record_id FROM seal WHERE record_id IN (%1)")
                            .arg(repeated(QStringLiteral("?"), chunk.size())),
                        params))
            m_seals.insert(row[0].toString(), true);
    }
}

QString ServerStore::serverNode()
{
    return QStringLiteral("server");
}

Stamp ServerStore::Writes::stamp()
{
    return Stamp{clock.now(), serverNode()};
}

ServerStore::ServerStore(ServerDatabase &db, WallClock wall)
    : m_db(db), m_wall(std::move(wall)), m_history(db)
{}

QString ServerStore::meta(const QString &key)
{
    return m_db.scalar(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key}).toString();
}

void ServerStore::setMeta(const QString &key, const QString &value)
{
    m_db.exec(QStringLiteral("DELETE FROM meta WHERE key = ?"), {key});
    m_db.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"), {key, value});
}

qint64 ServerStore::maxSeq()
{
    return m_db.scalar(QStringLiteral("SELECT value FROM counter WHERE name = 'seq'")).toLongLong();
}

ServerStore::Writes ServerStore::startWrites()
{
    Writes writes{maxSeq(), HybridLogicalClock(m_wall), {}};
    writes.clock.observe(Hlc{quint64(
        m_db.scalar(QStringLiteral("SELECT value FROM counter WHERE name = 'hlc'")).toLongLong())});
    return writes;
}

void ServerStore::finishWrites(Writes &writes)
{
    storeRows(writes);
    m_history.flush(writes.history);
    m_db.exec(QStringLiteral("UPDATE counter SET value = ? WHERE name = 'seq'"), {writes.seq});
    m_db.exec(QStringLiteral("UPDATE counter SET value = ? WHERE name = 'hlc'"),
              {qint64(writes.clock.last().packed)});
}

void ServerStore::write(Writes &writes, const EntityDef &def, const Record &record,
                        const QString &clientId, const std::optional<Record> &before,
                        const Provenance &provenance, const QByteArray &valuesJson)
{
    m_history.append(writes.history, before, record, clientId, provenance, m_wall());
    if (m_caching) {
        Loaded &cached = m_records[cacheKey(def.name, record.id)];
        if (!cached.record) // a stored record keeps its client: the UPDATE below keeps it too
            cached.clientId = clientId;
        cached.record = record;
    }
    Writes::Row row{
        def.name,
        record.id,
        clientId,
        ++writes.seq,
        QString::fromUtf8(valuesJson.isEmpty() ? Protocol::compactJson(record.values) : valuesJson),
        QString::fromUtf8(Protocol::stampsJsonText(record.stamps))};
    if (m_caching) {
        // Every read of this transaction comes from the cache, which holds the write: the
        // row waits for finishWrites, and a record written again keeps one row, the last.
        const QString key = cacheKey(def.name, record.id);
        if (const auto it = writes.rowOf.constFind(key); it != writes.rowOf.cend()) {
            Writes::Row &waiting = writes.rows[*it];
            waiting.seq = row.seq;
            waiting.vals = std::move(row.vals);
            waiting.stamps = std::move(row.stamps);
        } else {
            writes.rowOf.insert(key, writes.rows.size());
            writes.rows.append(std::move(row));
        }
    } else {
        storeRow(row);
    }
    if (!def.caseloadField.isEmpty()) {
        m_caseloads.clear(); // the client's caseload rows may change below
        const QString coordinator = record.values.value(def.caseloadField).toString();
        m_db.exec(QStringLiteral("UPDATE caseload SET current = 0, until_ms = ? WHERE client_id = "
                                 "? AND coordinator_id <> ? AND current = 1"),
                  {m_wall(), record.id, coordinator});
        if (!coordinator.isEmpty()) {
            m_db.exec(QStringLiteral("UPDATE caseload SET current = 1, until_ms = NULL WHERE "
                                     "client_id = ? AND coordinator_id = ?"),
                      {record.id, coordinator});
            if (m_db.affected() == 0)
                m_db.exec(QStringLiteral("INSERT INTO caseload (client_id, coordinator_id, "
                                         "current) VALUES (?, ?, 1)"),
                          {record.id, coordinator});
        }
    } else if (def.name == QLatin1String("signature")) {
        // The first signature of a record seals it (an amendment signs it again).
        const QString target = record.values.value(QStringLiteral("recordId")).toString();
        if (!isSealedId(target)) {
            m_db.exec(QStringLiteral("INSERT INTO seal (record_id, signature_id) VALUES (?, ?)"),
                      {target, record.id});
            if (m_caching)
                m_seals.insert(target, true);
        }
    }
}

void ServerStore::storeRow(const Writes::Row &row)
{
    m_db.exec(QStringLiteral("UPDATE record SET seq = ?, vals = ?, stamps = ? WHERE entity = ? "
                             "AND id = ?"),
              {row.seq, row.vals, row.stamps, row.entity, row.id});
    if (m_db.affected() == 0)
        m_db.exec(QStringLiteral("INSERT INTO record (entity, id, client_id, seq, vals, stamps) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"),
                  {row.entity, row.id, row.clientId.isEmpty() ? QVariant() : QVariant(row.clientId),
                   row.seq, row.vals, row.stamps});
}

void ServerStore::storeRows(Writes &writes)
{
    if (!m_db.isPostgres()) {
        // In process, a statement per row costs little next to the b-trees it changes.
        for (const Writes::Row &row : writes.rows)
            storeRow(row);
    } else {
        // One round trip per statement: many rows each, a stored record keeping its client.
        // Statements of 2^k rows keep the prepared statements few.
        constexpr int kColumns = 6;
        int chunk = 128;
        qsizetype done = 0;
        QVariantList params;
        while (done < writes.rows.size()) {
            while (chunk > writes.rows.size() - done)
                chunk /= 2;
            params.clear();
            params.reserve(qsizetype(chunk) * kColumns);
            for (qsizetype i = done; i < done + chunk; ++i) {
                const Writes::Row &row = writes.rows.at(i);
                params << row.entity << row.id
                       << (row.clientId.isEmpty() ? QVariant() : QVariant(row.clientId)) << row.seq
                       << row.vals << row.stamps;
            }
            m_db.exec(
                QStringLiteral("INSERT INTO record (entity, id, client_id, seq, vals, stamps) "
                               "VALUES %1 ON CONFLICT (entity, id) DO UPDATE SET seq = "
                               "EXCLUDED.seq, vals = EXCLUDED.vals, stamps = EXCLUDED.stamps")
                    .arg(repeated(QStringLiteral("(?, ?, ?, ?, ?, ?)"), chunk)),
                params);
            done += chunk;
        }
    }
    writes.rows.clear();
    writes.rowOf.clear();
}

bool ServerStore::touch(Writes &writes, const EntityDef &def, const QString &id)
{
    if (const auto it = writes.rowOf.constFind(cacheKey(def.name, id)); it != writes.rowOf.cend()) {
        writes.rows[*it].seq = ++writes.seq;
        return true;
    }
    m_db.exec(QStringLiteral("UPDATE record SET seq = ? WHERE entity = ? AND id = ?"),
              {writes.seq + 1, def.name, id});
    if (m_db.affected() == 0)
        return false;
    ++writes.seq;
    return true;
}

std::optional<Record> ServerStore::load(const EntityDef &def, const QString &id, QString *clientId)
{
    const QString key = cacheKey(def.name, id);
    auto cached = m_caching ? m_records.constFind(key) : m_records.cend();
    if (cached == m_records.cend()) {
        const QVector<ServerDatabase::Row> rows = m_db.query(
            QStringLiteral(
                "SELECT vals, stamps, client_id FROM record WHERE entity = ? AND id = ?"),
            {def.name, id});
        const Loaded loaded = rows.isEmpty() ? Loaded{} : loadedFrom(def, id, rows[0]);
        if (!m_caching) {
            if (clientId && loaded.record)
                *clientId = loaded.clientId;
            return loaded.record;
        }
        cached = m_records.insert(key, loaded);
    }
    if (clientId && cached->record)
        *clientId = cached->clientId;
    return cached->record;
}

QString ServerStore::sealTarget(const EntityDef &def, const Record &record)
{
    return def.signable               ? record.id
           : !def.sealedVia.isEmpty() ? record.values.value(def.sealedVia).toString()
                                      : QString();
}

bool ServerStore::isSealed(const EntityDef &def, const Record &record)
{
    return isSealedId(sealTarget(def, record));
}

bool ServerStore::isSealedId(const QString &recordId)
{
    if (recordId.isEmpty())
        return false;
    if (m_caching) {
        if (const auto it = m_seals.constFind(recordId); it != m_seals.cend())
            return *it;
    }
    const bool sealed =
        m_db.scalar(QStringLiteral("SELECT 1 FROM seal WHERE record_id = ?"), {recordId}).isValid();
    if (m_caching)
        m_seals.insert(recordId, sealed);
    return sealed;
}

QStringList ServerStore::caseload(const QString &coordinatorId)
{
    QStringList ids;
    for (const auto &row : m_db.query(QStringLiteral("SELECT client_id FROM caseload WHERE "
                                                     "coordinator_id = ? AND current = 1 ORDER BY "
                                                     "client_id"),
                                      {coordinatorId}))
        ids.append(row[0].toString());
    return ids;
}

std::optional<CaseloadEntry> ServerStore::caseloadEntry(const QString &clientId,
                                                        const QString &coordinatorId)
{
    const QString key = clientId + QLatin1Char('/') + coordinatorId;
    if (m_caching) {
        if (const auto it = m_caseloads.constFind(key); it != m_caseloads.cend())
            return *it;
    }
    const std::optional<CaseloadEntry> entry = readCaseloadEntry(clientId, coordinatorId);
    if (m_caching)
        m_caseloads.insert(key, entry);
    return entry;
}

std::optional<CaseloadEntry> ServerStore::readCaseloadEntry(const QString &clientId,
                                                            const QString &coordinatorId)
{
    const QVector<ServerDatabase::Row> rows =
        m_db.query(QStringLiteral("SELECT current, until_ms FROM caseload WHERE client_id = ? AND "
                                  "coordinator_id = ?"),
                   {clientId, coordinatorId});
    if (rows.isEmpty())
        return std::nullopt;
    return CaseloadEntry{rows[0][0].toInt() == 1, rows[0][1].toLongLong()};
}

QString ServerStore::scopeSql(const ReadScope &scope, QVariantList &params) const
{
    if (scope.coordinatorId.isEmpty())
        return {};
    params.append(scope.coordinatorId);
    QString clientless = QStringLiteral("client_id IS NULL");
    if (!scope.hiddenKinds.isEmpty()) {
        QStringList marks;
        for (const QString &kind : scope.hiddenKinds) {
            marks.append(QStringLiteral("?"));
            params.append(kind);
        }
        clientless += QStringLiteral(" AND entity NOT IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    return QStringLiteral("AND (client_id IN (SELECT client_id FROM caseload WHERE "
                          "coordinator_id = ? AND current = 1) OR (%1)) ")
        .arg(clientless);
}

QVector<StoredRecord> ServerStore::page(qint64 cursor, int limit, const QString &clientId,
                                        const ReadScope &scope, bool withStamps)
{
    QString sql =
        withStamps
            ? QStringLiteral("SELECT entity, id, seq, vals, stamps FROM record WHERE seq > ? ")
            : QStringLiteral("SELECT entity, id, seq, vals, '' FROM record WHERE seq > ? ");
    QVariantList params{cursor};
    if (!clientId.isEmpty()) {
        sql += QStringLiteral("AND client_id = ? ");
        params.append(clientId);
    } else {
        sql += scopeSql(scope, params);
    }
    sql += QStringLiteral("ORDER BY seq LIMIT ?");
    params.append(limit);
    return storedRecords(m_db.query(sql, params));
}

QVector<StoredRecord> ServerStore::allOf(const QString &entity, const ReadScope &scope)
{
    QVariantList params{entity};
    const QString sql =
        QStringLiteral("SELECT entity, id, seq, vals, stamps FROM record WHERE entity = ? ") +
        scopeSql(scope, params) + QStringLiteral("ORDER BY seq");
    return storedRecords(m_db.query(sql, params));
}

namespace {

/** Stored rows decoded, voided ones left out, and those `keep` refuses. */
template <typename Keep> QVector<Record> decoded(const QVector<StoredRecord> &rows, Keep keep)
{
    QVector<Record> out;
    for (const StoredRecord &row : rows) {
        Record r{row.entity, row.id, fromJsonText(row.values), {}};
        if (r.isVoided() || !keep(r))
            continue;
        Protocol::stampsFromJson(fromJsonText(row.stamps), r.stamps);
        out.append(std::move(r));
    }
    return out;
}

} // namespace

QVector<Record> ServerStore::records(const QString &entity, const ReadScope &scope)
{
    return decoded(allOf(entity, scope), [](const Record &) { return true; });
}

namespace {

bool isPlainName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_'))
            return false;
    return true;
}

} // namespace

ServerStore::FieldMatcher::FieldMatcher(const FieldQuery &query)
    : m_query(query),
      m_values(query.fields + QStringList{QStringLiteral("voided"), query.whereField}),
      m_stamps(query.stampFields)
{
    for (const QStringList *names : {&query.fields, &query.stampFields})
        for (const QString &name : *names)
            if (!isPlainName(name))
                throw StoreError(StoreError::Code::InvalidInput,
                                 QStringLiteral("Not a field name: %1").arg(name));
    if (!query.whereField.isEmpty() && !isPlainName(query.whereField))
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("Not a field name: %1").arg(query.whereField));
    // The store writes values as compact JSON: a record with the value holds this text.
    if (!query.whereField.isEmpty())
        m_needle = QJsonDocument(QJsonObject{{query.whereField, query.whereValue}})
                       .toJson(QJsonDocument::Compact)
                       .mid(1)
                       .chopped(1);
}

bool ServerStore::FieldMatcher::match(QByteArrayView values, QByteArrayView stamps,
                                      QVariantList &out)
{
    // Most records without the value are passed over before any is parsed.
    if (!m_needle.isEmpty() && !values.contains(m_needle))
        return false;
    m_values.read(values, out);
    const qsizetype voided = m_query.fields.size();
    if (out.at(voided).toBool())
        return false;
    if (!m_query.whereField.isEmpty() && (out.at(voided + 1).typeId() != QMetaType::QString ||
                                          out.at(voided + 1).toString() != m_query.whereValue))
        return false;
    out.resize(voided);
    if (!m_query.stampFields.isEmpty()) {
        QVariantList read;
        m_stamps.read(stamps, read);
        out.append(read);
    }
    return true;
}

void ServerStore::forEachOf(
    const FieldQuery &query, const ReadScope &scope, bool whole,
    const std::function<void(const ServerDatabase::RowView &, const QVariantList &)> &keep,
    bool anyOrder)
{
    FieldMatcher matcher(query);
    if (anyOrder && query.limit > 0)
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("A page of records is in sequence order"));
    QString sql =
        QStringLiteral("SELECT id, client_id, seq, vals, %1 FROM record WHERE entity = ? ")
            .arg(query.stampFields.isEmpty() && !whole ? QStringLiteral("''")
                                                       : QStringLiteral("stamps"));
    QVariantList params{query.entity};
    if (!query.whereField.isEmpty() && m_db.isPostgres()) {
        // Over the network the database passes over records without the value's text itself
        // (SQLite's instr() is slower than the reader's own check, so not there).
        sql += QStringLiteral("AND strpos(vals, ?) > 0 ");
        params.append(QString::fromUtf8(matcher.needle()));
    }
    const qsizetype afterParam = params.size();
    sql += QStringLiteral("AND seq > ? ");
    params.append(query.afterSeq);
    sql += scopeSql(scope, params);
    if (!anyOrder)
        sql += QStringLiteral("ORDER BY seq");
    if (query.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        params.append(query.limit);
    }
    int kept = 0;
    QVariantList read;
    for (;;) {
        int rows = 0;
        qint64 last = 0;
        m_db.forEachRow(sql, params, [&](const ServerDatabase::RowView &row) {
            ++rows;
            last = row.integer(2);
            if ((query.limit > 0 && kept >= query.limit) ||
                !matcher.match(row.utf8(3), row.utf8(4), read))
                return;
            ++kept;
            keep(row, read);
        });
        // A page that left some records out (voided, or without the value) is followed by
        // the next, until the limit is reached or the records run out.
        if (query.limit <= 0 || kept >= query.limit || rows < query.limit)
            return;
        params[afterParam] = last;
    }
}

void ServerStore::forEachWrittenAfter(
    qint64 seq, const std::function<void(const ServerDatabase::RowView &)> &written)
{
    m_db.forEachRow(QStringLiteral("SELECT id, client_id, seq, vals, stamps, entity FROM record "
                                   "WHERE seq > ? ORDER BY seq"),
                    {seq}, written);
}

QVector<RecordFields> ServerStore::fieldsOf(const FieldQuery &query, const ReadScope &scope)
{
    QVector<RecordFields> out;
    forEachOf(query, scope, false,
              [&](const ServerDatabase::RowView &row, const QVariantList &values) {
                  out.append(RecordFields{row.text(0), row.text(1), row.integer(2), values});
              });
    return out;
}

QVector<StoredRecord> ServerStore::storedOf(const FieldQuery &query, const ReadScope &scope)
{
    QVector<StoredRecord> out;
    forEachOf(query, scope, true, [&](const ServerDatabase::RowView &row, const QVariantList &) {
        out.append(
            StoredRecord{query.entity, row.text(0), row.integer(2), row.text(3), row.text(4)});
    });
    return out;
}

QVector<Record> ServerStore::clientRecords(const QString &clientId)
{
    QVector<Record> out;
    for (const auto &row : m_db.query(QStringLiteral("SELECT entity, id, vals, stamps FROM record "
                                                     "WHERE client_id = ? ORDER BY seq"),
                                      {clientId})) {
        Record r{row[0].toString(), row[1].toString(), fromJsonText(row[2]), {}};
        Protocol::stampsFromJson(fromJsonText(row[3]), r.stamps);
        out.append(std::move(r));
    }
    return out;
}

} // namespace careround
