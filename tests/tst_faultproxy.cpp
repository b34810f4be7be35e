// Bad networks: tablets sync with the real server process through FaultProxy, a loopback
// proxy that drops connections mid-request and mid-response, delays, truncates, answers
// 500/503 itself and stalls. Four tablets (two on one coordinator's caseload, another
// coordinator's, a supervisor's) make the same offline edits in two worlds, one synced
// through the proxy at a high fault rate and one without faults; once the faults stop, every
// replica equals its server and the two worlds hold the same records, field by field, with
// the same conflicts recorded. Runs on SQLite and (tst_faultproxy_pg) PostgreSQL.
//   CAREROUND_FAULT_SEED    the proxy's seed (default: random, printed)
//   CAREROUND_FAULT_RATE    the fault rate of the faulty rounds (default 0.5)
//   CAREROUND_FAULT_ROUNDS  faulty rounds per cycle of edits (default 6)
#include "faultproxy.h"
#include "serverfixture.h"

#include <QRandomGenerator>
#include <QThread>

using namespace careround;
using namespace careround::test;

namespace {

constexpr int kClientTimeoutMs = 2000;

/** One server with its four tablets, and names for the records the script creates. */
struct World {
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<FaultProxy> proxy; ///< null: the tablets talk to the server directly
    std::unique_ptr<TestDevice> anaTab, anaSpare, ben, sam;
    QHash<QString, QString> ids;    ///< label -> id
    QHash<QString, QString> labels; ///< id -> label

    QVector<TestDevice *> devices() const
    {
        return {anaTab.get(), anaSpare.get(), ben.get(), sam.get()};
    }
    QUrl syncUrl() const { return proxy ? proxy->url() : server->url(); }
    void name(const QString &label, const QString &id)
    {
        ids.insert(label, id);
        labels.insert(id, label);
    }
    QString id(const QString &label) const { return ids.value(label); }
    SyncOutcome sync(TestDevice &d) const
    {
        HttpSyncTransport transport(syncUrl(), d.token, kClientTimeoutMs);
        DeviceSyncer syncer(*d.store, transport);
        return syncer.syncOnce();
    }
};

/** Spaces edits apart so that the order of the script is the order of their stamps. */
void gap()
{
    QThread::msleep(3);
}

QJsonValue relabel(const QJsonValue &v, const QHash<QString, QString> &labels)
{
    if (v.isString())
        return labels.value(v.toString(), v.toString());
    if (v.isArray()) {
        QJsonArray out;
        for (const auto &item : v.toArray())
            out.append(relabel(item, labels));
        return out;
    }
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), relabel(it.value(), labels));
        return out;
    }
    return v;
}

/**
 * The records of the script's kinds with ids replaced by their labels, and conflicts keyed by
 * what they are about (their stamps name devices and times that differ between worlds).
 */
QMap<QString, QJsonObject> normalized(const QMap<QString, QJsonObject> &snapshot,
                                      const QHash<QString, QString> &labels)
{
    static const QStringList kinds{"client", "followUp", "contact", "visitNote", "conflict"};
    QMap<QString, QJsonObject> out;
    for (auto it = snapshot.begin(); it != snapshot.end(); ++it) {
        const QString entity = it.key().section(QLatin1Char('/'), 0, 0);
        const QString id = it.key().section(QLatin1Char('/'), 1);
        if (!kinds.contains(entity))
            continue;
        QJsonObject values = relabel(it.value(), labels).toObject();
        QString key = entity + QLatin1Char('/') + labels.value(id, QStringLiteral("?") + id);
        if (entity == QLatin1String("conflict")) {
            values.remove(QStringLiteral("keptStamp"));
            values.remove(QStringLiteral("otherStamp"));
            key = QStringList{entity, values.value("recordEntity").toString(),
                              values.value("recordId").toString(), values.value("field").toString(),
                              values.value("kind").toString()}
                      .join(QLatin1Char('/'));
            while (out.contains(key))
                key += QLatin1Char('+');
        }
        out.insert(key, values);
    }
    return out;
}

