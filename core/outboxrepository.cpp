#include "outboxrepository.h"

#include "schema.h"

#include <QJsonDocument>

namespace careround {

namespace {
QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QJsonObject parse(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
/** The rows of a statement selecting seq, entity, recordId, hlc, values, bases. */
QVector<OutboxEntry> readEntries(SqliteStatement &st)
{
    QVector<OutboxEntry> out;
    while (st.step()) {
        OutboxEntry e;
        e.seq = st.int64(0);
        e.entity = st.text(1);
        e.recordId = st.text(2);
        e.hlc = Hlc{quint64(st.int64(3))};
        e.values = parse(st.text(4));
        e.bases = parse(st.text(5));
        out.append(e);
    }
    st.reset();
    return out;
}
} // namespace

QStringList OutboxRepository::migrationSql(int version)
{
    if (version != 5)
        return {};
    // Version 5: what the server refused stays readable (reason, its words) until dismissed,
    // and pulled records of kinds this app does not know are kept raw until it does.
    return {QStringLiteral("ALTER TABLE outbox ADD COLUMN refusedReason TEXT"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN refusedMessage TEXT"),
            QStringLiteral("CREATE INDEX outbox_refused ON outbox(refusedReason)"),
            QStringLiteral("CREATE TABLE setAside (entity TEXT NOT NULL, id TEXT NOT NULL, seq "
                           "INTEGER NOT NULL, record TEXT NOT NULL, reason TEXT NOT NULL, "
                           "PRIMARY KEY (entity, id))")};
}

qint64 OutboxRepository::append(const OutboxEntry &entry)
{
    m_db.prepare(QStringLiteral("INSERT INTO outbox (entity, recordId, hlc, \"values\", bases) "
                                "VALUES (?, ?, ?, ?, ?)"))
        .bindAll({entry.entity, entry.recordId, qint64(entry.hlc.packed), compact(entry.values),
                  compact(entry.bases)})
        .exec();
    return m_db.lastInsertRowId();
}

QVector<OutboxEntry> OutboxRepository::pending(int limit)
{
    SqliteStatement &st = m_db.prepare(QStringLiteral(
        "SELECT seq, entity, recordId, hlc, \"values\", bases FROM outbox WHERE acked = 0 "
        "ORDER BY seq LIMIT ?"));
    st.bindAll({limit});
    return readEntries(st);
}

void OutboxRepository::acknowledge(qint64 upTo)
{
    m_db.prepare(QStringLiteral("UPDATE outbox SET acked = 1 WHERE acked = 0 AND seq <= ?"))
        .bindAll({upTo})
        .exec();
}

void OutboxRepository::markRefused(qint64 seq, const QString &reason, const QString &message)
{
    m_db.prepare(QStringLiteral("UPDATE outbox SET acked = 1, refusedReason = ?, refusedMessage = "
                                "? WHERE seq = ?"))
        .bindAll({reason, message, seq})
        .exec();
}

void OutboxRepository::resendAfter(qint64 seq)
{
    // Sent again, the server decides again (a refused one comes back refused, or applied).
    m_db.prepare(QStringLiteral("UPDATE outbox SET acked = 0, refusedReason = NULL, "
                                "refusedMessage = NULL WHERE acked = 1 AND seq > ?"))
        .bindAll({seq})
        .exec();
}

void OutboxRepository::pruneAcknowledged(Hlc olderThan)
{
    m_db.prepare(QStringLiteral(
                     "DELETE FROM outbox WHERE acked = 1 AND hlc < ? AND refusedReason IS NULL"))
        .bindAll({qint64(olderThan.packed)})
        .exec();
}

QVector<RefusedEntry> OutboxRepository::refused()
{
    SqliteStatement &st = m_db.prepare(QStringLiteral(
        "SELECT seq, entity, recordId, hlc, \"values\", bases, refusedReason, "
        "refusedMessage FROM outbox WHERE refusedReason IS NOT NULL ORDER BY hlc, seq"));
    QVector<RefusedEntry> out;
    while (st.step()) {
        RefusedEntry r;
        r.entry.seq = st.int64(0);
        r.entry.entity = st.text(1);
        r.entry.recordId = st.text(2);
        r.entry.hlc = Hlc{quint64(st.int64(3))};
        r.entry.values = parse(st.text(4));
        r.entry.bases = parse(st.text(5));
        r.reason = st.text(6);
        r.message = st.text(7);
        out.append(r);
    }
    st.reset();
    return out;
}

qint64 OutboxRepository::refusedCount()
{
    return m_db
        .scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE refusedReason IS NOT NULL"))
        .toLongLong();
}

std::optional<RefusedEntry> OutboxRepository::dismissRefused(qint64 seq)
{
    for (const RefusedEntry &r : refused()) {
        if (r.entry.seq != seq)
            continue;
        m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?")).bindAll({seq}).exec();
        return r;
    }
    return std::nullopt;
}

void OutboxRepository::setAside(const SetAsideRecord &record)
{
    m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO setAside (entity, id, seq, record, reason) "
                                "VALUES (?, ?, ?, ?, ?)"))
        .bindAll({record.entity, record.id, record.seq, compact(record.record), record.reason})
        .exec();
}

QVector<SetAsideRecord> OutboxRepository::setAsideRecords()
{
    SqliteStatement &st = m_db.prepare(
        QStringLiteral("SELECT entity, id, seq, record, reason FROM setAside ORDER BY seq"));
    QVector<SetAsideRecord> out;
    while (st.step())
        out.append(
            SetAsideRecord{st.text(0), st.text(1), st.int64(2), parse(st.text(3)), st.text(4)});
    st.reset();
    return out;
}

void OutboxRepository::removeSetAside(const QString &entity, const QString &id)
{
    m_db.prepare(QStringLiteral("DELETE FROM setAside WHERE entity = ? AND id = ?"))
        .bindAll({entity, id})
        .exec();
}

qint64 OutboxRepository::count()
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE acked = 0")).toLongLong();
}

