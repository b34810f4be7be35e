// The Visit screen offscreen over a real encrypted store: check in to a planned visit, write a
// note and correct it, add a follow-up and mark it done, record a complaint with a step taken
// and move its status, a satisfaction check, goal progress and status on a signed plan, check
// out; each step is checked in the store. Also starting a new visit at check-in, and a
// screenshot at 1280x800.
#include "devicestore.h"
#include "keyedlistmodel.h"
#include "localeditor.h"
#include "pageharness.h"
#include "session.h"
#include "syncengine.h"
#include "visitcontroller.h"

#include <QAbstractItemModelTester>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_VisitPlugin)

using namespace careround;
using careround::test::screenshotPath;
using careround::test::visualItems;

namespace {

const QDate kToday(2026, 11, 22);
const QByteArray kKey("visit test");

const EntityDef &def(const char *entity)
{
    return *Schema::instance().entity(QString::fromLatin1(entity));
}

QString s(const Record &r, const char *field)
{
    return r.values.value(QLatin1String(field)).toString();
}

QQuickItem *one(QQuickItem *root, const char *name)
{
    const QList<QQuickItem *> items = visualItems(root, name);
    return items.size() == 1 ? items.constFirst() : nullptr;
}

/** Presses a button the way a finger does, after checking a person could. */
bool press(QQuickItem *button)
{
    if (!button || !button->isVisible() || !button->isEnabled())
        return false;
    return QMetaObject::invokeMethod(button, "clicked");
}

struct Page {
    QQmlEngine engine;
    std::unique_ptr<QObject> root;
    QQuickWindow *window = nullptr;
    QQuickItem *page = nullptr;
    VisitController *controller = nullptr;

    Page(Session *session, const QString &clientId, const QString &visitId)
    {
        engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(&engine);
        component.setData("import QtQuick\n"
                          "import CareRound.Session\n"
                          "import CareRound.Visit\n"
                          "Window {\n"
                          "    id: w\n"
                          "    required property Session session\n"
                          "    required property string clientId\n"
                          "    required property string visitId\n"
                          "    width: 1280; height: 800; visible: true\n"
                          "    VisitPage { objectName: 'visitPage'; anchors.fill: parent;"
                          " session: w.session; clientId: w.clientId; recordId: w.visitId }\n"
                          "}\n",
                          QUrl(QStringLiteral("qrc:/test/VisitWindow.qml")));
        root.reset(component.createWithInitialProperties({{"session", QVariant::fromValue(session)},
                                                          {"clientId", clientId},
                                                          {"visitId", visitId}}));
        if (!root)
            qWarning() << component.errorString();
        window = qobject_cast<QQuickWindow *>(root.get());
        if (window) {
            page = window->findChild<QQuickItem *>(QStringLiteral("visitPage"));
            controller = window->findChild<VisitController *>(QStringLiteral("visitController"));
        }
    }
    QQuickItem *item(const char *name) const { return one(page, name); }
};

} // namespace

class TestVisitPage : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    QString m_clientId, m_visitId, m_goalId;

