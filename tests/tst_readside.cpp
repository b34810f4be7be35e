// The read side's domain rules, defined once in core: the current plan (the active one, else
// the newest draft), open complaints and overdue follow-ups as the visit screen reads them, and
// the change feed every committed edit is published on; what the care plan and services screens
// read (voided records out, their order, the current plan's goals), and what the sign-off and
// assessment screens read.
#include "carerules.h"
#include "changefeed.h"
#include "contenthash.h"
#include "devicestore.h"
#include "localeditor.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace careround;

class TestReadSide : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<DeviceStore> m_store;
    std::unique_ptr<LocalEditor> m_editor;
    QString m_client;
    int m_stores = 0;

    QString plan(const QString &status, const QString &title)
    {
        return m_editor->create("carePlan", {{"clientId", m_client},
                                             {"title", title},
                                             {"status", status},
                                             {"startDate", "2026-11-01"}});
    }

private slots:
    void init()
    {
        m_editor.reset();
        m_store.reset();
        DeviceStore::Options options;
        options.path = m_dir.filePath(QStringLiteral("store%1.db").arg(++m_stores));
        options.key = "test";
        m_store = DeviceStore::open(options);
        m_editor = std::make_unique<LocalEditor>(*m_store, QStringLiteral("tester"));
        m_client = m_editor->create(
            "client", {{"firstName", "Ada"}, {"lastName", "Novak"}, {"status", "active"}});
    }

    void currentPlanIsTheNewestDraftWithoutAnActiveOne()
    {
        QVERIFY(m_store->plans().currentPlanId(m_client).isEmpty());
        const QString older = plan("draft", "Older draft");
        const QString newer = plan("draft", "Newer draft");
        QCOMPARE(m_store->plans().currentPlanId(m_client), newer);
        QVERIFY(older < newer);
        // The visit screen shows the same plan.
        QCOMPARE(m_store->visits().view({}, m_client, QDate(2026, 11, 22)).planId, newer);
        QCOMPARE(m_store->visits().view({}, m_client, QDate(2026, 11, 22)).planTitle,
                 QStringLiteral("Newer draft"));
    }

    void currentPlanIsTheActiveOneOverANewerDraft()
    {
        plan("draft", "Old draft");
        const QString active = plan("active", "Active");
        plan("draft", "Newest draft");
        QCOMPARE(m_store->plans().currentPlanId(m_client), active);
        QCOMPARE(m_store->visits().view({}, m_client, QDate(2026, 11, 22)).planId, active);
    }

    void closedAndVoidedPlansAreNeverCurrent()
    {
        const QString draft = plan("draft", "Draft");
        plan("cancelled", "Cancelled");
        const QString active = plan("active", "Active");
        QCOMPARE(m_store->plans().currentPlanId(m_client), active);
        m_editor->voidRecord("carePlan", active, "entered by mistake");
        QCOMPARE(m_store->plans().currentPlanId(m_client), draft);
        m_editor->update("carePlan", draft, {{"status", "cancelled"}});
        QVERIFY(m_store->plans().currentPlanId(m_client).isEmpty());
    }

    void openComplaintsAndOverdueFollowUps()
    {
        const QDate today(2026, 11, 22);
        const auto complaint = [&](const char *subject, const char *status) {
            QString id = m_editor->create("complaint", {{"clientId", m_client},
                                                        {"subject", subject},
                                                        {"status", "open"},
                                                        {"raisedOn", "2026-11-20"}});
            if (QLatin1String(status) != QLatin1String("open"))
                m_editor->update("complaint", id, {{"status", status}});
            return id;
        };
        const QString open = complaint("Late aide", "open");
        const QString investigating = complaint("Rude driver", "investigating");
        complaint("Cold meal", "resolved");
        const auto followUp = [&](const char *description, const char *dueOn) {
            return m_editor->create("followUp", {{"clientId", m_client},
                                                 {"description", description},
                                                 {"dueOn", dueOn},
                                                 {"status", "open"}});
        };
        const QString late = followUp("Call the pharmacy", "2026-11-21");
        const QString dueToday = followUp("Book the optician", "2026-11-22");
        const QString done = followUp("Order a walker", "2026-11-01");
        m_editor->update("followUp", done, {{"status", "done"}, {"doneOn", "2026-11-02"}});

        const VisitView v = m_store->visits().view({}, m_client, today);
        QStringList complaints;
        for (const VisitComplaintEntry &c : v.complaints)
            complaints.append(c.id);
        QCOMPARE(complaints, (QStringList{open, investigating}));
        QHash<QString, bool> overdue;
        for (const VisitFollowUpEntry &f : v.followUps)
            overdue.insert(f.id, f.overdue);
        QCOMPARE(overdue.size(), 2); // a done follow-up of another visit is not shown
        QVERIFY(overdue.value(late));
        QVERIFY(!overdue.value(dueToday));
    }

    void carePlanViewLeavesOutVoidedPartsInIdOrder()
    {
        const QDate today(2026, 11, 22);
        const QString other = plan("draft", "Older draft");
        const QString current = plan("active", "Active");
        auto goal = [&](const QString &planId, const QString &statement, QJsonObject extra = {}) {
            extra.insert("carePlanId", planId);
            extra.insert("clientId", m_client);
            extra.insert("statement", statement);
            extra.insert("status", "open");
            extra.insert("progress", 0);
            return m_editor->create("goal", extra);
        };
        const QString smart = goal(current, "Walk to the shop",
                                   {{"measure", "walks a week"},
                                    {"targetValue", "3"},
                                    {"achievable", "walks with a frame"},
                                    {"relevance", "wants to shop alone"},
                                    {"targetDate", "2027-01-31"}});
        const QString voidedGoal = goal(current, "Entered twice");
        const QString open = goal(current, "Sleep better");
        goal(other, "Of the other plan");
        m_editor->voidRecord("goal", voidedGoal, "entered twice");
        auto step = [&](const QString &goalId, const QString &status, const QString &due) {
            return m_editor->create("actionStep", {{"goalId", goalId},
                                                   {"carePlanId", current},
                                                   {"clientId", m_client},
                                                   {"description", "Step"},
                                                   {"owner", "coordinator"},
                                                   {"status", status},
                                                   {"dueDate", due}});
        };
        const QString late = step(open, "todo", "2026-11-21");
        const QString done = step(open, "done", "2026-11-01");
        const QString dueToday = step(smart, "in_progress", "2026-11-22");
        m_editor->voidRecord("actionStep", step(open, "todo", "2026-11-02"), "not needed");
        const QString keep = m_editor->create("contingency", {{"carePlanId", current},
                                                              {"clientId", m_client},
                                                              {"barrier", "Rain"},
                                                              {"alternative", "Taxi"}});
        m_editor->voidRecord("contingency",
                             m_editor->create("contingency", {{"carePlanId", current},
                                                              {"clientId", m_client},
                                                              {"barrier", "Snow"},
                                                              {"alternative", "Stay in"}}),
                             "duplicate");

        // No plan named: the current one, by the one rule.
        const CarePlanView v = m_store->carePlans().view(m_client, {}, today);
        QVERIFY(v.found);
        QCOMPARE(v.planId, current);
        QCOMPARE(v.title, QStringLiteral("Active"));
        QCOMPARE(v.goals.size(), 2);
        QCOMPARE(v.goals[0].id, smart);
        QCOMPARE(v.goals[1].id, open);
        QVERIFY(v.goals[0].missing.isEmpty());
        QCOMPARE(v.goals[1].missing.size(), 4);
        QCOMPARE(v.smartGoals, 1);
        QCOMPARE(v.steps.size(), 3);
        QCOMPARE(v.steps[0].id, late);
        QVERIFY(v.steps[0].overdue);
        QCOMPARE(v.steps[1].id, done);
        QVERIFY(!v.steps[1].overdue); // done
        QCOMPARE(v.steps[2].id, dueToday);
        QVERIFY(!v.steps[2].overdue); // due today is not late
        QCOMPARE(v.contingencies.size(), 1);
        QCOMPARE(v.contingencies[0].id, keep);

        // A named plan is shown even when it is not the current one; a voided one is not found.
        const CarePlanView older = m_store->carePlans().view(m_client, other, today);
        QCOMPARE(older.planId, other);
        QCOMPARE(older.goals.size(), 1);
        m_editor->voidRecord("carePlan", other, "entered by mistake");
        QVERIFY(!m_store->carePlans().view(m_client, other, today).found);
    }

    void servicesViewLeavesOutVoidedRecordsSoonestFirst()
    {
        const QDate today(2026, 11, 22);
        const QString older = plan("draft", "Older draft");
        const QString current = plan("draft", "Newer draft");
        const QString oldGoal = m_editor->create("goal", {{"carePlanId", older},
                                                          {"clientId", m_client},
                                                          {"statement", "Old goal"},
                                                          {"status", "open"}});
        const QString goal = m_editor->create("goal", {{"carePlanId", current},
                                                       {"clientId", m_client},
                                                       {"statement", "New goal"},
                                                       {"status", "open"}});
        const QString provider =
            m_editor->create("provider", {{"name", "Meals on Wheels"}, {"status", "discontinued"}});
        const QString referral = m_editor->create("referral", {{"clientId", m_client},
                                                               {"providerId", provider},
                                                               {"goalId", oldGoal},
                                                               {"status", "draft"}});
        m_editor->voidRecord("referral",
                             m_editor->create("referral", {{"clientId", m_client},
                                                           {"providerId", provider},
                                                           {"status", "draft"}}),
                             "duplicate");
        const QString late =
            m_editor->create("benefitApplication", {{"clientId", m_client},
                                                    {"program", "Housing"},
                                                    {"status", "submitted"},
                                                    {"nextActionDue", "2026-11-22"}});
        const QString decided =
            m_editor->create("benefitApplication", {{"clientId", m_client},
                                                    {"program", "Heating"},
                                                    {"status", "approved"},
                                                    {"nextActionDue", "2026-11-01"}});
        auto appointment = [&](const QString &startsAt, bool transport) {
            return m_editor->create("appointment", {{"clientId", m_client},
                                                    {"title", "Clinic"},
                                                    {"startsAt", startsAt},
                                                    {"transportArranged", transport},
                                                    {"status", "scheduled"}});
        };
        const QString later = appointment("2026-12-01T09:00:00.000Z", true);
        const QString sooner = appointment("2026-11-25T09:00:00.000Z", false);
        m_editor->voidRecord("appointment", appointment("2026-11-23T09:00:00.000Z", false),
                             "booked twice");

        const ServicesView v = m_store->services().view(m_client, today);
        QCOMPARE(v.clientName, QStringLiteral("Ada Novak"));
        // The goals offered are the current plan's (the newest draft) only.
        QCOMPARE(v.goals.size(), 1);
        QCOMPARE(v.goals[0].id, goal);
        QCOMPARE(v.referrals.size(), 1);
        QCOMPARE(v.referrals[0].id, referral);
        QVERIFY(v.referrals[0].providerKnown);
        QVERIFY(v.referrals[0].providerDiscontinued);
        QCOMPARE(v.referrals[0].goalStatement, QStringLiteral("Old goal"));
        QCOMPARE(v.benefits.size(), 2);
        QCOMPARE(v.benefits[0].id, late);
        QVERIFY(v.benefits[0].nextActionOverdue); // open and due today
        QCOMPARE(v.benefits[1].id, decided);
        QVERIFY(!v.benefits[1].nextActionOverdue); // decided: nothing left to do
        QCOMPARE(v.appointments.size(), 2);
        QCOMPARE(v.appointments[0].id, sooner);
        QVERIFY(v.appointments[0].needsTransport);
        QCOMPARE(v.appointments[1].id, later);
        QVERIFY(!v.appointments[1].needsTransport);
        QCOMPARE(CareRules::statusDateField("referral", "sent"), QStringLiteral("sentOn"));
        QVERIFY(CareRules::statusDateField("referral", "accepted").isEmpty());
    }

    // The sign-off screen reads what a signature covers: the kinds sealed via the record
    // (sealedChildKinds), voided rows left out, and the signature that sealed it.
    void signOffViewReadsWhatTheSignatureCovers()
    {
        const QString p = plan("draft", "Plan");
        const QString kept = m_editor->create(
            "goal",
            {{"carePlanId", p}, {"clientId", m_client}, {"statement", "Walk"}, {"status", "open"}});
        const QString dropped = m_editor->create(
            "goal",
            {{"carePlanId", p}, {"clientId", m_client}, {"statement", "Cook"}, {"status", "open"}});
        m_editor->voidRecord("goal", dropped, "entered by mistake");

        SignOffView v = m_store->signOffs().view({}, p);
        QVERIFY(v.found);
        QCOMPARE(v.def->name, QStringLiteral("carePlan"));
        QCOMPARE(v.clientName, QStringLiteral("Ada Novak"));
        QVERIFY(!v.sealed && !v.signature);
        QCOMPARE(v.children.size(), 1);
        QCOMPARE(v.children[0].kind->name, QStringLiteral("goal"));
        QVERIFY(sealedChildKinds(*v.def).contains(v.children[0].kind));
        QCOMPARE(v.children[0].rows.size(), 1);
        QCOMPARE(v.children[0].rows[0].id, kept);

        const QString hash = m_editor->contentHash("carePlan", p);
        m_editor->sign("carePlan", p, "Ada Novak", "client", QJsonArray{QJsonArray{1, 2, 3, 4}});
        v = m_store->signOffs().view("carePlan", p);
        QVERIFY(v.sealed && v.signature);
        QCOMPARE(v.signature->signerName, QStringLiteral("Ada Novak"));
        QCOMPARE(v.signature->contentHash, hash);
        // Not a signable kind of that name: nothing found.
        QVERIFY(!m_store->signOffs().view("visit", p).found);
    }

    // The assessment screen's answers by group (a domain's questions under the domain key) and
    // PHQ-9 needed once the PHQ-2 screen is positive.
    void assessmentViewGroupsAnswersAndScores()
    {
        const QString a = m_editor->create("assessment", {{"clientId", m_client},
                                                          {"kind", "initial"},
                                                          {"status", "draft"},
                                                          {"startedAt", "2026-11-22T09:00:00Z"}});
        const auto answer = [&](const char *instrument, const char *item, int value) {
            return m_editor->create("assessmentAnswer", {{"assessmentId", a},
                                                         {"clientId", m_client},
                                                         {"instrument", instrument},
                                                         {"item", item},
                                                         {"value", value}});
        };
        answer("phq2", "interest", 1);
        const QString mood = answer("phq2", "mood", 1);
        answer("domain", "safety.falls", 1);

        AssessmentView v = m_store->assessments().view(a, {});
        QVERIFY(v.found);
        QCOMPARE(v.clientId, m_client);
        QCOMPARE(v.clientName, QStringLiteral("Ada Novak"));
        QCOMPARE(v.answers.value("safety").value("falls"), 1);
        QCOMPARE(v.answerIds.value("phq2").value("mood"), mood);
        QCOMPARE(v.instruments.size(), Instruments::all().size());
        const auto entry = [&](const char *id) {
            for (const AssessmentInstrumentEntry &e : v.instruments)
                if (e.instrument->id == QLatin1String(id))
                    return e;
            return AssessmentInstrumentEntry{};
        };
        QCOMPARE(entry("phq2").score.score, 2);
        QVERIFY(!entry("phq9").needed);

        m_editor->update("assessmentAnswer", mood, {{"value", 2}});
        v = m_store->assessments().view(a, {});
        QVERIFY(entry("phq2").score.positive);
        QVERIFY(entry("phq9").needed);
        // Without an assessment, the client's name only.
        QVERIFY(!m_store->assessments().view({}, m_client).found);
        QCOMPARE(m_store->assessments().view({}, m_client).clientName, QStringLiteral("Ada Novak"));
    }

    void everyCommittedEditIsPublishedOnce()
    {
        QSignalSpy spy(&m_store->changes(), &ChangeFeed::changed);
        const QString visit = m_editor->create(
            "visit",
            {{"clientId", m_client}, {"plannedAt", "2026-11-22T09:00:00Z"}, {"status", "planned"}});
        QCOMPARE(spy.count(), 1);
        Change c = spy.takeFirst().at(0).value<Change>();
        QCOMPARE(c.origin, Change::Origin::LocalEdit);
        QCOMPARE(c.kinds, QStringList{"visit"});
        QCOMPARE(c.recordIds, QStringList{visit});
        QCOMPARE(c.clientId, m_client);
        QVERIFY(c.touches({"visit"}, m_client));
        QVERIFY(!c.touches({"visit"}, QStringLiteral("another client")));
        QVERIFY(!c.touches({"followUp", "client"}, m_client));

        // Nothing changed, nothing committed: nothing published. A refused edit neither.
        m_editor->update("visit", visit, {{"status", "planned"}});
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 m_editor->update("visit", visit, {{"status", "no such status"}}));
        QCOMPARE(spy.count(), 0);

        // A signature seals the record: both kinds are named.
        m_editor->update("visit", visit, {{"status", "in_progress"}});
        m_editor->update("visit", visit, {{"status", "completed"}});
        spy.clear();
        m_editor->sign("visit", visit, "Ada Novak", "client", QJsonArray{QJsonArray{1, 2, 3, 4}});
        QCOMPARE(spy.count(), 1);
        c = spy.takeFirst().at(0).value<Change>();
        QVERIFY(c.touchesKind("signature") && c.touchesKind("visit"));
        QVERIFY(c.touchesRecord(visit));
        QVERIFY(Change::everything(Change::Origin::Pull).touches({"goal"}, m_client));
    }
};

QTEST_GUILESS_MAIN(TestReadSide)
#include "tst_readside.moc"
