#pragma once

#include "record.h"
#include "sqlitedatabase.h"

#include <QHash>
#include <QStringList>
#include <QVector>

#include <optional>

namespace careround {

/**
 * Reads and writes records of every kind in their schema-generated tables. Knows SQL and
 * the column encoding of each field type; knows nothing of edits, outbox or sync.
 */
class RecordRepository {
public:
    explicit RecordRepository(SqliteDatabase &db) : m_db(db) {}

    std::optional<Record> find(const EntityDef &def, const QString &id);
    /** Inserts or replaces the whole row. */
    void write(const EntityDef &def, const Record &record);
    /** Inserts or replaces the whole rows of several records of one kind (distinct ids), many
        per statement: the bulk path of a sync page. */
    void writeAll(const EntityDef &def, const QVector<Record> &records);
    /** Records whose field equals the value (e.g. all goals of a plan), in id order. */
    QVector<Record> findBy(const EntityDef &def, const QString &field, const QVariant &value);
    QVector<Record> all(const EntityDef &def);
    qint64 count(const EntityDef &def);
    /** Removes every record belonging to a client (when it leaves this device's caseload). */
    void removeClient(const QString &clientId);
    /** Removes one record (a new record the server refused). */
    void remove(const EntityDef &def, const QString &id);
    /** True when a signature covers the record, directly or through its signed parent. */
    bool isSealed(const EntityDef &def, const Record &record);

    /** The SQL that creates the table of a kind as of a schema version (with its indexes). */
    static QStringList createTableSql(const EntityDef &def, int version);
    /** The SQL that adds the fields a schema version introduced to an existing table. */
    static QStringList addColumnsSql(const EntityDef &def, int version);

private:
    Record readRow(const EntityDef &def, SqliteStatement &st);
    /** Appends a record's column values in the order of writeStatement(). */
    static void appendRow(const EntityDef &def, const Record &record, QVariantList &params);
    /** The cached INSERT OR REPLACE of a kind for a number of rows. */
    SqliteStatement &writeStatement(const EntityDef &def, int rows);
    SqliteDatabase &m_db;
    QHash<QPair<QString, int>, QString> m_writeSql; ///< per kind and row count, built once
};

} // namespace careround
