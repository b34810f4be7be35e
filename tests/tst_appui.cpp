// The tablet app's Main.qml, offscreen on demo data: unlock with a wrong and a right
// passphrase, the caseload shows rows with what to do next, search narrows it, choosing a
// client opens the overview, and the layout works in landscape and portrait.
#include "pageharness.h"
#include "syncengine.h"

#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

#include "careroundplugins.h"

using namespace careround;
using namespace careround::test;

class TestAppUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void wrongPassphraseThenRight()
    {
        const QString path = m_dir.filePath("locked.db");
        createDemoStore(path, "correct horse", 3);
        PageHarness app = PageHarness::app(path, kPageToday);
        QVERIFY(app.window);
        QVERIFY(!app.session->isUnlocked());
        QObject *field = app.find("passphrase");
        QObject *button = app.find("unlockButton");
        QObject *error = app.find("unlockError");
        QVERIFY(field && button && error);
        field->setProperty("text", "wrong horse");
        QMetaObject::invokeMethod(button, "clicked");
        QTRY_VERIFY(error->property("text").toString().contains("does not open"));
        QVERIFY(!app.session->isUnlocked());
        field->setProperty("text", "correct horse");
        QMetaObject::invokeMethod(button, "clicked");
        QTRY_VERIFY(app.session->isUnlocked());
        QTRY_VERIFY(app.find("caseloadList"));
        QTRY_COMPARE(app.find("caseloadList")->property("count").toInt(), 3);
    }

    void caseloadAndClientOnDemoData()
    {
        const QString path = m_dir.filePath("demo.db");
        createDemoStore(path, "demo", 40);
        PageHarness app = PageHarness::app(path, kPageToday);
        QVERIFY(app.window);
        app.session->open("demo");
        // The app opens on Today; the caseload is one tap away.
        QTRY_VERIFY(shown(app.find("todayPage")));
        QTRY_VERIFY(!visualItems(app.window, "section_caseload").isEmpty());
        QMetaObject::invokeMethod(visualItems(app.window, "section_caseload").first(), "clicked");
        QTRY_COMPARE(app.window->property("section").toString(), QStringLiteral("caseload"));
        QObject *list = nullptr;
        QTRY_VERIFY((list = app.find("caseloadList")));
        QTRY_VERIFY(list->property("count").toInt() > 5);
        QTRY_VERIFY(!visualItems(app.window, "nextAction").isEmpty());
        for (QQuickItem *next : visualItems(app.window, "nextAction"))
            QVERIFY(!next->property("text").toString().isEmpty());
        // A demo store has no agency server: the strip says where the data is, not a count
        // of changes that will never be sent.
        QCOMPARE(app.session->syncEngine()->state(), SyncEngine::State::Local);
        QCOMPARE(app.find("pendingChanges")->property("text").toString(),
                 QStringLiteral("Kept on this tablet only"));
        QVERIFY(!shown(app.find("syncSummary")));
        app.window->grabWindow().save(QStringLiteral("careround-landscape.png"));

        // Search as you type.
        const Record first =
            app.session->store()->records().all(*Schema::instance().entity("client")).constFirst();
        const QString name = first.values.value("firstName").toString() + " " +
                             first.values.value("lastName").toString();
        app.find("caseloadSearch")->setProperty("text", name);
        QTRY_VERIFY(list->property("count").toInt() >= 1 && list->property("count").toInt() < 5);

        // Choosing a client shows the overview beside the list (landscape).
        app.window->setProperty("selectedClientId", first.id);
        QTRY_COMPARE(app.find("clientName")->property("text").toString(), name);
        QVERIFY(shown(app.find("caseloadPage")));
        QVERIFY(shown(app.find("clientPage")));
        app.window->grabWindow().save(QStringLiteral("careround-client.png"));

        // Portrait: one pane at a time.
        app.window->resize(800, 1280);
        QTRY_VERIFY(!shown(app.find("caseloadPage")));
        QVERIFY(shown(app.find("clientPage")));
        app.window->grabWindow().save(QStringLiteral("careround-portrait-client.png"));
        app.window->setProperty("selectedClientId", QString());
        QTRY_VERIFY(shown(app.find("caseloadPage")));
        QVERIFY(!shown(app.find("clientPage")));
    }

    void aCompletedVisitIsSignedByTheClient()
    {
        const QString path = m_dir.filePath("visit-signed.db");
        createDemoStore(path, "demo", 3);
        PageHarness app = PageHarness::app(path, kPageToday);
        QVERIFY(app.window);
        app.session->open("demo");
        QVERIFY(app.session->setPin(QStringLiteral("2468")).isEmpty());
        const QString client = app.session->store()
                                   ->records()
                                   .all(*Schema::instance().entity("client"))
                                   .constFirst()
                                   .id;
        app.window->setProperty("section", "caseload");
        app.window->setProperty("selectedClientId", client);
        QQuickItem *openVisit = nullptr;
        QTRY_VERIFY((openVisit = app.item(QStringLiteral("openVisit"))));
        PageHarness::press(openVisit);
        QTRY_COMPARE(app.find("detailStack")->property("busy").toBool(), false);
        QQuickItem *checkIn = nullptr;
        QTRY_VERIFY((checkIn = app.item(QStringLiteral("checkInButton"))));
        // Not signable while it goes on.
        QVERIFY(!app.item(QStringLiteral("signVisitButton")));
        PageHarness::press(checkIn);
        QQuickItem *checkOut = nullptr;
        QTRY_VERIFY((checkOut = app.item(QStringLiteral("checkOutButton"))));
        QVERIFY(!app.item(QStringLiteral("signVisitButton")));
        PageHarness::press(checkOut);
        QQuickItem *sign = nullptr;
        QTRY_VERIFY((sign = app.item(QStringLiteral("signVisitButton"))));
        PageHarness::press(sign);

        // The sign-off screen shows the visit record; the client signs it on the pad.
        QQuickItem *content = nullptr;
        QTRY_VERIFY((content = app.item(QStringLiteral("signedContent"))));
        QTRY_VERIFY(content->property("text").toString().contains(QStringLiteral("Client: ")));
        QQuickItem *pad = nullptr;
        QTRY_VERIFY((pad = app.item(QStringLiteral("signaturePad"))));
        QTRY_COMPARE(app.find("detailStack")->property("busy").toBool(), false);
        const QPointF origin = pad->mapToScene(QPointF(20, pad->height() / 2));
        QTest::mousePress(app.window, Qt::LeftButton, {}, origin.toPoint());
        for (int i = 1; i <= 10; ++i)
            QTest::mouseMove(app.window, (origin + QPointF(i * 15, (i % 2) * 20)).toPoint());
        QTest::mouseRelease(app.window, Qt::LeftButton, {}, (origin + QPointF(150, 0)).toPoint());
        QTRY_COMPARE(pad->property("strokeCount").toInt(), 1);
        app.item(QStringLiteral("signerName"))->setProperty("text", "Client");
        PageHarness::press(app.item(QStringLiteral("relationClient")));
        PageHarness::press(app.item(QStringLiteral("signButton")));
        QTRY_VERIFY(app.item(QStringLiteral("sealedNotice")));

        // Sealed in the store, bound to the visit's content.
        const Record visit = app.session->store()
                                 ->records()
                                 .findBy(*Schema::instance().entity("visit"), "clientId", client)
                                 .constLast();
        const QVector<Record> sigs = app.session->store()->records().findBy(
            *Schema::instance().entity("signature"), "recordId", visit.id);
        QCOMPARE(sigs.size(), 1);
        QCOMPARE(sigs.constFirst().values.value("contentHash").toString(),
                 app.session->editor()->contentHash("visit", visit.id));
        QVERIFY_THROWS_EXCEPTION(
            StoreError, app.session->editor()->update("visit", visit.id, {{"summary", "Changed"}}));

        // Back on the visit: signed, and not offered again.
        PageHarness::press(app.item(QStringLiteral("closeSignOff")));
        QTRY_VERIFY(app.item(QStringLiteral("visitSignedText")));
        QVERIFY(!app.item(QStringLiteral("signVisitButton")));
    }
};

QTEST_MAIN(TestAppUi)
#include "tst_appui.moc"
