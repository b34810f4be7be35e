// Access and bad input over real HTTP against the real server process: who may read and
// write what, and that every malformed request gets a clear 4xx with an error body and
// leaves the database unchanged. Runs on SQLite and (tst_serveraccess_pg) PostgreSQL.
#include "gzip.h"
#include "serverfixture.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace careround;
using namespace careround::test;

namespace {

/** A raw HTTP request, for bodies no well-behaved client would send. */
SyncResponse raw(const QUrl &base, const QByteArray &method, const QString &path,
                 const QByteArray &body, const QByteArray &token,
                 const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkAccessManager nam;
    QUrl url = base;
    url.setPath(path.section('?', 0, 0));
    url.setQuery(path.section('?', 1));
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    for (const auto &[k, v] : headers)
        req.setRawHeader(k, v);
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    SyncResponse r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return r;
}

} // namespace

class TestServerAccess : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<TestDevice> m_ana, m_ben, m_sam;
    QString m_anaClient, m_benClient;
    int m_n = 0;
    QString path() { return m_dir.filePath(QStringLiteral("d%1.db").arg(++m_n)); }

    QJsonObject change(qint64 seq, const QString &entity, const QString &id,
                       const QJsonObject &values)
    {
        return Protocol::encodeChange(
            seq, entity, id, Hlc::fromParts(quint64(QDateTime::currentMSecsSinceEpoch()), 0),
            values, {});
    }
    void expectRefused(const SyncResponse &r, int status, const QString &code = {})
    {
        QCOMPARE(r.status, status);
        QVERIFY2(!r.body.value("error").toString().isEmpty(), "no error code in the body");
        QVERIFY2(!r.body.value("message").toString().isEmpty(), "no message in the body");
        if (!code.isEmpty())
            QCOMPARE(r.body.value("error").toString(), code);
    }
    /** A push answered 200 whose one change was refused alone, with this reason. */
    void expectChangeRefused(const SyncResponse &r, const QString &reason, int index = 0)
    {
        QCOMPARE(r.status, 200);
        const QJsonObject result = r.body.value("results").toArray().at(index).toObject();
        QCOMPARE(result.value("status").toString(), QStringLiteral("refused"));
        QCOMPARE(result.value("reason").toString(), reason);
        QVERIFY2(!result.value("message").toString().isEmpty(), "no message for people");
    }

