// The encrypted on-device store: schema round trips, migrations, keys, encryption at rest,
// the clock, and bad input that must write nothing.
#include "devicestore.h"
#include "localeditor.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace careround;

namespace {

const QByteArray kKey = "correct horse battery staple";

struct Counts {
    qint64 records = 0, outbox = 0, audit = 0;
    bool operator==(const Counts &o) const
    {
        return records == o.records && outbox == o.outbox && audit == o.audit;
    }
};

Counts counts(DeviceStore &store)
{
    Counts c;
    for (const EntityDef &def : Schema::instance().entities()) {
        if (def.name == QLatin1String("auditEvent"))
            c.audit = store.records().count(def);
        else
            c.records += store.records().count(def);
    }
    c.outbox = store.outbox().count();
    return c;
}

QJsonObject newClient(const QString &first = QStringLiteral("Ada"))
{
    return {{"firstName", first},
            {"lastName", "Lovelace"},
            {"status", "active"},
            {"phone", "555-0100"},
            {"dateOfBirth", "1941-12-10"}};
}

} // namespace

class TestDeviceStore : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("store%1.db").arg(++m_n)); }
    std::unique_ptr<DeviceStore> openStore(const QString &path, const QByteArray &key = kKey,
                                           int version = 0, WallClock wall = systemWallClock())
    {
        DeviceStore::Options o;
        o.path = path;
        o.key = key;
        o.targetVersion = version;
        o.wallClock = std::move(wall);
        return DeviceStore::open(o);
    }

