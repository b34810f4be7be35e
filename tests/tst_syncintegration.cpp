// Sync end to end: the real careround-server process on 127.0.0.1 (port 0) and real
// encrypted device stores over HTTP. Runs against SQLite and, as tst_syncintegration_pg,
// against a real PostgreSQL.
#include "serverfixture.h"

using namespace careround;
using namespace careround::test;

namespace {

/** Passes requests to a real HttpSyncTransport and writes down each call, in order. */
class RecordingTransport : public SyncTransport {
public:
    explicit RecordingTransport(HttpSyncTransport &inner) : m_inner(inner) {}
    SyncResponse post(const QString &path, const QJsonObject &body) override
    {
        calls.append("post " + path);
        return m_inner.post(path, body);
    }
    SyncResponse get(const QString &path) override
    {
        calls.append("get " + path);
        return m_inner.get(path);
    }
    void prefetch(const QString &path) override
    {
        calls.append("prefetch " + path);
        m_inner.prefetch(path);
    }
    QStringList calls;

private:
    HttpSyncTransport &m_inner;
};

} // namespace

class TestSyncIntegration : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<TestDevice> m_a; // coordinator Ana's tablet
    std::unique_ptr<TestDevice> m_b; // supervisor Sam at the office
    QString m_client;
    int m_n = 0;

    QString path() { return m_dir.filePath(QStringLiteral("device%1.db").arg(++m_n)); }

    void syncAll()
    {
        // A pushes, B pushes and pulls, A pulls: every edit has reached every replica.
        QVERIFY(m_a->sync().ok());
        QVERIFY(m_b->sync().ok());
        QVERIFY(m_a->sync().ok());
    }
    void expectConverged()
    {
        const auto server = serverSnapshot(m_server->db());
        QCOMPARE(m_a->snapshot(), server);
        QCOMPARE(m_b->snapshot(), server);
    }
    static void expectRefusedStatus(const SyncResponse &r, int status)
    {
        QCOMPARE(r.status, status);
        QVERIFY(!r.body.value("error").toString().isEmpty());
    }
    QVector<Record> openConflicts(TestDevice &d)
    {
        QVector<Record> out;
        for (const Record &c : d.all("conflict"))
            if (c.values.value("status").toString() == QLatin1String("open"))
                out.append(c);
        return out;
    }

    void movedClientScenario() // NOLINT(readability-function-size)
    {
        QVERIFY(!m_server->admin({"create-account", "ben", "Ben Okafor", "coordinator"}).isEmpty());
        TestDevice ben(path(), m_server->url(), "ben");
        QVERIFY(ben.enrolled());
        const QString other = m_a->editor->create("client", {{"firstName", "Olga"},
                                                             {"lastName", "Petrova"},
                                                             {"status", "active"},
                                                             {"coordinatorId", m_a->accountId}});
        QVERIFY(m_a->sync().ok());
        QVERIFY(m_b->sync().ok());
        // An edit made before the move, sent after it: merged (the move rule).
        m_a->editor->update("client", m_client, {{"address", "14 Oak Ave"}});
        QCOMPARE(m_server->admin({"assign-client", m_client, "ben"}), QStringLiteral("assigned"));
        // Ana's tablet, not yet told, edits Maria twice and adds a contact, and does other work.
        m_a->editor->update("client", m_client, {{"phone", "555-7777"}});
        m_a->editor->update("client", m_client, {{"notes", "Needs a ramp"}});
        const QString contact =
            m_a->editor->create("contact", {{"clientId", m_client}, {"name", "Neighbour Jo"}});
        m_a->editor->update("client", other, {{"phone", "555-8888"}});
        const QString followUp = m_a->editor->create("followUp", {{"clientId", other},
                                                                  {"description", "Call the GP"},
                                                                  {"dueOn", "2026-12-03"},
                                                                  {"status", "open"}});
        // Meanwhile the office works on too.
        m_b->editor->update("client", other, {{"notes", "Reviewed by the office"}});
        QVERIFY(m_b->sync().ok());

        const SyncOutcome outcome = m_a->sync();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QCOMPARE(outcome.refused, 3);
        QCOMPARE(m_a->store->outbox().count(), 0); // nothing waits forever
        // The other edits landed, and the rest of the agency arrived.
        auto server = serverSnapshot(m_server->db());
        QCOMPARE(server.value("client/" + other).value("phone").toString(),
                 QStringLiteral("555-8888"));
        QVERIFY(server.contains("followUp/" + followUp));
        QCOMPARE(server.value("client/" + m_client).value("address").toString(),
                 QStringLiteral("14 Oak Ave"));
        QCOMPARE(m_a->find("client", other)->values.value("notes").toString(),
                 QStringLiteral("Reviewed by the office"));
        // Maria left Ana's tablet with her records; what was refused is listed, with the
        // reason and the values sent.
        QVERIFY(!m_a->find("client", m_client).has_value());
        QVERIFY(!m_a->find("contact", contact).has_value());
        const QVector<RefusedEntry> listed = m_a->store->outbox().refused();
        QCOMPARE(listed.size(), 3);
        QStringList sent;
        for (const RefusedEntry &r : listed) {
            QCOMPARE(r.reason, QStringLiteral("client_moved"));
            QVERIFY(!r.message.isEmpty());
            sent.append(QString::fromUtf8(QJsonDocument(r.entry.values).toJson()));
        }
        QVERIFY(sent.join(' ').contains("555-7777"));
        QVERIFY(sent.join(' ').contains("Needs a ramp"));
        QVERIFY(sent.join(' ').contains("Neighbour Jo"));

        // The review store has them whole, for the supervisors only.
        HttpSyncTransport sam(m_server->url(), m_b->token);
        QCOMPARE(sam.post("/v1/sync/hello", {}).body.value("review").toInteger(), qint64(3));
        const SyncResponse review = sam.get("/v1/review");
        QCOMPARE(review.status, 200);
        QCOMPARE(review.body.value("refused").toArray().size(), 3);
        QHash<QString, QString> byValue; // a typed value -> its review entry
        for (const auto &v : review.body.value("refused").toArray()) {
            const QJsonObject c = v.toObject();
            QCOMPARE(c.value("reason").toString(), QStringLiteral("client_moved"));
            QCOMPARE(c.value("authorId").toString(), m_a->accountId);
            QCOMPARE(c.value("deviceId").toString(), m_a->store->deviceId());
            QCOMPARE(c.value("clientId").toString(), m_client);
            const QJsonObject values = c.value("change").toObject().value("values").toObject();
            for (const char *typed : {"555-7777", "Needs a ramp", "Neighbour Jo"})
                if (QJsonDocument(values).toJson().contains(typed))
                    byValue.insert(typed, c.value("id").toString());
        }
        QCOMPARE(byValue.size(), 3);
        QCOMPARE(m_server->admin({"list-refused"}).split('\n').size(), 3);
        expectRefusedStatus(HttpSyncTransport(m_server->url(), m_a->token).get("/v1/review"), 403);

        // A supervisor settles them: apply one, discard one with a reason, apply one by CLI.
        QCOMPARE(sam.post("/v1/review/settle", {{"id", byValue["555-7777"]}, {"action", "apply"}})
                     .status,
                 200);
        expectRefusedStatus(
            sam.post("/v1/review/settle", {{"id", byValue["Needs a ramp"]}, {"action", "discard"}}),
            400);
        QCOMPARE(sam.post("/v1/review/settle", {{"id", byValue["Needs a ramp"]},
                                                {"action", "discard"},
                                                {"reason", "Ben has spoken to the family"}})
                     .status,
                 200);
        QCOMPARE(m_server->admin({"settle-refused", byValue["Neighbour Jo"], "apply", "moved"}),
                 QStringLiteral("applied"));
        expectRefusedStatus(
            sam.post("/v1/review/settle", {{"id", byValue["555-7777"]}, {"action", "apply"}}), 409);
        QCOMPARE(sam.post("/v1/sync/hello", {}).body.value("review").toInteger(), qint64(0));

        // The applied ones land for Ben, attributed to Ana's tablet; Maria stays Ben's.
        QVERIFY(ben.sync().ok());
        const Record maria = *ben.find("client", m_client);
        QCOMPARE(maria.values.value("phone").toString(), QStringLiteral("555-7777"));
        QCOMPARE(maria.stamps.value("phone").node, m_a->store->deviceId());
        QCOMPARE(maria.values.value("coordinatorId").toString(), ben.accountId);
        QVERIFY(maria.values.value("notes").toString() != QLatin1String("Needs a ramp"));
        QCOMPARE(ben.find("contact", contact)->values.value("name").toString(),
                 QStringLiteral("Neighbour Jo"));
        // The discarded one is kept with its reason: nothing typed is lost.
        auto db = ServerDatabase::open(m_server->db());
        QCOMPARE(db->scalar("SELECT settle_reason FROM refused_change WHERE id = ?",
                            {byValue["Needs a ramp"]})
                     .toString(),
                 QStringLiteral("Ben has spoken to the family"));
        QCOMPARE(db->scalar("SELECT count(*) FROM refused_change").toInt(), 3);

        // Ana dismisses them on her tablet; the local audit says so.
        for (const RefusedEntry &r : listed)
            QVERIFY(m_a->editor->dismissRefused(r.entry.seq));
        QCOMPARE(m_a->store->outbox().refusedCount(), 0);
        const QVector<Record> audit = m_a->all("auditEvent");
        QCOMPARE(std::count_if(audit.begin(), audit.end(),
                               [](const Record &e) {
                                   return e.values.value("action").toString() ==
                                          QLatin1String("refused_change_dismissed");
                               }),
                 3);
        QVERIFY(m_a->sync().ok());
        QVERIFY(m_b->sync().ok());
    }