private slots:
    void initTestCase()
    {
        qInfo("server database: %s", usePostgres() ? "PostgreSQL" : "SQLite");
        m_server = std::make_unique<ServerProcess>(freshServerDb(m_dir));
        m_server->admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        m_server->admin({"create-account", "ben", "Ben Okafor", "coordinator"});
        m_server->admin({"create-account", "sam", "Sam Lee", "supervisor"});
        QVERIFY(m_server->start());
        m_ana = std::make_unique<TestDevice>(path(), m_server->url(), "ana");
        m_ben = std::make_unique<TestDevice>(path(), m_server->url(), "ben");
        m_sam = std::make_unique<TestDevice>(path(), m_server->url(), "sam");
        m_anaClient = m_ana->editor->create("client", {{"firstName", "Ana's"},
                                                       {"lastName", "Client"},
                                                       {"status", "active"},
                                                       {"coordinatorId", m_ana->accountId}});
        m_ana->editor->create("followUp", {{"clientId", m_anaClient},
                                           {"description", "Private to Ana"},
                                           {"dueOn", "2026-12-01"},
                                           {"status", "open"}});
        m_benClient = m_ben->editor->create("client", {{"firstName", "Ben's"},
                                                       {"lastName", "Client"},
                                                       {"status", "active"},
                                                       {"coordinatorId", m_ben->accountId}});
        m_ben->editor->create("provider", {{"name", "Meals on Wheels"}, {"status", "active"}});
        QVERIFY(m_ana->sync().ok());
        QVERIFY(m_ben->sync().ok());
        QVERIFY(m_sam->sync().ok());
        QVERIFY(m_ana->sync().ok());
    }
    void cleanupTestCase()
    {
        m_ana.reset();
        m_ben.reset();
        m_sam.reset();
        m_server.reset();
    }

    void noTokenOrAWrongTokenIsRefused()
    {
        expectRefused(raw(m_server->url(), "GET", "/v1/sync/pull?cursor=0", {}, {}), 401,
                      "unauthenticated");
        expectRefused(
            raw(m_server->url(), "GET", "/v1/sync/pull?cursor=0", {}, "not-a-real-token-at-all"),
            401, "unauthenticated");
        expectRefused(raw(m_server->url(), "POST", "/v1/sync/push", "{\"changes\":[]}", {}), 401);
        expectRefused(
            raw(m_server->url(), "POST", "/v1/enroll",
                R"({"login":"ana","password":"wrong-password","deviceId":"0190a000-0000-7000-8000-000000000009"})",
                {}),
            401);
    }

    void eachCoordinatorSeesOnlyTheirCaseloadAndTheDirectory()
    {
        QVERIFY(m_ana->find("client", m_anaClient).has_value());
        QVERIFY(!m_ana->find("client", m_benClient).has_value());
        QVERIFY(m_ben->find("client", m_benClient).has_value());
        QVERIFY(!m_ben->find("client", m_anaClient).has_value());
        for (const Record &f : m_ben->all("followUp"))
            QVERIFY(f.values.value("clientId").toString() != m_anaClient);
        // The shared resource directory reaches everyone.
        QCOMPARE(m_ana->all("provider").size(), 1);
        // The supervisor sees the agency.
        QVERIFY(m_sam->find("client", m_anaClient).has_value());
        QVERIFY(m_sam->find("client", m_benClient).has_value());
        QCOMPARE(m_sam->all("followUp").size(), 1);
    }

    void anotherCoordinatorsClientCannotBeReadOrWritten()
    {
        // Another tablet of Ben's sends by hand (the raw pushes use up its deviceSeqs).
        TestDevice other(path(), m_server->url(), "ben");
        HttpSyncTransport ben(m_server->url(), other.token);
        expectRefused(ben.get("/v1/sync/pull?cursor=0&client=" + m_anaClient), 403, "forbidden");
        const auto before = serverCounts(m_server->db());
        const qint64 next = 1;
        // Each forbidden change is refused alone (kept for review): it changes no record.
        expectChangeRefused(
            ben.post("/v1/sync/push", {{"changes", QJsonArray{change(next, "client", m_anaClient,
                                                                     {{"notes", "sneaky"}})}}}),
            "forbidden");
        expectChangeRefused(
            ben.post("/v1/sync/push",
                     {{"changes", QJsonArray{change(next + 1, "followUp", newUuid7(),
                                                    {{"clientId", m_anaClient},
                                                     {"description", "x"},
                                                     {"dueOn", "2026-12-01"},
                                                     {"status", "open"}})}}}),
            "forbidden");
        // Nor can a coordinator take a client onto their caseload.
        expectChangeRefused(
            ben.post("/v1/sync/push",
                     {{"changes", QJsonArray{change(next + 2, "client", m_anaClient,
                                                    {{"coordinatorId", m_ben->accountId}})}}}),
            "forbidden");
        QCOMPARE(serverCounts(m_server->db()), before);
        // And the conflicts list is scoped like everything else.
        const SyncResponse conflicts = ben.get("/v1/conflicts");
        QCOMPARE(conflicts.status, 200);
        for (const auto &c : conflicts.body.value("conflicts").toArray())
            QVERIFY(c.toObject().value("values").toObject().value("clientId").toString() !=
                    m_anaClient);
    }

    void aSupervisorMayWriteAnywhere()
    {
        m_sam->editor->update("client", m_benClient, {{"notes", "Reviewed by the office"}});
        QVERIFY(m_sam->sync().ok());
        QVERIFY(m_ben->sync().ok());
        QCOMPARE(m_ben->find("client", m_benClient)->values.value("notes").toString(),
                 QStringLiteral("Reviewed by the office"));
    }

    // A change with a readable deviceSeq is decided alone (200, a result per change): here
    // deviceSeq 1 of Ana's tablet was applied long ago, so whatever it says now is a
    // duplicate and stores nothing (aBadChangeIsRefusedAloneAndKeptForReview sends fresh ones).
    void badInputIsRefusedAndStoresNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        const QByteArray bigString =
            "{\"changes\":[{\"deviceSeq\":1,\"entity\":\"client\",\"id\":\"0190a000-0000-7000-8000-"
            "000000000001\",\"hlc\":\"0190a00000000000\",\"values\":{\"notes\":\"" +
            QByteArray(200000, 'x') + "\"}}]}";
        QByteArray nested;
        for (int i = 0; i < 5000; ++i)
            nested += "{\"a\":";
        nested += "1" + QByteArray(5000, '}');
        QTest::newRow("malformed JSON")
            << QByteArray("POST") << "/v1/sync/push" << QByteArray("{\"changes\": [") << 400;
        QTest::newRow("not an object")
            << QByteArray("POST") << "/v1/sync/push" << QByteArray("[1,2,3]") << 400;
        QTest::newRow("deeply nested") << QByteArray("POST") << "/v1/sync/push" << nested << 400;
        QTest::newRow("invalid UTF-8") << QByteArray("POST") << "/v1/sync/push"
                                       << QByteArray("{\"changes\":[{\"entity\":\"cl\xff\xfe"
                                                     "ent\"}]}")
                                       << 400;
        QTest::newRow("changes not an array")
            << QByteArray("POST") << "/v1/sync/push" << QByteArray("{\"changes\":42}") << 400;
        QTest::newRow("wrong type")
            << QByteArray("POST") << "/v1/sync/push"
            << QByteArray("{\"changes\":[{\"deviceSeq\":\"one\",\"entity\":\"client\"}]}") << 400;
        QTest::newRow("wrong field type")
            << QByteArray("POST") << "/v1/sync/push"
            << QByteArray("{\"changes\":[{\"deviceSeq\":1,\"entity\":\"client\",\"id\":\"0190a000-"
                          "0000-7000-8000-000000000001\",\"hlc\":\"0190a00000000000\",\"values\":{"
                          "\"firstName\":42}}]}")
            << 200;
        QTest::newRow("unknown entity")
            << QByteArray("POST") << "/v1/sync/push"
            << QByteArray(
                   "{\"changes\":[{\"deviceSeq\":1,\"entity\":\"spaceship\",\"id\":\"0190a000-0000-"
                   "7000-8000-000000000001\",\"hlc\":\"0190a00000000000\",\"values\":{\"a\":1}}]}")
            << 200;
        QTest::newRow("unknown field")
            << QByteArray("POST") << "/v1/sync/push"
            << QByteArray("{\"changes\":[{\"deviceSeq\":1,\"entity\":\"client\",\"id\":\"0190a000-"
                          "0000-7000-8000-000000000001\",\"hlc\":\"0190a00000000000\",\"values\":{"
                          "\"favouriteColour\":\"blue\"}}]}")
            << 200;
        QTest::newRow("SQL in an id")
            << QByteArray("POST") << "/v1/sync/push"
            << QByteArray(
                   "{\"changes\":[{\"deviceSeq\":1,\"entity\":\"client\",\"id\":\"x'); DROP TABLE "
                   "record; --\",\"hlc\":\"0190a00000000000\",\"values\":{\"notes\":\"a\"}}]}")
            << 200;
        QTest::newRow("huge string") << QByteArray("POST") << "/v1/sync/push" << bigString << 200;
        QTest::newRow("huge number") << QByteArray("POST") << "/v1/sync/push"
                                     << QByteArray("{\"changes\":[{\"deviceSeq\":1e400}]}") << 400;
        QTest::newRow("oversized body") << QByteArray("POST") << "/v1/sync/push"
                                        << QByteArray(qsizetype(9) * 1024 * 1024, ' ') << 413;
        QTest::newRow("stale cursor")
            << QByteArray("GET") << "/v1/sync/pull?cursor=999999999" << QByteArray() << 409;
        QTest::newRow("negative cursor")
            << QByteArray("GET") << "/v1/sync/pull?cursor=-5" << QByteArray() << 400;
        QTest::newRow("limit too large")
            << QByteArray("GET") << "/v1/sync/pull?cursor=0&limit=100000" << QByteArray() << 400;
        QTest::newRow("raw NUL in a string")
            << QByteArray("POST") << "/v1/sync/push"
            << QByteArray("{\"changes\":[],\"x\":\"a\0b\"}", 22) << 400;
        QTest::newRow("raw U+0001 in a string")
            << QByteArray("POST") << "/v1/sync/push"
            << QByteArray("{\"changes\":[],\"x\":\"a\x01\"}") << 400;
        // A loose stamp in a change with a readable deviceSeq is that change's refusal (issue
        // 11: per change, 200), not the push's 400; deviceSeq 1 is long applied here, so it is
        // a duplicate. looseStampsAreRefusedChangeByChange sends them as new changes. A raw tab
        // inside the string is the body's fault (RFC 8259): 400 malformed_json for the push.
        for (const char *hlc : {"0x01936d2a4b0000", "0X01936d2a4b0000", "+001936d2a4b0000",
                                " 001936d2a4b0000", "001936d2a4b0000\t", "0190A00000000000"})
            QTest::newRow(qPrintable(QStringLiteral("loose hlc '%1'").arg(hlc)))
                << QByteArray("POST") << "/v1/sync/push"
                << QByteArray(
                       "{\"changes\":[{\"deviceSeq\":1,\"entity\":\"client\",\"id\":\"0190a000-"
                       "0000-7000-8000-000000000001\",\"hlc\":\"") +
                       hlc + "\",\"values\":{\"notes\":\"a\"}}]}"
                << (QByteArray(hlc).contains('\t') ? 400 : 200);
        QTest::newRow("loose base stamp")
            << QByteArray("POST") << "/v1/sync/push"
            << QByteArray("{\"changes\":[{\"deviceSeq\":1,\"entity\":\"client\",\"id\":\"0190a000-"
                          "0000-7000-8000-000000000001\",\"hlc\":\"0190a00000000000\",\"values\":{"
                          "\"notes\":\"a\"},\"bases\":{\"notes\":\"0x190a00000000000@d\"}}]}")
            << 200;
        QTest::newRow("cursor with a space")
            << QByteArray("GET") << "/v1/sync/pull?cursor=%200" << QByteArray() << 400;
        QTest::newRow("cursor with a plus")
            << QByteArray("GET") << "/v1/sync/pull?cursor=%2B0" << QByteArray() << 400;
        QTest::newRow("cursor given twice")
            << QByteArray("GET") << "/v1/sync/pull?cursor=0&cursor=5" << QByteArray() << 400;
        QTest::newRow("limit with a space")
            << QByteArray("GET") << "/v1/sync/pull?cursor=0&limit=%2010" << QByteArray() << 400;
        QTest::newRow("empty client")
            << QByteArray("GET") << "/v1/sync/pull?cursor=0&client=" << QByteArray() << 400;
        QTest::newRow("hello cursor not a whole number")
            << QByteArray("POST") << "/v1/sync/hello" << QByteArray("{\"cursor\":1e300}") << 400;
        // PostgreSQL cannot hold U+0000 in text: refused before any store sees it.
        QTest::newRow("U+0000 in a device label")
            << QByteArray("POST") << "/v1/enroll"
            << QByteArray("{\"login\":\"ana\",\"password\":\"") + kPassword.toUtf8() +
                   "\",\"deviceId\":\"0190a000-0000-7000-8000-0000000000aa\","
                   "\"label\":\"tablet\\u0000\"}"
            << 400;
        QTest::newRow("U+0000 in a value")
            << QByteArray("POST") << "/v1/sync/push"
            << QByteArray("{\"changes\":[{\"deviceSeq\":1,\"entity\":\"client\",\"id\":"
                          "\"0190a000-0000-7000-8000-000000000001\",\"hlc\":"
                          "\"0190a00000000000\",\"values\":{\"notes\":\"a\\u0000\"}}]}")
            << 400;
        QTest::newRow("wrong method")
            << QByteArray("GET") << "/v1/sync/push" << QByteArray() << 405;
        QTest::newRow("no such endpoint")
            << QByteArray("GET") << "/v1/nothing" << QByteArray() << 404;
    }
    void badInputIsRefusedAndStoresNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto before = serverCounts(m_server->db());
        const SyncResponse r = raw(m_server->url(), method, path, body, m_ana->token);
        if (status == 200) {
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body.value("results").toArray().at(0).toObject().value("status").toString(),
                     QStringLiteral("duplicate"));
        } else {
            expectRefused(r, status);
        }
        QCOMPARE(serverCounts(m_server->db()), before);
    }

    // Issue 11 (section 2): an hlc of "0x...", "+...", " ...", upper case, and a base stamp
    // alike, was read as another time and stored. Each is now refused, and (section 1) refused
    // alone: the push is answered 200, the change gets status refused, reason invalid_change,
    // and nothing is stored; the change after them applies.
    void looseStampsAreRefusedChangeByChange()
    {
        TestDevice other(path(), m_server->url(), "ana"); // fresh deviceSeqs
        HttpSyncTransport ana(m_server->url(), other.token);
        QJsonArray changes;
        QStringList ids;
        for (const char *hlc : {"0x01936d2a4b0000", "0X01936d2a4b0000", "+001936d2a4b0000",
                                " 001936d2a4b0000", "001936d2a4b0000\t", "0190A00000000000"}) {
            QJsonObject c = change(changes.size() + 1, "contact", newUuid7(),
                                   {{"clientId", m_anaClient}, {"name", "loose"}});
            c.insert("hlc", hlc);
            changes.append(c);
        }
        QJsonObject looseBase = change(changes.size() + 1, "contact", newUuid7(),
                                       {{"clientId", m_anaClient}, {"name", "loose"}});
        looseBase.insert("bases", QJsonObject{{"name", "0x190a00000000000@d"}});
        changes.append(looseBase);
        const QString fine = newUuid7();
        changes.append(change(changes.size() + 1, "contact", fine,
                              {{"clientId", m_anaClient}, {"name", "fine"}}));
        const auto before = serverCounts(m_server->db());
        const SyncResponse r = ana.post("/v1/sync/push", {{"changes", changes}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value("appliedThrough").toInteger(), qint64(changes.size()));
        for (int i = 0; i < changes.size() - 1; ++i)
            expectChangeRefused(r, "invalid_change", i);
        QCOMPARE(r.body.value("results").toArray().last().toObject().value("status").toString(),
                 QStringLiteral("applied"));
        // Only the fine contact is stored (one record, one seq).
        QCOMPARE(serverCounts(m_server->db()), qMakePair(before.first + 1, before.second + 1));
        QVERIFY(serverSnapshot(m_server->db()).contains("contact/" + fine));
    }

    // "Bearer" with two spaces was trimmed and accepted. (Whitespace after the token is
    // dropped by HTTP itself, as optional whitespace of a header value: tst_hostileinput
    // checks that the token check refuses it when it does arrive.)
    void aTokenIsExactlyBearerSpaceToken()
    {
        const QByteArray t = m_ana->token;
        for (const QByteArray &header : {"Bearer  " + t, "bearer " + t, "Bearer\t" + t,
                                         "Bearer " + t + "\x01", "Bearer " + t + " x"}) {
            const SyncResponse r = raw(m_server->url(), "GET", "/v1/sync/pull?cursor=0", {}, {},
                                       {{"Authorization", header}});
            QVERIFY2(r.status == 401 || r.status == 400, qPrintable(QString::fromLatin1(header)));
        }
        QCOMPARE(raw(m_server->url(), "GET", "/v1/sync/pull?cursor=0", {}, {},
                     {{"Authorization", "Bearer " + t}})
                     .status,
                 200);
    }

    void aBatchOverTheLimitIsRefused()
    {
        QJsonArray changes;
        TestDevice other(path(), m_server->url(), "ana"); // its deviceSeqs, not m_ana's
        const qint64 next = 1;
        for (int i = 0; i < ProtocolLimits::kMaxChangesPerPush + 1; ++i)
            changes.append(change(next + i, "contact", newUuid7(),
                                  {{"clientId", m_anaClient}, {"name", "x"}}));
        const auto before = serverCounts(m_server->db());
        HttpSyncTransport ana(m_server->url(), other.token);
        expectRefused(ana.post("/v1/sync/push", {{"changes", changes}}), 413, "batch_too_large");
        // A change without a readable deviceSeq, or out of order, refuses the batch whole.
        QJsonObject noSeq = change(next, "contact", newUuid7(), {{"name", "x"}});
        noSeq.remove("deviceSeq");
        expectRefused(ana.post("/v1/sync/push", {{"changes", QJsonArray{noSeq}}}), 400,
                      "invalid_change");
        expectRefused(ana.post("/v1/sync/push",
                               {{"changes", QJsonArray{change(next + 1, "contact", newUuid7(), {}),
                                                       change(next, "contact", newUuid7(), {})}}}),
                      400, "invalid_change");
        // A batch that skips ahead of what the server has is refused too.
        expectRefused(
            ana.post("/v1/sync/push",
                     {{"changes", QJsonArray{change(next + 50, "contact", newUuid7(),
                                                    {{"clientId", m_anaClient}, {"name", "x"}})}}}),
            409, "sequence_gap");
        // A gzip bomb inflating past the limit.
        const QByteArray bomb = Gzip::compress(
            "{\"changes\":[],\"pad\":\"" + QByteArray(qsizetype(20) * 1024 * 1024, 'a') + "\"}");
        expectRefused(raw(m_server->url(), "POST", "/v1/sync/push", bomb, m_ana->token,
                          {{"Content-Encoding", "gzip"}}),
                      400, "bad_encoding");
        QCOMPARE(serverCounts(m_server->db()), before);
    }

    void anotherDevicesTokenSpeaksOnlyForItsOwnAccount()
    {
        // Ben's token cannot be used to say hello as Ana's device or to pull Ana's client.
        HttpSyncTransport ben(m_server->url(), m_ben->token);
        const SyncResponse hello =
            ben.post("/v1/sync/hello", {{"deviceId", m_ana->store->deviceId()}});
        QCOMPARE(hello.status, 200);
        QVERIFY(!hello.body.value("caseload").toArray().contains(m_anaClient));
    }

    void aRevokedDeviceIsToldAndWipesItself()
    {
        TestDevice lost(path(), m_server->url(), "ana");
        QVERIFY(lost.sync().ok());
        QVERIFY(lost.find("client", m_anaClient).has_value());
        lost.editor->update("client", m_anaClient, {{"notes", "made on the lost tablet"}});
        QCOMPARE(m_server->admin({"revoke-device", lost.store->deviceId()}),
                 QStringLiteral("revoked"));
        QVERIFY(
            m_server->admin({"list-devices"}).contains(lost.store->deviceId() + "\tana\trevoked"));
        const SyncOutcome outcome = lost.sync();
        QCOMPARE(outcome.state, SyncOutcome::State::Revoked);
        QVERIFY(outcome.message.contains("revoked"));
        QVERIFY(!lost.find("client", m_anaClient).has_value());
        QCOMPARE(lost.store->outbox().count(), 0);
        for (const EntityDef &def : Schema::instance().entities())
            if (def.name != QLatin1String("auditEvent"))
                QCOMPARE(lost.store->records().count(def), 0);
        const QVector<Record> audit = lost.all("auditEvent");
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.first().values.value("action").toString(), QStringLiteral("store_wiped"));
        expectRefused(HttpSyncTransport(m_server->url(), lost.token).get("/v1/sync/pull?cursor=0"),
                      403, "device_revoked");
    }

    void aClientMovedToAnotherCaseloadLeavesTheOldTabletAfterItsEditsArrive()
    {
        const QString moving =
            m_ana->editor->create("client", {{"firstName", "Moving"},
                                             {"lastName", "Client"},
                                             {"status", "active"},
                                             {"coordinatorId", m_ana->accountId}});
        m_ana->editor->create("contact", {{"clientId", moving}, {"name", "Daughter"}});
        QVERIFY(m_ana->sync().ok());
        QVERIFY(m_ben->sync().ok()); // Ben's cursor is now past the contact's sequence
        m_ana->editor->update("client", moving, {{"notes", "edited offline before the move"}});
        QCOMPARE(m_server->admin({"assign-client", moving, "ben"}), QStringLiteral("assigned"));
        QVERIFY(m_ana->sync().ok());
        QVERIFY(!m_ana->find("client", moving).has_value());
        const auto ofMoving = [&](const Record &r) {
            return r.values.value("clientId").toString() == moving;
        };
        const QVector<Record> anaContacts = m_ana->all("contact");
        QVERIFY(std::none_of(anaContacts.begin(), anaContacts.end(), ofMoving));
        QVERIFY(m_ben->sync().ok());
        const auto there = m_ben->find("client", moving);
        QVERIFY(there.has_value());
        QCOMPARE(there->values.value("notes").toString(),
                 QStringLiteral("edited offline before the move"));
        const QVector<Record> benContacts = m_ben->all("contact");
        QCOMPARE(std::count_if(benContacts.begin(), benContacts.end(), ofMoving), 1);
        // Ana's edits from after the move are refused (kept for review): only older ones are
        // merged. (Another tablet of Ana's sends it: it uses up a deviceSeq.)
        TestDevice other(path(), m_server->url(), "ana");
        HttpSyncTransport ana(m_server->url(), other.token);
        const SyncResponse late = ana.post(
            "/v1/sync/push",
            {{"changes", QJsonArray{change(1, "client", moving, {{"notes", "too late"}})}}});
        expectChangeRefused(late, "client_moved");
    }

    void signInAttemptsAreRateLimitedAndAudited()
    {
        m_server->admin({"create-account", "rita", "Rita Moreno", "coordinator"});
        const auto attempt = [&](const QString &password) {
            HttpSyncTransport anonymous(m_server->url(), {});
            return anonymous.post(
                "/v1/enroll",
                {{"login", "rita"}, {"password", password}, {"deviceId", newUuid7()}});
        };
        for (int i = 0; i < 5; ++i)
            expectRefused(attempt("not-her-password"), 401, "enrol_failed");
        // Now even the right password waits, with a clear reply.
        const SyncResponse limited = attempt(kPassword);
        expectRefused(limited, 429, "too_many_attempts");
        QVERIFY(limited.body.value("message").toString().contains("Try again in"));
        QVERIFY(limited.body.value("retryAfterSeconds").toDouble() > 0);
        // Bad tokens from one address do not lock out the valid tokens there.
        for (int i = 0; i < 35; ++i)
            raw(m_server->url(), "GET", "/v1/sync/pull?cursor=0", {},
                "a-wrong-token-from-the-office");
        expectRefused(raw(m_server->url(), "GET", "/v1/sync/pull?cursor=0", {},
                          "a-wrong-token-from-the-office"),
                      429, "too_many_attempts");
        QCOMPARE(HttpSyncTransport(m_server->url(), m_ana->token)
                     .get("/v1/sync/pull?cursor=0&limit=1")
                     .status,
                 200);
        // Security events are in the server's audit log, without passwords.
        auto db = ServerDatabase::open(m_server->db());
        QCOMPARE(
            db->scalar(
                  "SELECT count(*) FROM audit WHERE action = 'login_failed' AND actor = 'rita'")
                .toInt(),
            5);
        QVERIFY(db->scalar("SELECT count(*) FROM audit WHERE action = 'device_enrolled'").toInt() >=
                3);
        QVERIFY(db->scalar("SELECT count(*) FROM audit WHERE action = 'device_revoked'").toInt() >=
                1);
        QCOMPARE(
            db->scalar("SELECT count(*) FROM audit WHERE detail LIKE '%not-her-password%'").toInt(),
            0);
    }

    void aBadChangeIsRefusedAloneAndKeptForReview()
    {
        TestDevice other(path(), m_server->url(), "ana");
        HttpSyncTransport ana(m_server->url(), other.token);
        const QString fine = newUuid7();
        const QString later = newUuid7();
        QJsonObject badHlc = change(3, "contact", newUuid7(), {{"clientId", m_anaClient}});
        badHlc.insert("hlc", "not-a-stamp");
        const QJsonArray mixed{
            change(1, "contact", fine, {{"clientId", m_anaClient}, {"name", "fine"}}),
            change(2, "contact", newUuid7(), {{"clientId", m_anaClient}, {"name", 7}}),
            badHlc,
            change(4, "spaceship", newUuid7(), {{"a", 1}}),
            change(5, "client", m_anaClient, {{"favouriteColour", "blue"}}),
            change(6, "contact", later, {{"clientId", m_anaClient}, {"name", "after them"}})};
        const SyncResponse r = ana.post("/v1/sync/push", {{"changes", mixed}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value("appliedThrough").toInteger(), qint64(6));
        QCOMPARE(r.body.value("results").toArray().size(), 6);
        QCOMPARE(r.body.value("results").toArray().at(0).toObject().value("status").toString(),
                 QStringLiteral("applied"));
        expectChangeRefused(r, "invalid_change", 1);
        expectChangeRefused(r, "invalid_change", 2);
        expectChangeRefused(r, "unknown_entity", 3);
        expectChangeRefused(r, "invalid_change", 4);
        QCOMPARE(r.body.value("results").toArray().at(5).toObject().value("status").toString(),
                 QStringLiteral("applied"));
        // A refused new record says so (the tablet then drops its copy).
        QVERIFY(r.body.value("results").toArray().at(1).toObject().value("newRecord").toBool());
        QVERIFY(!r.body.value("results").toArray().at(4).toObject().contains("newRecord"));
        const auto server = serverSnapshot(m_server->db());
        QVERIFY(server.contains("contact/" + fine));
        QVERIFY(server.contains("contact/" + later));
        // The refused ones are kept whole, once each, for the supervisors.
        HttpSyncTransport sam(m_server->url(), m_sam->token);
        const SyncResponse review = sam.get("/v1/review?limit=500");
        QCOMPARE(review.status, 200);
        int mine = 0;
        for (const auto &v : review.body.value("refused").toArray()) {
            const QJsonObject c = v.toObject();
            if (c.value("deviceId").toString() != other.store->deviceId())
                continue;
            ++mine;
            QCOMPARE(c.value("authorId").toString(), m_ana->accountId);
            QCOMPARE(c.value("change").toObject(),
                     mixed.at(int(c.value("deviceSeq").toInteger()) - 1).toObject());
        }
        QCOMPARE(mine, 4);
        // Sent again (its reply lost): the same answers, and no second review entry.
        const SyncResponse again = ana.post("/v1/sync/push", {{"changes", mixed}});
        QCOMPARE(again.status, 200);
        for (int i : {1, 2, 3, 4})
            QCOMPARE(again.body.value("results").toArray().at(i).toObject(),
                     r.body.value("results").toArray().at(i).toObject());
        QCOMPARE(again.body.value("results").toArray().at(0).toObject().value("status").toString(),
                 QStringLiteral("duplicate"));
        QCOMPARE(sam.get("/v1/review?limit=500").body.value("open").toInteger(),
                 review.body.value("open").toInteger());
        // Coordinators may not see or settle the review store.
        expectRefused(ana.get("/v1/review"), 403, "forbidden");
        expectRefused(ana.post("/v1/review/settle", {{"id", newUuid7()}, {"action", "apply"}}), 403,
                      "forbidden");
        QCOMPARE(sam.post("/v1/sync/hello", {}).body.value("review").toInteger(),
                 review.body.value("open").toInteger());
        QVERIFY(!ana.post("/v1/sync/hello", {}).body.contains("review"));
    }

    void aNewerAppMayCreateRecordsWithFieldsThisServerDoesNotKnow()
    {
        HttpSyncTransport ana(m_server->url(), m_ana->token);
        const QString id = newUuid7();
        const qint64 next = m_ana->store->outbox().lastSeq() + 1;
        const QJsonObject body{
            {"schemaVersion", 99},
            {"changes", QJsonArray{change(next, "contact", id,
                                          {{"clientId", m_anaClient},
                                           {"name", "Neighbour"},
                                           {"preferredContactTime", "evenings"}})}}};
        QCOMPARE(ana.post("/v1/sync/push", body).status, 200);
        QCOMPARE(serverSnapshot(m_server->db())
                     .value("contact/" + id)
                     .value("preferredContactTime")
                     .toString(),
                 QStringLiteral("evenings"));
        // (This used a deviceSeq of Ana's tablet; Ana's tablet makes no edit after this test.)
    }

    // Docs section 3 said a supervisor only, section 4 any account, and the server let a
    // coordinator: a conflict about a record of no client (the shared directory) is the
    // supervisors'. Coordinators are not sent it, and cannot settle it; a supervisor can.
    void aConflictAboutTheSharedDirectoryIsSettledByASupervisor()
    {
        const QString provider = m_ben->editor->create(
            "provider", {{"name", "Sunrise Transport"}, {"status", "active"}});
        QVERIFY(m_ben->sync().ok());
        QVERIFY(m_sam->sync().ok());
        m_ben->editor->update("provider", provider, {{"phone", "555-7000"}});
        m_sam->editor->update("provider", provider, {{"phone", "555-8000"}});
        QVERIFY(m_ben->sync().ok());
        QVERIFY(m_sam->sync().ok());
        QVERIFY(m_ben->sync().ok());
        const auto about = [&](const Record &c) {
            return c.values.value("recordId").toString() == provider;
        };
        const QVector<Record> benSees = m_ben->all("conflict");
        QVERIFY(std::none_of(benSees.begin(), benSees.end(), about));
        const QVector<Record> samSees = m_sam->all("conflict");
        const auto it = std::find_if(samSees.begin(), samSees.end(), about);
        QVERIFY(it != samSees.end());
        HttpSyncTransport ben(m_server->url(), m_ben->token);
        const QJsonArray listed = ben.get("/v1/conflicts").body.value("conflicts").toArray();
        QVERIFY(std::none_of(listed.begin(), listed.end(), [&](const QJsonValue &c) {
            return c.toObject().value("values").toObject().value("recordId").toString() == provider;
        }));
        // Ben's device pushes a resolution anyway: refused, nothing stored.
        const qint64 next =
            qint64(ben.post("/v1/sync/hello", {}).body.value("lastDeviceSeq").toDouble()) + 1;
        const auto before = serverCounts(m_server->db());
        const SyncResponse refused = ben.post(
            "/v1/sync/push",
            QJsonObject{
                {"changes", QJsonArray{Protocol::encodeChange(
                                next, "conflict", it->id,
                                Hlc::fromParts(quint64(QDateTime::currentMSecsSinceEpoch()), 0),
                                {{"status", "resolved"}, {"resolvedBy", m_ben->accountId}}, {})}}});
        QVERIFY2(refused.status == 403 ||
                     refused.body.value("results").toArray().first().toObject().value("status") ==
                         QLatin1String("refused"),
                 qPrintable(QString::number(refused.status)));
        QCOMPARE(serverCounts(m_server->db()), before);
        m_sam->editor->update("conflict", it->id,
                              {{"status", "resolved"}, {"resolvedBy", m_sam->accountId}});
        const SyncOutcome resolved = m_sam->sync();
        QVERIFY2(resolved.ok(), qPrintable(resolved.message));
    }
};

QTEST_GUILESS_MAIN(TestServerAccess)
#include "tst_serveraccess.moc"
