// The office console's server side in the server's own parts (AgencyServer over a fresh
// SQLite or, as tst_office_pg, PostgreSQL database) with a clock the test moves: sessions
// (cookie token, CSRF, idle timeout, sign-out), sign-in rate limits, deactivation and password
// resets, the one path of office changes (validation, access, merge against the bases, history,
// all or nothing, a death before the commit), and the chart's signature check. The browser
// test (tests/office/office_console_test.py) drives the same API through the real process.
#include "agencyserver.h"
#include "demoagency.h"
#include "protocol.h"
#include "serverfixture.h"

using namespace careround;
using namespace careround::test;

namespace {

const QString kPw = QStringLiteral("office-password");

/** The cookie token of a sign-in reply. */
QByteArray tokenOf(const ServiceReply &reply)
{
    return OfficeSessions::tokenFromCookies(reply.cookie);
}

} // namespace

class TestOffice : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<AgencyServer> m_server;
    qint64 m_now = 1796000000000; // 2026-11-30
    QString m_renee, m_ana, m_ben;

    AgencyServer &server() { return *m_server; }

    Caller signedIn(const QString &login)
    {
        const ServiceReply r =
            server().sessions.signIn(QJsonObject{{"login", login}, {"password", kPw}}, "10.0.0.1");
        Caller c;
        const auto refused = server().sessions.resume(tokenOf(r), {}, false, c);
        if (refused)
            qWarning("sign-in of %s: %d", qPrintable(login), refused->status);
        return c;
    }

    /** A tablet of the account: enrolled, and its caller as authenticate gives it. */
    Caller tablet(const QString &login, QByteArray *token = nullptr)
    {
        const QString t = server().accounts.enrollDevice(login, kPw, newUuid7(), "tablet");
        Caller c;
        server().accounts.authenticate("Bearer " + t.toLatin1(), c);
        if (token)
            *token = t.toLatin1();
        return c;
    }

    /** The demo agency's clients and records; its staff are renee (supervisor) and ana. */
    void seedDemo(int clients)
    {
        DemoAgency::Options options;
        options.clientCount = clients;
        DemoAgency::generate(
            [&](const QString &entity, const QJsonObject &values) {
                if (entity == QLatin1String("coordinator"))
                    return values.value("role").toString() == QLatin1String("supervisor") ? m_renee
                                                                                          : m_ana;
                return server().records.createRecord(entity, values);
            },
            options);
    }

    /** An office edit of a record (the supervisor's), based on all that is stored now. */
    void officeEdit(const QString &entity, const QString &id, const QJsonObject &values)
    {
        const auto current = server().store.load(*Schema::instance().entity(entity), id);
        QVERIFY(current.has_value());
        const ServiceReply r = server().sync.applyOffice(
            signedIn("renee"), {Edit{entity, id, values, {}, current->stamps}});
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.value("results").toArray().first().toObject().value("status") == "applied",
                 QJsonDocument(r.body).toJson().constData());
    }

    /** What the views answer is what the store reads, for each query and scope. */
    void viewsAnswerAsTheStore(const QVector<ServerStore::FieldQuery> &queries,
                               const QVector<ReadScope> &scopes)
    {
        for (const ServerStore::FieldQuery &q : queries) {
            for (const ReadScope &scope : scopes) {
                ServerTransaction tx = server().store.transaction(ServerTransaction::Read);
                const QVector<RecordFields> held = server().views.fieldsOf(q, scope);
                const QVector<RecordFields> stored = server().store.fieldsOf(q, scope);
                QVERIFY2(held.size() == stored.size(),
                         qPrintable(QStringLiteral("%1 %2: %3 held, %4 stored")
                                        .arg(q.entity, scope.coordinatorId)
                                        .arg(held.size())
                                        .arg(stored.size())));
                for (qsizetype i = 0; i < held.size(); ++i) {
                    QCOMPARE(held[i].id, stored[i].id);
                    QCOMPARE(held[i].clientId, stored[i].clientId);
                    QCOMPARE(held[i].seq, stored[i].seq);
                    QCOMPARE(held[i].values, stored[i].values);
                }
            }
        }
    }

