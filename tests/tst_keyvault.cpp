// The data key of the store is only ever on disk wrapped by the coordinator's passphrase.
#include "devicestore.h"
#include "keyvault.h"
#include "localeditor.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace careround;

class TestKeyVault : public QObject {
    Q_OBJECT
private slots:
    void wrapsAndUnwraps()
    {
        const auto [key, wrapped] = KeyVault::create("kitchen table 42", 1000);
        QCOMPARE(key.size(), 32);
        QCOMPARE(KeyVault::unwrap("kitchen table 42", wrapped).value_or(QByteArray()), key);
        QVERIFY(!KeyVault::unwrap("kitchen table 43", wrapped).has_value());
        QVERIFY(!KeyVault::unwrap("", wrapped).has_value());
        // The wrapped form does not contain the key.
        const QByteArray text = QJsonDocument(wrapped).toJson();
        QVERIFY(!text.contains(key.toBase64()));
        QVERIFY(!text.contains(key.toHex()));
        // A damaged file is refused, not misread.
        QJsonObject damaged = wrapped;
        damaged.insert("tag", QString::fromLatin1(QByteArray(16, 'x').toBase64()));
        QVERIFY(!KeyVault::unwrap("kitchen table 42", damaged).has_value());
        QVERIFY(!KeyVault::unwrap("kitchen table 42", QJsonObject{}).has_value());
        // A new passphrase rewraps the same key.
        const QJsonObject rewrapped = KeyVault::rewrap(key, "new passphrase", 1000);
        QCOMPARE(KeyVault::unwrap("new passphrase", rewrapped).value_or(QByteArray()), key);
        QVERIFY(!KeyVault::unwrap("kitchen table 42", rewrapped).has_value());
    }

    void theStoreOpensOnlyWithTheUnwrappedKey()
    {
        QTemporaryDir dir;
        const QString keyFile = dir.filePath("key.json");
        const auto [key, wrapped] = KeyVault::create("kitchen table 42", 1000);
        QVERIFY(KeyVault::save(keyFile, wrapped));
        DeviceStore::Options o;
        o.path = dir.filePath("store.db");
        o.key = DeviceStore::rawKey(key);
        LocalEditor(*DeviceStore::open(o), "c")
            .create("client", {{"firstName", "A"}, {"lastName", "B"}, {"status", "active"}});
        const auto loaded = KeyVault::load(keyFile);
        QVERIFY(loaded.has_value());
        o.key = DeviceStore::rawKey(*KeyVault::unwrap("kitchen table 42", *loaded));
        QCOMPARE(DeviceStore::open(o)->records().count(*Schema::instance().entity("client")), 1);
        QFile f(keyFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(key.toHex()));
    }
};

QTEST_GUILESS_MAIN(TestKeyVault)
#include "tst_keyvault.moc"