qint64 OutboxRepository::lastSeq()
{
    return m_db.scalar(QStringLiteral("SELECT max(seq) FROM outbox")).toLongLong();
}

QSet<QString> OutboxRepository::pendingFields(const QString &entity, const QString &recordId)
{
    SqliteStatement &st = m_db.prepare(QStringLiteral(
        "SELECT \"values\" FROM outbox WHERE recordId = ? AND entity = ? AND acked = 0"));
    st.bindAll({recordId, entity});
    QSet<QString> fields;
    while (st.step())
        for (const QString &k : parse(st.text(0)).keys())
            fields.insert(k);
    st.reset();
    return fields;
}

void OutboxRepository::rebaseAfter(qint64 serverLastSeq)
{
    const qint64 firstPending =
        m_db.scalar(QStringLiteral("SELECT min(seq) FROM outbox WHERE acked = 0")).toLongLong();
    const qint64 heldAfter =
        m_db.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE seq > ? AND acked = 1"),
                    {serverLastSeq})
            .toLongLong();
    // The first seq the server has not acknowledged to this tablet.
    const qint64 held = firstPending > 0 ? firstPending : lastSeq() + 1;
    if (serverLastSeq > 0 && serverLastSeq < held - 1 && heldAfter == held - serverLastSeq - 1) {
        // The same agency, restored: the tablet still holds every edit it lost.
        resendAfter(serverLastSeq);
        return;
    }
    // A server ahead of this tablet counts another history of the device: the pending edits
    // follow it, so none is taken for one it already has (and silently dropped). What the old
    // database refused stays listed (its review store went with it): outside the sequence.
    moveRefusedAside();
    m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE acked = 1 AND refusedReason IS NULL"))
        .exec();
    QVector<qint64> seqs;
    SqliteStatement &st =
        m_db.prepare(QStringLiteral("SELECT seq FROM outbox WHERE acked = 0 ORDER BY seq"));
    while (st.step())
        seqs.append(st.int64(0));
    st.reset();
    // Renumbered in two steps (out of the way, then into place) so no two rows meet.
    const qint64 aside =
        qMin<qint64>(0, m_db.scalar(QStringLiteral("SELECT min(seq) FROM outbox")).toLongLong());
    SqliteStatement &move = m_db.prepare(QStringLiteral("UPDATE outbox SET seq = ? WHERE seq = ?"));
    for (int i = 0; i < seqs.size(); ++i)
        move.bindAll({aside - 1 - i, seqs[i]}).exec();
    for (int i = 0; i < seqs.size(); ++i)
        move.bindAll({serverLastSeq + 1 + i, aside - 1 - i}).exec();
    // AUTOINCREMENT goes on from the last of them, not from the highest seq ever used.
    m_db.prepare(QStringLiteral("DELETE FROM sqlite_sequence WHERE name = 'outbox'")).exec();
    m_db.prepare(QStringLiteral("INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)"))
        .bindAll({serverLastSeq + seqs.size()})
        .exec();
}

