#include "outboxrepository.h"

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

} // namespace careround
