#include "recordrepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace careround {

namespace {

QString quoted(const QString &name)
{
    return QLatin1Char('"') + name + QLatin1Char('"');
}

QString columnType(FieldType type)
{
    switch (type) {
    case FieldType::Integer:
    case FieldType::Boolean:
        return QStringLiteral("INTEGER");
    case FieldType::Real:
        return QStringLiteral("REAL");
    default:
        return QStringLiteral("TEXT");
    }
}

QVariant toColumn(const FieldDef &fd, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return {};
    switch (fd.type) {
    case FieldType::Integer:
        return qint64(value.toDouble());
    case FieldType::Boolean:
        return qint64(value.toBool() ? 1 : 0);
    case FieldType::Real:
        return value.toDouble();
    case FieldType::TextList:
    case FieldType::Json:
        return QString::fromUtf8(
            value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return value.toString();
    }
}

QJsonValue fromColumn(const FieldDef &fd, SqliteStatement &st, int column)
{
    if (st.isNull(column))
        return QJsonValue::Null;
    switch (fd.type) {
    case FieldType::Integer:
        return double(st.int64(column));
    case FieldType::Boolean:
        return st.int64(column) != 0;
    case FieldType::Real:
        return st.value(column).toDouble();
    case FieldType::TextList:
    case FieldType::Json: {
        const QJsonDocument doc = QJsonDocument::fromJson(st.text(column).toUtf8());
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    default:
        return st.text(column);
    }
}

QString selectSql(const EntityDef &def)
{
    QStringList cols{QStringLiteral("id")};
    for (const FieldDef &fd : def.fields)
        cols.append(quoted(fd.name));
    cols << QStringLiteral("_stamps") << QStringLiteral("_extra");
    return QStringLiteral("SELECT %1 FROM %2").arg(cols.join(QLatin1Char(',')), quoted(def.name));
}

} // namespace

QStringList RecordRepository::createTableSql(const EntityDef &def, int version)
{
    QStringList cols{QStringLiteral("id TEXT PRIMARY KEY NOT NULL")};
    for (const FieldDef &fd : def.fields)
        if (fd.since <= version)
            cols.append(quoted(fd.name) + QLatin1Char(' ') + columnType(fd.type));
    cols << QStringLiteral("_stamps BLOB") << QStringLiteral("_extra TEXT");
    QStringList sql{QStringLiteral("CREATE TABLE %1 (%2)").arg(quoted(def.name), cols.join(", "))};
    for (const FieldDef &fd : def.fields)
        if (fd.since <= version && fd.type == FieldType::Reference)
            sql.append(
                QStringLiteral("CREATE INDEX %1 ON %2(%3)")
                    .arg(quoted(def.name + "_" + fd.name), quoted(def.name), quoted(fd.name)));
    if (def.name == QLatin1String("signature"))
        sql.append(QStringLiteral("CREATE INDEX signature_recordId ON signature(recordId)"));
    if (def.name == QLatin1String("conflict"))
        sql.append(QStringLiteral("CREATE INDEX conflict_recordId ON conflict(recordId)"));
    return sql;
}

QStringList RecordRepository::addColumnsSql(const EntityDef &def, int version)
{
    QStringList sql;
    for (const FieldDef &fd : def.fields)
        if (fd.since == version)
            sql.append(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3")
                           .arg(quoted(def.name), quoted(fd.name), columnType(fd.type)));
    return sql;
}

Record RecordRepository::readRow(const EntityDef &def, SqliteStatement &st)
{
    Record r;
    r.entity = def.name;
    r.id = st.text(0);
    const int n = int(def.fields.size());
    for (int i = 0; i < n; ++i)
        r.values.insert(def.fields[i].name, fromColumn(def.fields[i], st, i + 1));
    r.stamps = StampCodec::decode(st.blob(n + 1));
    if (!st.isNull(n + 2)) {
        const QJsonObject extra = QJsonDocument::fromJson(st.text(n + 2).toUtf8()).object();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            r.values.insert(it.key(), it.value());
    }
    return r;
}

std::optional<Record> RecordRepository::find(const EntityDef &def, const QString &id)
{
    SqliteStatement &st = m_db.prepare(selectSql(def) + QStringLiteral(" WHERE id = ?"));
    st.bindAll({id});
    std::optional<Record> result;
    if (st.step())
        result = readRow(def, st);
    st.reset();
    return result;
}

QVector<Record> RecordRepository::findBy(const EntityDef &def, const QString &field,
                                         const QVariant &value)
{
    Q_ASSERT(field == QLatin1String("id") || def.field(field));
    SqliteStatement &st = m_db.prepare(
        selectSql(def) + QStringLiteral(" WHERE %1 = ? ORDER BY id").arg(quoted(field)));
    st.bindAll({value});
    QVector<Record> out;
    while (st.step())
        out.append(readRow(def, st));
    st.reset();
    return out;
}

QVector<Record> RecordRepository::all(const EntityDef &def)
{
    SqliteStatement &st = m_db.prepare(selectSql(def) + QStringLiteral(" ORDER BY id"));
    QVector<Record> out;
    while (st.step())
        out.append(readRow(def, st));
    st.reset();
    return out;
}

qint64 RecordRepository::count(const EntityDef &def)
{
    return m_db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(quoted(def.name)))
        .toLongLong();
}

void RecordRepository::appendRow(const EntityDef &def, const Record &record, QVariantList &params)
{
    params.append(record.id);
    QJsonObject extra;
    for (auto it = record.values.begin(); it != record.values.end(); ++it)
        if (!def.field(it.key()))
            extra.insert(it.key(), it.value());
    for (const FieldDef &fd : def.fields)
        params.append(toColumn(fd, record.values.value(fd.name)));
    params << StampCodec::encode(record.stamps)
           << (extra.isEmpty() ? QVariant()
                               : QVariant(QString::fromUtf8(
                                     QJsonDocument(extra).toJson(QJsonDocument::Compact))));
}

SqliteStatement &RecordRepository::writeStatement(const EntityDef &def, int rows)
{
    QString &sql = m_writeSql[qMakePair(def.name, rows)];
    if (sql.isEmpty()) {
        QStringList cols{QStringLiteral("id")};
        for (const FieldDef &fd : def.fields)
            cols.append(quoted(fd.name));
        cols << QStringLiteral("_stamps") << QStringLiteral("_extra");
        const QString row = QLatin1Char('(') +
                            QString(QStringLiteral("?,")).repeated(int(cols.size())).chopped(1) +
                            QLatin1Char(')');
        sql = QStringLiteral("INSERT OR REPLACE INTO %1 (%2) VALUES %3")
                  .arg(quoted(def.name), cols.join(QLatin1Char(',')),
                       QString(row + QLatin1Char(',')).repeated(rows).chopped(1));
    }
    return m_db.prepare(sql);
}

void RecordRepository::write(const EntityDef &def, const Record &record)
{
    QVariantList params;
    params.reserve(int(def.fields.size()) + 3);
    appendRow(def, record, params);
    writeStatement(def, 1).bindAll(params).exec();
}

void RecordRepository::writeAll(const EntityDef &def, const QVector<Record> &records)
{
    // Several rows per statement: SQLCipher 3 encrypts the original of each page a statement
    // changes into the statement journal, so one statement per row paid that for every row.
    // Statements of 2^k rows (within SQLite's 999 parameters) keep the cached SQL few.
    const int columns = int(def.fields.size()) + 3;
    int chunk = 1;
    while (chunk * 2 * columns <= 999 && chunk < 64)
        chunk *= 2;
    int done = 0;
    QVariantList params;
    while (done < records.size()) {
        while (chunk > records.size() - done)
            chunk /= 2;
        params.clear();
        params.reserve(qsizetype(chunk) * columns);
        for (int i = done; i < done + chunk; ++i)
            appendRow(def, records[i], params);
        writeStatement(def, chunk).bindAll(params).exec();
        done += chunk;
    }
}

void RecordRepository::remove(const EntityDef &def, const QString &id)
{
    m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(quoted(def.name)))
        .bindAll({id})
        .exec();
}

void RecordRepository::removeClient(const QString &clientId)
{
    for (const EntityDef &def : Schema::instance().entities()) {
        if (def.clientField.isEmpty())
            continue;
        m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?")
                         .arg(quoted(def.name), quoted(def.clientField)))
            .bindAll({clientId})
            .exec();
    }
}

bool RecordRepository::isSealed(const EntityDef &def, const Record &record)
{
    QString target;
    if (def.signable) {
        target = record.id;
    } else if (!def.sealedVia.isEmpty()) {
        target = record.values.value(def.sealedVia).toString();
    }
    if (target.isEmpty())
        return false;
    return m_db
        .scalar(QStringLiteral("SELECT 1 FROM signature WHERE recordId = ? LIMIT 1"), {target})
        .isValid();
}

} // namespace careround
