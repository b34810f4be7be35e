#include "serverdatabase.h"

#include "sqlitedatabase.h"
#include "walcheckpointer.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

#include <unordered_map>

namespace careround {

namespace {

/** The first bytes of every plaintext SQLite file (an encrypted one starts with its salt). */
bool isPlaintextSqlite(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3", 16);
}

/** Checks, before SQLite touches it, that the file is of the kind the key says it is. */
void checkPlaintextOrNot(const QString &path, const QByteArray &key)
{
    const QFileInfo info(path);
    if (!info.exists() || info.size() == 0)
        return; // a new store: created encrypted when there is a key
    const bool plaintext = isPlaintextSqlite(path);
    if (!key.isEmpty() && plaintext)
        throw StoreError(StoreError::Code::WrongKey,
                         QStringLiteral("Cannot open %1: it is a store that is not encrypted, "
                                        "and --key-file was given (docs/security.md says how "
                                        "to encrypt an existing store)")
                             .arg(path));
    if (key.isEmpty() && !plaintext)
        throw StoreError(StoreError::Code::WrongKey,
                         QStringLiteral("Cannot open %1: it is encrypted or not a CareRound "
                                        "database (give its key with --key-file)")
                             .arg(path));
}

SqliteDatabase openSqlite(const QString &path, const QByteArray &key)
{
    checkPlaintextOrNot(path, key);
    try {
        return SqliteDatabase(path, key);
    } catch (const StoreError &e) {
        if (e.code() != StoreError::Code::WrongKey || key.isEmpty())
            throw;
        throw StoreError(
            StoreError::Code::WrongKey,
            QStringLiteral("Cannot open %1: wrong key or not a CareRound database").arg(path));
    }
}

class SqliteServerDatabase final : public ServerDatabase {
public:
    SqliteServerDatabase(const QString &path, const QByteArray &key) : m_db(openSqlite(path, key))
    {
        m_db.useWriteAheadLog();
        m_db.exec(QStringLiteral("PRAGMA synchronous=FULL"));
        // A push's commit does not write the log back into the file (10% of a push's time
        // when it did): a thread of its own does.
        m_checkpoints = std::make_unique<WalCheckpointer>(m_db, path, key);
    }
    void beginWrite() override { m_db.prepare(QStringLiteral("BEGIN IMMEDIATE")).exec(); }
    void beginRead() override { m_db.prepare(QStringLiteral("BEGIN")).exec(); }
    void beginSchemaChange() override { beginWrite(); }
    void commit() override { m_db.prepare(QStringLiteral("COMMIT")).exec(); }
    void rollback() override { m_db.prepare(QStringLiteral("ROLLBACK")).exec(); }
    void exec(const QString &sql, const QVariantList &params) override
    {
        if (params.isEmpty() && sql.contains(QLatin1Char(';'))) {
            m_db.exec(sql);
            return;
        }
        m_db.prepare(sql).bindAll(params).exec();
    }
    QVector<Row> query(const QString &sql, const QVariantList &params) override
    {
        SqliteStatement &st = m_db.prepare(sql);
        st.bindAll(params);
        QVector<Row> rows;
        while (st.step()) {
            Row row;
            for (int i = 0; i < st.columnCount(); ++i)
                row.append(st.value(i));
            rows.append(row);
        }
        st.reset();
        return rows;
    }
    void forEachRow(const QString &sql, const QVariantList &params,
                    const std::function<void(const RowView &)> &row) override
    {
        struct View final : RowView {
            const SqliteStatement &st;
            explicit View(const SqliteStatement &s) : st(s) {}
            QByteArrayView utf8(int column) const override { return st.utf8(column); }
            qint64 integer(int column) const override { return st.int64(column); }
        };
        SqliteStatement &st = m_db.prepare(sql);
        st.bindAll(params);
        const View view(st);
        try {
            while (st.step())
                row(view);
        } catch (...) {
            st.reset();
            throw;
        }
        st.reset();
    }
    int affected() override { return m_db.changes(); }
    bool isPostgres() const override { return false; }

private:
    SqliteDatabase m_db;
    std::unique_ptr<WalCheckpointer> m_checkpoints; ///< stopped before m_db closes
};

class PostgresServerDatabase final : public ServerDatabase {
public:
    explicit PostgresServerDatabase(const QUrl &url)
    {
        static QAtomicInt counter;
        m_name = QStringLiteral("careround-pg-%1").arg(counter.fetchAndAddRelaxed(1));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            const QString error = db.lastError().text();
            throw StoreError(StoreError::Code::Sql,
                             QStringLiteral("Cannot connect to PostgreSQL: %1").arg(error));
        }
        exec(QStringLiteral("SET client_min_messages TO WARNING"), {});
    }
    ~PostgresServerDatabase() override
    {
        m_prepared.clear();
        m_plain = QSqlQuery();
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    void beginWrite() override
    {
        exec(QStringLiteral("BEGIN"), {});
        // One row that every writer locks first: writers are serialised across processes.
        exec(QStringLiteral("SELECT value FROM counter WHERE name = 'seq' FOR UPDATE"), {});
    }
    void beginRead() override
    {
        exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"), {});
    }
    void beginSchemaChange() override
    {
        exec(QStringLiteral("BEGIN"), {});
        // Held until commit or rollback: one process at a time changes the tables.
        exec(QStringLiteral("SELECT pg_advisory_xact_lock(7301)"), {});
    }
    void commit() override { exec(QStringLiteral("COMMIT"), {}); }
    void rollback() override { exec(QStringLiteral("ROLLBACK"), {}); }
    void exec(const QString &sql, const QVariantList &params) override { run(sql, params); }
    QVector<Row> query(const QString &sql, const QVariantList &params) override
    {
        QSqlQuery &q = run(sql, params);
        QVector<Row> rows;
        const int columns = q.record().count();
        while (q.next()) {
            Row row;
            row.reserve(columns);
            for (int i = 0; i < columns; ++i)
                row.append(q.value(i));
            rows.append(row);
        }
        q.finish();
        return rows;
    }
    void forEachRow(const QString &sql, const QVariantList &params,
                    const std::function<void(const RowView &)> &row) override
    {
        struct View final : RowView {
            QSqlQuery &q;
            mutable QVector<QByteArray> texts;
            explicit View(QSqlQuery &query) : q(query) {}
            QByteArrayView utf8(int column) const override
            {
                if (texts.size() <= column)
                    texts.resize(column + 1);
                texts[column] = q.value(column).toString().toUtf8();
                return texts[column];
            }
            qint64 integer(int column) const override { return q.value(column).toLongLong(); }
        };
        QSqlQuery &q = run(sql, params);
        const View view(q);
        try {
            while (q.next())
                row(view);
        } catch (...) {
            q.finish();
            throw;
        }
        q.finish();
    }
    int affected() override { return m_affected; }
    bool isPostgres() const override { return true; }

private:
    QSqlQuery &run(const QString &sql, const QVariantList &params)
    {
        // A statement with parameters is prepared once per connection and kept: QPSQL prepares
        // (one round trip), executes (one) and deallocates (one) a statement it does not keep.
        QSqlQuery *q = nullptr;
        bool ok;
        if (params.isEmpty()) {
            m_plain = QSqlQuery(QSqlDatabase::database(m_name, false));
            q = &m_plain;
            ok = q->exec(sql);
        } else {
            auto it = m_prepared.find(sql);
            if (it == m_prepared.end()) {
                auto prepared = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_name, false));
                if (!prepared->prepare(sql))
                    throw StoreError(
                        StoreError::Code::Sql,
                        QStringLiteral("PostgreSQL: %1").arg(prepared->lastError().databaseText()));
                it = m_prepared.emplace(sql, std::move(prepared)).first;
            }
            q = it->second.get();
            for (int i = 0; i < params.size(); ++i)
                q->bindValue(i, params.at(i));
            ok = q->exec();
        }
        if (!ok)
            throw StoreError(StoreError::Code::Sql,
                             QStringLiteral("PostgreSQL: %1").arg(q->lastError().databaseText()));
        m_affected = q->numRowsAffected();
        return *q;
    }
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_prepared;
    QSqlQuery m_plain;
    QString m_name;
    int m_affected = 0;
};

} // namespace