/** The differences between two snapshots, one line each (empty: equal). */
QStringList differences(const QMap<QString, QJsonObject> &a, const QMap<QString, QJsonObject> &b)
{
    QStringList out;
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    for (const QString &k : keys) {
        if (a.value(k) == b.value(k))
            continue;
        out.append(
            QStringLiteral("%1:\n   %2\n   %3")
                .arg(k,
                     a.contains(k) ? QString::fromUtf8(
                                         QJsonDocument(a.value(k)).toJson(QJsonDocument::Compact))
                                   : QStringLiteral("(missing)"),
                     b.contains(k) ? QString::fromUtf8(
                                         QJsonDocument(b.value(k)).toJson(QJsonDocument::Compact))
                                   : QStringLiteral("(missing)")));
    }
    return out;
}

/**
 * What a coordinator's tablet must hold of the server: the shared directory (records of no
 * client), its clients and their records.
 */
QMap<QString, QJsonObject> caseloadView(const QMap<QString, QJsonObject> &server,
                                        const QString &coordinatorId)
{
    QSet<QString> clients;
    for (auto it = server.begin(); it != server.end(); ++it)
        if (it.key().startsWith(QLatin1String("client/")) &&
            it.value().value("coordinatorId").toString() == coordinatorId)
            clients.insert(it.key().section(QLatin1Char('/'), 1));
    QMap<QString, QJsonObject> out;
    for (auto it = server.begin(); it != server.end(); ++it) {
        const QString id = it.key().section(QLatin1Char('/'), 1);
        const bool directory = !it.key().startsWith(QLatin1String("client/")) &&
                               !it.value().contains(QStringLiteral("clientId"));
        if (directory || clients.contains(id) ||
            clients.contains(it.value().value("clientId").toString()))
            out.insert(it.key(), it.value());
    }
    return out;
}

} // namespace

