// The demo agency: every value passes the schema, the same seed gives the same agency, and it
// covers every record kind it promises, in several states.
#include "contenthash.h"
#include "demostore.h"
#include "localeditor.h"
#include "recordvalidator.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace careround;

namespace {

const QDate kToday(2026, 11, 22);

struct Created {
    QString entity;
    QJsonObject values;
};

/** A sink that checks every record against the schema and hands out counting ids. */
struct CheckingSink {
    QVector<Created> records;
    QStringList errors;
    QString operator()(const QString &entity, const QJsonObject &values)
    {
        const EntityDef *def = Schema::instance().entity(entity);
        const QString error = def ? RecordValidator::checkEdit(*def, {}, values, true)
                                  : QStringLiteral("unknown kind %1").arg(entity);
        if (!error.isEmpty())
            errors.append(error);
        records.append({entity, values});
        // Ids must look like UUIDs (references are validated); the counter makes them stable.
        return QStringLiteral("00000000-0000-7000-8000-%1")
            .arg(records.size(), 12, 16, QLatin1Char('0'));
    }
};

std::unique_ptr<DeviceStore> openStore(const QString &path)
{
    DeviceStore::Options o;
    o.path = path;
    o.key = "demo";
    auto store = DeviceStore::open(o);
    store->setDurability(DeviceStore::Durability::MayDamage); // test speed only
    return store;
}

QSet<QString> statuses(DeviceStore &store, const QString &entity, const QString &field = "status")
{
    QSet<QString> out;
    for (const Record &r : store.records().all(*Schema::instance().entity(entity)))
        out.insert(r.values.value(field).toVariant().toString());
    return out;
}

} // namespace

