#pragma once

#include "serverdatabase.h"

namespace careround {

/**
 * The numbered migrations of the agency server's tables, the same on SQLite and PostgreSQL.
 * The table server_migration holds one row per migration applied. Each migration runs in
 * a transaction of its own that excludes every other process migrating the same database
 * (a PostgreSQL advisory lock; SQLite's write lock), so several servers may start at once.
 */
namespace ServerMigrations {

/** The version this code brings a database to: the number of its migrations. */
int latestVersion();

/** The version of a database that was migrated (0: none applied yet). */
int version(ServerDatabase &db);

/**
 * Applies the missing migrations up to `target`, each in its own transaction. Throws
 * StoreError (TooNew) when the database is newer than this code, and changes nothing then.
 * Migration 1 creates the tables, counters and epoch of a new agency, and adopts a database
 * made before migrations were numbered (the same tables, no version) without touching its rows.
 */
void migrate(ServerDatabase &db, int target = latestVersion());

} // namespace ServerMigrations

} // namespace careround