void OutboxRepository::replaceAccount(const QString &from, const QString &to)
{
    if (from.isEmpty() || from == to)
        return;
    QVector<QPair<qint64, QJsonObject>> changed;
    SqliteStatement &st =
        m_db.prepare(QStringLiteral("SELECT seq, entity, \"values\" FROM outbox WHERE acked = 0"));
    while (st.step()) {
        const EntityDef *def = Schema::instance().entity(st.text(1));
        QJsonObject values = parse(st.text(2));
        bool any = false;
        for (auto it = values.begin(); def && it != values.end(); ++it) {
            const FieldDef *field = def->field(it.key());
            if (field && (field->references == QLatin1String("coordinator") || field->actor) &&
                it.value().toString() == from) {
                it.value() = to;
                any = true;
            }
        }
        if (any)
            changed.append({st.int64(0), values});
    }
    st.reset();
    for (const auto &[seq, values] : changed)
        m_db.prepare(QStringLiteral("UPDATE outbox SET \"values\" = ? WHERE seq = ?"))
            .bindAll({compact(values), seq})
            .exec();
}

void OutboxRepository::moveRefusedAside()
{
    QVector<qint64> seqs;
    SqliteStatement &st = m_db.prepare(QStringLiteral(
        "SELECT seq FROM outbox WHERE refusedReason IS NOT NULL AND seq > 0 ORDER BY seq"));
    while (st.step())
        seqs.append(st.int64(0));
    st.reset();
    // Below every seq in use (refused() lists by time, so the order of seqs does not matter).
    const qint64 floor =
        qMin<qint64>(0, m_db.scalar(QStringLiteral("SELECT min(seq) FROM outbox")).toLongLong());
    SqliteStatement &move = m_db.prepare(QStringLiteral("UPDATE outbox SET seq = ? WHERE seq = ?"));
    for (int i = 0; i < seqs.size(); ++i)
        move.bindAll({floor - seqs.size() + i, seqs[i]}).exec();
}

void OutboxRepository::keepPendingForReview()
{
    moveRefusedAside();
    m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE acked = 1 AND refusedReason IS NULL"))
        .exec();
    // Below every seq in use, so they never meet the device sequence again.
    const qint64 floor =
        qMin<qint64>(0, m_db.scalar(QStringLiteral("SELECT min(seq) FROM outbox")).toLongLong());
    m_db.prepare(QStringLiteral("UPDATE outbox SET acked = 2, seq = ? - seq WHERE acked = 0"))
        .bindAll({floor})
        .exec();
}

QVector<OutboxEntry> OutboxRepository::keptForReview()
{
    SqliteStatement &st = m_db.prepare(
        QStringLiteral("SELECT seq, entity, recordId, hlc, \"values\", bases FROM outbox WHERE "
                       "acked = 2 ORDER BY hlc, seq DESC"));
    return readEntries(st);
}

void OutboxRepository::dismissKept(qint64 seq)
{
    m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE acked = 2 AND seq = ?"))
        .bindAll({seq})
        .exec();
}

QString MetaRepository::value(const QString &key, const QString &fallback)
{
    const QVariant v = m_db.scalar(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    return v.isValid() ? v.toString() : fallback;
}

void MetaRepository::setValue(const QString &key, const QString &value)
{
    // One statement that writes nothing when the value is unchanged, so a transaction of
    // unchanged values commits nothing (SQLite 3.15 of SQLCipher 3.4 has no UPSERT).
    m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) SELECT ?1, ?2 WHERE NOT "
                                "EXISTS (SELECT 1 FROM meta WHERE key = ?1 AND value IS ?2)"))
        .bindAll({key, value})
        .exec();
}

void MetaRepository::remove(const QString &key)
{
    m_db.prepare(QStringLiteral("DELETE FROM meta WHERE key = ?")).bindAll({key}).exec();
}

void MetaRepository::removeStartingWith(const QString &prefix)
{
    m_db.prepare(QStringLiteral("DELETE FROM meta WHERE substr(key, 1, length(?1)) = ?1"))
        .bindAll({prefix})
        .exec();
}

} // namespace careround
