// A tablet the agency no longer takes, through the whole app (Main.qml offscreen) against the
// real careround-server process: revoked, it says the agency signed it out and "Enrol again"
// leads to the enrol screen, which works; answered 401 (the database replaced), it keeps
// everything, and enrolling again as the same coordinator sends the unsent edits to the new
// server, while another login keeps them on the tablet, listed on the Sync screen, never sent.
// Also: the wipe after too many wrong PINs while online pushes first and does not crash.
#include "connectivitymonitor.h"
#include "pageharness.h"
#include "serverfixture.h"
#include "syncengine.h"

#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

#include "careroundplugins.h"

using namespace careround;
using namespace careround::test;

namespace {

constexpr int kWait = 30000;

QString textOf(QObject *item)
{
    return item ? item->property("text").toString() : QString();
}

} // namespace

class TestReenrolUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    ManualConnectivityMonitor m_online{true};

    std::unique_ptr<Session> newSession(const QString &name)
    {
        auto session = std::make_unique<Session>(m_dir.filePath(name + "/careround.db"));
        session->setConnectivityMonitor(&m_online);
        return session;
    }

    /** Types the first-start enrol form and waits until the tablet is enrolled and synced. */
    static void enrolThroughTheForm(const PageHarness &app, Session &session, const QUrl &server,
                                    const QString &login)
    {
        QTRY_VERIFY_WITH_TIMEOUT(app.item("serverAddress"), kWait);
        typeInto(app.item("serverAddress"), server.toString());
        typeInto(app.item("login"), login);
        typeInto(app.item("password"), kPassword);
        typeInto(app.item("passphrase"), "kitchen-table-42");
        typeInto(app.item("passphraseConfirmation"), "kitchen-table-42");
        PageHarness::press(app.item("unlockButton"));
        QTRY_VERIFY_WITH_TIMEOUT(session.isUnlocked(), kWait);
        choosePin(app, session);
        QTRY_COMPARE_WITH_TIMEOUT(session.syncEngine()->state(), SyncEngine::State::UpToDate,
                                  kWait);
    }

    static void choosePin(const PageHarness &app, Session &session)
    {
        QTRY_VERIFY_WITH_TIMEOUT(app.item("pinField"), kWait);
        typeInto(app.item("pinField"), "2468");
        PageHarness::press(app.item("pinButton"));
        QTRY_VERIFY(session.hasPin());
        QTRY_VERIFY(!app.item("pinLayer"));
    }

    /** Syncs from the status strip's button (the engine may be waiting to retry). */
    static void tapSyncNow(const PageHarness &app)
    {
        if (QQuickItem *button = app.item("syncNowButton"))
            PageHarness::press(button);
    }

