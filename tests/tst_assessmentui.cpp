// The assessment screen offscreen over a real encrypted store: start an assessment, answer
// the PHQ-2 and PHQ-9 by touch and see the live score, band and self-harm flag; notes save as
// typed; the completion check names what is missing; once everything is answered the status
// becomes complete; once signed the screen is read-only and the store refuses edits. A
// reassessment starts from the last assessment's notes, with empty instruments, and shows the
// last scores beside the new ones.
#include "assessmentcontroller.h"
#include "pageharness.h"

#include <QAbstractItemModelTester>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_AssessmentPlugin)

using namespace careround;
using careround::test::PageHarness;

namespace {

const QDate kToday(2026, 11, 22);
const QString kPage = QStringLiteral("qrc:/CareRound/Assessment/AssessmentPage.qml");

QVector<Record> answersOf(Session &session, const QString &assessmentId)
{
    return session.store()->records().findBy(*Schema::instance().entity("assessmentAnswer"),
                                             "assessmentId", assessmentId);
}

int answerValue(Session &session, const QString &assessmentId, const QString &instrument,
                const QString &item)
{
    for (const Record &r : answersOf(session, assessmentId))
        if (r.values.value("instrument").toString() == instrument &&
            r.values.value("item").toString() == item)
            return r.values.value("value").toInt();
    return -1;
}

} // namespace

class TestAssessmentUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void assessWithPhq9AndComplete()
    {
        const QString path = m_dir.filePath("assess.db");
        test::createDemoStore(path, "demo", 3, kToday);
        QString clientId;
        {
            DeviceStore::Options o{path, "demo"};
            clientId = DeviceStore::open(o)
                           ->records()
                           .all(*Schema::instance().entity("client"))
                           .constFirst()
                           .id;
        }
        PageHarness ui(path, "demo", kPage, {{"clientId", clientId}});
        QVERIFY(ui.ok());
        QVERIFY(QTest::qWaitForWindowExposed(ui.view.get()));
        auto *controller = ui.root()->findChild<AssessmentController *>();
        QVERIFY(controller);
        QAbstractItemModelTester domainsTester(controller->domains());
        QAbstractItemModelTester instrumentsTester(controller->instruments());
        QAbstractItemModelTester questionsTester(controller->questions());

        // Start a new assessment of the client.
        QQuickItem *start = ui.item("startInitial");
        QVERIFY(start);
        ui.tap(start);
        QTRY_VERIFY(!ui.root()->property("recordId").toString().isEmpty());
        const QString id = ui.root()->property("recordId").toString();
        const auto stored =
            ui.session->store()->records().find(*Schema::instance().entity("assessment"), id);
        QVERIFY(stored);
        QCOMPARE(stored->values.value("clientId").toString(), clientId);
        QCOMPARE(stored->values.value("status").toString(), QStringLiteral("draft"));

        // Emotional well-being: PHQ-2 positive (2 + 2), then the PHQ-9.
        ui.tap(ui.item("domain_emotional"));
        QTRY_COMPARE(controller->currentDomain(), QStringLiteral("emotional"));
        QTRY_VERIFY(ui.item("answer_phq2_interest_2"));
        PageHarness::press(ui.item("answer_phq2_interest_2"));
        PageHarness::press(ui.item("answer_phq2_mood_2"));
        QTRY_COMPARE(ui.text("band_phq2"), QStringLiteral("Positive screen: complete the PHQ-9"));
        const QList<QPair<QString, int>> phq9 = {
            {"interest", 2},      {"mood", 2},        {"sleep", 2},
            {"energy", 1},        {"appetite", 1},    {"selfworth", 1},
            {"concentration", 1}, {"psychomotor", 1}, {"selfharm", 1}};
        int expected = 0;
        for (const auto &[item, value] : phq9) {
            QVERIFY(!ui.text("score_phq9").isEmpty());
            QQuickItem *option = ui.item(QStringLiteral("answer_phq9_%1_%2").arg(item).arg(value));
            QVERIFY2(option, qPrintable(item));
            PageHarness::press(option);
            expected += value;
            // The score is live: it follows every answer.
            QTRY_VERIFY2(ui.text("score_phq9").startsWith(QStringLiteral("%1 of 27").arg(expected)),
                         qPrintable(ui.text("score_phq9")));
        }
        QCOMPARE(expected, 12);
        QTRY_COMPARE(ui.text("score_phq9"), QStringLiteral("12 of 27"));
        QCOMPARE(ui.text("band_phq9"), QStringLiteral("Moderate depression"));
        // The self-harm answer is flagged at once, on the item and at the top of the page.
        QVERIFY(ui.item("flag_phq9_selfharm"));
        QVERIFY(ui.item("safetyAlert"));
        QVERIFY(ui.text("safetyAlert").contains("safety"));

        // The answers are in the store, one record per item.
        for (const auto &[item, value] : phq9)
            QCOMPARE(answerValue(*ui.session, id, "phq9", item), value);
        QCOMPARE(answerValue(*ui.session, id, "phq2", "mood"), 2);
        QCOMPARE(answersOf(*ui.session, id).size(), 11);
        // Changing an answer updates its record, it does not add one.
        PageHarness::press(ui.item("answer_phq9_sleep_3"));
        QTRY_COMPARE(ui.text("score_phq9"), QStringLiteral("13 of 27"));
        QCOMPARE(answerValue(*ui.session, id, "phq9", "sleep"), 3);
        QCOMPARE(answersOf(*ui.session, id).size(), 11);
        QCOMPARE(ui.session->store()
                     ->records()
                     .find(*Schema::instance().entity("assessment"), id)
                     ->values.value("status")
                     .toString(),
                 QStringLiteral("in_progress"));

        // Notes save as they are typed (no save button).
        QQuickItem *notes = ui.item("domainNotes");
        QVERIFY(notes);
        notes->setProperty("text", QStringLiteral("Feels low since her husband died in spring."));
        QTRY_COMPARE(ui.session->store()
                         ->records()
                         .find(*Schema::instance().entity("assessment"), id)
                         ->values.value("emotionalNotes")
                         .toString(),
                     QStringLiteral("Feels low since her husband died in spring."));

        // The completion check names what is missing, and the status does not change.
        ui.tap(ui.item("completeButton"));
        QTRY_VERIFY(ui.item("completionCheck"));
        const QStringList missing = controller->missing();
        QVERIFY(missing.contains(QStringLiteral("Medical: nothing recorded yet")));
        QVERIFY(missing.contains(QStringLiteral("Safety: nothing recorded yet")));
        bool namesKatz = false, namesLoneliness = false;
        for (const QString &m : missing) {
            namesKatz = namesKatz || (m.startsWith("Katz ADL: unanswered items (6)") &&
                                      m.contains("Bathing without help"));
            namesLoneliness = namesLoneliness ||
                              (m.startsWith("Emotional well-being: unanswered questions (2)") &&
                               m.contains("Feels lonely"));
        }
        QVERIFY2(namesKatz, qPrintable(missing.join('\n')));
        QVERIFY2(namesLoneliness, qPrintable(missing.join('\n')));
        QCOMPARE(ui.session->store()
                     ->records()
                     .find(*Schema::instance().entity("assessment"), id)
                     ->values.value("status")
                     .toString(),
                 QStringLiteral("in_progress"));
        QVERIFY(ui.text("progressText").startsWith(QStringLiteral("0 of 9")));
        ui.screenshot(QStringLiteral("Assessment"));
        ui.view->resize(800, 1280);
        QTRY_COMPARE(ui.root()->width(), 800.0);
        ui.screenshot(QStringLiteral("Assessment-portrait"));
        ui.view->resize(1280, 800);

        // Answer everything, domain by domain, by touch (the first option of each question).
        const QStringList domains = {"medical",        "emotional",    "social",
                                     "financial",      "daily_living", "housing",
                                     "transportation", "medication",   "safety"};
        for (const QString &domain : domains) {
            // What the domain button does (the list scrolls; off-screen delegates may not exist).
            controller->setProperty("currentDomain", domain);
            QTRY_COMPARE(controller->currentDomain(), domain);
            for (QQuickItem *option : ui.items(QStringLiteral("answer_"))) {
                if (!option->objectName().endsWith(QStringLiteral("_1")) ||
                    option->objectName().startsWith(QStringLiteral("answer_phq")))
                    continue;
                PageHarness::press(option);
            }
            QTRY_COMPARE(controller->domains()
                             ->get(int(domains.indexOf(domain)), "progressState")
                             .toString(),
                         QStringLiteral("done"));
        }
        QTRY_COMPARE(controller->domainsDone(), 9);
        QVERIFY(ui.text("progressText").startsWith(QStringLiteral("9 of 9")));
        QTRY_COMPARE(ui.text("score_katz"), QStringLiteral("6 of 6"));
        ui.tap(ui.item("completeButton"));
        QTRY_COMPARE(controller->status(), QStringLiteral("complete"));
        const Record done =
            *ui.session->store()->records().find(*Schema::instance().entity("assessment"), id);
        QCOMPARE(done.values.value("status").toString(), QStringLiteral("complete"));
        QVERIFY(!done.values.value("completedAt").toString().isEmpty());
        QVERIFY(controller->readOnly());

        // Signed: sealed on screen and in the store.
        ui.session->editor()->sign("assessment", id, "Test Client", "client",
                                   QJsonArray{QJsonArray{1, 2, 3, 4}});
        QTRY_VERIFY(controller->sealed());
        QVERIFY(ui.item("readOnlyNotice"));
        QVERIFY(ui.text("readOnlyNotice").contains("Signed by Test Client"));
        QVERIFY(!ui.item("completeButton"));
        // A tap on a (disabled) answer changes nothing; the reason is shown.
        ui.tap(ui.item("domain_medical"));
        QTRY_COMPARE(controller->currentDomain(), QStringLiteral("medical"));
        QCOMPARE(answerValue(*ui.session, id, "domain", "medical.chronic"), 1);
        PageHarness::press(ui.item("answer_medical_chronic_0", false));
        QTRY_VERIFY(ui.item("assessmentError"));
        QCOMPARE(answerValue(*ui.session, id, "domain", "medical.chronic"), 1);
        bool refused = false;
        try {
            ui.session->editor()->update("assessment", id, {{"medicalNotes", "changed"}});
        } catch (const StoreError &e) {
            refused = e.code() == StoreError::Code::Sealed;
        }
        QVERIFY(refused);
    }

    void aReassessmentStartsFromTheLastOne()
    {
        const QString path = m_dir.filePath("reassess.db");
        QString clientId, firstId;
        {
            DeviceStore::Options o{path, "demo"};
            auto store = DeviceStore::open(o);
            LocalEditor editor(*store, "test");
            clientId = editor.create(
                "client", {{"firstName", "Ines"}, {"lastName", "Moreno"}, {"status", "active"}});
            firstId = editor.create("assessment", {{"clientId", clientId},
                                                   {"kind", "initial"},
                                                   {"status", "complete"},
                                                   {"startedAt", "2026-05-04T10:00:00Z"},
                                                   {"completedAt", "2026-05-04T11:00:00Z"},
                                                   {"housingNotes", "Stairs to the flat"},
                                                   {"strengths", "Close to her sister"}});
            for (const char *item : {"interest", "mood"})
                editor.create("assessmentAnswer", {{"assessmentId", firstId},
                                                   {"clientId", clientId},
                                                   {"instrument", "phq2"},
                                                   {"item", item},
                                                   {"value", 2}});
        }
        PageHarness ui(path, "demo", kPage, {{"clientId", clientId}, {"recordId", firstId}});
        QVERIFY(ui.ok());
        QVERIFY(QTest::qWaitForWindowExposed(ui.view.get()));
        const Record before =
            *ui.session->store()->records().find(*Schema::instance().entity("assessment"), firstId);

        // The finished assessment offers the next one; the first has nothing to compare with.
        QQuickItem *next = nullptr;
        QTRY_VERIFY((next = ui.item("newReassessment")));
        QVERIFY(ui.item("newAnnual"));
        PageHarness::press(next);
        QTRY_VERIFY(ui.root()->property("recordId").toString() != firstId);
        const QString secondId = ui.root()->property("recordId").toString();
        const Record second = *ui.session->store()->records().find(
            *Schema::instance().entity("assessment"), secondId);
        QCOMPARE(second.values.value("kind").toString(), QStringLiteral("reassessment"));
        QCOMPARE(second.values.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(second.values.value("clientId").toString(), clientId);
        // The domains' notes come forward; the instruments start empty.
        QCOMPARE(second.values.value("housingNotes").toString(),
                 QStringLiteral("Stairs to the flat"));
        QCOMPARE(second.values.value("strengths").toString(),
                 QStringLiteral("Close to her sister"));
        QVERIFY(answersOf(*ui.session, secondId).isEmpty());
        QCOMPARE(answersOf(*ui.session, firstId).size(), 2);
        QCOMPARE(ui.session->store()
                     ->records()
                     .find(*Schema::instance().entity("assessment"), firstId)
                     ->values,
                 before.values);
        QVERIFY(!ui.item("newReassessment")); // a draft is finished first

        // The last scores beside the new ones.
        PageHarness::press(ui.item("domain_emotional"));
        auto *controller = ui.root()->findChild<AssessmentController *>();
        QTRY_COMPARE(controller->currentDomain(), QStringLiteral("emotional"));
        QTRY_VERIFY(ui.item("previous_phq2"));
        QVERIFY2(ui.text("previous_phq2").contains("4 of 6"), qPrintable(ui.text("previous_phq2")));
        QVERIFY(ui.text("previous_phq2").contains("Positive screen"));
        QVERIFY(ui.text("previous_phq2").contains("2026"));
        QVERIFY(ui.text("score_phq2").startsWith("0 of 6"));
        PageHarness::press(ui.item("answer_phq2_interest_0"));
        QTRY_VERIFY(ui.text("score_phq2").startsWith("0 of 6 so far (1 of 2"));
        QVERIFY(ui.text("previous_phq2").contains("4 of 6"));
    }
};

QTEST_MAIN(TestAssessmentUi)
#include "tst_assessmentui.moc"
