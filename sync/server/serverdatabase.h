#pragma once

#include <QString>
#include <QVariant>
#include <QVector>

#include <memory>

namespace careround {

/**
 * The agency server's SQL connection: SQLite (one file, zero setup) or PostgreSQL (several
 * server processes over one database). The server's SQL is written once in the subset both
 * run; `?` placeholders. Errors throw StoreError.
 */
class ServerDatabase {
public:
    using Row = QVariantList;
    virtual ~ServerDatabase() = default;

    /**
     * Opens "sqlite:PATH" or "postgresql://user:pass@host:port/db". Throws on failure.
     * sqlcipherKey (ServerKeyFile::sqlcipherKey): the SQLite file is encrypted with SQLCipher
     * under it; an existing plaintext file is then refused, and so is an encrypted file
     * opened without a key (never a silent fallback to plaintext). A key with a PostgreSQL
     * URL is refused (InvalidInput): PostgreSQL is encrypted at rest by its host.
     */
    static std::unique_ptr<ServerDatabase> open(const QString &url,
                                                const QByteArray &sqlcipherKey = {});

    /**
     * Starts a write transaction that excludes every other writer, in this process or
     * another, until commit or rollback: the server sequence stays gapless and in commit order.
     */
    virtual void beginWrite() = 0;
    virtual void beginRead() = 0;
    /**
     * Starts a transaction that changes the tables (a migration), excluding every other
     * process doing the same; unlike beginWrite it needs no table to exist yet.
     */
    virtual void beginSchemaChange() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual void exec(const QString &sql, const QVariantList &params = {}) = 0;
    virtual QVector<Row> query(const QString &sql, const QVariantList &params = {}) = 0;
    /** Rows changed by the last exec. */
    virtual int affected() = 0;
    virtual bool isPostgres() const = 0;

    QVariant scalar(const QString &sql, const QVariantList &params = {});
};

/**
 * A query's optional filters, built in order: each is `clause` (text with one `?`) and its
 * value, left out when the value is empty.
 */
struct SqlFilters {
    QString sql;
    QVariantList params;
    SqlFilters &add(const QString &value, const char *clause)
    {
        if (!value.isEmpty()) {
            sql += QLatin1String(clause);
            params.append(value);
        }
        return *this;
    }
};

/** Begins a read, write or schema-change transaction and rolls it back unless committed. */
class ServerTransaction {
public:
    enum Mode { Read, Write, SchemaChange };
    ServerTransaction(ServerDatabase &db, Mode mode);
    ServerTransaction(const ServerTransaction &) = delete;
    ServerTransaction &operator=(const ServerTransaction &) = delete;
    ~ServerTransaction();
    void commit();

private:
    ServerDatabase &m_db;
    bool m_open = true;
};

} // namespace careround
