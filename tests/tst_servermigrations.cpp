// The agency server's numbered migrations, on SQLite and (tst_servermigrations_pg)
// PostgreSQL: a database made before migrations were numbered is adopted with its rows and
// served, a database of a newer server is refused with a clear error and a failing exit,
// migrating again changes nothing, and several processes may migrate one database at once.
#include "recordvalidator.h"
#include "serverfixture.h"
#include "servermigrations.h"

#include <QProcess>
#include <QSet>

#include <memory>
#include <vector>

using namespace careround;
using namespace careround::test;

namespace {

// What the server ran at every start before its migrations were numbered (AgencyService::
// initialize): these tables, the two counters and an epoch. Kept here as it was, word for word.
const char *const kUnnumberedSchemaSql[] = {
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

void createUnnumberedDatabase(ServerDatabase &db)
{
    for (const char *sql : kUnnumberedSchemaSql)
        db.exec(QString::fromLatin1(sql));
    for (const char *name : {"seq", "hlc"})
        db.exec(QStringLiteral("INSERT INTO counter (name, value) SELECT ?, 0 WHERE NOT EXISTS "
                               "(SELECT 1 FROM counter WHERE name = ?)"),
                {QString::fromLatin1(name), QString::fromLatin1(name)});
    db.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('epoch', ?)"), {newUuid7()});
}

/** The tables of the unnumbered server and their columns then (later migrations add some). */
const QList<QPair<const char *, const char *>> kUnnumberedColumns{
    {"meta", "key, value"},
    {"counter", "name, value"},
    {"record", "entity, id, client_id, seq, vals, stamps"},
    {"account", "id, login, password_hash, role, name"},
    {"device", "id, account_id, token_hash, label, status, last_seq, enrolled_at, revoked_at"},
    {"caseload", "client_id, coordinator_id, current, until_ms"},
    {"seal", "record_id, signature_id"},
    {"audit", "at, actor, device, action, detail"},
    {"auth_failure", "key, at"},
};

/** Every row of the unnumbered server's tables (its columns), as text, for comparing. */
QStringList allRows(ServerDatabase &db)
{
    QStringList out;
    for (const auto &[table, columns] : kUnnumberedColumns) {
        for (const auto &row : db.query(QStringLiteral("SELECT %1 FROM %2")
                                            .arg(QLatin1String(columns), QLatin1String(table)))) {
            QStringList cells;
            for (const QVariant &v : row)
                cells.append(v.isNull() ? QStringLiteral("NULL") : v.toString());
            out.append(QLatin1String(table) + QLatin1Char(':') + cells.join(QLatin1Char('|')));
        }
    }
    out.sort();
    return out;
}

/** Copies the rows of the unnumbered server's tables and columns from one database to another. */
void copyUnnumberedRows(ServerDatabase &from, ServerDatabase &to)
{
    for (const auto &[table, columns] : kUnnumberedColumns) {
        to.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)));
        const int n = int(QString::fromLatin1(columns).count(QLatin1Char(','))) + 1;
        const QString marks = QStringList(n, QStringLiteral("?")).join(QLatin1Char(','));
        for (const auto &row : from.query(QStringLiteral("SELECT %1 FROM %2")
                                              .arg(QLatin1String(columns), QLatin1String(table))))
            to.exec(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                        .arg(QLatin1String(table), QLatin1String(columns), marks),
                    row);
    }
}