private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void revokedTabletSaysSoAndEnrolsAgain()
    {
        ServerProcess server(freshServerDb(m_dir));
        server.admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(server.start());
        auto session = newSession("revoked");
        PageHarness app = PageHarness::app(session.get());
        QVERIFY(app.window);
        enrolThroughTheForm(app, *session, server.url(), "ana");
        const QString firstDevice = session->store()->deviceId();

        server.admin({"revoke-device", firstDevice});
        tapSyncNow(app);
        QTRY_VERIFY_WITH_TIMEOUT(app.item("signOutBanner"), kWait);
        QVERIFY2(app.text("signOutText").contains("signed this tablet out"),
                 qPrintable(app.text("signOutText")));
        QVERIFY(app.text("signOutText").contains("wiped"));
        QCOMPARE(session->syncEngine()->state(), SyncEngine::State::Revoked);
        // Over the wiped store the strip claims nothing about syncing, and no PIN is asked for.
        QTRY_VERIFY(!app.item("pendingChanges"));
        QVERIFY(!app.item("syncNowButton"));
        QVERIFY(!app.item("pinField"));
        app.screenshot("SignedOut");
        {
            // Started again, the wiped tablet still says why it is empty.
            Session restarted(session->storePath());
            restarted.setConnectivityMonitor(&m_online);
            restarted.open("kitchen-table-42");
            QCOMPARE(restarted.signOut(), Session::SignOut::Revoked);
            QVERIFY(restarted.signOutText().contains("signed this tablet out"));
        }

        PageHarness::press(app.item("enrolAgainButton"));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isUnlocked(), kWait);
        QVERIFY(!session->storeExists());
        enrolThroughTheForm(app, *session, server.url(), "ana");
        QVERIFY(session->store()->deviceId() != firstDevice); // a new device for the agency
        QVERIFY(!app.item("signOutBanner"));
        const QString devices = server.admin({"list-devices"});
        QVERIFY(devices.contains(firstDevice + "\tana\trevoked"));
        QVERIFY(devices.contains(session->store()->deviceId() + "\tana\tactive"));
    }

    void replacedDatabaseSameCoordinatorSendsTheUnsentEdits()
    {
        // The agency's database is replaced by a copy taken before this tablet enrolled: it
        // knows ana and her client, not this tablet's token.
        const QString dbPath = m_dir.filePath("replaced-a.db");
        auto first = std::make_unique<ServerProcess>(QStringLiteral("sqlite:") + dbPath);
        first->admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(first->start());
        TestDevice office(m_dir.filePath("office.db"), first->url(), "ana");
        const QString rosa = office.editor->create("client", {{"firstName", "Rosa"},
                                                              {"lastName", "Diaz"},
                                                              {"status", "active"},
                                                              {"coordinatorId", office.accountId}});
        QVERIFY(office.sync().ok());
        const quint16 port = first->port();
        first->stop();
        const QString copyPath = m_dir.filePath("replaced-b.db");
        for (const QString &suffix : {QString(), QStringLiteral("-wal")})
            if (QFile::exists(dbPath + suffix))
                QVERIFY(QFile::copy(dbPath + suffix, copyPath + suffix));
        QVERIFY(first->start({}, port));

        auto session = newSession("same");
        PageHarness app = PageHarness::app(session.get());
        QVERIFY(app.window);
        enrolThroughTheForm(app, *session, first->url(), "ana");
        QVERIFY(session->store()->records().find(*Schema::instance().entity("client"), rosa));

        // Offline, two edits; then the server is back on the replaced database.
        first->stop();
        session->editor()->update("client", rosa, {{"phone", "555-0142"}});
        const QString lena =
            session->editor()->create("client", {{"firstName", "Lena"},
                                                 {"lastName", "Park"},
                                                 {"status", "active"},
                                                 {"coordinatorId", office.accountId}});
        QTRY_COMPARE(session->syncEngine()->pendingCount(), 2);
        ServerProcess replaced(QStringLiteral("sqlite:") + copyPath);
        QVERIFY(replaced.start({}, port));
        tapSyncNow(app);
        QTRY_VERIFY_WITH_TIMEOUT(app.item("signOutBanner"), kWait);
        QVERIFY2(app.text("signOutText").contains("no longer recognises"),
                 qPrintable(app.text("signOutText")));
        QCOMPARE(session->syncEngine()->pendingCount(), 2); // nothing wiped
        app.screenshot("NotRecognised");

        PageHarness::press(app.item("enrolAgainButton"));
        QTRY_VERIFY(app.item("reenrolLogin"));
        QCOMPARE(textOf(app.item("reenrolServer")), first->url().toString());
        typeInto(app.item("reenrolLogin"), "ana");
        typeInto(app.item("reenrolPassword"), kPassword);
        app.screenshot("EnrolAgain");
        PageHarness::press(app.item("reenrolButton"));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isReenrolling(), kWait);
        QTRY_VERIFY(!app.item("signOutBanner"));
        QTRY_COMPARE_WITH_TIMEOUT(session->syncEngine()->pendingCount(), 0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(session->syncEngine()->state(), SyncEngine::State::UpToDate,
                                  kWait);
        const auto onServer = serverSnapshot(replaced.db());
        QCOMPARE(onServer.value("client/" + rosa).value("phone").toString(),
                 QStringLiteral("555-0142"));
        QCOMPARE(onServer.value("client/" + lena).value("firstName").toString(),
                 QStringLiteral("Lena"));
        QVERIFY(session->store()->records().find(*Schema::instance().entity("client"), lena));
    }

    void replacedDatabaseAnotherLoginKeepsTheEditsUnsent()
    {
        auto first = std::make_unique<ServerProcess>(freshServerDb(m_dir));
        first->admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(first->start());
        auto session = newSession("other");
        PageHarness app = PageHarness::app(session.get());
        QVERIFY(app.window);
        enrolThroughTheForm(app, *session, first->url(), "ana");
        const QString anaId = session->store()->meta().value("account.id");
        const quint16 port = first->port();
        first->stop();
        const QString lena = session->editor()->create("client", {{"firstName", "Lena"},
                                                                  {"lastName", "Park"},
                                                                  {"status", "active"},
                                                                  {"coordinatorId", anaId}});
        session->editor()->update("client", lena, {{"phone", "555-0177"}});
        QTRY_COMPARE(session->syncEngine()->pendingCount(), 2);

        ServerProcess replaced(freshServerDb(m_dir));
        replaced.admin({"create-account", "ben", "Ben Okafor", "coordinator"});
        QVERIFY(replaced.start({}, port));
        tapSyncNow(app);
        QTRY_VERIFY_WITH_TIMEOUT(app.item("signOutBanner"), kWait);
        PageHarness::press(app.item("enrolAgainButton"));
        QTRY_VERIFY(app.item("reenrolLogin"));
        typeInto(app.item("reenrolLogin"), "ben");
        typeInto(app.item("reenrolPassword"), kPassword);
        PageHarness::press(app.item("reenrolButton"));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isReenrolling(), kWait);
        // Another coordinator: the records went, the PIN too (ben chooses his own).
        choosePin(app, *session);
        QTRY_COMPARE_WITH_TIMEOUT(session->syncEngine()->state(), SyncEngine::State::UpToDate,
                                  kWait);
        QCOMPARE(session->syncEngine()->pendingCount(), 0);
        QVERIFY(!session->store()->records().find(*Schema::instance().entity("client"), lena));
        QVERIFY(!serverSnapshot(replaced.db()).contains("client/" + lena));

        // The kept edits are listed on the Sync screen, readable, and can be dismissed.
        PageHarness::press(app.item("section_sync"));
        QTRY_VERIFY(app.item("keptEditsCard"));
        QVERIFY2(app.text("keptEditsHeading").contains("Ana Ortiz"),
                 qPrintable(app.text("keptEditsHeading")));
        QTRY_COMPARE(app.items("keptRow").size(), 2);
        QStringList shownText;
        for (QQuickItem *i : app.items("keptRow"))
            shownText.append(textOf(i));
        QVERIFY2(shownText.join('\n').contains("Lena"), qPrintable(shownText.join('\n')));
        QVERIFY(shownText.join('\n').contains("555-0177"));
        QCOMPARE(shownText.filter("Lena Park").size(), 2); // the update is named too
        app.screenshot("KeptEdits");
        PageHarness::press(app.items("dismissKept").first());
        QTRY_COMPARE(app.items("keptRow").size(), 1);
        // Syncing again still sends none of them.
        tapSyncNow(app);
        QTRY_COMPARE_WITH_TIMEOUT(session->syncEngine()->state(), SyncEngine::State::UpToDate,
                                  kWait);
        QVERIFY(!serverSnapshot(replaced.db()).contains("client/" + lena));
    }

    void tooManyWrongPinsOnlinePushesThenWipes()
    {
        ServerProcess server(freshServerDb(m_dir));
        server.admin({"create-account", "ana", "Ana Ortiz", "coordinator"});
        QVERIFY(server.start());
        auto session = newSession("pins");
        PageHarness app = PageHarness::app(session.get());
        QVERIFY(app.window);
        enrolThroughTheForm(app, *session, server.url(), "ana");
        const QString client = session->editor()->create(
            "client", {{"firstName", "Ida"},
                       {"lastName", "Berg"},
                       {"status", "active"},
                       {"coordinatorId", session->store()->meta().value("account.id")}});
        session->lock();
        QTRY_VERIFY(app.item("pinField"));
        // Nothing above the lock can be used either.
        QVERIFY(!app.find("statusStrip")->property("enabled").toBool());
        QVERIFY(app.item("syncNowButton"));
        // Wrong PINs until the tablet wipes itself: the engine syncs first and the wipe runs
        // after its finished signal, not inside it.
        for (int i = 0; i < 20 && !app.text("pinError").contains("has been wiped"); ++i) {
            typeInto(app.item("pinField"), "0000");
            PageHarness::press(app.item("pinButton"));
        }
        QVERIFY(app.text("pinError").contains("has been wiped"));
        QTRY_VERIFY_WITH_TIMEOUT(session->isWiped(), kWait);
        QCOMPARE(session->syncEngine()->state(), SyncEngine::State::Local);
        QTRY_VERIFY(!app.item("pendingChanges"));
        QVERIFY(!app.item("pinField")); // a wiped tablet asks for no PIN
        app.screenshot("Wiped");
        QCOMPARE(session->store()->records().count(*Schema::instance().entity("client")), 0);
        QVERIFY(serverSnapshot(server.db()).contains("client/" + client));
    }
};

QTEST_MAIN(TestReenrolUi)
#include "tst_reenrolui.moc"
