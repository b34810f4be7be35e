#include "sqlitedatabase.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <sqlite3.h>

namespace careround {

namespace {
// How long a statement waits for another connection's lock before it reports "busy".
constexpr int busyTimeoutMs = 10000;
} // namespace

SqliteStatement::SqliteStatement(SqliteDatabase &db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement &SqliteStatement::bindAll(const QVariantList &values)
{
    reset();
    for (int i = 0; i < values.size(); ++i)
        bind(i + 1, values.at(i));
    return *this;
}

void SqliteStatement::bind(int index, const QVariant &value)
{
    int rc = SQLITE_OK;
    if (!value.isValid() || value.isNull()) {
        rc = sqlite3_bind_null(m_stmt, index);
    } else {
        switch (value.typeId()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Long:
        case QMetaType::ULong:
            rc = sqlite3_bind_int64(m_stmt, index, value.toLongLong());
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            rc = sqlite3_bind_double(m_stmt, index, value.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            rc = sqlite3_bind_blob64(m_stmt, index, bytes.constData(), quint64(bytes.size()),
                                     SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QByteArray utf8 = value.toString().toUtf8();
            rc = sqlite3_bind_text64(m_stmt, index, utf8.constData(), quint64(utf8.size()),
                                     SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        }
    }
    if (rc != SQLITE_OK)
        m_db.fail(QStringLiteral("bind parameter %1").arg(index));
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    m_db.fail(QStringLiteral("step"));
}

void SqliteStatement::exec()
{
    while (step()) {
    }
    reset();
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

QVariant SqliteStatement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_TEXT:
        return QVariant(text(column));
    case SQLITE_BLOB:
        return QVariant(blob(column));
    default:
        return QVariant();
    }
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView SqliteStatement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return {data, sqlite3_column_bytes(m_stmt, column)};
}

QByteArray SqliteStatement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

SqliteDatabase::SqliteDatabase(const QString &path, const QByteArray &key) : m_path(path)
{
    const int rc =
        sqlite3_open_v2(path.toUtf8().constData(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = QCoreApplication::translate("careround::SqliteDatabase",
                                                        "Cannot open the database file: %1")
                                .arg(QString::fromUtf8(sqlite3_errstr(rc)));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError(StoreError::Code::Sql, msg);
    }
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
    if (!key.isEmpty()) {
        if (sqlite3_key(m_db, key.constData(), int(key.size())) != SQLITE_OK) {
            sqlite3_close(m_db);
            m_db = nullptr;
            throw StoreError(StoreError::Code::WrongKey, QStringLiteral("Cannot set the key"));
        }
        // 4 KiB pages (SQLCipher 3 defaults to 1 KiB): fewer page decryptions per query.
        sqlite3_exec(m_db, "PRAGMA cipher_page_size = 4096", nullptr, nullptr, nullptr);
    }
    sqlite3_exec(m_db, "PRAGMA cache_size = -16384", nullptr, nullptr, nullptr);
    // The first read of the schema tells whether the key fits: SQLCipher reports
    // SQLITE_NOTADB for a wrong key (or a file that is not a database at all).
    char *err = nullptr;
    const int check =
        sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, &err);
    sqlite3_free(err);
    if (check != SQLITE_OK) {
        sqlite3_close(m_db);
        m_db = nullptr;
        if (check == SQLITE_NOTADB)
            throw StoreError(
                StoreError::Code::WrongKey,
                QCoreApplication::translate("careround::SqliteDatabase",
                                            "The passphrase does not open this store (wrong key, "
                                            "or the file is not a CareRound store)"));
        throw StoreError(StoreError::Code::Sql,
                         QCoreApplication::translate("careround::SqliteDatabase",
                                                     "Cannot read the database file"));
    }
}

SqliteDatabase::~SqliteDatabase()
{
    m_cache.clear();
    if (m_db)
        sqlite3_close(m_db);
}

void SqliteDatabase::exec(const QString &sql)
{
    char *err = nullptr;
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err) != SQLITE_OK) {
        const QString msg = QString::fromUtf8(err ? err : "unknown error");
        sqlite3_free(err);
        throw StoreError(StoreError::Code::Sql, QStringLiteral("SQL failed: %1").arg(msg));
    }
}

void SqliteDatabase::useWriteAheadLog()
{
    const QDeadlineTimer deadline(busyTimeoutMs);
    for (;;) {
        const int rc = sqlite3_exec(m_db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK)
            return;
        if ((rc & 0xff) != SQLITE_BUSY || deadline.hasExpired())
            fail(QStringLiteral("journal_mode=WAL"));
        QThread::msleep(5);
    }
}

SqliteStatement &SqliteDatabase::prepare(const QString &sql)
{
    auto it = m_cache.find(sql);
    if (it != m_cache.end()) {
        (*it)->reset();
        return **it;
    }
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        fail(QStringLiteral("prepare"));
    auto st = std::make_shared<SqliteStatement>(*this, stmt);
    m_cache.insert(sql, st);
    return *st;
}

QVariant SqliteDatabase::scalar(const QString &sql, const QVariantList &params)
{
    SqliteStatement &st = prepare(sql);
    st.bindAll(params);
    QVariant result;
    if (st.step())
        result = st.value(0);
    st.reset();
    return result;
}

qint64 SqliteDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

void SqliteDatabase::fail(const QString &what) const
{
    throw StoreError(
        StoreError::Code::Sql,
        QStringLiteral("SQLite %1 failed: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(m_db))));
}

SqliteTransaction::SqliteTransaction(SqliteDatabase &db) : m_db(db)
{
    // Inside another transaction this is a savepoint: a nested edit commits with its caller.
    m_nested = sqlite3_get_autocommit(m_db.handle()) == 0;
    m_db.prepare(m_nested ? QStringLiteral("SAVEPOINT nested") : QStringLiteral("BEGIN IMMEDIATE"))
        .exec();
}

SqliteTransaction::~SqliteTransaction()
{
    if (!m_done) {
        try {
            if (m_nested) {
                m_db.prepare(QStringLiteral("ROLLBACK TO nested")).exec();
                m_db.prepare(QStringLiteral("RELEASE nested")).exec();
            } else {
                m_db.prepare(QStringLiteral("ROLLBACK")).exec();
            }
        } catch (const StoreError &) {
            // The transaction may already be gone (SQLite rolls back on some errors).
        }
    }
}

void SqliteTransaction::commit()
{
    m_db.prepare(m_nested ? QStringLiteral("RELEASE nested") : QStringLiteral("COMMIT")).exec();
    m_done = true;
}

} // namespace careround
