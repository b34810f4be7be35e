#include "servermigrations.h"

#include "hlc.h"
#include "sqlitedatabase.h"

#include <QDateTime>

namespace careround {

namespace {

// Version 1: the tables as the server made them before migrations were numbered. They keep
// IF NOT EXISTS so that a database of that time is adopted as it is.
const char *const kVersion1Sql[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS record (entity TEXT NOT NULL, id TEXT NOT NULL, client_id TEXT,"
    " seq BIGINT NOT NULL, vals TEXT NOT NULL, stamps TEXT NOT NULL, PRIMARY KEY (entity, id))",
    "CREATE INDEX IF NOT EXISTS record_seq ON record (seq)",
    "CREATE INDEX IF NOT EXISTS record_client ON record (client_id, seq)",
    "CREATE TABLE IF NOT EXISTS account (id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE,"
    " password_hash TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS device (id TEXT PRIMARY KEY, account_id TEXT NOT NULL,"
    " token_hash TEXT UNIQUE, label TEXT, status TEXT NOT NULL, last_seq BIGINT NOT NULL,"
    " enrolled_at TEXT, revoked_at TEXT)",
    "CREATE TABLE IF NOT EXISTS caseload (client_id TEXT NOT NULL, coordinator_id TEXT NOT NULL,"
    " current INTEGER NOT NULL, until_ms BIGINT, PRIMARY KEY (client_id, coordinator_id))",
    "CREATE INDEX IF NOT EXISTS caseload_coordinator ON caseload (coordinator_id, current)",
    "CREATE TABLE IF NOT EXISTS seal (record_id TEXT PRIMARY KEY, signature_id TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS audit (at TEXT NOT NULL, actor TEXT, device TEXT,"
    " action TEXT NOT NULL, detail TEXT)",
    "CREATE TABLE IF NOT EXISTS auth_failure (key TEXT NOT NULL, at BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS auth_failure_key ON auth_failure (key, at)",
};

void migrateTo1(ServerDatabase &db)
{
    for (const char *sql : kVersion1Sql)
        db.exec(QString::fromLatin1(sql));
    for (const char *name : {"seq", "hlc"})
        db.exec(QStringLiteral("INSERT INTO counter (name, value) SELECT ?, 0 WHERE NOT EXISTS "
                               "(SELECT 1 FROM counter WHERE name = ?)"),
                {QString::fromLatin1(name), QString::fromLatin1(name)});
    db.exec(QStringLiteral("INSERT INTO meta (key, value) SELECT 'epoch', ? WHERE NOT EXISTS "
                           "(SELECT 1 FROM meta WHERE key = 'epoch')"),
            {newUuid7()});
}

// Version 2: the agency's change history (HistoryStore), one row per field a write changed.
// Append-only: triggers refuse every UPDATE and DELETE (and TRUNCATE on PostgreSQL), whoever
// sends it.
void migrateTo2(ServerDatabase &db)
{
    db.exec(QStringLiteral(
        "CREATE TABLE history (seq BIGINT PRIMARY KEY, entity TEXT NOT NULL, record_id TEXT "
        "NOT NULL, client_id TEXT, field TEXT NOT NULL, value_before TEXT, value_after TEXT "
        "NOT NULL, account_id TEXT, device_id TEXT, stamp TEXT, server_time TEXT NOT NULL, "
        "outcome TEXT NOT NULL)"));
    db.exec(QStringLiteral("CREATE INDEX history_client ON history (client_id, seq)"));
    if (db.isPostgres()) {
        db.exec(QStringLiteral("CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE "
                               "plpgsql AS $$ BEGIN RAISE EXCEPTION 'the history is append-only'; "
                               "END $$"));
        db.exec(QStringLiteral("CREATE TRIGGER history_no_change BEFORE UPDATE OR DELETE ON "
                               "history FOR EACH ROW EXECUTE FUNCTION history_append_only()"));
        db.exec(QStringLiteral("CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history "
                               "FOR EACH STATEMENT EXECUTE FUNCTION history_append_only()"));
    } else {
        for (const char *op : {"UPDATE", "DELETE"})
            db.exec(QStringLiteral("CREATE TRIGGER history_no_%1 BEFORE %2 ON history BEGIN "
                                   "SELECT RAISE(ABORT, 'the history is append-only'); END;")
                        .arg(QString::fromLatin1(op).toLower(), QString::fromLatin1(op)));
    }
}

// Version 3: the review store. A change the server refused is kept whole, once per device and
// deviceSeq (a resend after a lost reply finds it), until a supervisor applies or discards it.
void migrateTo3(ServerDatabase &db)
{
    db.exec(
        QStringLiteral("CREATE TABLE refused_change (id TEXT PRIMARY KEY, device_id TEXT NOT NULL,"
                       " device_seq BIGINT NOT NULL, entity TEXT NOT NULL, record_id TEXT NOT NULL,"
                       " client_id TEXT, author_id TEXT NOT NULL, change_json TEXT NOT NULL,"
                       " received_at TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL,"
                       " state TEXT NOT NULL, settled_by TEXT, settled_at TEXT, settle_reason TEXT,"
                       " UNIQUE (device_id, device_seq))"));
    db.exec(QStringLiteral("CREATE INDEX refused_change_state ON refused_change (state, id)"));
}

// Version 4: the office console. Its sign-in sessions (a token's hash, never the token; the
// CSRF token; when it was made and last used, for the idle timeout), accounts that can be
// deactivated, the tablets' last contact, and the indexes the audit page and the reports read the
// history by.
void migrateTo4(ServerDatabase &db)
{
    db.exec(QStringLiteral("CREATE TABLE office_session (token_hash TEXT PRIMARY KEY, account_id "
                           "TEXT NOT NULL, csrf TEXT NOT NULL, created_ms BIGINT NOT NULL, "
                           "seen_ms BIGINT NOT NULL)"));
    db.exec(QStringLiteral("CREATE INDEX office_session_account ON office_session (account_id)"));
    db.exec(QStringLiteral("ALTER TABLE account ADD COLUMN active INTEGER NOT NULL DEFAULT 1"));
    // What a tablet last said in hello: when, its app and schema version, its pending changes.
    for (const char *column :
         {"last_seen TEXT", "app_version TEXT", "schema_version INTEGER", "pending BIGINT"})
        db.exec(QStringLiteral("ALTER TABLE device ADD COLUMN %1").arg(QLatin1String(column)));
    db.exec(QStringLiteral("CREATE INDEX history_account ON history (account_id, seq)"));
    db.exec(QStringLiteral("CREATE INDEX history_field ON history (entity, field, seq)"));
}

using Migration = void (*)(ServerDatabase &);
// Migration n is kMigrations[n - 1]. Append only: a released migration never changes.
const Migration kMigrations[] = {migrateTo1, migrateTo2, migrateTo3, migrateTo4};

} // namespace

int ServerMigrations::latestVersion()
{
    return int(std::size(kMigrations));
}

int ServerMigrations::version(ServerDatabase &db)
{
    return db.scalar(QStringLiteral("SELECT max(version) FROM server_migration")).toInt();
}

void ServerMigrations::migrate(ServerDatabase &db, int target)
{
    for (;;) {
        ServerTransaction tx(db, ServerTransaction::SchemaChange);
        // Read under the lock: another process may have migrated while this one waited.
        db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS server_migration (version INTEGER "
                               "PRIMARY KEY, applied_at TEXT NOT NULL)"));
        const int current = version(db);
        if (current > latestVersion())
            throw StoreError(StoreError::Code::TooNew,
                             QStringLiteral("This agency database was written by a newer "
                                            "careround-server (version %1; this server knows %2). "
                                            "Update the server to open it.")
                                 .arg(current)
                                 .arg(latestVersion()));
        if (current >= target) {
            tx.commit();
            return;
        }
        const int next = current + 1;
        kMigrations[next - 1](db);
        db.exec(QStringLiteral("INSERT INTO server_migration (version, applied_at) VALUES (?, ?)"),
                {next, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
        tx.commit();
    }
}

} // namespace careround
