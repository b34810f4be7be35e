#include "historystore.h"

#include "protocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace careround {

namespace {

constexpr int kColumns = 12;
// Rows per INSERT: within the 999 bound parameters of the SQLite the server links (SQLCipher
// 3.4.1 is SQLite 3.15) and far within PostgreSQL's 65535.
constexpr int kRowsPerInsert = 80;

/** A JSON value as compact text: `"Anna"`, `3`, `null`, `{"value":1}`, the text
    QJsonDocument writes. Strings, booleans and null (most fields) are written directly. */
QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: {
        QByteArray text;
        Protocol::appendJsonString(text, value.toString());
        return QString::fromUtf8(text);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    default: {
        const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(array.mid(1, array.size() - 2));
    }
    }
}

QJsonValue valueFromText(const QString &text)
{
    return QJsonDocument::fromJson('[' + text.toUtf8() + ']').array().at(0);
}

const Stamp kNoStamp;

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

QString historyOutcomeName(HistoryOutcome outcome)
{
    switch (outcome) {
    case HistoryOutcome::Applied:
        return QStringLiteral("applied");
    case HistoryOutcome::ConflictWinner:
        return QStringLiteral("conflict_winner");
    case HistoryOutcome::Resolution:
        return QStringLiteral("resolution");
    case HistoryOutcome::RefusedThenApplied:
        return QStringLiteral("refused_then_applied");
    case HistoryOutcome::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

void HistoryStore::append(Batch &batch, const std::optional<Record> &before, const Record &after,
                          const QString &clientId, const Provenance &provenance, qint64 nowMillis)
{
    // The writes of a push share their time: the text is made once per millisecond.
    if (batch.timeText.isEmpty() || batch.timeMillis != nowMillis) {
        batch.timeMillis = nowMillis;
        batch.timeText =
            QDateTime::fromMSecsSinceEpoch(nowMillis, Qt::UTC).toString(Qt::ISODateWithMs);
    }
    const QString &serverTime = batch.timeText;
    for (auto it = after.values.begin(); it != after.values.end(); ++it) {
        const QString &field = it.key();
        const auto stampIt = after.stamps.constFind(field);
        const Stamp &stamp = stampIt != after.stamps.cend() ? *stampIt : kNoStamp;
        const bool existed = before && before->values.contains(field);
        // A field is in the history when this write gave it a new stamp (an edit landed on
        // it, even with the same value) or a new value.
        if (existed) {
            const auto beforeStamp = before->stamps.constFind(field);
            if ((beforeStamp != before->stamps.cend() ? *beforeStamp : kNoStamp) == stamp &&
                before->values.value(field) == it.value())
                continue;
        }
        if (batch.lastSeq < 0)
            batch.lastSeq = m_db.scalar(QStringLiteral("SELECT COALESCE(max(seq), 0) FROM history"))
                                .toLongLong();
        batch.rows << ++batch.lastSeq << after.entity << after.id << nullIfEmpty(clientId) << field
                   << (existed ? QVariant(valueText(before->values.value(field))) : QVariant())
                   << valueText(it.value()) << nullIfEmpty(provenance.accountId)
                   << nullIfEmpty(provenance.deviceId) << nullIfEmpty(stamp.toString())
                   << serverTime << historyOutcomeName(provenance.outcomeOf(field));
    }
    if (batch.rows.size() >= qsizetype(kColumns) * kRowsPerInsert)
        flush(batch);
}

void HistoryStore::flush(Batch &batch)
{
    static const QString insert = QStringLiteral(
        "INSERT INTO history (seq, entity, record_id, client_id, field, value_before, "
        "value_after, account_id, device_id, stamp, server_time, outcome) VALUES ");
    static const QString row = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const qsizetype chunkSize = qsizetype(kColumns) * kRowsPerInsert;
    for (qsizetype start = 0; start < batch.rows.size(); start += chunkSize) {
        // The whole batch when it fits one statement (append flushes at that size): no copy.
        const QVariantList chunk = start == 0 && batch.rows.size() <= chunkSize
                                       ? batch.rows
                                       : batch.rows.mid(start, chunkSize);
        QStringList rows;
        rows.fill(row, chunk.size() / kColumns);
        m_db.exec(insert + rows.join(QLatin1Char(',')), chunk);
    }
    batch.rows.clear();
}

namespace {

const char *const kHistoryColumns =
    "SELECT seq, entity, record_id, client_id, field, value_before, value_after, account_id, "
    "device_id, stamp, server_time, outcome FROM history ";

FieldChange fieldChangeOf(const ServerDatabase::Row &r)
{
    FieldChange e;
    e.seq = r[0].toLongLong();
    e.entity = r[1].toString();
    e.recordId = r[2].toString();
    e.clientId = r[3].toString();
    e.field = r[4].toString();
    if (!r[5].isNull())
        e.before = valueFromText(r[5].toString());
    e.after = valueFromText(r[6].toString());
    e.accountId = r[7].toString();
    e.deviceId = r[8].toString();
    e.stamp = r[9].toString();
    e.serverTime = r[10].toString();
    e.outcome = r[11].toString();
    return e;
}

QString notIn(const QStringList &kinds, QVariantList &params)
{
    if (kinds.isEmpty())
        return {};
    QStringList marks;
    for (const QString &kind : kinds) {
        marks.append(QStringLiteral("?"));
        params.append(kind);
    }
    return QStringLiteral("AND entity NOT IN (%1) ").arg(marks.join(QLatin1Char(',')));
}

} // namespace

QVector<FieldChange> HistoryStore::page(const QString &clientId, qint64 cursor, int limit,
                                        const QStringList &hiddenKinds)
{
    QVariantList params{clientId, cursor};
    QString sql =
        QLatin1String(kHistoryColumns) + QStringLiteral("WHERE client_id = ? AND seq > ? ");
    sql += notIn(hiddenKinds, params);
    sql += QStringLiteral("ORDER BY seq LIMIT ?");
    params.append(limit);
    QVector<FieldChange> out;
    for (const ServerDatabase::Row &r : m_db.query(sql, params))
        out.append(fieldChangeOf(r));
    return out;
}

QVector<FieldChange> HistoryStore::valuesOf(const QString &entity, const QString &field)
{
    QVector<FieldChange> out;
    for (const ServerDatabase::Row &r :
         m_db.query(QStringLiteral("SELECT record_id, client_id, value_after, server_time FROM "
                                   "history WHERE entity = ? AND field = ? ORDER BY seq"),
                    {entity, field})) {
        FieldChange e;
        e.entity = entity;
        e.field = field;
        e.recordId = r[0].toString();
        e.clientId = r[1].toString();
        e.after = valueFromText(r[2].toString());
        e.serverTime = r[3].toString();
        out.append(e);
    }
    return out;
}

QVector<FieldChange> HistoryStore::search(const QString &accountId, const QString &clientId,
                                          const QString &from, const QString &to, int limit)
{
    SqlFilters where;
    where.add(accountId, "AND account_id = ? ")
        .add(clientId, "AND client_id = ? ")
        .add(from, "AND server_time >= ? ")
        .add(to, "AND server_time < ? ");
    const QString sql = QLatin1String(kHistoryColumns) + QStringLiteral("WHERE 1 = 1 ") +
                        where.sql + QStringLiteral("ORDER BY seq DESC LIMIT ?");
    QVariantList params = where.params;
    params.append(limit);
    QVector<FieldChange> out;
    for (const ServerDatabase::Row &r : m_db.query(sql, params))
        out.append(fieldChangeOf(r));
    return out;
}

} // namespace careround