std::unique_ptr<ServerDatabase> ServerDatabase::open(const QString &url,
                                                     const QByteArray &sqlcipherKey)
{
    if (url.startsWith(QLatin1String("sqlite:")))
        return std::make_unique<SqliteServerDatabase>(url.mid(7), sqlcipherKey);
    if (url.startsWith(QLatin1String("postgresql://")) ||
        url.startsWith(QLatin1String("postgres://"))) {
        if (!sqlcipherKey.isEmpty())
            throw StoreError(StoreError::Code::InvalidInput,
                             QStringLiteral("--key-file encrypts a SQLite store; a PostgreSQL "
                                            "database is encrypted at rest by its host"));
        return std::make_unique<PostgresServerDatabase>(QUrl(url));
    }
    throw StoreError(StoreError::Code::InvalidInput,
                     QStringLiteral("--db must be sqlite:PATH or postgresql://..."));
}

QVariant ServerDatabase::scalar(const QString &sql, const QVariantList &params)
{
    const QVector<Row> rows = query(sql, params);
    return rows.isEmpty() || rows.first().isEmpty() ? QVariant() : rows.first().first();
}

ServerTransaction::ServerTransaction(ServerDatabase &db, Mode mode) : m_db(db)
{
    switch (mode) {
    case Read:
        m_db.beginRead();
        break;
    case Write:
        m_db.beginWrite();
        break;
    case SchemaChange:
        m_db.beginSchemaChange();
        break;
    }
}

ServerTransaction::~ServerTransaction()
{
    if (m_open) {
        try {
            m_db.rollback();
        } catch (const StoreError &) {
        }
    }
}

void ServerTransaction::commit()
{
    m_db.commit();
    m_open = false;
}

} // namespace careround
