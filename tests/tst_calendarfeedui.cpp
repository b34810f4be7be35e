// The calendar feed for a coordinator's phone, made and stopped on the tablet's Sync screen
// against the real careround-server process (issue 13): the address shown is an iCalendar of
// the coordinator's visits that needs no password, a new address ends the old one, Stop makes
// it answer 404, and the address stays on the tablet (in the encrypted store) until then. A
// server that cannot be reached says so and keeps the address there was.
#include "calendarfeedcontroller.h"
#include "connectivitymonitor.h"
#include "exportfixture.h"
#include "pageharness.h"
#include "syncengine.h"

#include <QQuickStyle>
#include <QSignalSpy>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_SyncPlugin)

using namespace careround;
using namespace careround::test;

namespace {

constexpr int kWait = 30000;

} // namespace

class TestCalendarFeedUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    ManualConnectivityMonitor m_online{true};

private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void madeShownReplacedAndStopped()
    {
        auto server = std::make_unique<ServerProcess>(freshServerDb(m_dir));
        server->admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(server->start());
        Session session(m_dir.filePath(QStringLiteral("ana/careround.db")));
        session.setConnectivityMonitor(&m_online);
        QSignalSpy enrolled(&session, &Session::enrolFinished);
        session.enrol(server->url().toString(), QStringLiteral("ana"), kPassword,
                      QStringLiteral("kitchen-table-42"));
        QTRY_COMPARE_WITH_TIMEOUT(enrolled.count(), 1, kWait);
        QCOMPARE(enrolled.at(0).at(0).toString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(session.syncEngine()->state(), SyncEngine::State::UpToDate,
                                  kWait);
        // A visit of hers on the server, so that the feed has an event to show.
        LocalEditor &editor = *session.editor();
        const QString client = editor.create("client", {{"firstName", "Maria"},
                                                        {"lastName", "Gonzalez"},
                                                        {"status", "active"},
                                                        {"coordinatorId", editor.actorId()}});
        const QString visit = editor.create(
            "visit",
            {{"clientId", client},
             {"plannedAt", QDateTime::currentDateTimeUtc().addDays(2).toString(Qt::ISODate)},
             {"coordinatorId", editor.actorId()},
             {"status", "planned"},
             {"purpose", "Monthly check-in"}});
        session.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(session.syncEngine()->pendingCount(), 0, kWait);

        PageHarness page(&session, QStringLiteral("CareRound.Sync"), QStringLiteral("SyncPage"),
                         {});
        QVERIFY(page.window);
        QTRY_VERIFY(page.item("calendarFeedCard"));
        QVERIFY(!page.item("calendarFeedAddress")); // none made yet

        PageHarness::press(page.item("makeCalendarFeed"));
        QTRY_VERIFY_WITH_TIMEOUT(page.item("calendarFeedAddress"), kWait);
        const QUrl first(page.item("calendarFeedAddress")->property("text").toString());
        QVERIFY2(first.path().startsWith("/v1/calendar/") && first.path().endsWith(".ics"),
                 qPrintable(first.toString()));
        QCOMPARE(first.host(), server->url().host());
        HttpFile ics = httpRequest(first, {}); // no password: the secret is the key
        QCOMPARE(ics.status, 200);
        QVERIFY(ics.body.startsWith("BEGIN:VCALENDAR"));
        QVERIFY(ics.body.contains(visit.toUtf8()));
        QVERIFY2(!ics.body.contains("Gonzalez"), "the feed names no client");
        // Kept in the store: a new screen (or a new start) shows it again.
        QCOMPARE(session.store()->meta().value(CalendarFeedController::metaKey()),
                 first.toString());
        page.screenshot(QStringLiteral("SyncCalendarFeed"));

        // A new address ends the old one.
        PageHarness::press(page.item("makeCalendarFeed"));
        QTRY_VERIFY_WITH_TIMEOUT(page.item("calendarFeedAddress")->property("text").toString() !=
                                     first.toString(),
                                 kWait);
        const QUrl second(page.item("calendarFeedAddress")->property("text").toString());
        QCOMPARE(httpRequest(first, {}).status, 404);
        QCOMPARE(httpRequest(second, {}).status, 200);

        // Stopped: the address answers 404 and the screen shows none.
        PageHarness::press(page.item("stopCalendarFeed"));
        QTRY_VERIFY_WITH_TIMEOUT(!page.item("calendarFeedAddress"), kWait);
        QCOMPARE(httpRequest(second, {}).status, 404);
        QVERIFY(page.text("calendarFeedMessage").contains("stopped"));
        QVERIFY(session.store()->meta().value(CalendarFeedController::metaKey()).isEmpty());

        // The server gone: the screen says it could not make one, and nothing is kept.
        PageHarness::press(page.item("makeCalendarFeed"));
        QTRY_VERIFY_WITH_TIMEOUT(page.item("calendarFeedAddress"), kWait);
        const QString kept = page.item("calendarFeedAddress")->property("text").toString();
        server.reset();
        PageHarness::press(page.item("makeCalendarFeed"));
        QTRY_VERIFY_WITH_TIMEOUT(page.text("calendarFeedMessage").contains("No calendar address"),
                                 kWait);
        QCOMPARE(page.item("calendarFeedAddress")->property("text").toString(), kept);
    }
};

QTEST_MAIN(TestCalendarFeedUi)
#include "tst_calendarfeedui.moc"