private slots:
    void roundTripOfEveryKind()
    {
        auto store = openStore(freshPath());
        LocalEditor editor(*store, QStringLiteral("coordinator-1"));
        int kinds = 0;
        for (const EntityDef &def : Schema::instance().entities()) {
            if (!def.replicated)
                continue;
            const QJsonObject values = test::sampleRecord(def, kinds);
            const Counts before = counts(*store);
            const QString id = editor.create(def.name, values);
            const std::optional<Record> back = store->records().find(def, id);
            QVERIFY2(back.has_value(), qPrintable(def.name));
            for (auto it = values.begin(); it != values.end(); ++it)
                QVERIFY2(back->values.value(it.key()) == it.value(),
                         qPrintable(def.name + "." + it.key()));
            for (auto it = values.begin(); it != values.end(); ++it)
                QCOMPARE(back->stamps.value(it.key()).node, store->deviceId());
            const Counts after = counts(*store);
            QCOMPARE(after.records, before.records + 1);
            QCOMPARE(after.outbox, before.outbox + 1);
            QCOMPARE(after.audit, before.audit + 1);
            ++kinds;
        }
        QCOMPARE(kinds, 26); // every kind but the device-local audit log
        // The outbox holds each edit with its values, in order, with no bases for a create.
        const QVector<OutboxEntry> pending = store->outbox().pending(100);
        QCOMPARE(pending.size(), kinds);
        QVERIFY(pending.first().bases.isEmpty());
        QVERIFY(pending.first().hlc < pending.last().hlc);
    }

    void updateCarriesBaseStamps()
    {
        auto store = openStore(freshPath());
        LocalEditor editor(*store, QStringLiteral("c1"));
        const QString id = editor.create("client", newClient());
        const Stamp created =
            store->records().find(*Schema::instance().entity("client"), id)->stamps.value("phone");
        editor.update("client", id, {{"phone", "555-0199"}, {"firstName", "Ada"}});
        const QVector<OutboxEntry> pending = store->outbox().pending(10);
        QCOMPARE(pending.size(), 2);
        // firstName did not change, so only phone was written, based on the created stamp.
        QCOMPARE(pending[1].values, QJsonObject({{"phone", "555-0199"}}));
        QCOMPARE(pending[1].bases.value("phone").toString(), created.toString());
        // An edit that changes nothing writes nothing.
        editor.update("client", id, {{"phone", "555-0199"}});
        QCOMPARE(store->outbox().count(), 2);
    }

    void migratesFromAnEmptyFile()
    {
        auto store = openStore(freshPath());
        QCOMPARE(store->schemaVersion(), Schema::instance().version());
        QVERIFY(Schema::instance().version() >= 2);
        for (const EntityDef &def : Schema::instance().entities())
            QCOMPARE(store->records().count(def), 0);
        QCOMPARE(store->db().scalar("PRAGMA journal_mode").toString(), QStringLiteral("wal"));
    }

    void migratesVersionByVersion()
    {
        const QString path = freshPath();
        QString id;
        {
            auto v1 = openStore(path, kKey, 1);
            QCOMPARE(v1->schemaVersion(), 1);
            // Version 1 has no livesAlone column: it arrives with migration 2.
            QVERIFY_THROWS_EXCEPTION(StoreError, v1->db().exec("SELECT livesAlone FROM client"));
            v1->db().exec(
                "INSERT INTO client (id, firstName, lastName, status) "
                "VALUES ('0190a000-0000-7000-8000-000000000001', 'Old', 'Row', 'active')");
            id = "0190a000-0000-7000-8000-000000000001";
        }
        auto store = openStore(path);
        QCOMPARE(store->schemaVersion(), Schema::instance().version());
        const auto client = store->records().find(*Schema::instance().entity("client"), id);
        QVERIFY(client.has_value());
        QCOMPARE(client->values.value("firstName").toString(), QStringLiteral("Old"));
        QVERIFY(client->values.value("livesAlone").isNull());
        LocalEditor(*store, "c1").update("client", id, {{"livesAlone", true}});
        QCOMPARE(store->records()
                     .find(*Schema::instance().entity("client"), id)
                     ->values.value("livesAlone"),
                 QJsonValue(true));
    }

    void unchangedMetaValuesAreNotWritten()
    {
        // A sync with nothing to do sets the same values again: no row may change, so its
        // transaction commits nothing (no WAL frame, no fsync).
        auto store = openStore(freshPath());
        const auto changes = [&] {
            return store->db().scalar("SELECT total_changes()").toLongLong();
        };
        store->meta().setValue("sync.epoch", "e1");
        const qint64 before = changes();
        store->meta().setValue("sync.epoch", "e1");
        QCOMPARE(changes(), before);
        store->meta().setValue("sync.epoch", "e2");
        QCOMPARE(changes(), before + 1);
        QCOMPARE(store->meta().value("sync.epoch"), QStringLiteral("e2"));
        store->meta().setValue("sync.new", "x");
        QCOMPARE(store->meta().value("sync.new"), QStringLiteral("x"));
    }

    void stampsKeepTheirStoredLayout()
    {
        // The blob in every row's _stamps: nodes, then each field (sorted) with its HLC
        // (big-endian) and its node's index. Stores written before keep reading the same.
        const FieldStamps stamps{{"b", Stamp{Hlc{0x0102030405060708ULL}, "n1"}},
                                 {"a", Stamp{Hlc{5}, "n1"}}};
        const QByteArray expected = QByteArray::fromHex("01"
                                                        "02"
                                                        "6e31"
                                                        "01"
                                                        "61"
                                                        "0000000000000005"
                                                        "00"
                                                        "01"
                                                        "62"
                                                        "0102030405060708"
                                                        "00");
        QCOMPARE(StampCodec::encode(stamps), expected);
        QCOMPARE(StampCodec::decode(expected), stamps);
        // Several nodes: whatever their order, every field decodes to its own stamp.
        FieldStamps many;
        for (int i = 0; i < 40; ++i)
            many.insert(QStringLiteral("field%1").arg(i),
                        Stamp{Hlc{quint64(i) * 7919 + 1}, QStringLiteral("node%1").arg(i % 3)});
        QCOMPARE(StampCodec::decode(StampCodec::encode(many)), many);
    }

    void version4IndexesTheSearchAndToday()
    {
        const QString path = freshPath();
        {
            auto v3 = openStore(path, kKey, 3);
            // Before version 4, Today made its indexes itself when it was opened.
            v3->db().exec("CREATE INDEX IF NOT EXISTS visit_plannedAt ON visit(plannedAt)");
        }
        auto store = openStore(path);
        QCOMPARE(store->schemaVersion(), Schema::instance().version()); // 4 and later
        const auto columns = [&](const QString &index) {
            QStringList names;
            SqliteStatement &st =
                store->db().prepare(QStringLiteral("PRAGMA index_info(%1)").arg(index));
            while (st.step())
                names.append(st.text(2));
            st.reset();
            return names;
        };
        // Each search branch's index carries the list order after its prefix column.
        for (const char *index :
             {"client_firstName_nocase", "client_address_nocase", "client_city_nocase"})
            QCOMPARE(columns(index).mid(1), QStringList({"lastName", "firstName", "id", "voided"}));
        QCOMPARE(columns("client_phone_digits").size(), 5);
        // The list order holds every searched column: a search with many matches walks it.
        QCOMPARE(
            columns("client_name_nocase"),
            QStringList({"lastName", "firstName", "id", "voided", "address", "city", "phone"}));
        QVERIFY(!columns("outbox_acked_hlc").isEmpty());
        QCOMPARE(columns("assessment_client_started"),
                 QStringList({"clientId", "startedAt", "id", "voided"}));
        for (const char *index : {"visit_plannedAt", "visit_checkInAt", "visit_status",
                                  "appointment_startsAt", "assessmentAnswer_instrument"})
            QVERIFY2(!columns(index).isEmpty(), index);
    }

    void bulkLoadLowersDurabilityWhileItLives()
    {
        // An edit survives a power cut (synchronous=FULL) except inside a bulk load, which
        // gives the durability it found back; bookkeeping inside it does not restore FULL.
        auto store = openStore(freshPath());
        const auto synchronous = [&] { return store->db().scalar("PRAGMA synchronous").toInt(); };
        QCOMPARE(store->durability(), DeviceStore::Durability::Full);
        QCOMPARE(synchronous(), 2);
        {
            DeviceStore::BulkLoad bulk(*store);
            QCOMPARE(synchronous(), 0);
            store->setBookkeeping("lastSyncAt", "2026-11-22T10:00:00Z");
            QCOMPARE(synchronous(), 0);
            {
                DeviceStore::BulkLoad nested(*store, DeviceStore::Durability::MayLoseLatest);
                QCOMPARE(synchronous(), 1);
            }
            QCOMPARE(store->durability(), DeviceStore::Durability::MayDamage);
            QCOMPARE(synchronous(), 0);
        }
        QCOMPARE(store->durability(), DeviceStore::Durability::Full);
        QCOMPARE(synchronous(), 2);
        store->setBookkeeping("lastSyncAt", "2026-11-22T11:00:00Z");
        QCOMPARE(synchronous(), 2);
    }

    void checkpointsRunOffTheEditPath()
    {
        // The screens' connection never checkpoints inside a commit: the commit that takes the
        // log past 1,000 pages hands it to the checkpoint thread, which writes the log back
        // into the file; the log then starts again from its beginning instead of growing.
        const QString path = freshPath();
        DeviceStore::Options o;
        o.path = path;
        o.key = kKey;
        o.backgroundCheckpoints = true;
        auto store = DeviceStore::open(o);
        LocalEditor editor(*store, QStringLiteral("coord-1"));
        // The log's length in frames: mxFrame of the wal-index header in the -shm file
        // (SQLite's documented file format, "walformat": a 32-bit native integer at offset 16).
        QFile shm(path + QStringLiteral("-shm"));
        const auto walPages = [&] {
            if (!shm.isOpen() && !shm.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
                return qint64(0);
            quint32 frames = 0;
            shm.seek(16);
            shm.read(reinterpret_cast<char *>(&frames), sizeof frames);
            return qint64(frames);
        };
        QStringList ids;
        const QString notes(3000, QLatin1Char('n'));
        while (walPages() < WalCheckpointer::kDefaultThresholdPages) {
            QCOMPARE(store->backgroundCheckpoints(), 0); // nothing is run before the threshold
            QJsonObject client = newClient(QStringLiteral("Ada%1").arg(ids.size()));
            client.insert(QStringLiteral("notes"), notes);
            ids.append(editor.create(QStringLiteral("client"), client));
        }
        QTRY_VERIFY(store->backgroundCheckpoints() >= 1);
        const qint64 longest = walPages();
        for (int i = 0; i < 10; ++i)
            editor.update(QStringLiteral("client"), ids.at(i),
                          QJsonObject{{"notes", QStringLiteral("moved in with her daughter")}});
        QVERIFY2(walPages() < longest / 2, qPrintable(QString::number(walPages()))); // restarted

        // A writer that never pauses: the log stays within kMaxBehind thresholds (and a few
        // pages of the commit that crosses it).
        const qint64 bound =
            qint64{WalCheckpointer::kMaxBehind} * WalCheckpointer::kDefaultThresholdPages;
        qint64 written = 0;
        qint64 last = walPages();
        for (int i = 0; written < 2 * bound; ++i) {
            editor.update(QStringLiteral("client"), ids.at(i % ids.size()),
                          QJsonObject{{"notes", notes + QString::number(i)}});
            const qint64 now = walPages();
            QVERIFY2(now <= bound + 64, qPrintable(QString::number(now)));
            written += now > last ? now - last : now; // a smaller count: the log started again
            last = now;
        }
        const Counts before = counts(*store);
        store.reset();
        QCOMPARE(counts(*openStore(path)), before);
    }

    void refusesAFileFromANewerApp()
    {
        const QString path = freshPath();
        openStore(path)->db().exec("PRAGMA user_version = 99");
        try {
            openStore(path);
            QFAIL("a newer file was opened");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), StoreError::Code::TooNew);
            QVERIFY(e.message().contains("newer"));
        }
    }

    void refusesAWrongKey()
    {
        const QString path = freshPath();
        LocalEditor(*openStore(path), "c1").create("client", newClient());
        try {
            openStore(path, "not the passphrase");
            QFAIL("a wrong key opened the store");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), StoreError::Code::WrongKey);
            QVERIFY(e.message().contains("passphrase"));
        }
        // The right key still opens it, with the data intact.
        QCOMPARE(openStore(path)->records().count(*Schema::instance().entity("client")), 1);
        // A raw 256-bit key works as well and is just as strict.
        const QString rawPath = freshPath();
        const QByteArray dataKey(32, '\x5a');
        openStore(rawPath, DeviceStore::rawKey(dataKey));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 openStore(rawPath, DeviceStore::rawKey(QByteArray(32, '\x5b'))));
    }

    void fileHoldsNoPlaintext()
    {
        const QString path = freshPath();
        {
            auto store = openStore(path);
            LocalEditor editor(*store, "c1");
            for (int i = 0; i < 50; ++i)
                editor.create("client", newClient(QStringLiteral("Zebedee Quintrell")));
            // Bytes in the WAL count as much as bytes in the main file.
            QByteArray raw;
            for (const QString &f : {path, path + "-wal"}) {
                QFile file(f);
                if (file.open(QIODevice::ReadOnly))
                    raw += file.readAll();
            }
            QVERIFY(raw.size() > 4096);
            QVERIFY(!raw.contains("Zebedee"));
            QVERIFY(!raw.contains("Lovelace"));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray raw = file.readAll();
        QVERIFY(!raw.startsWith("SQLite format 3"));
        QVERIFY(!raw.contains("Zebedee"));
        QVERIFY(!raw.contains("Quintrell"));
    }

    void clockNeverGoesBackwards()
    {
        qint64 wall = 1'800'000'000'000;
        const QString path = freshPath();
        QVector<Hlc> seen;
        {
            auto store = openStore(path, kKey, 0, [&wall] { return wall; });
            LocalEditor editor(*store, "c1");
            const QString id = editor.create("client", newClient());
            for (int i = 0; i < 5; ++i)
                editor.update("client", id, {{"notes", QString::number(i)}});
            wall -= 3'600'000; // the wall clock jumps back an hour
            for (int i = 5; i < 10; ++i)
                editor.update("client", id, {{"notes", QString::number(i)}});
            for (const OutboxEntry &e : store->outbox().pending(100))
                seen.append(e.hlc);
        }
        wall -= 86'400'000; // and a day more across a restart
        auto store = openStore(path, kKey, 0, [&wall] { return wall; });
        LocalEditor editor(*store, "c1");
        editor.create("client", newClient());
        seen.append(store->outbox().pending(100).last().hlc);
        QCOMPARE(seen.size(), 12);
        for (int i = 1; i < seen.size(); ++i)
            QVERIFY2(seen[i - 1] < seen[i], qPrintable(QString::number(i)));
        // Stamps follow the wall clock again once it passes the last stamp.
        wall += qint64(2) * 86'400'000;
        QCOMPARE(store->nextHlc().millis(), quint64(wall));
    }

    void hlcParsesAndOrders()
    {
        const Stamp a{Hlc::fromParts(1000, 3), "device-a"};
        QCOMPARE(Stamp::fromString(a.toString()), a);
        QVERIFY(Stamp::fromString("garbage").isNull());
        const Stamp b{Hlc::fromParts(1000, 3), "device-b"};
        QVERIFY(a < b); // same HLC: the node id breaks the tie
        QVERIFY(Stamp({Hlc::fromParts(999, 9), "z"}) < a);
        const QString u = newUuid7();
        QCOMPARE(u.size(), 36);
        QCOMPARE(u.at(14), QLatin1Char('7'));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown field")
            << "unknown" << int(StoreError::Code::InvalidInput) << "no field";
        QTest::newRow("wrong type") << "type" << int(StoreError::Code::InvalidInput) << "must be";
        QTest::newRow("bad transition")
            << "transition" << int(StoreError::Code::InvalidInput) << "cannot move";
        QTest::newRow("not a date") << "date" << int(StoreError::Code::InvalidInput) << "date";
        QTest::newRow("missing required")
            << "required" << int(StoreError::Code::InvalidInput) << "required";
        QTest::newRow("not an allowed value")
            << "enum" << int(StoreError::Code::InvalidInput) << "one of";
        QTest::newRow("out of range")
            << "range" << int(StoreError::Code::InvalidInput) << "between";
        QTest::newRow("instrument item")
            << "instrument" << int(StoreError::Code::InvalidInput) << "PHQ-9";
        QTest::newRow("unknown kind")
            << "kind" << int(StoreError::Code::InvalidInput) << "no record kind";
        QTest::newRow("edit a signed plan")
            << "sealed" << int(StoreError::Code::Sealed) << "signed";
        QTest::newRow("add a goal to a signed plan")
            << "sealedChild" << int(StoreError::Code::Sealed) << "signed";
        QTest::newRow("edit a note")
            << "appendOnly" << int(StoreError::Code::InvalidInput) << "never edited";
        QTest::newRow("void without reason")
            << "voidReason" << int(StoreError::Code::InvalidInput) << "reason";
        QTest::newRow("edit a voided record")
            << "voided" << int(StoreError::Code::InvalidInput) << "voided";
        QTest::newRow("no such record")
            << "missing" << int(StoreError::Code::NotFound) << "no client";
    }

    void badInput()
    {
        QFETCH(QString, what);
        QFETCH(int, code);
        QFETCH(QString, message);
        auto store = openStore(freshPath());
        LocalEditor editor(*store, "c1");
        const QString client = editor.create("client", newClient());
        const QString plan = editor.create(
            "carePlan", {{"clientId", client}, {"title", "Stay home safely"}, {"status", "draft"}});
        const QString visit = editor.create("visit", {{"clientId", client}, {"status", "planned"}});
        const QString note = editor.create("visitNote", {{"clientId", client},
                                                         {"visitId", visit},
                                                         {"text", "Kitchen floor wet"},
                                                         {"writtenAt", "2026-11-22T10:00:00Z"}});
        const QString gone = editor.create("followUp", {{"clientId", client},
                                                        {
                                                            "description",
                                                            "Call",
                                                        },
                                                        {"dueOn", "2026-11-30"},
                                                        {"status", "open"}});
        editor.voidRecord("followUp", gone, "entered twice");
        editor.sign("carePlan", plan, "Ada Lovelace", "client", QJsonArray{QJsonArray{1, 2, 3, 4}});
        const Counts before = counts(*store);
        const auto record = [&] {
            return store->records().find(*Schema::instance().entity("client"), client)->values;
        };
        const QJsonObject clientBefore = record();
        try {
            if (what == "unknown")
                editor.update("client", client, {{"favouriteColour", "blue"}});
            else if (what == "type")
                editor.update("client", client, {{"firstName", 42}});
            else if (what == "transition")
                editor.update("visit", visit, {{"status", "completed"}});
            else if (what == "date")
                editor.update("client", client, {{"dateOfBirth", "1941-02-30"}});
            else if (what == "required")
                editor.create("client", {{"firstName", "No"}, {"status", "active"}});
            else if (what == "enum")
                editor.update("client", client, {{"status", "gone fishing"}});
            else if (what == "range")
                editor.create(
                    "satisfactionResponse",
                    {{"clientId", client}, {"score", 9}, {"respondedAt", "2026-11-22T10:00:00Z"}});
            else if (what == "instrument")
                editor.create("assessmentAnswer", {{"clientId", client},
                                                   {"assessmentId", newUuid7()},
                                                   {"instrument", "phq9"},
                                                   {"item", "mood"},
                                                   {"value", 4}});
            else if (what == "kind")
                editor.create("spaceship", {{"name", "x"}});
            else if (what == "sealed")
                editor.update("carePlan", plan, {{"title", "Something else"}});
            else if (what == "sealedChild")
                editor.create("goal", {{"carePlanId", plan},
                                       {"clientId", client},
                                       {"statement", "x"},
                                       {"status", "open"}});
            else if (what == "appendOnly")
                editor.update("visitNote", note, {{"text", "changed"}});
            else if (what == "voidReason")
                editor.voidRecord("client", client, " ");
            else if (what == "voided")
                editor.update("followUp", gone, {{"description", "Call again"}});
            else if (what == "missing")
                editor.update("client", newUuid7(), {{"notes", "x"}});
            QFAIL("the bad input was accepted");
        } catch (const StoreError &e) {
            QCOMPARE(int(e.code()), code);
            QVERIFY2(e.message().contains(message, Qt::CaseInsensitive), qPrintable(e.message()));
        }
        QVERIFY(counts(*store) == before);
        QCOMPARE(record(), clientBefore);
    }

    void signatureSealsButAllowsProgress()
    {
        auto store = openStore(freshPath());
        LocalEditor editor(*store, "c1");
        const QString client = editor.create("client", newClient());
        const QString plan = editor.create(
            "carePlan", {{"clientId", client}, {"title", "Plan"}, {"status", "draft"}});
        const QString goal = editor.create("goal", {{"carePlanId", plan},
                                                    {"clientId", client},
                                                    {"statement", "Walk to the shop weekly"},
                                                    {"status", "open"}});
        const QString hash = editor.contentHash("carePlan", plan);
        const QString sig = editor.sign("carePlan", plan, "Ada Lovelace", "client",
                                        QJsonArray{QJsonArray{0, 0, 5, 5}});
        const auto sigRecord = store->records().find(*Schema::instance().entity("signature"), sig);
        QCOMPARE(sigRecord->values.value("contentHash").toString(), hash);
        QCOMPARE(hash.size(), 64);
        // Progress on a signed plan is not a change of what was signed.
        editor.update("goal", goal, {{"progress", 40}, {"status", "in_progress"}});
        editor.update("carePlan", plan, {{"status", "active"}});
        QVERIFY_THROWS_EXCEPTION(StoreError, editor.update("goal", goal, {{"statement", "Run"}}));
        QVERIFY_THROWS_EXCEPTION(
            StoreError, editor.sign("carePlan", plan, "Ada", "client", QJsonArray{QJsonArray{1}}));
    }

    // Enrolled again with a server that knows this device up to seq L (0: not at all): the
    // outbox goes on from L + 1, resending what the same agency lost when it still can.
    void outboxRebasesOnTheServersSequence()
    {
        auto store = openStore(freshPath());
        LocalEditor editor(*store, QStringLiteral("c1"));
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids.append(editor.create("client", newClient(QStringLiteral("N%1").arg(i))));
        const auto seqs = [&] {
            QVector<qint64> out;
            for (const OutboxEntry &e : store->outbox().pending(100))
                out.append(e.seq);
            return out;
        };
        QCOMPARE(seqs(), (QVector<qint64>{1, 2, 3, 4, 5}));
        {
            // Acknowledged through 3; a new database knows nothing of this tablet.
            auto tx = store->transaction();
            store->outbox().acknowledge(3);
            store->outbox().rebaseAfter(0);
            tx.commit();
        }
        QCOMPARE(seqs(), (QVector<qint64>{1, 2}));
        QCOMPARE(store->outbox().pending(100).first().recordId, ids[3]);
        editor.create("client", newClient());
        QCOMPARE(seqs(), (QVector<qint64>{1, 2, 3})); // a later edit follows on, no gap
        {
            // A server at 7 (this tablet's history is gone): pending ones follow its 7.
            auto tx = store->transaction();
            store->outbox().rebaseAfter(7);
            tx.commit();
        }
        QCOMPARE(seqs(), (QVector<qint64>{8, 9, 10}));
        {
            // The same agency restored to 8: the tablet still holds 9 and 10: resent as they are.
            auto tx = store->transaction();
            store->outbox().acknowledge(10);
            editor.create("client", newClient());
            store->outbox().rebaseAfter(8);
            tx.commit();
        }
        QCOMPARE(seqs(), (QVector<qint64>{9, 10, 11}));
        {
            // A server ahead of this tablet (another history of this device): the pending
            // edits follow its 12, never taken for edits it already has.
            auto tx = store->transaction();
            store->outbox().rebaseAfter(12);
            tx.commit();
        }
        QCOMPARE(seqs(), (QVector<qint64>{13, 14, 15}));
    }

    void aWipeDeletesTheDocumentsSavedBesideTheStore()
    {
        // Saved PDFs and calendar files hold client data outside the encrypted file: a wipe
        // (revoked, too many PINs) and a re-enrolment for another coordinator delete them.
        const QString path = freshPath();
        auto store = openStore(path);
        QCOMPARE(store->documentsFolder(), DeviceStore::documentsFolderOf(path));
        for (const bool full : {false, true}) {
            QVERIFY(QDir().mkpath(store->documentsFolder() + QStringLiteral("/sub")));
            QFile file(store->documentsFolder() + QStringLiteral("/carePlan-Maria.pdf"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("Maria Gonzalez's care plan");
            file.close();
            if (full) {
                store->wipe(QStringLiteral("test"));
            } else {
                auto tx = store->transaction();
                store->eraseKeepingReview(QStringLiteral("test"));
                tx.commit();
            }
            QVERIFY2(!QFileInfo::exists(store->documentsFolder()), full ? "wipe" : "erase");
        }
    }

    void keptEditsLeaveTheSequenceAndSurviveTheWipe()
    {
        auto store = openStore(freshPath());
        LocalEditor editor(*store, QStringLiteral("c1"));
        const QString a = editor.create("client", newClient(QStringLiteral("Kept")));
        editor.update("client", a, {{"phone", "555-0199"}});
        {
            auto tx = store->transaction();
            store->outbox().keepPendingForReview();
            store->eraseKeepingReview(QStringLiteral("test"));
            tx.commit();
        }
        QCOMPARE(store->outbox().count(), 0);
        QCOMPARE(store->records().count(*Schema::instance().entity("client")), 0);
        const QVector<OutboxEntry> kept = store->outbox().keptForReview();
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept[0].values.value("firstName").toString(), QStringLiteral("Kept"));
        QCOMPARE(kept[1].values.value("phone").toString(), QStringLiteral("555-0199"));
        QVERIFY(kept[0].seq < 0 && kept[1].seq < 0);
        {
            auto tx = store->transaction();
            store->outbox().rebaseAfter(0);
            tx.commit();
        }
        editor.create("client", newClient());
        QCOMPARE(store->outbox().pending(10).first().seq, 1);
        QCOMPARE(store->outbox().keptForReview().size(), 2); // a rebase leaves them alone
        {
            auto tx = store->transaction();
            store->outbox().dismissKept(kept[0].seq);
            tx.commit();
        }
        QCOMPARE(store->outbox().keptForReview().size(), 1);
        store->wipe(QStringLiteral("test")); // a full wipe takes them too
        QCOMPARE(store->outbox().keptForReview().size(), 0);
    }

    // The server that refused an edit may be the database a re-enrolment replaces: its
    // review store is gone with it, so the tablet's refused list is what is left of the edit.
    // A rebase (same coordinator) and a re-enrolment for another coordinator keep the refused
    // entries listed, outside the device sequence, and the pending ones go on as before.
    void refusedEditsSurviveAReenrolment()
    {
        auto store = openStore(freshPath());
        LocalEditor editor(*store, QStringLiteral("c1"));
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids.append(editor.create("client", newClient(QStringLiteral("R%1").arg(i))));
        {
            // 1 applied, 2 refused, 3 and 4 pending.
            auto tx = store->transaction();
            store->outbox().markRefused(2, "client_moved", "moved");
            store->outbox().acknowledge(2);
            tx.commit();
        }
        const auto refusedIds = [&] {
            QStringList out;
            for (const RefusedEntry &r : store->outbox().refused())
                out.append(r.entry.recordId);
            return out;
        };
        QCOMPARE(refusedIds(), QStringList{ids[1]});
        {
            // A new database knows nothing of this tablet: pending edits go on from 1.
            auto tx = store->transaction();
            store->outbox().rebaseAfter(0);
            tx.commit();
        }
        QCOMPARE(refusedIds(), QStringList{ids[1]});
        QCOMPARE(store->outbox().refused().first().reason, QStringLiteral("client_moved"));
        QVERIFY(store->outbox().refused().first().entry.seq < 0);
        QVector<qint64> seqs;
        for (const OutboxEntry &e : store->outbox().pending(10))
            seqs.append(e.seq);
        QCOMPARE(seqs, (QVector<qint64>{1, 2}));
        // A later refusal in the new sequence, then another coordinator signs in.
        {
            auto tx = store->transaction();
            store->outbox().markRefused(1, "forbidden", "no");
            store->outbox().acknowledge(1);
            store->outbox().keepPendingForReview();
            store->eraseKeepingReview(QStringLiteral("test"));
            tx.commit();
        }
        QCOMPARE(refusedIds(), (QStringList{ids[1], ids[2]})); // oldest first, both still listed
        QCOMPARE(store->outbox().refusedCount(), 2);
        QCOMPARE(store->outbox().count(), 0);
        QCOMPARE(store->outbox().keptForReview().size(), 1);
        QCOMPARE(store->outbox().keptForReview().first().recordId, ids[3]);
        for (const RefusedEntry &r : store->outbox().refused())
            QVERIFY(r.entry.seq < 0);
        editor.create("client", newClient());
        QCOMPARE(store->outbox().pending(10).first().seq, store->outbox().lastSeq());
        {
            auto tx = store->transaction();
            QVERIFY(store->outbox().dismissRefused(store->outbox().refused().first().entry.seq));
            tx.commit();
        }
        QCOMPARE(refusedIds(), QStringList{ids[2]});
        store->wipe(QStringLiteral("test")); // a full wipe (revoked) takes them too
        QCOMPARE(store->outbox().refusedCount(), 0);
    }

    void pendingEditsNameTheNewAccount()
    {
        auto store = openStore(freshPath());
        const QString oldAccount = newUuid7(), newAccount = newUuid7();
        LocalEditor editor(*store, oldAccount);
        QJsonObject values = newClient();
        values.insert("coordinatorId", oldAccount);
        values.insert("language", oldAccount); // not a reference to a coordinator
        editor.create("client", values);
        {
            auto tx = store->transaction();
            store->outbox().replaceAccount(oldAccount, newAccount);
            tx.commit();
        }
        const OutboxEntry e = store->outbox().pending(1).first();
        QCOMPARE(e.values.value("coordinatorId").toString(), newAccount);
        QCOMPARE(e.values.value("language").toString(), oldAccount);
    }
};

QTEST_GUILESS_MAIN(TestDeviceStore)
#include "tst_devicestore.moc"