/** careround-server with these arguments, to its end: exit code and standard error. */
QPair<int, QString> runServer(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("CAREROUND_PASSWORD"), kPassword);
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(CAREROUND_SERVER_PATH), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {-1, QStringLiteral("did not finish")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestServerMigrations : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_devices = 0;
    QString devicePath() { return m_dir.filePath(QStringLiteral("d%1.db").arg(++m_devices)); }

private slots:
    void initTestCase() { qInfo("server database: %s", usePostgres() ? "PostgreSQL" : "SQLite"); }

    void aNewDatabaseGetsEveryMigration()
    {
        const QString url = freshServerDb(m_dir);
        auto db = ServerDatabase::open(url);
        ServerMigrations::migrate(*db);
        QCOMPARE(ServerMigrations::version(*db), ServerMigrations::latestVersion());
        QCOMPARE(db->scalar("SELECT count(*) FROM server_migration").toInt(),
                 ServerMigrations::latestVersion());
        QVERIFY(RecordValidator::isUuid(
            db->scalar("SELECT value FROM meta WHERE key = 'epoch'").toString()));
        QCOMPARE(db->scalar("SELECT count(*) FROM counter").toInt(), 2);
    }

    void aDatabaseOfTheUnnumberedServerIsAdoptedWithItsRowsAndServed()
    {
        const QString url = freshServerDb(m_dir);
        QString client;
        QStringList before;
        {
            auto db = ServerDatabase::open(url);
            createUnnumberedDatabase(*db);
            // Rows as that server wrote them (an account, a caseload, records, a device),
            // written by today's code into a scratch database and copied over, the columns of
            // that time only.
            auto scratch = ServerDatabase::open(freshServerDb(m_dir));
            AgencyServer server(*scratch);
            server.initialize();
            server.accounts.setPasswordIterations(1000);
            server.accounts.createAccount("ana", "Ana Ortiz", kPassword, "coordinator");
            client = server.records.createRecord(
                "client", {{"firstName", "Maria"}, {"lastName", "Lopez"}, {"status", "active"}});
            server.records.createRecord("contact",
                                        {{"clientId", client}, {"name", "Rosa"}, {"phone", "1"}});
            server.records.createRecord("provider", {{"name", "Meals"}, {"status", "active"}});
            server.accounts.assignClient(client, "ana");
            server.accounts.enrollDevice("ana", kPassword, newUuid7(), "old tablet");
            copyUnnumberedRows(*scratch, *db);
            before = allRows(*db);
            QCOMPARE(db->scalar("SELECT count(*) FROM record").toInt(), 4);
        }
        ServerProcess server(url);
        QVERIFY(server.start());
        {
            auto db = ServerDatabase::open(url);
            QCOMPARE(ServerMigrations::version(*db), ServerMigrations::latestVersion());
            QCOMPARE(allRows(*db), before); // adopted: nothing added, nothing lost
        }
        TestDevice tablet(devicePath(), server.url(), "ana");
        QVERIFY(tablet.enrolled());
        QVERIFY(tablet.sync().ok());
        QCOMPARE(tablet.find("client", client)->values.value("firstName").toString(),
                 QStringLiteral("Maria"));
        QCOMPARE(tablet.all("contact").size(), 1);
        QCOMPARE(tablet.all("provider").size(), 1);
        QVERIFY(before.contains(QStringLiteral("meta:epoch|") + server.admin({"show-epoch"})));
        tablet.editor->update("client", client, {{"phone", "555-0101"}});
        QVERIFY(tablet.sync().ok());
        QCOMPARE(serverSnapshot(url).value("client/" + client).value("phone").toString(),
                 QStringLiteral("555-0101"));
        // The history starts at the adoption: the adopted records have none before it.
        auto db = ServerDatabase::open(url);
        const auto history = db->query("SELECT field, value_before, value_after FROM history");
        QCOMPARE(history.size(), 1);
        QCOMPARE(history[0][0].toString(), QStringLiteral("phone"));
        QVERIFY(history[0][1].isNull()); // the phone was not set before
        QCOMPARE(history[0][2].toString(), QStringLiteral("\"555-0101\""));
    }

    // Migration 2 is the history (as main released it), 3 the review store: a database at 2,
    // with history rows, gets the review store and keeps its rows.
    void aDatabaseAtTheHistoryGetsTheReviewStoreAsMigrationThree()
    {
        const QString url = freshServerDb(m_dir);
        auto db = ServerDatabase::open(url);
        ServerMigrations::migrate(*db, 3);
        {
            AgencyServer server(*db);
            server.records.createRecord(
                "client", {{"firstName", "Maria"}, {"lastName", "Lopez"}, {"status", "active"}});
        }
        // Back to version 2: what a server of that version made.
        db->exec("DROP TABLE refused_change");
        db->exec("DELETE FROM server_migration WHERE version = 3");
        QCOMPARE(ServerMigrations::version(*db), 2);
        const int history = db->scalar("SELECT count(*) FROM history").toInt();
        QVERIFY(history > 0);
        ServerMigrations::migrate(*db, 3);
        QCOMPARE(ServerMigrations::version(*db), 3);
        QCOMPARE(db->scalar("SELECT count(*) FROM history").toInt(), history);
        QCOMPARE(db->scalar("SELECT count(*) FROM refused_change").toInt(), 0);
    }

    // Migration 4 is the office console's: sessions, and accounts that can be deactivated.
    // The accounts of a database at 3 stay, every one of them active.
    void aDatabaseAtTheReviewStoreGetsTheOfficeAsMigrationFour()
    {
        QCOMPARE(ServerMigrations::latestVersion(), 4);
        const QString url = freshServerDb(m_dir);
        auto db = ServerDatabase::open(url);
        ServerMigrations::migrate(*db, 3);
        db->exec("INSERT INTO account (id, login, password_hash, role, name) VALUES "
                 "('a1', 'ana', 'x', 'coordinator', 'Ana')");
        ServerMigrations::migrate(*db);
        QCOMPARE(ServerMigrations::version(*db), 4);
        QCOMPARE(db->scalar("SELECT active FROM account WHERE login = 'ana'").toInt(), 1);
        QCOMPARE(db->scalar("SELECT count(*) FROM office_session").toInt(), 0);
    }

    void migratingAgainChangesNothing()
    {
        const QString url = freshServerDb(m_dir);
        auto db = ServerDatabase::open(url);
        ServerMigrations::migrate(*db);
        const QStringList rows = allRows(*db);
        const auto versions = db->query("SELECT version, applied_at FROM server_migration");
        ServerMigrations::migrate(*db);
        QCOMPARE(allRows(*db), rows);
        QCOMPARE(db->query("SELECT version, applied_at FROM server_migration"), versions);
        // The same through the server's command line, twice.
        QCOMPARE(runServer({"admin", "--db", url, "show-epoch"}).first, 0);
        QCOMPARE(runServer({"admin", "--db", url, "show-epoch"}).first, 0);
        QCOMPARE(allRows(*db), rows);
        QCOMPARE(db->query("SELECT version, applied_at FROM server_migration"), versions);
    }

    void aDatabaseOfANewerServerIsRefused()
    {
        const QString url = freshServerDb(m_dir);
        auto db = ServerDatabase::open(url);
        ServerMigrations::migrate(*db);
        const int newer = ServerMigrations::latestVersion() + 1;
        db->exec("INSERT INTO server_migration (version, applied_at) VALUES (?, 'later')", {newer});
        const QStringList rows = allRows(*db);
        try {
            ServerMigrations::migrate(*db);
            QFAIL("a newer database was migrated");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), StoreError::Code::TooNew);
            QVERIFY2(e.message().contains("newer careround-server"), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QString::number(newer)), qPrintable(e.message()));
        }
        for (const QStringList &args :
             {QStringList{"serve", "--db", url, "--port", "0"},
              QStringList{"admin", "--db", url, "show-epoch"},
              QStringList{"admin", "--db", url, "create-account", "ana", "Ana", "coordinator"}}) {
            const auto [code, error] = runServer(args);
            QVERIFY2(code != 0, qPrintable(args.first()));
            QVERIFY2(error.contains("newer careround-server"), qPrintable(error));
        }
        QCOMPARE(allRows(*db), rows);
        QCOMPARE(ServerMigrations::version(*db), newer);
    }

    void severalProcessesMigrateOneNewDatabaseAtOnce()
    {
        const QString url = freshServerDb(m_dir);
        std::vector<std::unique_ptr<QProcess>> children;
        for (int i = 0; i < 4; ++i) {
            children.push_back(std::make_unique<QProcess>());
            children.back()->start(QStringLiteral(CAREROUND_SERVER_PATH),
                                   {"admin", "--db", url, "--log-level", "error", "show-epoch"});
        }
        QSet<QString> epochs;
        for (const auto &child : children) {
            QVERIFY(child->waitForFinished(60000));
            QVERIFY2(child->exitCode() == 0, child->readAllStandardError().constData());
            epochs.insert(QString::fromUtf8(child->readAllStandardOutput()).trimmed());
        }
        QCOMPARE(epochs.size(), 1); // one epoch: migration 1 ran once
        auto db = ServerDatabase::open(url);
        QCOMPARE(db->scalar("SELECT count(*) FROM server_migration").toInt(),
                 ServerMigrations::latestVersion());
        QCOMPARE(db->scalar("SELECT count(*) FROM counter").toInt(), 2);
        QCOMPARE(QSet<QString>{db->scalar("SELECT value FROM meta WHERE key = 'epoch'").toString()},
                 epochs);
    }
};

QTEST_GUILESS_MAIN(TestServerMigrations)
#include "tst_servermigrations.moc"
