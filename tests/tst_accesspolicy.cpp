// The server's access policy on its own, over a fake caseload: its decisions for every kind
// of the schema, generated from who the schema says each kind is for, and the rules on top
// (a client moved away, a coordinator assigning a client, conflicts about the directory).
// Then over a real server database (SQLite; PostgreSQL in tst_accesspolicy_pg): a record of
// every kind, and what each account pulls is exactly what mayRead allows.
#include "accesspolicy.h"
#include "serverfixture.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace careround;

namespace {

const QString kClient = QStringLiteral("01900000-0000-7000-8000-000000000001");
const qint64 kLeftAt = 1'800'000'000'000;

/** Caseloads as a test states them. */
class FakeCaseloads : public CaseloadSource {
public:
    std::optional<CaseloadEntry> caseloadEntry(const QString &clientId,
                                               const QString &coordinatorId) override
    {
        const auto it = entries.constFind(clientId + QLatin1Char('/') + coordinatorId);
        return it == entries.cend() ? std::nullopt : std::optional<CaseloadEntry>(*it);
    }
    QHash<QString, CaseloadEntry> entries;
};

Caller caller(const QString &account, const QString &role = QStringLiteral("coordinator"))
{
    return Caller{QStringLiteral("device-") + account, account, role, {}};
}

Edit editAt(qint64 millis, QJsonObject values = {})
{
    Edit e;
    e.values = std::move(values);
    e.stamp = Stamp{Hlc::fromParts(quint64(millis), 0), QStringLiteral("device")};
    return e;
}

} // namespace

class TestAccessPolicy : public QObject {
    Q_OBJECT

    FakeCaseloads m_caseloads;
    AccessPolicy m_policy{m_caseloads};
    const Caller m_holder = caller(QStringLiteral("holder"));
    const Caller m_former = caller(QStringLiteral("former"));
    const Caller m_stranger = caller(QStringLiteral("stranger"));
    const Caller m_supervisor = caller(QStringLiteral("sam"), QStringLiteral("supervisor"));

private slots:
    void initTestCase()
    {
        m_caseloads.entries.insert(kClient + QStringLiteral("/holder"), CaseloadEntry{true, 0});
        m_caseloads.entries.insert(kClient + QStringLiteral("/former"),
                                   CaseloadEntry{false, kLeftAt});
    }

    void theSchemaSaysWhoEveryKindIsFor()
    {
        const Schema &schema = Schema::instance();
        for (const EntityDef &def : schema.entities()) {
            QCOMPARE(def.audience == Audience::Caseload, !def.clientField.isEmpty());
            QCOMPARE(!def.caseloadField.isEmpty(), def.clientField == QLatin1String("id"));
        }
        QCOMPARE(schema.entity("coordinator")->audience, Audience::Staff);
        QCOMPARE(schema.entity("device")->audience, Audience::Supervisors);
        QCOMPARE(schema.entity("provider")->audience, Audience::Agency);
        QCOMPARE(schema.entity("client")->caseloadField, QStringLiteral("coordinatorId"));
    }

