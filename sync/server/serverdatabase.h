#pragma once

#include <QString>
#include <QVariant>
#include <QVector>

#include <functional>
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
    /** A row of forEachRow(), valid only during the call it is given to. */
    class RowView {
    public:
        virtual ~RowView() = default;
        /** The column as UTF-8 text (empty for NULL), without a copy where it can. */
        virtual QByteArrayView utf8(int column) const = 0;
        virtual qint64 integer(int column) const = 0;
        QString text(int column) const { return QString::fromUtf8(utf8(column)); }
    };
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
    /**
     * Runs a query and gives each row to `row` as it is read, nothing kept: for reads of many
     * rows of which the caller keeps a little. `row` runs no other query of this database.
     */
    virtual void forEachRow(const QString &sql, const QVariantList &params,
                            const std::function<void(const RowView &)> &row) = 0;
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
