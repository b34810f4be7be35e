// First start and later starts of a tablet: enrolment against the real server creates the
// encrypted store and the passphrase-wrapped key; the passphrase opens it again; failures
// say what to do and leave nothing behind.
#include "deviceaccount.h"
#include "serverfixture.h"

#include <QDir>

using namespace careround;
using namespace careround::test;

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
