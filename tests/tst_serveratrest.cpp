// The SQLite server store at rest: with --key-file the real careround-server process keeps
// it encrypted with SQLCipher (the raw bytes of the store and its WAL hold neither a client's
// name nor the SQLite header), and it refuses, with a clear error and exit 1, a wrong key, a
// key file others may read or of the wrong size, a plaintext store opened with a key and an
// encrypted one opened without; --key-file with PostgreSQL is a usage error (exit 2).
#include "serverfixture.h"
#include "serverkeyfile.h"

#include <QDir>

using namespace careround;
using namespace careround::test;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

/** Runs careround-server with these arguments to the end. */
Run runServer(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("CAREROUND_PASSWORD"), kPassword);
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(CAREROUND_SERVER_PATH), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestServerAtRest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    /** A new key file made by `admin generate-key`. */
    QString newKey()
    {
        QString path = m_dir.filePath(QStringLiteral("key-%1").arg(++m_n));
        const Run r = runServer({"admin", "generate-key", path});
        if (r.exitCode != 0)
            qWarning("generate-key failed: %s", qPrintable(r.err));
        return path;
    }
    QString newDbPath() { return m_dir.filePath(QStringLiteral("agency-%1.db").arg(++m_n)); }

private slots:
    void generateKeyWritesAPrivateKeyFile()
    {
        const QString path = newKey();
        QFileInfo info(path);
        QVERIFY(info.exists());
        QCOMPARE(info.permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
                 QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray text = fileBytes(path);
        QCOMPARE(text.size(), 65);
        QVERIFY(text.endsWith('\n'));
        QCOMPARE(ServerKeyFile::read(path).size(), 32);
        // Never replaces a key: that would make the store it opens unreadable.
        const Run again = runServer({"admin", "generate-key", path});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("never replaced"), qPrintable(again.err));
        QCOMPARE(fileBytes(path), text);
        QCOMPARE(runServer({"admin", "generate-key"}).exitCode, 2);
        // Two keys differ.
        QVERIFY(fileBytes(newKey()) != text);
    }

    void storeBytesHoldNoPlaintext()
    {
        const QString dbPath = newDbPath();
        ServerProcess server(QStringLiteral("sqlite:") + dbPath);
        server.keyFile = newKey();
        QVERIFY(!server.admin({"create-account", "ana", "Ana Ortiz", "coordinator"}).isEmpty());
        QVERIFY(server.start());
        TestDevice tablet(m_dir.filePath("tablet.db"), server.url(), "ana");
        QVERIFY(tablet.enrolled());
        const QString client =
            tablet.editor->create("client", {{"firstName", "Zephyrine"},
                                             {"lastName", "Quaxwellby"},
                                             {"status", "active"},
                                             {"coordinatorId", tablet.accountId}});
        QVERIFY(tablet.sync().ok());
        // Read while the server still runs (the WAL holds the last commits) and after it stops.
        for (int round = 0; round < 2; ++round) {
            for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
                const QByteArray bytes = fileBytes(dbPath + suffix);
                if (suffix.isEmpty())
                    QVERIFY(bytes.size() > 4096);
                QVERIFY2(!bytes.contains("SQLite format 3"), qPrintable(suffix));
                QVERIFY2(!bytes.contains("Zephyrine") && !bytes.contains("Quaxwellby"),
                         qPrintable(suffix));
                QVERIFY(!bytes.contains("Ana Ortiz"));
            }
            server.stop();
        }
        // The name is there for whoever holds the key: in the store and through the server.
        const QByteArray key = ServerKeyFile::sqlcipherKey(ServerKeyFile::read(server.keyFile));
        auto db = ServerDatabase::open(server.db(), key);
        QVERIFY(db->scalar(QStringLiteral("SELECT vals FROM record WHERE id = ?"), {client})
                    .toString()
                    .contains("Zephyrine"));
        db.reset();
        QVERIFY(server.start());
        TestDevice second(m_dir.filePath("second.db"), server.url(), "ana");
        QVERIFY(second.sync().ok());
        QCOMPARE(second.find("client", client)->values.value("firstName").toString(),
                 QStringLiteral("Zephyrine"));
    }

    void wrongKeyIsRefused()
    {
        const QString url = QStringLiteral("sqlite:") + newDbPath();
        const QString key = newKey();
        QCOMPARE(
            runServer({"admin", "--db", url, "--key-file", key, "create-agency", "A"}).exitCode, 0);
        for (const QString &mode : {QStringLiteral("serve"), QStringLiteral("admin")}) {
            QStringList args{mode, "--db", url, "--key-file", newKey(), "--port", "0"};
            if (mode == QLatin1String("admin"))
                args = QStringList{mode, "--db", url, "--key-file", newKey(), "show-epoch"};
            const Run r = runServer(args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("wrong key or not a CareRound database"), qPrintable(r.err));
            QVERIFY(!r.out.contains("listening"));
        }
        // Without a key the encrypted store is refused too, never read as plaintext.
        const Run none = runServer({"admin", "--db", url, "show-epoch"});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains("encrypted or not a CareRound database"), qPrintable(none.err));
        // The right key still opens it.
        QCOMPARE(runServer({"admin", "--db", url, "--key-file", key, "show-epoch"}).exitCode, 0);
    }

    void plaintextStoreWithAKeyIsRefused()
    {
        const QString dbPath = newDbPath();
        const QString url = QStringLiteral("sqlite:") + dbPath;
        QCOMPARE(runServer({"admin", "--db", url, "create-agency", "A"}).exitCode, 0);
        const QByteArray before = fileBytes(dbPath);
        QVERIFY(before.startsWith("SQLite format 3"));
        const Run r = runServer({"serve", "--db", url, "--key-file", newKey(), "--port", "0"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not encrypted"), qPrintable(r.err));
        QCOMPARE(fileBytes(dbPath), before); // untouched
    }

    void badKeyFilesAreRefused()
    {
        const QString url = QStringLiteral("sqlite:") + newDbPath();
        const QString open = newKey();
        QFile::setPermissions(open, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        Run r = runServer({"admin", "--db", url, "--key-file", open, "show-epoch"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("chmod 600"), qPrintable(r.err));

        const QString shortKey = m_dir.filePath("short-key");
        {
            QFile f(shortKey);
            QVERIFY(f.open(QIODevice::WriteOnly, QFile::ReadOwner | QFile::WriteOwner));
            f.write(QByteArray(31, 'a').toHex() + '\n');
        }
        r = runServer({"admin", "--db", url, "--key-file", shortKey, "show-epoch"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("64 hexadecimal characters"), qPrintable(r.err));

        r = runServer({"admin", "--db", url, "--key-file", m_dir.filePath("absent"), "show-epoch"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("does not exist"), qPrintable(r.err));
        QVERIFY(!QFile::exists(url.mid(7))); // nothing was created
    }

    void keyFileWithPostgresIsAUsageError()
    {
        const Run r = runServer({"serve", "--db", "postgresql://postgres@127.0.0.1:1/none",
                                 "--key-file", newKey(), "--port", "0"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("PostgreSQL"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestServerAtRest)
#include "tst_serveratrest.moc"