private slots:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_path = m_dir.filePath(QStringLiteral("visit.db"));
        const DemoStore demo = test::createDemoStore(m_path, kKey, 20, kToday);
        const std::unique_ptr<DeviceStore> &store = demo.store;
        DeviceStore::BulkLoad bulk(*store); // test speed only
        LocalEditor editor(*store, QStringLiteral("test"));
        // A client with an active, signed plan that has goals.
        RecordRepository &records = store->records();
        for (const Record &plan : records.all(def("carePlan"))) {
            if (s(plan, "status") != QLatin1String("active") ||
                !records.isSealed(def("carePlan"), plan))
                continue;
            const QVector<Record> goals =
                records.findBy(def("goal"), QStringLiteral("carePlanId"), plan.id);
            if (goals.isEmpty())
                continue;
            m_clientId = s(plan, "clientId");
            m_goalId = goals.constFirst().id;
            break;
        }
        QVERIFY(!m_clientId.isEmpty());
        m_visitId = editor.create(
            "visit", {{"clientId", m_clientId},
                      {"plannedAt", QDateTime(kToday, QTime(10, 0), QTimeZone::systemTimeZone())
                                        .toUTC()
                                        .toString(Qt::ISODate)},
                      {"status", "planned"},
                      {"purpose", "Monthly review"}});
    }

    void aVisitFromCheckInToCheckOut()
    {
        Session session(m_path);
        session.setToday(kToday);
        session.open(kKey);
        RecordRepository &records = session.store()->records();
        auto visit = [&] { return *records.find(def("visit"), m_visitId); };

        Page p(&session, m_clientId, m_visitId);
        QVERIFY(p.window && p.page && p.controller);
        QVERIFY(QTest::qWaitForWindowExposed(p.window));
        QAbstractItemModelTester notesTester(
            p.controller->notes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester followUpTester(
            p.controller->followUps(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester complaintTester(
            p.controller->complaints(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester satisfactionTester(
            p.controller->satisfaction(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester goalTester(p.controller->goals(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(p.item("visitClientName")
                        ->property("text")
                        .toString()
                        .contains(s(*records.find(def("client"), m_clientId), "lastName")));
        QVERIFY(!p.item("checkOutButton")->isVisible());

        // Check in: the time is now and the visit is in progress.
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        QVERIFY(press(p.item("checkInButton")));
        QTRY_COMPARE(s(visit(), "status"), QStringLiteral("in_progress"));
        const QDateTime checkIn = QDateTime::fromString(s(visit(), "checkInAt"), Qt::ISODate);
        QVERIFY(checkIn.isValid());
        QVERIFY(checkIn >= before && checkIn <= QDateTime::currentDateTimeUtc());
        QTRY_VERIFY(p.item("checkOutButton")->isVisible());
        QVERIFY(!p.item("checkInButton")->isVisible());
        QVERIFY(p.item("visitStatus")->property("text").toString().contains("In progress"));

        // A note, then a correction of it: a new note, the first one kept.
        p.item("noteField")->setProperty("text", "Client seemed tired; fridge nearly empty.");
        QVERIFY(press(p.item("addNoteButton")));
        auto notes = [&] {
            return records.findBy(def("visitNote"), QStringLiteral("visitId"), m_visitId);
        };
        QTRY_COMPARE(notes().size(), 1);
        QCOMPARE(s(notes().constFirst(), "text"),
                 QStringLiteral("Client seemed tired; fridge nearly empty."));
        QTRY_COMPARE(visualItems(p.page, "noteCard").size(), 1);
        QVERIFY(press(one(visualItems(p.page, "noteCard").constFirst(), "correctNoteButton")));
        QCOMPARE(p.item("noteField")->property("text").toString(),
                 QStringLiteral("Client seemed tired; fridge nearly empty."));
        p.item("noteField")->setProperty("text", "Client seemed tired; fridge half empty.");
        QVERIFY(press(p.item("addNoteButton")));
        QTRY_COMPARE(notes().size(), 2);
        const QString firstNote = p.controller->notes()->get(0, "recordId").toString();
        bool corrected = false;
        for (const Record &n : notes())
            if (s(n, "correctsId") == firstNote)
                corrected =
                    s(n, "text") == QLatin1String("Client seemed tired; fridge half empty.");
        QVERIFY(corrected);
        QCOMPARE(s(*records.find(def("visitNote"), firstNote), "text"),
                 QStringLiteral("Client seemed tired; fridge nearly empty."));
        QTRY_VERIFY(p.controller->notes()->get(0, "corrected").toBool());

        // The summary saves when editing finishes.
        QQuickItem *summary = p.item("visitSummary");
        summary->setProperty("text", "Reviewed meals and medication.");
        QVERIFY(QMetaObject::invokeMethod(summary, "editingFinished"));
        QTRY_COMPARE(s(visit(), "summary"), QStringLiteral("Reviewed meals and medication."));

        // A follow-up linked to the visit, then marked done.
        p.item("followUpField")->setProperty("text", "Ask the food bank about deliveries");
        p.item("followUpDueField")->setProperty("text", kToday.addDays(3).toString(Qt::ISODate));
        QVERIFY(press(p.item("addFollowUpButton")));
        auto followUp = [&]() -> std::optional<Record> {
            for (const Record &f :
                 records.findBy(def("followUp"), QStringLiteral("visitId"), m_visitId))
                if (s(f, "description") == QLatin1String("Ask the food bank about deliveries"))
                    return f;
            return std::nullopt;
        };
        QTRY_VERIFY(followUp().has_value());
        QCOMPARE(s(*followUp(), "dueOn"), kToday.addDays(3).toString(Qt::ISODate));
        QCOMPARE(s(*followUp(), "status"), QStringLiteral("open"));
        QCOMPARE(s(*followUp(), "clientId"), m_clientId);
        QQuickItem *followUpCard = nullptr;
        QTRY_VERIFY([&] {
            for (QQuickItem *card : visualItems(p.page, "followUpCard"))
                if (card->property("recordId").toString() == followUp()->id)
                    followUpCard = card;
            return followUpCard != nullptr;
        }());
        QVERIFY(press(one(followUpCard, "followUpDoneButton")));
        QTRY_COMPARE(s(*followUp(), "status"), QStringLiteral("done"));
        QCOMPARE(s(*followUp(), "doneOn"), kToday.toString(Qt::ISODate));

        // A complaint raised in the visit, a step taken, and its status moved on.
        p.item("complaintSubjectField")->setProperty("text", "Aide arrives an hour late");
        p.item("complaintDescriptionField")->setProperty("text", "Three times this month.");
        QVERIFY(press(p.item("raiseComplaintButton")));
        auto complaint = [&]() -> std::optional<Record> {
            for (const Record &c :
                 records.findBy(def("complaint"), QStringLiteral("visitId"), m_visitId))
                return c;
            return std::nullopt;
        };
        QTRY_VERIFY(complaint().has_value());
        QCOMPARE(s(*complaint(), "subject"), QStringLiteral("Aide arrives an hour late"));
        QCOMPARE(s(*complaint(), "status"), QStringLiteral("open"));
        QQuickItem *card = nullptr;
        QTRY_VERIFY([&] {
            for (QQuickItem *c : visualItems(p.page, "complaintCard"))
                if (c->property("recordId").toString() == complaint()->id)
                    card = c;
            return card != nullptr;
        }());
        one(card, "complaintActionField")->setProperty("text", "Called the agency's scheduler");
        QVERIFY(press(one(card, "addComplaintActionButton")));
        auto actions = [&] {
            return records.findBy(def("complaintAction"), QStringLiteral("complaintId"),
                                  complaint()->id);
        };
        QTRY_COMPARE(actions().size(), 1);
        QCOMPARE(s(actions().constFirst(), "description"),
                 QStringLiteral("Called the agency's scheduler"));
        QVERIFY(!s(actions().constFirst(), "takenAt").isEmpty());
        QTRY_COMPARE(visualItems(card, "complaintActionText").size(), 1);
        QVERIFY(press(one(card, "complaintStatus_investigating")));
        QTRY_COMPARE(s(*complaint(), "status"), QStringLiteral("investigating"));

        // Satisfaction: a score and the client's words.
        QVERIFY(press(p.item("satisfactionScore4")));
        p.item("satisfactionComments")->setProperty("text", "Happy with the new aide");
        QVERIFY(press(p.item("recordSatisfactionButton")));
        auto responses = [&] {
            return records.findBy(def("satisfactionResponse"), QStringLiteral("visitId"),
                                  m_visitId);
        };
        QTRY_COMPARE(responses().size(), 1);
        QCOMPARE(responses().constFirst().values.value("score").toInt(), 4);
        QCOMPARE(s(responses().constFirst(), "comments"),
                 QStringLiteral("Happy with the new aide"));
        QTRY_COMPARE(visualItems(p.page, "satisfactionText").size(), 1);

        // Goal progress and status on the signed plan (editable after signing).
        QQuickItem *goalCard = nullptr;
        for (QQuickItem *c : visualItems(p.page, "goalCard"))
            if (c->property("recordId").toString() == m_goalId)
                goalCard = c;
        QVERIFY(goalCard);
        QQuickItem *slider = one(goalCard, "goalProgress");
        const int progressBefore =
            records.find(def("goal"), m_goalId)->values.value("progress").toInt();
        slider->forceActiveFocus();
        QTest::keyClick(p.window, progressBefore >= 100 ? Qt::Key_Left : Qt::Key_Right);
        const int expected = progressBefore >= 100 ? 95 : (progressBefore / 5 + 1) * 5;
        QTRY_COMPARE(records.find(def("goal"), m_goalId)->values.value("progress").toInt(),
                     expected);
        // The update is kept for the plan's trend (not only the goal's latest value).
        const QVector<Record> updates = records.findBy(def("goalProgress"), "goalId", m_goalId);
        QVERIFY(!updates.isEmpty());
        QCOMPARE(updates.constLast().values.value("value").toInt(), expected);
        QVERIFY(!updates.constLast().text("recordedAt").isEmpty());
        const QString goalStatus = s(*records.find(def("goal"), m_goalId), "status");
        const QString nextStatus = def("goal").transitions.value(goalStatus).constFirst();
        QVERIFY(press(one(goalCard, qPrintable("goalStatus_" + nextStatus))));
        QTRY_COMPARE(s(*records.find(def("goal"), m_goalId), "status"), nextStatus);
        QVERIFY(p.controller->errorText().isEmpty());

        // Check out: after check-in, and the visit is completed.
        QVERIFY(press(p.item("checkOutButton")));
        QTRY_COMPARE(s(visit(), "status"), QStringLiteral("completed"));
        const QDateTime checkOut = QDateTime::fromString(s(visit(), "checkOutAt"), Qt::ISODate);
        QVERIFY(checkOut.isValid() && checkOut >= checkIn);
        QTRY_VERIFY(!p.item("checkOutButton")->isVisible());
        QVERIFY(p.item("visitTimes")->property("text").toString().contains("Checked out"));

        // Every change was one edit waiting to sync.
        session.refreshStatus();
        QVERIFY(session.syncEngine()->pendingCount() > 0);
        QVERIFY(p.window->grabWindow().save(screenshotPath(QStringLiteral("Visit.png"))));
    }

    void aNewVisitStartsAtCheckIn()
    {
        Session session(m_path);
        session.setToday(kToday);
        session.open(kKey);
        Page p(&session, m_clientId, QString());
        QVERIFY(p.window && p.controller);
        QVERIFY(!p.controller->hasVisit());
        QVERIFY(!p.item("addNoteButton")->isEnabled());
        const qint64 visitsBefore = session.store()->records().count(def("visit"));
        QVERIFY(press(p.item("checkInButton")));
        QTRY_VERIFY(p.controller->hasVisit());
        QCOMPARE(session.store()->records().count(def("visit")), visitsBefore + 1);
        const Record created =
            *session.store()->records().find(def("visit"), p.controller->visitId());
        QCOMPARE(s(created, "status"), QStringLiteral("in_progress"));
        QCOMPARE(s(created, "clientId"), m_clientId);
        QVERIFY(!s(created, "checkInAt").isEmpty());
        // Refused input says why and writes nothing.
        QVERIFY(!p.controller->addFollowUp("Something", "next tuesday"));
        QVERIFY(p.controller->errorText().contains("year-month-day"));
        QTRY_VERIFY(p.item("visitError")->isVisible());
    }
};

QTEST_MAIN(TestVisitPage)
#include "tst_visitpage.moc"