    void everyKindIsReadAndWrittenByWhomItsAudienceSays_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("who");
        QTest::addColumn<bool>("mayRead");
        QTest::addColumn<bool>("mayWrite");
        for (const EntityDef &def : Schema::instance().entities()) {
            for (const Caller *who : {&m_supervisor, &m_holder, &m_former, &m_stranger}) {
                const bool supervisor = who->isSupervisor();
                bool read = false;
                bool write = false;
                switch (def.audience) {
                case Audience::Supervisors:
                    read = supervisor;
                    break;
                case Audience::Staff:
                    read = true;
                    break;
                case Audience::Agency:
                    read = write = true;
                    break;
                case Audience::Caseload:
                    read = supervisor || who == &m_holder;
                    // The former holder's edit is stamped before the client left.
                    write = read || who == &m_former;
                    break;
                }
                if (!def.replicated)
                    read = write = false;
                QTest::addRow("%s by %s", qPrintable(def.name), qPrintable(who->accountId))
                    << def.name << who->accountId << read << write;
            }
        }
    }

    void everyKindIsReadAndWrittenByWhomItsAudienceSays()
    {
        QFETCH(QString, entity);
        QFETCH(QString, who);
        QFETCH(bool, mayRead);
        QFETCH(bool, mayWrite);
        const Caller &c = who == m_supervisor.accountId ? m_supervisor
                          : who == m_holder.accountId   ? m_holder
                          : who == m_former.accountId   ? m_former
                                                        : m_stranger;
        const EntityDef *def = Schema::instance().entity(entity);
        const QString client = def->clientField.isEmpty() ? QString() : kClient;
        QCOMPARE(m_policy.mayRead(c, AccessTarget{def, client, true}), mayRead);
        const Edit before = editAt(kLeftAt - 1);
        QCOMPARE(m_policy.mayApply(c, AccessTarget{def, client, true}, before), mayWrite);
        QCOMPARE(m_policy.mayApply(c, AccessTarget{def, client, false}, before), mayWrite);
        if (def->audience == Audience::Caseload) {
            QCOMPARE(m_policy.mayReadClient(c, client), mayRead);
            // After the client left, the former holder may no longer write to it.
            QCOMPARE(m_policy.mayApply(c, AccessTarget{def, client, true}, editAt(kLeftAt + 1)),
                     mayWrite && &c != &m_former);
        }
    }

    void aRecordOfAClientKindAboutNoClientIsTheSupervisors()
    {
        // A conflict about a directory record belongs to no client: a supervisor settles it
        // (issue 11: the docs said so in one place and the server let any account).
        const EntityDef *conflict = Schema::instance().entity("conflict");
        for (const Caller *who : {&m_holder, &m_stranger}) {
            QVERIFY(!m_policy.mayRead(*who, AccessTarget{conflict, {}, true}));
            QVERIFY(!m_policy.mayApply(*who, AccessTarget{conflict, {}, true}, editAt(kLeftAt)));
        }
        QVERIFY(m_policy.mayRead(m_supervisor, AccessTarget{conflict, {}, true}));
        QVERIFY(m_policy.mayApply(m_supervisor, AccessTarget{conflict, {}, true}, editAt(kLeftAt)));
    }

    void aCoordinatorPutsOnlyANewClientOnlyOnTheirOwnCaseload()
    {
        const EntityDef *client = Schema::instance().entity("client");
        const QString fresh = QStringLiteral("01900000-0000-7000-8000-000000000002");
        const auto assign = [](const Caller &to) {
            return editAt(kLeftAt, {{"coordinatorId", to.accountId}});
        };
        QVERIFY(
            m_policy.mayApply(m_stranger, AccessTarget{client, fresh, false}, assign(m_stranger)));
        QVERIFY(
            !m_policy.mayApply(m_stranger, AccessTarget{client, fresh, false}, assign(m_holder)));
        QVERIFY(
            !m_policy.mayApply(m_holder, AccessTarget{client, kClient, true}, assign(m_holder)));
        QVERIFY(
            !m_policy.mayApply(m_holder, AccessTarget{client, kClient, true}, assign(m_stranger)));
        QVERIFY(m_policy.mayApply(m_supervisor, AccessTarget{client, kClient, true},
                                  assign(m_stranger)));
        // Without the field a new client is nobody's yet: a coordinator may not create it.
        QVERIFY(!m_policy.mayApply(m_stranger, AccessTarget{client, fresh, false},
                                   editAt(kLeftAt, {{"firstName", "New"}})));
    }

    void theReadScopeOfACoordinatorHidesWhatTheyMayNotRead()
    {
        QCOMPARE(m_policy.readScope(m_supervisor).coordinatorId, QString());
        QVERIFY(m_policy.readScope(m_supervisor).hiddenKinds.isEmpty());
        const ReadScope scope = m_policy.readScope(m_holder);
        QCOMPARE(scope.coordinatorId, m_holder.accountId);
        QStringList expected;
        for (const EntityDef &def : Schema::instance().entities())
            if (!def.replicated || def.audience == Audience::Supervisors ||
                def.audience == Audience::Caseload) // client kinds: their records of no client
                expected.append(def.name);
        QCOMPARE(scope.hiddenKinds, expected);
        QVERIFY(scope.hiddenKinds.contains("device"));
    }

    void whatEachAccountPullsIsWhatMayReadAllows()
    {
        QTemporaryDir dir;
        auto db = ServerDatabase::open(test::freshServerDb(dir));
        AgencyServer server(*db);
        server.initialize();
        server.accounts.setPasswordIterations(1000);
        const Caller holder{
            {},
            server.accounts.createAccount("holder", "Holder", "password-1", "coordinator"),
            QStringLiteral("coordinator"),
            {}};
        const Caller other{
            {},
            server.accounts.createAccount("other", "Other", "password-1", "coordinator"),
            QStringLiteral("coordinator"),
            {}};
        const Caller supervisor{
            {},
            server.accounts.createAccount("sam", "Sam", "password-1", "supervisor"),
            QStringLiteral("supervisor"),
            {}};
        const Schema &schema = Schema::instance();
        const EntityDef &clientDef = *schema.entity("client");
        // Stored as the server stores any record; what is in it matters not to access.
        const auto put = [&server](const EntityDef &def, const QString &client) {
            // recordId: the store seals the record a signature names.
            Record r{def.name, newUuid7(), {{"recordId", newUuid7()}}, {}};
            if (def.audience == Audience::Caseload)
                r.values.insert(def.clientField, client);
            ServerTransaction tx = server.store.transaction(ServerTransaction::Write);
            ServerStore::Writes writes = server.store.startWrites();
            server.store.write(writes, def, r, r.clientId(def), std::nullopt, Provenance::admin());
            server.store.finishWrites(writes);
            tx.commit();
            return r.id;
        };
        // Two clients, one on each coordinator's caseload, and a record of every other kind
        // for each (one, for a kind that belongs to no client), all generated from the schema.
        QHash<QString, AccessTarget> stored; // entity/id -> what access sees
        for (const Caller *owner : {&holder, &other}) {
            const QString client = server.records.createRecord(
                "client", {{"firstName", "A"}, {"lastName", "B"}, {"status", "active"}});
            server.accounts.assignClient(client, owner == &holder ? "holder" : "other");
            stored.insert("client/" + client, AccessTarget{&clientDef, client, true});
            for (const EntityDef &def : schema.entities()) {
                if (!def.replicated || !def.caseloadField.isEmpty() ||
                    (def.clientField.isEmpty() && owner == &other))
                    continue;
                const QString id = put(def, client);
                stored.insert(
                    def.name + "/" + id,
                    AccessTarget{&def, def.clientField.isEmpty() ? QString() : client, true});
            }
        }
        // Records of client kinds about no client (a conflict about the directory).
        for (const EntityDef &def : schema.entities())
            if (def.replicated && def.audience == Audience::Caseload && def.caseloadField.isEmpty())
                stored.insert(def.name + "/" + put(def, {}), AccessTarget{&def, {}, true});
        for (const Caller *account : {&holder, &other, &supervisor})
            stored.insert("coordinator/" + account->accountId,
                          AccessTarget{schema.entity("coordinator"), {}, true});
        for (const Caller *who : {&holder, &other, &supervisor}) {
            const QJsonArray pulled = server.sync.pull(*who, QUrlQuery("cursor=0&limit=5000"))
                                          .object()
                                          .value("records")
                                          .toArray();
            QSet<QString> got;
            for (const auto &r : pulled)
                got.insert(r.toObject().value("entity").toString() + "/" +
                           r.toObject().value("id").toString());
            QSet<QString> expected;
            for (auto it = stored.cbegin(); it != stored.cend(); ++it)
                if (server.policy.mayRead(*who, it.value()))
                    expected.insert(it.key());
            QCOMPARE(got, expected);
            QVERIFY(got.size() < stored.size() || who->isSupervisor());
        }
    }
};

QTEST_GUILESS_MAIN(TestAccessPolicy)
#include "tst_accesspolicy.moc"
