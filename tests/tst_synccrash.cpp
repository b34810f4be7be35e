// A real syncing tablet (a child process that edits and syncs in a loop) killed with SIGKILL
// at random moments, round after round on the same store: after each kill the store passes
// PRAGMA integrity_check, every acknowledged edit is there, every record has its outbox row;
// at the end one clean sync converges with the server, with no duplicates.
// CAREROUND_SYNC_CRASH_ROUNDS (default 100) and CAREROUND_SYNC_CRASH_SEED.
#include "serverfixture.h"

#include <QRandomGenerator>
#include <QThread>

using namespace careround;
using namespace careround::test;

class TestSyncCrash : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void killedMidSyncLosesNothing()
    {
        ServerProcess server(freshServerDb(m_dir));
        server.admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(server.start());
        const int rounds = qEnvironmentVariableIsSet("CAREROUND_SYNC_CRASH_ROUNDS")
                               ? qEnvironmentVariableIntValue("CAREROUND_SYNC_CRASH_ROUNDS")
                               : 100;
        const quint32 seed =
            qEnvironmentVariableIsSet("CAREROUND_SYNC_CRASH_SEED")
                ? quint32(qEnvironmentVariableIntValue("CAREROUND_SYNC_CRASH_SEED"))
                : QRandomGenerator::global()->generate();
        qInfo("%d kill rounds, seed %u", rounds, seed);
        QRandomGenerator rng(seed);
        const QString store = m_dir.filePath("tablet.db");
        QMap<QString, QString> ackedNotes; // client id -> last acknowledged notes value
        QSet<QString> ackedCreates;
        int kills = 0, acks = 0;
        for (int round = 0; round < rounds; ++round) {
            QProcess child;
            child.start(QStringLiteral(SYNCDEVICE_PATH),
                        {store, server.url().toString(), "ana", kPassword, "--loop", "1000"});
            QVERIFY(child.waitForStarted(20000));
            const int killAfter = 1 + int(rng.bounded(8));
            int seen = 0;
            QByteArray buffer;
            while (seen < killAfter && child.state() == QProcess::Running) {
                if (!child.waitForReadyRead(30000))
                    break;
                buffer += child.readAllStandardOutput();
                seen = int(buffer.count('\n'));
            }
            // Sometimes a moment later still: inside the next commit or request.
            if (rng.bounded(2) == 0)
                QThread::usleep(rng.bounded(20000));
            child.kill();
            QVERIFY(child.waitForFinished(20000));
            ++kills;
            buffer += child.readAllStandardOutput();
            for (const QByteArray &line : buffer.split('\n')) {
                const QList<QByteArray> w = line.split(' ');
                if (w.size() >= 4 && w[1] == "create")
                    ackedCreates.insert(QString::fromLatin1(w[2] + '/' + w[3]));
                if (w.size() >= 6 && w[1] == "update")
                    ackedNotes.insert(QString::fromLatin1(w[3]), QString::fromLatin1(w[5]));
                if (w.size() >= 2 && w[0] == "ack")
                    ++acks;
            }
            DeviceStore::Options o;
            o.path = store;
            o.key = kDeviceKey;
            auto opened = DeviceStore::open(o);
            QCOMPARE(opened->db().scalar("PRAGMA integrity_check").toString(),
                     QStringLiteral("ok"));
            for (const QString &key : ackedCreates) {
                const auto rec = opened->records().find(
                    *Schema::instance().entity(key.section('/', 0, 0)), key.section('/', 1));
                QVERIFY2(rec.has_value(), qPrintable(QStringLiteral("round %1: lost %2 (seed %3)")
                                                         .arg(round)
                                                         .arg(key)
                                                         .arg(seed)));
                QVERIFY2(
                    opened->db()
                        .scalar("SELECT 1 FROM outbox WHERE recordId = ?", {key.section('/', 1)})
                        .isValid(),
                    qPrintable("no outbox row for " + key));
            }
            for (auto it = ackedNotes.begin(); it != ackedNotes.end(); ++it) {
                const auto client =
                    opened->records().find(*Schema::instance().entity("client"), it.key());
                QVERIFY(client.has_value());
                // The acknowledged value, or a later one committed just before the kill.
                QVERIFY2(client->values.value("notes").toString().toLongLong() >=
                             it.value().toLongLong(),
                         qPrintable(QStringLiteral("round %1: notes went back (seed %2)")
                                        .arg(round)
                                        .arg(seed)));
            }
        }
        qInfo("%d kills, %d acknowledged steps", kills, acks);
        // One clean sync: the tablet and the server agree, nothing is left to send.
        QProcess last;
        last.start(QStringLiteral(SYNCDEVICE_PATH),
                   {store, server.url().toString(), "ana", kPassword});
        QVERIFY(last.waitForFinished(60000));
        QCOMPARE(last.exitCode(), 0);
        DeviceStore::Options o;
        o.path = store;
        o.key = kDeviceKey;
        auto tablet = DeviceStore::open(o);
        QCOMPARE(tablet->outbox().count(), 0);
        QMap<QString, QJsonObject> replica;
        for (const EntityDef &def : Schema::instance().entities())
            if (def.replicated)
                for (const Record &r : tablet->records().all(def))
                    replica.insert(def.name + "/" + r.id, withoutNulls(r.values));
        const auto onServer = serverSnapshot(server.db());
        QCOMPARE(replica.size(), onServer.size()); // no duplicates, nothing missing
        QCOMPARE(replica, onServer);
        for (const QString &key : ackedCreates)
            QVERIFY(onServer.contains(key));
    }
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_synccrash.moc"
