// The Today screen offscreen over a real encrypted store (demo agency plus records made here):
// the day's visits and appointments in time order, follow-ups overdue before those due today,
// the alerts for a severe PHQ-9 (scored from the answers) and a missing transport, tapping an
// item, and screenshots in landscape and portrait.
#include "devicestore.h"
#include "instruments.h"
#include "localeditor.h"
#include "pageharness.h"
#include "session.h"
#include "todaymodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_TodayPlugin)

using namespace careround;
using careround::test::screenshotPath;
using careround::test::visualItems;

namespace {

const QDate kToday(2026, 11, 22);
const QByteArray kKey("today test");

/** A local time on a day, stored as UTC ISO like every time in the store. */
QString at(const QDate &day, int hour, int minute)
{
    return QDateTime(day, QTime(hour, minute), QTimeZone::systemTimeZone())
        .toUTC()
        .toString(Qt::ISODate);
}

} // namespace

class TestTodayPage : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    QString m_earlyVisit, m_earlyAppointment, m_severeClient, m_severeAssessment, m_transportClient,
        m_transportAppointment, m_improvedClient;

private slots:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_path = m_dir.filePath(QStringLiteral("today.db"));
        const DemoStore demo = test::createDemoStore(m_path, kKey, 40, kToday);
        DeviceStore::BulkLoad bulk(*demo.store); // test speed only
        LocalEditor editor(*demo.store, QStringLiteral("test"));

        auto client = [&](const QString &first, const QString &last) {
            return editor.create("client", {{"firstName", first},
                                            {"lastName", last},
                                            {"status", "active"},
                                            {"address", "1 Test Street"},
                                            {"city", "Springfield"}});
        };
        // The first things of the day: a visit at 07:30 and an appointment at 07:45.
        const QString early = client("Edna", "Early");
        m_earlyVisit = editor.create("visit", {{"clientId", early},
                                               {"plannedAt", at(kToday, 7, 30)},
                                               {"status", "planned"},
                                               {"purpose", "Morning check"}});
        m_earlyAppointment = editor.create("appointment", {{"clientId", early},
                                                           {"title", "Blood test"},
                                                           {"startsAt", at(kToday, 7, 45)},
                                                           {"location", "Springfield Lab"},
                                                           {"transportArranged", true},
                                                           {"status", "scheduled"}});
        // A cancelled visit today is not on the schedule.
        editor.create(
            "visit",
            {{"clientId", early}, {"plannedAt", at(kToday, 7, 0)}, {"status", "cancelled"}});

        // A PHQ-9 of 21 without thoughts of self-harm: severe depression.
        auto phq9 = [&](const QString &clientId, const QDateTime &startedAt,
                        const QList<int> &values) {
            QString assessment =
                editor.create("assessment", {{"clientId", clientId},
                                             {"kind", "reassessment"},
                                             {"status", "complete"},
                                             {"startedAt", startedAt.toString(Qt::ISODate)}});
            const Instrument &instrument = *Instruments::find("phq9");
            for (int i = 0; i < instrument.items.size(); ++i)
                editor.create("assessmentAnswer", {{"assessmentId", assessment},
                                                   {"clientId", clientId},
                                                   {"instrument", "phq9"},
                                                   {"item", instrument.items[i].key},
                                                   {"value", values[i]}});
            return assessment;
        };
        m_severeClient = client("Sam", "Severe");
        const QDateTime morning(kToday, QTime(8, 0), Qt::UTC);
        m_severeAssessment = phq9(m_severeClient, morning, {3, 3, 3, 3, 3, 3, 2, 1, 0});
        // Severe once, better since: the latest PHQ-9 counts, so no alert.
        m_improvedClient = client("Ivy", "Improved");
        phq9(m_improvedClient, morning.addDays(-60), {3, 3, 3, 3, 3, 3, 3, 2, 0});
        phq9(m_improvedClient, morning.addDays(-1), {1, 1, 0, 1, 0, 0, 1, 0, 0});

        // An appointment in two days with no transport arranged.
        m_transportClient = client("Tom", "Transport");
        m_transportAppointment =
            editor.create("appointment", {{"clientId", m_transportClient},
                                          {"title", "Cardiology check"},
                                          {"withWhom", "Dr. Heart"},
                                          {"startsAt", at(kToday.addDays(2), 10, 0)},
                                          {"location", "Heart Clinic"},
                                          {"transportArranged", false},
                                          {"status", "scheduled"}});
        // Follow-ups: one overdue, one due today.
        editor.create("followUp", {{"clientId", early},
                                   {"description", "Call the pharmacy"},
                                   {"dueOn", kToday.addDays(-3).toString(Qt::ISODate)},
                                   {"status", "open"}});
        editor.create("followUp", {{"clientId", early},
                                   {"description", "Bring the large-print calendar"},
                                   {"dueOn", kToday.toString(Qt::ISODate)},
                                   {"status", "open"}});
    }

    void todayOnTheStore()
    {
        Session session(m_path);
        session.setToday(kToday);
        session.open(kKey);

        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(&engine);
        component.setData("import QtQuick\n"
                          "import CareRound.Session\n"
                          "import CareRound.Today\n"
                          "Window {\n"
                          "    id: w\n"
                          "    required property Session session\n"
                          "    width: 1280; height: 800; visible: true\n"
                          "    TodayPage { objectName: 'todayPage'; anchors.fill: parent;"
                          " session: w.session }\n"
                          "}\n",
                          QUrl(QStringLiteral("qrc:/test/TodayWindow.qml")));
        std::unique_ptr<QObject> root(
            component.createWithInitialProperties({{"session", QVariant::fromValue(&session)}}));
        QVERIFY2(root, qPrintable(component.errorString()));
        auto *window = qobject_cast<QQuickWindow *>(root.get());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QObject *page = window->findChild<QObject *>(QStringLiteral("todayPage"));
        auto *schedule = window->findChild<TodayModel *>(QStringLiteral("scheduleModel"));
        auto *followUps = window->findChild<TodayModel *>(QStringLiteral("followUpModel"));
        auto *alerts = window->findChild<TodayModel *>(QStringLiteral("alertModel"));
        QVERIFY(page && schedule && followUps && alerts);
        QAbstractItemModelTester scheduleTester(
            schedule, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester followUpTester(
            followUps, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester alertTester(
            alerts, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // The schedule: in time order, ours first, the cancelled visit left out.
        QTRY_VERIFY(schedule->rowCount() >= 2);
        auto value = [](TodayModel *m, int row, int role) {
            return m->data(m->index(row), role).toString();
        };
        QCOMPARE(value(schedule, 0, TodayModel::RecordIdRole), m_earlyVisit);
        QCOMPARE(value(schedule, 0, TodayModel::KindRole), QStringLiteral("visit"));
        QCOMPARE(value(schedule, 0, TodayModel::TimeTextRole), QStringLiteral("07:30"));
        QCOMPARE(value(schedule, 0, TodayModel::ClientNameRole), QStringLiteral("Edna Early"));
        QCOMPARE(value(schedule, 0, TodayModel::PlaceRole),
                 QStringLiteral("1 Test Street, Springfield"));
        QCOMPARE(value(schedule, 1, TodayModel::RecordIdRole), m_earlyAppointment);
        QCOMPARE(value(schedule, 1, TodayModel::PlaceRole), QStringLiteral("Springfield Lab"));
        QStringList times;
        for (int i = 0; i < schedule->rowCount(); ++i)
            times.append(value(schedule, i, TodayModel::TimeTextRole));
        QStringList sorted = times;
        sorted.sort();
        QCOMPARE(times, sorted);
        QVERIFY(schedule->rowCount() > 3); // the demo's visits today too

        // Follow-ups: overdue ones (oldest first) before those due today.
        QTRY_VERIFY(followUps->rowCount() >= 2);
        bool seenDueToday = false;
        for (int i = 0; i < followUps->rowCount(); ++i) {
            const QString kind = value(followUps, i, TodayModel::KindRole);
            QVERIFY(kind == QLatin1String("overdue") || kind == QLatin1String("dueToday"));
            if (kind == QLatin1String("dueToday"))
                seenDueToday = true;
            else
                QVERIFY2(!seenDueToday, "an overdue follow-up after one due today");
        }
        QVERIFY(seenDueToday);

        // Alerts: the severe PHQ-9 and the missing transport; the improved client has none.
        QStringList alertKeys;
        for (int i = 0; i < alerts->rowCount(); ++i)
            alertKeys.append(value(alerts, i, TodayModel::KindRole) + QLatin1Char(':') +
                             value(alerts, i, TodayModel::ClientIdRole));
        QVERIFY(alertKeys.contains("severeDepression:" + m_severeClient));
        QVERIFY(alertKeys.contains("transport:" + m_transportClient));
        for (const QString &key : alertKeys)
            QVERIFY(!key.endsWith(m_improvedClient));
        const int severeRow = int(alertKeys.indexOf("severeDepression:" + m_severeClient));
        QVERIFY(value(alerts, severeRow, TodayModel::DetailRole).contains("21"));
        // Self-harm alerts come first.
        bool pastSelfHarm = false;
        for (const QString &key : alertKeys) {
            if (!key.startsWith("selfHarm"))
                pastSelfHarm = true;
            else
                QVERIFY(!pastSelfHarm);
        }

        // The lists show them, and tapping a visit chooses its client and the visit.
        QQuickItem *scheduleList = window->findChild<QQuickItem *>(QStringLiteral("todaySchedule"));
        QVERIFY(scheduleList);
        QTRY_VERIFY(!visualItems(scheduleList, "todayItem").isEmpty());
        QList<QQuickItem *> rows = visualItems(scheduleList, "todayItem");
        QQuickItem *first = nullptr;
        for (QQuickItem *row : rows)
            if (row->property("recordId").toString() == m_earlyVisit)
                first = row;
        QVERIFY(first);
        QSignalSpy clientSpy(page, SIGNAL(clientChosen(QString)));
        QSignalSpy visitSpy(page, SIGNAL(visitChosen(QString)));
        QTest::mouseClick(
            window, Qt::LeftButton, {},
            first->mapToScene(QPointF(first->width() / 2, first->height() / 2)).toPoint());
        QTRY_COMPARE(visitSpy.count(), 1);
        QCOMPARE(visitSpy.at(0).at(0).toString(), m_earlyVisit);
        QCOMPARE(clientSpy.count(), 1);

        QQuickItem *alertList = window->findChild<QQuickItem *>(QStringLiteral("todayAlerts"));
        QTRY_VERIFY(!visualItems(alertList, "todayItem").isEmpty());
        QQuickItem *alert = visualItems(alertList, "todayItem").constFirst();
        QTest::mouseClick(
            window, Qt::LeftButton, {},
            alert->mapToScene(QPointF(alert->width() / 2, alert->height() / 2)).toPoint());
        QTRY_COMPARE(clientSpy.count(), 2);
        QCOMPARE(clientSpy.at(1).at(0).toString(), alert->property("clientId").toString());
        QCOMPARE(visitSpy.count(), 1);

        // Every item of the lists says what it is (the accessible name joins the texts).
        for (QQuickItem *row : rows)
            QVERIFY(!row->property("title").toString().isEmpty());

        QVERIFY(window->grabWindow().save(screenshotPath(QStringLiteral("Today.png"))));

        // An edit elsewhere (transport arranged) clears the alert.
        session.editor()->update("appointment", m_transportAppointment,
                                 {{"transportArranged", true}});
        for (int i = 0; i < alerts->rowCount(); ++i)
            QVERIFY(value(alerts, i, TodayModel::RecordIdRole) != m_transportAppointment);

        window->resize(800, 1280);
        QTRY_COMPARE(int(scheduleList->width()), 800 - 2 * 16);
        QTRY_VERIFY(!visualItems(scheduleList, "todayItem").isEmpty());
        QVERIFY(window->grabWindow().save(screenshotPath(QStringLiteral("Today-portrait.png"))));
    }

    void scheduleAndAlertsPage()
    {
        // Paging: each list read a page at a time is the list read whole, every row once and in
        // the same order, and the summary counts the whole list from the first page.
        Session session(m_path);
        session.setToday(kToday);
        session.open(kKey);
        {
            LocalEditor &editor = *session.editor();
            const QString client = editor.create(
                "client", {{"firstName", "Rita"}, {"lastName", "Rows"}, {"status", "active"}});
            // More than a page of visits at the same minute (the id breaks the tie) and of
            // appointments with no transport, so that pages end inside each part.
            for (int i = 0; i < TodayModel::kPageSize + 7; ++i) {
                editor.create("visit", {{"clientId", client},
                                        {"plannedAt", at(kToday, 9 + i % 3, 0)},
                                        {"status", "planned"}});
                editor.create("appointment", {{"clientId", client},
                                              {"title", QStringLiteral("Check %1").arg(i)},
                                              {"startsAt", at(kToday.addDays(1 + i % 4), 11, 0)},
                                              {"transportArranged", false},
                                              {"status", "scheduled"}});
            }
            // A consent that ran out, after the transport part.
            const QString consent = editor.create("consent", {{"clientId", client},
                                                              {"recipient", "Pages Pharmacy"},
                                                              {"shares", QJsonArray{"medications"}},
                                                              {"validFrom", "2026-01-01"},
                                                              {"validUntil", "2026-11-01"},
                                                              {"status", "active"}});
            editor.sign("consent", consent, "Client", "client", QJsonArray{QJsonArray{1, 2, 3}});
        }
        for (const TodayModel::List list : {TodayModel::Schedule, TodayModel::Alerts}) {
            TodayModel model;
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setList(list);
            model.setSession(&session);
            QCOMPARE(model.rowCount(), TodayModel::kPageSize);
            const QString summary = model.summaryText();
            while (model.canFetchMore({}))
                model.fetchMore({});
            TodayRepository &repository = session.store()->today();
            const TodayPage whole = list == TodayModel::Schedule
                                        ? repository.schedule(kToday, 100000)
                                        : repository.alerts(kToday, 100000);
            QCOMPARE(model.rowCount(), int(whole.rows.size()));
            QCOMPARE(whole.total, qint64(whole.rows.size()));
            QVERIFY2(summary.contains(QString::number(whole.total)), qPrintable(summary));
            for (int i = 0; i < model.rowCount(); ++i)
                QCOMPARE(model.data(model.index(i), TodayModel::RecordIdRole).toString(),
                         whole.rows.at(i).recordId);
            if (list == TodayModel::Alerts) {
                QCOMPARE(whole.rows.constLast().kind, TodayItem::Kind::ConsentExpired);
                // The parts in order: PHQ-9, then transport, then consents.
                const QStringList parts{"selfHarm", "severeDepression", "transport",
                                        "consentExpired"};
                for (int i = 1; i < model.rowCount(); ++i)
                    QVERIFY(parts.indexOf(model.kindAt(i - 1)) <= parts.indexOf(model.kindAt(i)));
            }
            // A page ends inside the first part and the next goes on after its last row.
            const TodayPage first = list == TodayModel::Schedule ? repository.schedule(kToday, 3)
                                                                 : repository.alerts(kToday, 3);
            const TodayPage next = list == TodayModel::Schedule
                                       ? repository.schedule(kToday, 3, &first.rows.constLast())
                                       : repository.alerts(kToday, 3, &first.rows.constLast());
            QCOMPARE(next.total, qint64(0));
            QCOMPARE(next.rows.constFirst().recordId, whole.rows.at(3).recordId);
        }
    }

    void followUpsPage()
    {
        // Paging: every open follow-up due by today exactly once, across pages.
        Session session(m_path);
        session.setToday(kToday);
        session.open(kKey);
        {
            LocalEditor &editor = *session.editor();
            const QString client = editor.create(
                "client", {{"firstName", "Paula"}, {"lastName", "Pages"}, {"status", "active"}});
            for (int i = 0; i < TodayModel::kPageSize + 5; ++i)
                editor.create("followUp", {{"clientId", client},
                                           {"description", QStringLiteral("Item %1").arg(i)},
                                           {"dueOn", kToday.addDays(-1).toString(Qt::ISODate)},
                                           {"status", "open"}});
        }
        TodayModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setList(TodayModel::FollowUps);
        model.setSession(&session);
        QCOMPARE(model.rowCount(), TodayModel::kPageSize);
        while (model.canFetchMore({}))
            model.fetchMore({});
        const qint64 expected = session.store()
                                    ->db()
                                    .scalar("SELECT count(*) FROM followUp WHERE status='open' "
                                            "AND dueOn <= ? AND ifnull(voided,0)=0",
                                            {kToday.toString(Qt::ISODate)})
                                    .toLongLong();
        QCOMPARE(model.rowCount(), int(expected));
        QSet<QString> ids;
        for (int i = 0; i < model.rowCount(); ++i)
            ids.insert(model.data(model.index(i), TodayModel::RecordIdRole).toString());
        QCOMPARE(ids.size(), model.rowCount());
    }
};

QTEST_MAIN(TestTodayPage)
#include "tst_todaypage.moc"
