#include "reviewstore.h"

#include <QJsonDocument>

namespace careround {

namespace {
const QString kColumns = QStringLiteral(
    "id, device_id, device_seq, entity, record_id, client_id, author_id, change_json, "
    "received_at, reason, message, state, settled_by, settled_at, settle_reason");

QVariant orNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}
} // namespace

void ReviewStore::keep(const RefusedChange &c)
{
    if (m_db.scalar(QStringLiteral("SELECT 1 FROM refused_change WHERE device_id = ? AND "
                                   "device_seq = ?"),
                    {c.deviceId, c.deviceSeq})
            .isValid())
        return;
    m_db.exec(QStringLiteral("INSERT INTO refused_change (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                             "?, ?, ?, NULL, NULL, NULL)")
                  .arg(kColumns),
              {c.id, c.deviceId, c.deviceSeq, c.entity, c.recordId, orNull(c.clientId), c.authorId,
               QString::fromUtf8(QJsonDocument(c.change).toJson(QJsonDocument::Compact)),
               c.receivedAt, c.reason, c.message, c.state});
}

QVector<RefusedChange> ReviewStore::select(const QString &where, const QVariantList &params)
{
    QVector<RefusedChange> out;
    for (const ServerDatabase::Row &row : m_db.query(
             QStringLiteral("SELECT %1 FROM refused_change %2").arg(kColumns, where), params)) {
        RefusedChange c;
        c.id = row[0].toString();
        c.deviceId = row[1].toString();
        c.deviceSeq = row[2].toLongLong();
        c.entity = row[3].toString();
        c.recordId = row[4].toString();
        c.clientId = row[5].toString();
        c.authorId = row[6].toString();
        c.change = QJsonDocument::fromJson(row[7].toString().toUtf8()).object();
        c.receivedAt = row[8].toString();
        c.reason = row[9].toString();
        c.message = row[10].toString();
        c.state = row[11].toString();
        c.settledBy = row[12].toString();
        c.settledAt = row[13].toString();
        c.settleReason = row[14].toString();
        out.append(c);
    }
    return out;
}

QMap<qint64, RefusedChange> ReviewStore::ofDevice(const QString &deviceId, qint64 from, qint64 to)
{
    QMap<qint64, RefusedChange> out;
    for (const RefusedChange &c :
         select(QStringLiteral("WHERE device_id = ? AND device_seq >= ? AND device_seq <= ?"),
                {deviceId, from, to}))
        out.insert(c.deviceSeq, c);
    return out;
}

std::optional<RefusedChange> ReviewStore::byId(const QString &id)
{
    const QVector<RefusedChange> rows = select(QStringLiteral("WHERE id = ?"), {id});
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QVector<RefusedChange> ReviewStore::open(const QString &after, int limit)
{
    // An empty string may be bound as NULL (PostgreSQL): the first page has no bound.
    if (after.isEmpty())
        return select(QStringLiteral("WHERE state = 'open' ORDER BY id LIMIT ?"), {limit});
    return select(QStringLiteral("WHERE state = 'open' AND id > ? ORDER BY id LIMIT ?"),
                  {after, limit});
}

qint64 ReviewStore::openCount()
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM refused_change WHERE state = 'open'"))
        .toLongLong();
}

bool ReviewStore::settle(const QString &id, const QString &state, const QString &by,
                         const QString &at, const QString &reason)
{
    m_db.exec(QStringLiteral("UPDATE refused_change SET state = ?, settled_by = ?, settled_at = ?, "
                             "settle_reason = ? WHERE id = ? AND state = 'open'"),
              {state, by, at, orNull(reason), id});
    return m_db.affected() == 1;
}

} // namespace careround
