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

void OutboxRepository::resendAfter(qint64 seq)
{
    m_db.prepare(QStringLiteral("UPDATE outbox SET acked = 0 WHERE acked = 1 AND seq > ?"))
        .bindAll({seq})
        .exec();
}

void OutboxRepository::pruneAcknowledged(Hlc olderThan)
{
    m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE acked = 1 AND hlc < ?"))
        .bindAll({qint64(olderThan.packed)})
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
    // follow it, so none is taken for one it already has (and silently dropped).
    m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE acked = 1")).exec();
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
            if (field && field->references == QLatin1String("coordinator") &&
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

void OutboxRepository::keepPendingForReview()
{
    m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE acked = 1")).exec();
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
