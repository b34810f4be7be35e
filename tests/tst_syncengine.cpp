// The sync engine as the UI sees it: states and plain-words status, pending and conflict
// counts, progress, exponential backoff with a cap while the server is away, and a sync when
// the connection returns. Real server process, real store, real HTTP.
#include "connectivitymonitor.h"
#include "serverfixture.h"
#include "syncengine.h"

#include <QSignalSpy>

using namespace careround;
using namespace careround::test;

class TestSyncEngine : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void offlineBackoffAndRecovery()
    {
        ServerProcess server(freshServerDb(m_dir));
        server.admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(server.start());
        TestDevice tablet(m_dir.filePath("tablet.db"), server.url(), "ana");
        QVERIFY(tablet.enrolled());
        const QString client =
            tablet.editor->create("client", {{"firstName", "Rosa"},
                                             {"lastName", "Diaz"},
                                             {"status", "active"},
                                             {"coordinatorId", tablet.accountId}});
        tablet.editor->update("client", client, {{"phone", "555-0142"}});

        ManualConnectivityMonitor monitor(false);
        SyncEngine::Config config{
            m_dir.filePath("tablet.db"), kDeviceKey, server.url(), tablet.token, {}, 20, 160};
        SyncEngine engine(config, *tablet.store, monitor);
        QCOMPARE(engine.pendingCount(), 2);
        QVERIFY(!engine.lastSynced().isValid());

        // The server goes away: the engine says so in plain words and retries, backing off.
        const quint16 port = server.port();
        server.stop();
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QVector<int> delays;
        while (delays.size() < 6) {
            QVERIFY(finished.wait(10000));
            QCOMPARE(engine.state(), SyncEngine::State::Offline);
            delays.append(engine.nextRetryMs());
        }
        QVERIFY2(engine.statusText().contains("cannot be reached"),
                 qPrintable(engine.statusText()));
        QVERIFY(engine.statusText().contains("safe"));
        for (int i = 0; i < delays.size(); ++i) {
            QVERIFY(delays[i] >= qMin(160, 20 << i));
            QVERIFY(delays[i] <= 160);
        }
        QCOMPARE(delays.last(), 160); // capped
        QCOMPARE(engine.pendingCount(), 2);

        // The connection returns: it syncs at once, with progress, and is up to date.
        QVERIFY(server.start({}, port));
        QSignalSpy progress(&engine, &SyncEngine::progressChanged);
        monitor.setOnline(true);
        QTRY_COMPARE_WITH_TIMEOUT(engine.state(), SyncEngine::State::UpToDate, 20000);
        QCOMPARE(engine.statusText(), QStringLiteral("Up to date"));
        QCOMPARE(engine.pendingCount(), 0);
        QVERIFY(engine.lastSynced().isValid());
        QVERIFY(progress.count() > 0);
        QCOMPARE(engine.nextRetryMs(), 0);
        QCOMPARE(serverSnapshot(server.db()).value("client/" + client).value("phone").toString(),
                 QStringLiteral("555-0142"));
    }

    void revokedTabletIsToldAndWiped()
    {
        ServerProcess server(freshServerDb(m_dir));
        server.admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(server.start());
        TestDevice tablet(m_dir.filePath("revoked.db"), server.url(), "ana");
        tablet.editor->create("client", {{"firstName", "Rosa"},
                                         {"lastName", "Diaz"},
                                         {"status", "active"},
                                         {"coordinatorId", tablet.accountId}});
        server.admin({"revoke-device", tablet.store->deviceId()});
        ManualConnectivityMonitor monitor(true);
        SyncEngine engine({m_dir.filePath("revoked.db"), kDeviceKey, server.url(), tablet.token},
                          *tablet.store, monitor);
        QSignalSpy revoked(&engine, &SyncEngine::revoked);
        engine.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(revoked.count(), 1, 20000);
        QCOMPARE(engine.state(), SyncEngine::State::Revoked);
        QVERIFY(engine.statusText().contains("wiped"));
        QCOMPARE(tablet.store->records().count(*Schema::instance().entity("client")), 0);
        QCOMPARE(engine.pendingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