class TestFaultProxy : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    quint32 m_seed = 0;
    double m_rate = 0.5;
    int m_rounds = 6;
    QMap<QString, int> m_outcomes; ///< state and message of every sync during faults -> count

    QString path() { return m_dir.filePath(QStringLiteral("tablet%1.db").arg(++m_n)); }

    /** A server with three accounts, four enrolled tablets and, if asked, a proxy. */
    void makeWorld(World &w, bool withProxy)
    {
        w.server = std::make_unique<ServerProcess>(freshServerDb(m_dir));
        QVERIFY(!w.server->admin({"create-agency", "Riverside Home Care"}).isEmpty());
        QVERIFY(!w.server->admin({"create-account", "ana", "Ana Ortiz", "coordinator"}).isEmpty());
        QVERIFY(!w.server->admin({"create-account", "ben", "Ben Okafor", "coordinator"}).isEmpty());
        QVERIFY(!w.server->admin({"create-account", "sam", "Sam Lee", "supervisor"}).isEmpty());
        QVERIFY(w.server->start());
        if (withProxy) {
            FaultProxy::Options o;
            o.seed = m_seed;
            o.faultRate = 0;
            o.maxDelayMs = kClientTimeoutMs * 6 / 10;
            w.proxy = std::make_unique<FaultProxy>(w.server->port(), o);
            QVERIFY(w.proxy->listen());
        }
        // Enrolment goes straight to the server: the faults are for syncing.
        w.anaTab = std::make_unique<TestDevice>(path(), w.server->url(), "ana");
        w.anaSpare = std::make_unique<TestDevice>(path(), w.server->url(), "ana");
        w.ben = std::make_unique<TestDevice>(path(), w.server->url(), "ben");
        w.sam = std::make_unique<TestDevice>(path(), w.server->url(), "sam");
        for (TestDevice *d : w.devices())
            QVERIFY(d->enrolled());
        w.name(QStringLiteral("acct:ana"), w.anaTab->accountId);
        w.name(QStringLiteral("acct:ben"), w.ben->accountId);
        w.name(QStringLiteral("acct:sam"), w.sam->accountId);
    }

    /** Syncs every tablet, pass after pass, until two passes in a row all succeed. */
    void settle(World &w)
    {
        int clean = 0;
        for (int pass = 0; pass < 6 && clean < 2; ++pass) {
            bool all = true;
            for (TestDevice *d : w.devices()) {
                const SyncOutcome o = w.sync(*d);
                if (!o.ok())
                    qWarning("fault-free sync: %s", qPrintable(o.message));
                all = all && o.ok();
            }
            clean = all ? clean + 1 : 0;
        }
        QCOMPARE(clean, 2);
    }

    /** Every replica equals the server, no edit is left to send. */
    void expectConverged(World &w)
    {
        const auto server = serverSnapshot(w.server->db());
        const QStringList supervisor = differences(w.sam->snapshot(), server);
        QVERIFY2(supervisor.isEmpty(), qPrintable(supervisor.join('\n')));
        for (TestDevice *d : {w.anaTab.get(), w.anaSpare.get(), w.ben.get()}) {
            const QStringList diff = differences(d->snapshot(), caseloadView(server, d->accountId));
            QVERIFY2(diff.isEmpty(), qPrintable(diff.join('\n')));
        }
        for (TestDevice *d : w.devices())
            QCOMPARE(d->store->outbox().count(), 0);
    }

    /** The caseloads, synced everywhere before the offline edits start. */
    void setUp(World &w)
    {
        TestDevice &a = *w.anaTab;
        w.name("C1", a.editor->create("client", {{"firstName", "Maria"},
                                                 {"lastName", "Gonzalez"},
                                                 {"status", "active"},
                                                 {"phone", "555-0101"},
                                                 {"address", "12 Elm St"},
                                                 {"coordinatorId", a.accountId}}));
        w.name("C2", a.editor->create("client", {{"firstName", "Li"},
                                                 {"lastName", "Chen"},
                                                 {"status", "active"},
                                                 {"coordinatorId", a.accountId}}));
        w.name("C3", w.ben->editor->create("client", {{"firstName", "Omar"},
                                                      {"lastName", "Haddad"},
                                                      {"status", "active"},
                                                      {"coordinatorId", w.ben->accountId}}));
        w.name("F1", a.editor->create("followUp", {{"clientId", w.id("C1")},
                                                   {"description", "Call about meals"},
                                                   {"dueOn", "2026-11-30"},
                                                   {"status", "open"}}));
        w.name("F2", a.editor->create("followUp", {{"clientId", w.id("C2")},
                                                   {"description", "Check the ramp"},
                                                   {"dueOn", "2026-12-01"},
                                                   {"status", "open"}}));
        w.name("F3", w.ben->editor->create("followUp", {{"clientId", w.id("C3")},
                                                        {"description", "Renew the permit"},
                                                        {"dueOn", "2026-12-02"},
                                                        {"status", "open"}}));
        w.name("K1", a.editor->create("contact", {{"clientId", w.id("C1")},
                                                  {"name", "Rosa Gonzalez"},
                                                  {"relationship", "daughter"}}));
        settle(w);
    }

    /** The offline edits of one cycle, the same in every world, in the same order. */
    void offlineEdits(World &w, int cycle)
    {
        TestDevice &a = *w.anaTab, &spare = *w.anaSpare, &ben = *w.ben, &sam = *w.sam;
        if (cycle == 1) {
            a.editor->update("client", w.id("C1"), {{"phone", "555-1111"}});
            gap(); // same field on the other tablet, later: it wins, the first is kept aside
            spare.editor->update("client", w.id("C1"), {{"phone", "555-2222"}});
            gap();
            sam.editor->update("client", w.id("C1"), {{"address", "14 Oak Ave"}});
            gap(); // a void that meets a concurrent edit
            a.editor->voidRecord("followUp", w.id("F1"), "entered twice");
            gap();
            sam.editor->update("followUp", w.id("F1"), {{"description", "Meals and rides"}});
            gap(); // a void nobody contests
            spare.editor->voidRecord("followUp", w.id("F2"), "done at the office");
            gap();
            ben.editor->update("client", w.id("C3"), {{"notes", "Prefers mornings"}});
            gap();
            sam.editor->update("client", w.id("C3"), {{"phone", "555-3000"}});
            gap();
            w.name("F4", ben.editor->create("followUp", {{"clientId", w.id("C3")},
                                                         {"description", "Book transport"},
                                                         {"dueOn", "2026-12-03"},
                                                         {"status", "open"}}));
            gap();
            w.name("K2", a.editor->create("contact", {{"clientId", w.id("C2")},
                                                      {"name", "Wei Chen"},
                                                      {"relationship", "son"}}));
            gap();
            // A real visit: the server refuses a note naming one it does not have.
            w.name("VISIT1",
                   a.editor->create("visit", {{"clientId", w.id("C1")}, {"status", "planned"}}));
            w.name("V1", a.editor->create("visitNote", {{"clientId", w.id("C1")},
                                                        {"visitId", w.id("VISIT1")},
                                                        {"text", "Discussed meal delivery"},
                                                        {"writtenAt", "2026-11-22T10:00:00Z"}}));
            gap();
            sam.editor->update("client", w.id("C2"), {{"notes", "Office note"}});
            gap();
            spare.editor->update("client", w.id("C2"), {{"notes", "Tablet note"}});
            gap();
            ben.editor->update("followUp", w.id("F3"),
                               {{"description", "Renew the parking permit"}});
            gap();
            sam.editor->update("followUp", w.id("F3"), {{"description", "Permit renewed?"}});
        } else {
            spare.editor->update("client", w.id("C1"), {{"phone", "555-3333"}});
            gap(); // an edit, then a void that did not see it
            a.editor->update("contact", w.id("K1"), {{"name", "Rosa G. Gonzalez"}});
            gap();
            sam.editor->voidRecord("contact", w.id("K1"), "duplicate contact");
            gap();
            a.editor->update("client", w.id("C2"), {{"phone", "555-0202"}});
            gap();
            spare.editor->update("client", w.id("C2"), {{"address", "3 Birch Rd"}});
            gap();
            ben.editor->voidRecord("followUp", w.id("F4"), "booked by phone");
            gap();
            ben.editor->update("followUp", w.id("F3"),
                               {{"status", "done"}, {"doneOn", "2026-12-02"}});
            gap(); // the supervisor settles the phone conflict of the first cycle
            bool resolved = false;
            for (const Record &c : sam.all("conflict")) {
                if (c.values.value("recordId").toString() == w.id("C1") &&
                    c.values.value("field").toString() == QLatin1String("phone") &&
                    c.values.value("status").toString() == QLatin1String("open")) {
                    sam.editor->update("conflict", c.id,
                                       {{"status", "resolved"},
                                        {"resolvedValue", QJsonObject{{"value", "555-2222"}}},
                                        {"resolvedBy", sam.accountId}});
                    resolved = true;
                }
            }
            QVERIFY(resolved);
        }
    }

    /** Sync rounds at the fault rate: every outcome is counted and must be plain words. */
    void faultyRounds(World &w)
    {
        w.proxy->setFaultRate(m_rate);
        for (int round = 0; round < m_rounds; ++round) {
            for (TestDevice *d : w.devices()) {
                const SyncOutcome o = w.sync(*d);
                expectPlainWords(o);
                static const char *names[] = {"up-to-date", "offline", "error", "revoked"};
                m_outcomes[QStringLiteral("%1: %2").arg(names[int(o.state)], o.message)] += 1;
            }
        }
        w.proxy->setFaultRate(0);
    }

    void expectPlainWords(const SyncOutcome &o)
    {
        if (o.ok())
            return;
        QVERIFY2(o.state == SyncOutcome::State::Offline, qPrintable(o.message));
        QVERIFY2(o.message.contains(QLatin1String("safe")) ||
                     o.message.contains(QLatin1String("sent at the next sync")),
                 qPrintable(o.message));
        QVERIFY2(o.message.at(0).isUpper() && o.message.endsWith(QLatin1Char('.')),
                 qPrintable(o.message));
        for (const char *jargon : {"{", "}", "QNetwork", "Socket", "Error", "error", "null"})
            QVERIFY2(!o.message.contains(QLatin1String(jargon)), qPrintable(o.message));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_seed = qEnvironmentVariableIsSet("CAREROUND_FAULT_SEED")
                     ? quint32(qEnvironmentVariableIntValue("CAREROUND_FAULT_SEED"))
                     : QRandomGenerator::global()->generate();
        if (qEnvironmentVariableIsSet("CAREROUND_FAULT_RATE"))
            m_rate = qEnvironmentVariable("CAREROUND_FAULT_RATE").toDouble();
        if (qEnvironmentVariableIsSet("CAREROUND_FAULT_ROUNDS"))
            m_rounds = qEnvironmentVariableIntValue("CAREROUND_FAULT_ROUNDS");
        qInfo("server database: %s; fault seed %u (CAREROUND_FAULT_SEED), rate %.2f, %d rounds "
              "per cycle",
              usePostgres() ? "PostgreSQL" : "SQLite", m_seed, m_rate, m_rounds);
    }

    /** Each kind of fault alone, on every request: reported in plain words, nothing lost. */
    void eachFaultAloneIsReportedAndLosesNothing()
    {
        World w;
        makeWorld(w, true);
        if (QTest::currentTestFailed())
            return;
        setUp(w);
        if (QTest::currentTestFailed())
            return;
        TestDevice &a = *w.anaTab;
        for (const FaultProxy::Fault fault : FaultProxy::allFaults()) {
            const QString note = QStringLiteral("Note written before a %1")
                                     .arg(QLatin1String(FaultProxy::faultName(fault)));
            a.editor->update("client", w.id("C1"), {{"notes", note}});
            w.proxy->setFaultKinds({fault});
            w.proxy->setFaultRate(1.0);
            const SyncOutcome o = w.sync(a);
            w.proxy->setFaultRate(0);
            qInfo("%s: %s", FaultProxy::faultName(fault), qPrintable(o.message));
            if (fault == FaultProxy::Fault::Delay) {
                QVERIFY2(o.ok(), qPrintable(o.message)); // slow, not broken
            } else {
                QCOMPARE(o.state, SyncOutcome::State::Offline);
                expectPlainWords(o);
            }
            const SyncOutcome after = w.sync(a);
            QVERIFY2(after.ok(), qPrintable(after.message));
            QCOMPARE(a.store->outbox().count(), 0);
            QCOMPARE(serverSnapshot(w.server->db())
                         .value("client/" + w.id("C1"))
                         .value("notes")
                         .toString(),
                     note);
        }
        w.proxy->setFaultKinds({});
        settle(w);
        expectConverged(w);
        qInfo("proxy: %s", qPrintable(w.proxy->summary()));
    }

    /**
     * Four tablets, two cycles of offline edits, each followed by rounds of syncs through the
     * proxy at a high fault rate and then a fault-free round: the same state as without faults.
     */
    void manyTabletsConvergeThroughAHighFaultRate()
    {
        World faulty, reference;
        makeWorld(faulty, true);
        if (QTest::currentTestFailed())
            return;
        makeWorld(reference, false);
        if (QTest::currentTestFailed())
            return;
        for (World *w : {&faulty, &reference}) {
            setUp(*w);
            if (QTest::currentTestFailed())
                return;
        }
        for (int cycle = 1; cycle <= 2; ++cycle) {
            // The same script in both worlds, one after the other: stamps keep its order.
            for (World *w : {&faulty, &reference}) {
                offlineEdits(*w, cycle);
                if (QTest::currentTestFailed())
                    return;
            }
            faultyRounds(faulty);
            if (QTest::currentTestFailed())
                return;
            qInfo("after cycle %d: %s", cycle, qPrintable(faulty.proxy->summary()));
            for (World *w : {&faulty, &reference}) {
                settle(*w); // faults off: the final round
                if (QTest::currentTestFailed())
                    return;
                expectConverged(*w);
                if (QTest::currentTestFailed())
                    return;
            }
            const QStringList diff =
                differences(normalized(serverSnapshot(faulty.server->db()), faulty.labels),
                            normalized(serverSnapshot(reference.server->db()), reference.labels));
            QVERIFY2(diff.isEmpty(),
                     qPrintable(QStringLiteral("faulty world vs fault-free:\n") + diff.join('\n')));
        }
        // The script's outcome, checked once: conflicts recorded, nothing silently lost.
        const auto server = normalized(serverSnapshot(faulty.server->db()), faulty.labels);
        QCOMPARE(server.value("client/C1").value("phone").toString(), QStringLiteral("555-3333"));
        QCOMPARE(server.value("client/C1").value("address").toString(),
                 QStringLiteral("14 Oak Ave"));
        QCOMPARE(server.value("client/C2").value("notes").toString(),
                 QStringLiteral("Tablet note"));
        QVERIFY(server.value("followUp/F2").value("voided").toBool());
        QVERIFY(!server.value("followUp/F1").value("voided").toBool());
        QCOMPARE(
            server.value("conflict/client/C1/phone/concurrent_edit").value("status").toString(),
            QStringLiteral("resolved"));
        QVERIFY(server.contains("conflict/followUp/F1/voided/void_vs_edit"));
        QVERIFY(server.contains("conflict/contact/K1/voided/void_vs_edit"));
        QVERIFY(server.contains("conflict/followUp/F3/description/concurrent_edit"));
        QVERIFY(server.contains("conflict/client/C2/notes/concurrent_edit"));

        qInfo("proxy: %s", qPrintable(faulty.proxy->summary()));
        for (auto it = m_outcomes.begin(); it != m_outcomes.end(); ++it)
            qInfo("%4d x %s", it.value(), qPrintable(it.key()));
        QVERIFY2(faulty.proxy->totalInjected() > 0, "no fault was injected");
    }
};

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