private slots:
    void init()
    {
        m_url = freshServerDb(m_dir);
        m_db = ServerDatabase::open(m_url);
        m_server = std::make_unique<AgencyServer>(*m_db, [this] { return m_now; });
        server().initialize();
        server().accounts.setPasswordIterations(1000);
        m_renee = server().accounts.createAccount("renee", "Renee Castillo", kPw, "supervisor");
        m_ana = server().accounts.createAccount("ana", "Ana Ortiz", kPw, "coordinator");
        m_ben = server().accounts.createAccount("ben", "Ben Ruiz", kPw, "coordinator");
    }
    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void aSessionNeedsItsCsrfTokenToChangeStateAndEndsWhenIdle()
    {
        const ServiceReply wrong = server().sessions.signIn(
            QJsonObject{{"login", "renee"}, {"password", "not-it"}}, "10.0.0.1");
        QCOMPARE(wrong.status, 401);
        QVERIFY(wrong.cookie.isEmpty());
        const ServiceReply in = server().sessions.signIn(
            QJsonObject{{"login", "renee"}, {"password", kPw}}, "10.0.0.1");
        QCOMPARE(in.status, 200);
        const QByteArray token = tokenOf(in);
        const QByteArray csrf = in.body.value("csrf").toString().toLatin1();
        QVERIFY(token.size() >= 40);
        QVERIFY(csrf.size() >= 40);
        QVERIFY(token != csrf);
        // Only the token's hash is stored.
        QCOMPARE(m_db->scalar("SELECT count(*) FROM office_session WHERE token_hash = ?",
                              {QString::fromLatin1(token)})
                     .toInt(),
                 0);
        Caller c;
        QVERIFY(!server().sessions.resume(token, {}, false, c));
        QCOMPARE(c.accountId, m_renee);
        QCOMPARE(c.deviceId, QStringLiteral("office"));
        QCOMPARE(server().sessions.resume(token, {}, true, c)->status, 403);
        QCOMPARE(server().sessions.resume(token, "x" + csrf.mid(1), true, c)->status, 403);
        QVERIFY(!server().sessions.resume(token, csrf, true, c));
        QCOMPARE(server().sessions.resume("forged-token", csrf, false, c)->status, 401);
        // In use every 20 minutes it stays; 31 minutes without a request end it.
        for (int i = 0; i < 4; ++i) {
            m_now += qint64(20) * 60 * 1000;
            QVERIFY(!server().sessions.resume(token, {}, false, c));
        }
        m_now += qint64(31) * 60 * 1000;
        const auto expired = server().sessions.resume(token, {}, false, c);
        QCOMPARE(expired->status, 401);
        QCOMPARE(expired->body.value("error").toString(), QStringLiteral("session_expired"));
        QCOMPARE(server().sessions.resume(token, {}, false, c)->status, 401);
        // Sign-out ends a session and clears the cookie.
        const ServiceReply again = server().sessions.signIn(
            QJsonObject{{"login", "renee"}, {"password", kPw}}, "10.0.0.1");
        Caller c2;
        QVERIFY(!server().sessions.resume(tokenOf(again), {}, false, c2));
        const ServiceReply out = server().sessions.signOut(tokenOf(again), c2);
        QVERIFY(out.cookie.contains("Max-Age=0"));
        QCOMPARE(server().sessions.resume(tokenOf(again), {}, false, c2)->status, 401);
    }

    void signInIsRateLimitedWithEnrolment()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(server()
                         .sessions
                         .signIn(QJsonObject{{"login", "ana"}, {"password", "wrong"}}, "10.0.0.2")
                         .status,
                     401);
        const ServiceReply blocked =
            server().sessions.signIn(QJsonObject{{"login", "ana"}, {"password", kPw}}, "10.0.0.2");
        QCOMPARE(blocked.status, 429);
        // The same budget as a tablet's enrolment.
        QCOMPARE(
            server()
                .accounts
                .enroll(QJsonObject{{"login", "ana"}, {"password", kPw}, {"deviceId", newUuid7()}},
                        "10.0.0.2")
                .status,
            429);
        QCOMPARE(server()
                     .sessions.signIn(QJsonObject{{"login", 5}, {"password", kPw}}, "10.0.0.2")
                     .status,
                 400);
    }

    void aDeactivatedAccountCannotSignInAndItsTabletsStopSyncing()
    {
        QByteArray token;
        tablet("ana", &token);
        const ServiceReply in =
            server().sessions.signIn(QJsonObject{{"login", "ana"}, {"password", kPw}}, "10.0.0.3");
        Caller office;
        QVERIFY(!server().sessions.resume(tokenOf(in), {}, false, office));
        QVERIFY_THROWS_EXCEPTION(StoreError, server().accounts.setActive(m_renee, m_renee, false));
        server().accounts.setActive(m_renee, m_ana, false);
        QCOMPARE(server().sessions.resume(tokenOf(in), {}, false, office)->status, 401);
        QCOMPARE(server()
                     .sessions.signIn(QJsonObject{{"login", "ana"}, {"password", kPw}}, "10.0.0.3")
                     .status,
                 403);
        Caller device;
        const auto refused = server().accounts.authenticate("Bearer " + token, device);
        QCOMPARE(refused->status, 403);
        QCOMPARE(refused->body.value("error").toString(), QStringLiteral("account_deactivated"));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 server().accounts.enrollDevice("ana", kPw, newUuid7(), "t"));
        // The staff record says so too (tablets receive it), in the supervisor's name.
        const auto record = server().store.load(*Schema::instance().entity("coordinator"), m_ana);
        QCOMPARE(record->values.value("active").toBool(true), false);
        server().accounts.setActive(m_renee, m_ana, true);
        QVERIFY(!server().accounts.authenticate("Bearer " + token, device));
        // A reset password ends the sessions and the old password.
        QVERIFY(!server().sessions.resume(
            tokenOf(server().sessions.signIn(QJsonObject{{"login", "ana"}, {"password", kPw}},
                                             "10.0.0.3")),
            {}, false, office));
        server().accounts.resetPassword(m_renee, m_ana, "a-new-password");
        QCOMPARE(server()
                     .sessions.signIn(QJsonObject{{"login", "ana"}, {"password", kPw}}, "10.0.0.3")
                     .status,
                 401);
        QCOMPARE(
            server()
                .sessions
                .signIn(QJsonObject{{"login", "ana"}, {"password", "a-new-password"}}, "10.0.0.3")
                .status,
            200);
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 server().accounts.resetPassword(m_renee, m_ana, "short"));
    }

    void anOfficeEditMeetsATabletEditAsAConflict()
    {
        const QString provider = server().records.createRecord(
            "provider", {{"name", "Meals on Wheels"}, {"status", "active"}, {"phone", "555-0100"}});
        const Caller renee = signedIn("renee");
        const QJsonObject before = server().office.providers(renee).body;
        const QJsonObject stampsSeen =
            before.value("providers").toArray().first().toObject().value("stamps").toObject();
        // A tablet changes the phone, based on what it had.
        const Caller ana = tablet("ana");
        const Stamp base = Stamp::fromString(stampsSeen.value("phone").toString());
        const QJsonObject change = Protocol::encodeChange(
            1, "provider", provider, Hlc::fromParts(quint64(m_now + 1000), 0),
            QJsonObject{{"phone", "555-0111"}}, QJsonObject{{"phone", base.toString()}});
        const ServiceReply pushed =
            server().sync.push(ana, QJsonObject{{"changes", QJsonArray{change}}});
        QCOMPARE(pushed.status, 200);
        QCOMPARE(
            pushed.body.value("results").toArray().first().toObject().value("status").toString(),
            QStringLiteral("applied"));
        // The office, from the page it loaded before, writes another phone: a conflict.
        const qint64 seqBefore = server().store.maxSeq();
        const ServiceReply saved = server().office.saveProvider(
            renee, QJsonObject{{"id", provider},
                               {"values", QJsonObject{{"phone", "555-0122"}}},
                               {"bases", stampsSeen}});
        QCOMPARE(saved.status, 200);
        QCOMPARE(
            saved.body.value("results").toArray().first().toObject().value("status").toString(),
            QStringLiteral("conflict"));
        QVERIFY(server().store.maxSeq() > seqBefore);
        const QJsonArray open =
            server().office.review(renee, QUrlQuery()).body.value("conflicts").toArray();
        QCOMPARE(open.size(), 1);
        const QJsonObject conflict = open.first().toObject();
        QCOMPARE(conflict.value("field").toString(), QStringLiteral("phone"));
        QSet<QString> both{conflict.value("kept").toObject().value("value").toString(),
                           conflict.value("other").toObject().value("value").toString()};
        QCOMPARE(both, (QSet<QString>{"555-0111", "555-0122"}));
        // Each side names who made it, in the conflict record and on the console alike: the
        // office's edit the office (the server stamps it), the tablet's edit its account.
        const auto opened = server().store.load(*Schema::instance().entity("conflict"),
                                                conflict.value("id").toString());
        QVERIFY(opened.has_value());
        const bool officeKept =
            conflict.value("kept").toObject().value("value").toString() == "555-0122";
        QCOMPARE(opened->text(officeKept ? "keptBy" : "otherBy"),
                 QStringLiteral("the agency office"));
        QCOMPARE(opened->text(officeKept ? "otherBy" : "keptBy"), QStringLiteral("Ana Ortiz"));
        for (const char *side : {"kept", "other"})
            QCOMPARE(conflict.value(side).toObject().value("stamp").toObject().value("by"),
                     opened->values.value(QLatin1String(side) + QLatin1String("By")));
        // The history names the office account on device "office".
        const auto rows = m_db->query(
            "SELECT account_id, device_id FROM history WHERE entity = 'provider' AND record_id = "
            "? AND field = 'phone' AND seq > ?",
            {provider, seqBefore});
        QVERIFY(!rows.isEmpty());
        QCOMPARE(rows.last()[0].toString(), m_renee);
        QCOMPARE(rows.last()[1].toString(), QStringLiteral("office"));
        // Settled in the console: the other value, once.
        const ServiceReply settled = server().office.settleConflict(
            renee, QJsonObject{{"id", conflict.value("id")}, {"choice", "other"}});
        QCOMPARE(settled.status, 200);
        const auto after = server().store.load(*Schema::instance().entity("provider"), provider);
        QCOMPARE(after->text("phone"),
                 conflict.value("other").toObject().value("value").toString());
        QCOMPARE(server()
                     .office
                     .settleConflict(renee,
                                     QJsonObject{{"id", conflict.value("id")}, {"choice", "kept"}})
                     .status,
                 409);
    }

    void aBadOfficeChangeStoresNothing()
    {
        const QString provider = server().records.createRecord(
            "provider", {{"name", "Senior Ride"}, {"status", "active"}});
        const QString client = server().records.createRecord(
            "client", {{"firstName", "Maria"}, {"lastName", "Lopez"}, {"status", "active"}});
        server().records.assignClient(client, m_ana);
        const Caller renee = signedIn("renee");
        const Caller ana = signedIn("ana");
        const qint64 seq = server().store.maxSeq();
        const int history = m_db->scalar("SELECT count(*) FROM history").toInt();
        const auto unchanged = [&] {
            return server().store.maxSeq() == seq &&
                   m_db->scalar("SELECT count(*) FROM history").toInt() == history;
        };
        const auto save = [&](const Caller &who, const QJsonObject &body) {
            return server().office.saveProvider(who, body).status;
        };
        QCOMPARE(save(renee, {{"id", provider}, {"values", QJsonObject{{"status", "bogus"}}}}),
                 400);
        QCOMPARE(
            save(renee, {{"id", provider}, {"values", QJsonObject{{"status", "discontinued"}}}}),
            400); // no date, no reason
        QCOMPARE(save(renee, {{"values", QJsonObject{{"phone", "555"}}}}), 400); // no name
        QCOMPARE(save(renee, {{"values", QJsonObject{{"clientId", client}}}}), 400);
        QCOMPARE(save(renee, {{"id", newUuid7()}, {"values", QJsonObject{{"name", "X"}}}}), 404);
        QCOMPARE(save(ana, {{"values", QJsonObject{{"name", "Forged"}}}}), 403);
        QVERIFY(unchanged());
        // A move is all or nothing: one unknown client among them moves none.
        const ServiceReply move = server().office.moveClients(
            renee,
            QJsonObject{{"clients", QJsonArray{client, newUuid7()}}, {"coordinator", m_ben}});
        QCOMPARE(move.status, 404);
        QCOMPARE(server()
                     .office
                     .moveClients(renee, QJsonObject{{"clients", QJsonArray{client}},
                                                     {"coordinator", m_renee}})
                     .status,
                 400); // a supervisor holds no caseload
        QCOMPARE(server()
                     .office
                     .moveClients(
                         ana, QJsonObject{{"clients", QJsonArray{client}}, {"coordinator", m_ben}})
                     .status,
                 403);
        QVERIFY(unchanged());
        // A coordinator asking for a client not theirs gets the answer of no such client.
        const Caller ben = signedIn("ben");
        const ServiceReply foreign = server().office.chart(ben, QUrlQuery("id=" + client));
        const ServiceReply unknown = server().office.chart(ben, QUrlQuery("id=" + newUuid7()));
        QCOMPARE(foreign.status, 404);
        QCOMPARE(foreign.body, unknown.body);
        QVERIFY(unchanged());
    }

    void aServerThatDiesBeforeTheCommitKeepsNothingOfTheChange()
    {
        const QString client = server().records.createRecord(
            "client", {{"firstName", "Maria"}, {"lastName", "Lopez"}, {"status", "active"}});
        server().records.assignClient(client, m_ana);
        const Caller renee = signedIn("renee");
        const qint64 seq = server().store.maxSeq();
        // The hook stands for the process dying after the writes and before the commit (the
        // real process does so with CAREROUND_FAULT=die-before-push-commit).
        server().sync.setBeforeCommitHook([] { throw StoreError(StoreError::Code::Sql, "died"); });
        QVERIFY_THROWS_EXCEPTION(StoreError, server().office.moveClients(
                                                 renee, QJsonObject{{"clients", QJsonArray{client}},
                                                                    {"coordinator", m_ben}}));
        server().sync.setBeforeCommitHook({});
        QCOMPARE(server().store.maxSeq(), seq);
        QCOMPARE(server().store.caseload(m_ben), QStringList());
        QCOMPARE(server().store.caseload(m_ana), QStringList{client});
        const ServiceReply moved = server().office.moveClients(
            renee, QJsonObject{{"clients", QJsonArray{client}}, {"coordinator", m_ben}});
        QCOMPARE(moved.status, 200);
        QCOMPARE(server().store.caseload(m_ben), QStringList{client});
        QVERIFY(moved.body.value("effect").toString().contains("Ben Ruiz"));
    }

    void theChartVerifiesEverySignatureAndIsAudited()
    {
        seedDemo(4);
        const Caller renee = signedIn("renee");
        QString signedClient;
        QJsonArray signatures;
        for (const auto &c :
             server().office.clients(renee, QUrlQuery()).body.value("clients").toArray()) {
            const QString id = c.toObject().value("id").toString();
            signatures = server()
                             .office.chart(renee, QUrlQuery("id=" + id))
                             .body.value("signatures")
                             .toArray();
            if (!signatures.isEmpty()) {
                signedClient = id;
                break;
            }
        }
        QVERIFY(!signedClient.isEmpty());
        for (const auto &s : signatures)
            QVERIFY2(s.toObject().value("verified").toBool(),
                     qPrintable(s.toObject().value("id").toString()));
        // A signed record carried out after signing (a field editable after signing changed,
        // here the stored values rewritten as a merge would): still verified (rule 2).
        int moreViews = 0; // each look at the chart is audited
        for (const auto &s : signatures) {
            const QJsonObject sig = s.toObject();
            const EntityDef &def = *Schema::instance().entity(sig.value("recordEntity").toString());
            const FieldDef *after = nullptr;
            for (const FieldDef &fd : def.fields)
                if (fd.editableWhenSealed && fd.type == FieldType::Date)
                    after = &fd;
            if (!after)
                continue;
            const QString recordId = sig.value("recordId").toString();
            QJsonObject carriedOut = server().store.load(def, recordId)->values;
            carriedOut.insert(after->name, "2031-06-30");
            m_db->exec("UPDATE record SET vals = ? WHERE entity = ? AND id = ?",
                       {QString::fromUtf8(QJsonDocument(carriedOut).toJson(QJsonDocument::Compact)),
                        def.name, recordId});
            ++moreViews;
            const QJsonArray after2 = server()
                                          .office.chart(renee, QUrlQuery("id=" + signedClient))
                                          .body.value("signatures")
                                          .toArray();
            for (const auto &a : after2)
                if (a.toObject().value("recordId").toString() == recordId)
                    QVERIFY2(a.toObject().value("verified").toBool(), qPrintable(after->name));
        }
        QVERIFY(moreViews > 0); // the client's signed care plan was among them
        // Content changed behind the signature's back (the database edited by hand): caught.
        const QJsonObject first = signatures.first().toObject();
        const QString entity = first.value("recordEntity").toString();
        const QString id = first.value("recordId").toString();
        const auto record = server().store.load(*Schema::instance().entity(entity), id);
        QJsonObject tampered = record->values;
        tampered.insert(entity == QLatin1String("visit")      ? "summary"
                        : entity == QLatin1String("carePlan") ? "summary"
                                                              : "strengths",
                        "changed after signing");
        m_db->exec("UPDATE record SET vals = ? WHERE entity = ? AND id = ?",
                   {QString::fromUtf8(QJsonDocument(tampered).toJson(QJsonDocument::Compact)),
                    entity, id});
        const QJsonArray now = server()
                                   .office.chart(renee, QUrlQuery("id=" + signedClient))
                                   .body.value("signatures")
                                   .toArray();
        bool caught = false;
        for (const auto &s : now)
            if (s.toObject().value("recordId").toString() == id)
                caught = !s.toObject().value("verified").toBool();
        QVERIFY(caught);
        const auto viewed = m_db->query(
            "SELECT actor, device, detail FROM audit WHERE action = 'chart_viewed' AND detail = ?",
            {signedClient});
        QCOMPARE(viewed.size(), 2 + moreViews);
        QCOMPARE(viewed[0][0].toString(), m_renee);
        QCOMPARE(viewed[0][1].toString(), QStringLiteral("office"));
    }

    void anAcceptedAmendmentBecomesANewVersionToSignAndARejectedOneNeedsAReason()
    {
        seedDemo(6);
        const Caller renee = signedIn("renee");
        // A signed care plan with goals.
        const EntityDef &planDef = *Schema::instance().entity("carePlan");
        QString plan;
        for (const StoredRecord &s : server().store.allOf("signature", {}))
            if (QJsonDocument::fromJson(s.values.toUtf8()).object().value("recordEntity") ==
                QLatin1String("carePlan"))
                plan = QJsonDocument::fromJson(s.values.toUtf8())
                           .object()
                           .value("recordId")
                           .toString();
        QVERIFY(!plan.isEmpty());
        QString client;
        const auto signedPlan = server().store.load(planDef, plan, &client);
        const auto goalsOf = [&](const QString &planId) {
            QStringList statements;
            for (const Record &r : server().store.clientRecords(client))
                if (r.entity == QLatin1String("goal") && r.text("carePlanId") == planId &&
                    !r.isVoided())
                    statements.append(r.text("statement"));
            statements.sort();
            return statements;
        };
        QVERIFY(!goalsOf(plan).isEmpty());
        const auto propose = [&](const QString &text) {
            return server().records.createRecord(
                "conflict",
                {{"recordEntity", "carePlan"},
                 {"recordId", plan},
                 {"clientId", client},
                 {"field", "summary"},
                 {"kind", "amendment"},
                 {"status", "open"},
                 {"keptValue",
                  QJsonObject{
                      {"value", QJsonObject{{"summary", signedPlan->values.value("summary")}}}}},
                 {"otherValue", QJsonObject{{"value", QJsonObject{{"summary", text}}}}}});
        };
        const QString rejected = propose("A summary the client did not agree to");
        QCOMPARE(
            server().office.settleConflict(renee, {{"id", rejected}, {"choice", "kept"}}).status,
            400); // no reason
        QCOMPARE(
            server().office.settleConflict(renee, {{"id", rejected}, {"choice", "other"}}).status,
            400); // signed content cannot change
        QCOMPARE(server()
                     .office
                     .settleConflict(
                         renee, {{"id", rejected}, {"choice", "kept"}, {"reason", "Not agreed"}})
                     .status,
                 200);
        const QString accepted = propose("Meals five days a week, not three");
        const qint64 seq = server().store.maxSeq();
        const ServiceReply reply =
            server().office.settleConflict(renee, {{"id", accepted}, {"choice", "accept"}});
        QCOMPARE(reply.status, 200);
        const auto conflict = server().store.load(*Schema::instance().entity("conflict"), accepted);
        QCOMPARE(conflict->text("status"), QStringLiteral("resolved"));
        const QString version =
            conflict->values.value("resolvedValue").toObject().value("newVersionId").toString();
        const auto copy = server().store.load(planDef, version);
        QVERIFY(copy);
        QCOMPARE(copy->text("summary"), QStringLiteral("Meals five days a week, not three"));
        QCOMPARE(copy->text("status"), QStringLiteral("draft"));
        QCOMPARE(copy->text("title"), signedPlan->text("title"));
        QCOMPARE(goalsOf(version), goalsOf(plan));
        QVERIFY(!server().store.isSealed(planDef, *copy));
        // The signed plan is as it was signed.
        QCOMPARE(server().store.load(planDef, plan)->values, signedPlan->values);
        QVERIFY(server().store.maxSeq() > seq);
    }

    void theOfficeReadsFromMemoryWhatTheStoreHolds()
    {
        seedDemo(12);
        const QVector<ServerStore::FieldQuery> queries{
            {"followUp", {"dueOn", "description", "priority"}, {}, "status", "open"},
            {"assessmentAnswer", {"assessmentId", "item", "value"}, {}, "instrument", "phq9"},
            {"client", {"status", "firstName", "riskFlags", "livesAlone"}},
            {"goal", {"status", "domain"}, {"status"}},
            {"provider", {"name", "status"}}};
        // Half the clients move to Ben's caseload, so each coordinator sees a part.
        QStringList clients;
        {
            ServerTransaction tx = server().store.transaction(ServerTransaction::Read);
            for (const RecordFields &c : server().store.fieldsOf({"client", {}}, ReadScope{}))
                clients.append(c.id);
        }
        QCOMPARE(clients.size(), 12);
        for (qsizetype i = 0; i < clients.size(); i += 2)
            server().records.assignClient(clients[i], m_ben);
        // Follow-ups of no signed visit, which the office may change.
        const auto newFollowUp = [&](const QString &client, const QString &what) {
            return server().records.createRecord("followUp", {{"clientId", client},
                                                              {"description", what},
                                                              {"dueOn", "2026-12-02"},
                                                              {"status", "open"}});
        };
        const QString followUp = newFollowUp(clients[0], "Call about the ramp");
        const QString other = newFollowUp(clients[1], "Ask for the pharmacy's number");
        const QVector<ReadScope> scopes{ReadScope{}, server().policy.readScope(signedIn("ana")),
                                        server().policy.readScope(signedIn("ben"))};
        QVERIFY(!scopes[1].coordinatorId.isEmpty());
        viewsAnswerAsTheStore(queries, scopes); // the first read: from the store

        // Then records change: a follow-up is done (it leaves the open ones), another is
        // voided, a new one comes, a client moves, a provider is added by another server
        // process over the same database, and the views follow.
        officeEdit("followUp", followUp, {{"status", "done"}, {"doneOn", "2026-11-30"}});
        officeEdit("followUp", other, {{"voided", true}});
        newFollowUp(clients[2], "Bring the large-print forms");
        server().records.assignClient(clients[3], m_ben);
        {
            const std::unique_ptr<ServerDatabase> other = ServerDatabase::open(m_url);
            AgencyServer second(*other, [this] { return m_now; });
            second.records.createRecord("provider",
                                        {{"name", "Ramps & Rails"}, {"status", "active"}});
        }
        viewsAnswerAsTheStore(queries, scopes);
        ServerTransaction tx = server().store.transaction(ServerTransaction::Read);
        const auto open = server().views.fieldsOf(queries[0], ReadScope{});
        QVERIFY(std::none_of(open.begin(), open.end(), [&](const RecordFields &f) {
            return f.id == followUp || f.id == other;
        }));
        QVERIFY(server().views.heldRecords() > 0);
    }

    void aFieldQueryTakesPlainNamesAndWholeValues()
    {
        server().records.createRecord("client", {{"firstName", "Ada"},
                                                 {"lastName", "Spring"},
                                                 {"city", "Springfield"},
                                                 {"status", "active"}});
        const QString exact = server().records.createRecord(
            "client",
            {{"firstName", "Bo"}, {"lastName", "Lee"}, {"city", "Spring"}, {"status", "active"}});
        ServerTransaction tx = server().store.transaction(ServerTransaction::Read);
        // "city":"Spring" is in the text of both; only one has that value.
        for (const QVector<RecordFields> &found :
             {server().store.fieldsOf({"client", {"lastName"}, {}, "city", "Spring"}, ReadScope{}),
              server().views.fieldsOf({"client", {"lastName"}, {}, "city", "Spring"},
                                      ReadScope{})}) {
            QCOMPARE(found.size(), 1);
            QCOMPARE(found.first().id, exact);
            QCOMPARE(found.first().text(0), QStringLiteral("Lee"));
        }
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 server().store.fieldsOf({"client", {"city'); --"}}, ReadScope{}));
        QVERIFY_THROWS_EXCEPTION(
            StoreError, server().views.fieldsOf({"client", {}, {}, "a b", "x"}, ReadScope{}));
    }

    void theReviewListAndTheConflictsComeAPageAtATime()
    {
        const QString provider = server().records.createRecord(
            "provider", {{"name", "Meals on Wheels"}, {"status", "active"}});
        QStringList made;
        for (int i = 0; i < 5; ++i)
            made.append(server().records.createRecord(
                "conflict", {{"recordEntity", "provider"},
                             {"recordId", provider},
                             {"field", "phone"},
                             {"kind", "concurrent_edit"},
                             {"keptValue", QJsonObject{{"value", QString("555-010%1").arg(i)}}},
                             {"otherValue", QJsonObject{{"value", "555-0199"}}},
                             {"status", "open"}}));
        officeEdit("conflict", made[2], {{"status", "resolved"}});
        const QStringList open{made[0], made[1], made[3], made[4]};
        const Caller renee = signedIn("renee");
        // The console's list: two at a time, then the rest.
        QStringList seen;
        QString after;
        for (int page = 0; page < 3; ++page) {
            const ServiceReply r = server().office.review(
                renee,
                QUrlQuery(after.isEmpty() ? QStringLiteral("limit=2")
                                          : QStringLiteral("limit=2&conflictsAfter=") + after));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body.value("conflictsTotal").toInt(), 4);
            for (const QJsonValue c : r.body.value("conflicts").toArray())
                seen.append(c.toObject().value("id").toString());
            if (r.body.value("conflictsNext").isNull())
                break;
            after = QString::number(qint64(r.body.value("conflictsNext").toDouble()));
        }
        QCOMPARE(seen, open);
        // The sync API's list, the same way.
        seen.clear();
        after.clear();
        const Caller device = tablet("renee");
        for (int page = 0; page < 4; ++page) {
            const ServiceReply r = server().sync.conflicts(
                device, QUrlQuery(after.isEmpty() ? QStringLiteral("limit=3")
                                                  : QStringLiteral("limit=3&after=") + after));
            QCOMPARE(r.status, 200);
            for (const QJsonValue c : r.body.value("conflicts").toArray())
                seen.append(c.toObject().value("id").toString());
            if (!r.body.value("hasMore").toBool())
                break;
            after = QString::number(qint64(r.body.value("next").toDouble()));
        }
        QCOMPARE(seen, open);
        for (const char *bad : {"limit=0", "limit=501", "limit=%2B2", "after=", "after=x",
                                "limit=2&limit=3", "after=1&after=2"})
            QCOMPARE(server().sync.conflicts(device, QUrlQuery(QLatin1String(bad))).status, 400);
        for (const char *bad : {"conflictsAfter=", "conflictsAfter=-1", "refusedAfter=nope",
                                "limit=1000", "limit=1&limit=2"})
            QCOMPARE(server().office.review(renee, QUrlQuery(QLatin1String(bad))).status, 400);
    }

    void everyReportAnswersAndBadFiltersAreRefused()
    {
        const Caller renee = signedIn("renee");
        for (const QString &name : OfficeReports::names()) {
            const ServiceReply r = server().reports.report(renee, name, QUrlQuery());
            QCOMPARE(r.status, 200);
            QVERIFY(!r.body.value("tables").toArray().isEmpty());
            QVERIFY(!r.body.value("charts").toArray().isEmpty());
        }
        QCOMPARE(server().reports.report(renee, "nope", QUrlQuery()).status, 404);
        QCOMPARE(server().reports.report(renee, "visits", QUrlQuery("from=2026-02-30")).status,
                 400);
        QCOMPARE(server()
                     .reports.report(renee, "visits", QUrlQuery("from=2026-12-02&to=2026-12-01"))
                     .status,
                 400);
        QCOMPARE(server().reports.report(renee, "visits", QUrlQuery("coordinator=ana")).status,
                 400);
        QCOMPARE(server()
                     .reports.report(renee, "visits", QUrlQuery("to=2026-01-01&to=2026-02-01"))
                     .status,
                 400);
    }
};

QTEST_GUILESS_MAIN(TestOffice)
#include "tst_office.moc"
