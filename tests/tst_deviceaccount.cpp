// First start and later starts of a tablet: enrolment against the real server creates the
// encrypted store and the passphrase-wrapped key; the passphrase opens it again; failures
// say what to do and leave nothing behind.
#include "deviceaccount.h"
#include "localeditor.h"
#include "serverfixture.h"

#include <QDir>

using namespace careround;
using namespace careround::test;

namespace {

SyncOutcome syncAccount(DeviceAccount &account)
{
    HttpSyncTransport transport(account.server(), account.token());
    DeviceSyncer syncer(*account.store(), transport);
    return syncer.syncOnce();
}

QString createClient(DeviceAccount &account, const QString &firstName)
{
    return LocalEditor(*account.store(), account.accountId())
        .create("client", {{"firstName", firstName},
                           {"lastName", "Diaz"},
                           {"status", "active"},
                           {"coordinatorId", account.accountId()}});
}

/** A tablet enrolled as ana with the first server, one client synced, then two unsent edits
    while its server is replaced by a new database on the same port (accounts from logins). */
struct Replaced {
    std::unique_ptr<ServerProcess> server;
    QString synced, unsent;
};

} // namespace

class TestDeviceAccount : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(freshServerDb(m_dir));
        m_server->admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(m_server->start());
    }
    void cleanupTestCase() { m_server.reset(); }

    void enrolThenUnlockWithThePassphrase()
    {
        const QString dir = m_dir.filePath("tablet/careround.db");
        {
            DeviceAccount account(dir);
            QVERIFY(!account.isEnrolled());
            const auto failure =
                account.enrol({m_server->url(), "ana", kPassword, "kitchen-table-42", {}});
            QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");
            QVERIFY(account.isEnrolled());
            QCOMPARE(account.role(), QStringLiteral("coordinator"));
            QCOMPARE(account.server(), m_server->url());
            QVERIFY(!account.token().isEmpty());
            // The key file holds no key in the clear, and the token is only inside the store.
            QFile key(account.keyPath());
            QVERIFY(key.open(QIODevice::ReadOnly));
            const QByteArray keyFile = key.readAll();
            QVERIFY(!keyFile.contains(account.storeKey().mid(2, 64)));
            QFile db(account.storePath());
            QVERIFY(db.open(QIODevice::ReadOnly));
            QVERIFY(!db.readAll().contains(account.token()));
        }
        DeviceAccount again(dir);
        QVERIFY(again.isEnrolled());
        const auto wrong = again.unlock("not-the-passphrase");
        QVERIFY(wrong.has_value());
        QVERIFY(wrong->message.contains("passphrase"));
        QVERIFY(!again.store());
        QVERIFY(!again.unlock("kitchen-table-42").has_value());
        QCOMPARE(again.accountId().isEmpty(), false);
    }

    /** Enrols a tablet as ana on a fresh server, syncs one client, makes unsent edits, and
        replaces the server's database (the same port, accounts for logins). */
    Replaced enrolThenReplaceTheServer(DeviceAccount &account, const QStringList &logins)
    {
        Replaced r;
        ServerProcess first(freshServerDb(m_dir));
        first.admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        if (!first.start())
            return r;
        if (account.enrol({first.url(), "ana", kPassword, "kitchen-table-42", {}}))
            return r;
        r.synced = createClient(account, "Rosa");
        if (!syncAccount(account).ok())
            return r;
        const quint16 port = first.port();
        first.stop();
        r.unsent = createClient(account, "Lena");
        LocalEditor(*account.store(), account.accountId())
            .update("client", r.unsent, {{"phone", "555-0142"}});
        r.server = std::make_unique<ServerProcess>(freshServerDb(m_dir));
        for (const QString &login : logins)
            r.server->admin({"create-account", login, login + " Ortiz", "coordinator"});
        if (!r.server->start({}, port))
            r.server.reset();
        return r;
    }

    void sameCoordinatorEnrolsAgainAndSendsTheUnsentEdits()
    {
        DeviceAccount account(m_dir.filePath("same/careround.db"));
        Replaced r = enrolThenReplaceTheServer(account, {"ana"});
        QVERIFY(r.server);
        const QString oldAccount = account.accountId();
        SyncOutcome outcome = syncAccount(account);
        QCOMPARE(outcome.state, SyncOutcome::State::Unrecognised);
        QCOMPARE(account.store()->outbox().count(), 2); // nothing wiped
        // Meanwhile a visit and its note, written by the old account id (an author field).
        LocalEditor editor(*account.store(), oldAccount);
        const QString visit = editor.create(
            "visit",
            {{"clientId", r.unsent}, {"status", "in_progress"}, {"summary", "Home visit"}});
        const QString note = editor.create("visitNote", {{"clientId", r.unsent},
                                                         {"visitId", visit},
                                                         {"text", "Ramp needed"},
                                                         {"authorId", oldAccount},
                                                         {"writtenAt", "2026-12-02T10:00:00Z"}});
        DeviceAccount::Grant grant;
        QVERIFY(!DeviceAccount::requestGrant({r.server->url(), "ana", kPassword, {}, {}},
                                             account.store()->deviceId(), grant));
        QVERIFY(grant.accountId != oldAccount); // a new database: a new account id
        QCOMPARE(account.reenrol(grant), DeviceAccount::Reenrolment::SameCoordinator);
        QCOMPARE(account.accountId(), grant.accountId);
        QCOMPARE(account.store()->outbox().count(), 4);
        outcome = syncAccount(account);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QCOMPARE(outcome.pushed, 4);
        QCOMPARE(outcome.refused, 0);
        // The note's author is the coordinator's new account: the server takes it as hers.
        QCOMPARE(serverSnapshot(r.server->db()).value("visitNote/" + note).value("authorId"),
                 QJsonValue(grant.accountId));
        QCOMPARE(account.store()->outbox().count(), 0);
        // The new server has the unsent client, on the coordinator's new account.
        const QJsonObject lena = serverSnapshot(r.server->db()).value("client/" + r.unsent);
        QCOMPARE(lena.value("phone").toString(), QStringLiteral("555-0142"));
        QCOMPARE(lena.value("coordinatorId").toString(), grant.accountId);
        // The device sequence goes on: a later edit is accepted too.
        LocalEditor(*account.store(), account.accountId())
            .update("client", r.unsent, {{"phone", "555-0143"}});
        QVERIFY(syncAccount(account).ok());
        QCOMPARE(serverSnapshot(r.server->db()).value("client/" + r.unsent).value("phone"),
                 QJsonValue("555-0143"));
        // A client the new database does not put on the caseload leaves the tablet, as any
        // client leaving a caseload does (once nothing about it waits to be sent).
        QVERIFY(!account.store()->records().find(*Schema::instance().entity("client"), r.synced));
    }

    void anotherCoordinatorKeepsTheEditsForReviewOnly()
    {
        DeviceAccount account(m_dir.filePath("other/careround.db"));
        Replaced r = enrolThenReplaceTheServer(account, {"ben"});
        QVERIFY(r.server);
        QCOMPARE(syncAccount(account).state, SyncOutcome::State::Unrecognised);
        DeviceAccount::Grant grant;
        QVERIFY(!DeviceAccount::requestGrant({r.server->url(), "ben", kPassword, {}, {}},
                                             account.store()->deviceId(), grant));
        QCOMPARE(account.reenrol(grant), DeviceAccount::Reenrolment::OtherCoordinator);
        QCOMPARE(account.login(), QStringLiteral("ben"));
        QCOMPARE(account.store()->outbox().count(), 0);
        QCOMPARE(account.store()->records().count(*Schema::instance().entity("client")), 0);
        const QVector<OutboxEntry> kept = account.store()->outbox().keptForReview();
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept[0].values.value("firstName").toString(), QStringLiteral("Lena"));
        QCOMPARE(kept[1].values.value("phone").toString(), QStringLiteral("555-0142"));
        QCOMPARE(account.store()->meta().value("review.keptFrom"), QStringLiteral("Ana Ortiz"));
        // Syncing as ben sends none of them, and they stay readable on the tablet.
        const SyncOutcome outcome = syncAccount(account);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QCOMPARE(outcome.pushed, 0);
        QVERIFY(!serverSnapshot(r.server->db()).contains("client/" + r.unsent));
        QCOMPARE(account.store()->outbox().keptForReview().size(), 2);
        // Ben's own edits are sent, numbered from the start for this server.
        const QString own = createClient(account, "Omar");
        QVERIFY(syncAccount(account).ok());
        QVERIFY(serverSnapshot(r.server->db()).contains("client/" + own));
    }

    // The swap is one transaction: a tablet that dies inside it (here: the transaction is
    // rolled back, as SQLite does with one a dead process left open) still has its old
    // token, account, sync state and every unsent edit, and says again that the agency does
    // not recognise it.
    void dyingDuringTheSwapChangesNothing()
    {
        DeviceAccount account(m_dir.filePath("dies/careround.db"));
        Replaced r = enrolThenReplaceTheServer(account, {"ana"});
        QVERIFY(r.server);
        const QByteArray oldToken = account.token();
        const QString oldAccount = account.accountId();
        const QString cursor = account.store()->meta().value("sync.cursor");
        DeviceAccount::Grant grant;
        QVERIFY(!DeviceAccount::requestGrant({r.server->url(), "ana", kPassword, {}, {}},
                                             account.store()->deviceId(), grant));
        {
            auto dies = account.store()->transaction();
            account.reenrol(grant);
        }
        QCOMPARE(account.token(), oldToken);
        QCOMPARE(account.accountId(), oldAccount);
        QCOMPARE(account.store()->meta().value("sync.cursor"), cursor);
        QVERIFY(account.store()->meta().value("sync.rebase").isEmpty());
        QCOMPARE(account.store()->outbox().count(), 2);
        QCOMPARE(account.store()->outbox().pending(10).first().values.value("coordinatorId"),
                 QJsonValue(oldAccount));
        QCOMPARE(syncAccount(account).state, SyncOutcome::State::Unrecognised);
        // Enrolling again afterwards works (the server gives the same device a new token).
        QVERIFY(!DeviceAccount::requestGrant({r.server->url(), "ana", kPassword, {}, {}},
                                             account.store()->deviceId(), grant));
        account.reenrol(grant);
        QVERIFY(syncAccount(account).ok());
        QVERIFY(serverSnapshot(r.server->db()).contains("client/" + r.unsent));
    }

    void failuresSayWhatToDoAndLeaveNothing()
    {
        const QString dir = m_dir.filePath("failed/careround.db");
        DeviceAccount account(dir);
        auto f = account.enrol({m_server->url(), "ana", "wrong-password", "kitchen-table-42", {}});
        QVERIFY(f.has_value());
        QVERIFY2(f->message.contains("login or password"), qPrintable(f->message));
        QVERIFY(!account.isEnrolled());
        QVERIFY(!QFile::exists(account.storePath()));
        f = account.enrol({m_server->url(), "ana", kPassword, "short", {}});
        QVERIFY(f->message.contains("at least"));
        f = account.enrol({QUrl("ftp://agency"), "ana", kPassword, "kitchen-table-42", {}});
        QVERIFY(f->message.contains("https://"));
        f = account.enrol({QUrl("http://127.0.0.1:1"), "ana", kPassword, "kitchen-table-42", {}});
        QVERIFY2(f->message.contains("cannot be reached"), qPrintable(f->message));
        QVERIFY(!account.isEnrolled());
    }
};

QTEST_GUILESS_MAIN(TestDeviceAccount)
#include "tst_deviceaccount.moc"
