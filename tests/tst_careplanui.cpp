// The care plan screen offscreen over a real encrypted store: start a plan for a new client,
// write a SMART goal (the check names what is missing until it is complete), add an action
// step and a contingency, then see the signed plan read-only; a new plan supersedes the current
// one and brings forward the goals the coordinator keeps.
#include "pageharness.h"
#include "plancontroller.h"
#include "planrepository.h"
#include "recordvalidator.h"
#include "syncengine.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_FormsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_PlanPlugin)

using namespace careround;
using namespace careround::test;

class TestCarePlanUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void smartCheckNamesWhatIsMissing()
    {
        QJsonObject goal{{"statement", "Walk to the shop"}};
        QCOMPARE(missingSmartParts(goal),
                 (QVector<SmartPart>{SmartPart::Measurable, SmartPart::Achievable,
                                     SmartPart::Relevant, SmartPart::TimeBound}));
        goal.insert("measure", "walks a week");
        QVERIFY(missingSmartParts(goal).contains(SmartPart::Measurable));
        goal.insert("targetValue", "2");
        goal.insert("achievable", "a");
        goal.insert("relevance", "r");
        goal.insert("targetDate", "2027-01-31");
        QVERIFY(missingSmartParts(goal).isEmpty());
        goal.insert("statement", " ");
        QCOMPARE(missingSmartParts(goal), QVector<SmartPart>{SmartPart::Specific});
    }

    void writePlanWithSmartGoalAndStep()
    {
        const QString path = m_dir.filePath("plan.db");
        createDemoStore(path, "plan key", 3);
        Session session(path);
        session.setToday(kPageToday);
        session.open("plan key");
        QVERIFY(session.isUnlocked());
        const QString clientId = session.editor()->create(
            "client", {{"firstName", "Ada"}, {"lastName", "Novak"}, {"status", "active"}});

        PageHarness w(&session, "CareRound.Plan", "CarePlanPage", clientId);
        QVERIFY(w.window && w.page);
        auto *plan = w.page->findChild<PlanController *>();
        QVERIFY(plan);
        QAbstractItemModelTester goalsTester(plan->goals());
        QAbstractItemModelTester contingencyTester(plan->contingencies());
        QAbstractItemModelTester unlinkedTester(plan->unlinkedServices());

        // No plan yet: start one.
        QVERIFY(!plan->found());
        QQuickItem *title = item(w.page, "newPlanTitle");
        QVERIFY(title);
        title->setProperty("text", "Staying active");
        click(item(w.page, "createPlan"));
        QTRY_VERIFY(plan->found());
        const QVector<Record> plans =
            liveRecords(*session.store(), "carePlan", "clientId", clientId);
        QCOMPARE(plans.size(), 1);
        QCOMPARE(plans[0].values.value("title").toString(), QString("Staying active"));
        QCOMPARE(plans[0].values.value("status").toString(), QString("draft"));
        const QString planId = plans[0].id;

        // A goal: the SMART check names what is missing until it is complete.
        QTRY_VERIFY(item(w.page, "newGoalStatement"));
        item(w.page, "newGoalStatement")->setProperty("text", "Walk to the corner shop");
        click(item(w.page, "addGoal"));
        QQuickItem *smart = nullptr;
        QTRY_VERIFY((smart = item(w.page, "smartCheck")));
        QString check = smart->property("text").toString();
        QVERIFY2(check.contains("measurable") && check.contains("time-bound") &&
                     check.contains("achievable") && check.contains("relevant") &&
                     !check.contains("specific"),
                 qPrintable(check));

        typeInto(item(w.page, "goalMeasure"), "walks a week");
        typeInto(item(w.page, "goalTargetValue"), "3");
        QTRY_VERIFY(!smart->property("text").toString().contains("measurable"));
        QVERIFY(smart->property("text").toString().contains("time-bound"));
        typeInto(item(w.page, "goalAchievable"), "The shop is 300 m away; she walks indoors daily");
        typeInto(item(w.page, "goalRelevance"), "She wants to shop for herself again");
        typeInto(item(w.page, "goalTargetDate"), "31 Jan");
        QTRY_VERIFY(plan->errorText().contains("YYYY-MM-DD"));
        typeInto(item(w.page, "goalTargetDate"), "2027-01-31");
        QTRY_COMPARE(smart->property("text").toString(), QString("SMART: complete"));
        QVERIFY(plan->errorText().isEmpty());

        const QVector<Record> goals = liveRecords(*session.store(), "goal", "carePlanId", planId);
        QCOMPARE(goals.size(), 1);
        const QJsonObject g = goals[0].values;
        QCOMPARE(g.value("statement").toString(), QString("Walk to the corner shop"));
        QCOMPARE(g.value("measure").toString(), QString("walks a week"));
        QCOMPARE(g.value("targetValue").toString(), QString("3"));
        QCOMPARE(g.value("targetDate").toString(), QString("2027-01-31"));
        QCOMPARE(g.value("status").toString(), QString("open"));
        QCOMPARE(item(w.page, "goalStatus")->property("currentText").toString(), QString("Open"));
        QAbstractItemModelTester stepsTester(plan->stepsFor(goals[0].id));

        // An action step, owned by the family, with a due date.
        item(w.page, "newStepDescription")
            ->setProperty("text", "Daughter walks with her on Sundays");
        QQuickItem *owner = item(w.page, "newStepOwner");
        owner->setProperty("currentIndex", 3); // client, coordinator, provider, family
        item(w.page, "newStepDue")->setProperty("text", "2026-12-06");
        click(item(w.page, "addStepButton"));
        QTRY_VERIFY(item(w.page, "stepDescription"));
        QCOMPARE(item(w.page, "stepDescription")->property("text").toString(),
                 QString("Daughter walks with her on Sundays"));
        const QVector<Record> steps =
            liveRecords(*session.store(), "actionStep", "carePlanId", planId);
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps[0].values.value("goalId").toString(), goals[0].id);
        QCOMPARE(steps[0].values.value("owner").toString(), QString("family"));
        QCOMPARE(steps[0].values.value("dueDate").toString(), QString("2026-12-06"));
        QCOMPARE(steps[0].values.value("status").toString(), QString("todo"));
        QCOMPARE(plan->stepsFor(goals[0].id)->rowCount(), 1);

        // The step's status offers only the allowed transitions.
        QAbstractItemModel *stepModel = plan->stepsFor(goals[0].id);
        const QVariantList choices =
            stepModel->index(0, 0).data(stepModel->roleNames().key("statusChoices")).toList();
        QStringList values;
        for (const QVariant &c : choices)
            values.append(c.toMap().value("value").toString());
        QCOMPARE(values, (QStringList{"todo", "in_progress", "done", "cancelled"}));

        // A contingency.
        item(w.page, "newBarrier")->setProperty("text", "Icy pavement");
        item(w.page, "newAlternative")->setProperty("text", "Walk the mall corridor instead");
        click(item(w.page, "addContingency"));
        QTRY_COMPARE(liveRecords(*session.store(), "contingency", "carePlanId", planId).size(), 1);
        QTRY_VERIFY(item(w.page, "contingencyBarrier"));

        // Every change went through the editor: one outbox entry each.
        QVERIFY(session.store()->outbox().count() > 0);
        saveScreenshot(w.window, "CarePlan");

        // Signed: what can no longer change is read-only, with a note; the editor refuses.
        session.editor()->sign("carePlan", planId, "Ada Novak", "client",
                               QJsonArray{QJsonArray{1, 2, 3, 4}});
        QTRY_VERIFY(plan->sealed());
        QTRY_VERIFY(item(w.page, "sealedNote"));
        QVERIFY(item(w.page, "sealedNote")->property("text").toString().contains("Ada Novak"));
        QTRY_VERIFY(item(w.page, "goalStatement")->property("readOnly").toBool());
        QVERIFY(item(w.page, "progressValue")); // progress is still recorded on a signed plan
        QVERIFY(!item(w.page, "newGoalStatement"));
        QVERIFY(!plan->setField("goal", goals[0].id, "statement", "Something else"));
        QVERIFY2(plan->errorText().contains("signed"), qPrintable(plan->errorText()));
        QVERIFY(plan->setField("goal", goals[0].id, "progress", "40"));
        QTRY_COMPARE(session.store()
                         ->records()
                         .find(*Schema::instance().entity("goal"), goals[0].id)
                         ->values.value("progress")
                         .toInt(),
                     40);
    }

    void demoPlanInPortrait()
    {
        const QString path = m_dir.filePath("demo-plan.db");
        createDemoStore(path, "demo", 4);
        Session session(path);
        session.setToday(kPageToday);
        session.open("demo");
        const Record client =
            session.store()->records().all(*Schema::instance().entity("client")).constFirst();
        PageHarness w(&session, "CareRound.Plan", "CarePlanPage", client.id);
        QVERIFY(w.window);
        auto *plan = w.page->findChild<PlanController *>();
        QTRY_VERIFY(plan->found());
        QVERIFY(plan->goals()->rowCount() >= 2);
        w.window->resize(800, 1280);
        QTRY_COMPARE(w.page->width(), 800.0);
        saveScreenshot(w.window, "CarePlan-portrait");
    }

    void aNewPlanSupersedesTheCurrentOne()
    {
        Session session(m_dir.filePath("replace.db"));
        session.setToday(kPageToday);
        session.open("replace key");
        LocalEditor &editor = *session.editor();
        const QString client = editor.create(
            "client", {{"firstName", "Olga"}, {"lastName", "Petrova"}, {"status", "active"}});
        const QString oldPlan = editor.create(
            "carePlan", {{"clientId", client}, {"title", "Spring plan"}, {"status", "active"}});
        const auto goal = [&](const char *statement, const char *status, int progress) {
            return editor.create("goal", {{"carePlanId", oldPlan},
                                          {"clientId", client},
                                          {"statement", statement},
                                          {"measure", "times a week"},
                                          {"targetValue", "2"},
                                          {"status", status},
                                          {"progress", progress}});
        };
        const QString walking = goal("Walk to the shop", "in_progress", 40);
        const QString meals = goal("Meals delivered", "achieved", 100);
        const QString friends = goal("See friends weekly", "open", 0);
        const auto step = [&](const char *description, const char *status) {
            return editor.create("actionStep", {{"goalId", walking},
                                                {"carePlanId", oldPlan},
                                                {"clientId", client},
                                                {"description", description},
                                                {"owner", "client"},
                                                {"status", status},
                                                {"dueDate", "2026-12-15"}});
        };
        step("Buy walking shoes", "done");
        step("Walk with the neighbour", "todo");
        const QString provider =
            editor.create("provider", {{"name", "Walk Together"}, {"status", "active"}});
        const QString referral = editor.create("referral", {{"clientId", client},
                                                            {"providerId", provider},
                                                            {"goalId", walking},
                                                            {"status", "sent"}});
        editor.sign("carePlan", oldPlan, "Olga Petrova", "client",
                    QJsonArray{QJsonArray{1, 2, 3, 4}});

        PageHarness w(&session, "CareRound.Plan", "CarePlanPage", client);
        QVERIFY(w.window && w.page);
        auto *plan = w.page->findChild<PlanController *>();
        QTRY_COMPARE(plan->planId(), oldPlan);
        PageHarness::press(item(w.page, "startReplacement"));
        QTRY_VERIFY(item(w.page, "replacementPanel"));
        // Goals still worked on are ticked; the achieved one is not. Untick one more.
        QVERIFY(
            item(w.page, ("keep_" + walking).toUtf8().constData())->property("checked").toBool());
        QVERIFY(
            item(w.page, ("keep_" + friends).toUtf8().constData())->property("checked").toBool());
        QVERIFY(
            !item(w.page, ("keep_" + meals).toUtf8().constData())->property("checked").toBool());
        item(w.page, ("keep_" + friends).toUtf8().constData())->setProperty("checked", false);
        item(w.page, "replacementTitle")->setProperty("text", "Winter plan");
        PageHarness::press(item(w.page, "confirmReplacement"));
        QTRY_VERIFY(plan->planId() != oldPlan);
        const QString newPlan = plan->planId();

        // The current plan (the one rule) is the new draft; the old is superseded, still signed.
        QCOMPARE(session.store()->plans().currentPlanId(client), newPlan);
        RecordRepository &records = session.store()->records();
        const auto kind = [](const char *name) -> const EntityDef & {
            return *Schema::instance().entity(QString::fromLatin1(name));
        };
        QCOMPARE(records.find(kind("carePlan"), newPlan)->text("title"),
                 QStringLiteral("Winter plan"));
        QCOMPARE(records.find(kind("carePlan"), newPlan)->text("status"), QStringLiteral("draft"));
        QCOMPARE(records.find(kind("carePlan"), oldPlan)->text("status"),
                 QStringLiteral("superseded"));
        // The old plan's signed content is as signed (only its status, editable after signing,
        // moved), and so are its goals.
        const Record superseded = *records.find(kind("carePlan"), oldPlan);
        QCOMPARE(superseded.text("title"), QStringLiteral("Spring plan"));
        QCOMPARE(records.find(kind("goal"), walking)->text("carePlanId"), oldPlan);
        QCOMPARE(records.find(kind("goal"), walking)->values.value("progress").toInt(), 40);
        QCOMPARE(records.findBy(kind("goal"), "carePlanId", oldPlan).size(), 3);

        // Only the kept goal came forward, with its progress, its unfinished step and service.
        const QVector<Record> goals = records.findBy(kind("goal"), "carePlanId", newPlan);
        QCOMPARE(goals.size(), 1);
        const Record &kept = goals.constFirst();
        QCOMPARE(kept.text("statement"), QStringLiteral("Walk to the shop"));
        QCOMPARE(kept.text("status"), QStringLiteral("in_progress"));
        QCOMPARE(kept.values.value("progress").toInt(), 40);
        QCOMPARE(kept.text("measure"), QStringLiteral("times a week"));
        const QVector<Record> steps = records.findBy(kind("actionStep"), "goalId", kept.id);
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps.constFirst().text("description"), QStringLiteral("Walk with the neighbour"));
        QCOMPARE(steps.constFirst().text("carePlanId"), newPlan);
        QCOMPARE(records.find(kind("referral"), referral)->text("goalId"), kept.id);
        QTRY_COMPARE(plan->goals()->rowCount(), 1);
        QVERIFY(!plan->sealed());
    }

    void replacingAPlanIsOneWrite()
    {
        // A plan replaced is all of its edits or none: they run in LocalEditor::together, one
        // SQLite transaction, so a process killed in the middle leaves the store as before
        // (tst_recordupkeep::togetherStoresAllOrNothing). Here the new plan is refused (a title
        // longer than the schema allows): nothing changes and nothing is queued to sync.
        Session session(m_dir.filePath("replace-atomic.db"));
        session.setToday(kPageToday);
        session.open("replace key");
        LocalEditor &editor = *session.editor();
        const QString client = editor.create(
            "client", {{"firstName", "Ana"}, {"lastName", "Silva"}, {"status", "active"}});
        const QString oldPlan = editor.create(
            "carePlan", {{"clientId", client}, {"title", "Plan"}, {"status", "active"}});
        const QString goal = editor.create("goal", {{"carePlanId", oldPlan},
                                                    {"clientId", client},
                                                    {"statement", "Walk"},
                                                    {"status", "open"},
                                                    {"progress", 0}});
        PageHarness w(&session, "CareRound.Plan", "CarePlanPage", client);
        auto *plan = w.page->findChild<PlanController *>();
        QTRY_COMPARE(plan->planId(), oldPlan);
        const int plansBefore =
            session.store()->records().count(*Schema::instance().entity("carePlan"));
        const int outboxBefore = session.syncEngine()->pendingCount();
        QVERIFY(!plan->replacePlan(QString(RecordValidator::kMaxTextLength + 1, QLatin1Char('x')),
                                   {goal}));
        QVERIFY(!plan->errorText().isEmpty());
        QCOMPARE(session.store()->records().count(*Schema::instance().entity("carePlan")),
                 plansBefore);
        QCOMPARE(session.syncEngine()->pendingCount(), outboxBefore);
        QCOMPARE(session.store()
                     ->records()
                     .find(*Schema::instance().entity("carePlan"), oldPlan)
                     ->text("status"),
                 QStringLiteral("active"));
    }

    void goalProgressIsKeptAndShownAsATrend()
    {
        Session session(m_dir.filePath("progress.db"));
        session.setToday(kPageToday);
        session.open("progress key");
        LocalEditor &editor = *session.editor();
        const QString client = editor.create(
            "client", {{"firstName", "Rui"}, {"lastName", "Costa"}, {"status", "active"}});
        const QString planId = editor.create(
            "carePlan", {{"clientId", client}, {"title", "Plan"}, {"status", "active"}});
        const QString goalId = editor.create("goal", {{"carePlanId", planId},
                                                      {"clientId", client},
                                                      {"statement", "Walk to the park"},
                                                      {"status", "in_progress"},
                                                      {"progress", 0}});
        PageHarness w(&session, "CareRound.Plan", "CarePlanPage", client);
        auto *plan = w.page->findChild<PlanController *>();
        QTRY_COMPARE(plan->planId(), planId);
        RecordRepository &records = session.store()->records();
        const EntityDef &progressDef = *Schema::instance().entity("goalProgress");
        const EntityDef &goalDef = *Schema::instance().entity("goal");
        const auto record = [&](const char *value, const char *note) {
            QQuickItem *field = nullptr;
            QTRY_VERIFY((field = item(w.page, "progressValue")));
            field->setProperty("text", value);
            item(w.page, "progressNote")->setProperty("text", note);
            PageHarness::press(item(w.page, "recordProgress"));
        };
        QCOMPARE(item(w.page, "goalTrendText")->property("text").toString(),
                 QStringLiteral("No progress recorded yet"));
        record("20", "Walked to the corner");
        QTRY_COMPARE(records.findBy(progressDef, "goalId", goalId).size(), 1);
        QVERIFY(!item(w.page, "goalTrend")); // one point is no trend yet
        record("45", "");
        QTRY_COMPARE(records.findBy(progressDef, "goalId", goalId).size(), 2);
        record("60", "Halfway to the park");
        QTRY_COMPARE(records.findBy(progressDef, "goalId", goalId).size(), 3);

        // Every update kept (who, when, value, note); the goal holds the latest.
        const QVector<Record> updates = records.findBy(progressDef, "goalId", goalId);
        QCOMPARE(updates[0].values.value("value").toInt(), 20);
        QCOMPARE(updates[0].text("note"), QStringLiteral("Walked to the corner"));
        QVERIFY(updates[1].text("note").isEmpty());
        QCOMPARE(updates[2].values.value("value").toInt(), 60);
        for (const Record &u : updates) {
            QVERIFY(!u.text("authorId").isEmpty());
            QVERIFY(QDateTime::fromString(u.text("recordedAt"), Qt::ISODate).isValid());
        }
        QCOMPARE(records.find(goalDef, goalId)->values.value("progress").toInt(), 60);
        QTRY_VERIFY(item(w.page, "goalTrend"));
        QCOMPARE(item(w.page, "goalTrend")->property("points").toList().size(), 3);
        QVERIFY2(
            item(w.page, "goalTrendText")->property("text").toString().contains("up 40 points"),
            qPrintable(item(w.page, "goalTrendText")->property("text").toString()));

        // A value out of range is refused: nothing stored, the goal unchanged.
        record("150", "too much");
        QTRY_VERIFY(!plan->errorText().isEmpty());
        QCOMPARE(records.findBy(progressDef, "goalId", goalId).size(), 3);
        QCOMPARE(records.find(goalDef, goalId)->values.value("progress").toInt(), 60);

        // Attainment at review, dated.
        QVERIFY(plan->setAttainment(goalId, "partly_achieved"));
        QCOMPARE(records.find(goalDef, goalId)->text("attainment"),
                 QStringLiteral("partly_achieved"));
        QCOMPARE(records.find(goalDef, goalId)->text("attainmentOn"),
                 kPageToday.toString(Qt::ISODate));
        QTRY_VERIFY(item(w.page, "goalAttainmentText"));
        QVERIFY(item(w.page, "goalAttainmentText")
                    ->property("text")
                    .toString()
                    .contains("Partly achieved"));
        QVERIFY(!plan->setAttainment(goalId, "brilliant"));
        QCOMPARE(records.find(goalDef, goalId)->text("attainment"),
                 QStringLiteral("partly_achieved"));
    }
};

QTEST_MAIN(TestCarePlanUi)
#include "tst_careplanui.moc"
