#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariant>

#include <memory>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

namespace careround {

/** An error from the store, with a message fit to show a person (it never holds client data). */
class StoreError : public std::runtime_error {
public:
    enum class Code {
        Sql,          ///< SQLite reported an error
        WrongKey,     ///< the key does not open the encrypted file
        TooNew,       ///< the file was written by a newer CareRound
        InvalidInput, ///< the edit breaks a schema rule; nothing was written
        Sealed,       ///< the record is signed and cannot change
        NotFound,     ///< no such record
    };
    StoreError(Code code, const QString &message)
        : std::runtime_error(message.toStdString()), m_code(code), m_message(message)
    {}
    Code code() const { return m_code; }
    QString message() const { return m_message; }

private:
    Code m_code;
    QString m_message;
};

class SqliteDatabase;

/**
 * A prepared statement (RAII). Parameters are bound by 1-based index from QVariant;
 * columns are read as QVariant (NULL -> invalid QVariant). Reset automatically by bind().
 */
class SqliteStatement {
public:
    SqliteStatement(SqliteDatabase &db, sqlite3_stmt *stmt);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    /** Resets the statement and binds all parameters in order. */
    SqliteStatement &bindAll(const QVariantList &values);
    void bind(int index, const QVariant &value);
    /** Steps once: true when a row is available. Throws StoreError on failure. */
    bool step();
    /** Steps until done; for statements that return no rows. */
    void exec();
    void reset();

    QVariant value(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const;
    /** A column's UTF-8 text without a copy: valid until the next step() or reset(). */
    QByteArrayView utf8(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;
    int columnCount() const;

private:
    SqliteDatabase &m_db;
    sqlite3_stmt *m_stmt;
};

/**
 * A connection to one SQLite (SQLCipher) database file. Owns a cache of prepared statements
 * keyed by their SQL, so a hot path pays for preparation once.
 */
class SqliteDatabase {
public:
    /** Opens (creating when absent) the file. A non-empty key encrypts it with SQLCipher. */
    SqliteDatabase(const QString &path, const QByteArray &key);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    /** Runs one or more statements without parameters. */
    void exec(const QString &sql);
    /**
     * Switches the file to write-ahead logging. SQLite answers "busy" at once, without waiting,
     * when another connection holds the file while it changes the journal mode (deadlock
     * avoidance), so this retries for as long as the busy timeout before it gives up.
     */
    void useWriteAheadLog();
    /** The cached prepared statement for this SQL (reset, ready to bind). */
    SqliteStatement &prepare(const QString &sql);
    /** Runs a query returning one value (or an invalid QVariant when there is no row). */
    QVariant scalar(const QString &sql, const QVariantList &params = {});

    qint64 lastInsertRowId() const;
    int changes() const;
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    [[noreturn]] void fail(const QString &what) const;

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
    QHash<QString, std::shared_ptr<SqliteStatement>> m_cache;
};

/**
 * A transaction guard: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless
 * commit() was called. Inside another transaction it is a savepoint of it.
 */
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDatabase &db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;
    void commit();

private:
    SqliteDatabase &m_db;
    bool m_done = false;
    bool m_nested = false;
};

} // namespace careround