class TestDemoAgency : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void everyValuePassesTheSchemaOnADevice()
    {
        DemoStore::Options options;
        options.path = m_dir.filePath("device.db");
        options.actorId = QStringLiteral("demo");
        options.agency.today = kToday;
        DemoStore demo;
        try {
            demo = DemoStore::create(options); // throws StoreError on bad values
        } catch (const StoreError &e) {
            QFAIL(qPrintable(e.message()));
        }
        const std::unique_ptr<DeviceStore> &store = demo.store;
        const DemoAgency::Summary &summary = demo.summary;
        LocalEditor editor(*store, QStringLiteral("demo"));
        QCOMPARE(summary.clientIds.size(), 40);
        QCOMPARE(summary.coordinatorIds.size(), 2);
        for (auto it = summary.created.cbegin(); it != summary.created.cend(); ++it)
            QCOMPARE(store->records().count(*Schema::instance().entity(it.key())),
                     qint64(it.value()));

        // Every kind the demo promises, in several states.
        for (const char *kind : {"coordinator",
                                 "client",
                                 "contact",
                                 "assessment",
                                 "assessmentAnswer",
                                 "carePlan",
                                 "goal",
                                 "actionStep",
                                 "contingency",
                                 "provider",
                                 "providerRating",
                                 "referral",
                                 "benefitApplication",
                                 "appointment",
                                 "visit",
                                 "visitNote",
                                 "followUp",
                                 "complaint",
                                 "complaintAction",
                                 "satisfactionResponse",
                                 "consent",
                                 "contactLog",
                                 "signature"})
            QVERIFY2(summary.created.value(kind) > 0, kind);
        QVERIFY(summary.created.value("client") * 20 < summary.total());
        QCOMPARE(statuses(*store, "coordinator", "role"),
                 (QSet<QString>{"coordinator", "supervisor"}));
        QCOMPARE(statuses(*store, "visit"), (QSet<QString>{"planned", "in_progress", "completed"}));
        QCOMPARE(statuses(*store, "provider"), (QSet<QString>{"active", "discontinued"}));
        QVERIFY(statuses(*store, "followUp").contains("open"));
        QVERIFY(statuses(*store, "followUp").contains("done"));
        for (const char *kind : {"client", "assessment", "carePlan", "goal", "actionStep",
                                 "referral", "benefitApplication", "appointment", "complaint"})
            QVERIFY2(statuses(*store, kind).size() >= 3 ||
                         (QByteArray(kind) == "carePlan" && statuses(*store, kind).size() >= 2),
                     kind);
        QVERIFY(statuses(*store, "assessmentAnswer", "instrument").contains("phq9"));

        // Follow-ups overdue, due today and later; appointments soon without transport.
        int overdue = 0, dueToday = 0, later = 0, noTransport = 0;
        for (const Record &r : store->records().all(*Schema::instance().entity("followUp"))) {
            if (r.values.value("status").toString() != QLatin1String("open"))
                continue;
            const QDate due = QDate::fromString(r.values.value("dueOn").toString(), Qt::ISODate);
            (due < kToday ? overdue : due == kToday ? dueToday : later)++;
        }
        for (const Record &r : store->records().all(*Schema::instance().entity("appointment")))
            if (r.values.value("status").toString() == QLatin1String("scheduled") &&
                !r.values.value("transportArranged").toBool())
                ++noTransport;
        QVERIFY(overdue > 0 && dueToday > 0 && later > 0);
        QVERIFY(noTransport > 0);

        // Visits planned today, and elderly clients with notes of a few hundred characters.
        int today = 0;
        for (const Record &r : store->records().all(*Schema::instance().entity("visit")))
            if (r.values.value("plannedAt").toString().startsWith(kToday.toString(Qt::ISODate)) &&
                r.values.value("status").toString() == QLatin1String("planned"))
                ++today;
        QVERIFY(today > 0);
        for (const Record &r : store->records().all(*Schema::instance().entity("client"))) {
            const QDate born =
                QDate::fromString(r.values.value("dateOfBirth").toString(), Qt::ISODate);
            QVERIFY(born.daysTo(kToday) / 365 >= 60);
            QVERIFY(r.values.value("notes").toString().size() >= 150);
        }

        // Signatures seal what they sign: a change to a signed record is refused.
        const Record sig =
            store->records().all(*Schema::instance().entity("signature")).constFirst();
        const QString entity = sig.values.value("recordEntity").toString();
        const QString field = entity == QLatin1String("assessment") ? "strengths" : "summary";
        try {
            editor.update(entity, sig.values.value("recordId").toString(), {{field, "changed"}});
            QFAIL("a signed record was changed");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), StoreError::Code::Sealed);
        }
    }

    void sameSeedSameAgency()
    {
        DemoAgency::Options options;
        options.today = kToday;
        options.clientCount = 25;
        CheckingSink a, b, c;
        DemoAgency::generate(std::ref(a), options);
        DemoAgency::generate(std::ref(b), options);
        QVERIFY2(a.errors.isEmpty(), qPrintable(a.errors.join('\n')));
        QCOMPARE(a.records.size(), b.records.size());
        for (int i = 0; i < a.records.size(); ++i) {
            QCOMPARE(a.records[i].entity, b.records[i].entity);
            QCOMPARE(a.records[i].values, b.records[i].values);
        }
        options.seed += 1;
        DemoAgency::generate(std::ref(c), options);
        bool differs = c.records.size() != a.records.size();
        for (int i = 0; !differs && i < a.records.size(); ++i)
            differs = a.records[i].values != c.records[i].values;
        QVERIFY(differs);
    }

    void clientsDoNotDependOnTheCount()
    {
        // Client i is generated from its own stream: a bigger agency extends a smaller one.
        DemoAgency::Options options;
        options.today = kToday;
        options.providerCount = 18;
        options.coordinatorCount = 2;
        CheckingSink small, big;
        options.clientCount = 5;
        DemoAgency::generate(std::ref(small), options);
        options.clientCount = 10;
        DemoAgency::generate(std::ref(big), options);
        for (int i = 0; i < small.records.size(); ++i)
            QCOMPARE(small.records[i].values, big.records[i].values);
    }

    void genericSignaturesHashLikeTheDevice()
    {
        // Through a plain sink (as on the server) the signature's content hash is computed from
        // the generated values; it must equal what LocalEditor computes from the stored record.
        auto store = openStore(m_dir.filePath("generic.db"));
        LocalEditor editor(*store, QStringLiteral("demo"));
        DemoAgency::Options options;
        options.today = kToday;
        options.clientCount = 12;
        const auto summary = DemoAgency::generate(
            [&](const QString &entity, const QJsonObject &values) {
                return editor.create(entity, values);
            },
            options);
        const auto signatures = store->records().all(*Schema::instance().entity("signature"));
        QCOMPARE(signatures.size(), summary.created.value("signature"));
        QVERIFY(!signatures.isEmpty());
        QSet<QString> kinds;
        for (const Record &sig : signatures) {
            const QString entity = sig.values.value("recordEntity").toString();
            kinds.insert(entity);
            QCOMPARE(sig.values.value("contentHash").toString(),
                     editor.contentHash(entity, sig.values.value("recordId").toString()));
        }
        QVERIFY(kinds.contains("assessment") && kinds.contains("carePlan"));
    }

    void signaturesVerifyWithTheContentHash_data()
    {
        QTest::addColumn<int>("origin");
        QTest::newRow("edits on the tablet") << int(DemoStore::Origin::LocalEdits);
        QTest::newRow("pulled from the server") << int(DemoStore::Origin::Pulled);
    }

    void signaturesVerifyWithTheContentHash()
    {
        // Every signature of a demo store binds the hash of what it signs, as the one content
        // hash function computes it from the stored records and as LocalEditor does.
        QFETCH(int, origin);
        DemoStore::Options options;
        options.path = m_dir.filePath(QStringLiteral("signed-%1.db").arg(origin));
        options.origin = DemoStore::Origin(origin);
        options.agency.today = kToday;
        options.agency.clientCount = 12;
        const DemoStore demo = DemoStore::create(options);
        RecordRepository &records = demo.store->records();
        LocalEditor editor(*demo.store, QStringLiteral("check"));
        const auto signatures = records.all(*Schema::instance().entity("signature"));
        QCOMPARE(signatures.size(), demo.summary.created.value("signature"));
        QSet<QString> kinds;
        for (const Record &sig : signatures) {
            const EntityDef *def =
                Schema::instance().entity(sig.values.value("recordEntity").toString());
            QVERIFY(def && def->signable);
            const auto record = records.find(*def, sig.values.value("recordId").toString());
            QVERIFY(record);
            QVector<Record> children; // every record of the sealed kinds: the function picks
            for (const EntityDef *child : sealedChildKinds(*def))
                children += records.all(*child);
            const QString hash = sig.values.value("contentHash").toString();
            QCOMPARE(contentHash(*def, *record, children), hash);
            QCOMPARE(editor.contentHash(def->name, record->id), hash);
            kinds.insert(def->name);
        }
        QCOMPARE(kinds, (QSet<QString>{"assessment", "carePlan", "visit", "consent"}));
    }

    void scalesLinearly()
    {
        // The benchmarks call the generator with up to 100,000 clients: the records it makes
        // grow in proportion to the clients (its speed is measured in bench/, not here).
        const auto countFor = [](int clients) {
            DemoAgency::Options options;
            options.today = kToday;
            options.clientCount = clients;
            int records = 0;
            const auto summary = DemoAgency::generate(
                [&](const QString &, const QJsonObject &) {
                    return QStringLiteral("00000000-0000-7000-8000-%1")
                        .arg(++records, 12, 16, QLatin1Char('0'));
                },
                options);
            return std::make_pair(summary, records);
        };
        const auto [small, smallRecords] = countFor(200);
        const auto [large, largeRecords] = countFor(800);
        QCOMPARE(small.total(), smallRecords);
        QCOMPARE(large.total(), largeRecords);
        QCOMPARE(large.coordinatorIds.size(), 20);
        const double perClientSmall = double(small.created.value("visit")) / 200;
        const double perClientLarge = double(large.created.value("visit")) / 800;
        QVERIFY(perClientSmall > 1);
        QVERIFY(qAbs(perClientLarge - perClientSmall) < 0.5 * perClientSmall);
        QVERIFY(largeRecords > 3 * smallRecords && largeRecords < 5 * smallRecords);
    }
};

QTEST_GUILESS_MAIN(TestDemoAgency)
#include "tst_demoagency.moc"
