// The idle PIN: stored only as a salted hash, attempts counted across restarts, and after
// the last wrong attempt the caller wipes the tablet (leaving an audit event).
#include "devicestore.h"
#include "localeditor.h"
#include "pinlock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace careround;

class TestPinLock : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<DeviceStore> open()
    {
        DeviceStore::Options o;
        o.path = m_dir.filePath("pin.db");
        o.key = "passphrase";
        return DeviceStore::open(o);
    }

private slots:
    void pinIsCheckedAndNeverStoredInTheClear()
    {
        auto store = open();
        PinLock lock(*store);
        QVERIFY(!lock.hasPin());
        QVERIFY(!lock.setPin("12a4").isEmpty());
        QVERIFY(!lock.setPin("123").isEmpty());
        QVERIFY(lock.setPin("4711").isEmpty());
        QVERIFY(lock.hasPin());
        QVERIFY(!store->meta().value("pin.hash").contains("4711"));
        QCOMPARE(lock.verify("4711"), PinLock::Result::Unlocked);
        QCOMPARE(lock.verify("0000"), PinLock::Result::Wrong);
        QCOMPARE(lock.attemptsLeft(), 4);
        QCOMPARE(lock.verify("4711"), PinLock::Result::Unlocked);
        QCOMPARE(lock.attemptsLeft(), 5); // a right PIN resets the count
    }

    void tooManyWrongAttemptsWipeTheTabletEvenAcrossRestarts()
    {
        {
            auto store = open();
            LocalEditor(*store, "c")
                .create("client", {{"firstName", "A"}, {"lastName", "B"}, {"status", "active"}});
            PinLock lock(*store);
            lock.setPin("4711");
            for (int i = 0; i < 3; ++i)
                QCOMPARE(lock.verify("1111"), PinLock::Result::Wrong);
        }
        auto store = open(); // restarting the app does not reset the count
        PinLock lock(*store);
        QCOMPARE(lock.attemptsLeft(), 2);
        QCOMPARE(lock.verify("2222"), PinLock::Result::Wrong);
        QCOMPARE(lock.verify("3333"), PinLock::Result::WipeRequired);
        // From here even the right PIN does not unlock.
        QCOMPARE(lock.verify("4711"), PinLock::Result::WipeRequired);
        store->wipe("too many wrong PIN attempts");
        QCOMPARE(store->records().count(*Schema::instance().entity("client")), 0);
        const auto audit = store->records().all(*Schema::instance().entity("auditEvent"));
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().values.value("detail").toString(),
                 QStringLiteral("too many wrong PIN attempts"));
    }
};

QTEST_GUILESS_MAIN(TestPinLock)
#include "tst_pinlock.moc"
