// The sync engine as the UI sees it: states and plain-words status, pending and conflict
// counts, progress, exponential backoff with a cap while the server is away, and a sync when
// the connection returns. Real server process, real store, real HTTP.
#include "connectivitymonitor.h"
#include "serverfixture.h"
#include "syncengine.h"

#include <QLocale>
#include <QMetaEnum>
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
        QVERIFY2(engine.statusText().contains("signed this tablet out"),
                 qPrintable(engine.statusText()));
        QCOMPARE(tablet.store->meta().value("account.signedOut"), QStringLiteral("revoked"));
        QCOMPARE(tablet.store->records().count(*Schema::instance().entity("client")), 0);
        QCOMPARE(engine.pendingCount(), 0);
    }

    // A server that does not know the token (its database was replaced): the tablet is told
    // so, keeps everything, and does not retry by itself.
    void unknownTokenKeepsTheDataAndSaysSo()
    {
        ServerProcess first(freshServerDb(m_dir));
        first.admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(first.start());
        TestDevice tablet(m_dir.filePath("unknown.db"), first.url(), "ana");
        tablet.editor->create("client", {{"firstName", "Rosa"},
                                         {"lastName", "Diaz"},
                                         {"status", "active"},
                                         {"coordinatorId", tablet.accountId}});
        const quint16 port = first.port();
        first.stop();
        ServerProcess replaced(freshServerDb(m_dir));
        replaced.admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(replaced.start({}, port));
        ManualConnectivityMonitor monitor(true);
        SyncEngine engine({m_dir.filePath("unknown.db"), kDeviceKey, first.url(), tablet.token},
                          *tablet.store, monitor);
        QSignalSpy unrecognised(&engine, &SyncEngine::unrecognised);
        engine.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(unrecognised.count(), 1, 20000);
        QCOMPARE(engine.state(), SyncEngine::State::Unrecognised);
        QVERIFY2(engine.statusText().contains("no longer recognises"),
                 qPrintable(engine.statusText()));
        QVERIFY(engine.statusText().contains("Nothing was wiped"));
        QCOMPARE(engine.nextRetryMs(), 0);
        QCOMPARE(engine.pendingCount(), 1);
        QCOMPARE(tablet.store->records().count(*Schema::instance().entity("client")), 1);
    }

    void statusPropertiesFollowTheEngine()
    {
        ServerProcess server(freshServerDb(m_dir));
        server.admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(server.start());
        TestDevice tablet(m_dir.filePath("status.db"), server.url(), "ana");
        QVERIFY(tablet.enrolled());
        const QString client =
            tablet.editor->create("client", {{"firstName", "Rosa"},
                                             {"lastName", "Diaz"},
                                             {"status", "active"},
                                             {"coordinatorId", tablet.accountId}});
        ManualConnectivityMonitor monitor(true);
        SyncEngine engine({m_dir.filePath("status.db"), kDeviceKey, server.url(), tablet.token},
                          *tablet.store, monitor);
        // What QML reads: the properties by name, the state as the engine's own enum.
        QCOMPARE(engine.property("pendingCount").toInt(), 1);
        QCOMPARE(engine.property("openConflicts").toInt(), 0);
        QCOMPARE(engine.property("summary").toString(), QStringLiteral("Not synced yet"));
        QCOMPARE(engine.property("progress").toDouble(), -1.0);
        const QMetaEnum states = QMetaEnum::fromType<SyncEngine::State>();
        QCOMPARE(states.keyToValue("UpToDate"), int(SyncEngine::State::UpToDate));
        QCOMPARE(states.keyToValue("Local"), int(SyncEngine::State::Local));

        QSignalSpy counts(&engine, &SyncEngine::countsChanged);
        QSignalSpy summary(&engine, &SyncEngine::summaryChanged);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QCOMPARE(engine.property("state").value<SyncEngine::State>(), SyncEngine::State::Syncing);
        QCOMPARE(engine.summary(), engine.statusText());
        QVERIFY(finished.wait(20000));
        QCOMPARE(engine.property("state").value<SyncEngine::State>(), SyncEngine::State::UpToDate);
        // The pending count drops with the sync, told by countsChanged.
        QCOMPARE(engine.property("pendingCount").toInt(), 0);
        QCOMPARE(counts.count(), 1);
        // The status line says when it last synced, from the engine's own time.
        QVERIFY(engine.lastSynced().isValid());
        QCOMPARE(engine.summary(),
                 QStringLiteral("Last synced %1")
                     .arg(QLocale().toString(engine.lastSynced(), QLocale::ShortFormat)));
        QVERIFY(summary.count() >= 2); // syncing, then up to date
        QCOMPARE(engine.progress(), -1.0);

        // A local edit: the count follows when the engine re-reads it (the session asks).
        tablet.editor->update("client", client, {{"phone", "555-0142"}});
        engine.refreshCounts();
        QCOMPARE(engine.pendingCount(), 1);
        QCOMPARE(counts.count(), 2);
    }

    void aLocalStoreHasAnEngineThatNeverSyncs()
    {
        DeviceStore::Options o;
        o.path = m_dir.filePath("local.db");
        o.key = "local key";
        auto store = DeviceStore::open(o);
        LocalEditor editor(*store, QStringLiteral("coordinator"));
        const QString client = editor.create(
            "client", {{"firstName", "Rosa"}, {"lastName", "Diaz"}, {"status", "active"}});
        SyncEngine engine(*store);
        QCOMPARE(engine.state(), SyncEngine::State::Local);
        QCOMPARE(engine.pendingCount(), 1);
        QCOMPARE(engine.summary(), QStringLiteral("Not synced yet"));
        QCOMPARE(engine.nextRetryMs(), 0);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncNow();
        QCoreApplication::processEvents();
        QCOMPARE(engine.state(), SyncEngine::State::Local);
        QCOMPARE(finished.count(), 0);
        // Its counts are the store's, conflicts included.
        editor.create("conflict", {{"recordEntity", "client"},
                                   {"recordId", client},
                                   {"clientId", client},
                                   {"field", "phone"},
                                   {"kind", "concurrent_edit"},
                                   {"status", "open"}});
        engine.refreshCounts();
        QCOMPARE(engine.openConflicts(), 1);
        QCOMPARE(engine.pendingCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
