// careround-server's command line as a newcomer meets it: --help says what --db takes and
// where the default SQLite database goes, and lists every admin command; a mistyped mode is a
// usage error that leaves no database behind.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#ifndef CAREROUND_SERVER_PATH
#error "CAREROUND_SERVER_PATH must name the careround-server executable"
#endif

class TestServerCommand : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList &args, const QString &workingDir = {})
    {
        QProcess p;
        if (!workingDir.isEmpty())
            p.setWorkingDirectory(workingDir);
        p.start(QStringLiteral(CAREROUND_SERVER_PATH), args);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void helpSaysWhatTheDatabaseIs()
    {
        const Run help = run({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains("--db URL"), qPrintable(help.out));
        QVERIFY(help.out.contains("postgresql://USER:PASSWORD@HOST:PORT/DATABASE"));
        QVERIFY(help.out.contains("sqlite:PATH"));
        QVERIFY(help.out.contains("DIR/agency.db"));
        QVERIFY(help.out.contains("the default"));
        for (const char *command :
             {"create-agency", "create-account", "assign-client", "enroll-device", "list-devices",
              "revoke-device", "new-epoch", "show-epoch", "seed-demo"})
            QVERIFY2(help.out.contains(QLatin1String(command)), command);
    }

    void aWrongModeIsAUsageErrorAndMakesNoDatabase()
    {
        QTemporaryDir dir;
        for (const QStringList &args : {QStringList{}, QStringList{"srve"}}) {
            const Run r = run(args, dir.path());
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("say serve or admin"), qPrintable(r.err));
            QVERIFY(r.err.contains("usage: careround-server serve"));
        }
        QVERIFY(QDir(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerCommand)
#include "tst_servercommand.moc"