private slots:
    void initTestCase() { qInfo("server database: %s", usePostgres() ? "PostgreSQL" : "SQLite"); }
    void init()
    {
        m_server = std::make_unique<ServerProcess>(freshServerDb(m_dir));
        QVERIFY(!m_server->admin({"create-agency", "Riverside Home Care"}).isEmpty());
        QVERIFY(!m_server->admin({"create-account", "ana", "Ana Ortiz", "coordinator"}).isEmpty());
        QVERIFY(!m_server->admin({"create-account", "sam", "Sam Lee", "supervisor"}).isEmpty());
        QVERIFY(m_server->start());
        m_a = std::make_unique<TestDevice>(path(), m_server->url(), "ana");
        m_b = std::make_unique<TestDevice>(path(), m_server->url(), "sam");
        QVERIFY(m_a->enrolled());
        QVERIFY(m_b->enrolled());
        m_client = m_a->editor->create("client", {{"firstName", "Maria"},
                                                  {"lastName", "Gonzalez"},
                                                  {"status", "active"},
                                                  {"phone", "555-0101"},
                                                  {"address", "12 Elm St"},
                                                  {"coordinatorId", m_a->accountId}});
        syncAll();
        QVERIFY(m_b->find("client", m_client).has_value());
    }
    // A first load of many pages: each next page is asked for while the one before is applied
    // (the server makes it meanwhile), every page once, and the tablet ends with everything.
    void theNextPageIsFetchedWhileOneIsApplied()
    {
        for (int i = 0; i < 9; ++i)
            m_b->editor->create("followUp", {{"clientId", m_client},
                                             {"description", QStringLiteral("Call %1").arg(i)},
                                             {"dueOn", "2026-12-04"},
                                             {"status", "open"}});
        QVERIFY(m_b->sync().ok());
        TestDevice fresh(path(), m_server->url(), "sam");
        QVERIFY(fresh.enrolled());
        HttpSyncTransport http(m_server->url(), fresh.token);
        RecordingTransport transport(http);
        DeviceSyncer syncer(*fresh.store, transport);
        syncer.pullPageSize = 3;
        const SyncOutcome outcome = syncer.syncOnce();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QStringList pages;
        for (const QString &call : transport.calls)
            if (call.startsWith("get /v1/sync/pull"))
                pages.append(call.mid(4));
        QVERIFY2(pages.size() >= 4, qPrintable(transport.calls.join('\n')));
        QCOMPARE(QSet<QString>(pages.begin(), pages.end()).size(), pages.size()); // each once
        for (qsizetype i = 1; i < pages.size(); ++i) {
            const qsizetype asked = transport.calls.indexOf("prefetch " + pages[i]);
            QVERIFY2(asked >= 0 && asked < transport.calls.indexOf("get " + pages[i]) &&
                         asked > transport.calls.indexOf("get " + pages[i - 1]),
                     qPrintable(transport.calls.join('\n')));
        }
        QCOMPARE(fresh.snapshot(), serverSnapshot(m_server->db()));
    }

    void cleanup()
    {
        m_a.reset();
        m_b.reset();
        m_server.reset();
    }

    void theTabletLearnsTheAgencysName()
    {
        // From the hello, for the documents it prints; renamed, the next sync says so.
        for (TestDevice *d : {m_a.get(), m_b.get()})
            QCOMPARE(d->store->agencyName(), QStringLiteral("Riverside Home Care"));
        QVERIFY(!m_server->admin({"create-agency", "Riverside Home Care & Meals"}).isEmpty());
        QVERIFY(m_a->sync().ok());
        QCOMPARE(m_a->store->agencyName(), QStringLiteral("Riverside Home Care & Meals"));
    }

    void editsToDifferentFieldsMergeWithNothingFlagged()
    {
        m_a->editor->update("client", m_client, {{"phone", "555-0199"}});
        m_b->editor->update("client", m_client, {{"address", "14 Oak Ave"}});
        syncAll();
        for (TestDevice *d : {m_a.get(), m_b.get()}) {
            const Record c = *d->find("client", m_client);
            QCOMPARE(c.values.value("phone").toString(), QStringLiteral("555-0199"));
            QCOMPARE(c.values.value("address").toString(), QStringLiteral("14 Oak Ave"));
            QVERIFY(openConflicts(*d).isEmpty());
        }
        QCOMPARE(m_a->store->outbox().count(), 0);
        expectConverged();
    }

    void sameFieldEditedTwiceKeepsBothValues()
    {
        m_a->editor->update("client", m_client, {{"phone", "555-1111"}});
        m_b->editor->update("client", m_client, {{"phone", "555-2222"}});
        const Stamp a = m_a->find("client", m_client)->stamps.value("phone");
        const Stamp b = m_b->find("client", m_client)->stamps.value("phone");
        const QString winner = a < b ? "555-2222" : "555-1111";
        const QString loser = a < b ? "555-1111" : "555-2222";
        // Each side named by the person whose tablet made it (the accounts' names).
        const QString winnerName = a < b ? "Sam Lee" : "Ana Ortiz";
        const QString loserName = a < b ? "Ana Ortiz" : "Sam Lee";
        syncAll();
        for (TestDevice *d : {m_a.get(), m_b.get()}) {
            QCOMPARE(d->find("client", m_client)->values.value("phone").toString(), winner);
            const QVector<Record> conflicts = openConflicts(*d);
            QCOMPARE(conflicts.size(), 1);
            const QJsonObject c = conflicts.first().values;
            QCOMPARE(c.value("kind").toString(), QStringLiteral("concurrent_edit"));
            QCOMPARE(c.value("field").toString(), QStringLiteral("phone"));
            QCOMPARE(c.value("keptValue").toObject().value("value").toString(), winner);
            QCOMPARE(c.value("otherValue").toObject().value("value").toString(), loser);
            QCOMPARE(c.value("keptBy").toString(), winnerName);
            QCOMPARE(c.value("otherBy").toString(), loserName);
        }
        expectConverged();

        // Resolving is an ordinary edit, and closes the conflict on every replica.
        const Record conflict = openConflicts(*m_b).first();
        m_b->editor->update("client", m_client, {{"phone", loser}});
        m_b->editor->update("conflict", conflict.id,
                            {{"status", "resolved"},
                             {"resolvedValue", QJsonObject{{"value", loser}}},
                             {"resolvedBy", m_b->accountId}});
        syncAll();
        for (TestDevice *d : {m_a.get(), m_b.get()}) {
            QVERIFY(openConflicts(*d).isEmpty());
            QCOMPARE(d->find("client", m_client)->values.value("phone").toString(), loser);
        }
        expectConverged();
    }

    void voidMeetsConcurrentEdit()
    {
        const QString followUp =
            m_a->editor->create("followUp", {{"clientId", m_client},
                                             {"description", "Call about meals"},
                                             {"dueOn", "2026-11-30"},
                                             {"status", "open"}});
        syncAll();
        m_a->editor->voidRecord("followUp", followUp, "entered twice");
        m_b->editor->update("followUp", followUp, {{"description", "Call about meals and rides"}});
        syncAll();
        for (TestDevice *d : {m_a.get(), m_b.get()}) {
            const Record f = *d->find("followUp", followUp);
            // Never a silent delete: the record stays, with the edit, and the void waits.
            QVERIFY(!f.isVoided());
            QCOMPARE(f.values.value("description").toString(),
                     QStringLiteral("Call about meals and rides"));
            const QVector<Record> conflicts = openConflicts(*d);
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.first().values.value("kind").toString(),
                     QStringLiteral("void_vs_edit"));
            QCOMPARE(conflicts.first()
                         .values.value("otherValue")
                         .toObject()
                         .value("value")
                         .toObject()
                         .value("voidReason")
                         .toString(),
                     QStringLiteral("entered twice"));
        }
        expectConverged();
    }

    void editToASignedAssessmentBecomesAnAmendment()
    {
        const QString assessment =
            m_a->editor->create("assessment", {{"clientId", m_client},
                                               {"kind", "initial"},
                                               {"status", "in_progress"},
                                               {"medicalNotes", "Type 2 diabetes, stable"}});
        syncAll();
        m_a->editor->update("assessment", assessment, {{"status", "complete"}});
        m_a->editor->sign("assessment", assessment, "Maria Gonzalez", "client",
                          QJsonArray{QJsonArray{1, 2, 3, 4}});
        QVERIFY(m_a->sync().ok());
        // The office had not seen the signature and edits the signed text.
        m_b->editor->update("assessment", assessment,
                            {{"medicalNotes", "Type 2 diabetes, insulin"}});
        syncAll();
        for (TestDevice *d : {m_a.get(), m_b.get()}) {
            QCOMPARE(d->find("assessment", assessment)->values.value("medicalNotes").toString(),
                     QStringLiteral("Type 2 diabetes, stable"));
            const QVector<Record> conflicts = openConflicts(*d);
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.first().values.value("kind").toString(),
                     QStringLiteral("amendment"));
            QCOMPARE(conflicts.first()
                         .values.value("otherValue")
                         .toObject()
                         .value("value")
                         .toObject()
                         .value("medicalNotes")
                         .toString(),
                     QStringLiteral("Type 2 diabetes, insulin"));
        }
        expectConverged();
    }

    void aPushRepeatedThreeTimesIsAppliedOnce()
    {
        m_a->editor->update("client", m_client, {{"notes", "Prefers morning visits"}});
        // The note names a visit the same push creates (references are checked).
        const QString visit =
            m_a->editor->create("visit", {{"clientId", m_client}, {"status", "planned"}});
        m_a->editor->create("visitNote", {{"clientId", m_client},
                                          {"visitId", visit},
                                          {"text", "Discussed meal delivery"},
                                          {"writtenAt", "2026-11-22T10:00:00Z"}});
        QJsonArray changes;
        for (const OutboxEntry &e : m_a->store->outbox().pending(10))
            changes.append(
                Protocol::encodeChange(e.seq, e.entity, e.recordId, e.hlc, e.values, e.bases));
        QCOMPARE(changes.size(), 3);
        HttpSyncTransport t(m_server->url(), m_a->token);
        const QJsonObject body{{"schemaVersion", Schema::instance().version()},
                               {"changes", changes}};
        const SyncResponse first = t.post("/v1/sync/push", body);
        QCOMPARE(first.status, 200);
        const auto after = serverCounts(m_server->db());
        for (int i = 0; i < 2; ++i) {
            const SyncResponse again = t.post("/v1/sync/push", body);
            QCOMPARE(again.status, 200);
            for (const auto &r : again.body.value("results").toArray())
                QCOMPARE(r.toObject().value("status").toString(), QStringLiteral("duplicate"));
            QCOMPARE(serverCounts(m_server->db()), after);
        }
        syncAll();
        QCOMPARE(m_a->store->outbox().count(), 0);
        expectConverged();
    }

    void anEditCommittedDuringAPullArrivesAtTheNextPull()
    {
        for (int i = 0; i < 5; ++i)
            m_b->editor->create(
                "contact", {{"clientId", m_client}, {"name", QStringLiteral("Contact %1").arg(i)}});
        QVERIFY(m_b->sync().ok());
        // A new tablet reads a first page...
        TestDevice c(path(), m_server->url(), "ana");
        HttpSyncTransport t(m_server->url(), c.token);
        const SyncResponse page = t.get("/v1/sync/pull?cursor=0&limit=2");
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.value("hasMore").toBool());
        // ...while another edit is committed...
        m_b->editor->update("client", m_client, {{"notes", "Committed during the pull"}});
        QVERIFY(m_b->sync().ok());
        // ...and the tablet, syncing on from there, has it.
        QVERIFY(c.sync().ok());
        QCOMPARE(c.find("client", m_client)->values.value("notes").toString(),
                 QStringLiteral("Committed during the pull"));
        QCOMPARE(c.all("contact").size(), 5);
    }

    void serverKilledAfterCommitBeforeReply()
    {
        m_a->editor->update("client", m_client, {{"phone", "555-3030"}});
        m_a->editor->create("followUp", {{"clientId", m_client},
                                         {"description", "Check the ramp"},
                                         {"dueOn", "2026-12-01"},
                                         {"status", "open"}});
        // A server that dies after committing the push and before replying.
        m_server->stop();
        QVERIFY(syncWithDyingServer(m_server->db(), *m_a, "die-after-push-commit"));
        QCOMPARE(m_a->store->outbox().count(), 2); // so it keeps its edits
        const auto committed = serverCounts(m_server->db());
        // After a restart the device learns they were applied, and nothing is applied twice.
        QVERIFY(m_server->start());
        m_a->setServer(m_server->url());
        m_b->setServer(m_server->url());
        syncAll();
        QCOMPARE(m_a->store->outbox().count(), 0);
        QCOMPARE(serverCounts(m_server->db()).first, committed.first);
        QCOMPARE(m_b->find("client", m_client)->values.value("phone").toString(),
                 QStringLiteral("555-3030"));
        QCOMPARE(m_b->all("followUp").size(), 1);
        expectConverged();
    }

    // A push writes each record's row once, at its last value, when it has checked every
    // change (the history still has every step); a server that dies before its commit
    // stores none of it, and the edits arrive whole at the next sync.
    void aRecordEditedSeveralTimesInOnePushIsStoredAtItsLastValue()
    {
        const QString followUp = m_a->editor->create("followUp", {{"clientId", m_client},
                                                                  {"description", "Call Meals"},
                                                                  {"dueOn", "2026-12-01"},
                                                                  {"status", "open"}});
        for (const char *text : {"Call Meals on Wheels", "Call Meals on Wheels about Tuesdays"})
            m_a->editor->update("followUp", followUp, {{"description", text}});
        m_a->editor->update("client", m_client, {{"phone", "555-4141"}});
        QCOMPARE(m_a->store->outbox().count(), 4);
        const auto before = serverCounts(m_server->db());

        m_server->stop();
        QVERIFY(syncWithDyingServer(m_server->db(), *m_a, "die-before-push-commit"));
        QCOMPARE(serverCounts(m_server->db()), before); // nothing of the push stayed
        QCOMPARE(m_a->store->outbox().count(), 4);

        QVERIFY(m_server->start());
        m_a->setServer(m_server->url());
        m_b->setServer(m_server->url());
        syncAll();
        QCOMPARE(m_a->store->outbox().count(), 0);
        // One new record, and a sequence number for each write.
        const auto after = serverCounts(m_server->db());
        QCOMPARE(after.first, before.first + 1);
        QCOMPARE(after.second, before.second + 4);
        auto db = ServerDatabase::open(m_server->db());
        const auto rows = db->query("SELECT seq, vals FROM record WHERE entity = 'followUp' AND "
                                    "id = ?",
                                    {followUp});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0][0].toLongLong(), before.second + 3); // its last write
        QCOMPARE(QJsonDocument::fromJson(rows[0][1].toString().toUtf8())
                     .object()
                     .value("description")
                     .toString(),
                 QStringLiteral("Call Meals on Wheels about Tuesdays"));
        QStringList steps;
        for (const auto &r : db->query("SELECT value_after FROM history WHERE record_id = ? AND "
                                       "field = 'description' ORDER BY seq",
                                       {followUp}))
            steps.append(r[0].toString());
        QCOMPARE(steps, QStringList({"\"Call Meals\"", "\"Call Meals on Wheels\"",
                                     "\"Call Meals on Wheels about Tuesdays\""}));
        QCOMPARE(m_b->find("followUp", followUp)->values.value("description").toString(),
                 QStringLiteral("Call Meals on Wheels about Tuesdays"));
        QCOMPARE(m_b->find("client", m_client)->values.value("phone").toString(),
                 QStringLiteral("555-4141"));
        expectConverged();
    }

    void deviceKilledAfterApplyingAPageBeforeItsCursor()
    {
        for (int i = 0; i < 6; ++i)
            m_b->editor->create("contact", {{"clientId", m_client},
                                            {"name", QStringLiteral("Neighbour %1").arg(i)}});
        QVERIFY(m_b->sync().ok());
        // A child process syncs a new store and is killed (SIGKILL) right after applying its
        // first page, before storing the cursor.
        const QString store = path();
        QProcess child;
        child.start(QStringLiteral(SYNCDEVICE_PATH),
                    {store, m_server->url().toString(), "ana", kPassword, "--die-after-page"});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // The store is sound, and the next sync converges with no duplicates.
        QProcess again;
        again.start(QStringLiteral(SYNCDEVICE_PATH),
                    {store, m_server->url().toString(), "ana", kPassword});
        QVERIFY(again.waitForFinished(60000));
        QCOMPARE(again.exitCode(), 0);
        DeviceStore::Options o;
        o.path = store;
        o.key = kDeviceKey;
        auto reopened = DeviceStore::open(o);
        QCOMPARE(reopened->db().scalar("PRAGMA integrity_check").toString(), QStringLiteral("ok"));
        QCOMPARE(reopened->records().all(*Schema::instance().entity("contact")).size(), 6);
        QCOMPARE(reopened->records().count(*Schema::instance().entity("client")), 1);
    }

    void aSeededDemoAgencyReachesEachTabletScopedToItsCaseload()
    {
        ServerProcess demo(freshServerDb(m_dir));
        QVERIFY(demo.admin({"seed-demo", "12"}).startsWith("seeded 12 clients"));
        QVERIFY(demo.start());
        TestDevice alicia(path(), demo.url(), "alicia");
        TestDevice renee(path(), demo.url(), "renee");
        QVERIFY(alicia.enrolled());
        QVERIFY(renee.enrolled());
        QVERIFY(alicia.sync().ok());
        QVERIFY(renee.sync().ok());
        const QVector<Record> all = renee.all("client");
        QCOMPARE(all.size(), 12);
        const auto mine = std::count_if(all.begin(), all.end(), [&](const Record &c) {
            return c.values.value("coordinatorId").toString() == alicia.accountId;
        });
        QVERIFY(mine > 0 && mine < 12);
        QCOMPARE(alicia.all("client").size(), int(mine));
        QVERIFY(!alicia.all("provider").isEmpty());
        QVERIFY(!alicia.all("signature").isEmpty() || !renee.all("signature").isEmpty());
    }

    // Section 1 of issue 11: a client moved while a tablet was offline no longer stops that
    // tablet's sync. Edits made after the move are refused alone (client_moved) and kept whole
    // in the review store; everything else lands, the rest of the agency arrives, the tablet
    // lists what was refused, and a supervisor applies or discards each one.
    void aClientMovedWhileOfflineEndsInAppliedConflictOrReview()
    {
        try {
            movedClientScenario();
        } catch (const StoreError &e) {
            QFAIL(qPrintable(e.message()));
        }
    }
    // A client that leaves Ana's caseload and comes back before her tablet dropped it (she was
    // typing during the sync, so the drop waited): what the office changed while it was away
    // (the pull could not show it to Ana then) arrives when it is hers again.
    void aClientMovedAwayAndBackIsFetchedWholeAgain()
    {
        QVERIFY(!m_server->admin({"create-account", "ben", "Ben Okafor", "coordinator"}).isEmpty());
        const QString other = m_a->editor->create("client", {{"firstName", "Olga"},
                                                             {"lastName", "Petrova"},
                                                             {"status", "active"},
                                                             {"coordinatorId", m_a->accountId}});
        QVERIFY(m_a->sync().ok());
        QCOMPARE(m_server->admin({"assign-client", m_client, "ben"}), QStringLiteral("assigned"));
        QVERIFY(m_b->sync().ok());
        m_b->editor->update("client", m_client, {{"phone", "555-4242"}});
        m_b->editor->create("contact", {{"clientId", m_client}, {"name", "Ben's note: son Ali"}});
        QVERIFY(m_b->sync().ok());
        {
            HttpSyncTransport transport(m_server->url(), m_a->token);
            DeviceSyncer syncer(*m_a->store, transport);
            // Ana edits her other client while the pull runs: the drop of Maria has to wait.
            syncer.setCrashAfterApplyingPage([&] {
                m_a->editor->update("client", other, {{"notes", "Typed during sync"}});
            });
            QVERIFY(syncer.syncOnce().ok());
        }
        QVERIFY(m_a->find("client", m_client).has_value()); // kept: an edit still waits
        QCOMPARE(m_server->admin({"assign-client", m_client, "ana"}), QStringLiteral("assigned"));
        QVERIFY(m_a->sync().ok());
        const auto maria = m_a->find("client", m_client);
        QVERIFY(maria.has_value());
        QCOMPARE(maria->values.value("phone").toString(), QStringLiteral("555-4242"));
        const QVector<Record> contacts = m_a->all("contact");
        QVERIFY(std::any_of(contacts.begin(), contacts.end(), [](const Record &c) {
            return c.values.value("name").toString() == QLatin1String("Ben's note: son Ali");
        }));
        QCOMPARE(m_a->find("client", other)->values.value("notes").toString(),
                 QStringLiteral("Typed during sync"));
        QCOMPARE(m_a->store->outbox().count(), 0);
        QVERIFY(m_a->store->meta().value(QStringLiteral("sync.caseload.dropWaits")).isEmpty());
        QVERIFY(m_b->sync().ok());
        expectConverged();
    }

    // If the server dies after committing a push that refused a change and before replying,
    // the tablet keeps the edit pending; sent again, it gets the same answer (refused, same
    // reason) and the review store still holds one entry for it (device + deviceSeq).
    void aRefusalWhoseReplyIsLostIsGivenAgain()
    {
        QVERIFY(!m_server->admin({"create-account", "ben", "Ben Okafor", "coordinator"}).isEmpty());
        QCOMPARE(m_server->admin({"assign-client", m_client, "ben"}), QStringLiteral("assigned"));
        m_a->editor->update("client", m_client, {{"phone", "555-9090"}});
        m_server->stop();
        QVERIFY(syncWithDyingServer(m_server->db(), *m_a, "die-after-push-commit"));
        QCOMPARE(m_a->store->outbox().count(), 1);
        QCOMPARE(m_a->store->outbox().refusedCount(), 0);
        QVERIFY(m_server->start());
        m_a->setServer(m_server->url());
        m_b->setServer(m_server->url());
        const SyncOutcome again = m_a->sync();
        QVERIFY2(again.ok(), qPrintable(again.message));
        QCOMPARE(again.refused, 1);
        QCOMPARE(m_a->store->outbox().count(), 0);
        QCOMPARE(m_a->store->outbox().refused().first().reason, QStringLiteral("client_moved"));
        auto db = ServerDatabase::open(m_server->db());
        QCOMPARE(db->scalar("SELECT count(*) FROM refused_change").toInt(), 1);
    }

    // Pulled records this app cannot apply are kept aside raw (never blocking the page or
    // the cursor) and applied at a later sync by an app that knows them; fields it does not
    // know are kept with the record.
    void recordsThisAppCannotApplyAreSetAsideAndAppliedLater()
    {
        // A newer app wrote a field this one does not know, and a kind it does not know.
        HttpSyncTransport newer(m_server->url(), m_b->token);
        const QString contact = newUuid7();
        QCOMPARE(newer
                     .post("/v1/sync/push",
                           {{"schemaVersion", 99},
                            {"changes",
                             QJsonArray{Protocol::encodeChange(
                                 m_b->store->outbox().lastSeq() + 1, "contact", contact,
                                 Hlc::fromParts(quint64(QDateTime::currentMSecsSinceEpoch()), 0),
                                 {{"clientId", m_client},
                                  {"name", "Neighbour"},
                                  {"preferredContactTime", "evenings"}},
                                 {})}}})
                     .status,
                 200);
        {
            auto db = ServerDatabase::open(m_server->db());
            const qint64 seq =
                db->scalar("SELECT value FROM counter WHERE name = 'seq'").toLongLong() + 1;
            db->exec("INSERT INTO record (entity, id, client_id, seq, vals, stamps) VALUES "
                     "('spaceship', ?, ?, ?, '{\"name\":\"Apollo\"}', '{}')",
                     {newUuid7(), m_client, seq});
            db->exec("UPDATE counter SET value = ? WHERE name = 'seq'", {seq});
        }
        const qint64 top = serverCounts(m_server->db()).second;
        const SyncOutcome outcome = m_a->sync();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        QCOMPARE(outcome.setAside, 1);
        QCOMPARE(m_a->store->meta().value("sync.cursor").toLongLong(), top);
        QCOMPARE(m_a->find("contact", contact)->values.value("preferredContactTime").toString(),
                 QStringLiteral("evenings"));
        const QVector<SetAsideRecord> aside = m_a->store->outbox().setAsideRecords();
        QCOMPARE(aside.size(), 1);
        QCOMPARE(aside.first().entity, QStringLiteral("spaceship"));
        QCOMPARE(aside.first().record.value("values").toObject().value("name").toString(),
                 QStringLiteral("Apollo"));
        // One an older app set aside, of a kind this app knows: applied at the next sync.
        const QString note = newUuid7();
        {
            auto tx = m_a->store->transaction();
            m_a->store->outbox().setAside(SetAsideRecord{
                "contact", note, 1,
                Protocol::encodeRecord(
                    Record{"contact",
                           note,
                           {{"clientId", m_client}, {"name", "Set aside by an older app"}},
                           {{"clientId", Stamp{Hlc::fromParts(1000, 0), "server"}},
                            {"name", Stamp{Hlc::fromParts(1000, 0), "server"}}}},
                    1),
                "unknown entity in pulled record"});
            tx.commit();
        }
        QVERIFY(m_a->sync().ok());
        QCOMPARE(m_a->find("contact", note)->values.value("name").toString(),
                 QStringLiteral("Set aside by an older app"));
        QCOMPARE(m_a->store->outbox().setAsideRecords().size(), 1); // the spaceship waits
    }

    void severalServerProcessesShareOneDatabase()
    {
        // A second server process over the same database (PostgreSQL in the _pg run).
        ServerProcess second(m_server->db());
        QVERIFY(second.start());
        m_b->setServer(second.url());
        m_a->editor->update("client", m_client, {{"phone", "555-4040"}});
        m_b->editor->update("client", m_client, {{"address", "99 River Rd"}});
        syncAll();
        expectConverged();
        // Tablets pushing at the same time through both processes.
        QList<QProcess *> children;
        for (int i = 0; i < 4; ++i) {
            auto *child = new QProcess(this);
            child->start(QStringLiteral(SYNCDEVICE_PATH),
                         {path(), (i % 2 ? second.url() : m_server->url()).toString(), "ana",
                          kPassword, "--loop", "15"});
            children.append(child);
        }
        for (QProcess *child : children) {
            QVERIFY(child->waitForFinished(120000));
            QCOMPARE(child->exitCode(), 0);
            delete child;
        }
        // The sequence stayed unique across processes, and every tablet converges.
        auto db = ServerDatabase::open(m_server->db());
        QCOMPARE(db->scalar("SELECT count(*) FROM record").toLongLong(),
                 db->scalar("SELECT count(DISTINCT seq) FROM record").toLongLong());
        QCOMPARE(db->scalar("SELECT max(seq) FROM record").toLongLong(),
                 db->scalar("SELECT value FROM counter WHERE name = 'seq'").toLongLong());
        syncAll();
        expectConverged();
        QCOMPARE(m_a->all("client").size(), 5); // Maria and one client per looping tablet
    }
};

QTEST_GUILESS_MAIN(TestSyncIntegration)
#include "tst_syncintegration.moc"
