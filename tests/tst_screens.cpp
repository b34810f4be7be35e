// Every screen of the tablet app, on the demo data, through the real Main.qml: renders each
// one at 1280x800 and 800x1280, in English and Spanish, with normal and larger text, into
// <build>/screenshots/ for a person to look at, and checks what is shown (tests/layoutcheck.h):
// every control named for screen readers and at least a touch target, no text cut short,
// nothing outside the area it is shown in.
#include "languagesetting.h"
#include "layoutcheck.h"
#include "pageharness.h"

#include <QAccessible>
#include <QFile>
#include <QQuickStyle>
#include <QQuickView>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include <functional>
#include <optional>

#include "careroundplugins.h"

using namespace careround;
using careround::test::screenshotDir;

namespace {

const QDate kToday(2026, 11, 22);

QQuickItem *findVisible(QQuickWindow *window, const QString &name)
{
    QList<QQuickItem *> all;
    test::collectShown(window->contentItem(), all);
    for (QQuickItem *i : all)
        if (i->objectName() == name && test::shownInScene(i))
            return i;
    return nullptr;
}

} // namespace

class TestScreens : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Session> m_session;
    std::optional<test::PageHarness> m_app;
    QQuickWindow *m_window = nullptr;

    QQuickWindow *load(Session *session)
    {
        m_app = test::PageHarness::app(session);
        return m_app->window;
    }

    QStringList m_problems; ///< what the checks found on the screens of the current row

    /**
     * Walks what the window shows once layouts have settled (state, not time): every control
     * named for screen readers and at least a touch target, no text cut short, nothing outside
     * its area; then shoots it into <build>/screenshots/<name>.png. Problems are gathered in
     * m_problems, so one run lists every screen's.
     */
    void capture(const QString &name)
    {
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        // Wait for the state the checks want (a layout shown for the first time after a new
        // text size measures again in a later polish); what still fails after that is a defect.
        int checked = 0;
        QStringList found;
        const bool settled = QTest::qWaitFor(
            [&] {
                if (!QQuickTest::qWaitForPolish(m_window))
                    return false;
                QList<QQuickItem *> shown;
                test::collectShown(m_window->contentItem(), shown);
                found = test::unnamedControls(shown, checked);
                found += test::smallTargets(shown);
                found += test::cutText(shown);
                found += test::outsideTheirArea(m_window, shown);
                return found.isEmpty();
            },
            3000);
        if (!settled)
            qInfo("%s: the checks still fail after the screen settled", qPrintable(name));
        QVERIFY(m_window->grabWindow().save(screenshotDir() + QLatin1Char('/') + name + ".png"));
        QVERIFY2(checked > 0, qPrintable(name + ": the walk found no interactive item"));
        for (const QString &f : std::as_const(found)) {
            m_problems.append(name + QStringLiteral(": ") + f);
            qWarning("%s", qPrintable(m_problems.last()));
        }
        qInfo("%s: %d interactive items, %lld problems", qPrintable(name), checked,
              qint64(found.size()));
    }

    /** Fails with every problem capture() gathered, then starts a new list. */
    void verifyNoProblems()
    {
        const QStringList problems = std::exchange(m_problems, {});
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problems on the screens (listed above), first: %2")
                                .arg(problems.size())
                                .arg(problems.value(0))));
    }

    void showSection(const QString &section, const QString &pageName)
    {
        m_window->setProperty("section", section);
        QTRY_VERIFY2(findVisible(m_window, pageName), qPrintable(pageName + ": " + visibleNames()));
    }
    QString visibleNames()
    {
        QList<QQuickItem *> all;
        test::collectShown(m_window->contentItem(), all);
        QStringList names;
        for (QQuickItem *i : all)
            if (!i->objectName().isEmpty())
                names.append(i->objectName() + (test::shownInScene(i) ? "" : "(hidden)"));
        return names.join(' ');
    }

    void waitForStack()
    {
        QObject *stack = m_window->findChild<QObject *>("detailStack");
        QVERIFY(stack);
        QTRY_COMPARE(stack->property("busy").toBool(), false);
    }

    /**
     * Taps the button on the client page, shoots the screen it opens (and each of its tabs,
     * as <name>-<tab>), and closes it again.
     */
    void shootFromClient(const char *button, const char *page, const QString &name,
                         const QStringList &tabs = {})
    {
        QQuickItem *b = nullptr;
        QTRY_VERIFY2((b = findVisible(m_window, button)), button);
        QMetaObject::invokeMethod(b, "clicked");
        QTRY_VERIFY2(findVisible(m_window, page), page);
        waitForStack();
        capture(name);
        for (const QString &tab : tabs) {
            QQuickItem *t = nullptr;
            QTRY_VERIFY2((t = findVisible(m_window, tab)), qPrintable(tab));
            t->setProperty("checked", true); // as a tap does (clicked() alone checks nothing)
            QTRY_VERIFY(t->property("checked").toBool());
            capture(name + QLatin1Char('-') + tab);
        }
        QVERIFY(QMetaObject::invokeMethod(findVisible(m_window, page), "closed"));
        QTRY_VERIFY(findVisible(m_window, "clientPage"));
        waitForStack();
    }

    /** A client of the demo agency for which pick(overview) holds. */
    QString clientWhere(const std::function<bool(const ClientOverview &)> &pick)
    {
        for (const Record &c :
             m_session->store()->records().all(*Schema::instance().entity("client"))) {
            if (pick(m_session->store()->clients().overview(c.id, test::kPageToday)))
                return c.id;
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        QAccessible::setActive(true);
        const QString path = m_dir.filePath("demo.db");
        DemoStore demo = test::createDemoStore(path, "demo-pass", 40, kToday);
        // One conflict for the Conflicts screen: the office changed a phone number this tablet
        // had changed too.
        const Record first =
            demo.store->records().all(*Schema::instance().entity("client")).first();
        LocalEditor(*demo.store, QStringLiteral("test"))
            .create("conflict",
                    {{"recordEntity", "client"},
                     {"recordId", first.id},
                     {"clientId", first.id},
                     {"field", "phone"},
                     {"kind", "concurrent_edit"},
                     {"keptValue", QJsonObject{{"value", "(503) 555-0142"}}},
                     {"keptStamp", "0190a000000a0000@server"},
                     {"otherValue", QJsonObject{{"value", "(503) 555-0101"}}},
                     {"otherStamp", "0190a0000009ffff@0190a000-0000-7000-8000-00000000000b"},
                     {"keptBy", "the agency office"},
                     {"otherBy", "Dana Whitfield"},
                     {"status", "open"}});
        demo.store.reset();
        m_session = std::make_unique<Session>(path);
        m_session->setToday(kToday);
    }

    /** Each test's screens pass every check; the failure lists all that did not. */
    void cleanup() { verifyNoProblems(); }

    void enrolAndUnlock()
    {
        Session fresh(m_dir.filePath("new/careround.db"));
        m_window = load(&fresh);
        QVERIFY(m_window);
        QTRY_VERIFY(findVisible(m_window, "serverAddress"));
        capture("Enrol");
        m_app.reset();
        m_window = load(m_session.get());
        QTRY_VERIFY(findVisible(m_window, "passphrase"));
        QVERIFY(!findVisible(m_window, "serverAddress"));
        capture("Unlock");
    }

    void choosePin()
    {
        m_session->open("demo-pass");
        // First the tablet asks for a PIN, over everything.
        QTRY_VERIFY(findVisible(m_window, "pinLayer"));
        capture("ChoosePin");
        findVisible(m_window, "pinField")->setProperty("text", "12");
        QMetaObject::invokeMethod(findVisible(m_window, "pinButton"), "clicked");
        QTRY_VERIFY(
            findVisible(m_window, "pinError")->property("text").toString().contains("4 to 8"));
        findVisible(m_window, "pinField")->setProperty("text", "4711");
        QMetaObject::invokeMethod(findVisible(m_window, "pinButton"), "clicked");
        QTRY_VERIFY(!findVisible(m_window, "pinLayer"));
        QTRY_VERIFY(findVisible(m_window, "todayPage"));
    }

    void everyScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("large");
        QTest::addColumn<QSize>("size");
        for (const QString language : {"en", "es"})
            for (const bool large : {false, true})
                for (const QSize size : {QSize(1280, 800), QSize(800, 1280)})
                    QTest::addRow("%s%s-%dx%d", qPrintable(language), large ? "-large" : "",
                                  size.width(), size.height())
                        << language << large << size;
    }

    /**
     * Every screen of the app, in English and Spanish, with normal and larger text, in landscape
     * and portrait. English, normal text, landscape is <Screen>.png; the others are prefixed by
     * "es-" and "large-" and end in "-portrait".
     */
    void everyScreen()
    {
        QFETCH(QString, language);
        QFETCH(bool, large);
        QFETCH(QSize, size);
        m_session->language()->setChoice(language);
        m_session->setLargeText(large);
        m_window->resize(size);
        m_window->setProperty("selectedClientId", QString());
        const QString prefix =
            QString(language == QLatin1String("es") ? "es-" : "") + QString(large ? "large-" : "");
        const QString suffix = size.width() < size.height() ? "-portrait" : "";
        const auto name = [&](const QString &screen) { return prefix + screen + suffix; };

        const QList<QPair<QString, QString>> sections{{"today", "todayPage"},
                                                      {"caseload", "caseloadPage"},
                                                      {"directory", "directoryPage"},
                                                      {"sync", "syncPage"},
                                                      {"conflicts", "conflictsPage"}};
        const QStringList sectionNames{"Today", "Caseload", "ResourceDirectory", "Sync",
                                       "Conflicts"};
        for (int i = 0; i < sections.size(); ++i) {
            showSection(sections[i].first, sections[i].second);
            capture(name(sectionNames[i]));
        }

        // A client whose current plan waits for signing (a signed plan is not offered again).
        const QString planClient = clientWhere(
            [](const ClientOverview &o) { return !o.planId.isEmpty() && !o.planSigned; });
        QVERIFY(!planClient.isEmpty());
        m_window->setProperty("selectedClientId", planClient);
        showSection("caseload", "clientPage");
        QTRY_VERIFY(findVisible(m_window, "openVisit"));
        waitForStack();
        capture(name("Client"));
        shootFromClient("openVisit", "visitPage", name("Visit"));
        shootFromClient("openAssessment", "assessmentPage", name("Assessment"));
        shootFromClient("openPlan", "carePlanPage", name("CarePlan"));
        shootFromClient("openServices", "servicesPage", name("Services"),
                        {"servicesTab1", "servicesTab2"});
        shootFromClient("openSignOff", "signOffPage", name("SignOff"));
        const QList<QPair<const char *, const char *>> forms{
            {"editClient", "ClientDetails"}, {"changeClientStatus", "ClientStatus"},
            {"logContact", "ContactLog"},    {"addContact", "Contact"},
            {"addFollowUp", "FollowUp"},     {"addComplaint", "Complaint"},
            {"addConsent", "Consent"}};
        for (const auto &[button, form] : forms)
            shootFromClient(button, "recordFormPage", name(QStringLiteral("Form-") + form));

        // A client whose newest assessment is signed: complete, sealed, read-only.
        const EntityDef &assessment = *Schema::instance().entity("assessment");
        const QString signedClient = clientWhere([&](const ClientOverview &o) {
            const std::optional<Record> a =
                m_session->store()->records().find(assessment, o.latestAssessmentId);
            return a && m_session->store()->records().isSealed(assessment, *a);
        });
        QVERIFY(!signedClient.isEmpty());
        m_window->setProperty("selectedClientId", signedClient);
        QTRY_VERIFY(findVisible(m_window, "openAssessment"));
        waitForStack();
        shootFromClient("openAssessment", "assessmentPage", name("Assessment-signed"));

        // The new-client form, from the caseload.
        m_window->setProperty("selectedClientId", QString());
        showSection("caseload", "caseloadPage");
        QQuickItem *button = nullptr;
        QTRY_VERIFY((button = findVisible(m_window, "newClientButton")));
        QMetaObject::invokeMethod(button, "clicked");
        QTRY_VERIFY(findVisible(m_window, "newClientPage"));
        waitForStack();
        capture(name("NewClient"));
        QVERIFY(QMetaObject::invokeMethod(findVisible(m_window, "newClientPage"), "closed"));
        QTRY_VERIFY(!findVisible(m_window, "newClientPage"));
        waitForStack();

        m_session->setLargeText(false);
        m_session->language()->setChoice(QString());
        m_window->resize(1280, 800);
        m_window->setProperty("selectedClientId", QString());
    }

    void createAClient()
    {
        showSection("caseload", "caseloadPage");
        QQuickItem *button = nullptr;
        QTRY_VERIFY((button = findVisible(m_window, "newClientButton")));
        QMetaObject::invokeMethod(button, "clicked");
        QTRY_VERIFY(findVisible(m_window, "newClientPage"));
        QTRY_COMPARE(m_window->findChild<QObject *>("detailStack")->property("busy").toBool(),
                     false);
        const auto fill = [&](const char *field, const QString &text) {
            QQuickItem *f = findVisible(m_window, QStringLiteral("newClient_") + field);
            QVERIFY(f);
            f->setProperty("text", text);
        };
        fill("firstName", "Winifred");
        fill("lastName", "Okonkwo");
        fill("dateOfBirth", "12 March 1938"); // not a date: refused with a clear message
        fill("phone", "(503) 555-0177");
        fill("address", "18 Birch Lane");
        capture("NewClient");
        const qint64 before =
            m_session->store()->records().count(*Schema::instance().entity("client"));
        QMetaObject::invokeMethod(findVisible(m_window, "createClientButton"), "clicked");
        QTRY_VERIFY(findVisible(m_window, "newClientError"));
        QVERIFY(findVisible(m_window, "newClientError")
                    ->property("text")
                    .toString()
                    .contains("1941-12-10"));
        QCOMPARE(m_session->store()->records().count(*Schema::instance().entity("client")), before);
        fill("dateOfBirth", "1938-03-12");
        QMetaObject::invokeMethod(findVisible(m_window, "createClientButton"), "clicked");
        QTRY_COMPARE(m_session->store()->records().count(*Schema::instance().entity("client")),
                     before + 1);
        QTRY_VERIFY(findVisible(m_window, "clientName"));
        QTRY_COMPARE(findVisible(m_window, "clientName")->property("text").toString(),
                     QStringLiteral("Winifred Okonkwo"));
    }

    void todayTurnedWhileShown()
    {
        // Start in landscape (two columns), turn the tablet while Today is shown, shoot.
        showSection("today", "todayPage");
        QQuickItem *alerts = findVisible(m_window, "alertSection");
        QQuickItem *schedule = findVisible(m_window, "scheduleSection");
        QVERIFY(alerts && schedule);
        QTRY_VERIFY(alerts->mapToScene(QPointF(0, 0)).x() >
                    schedule->mapToScene(QPointF(0, 0)).x());
        m_window->resize(800, 1280);
        QTRY_VERIFY2(schedule->mapToScene(QPointF(0, 0)).y() >=
                         alerts->mapToScene(QPointF(0, 0)).y() + alerts->height(),
                     "turned to portrait, Today kept the landscape layout");
        capture("Today-turned");
        m_window->resize(1280, 800);
        QTRY_VERIFY(alerts->mapToScene(QPointF(0, 0)).x() >
                    schedule->mapToScene(QPointF(0, 0)).x());
        showSection("caseload", "clientPage");
    }

    void portrait()
    {
        m_window->resize(800, 1280);
        QTRY_VERIFY(!findVisible(m_window, "caseloadPage"));
        QVERIFY(findVisible(m_window, "clientPage"));
        waitForStack();
        capture("Client-portrait");
        showSection("today", "todayPage");
        // Turned to portrait, Today is one column (alerts first), not the landscape layout
        // squeezed: wait for that state, then shoot.
        QQuickItem *alerts = findVisible(m_window, "alertSection");
        QQuickItem *schedule = findVisible(m_window, "scheduleSection");
        QVERIFY(alerts && schedule);
        QTRY_VERIFY2(schedule->mapToScene(QPointF(0, 0)).y() >=
                         alerts->mapToScene(QPointF(0, 0)).y() + alerts->height(),
                     "the schedule is not below the alerts");
        QTRY_COMPARE(alerts->width(), schedule->width());
        capture("Today-portrait");
    }

    void pinLockAfterIdleTime()
    {
        m_window->resize(1280, 800);
        m_session->setIdleTimeoutMs(30); // then wait for the state, not for the time
        QTRY_VERIFY(m_session->isLocked());
        QTRY_VERIFY(findVisible(m_window, "pinLayer"));
        capture("PinLock");
        findVisible(m_window, "pinField")->setProperty("text", "0000");
        QMetaObject::invokeMethod(findVisible(m_window, "pinButton"), "clicked");
        QTRY_VERIFY(findVisible(m_window, "pinError")
                        ->property("text")
                        .toString()
                        .contains("Attempts left before this tablet is wiped: 4"));
        QVERIFY(m_session->isLocked());
        m_session->setIdleTimeoutMs(10 * 60 * 1000);
        findVisible(m_window, "pinField")->setProperty("text", "4711");
        QMetaObject::invokeMethod(findVisible(m_window, "pinButton"), "clicked");
        QTRY_VERIFY(!m_session->isLocked());
        QTRY_VERIFY(!findVisible(m_window, "pinLayer"));
    }

    void tooManyWrongPinsWipeTheTablet()
    {
        Session tablet(m_dir.filePath("wipe.db"));
        tablet.open("a-local-passphrase");
        tablet.editor()->create("client",
                                {{"firstName", "A"}, {"lastName", "B"}, {"status", "active"}});
        QVERIFY(tablet.setPin("2468").isEmpty());
        tablet.lock();
        for (int i = 0; i < 4; ++i)
            QVERIFY(tablet.unlockWithPin("1111").contains("Attempts left"));
        QVERIFY(tablet.unlockWithPin("1111").contains("wiped"));
        QVERIFY(tablet.isWiped());
        QCOMPARE(tablet.store()->records().count(*Schema::instance().entity("client")), 0);
        QVERIFY(tablet.unlockWithPin("2468").length() > 0); // nothing to unlock any more
    }

    /** The checks themselves: each finds what it is for, and only that (run after the app
     * windows, which set up the accessibility of Qt Quick items). */
    void theChecksFindWhatIsWrong()
    {
        QFile qml(m_dir.filePath("checks.qml"));
        QVERIFY(qml.open(QIODevice::WriteOnly));
        qml.write(R"(
import QtQuick
import QtQuick.Controls.Basic
Item {
    width: 400; height: 300
    Button { objectName: "small"; text: "x"; width: 30; height: 30 }
    Button { objectName: "large"; text: "ok"; y: 250; width: 60; height: 48 }
    Text { objectName: "elided"; y: 40; width: 50; text: "a long text that does not fit"; elide: Text.ElideRight }
    Text { objectName: "elidedOnPurpose"; property bool elideIntended: true; y: 60; width: 50
           text: "a long text that does not fit"; elide: Text.ElideRight }
    Text { objectName: "spills"; y: 80; width: 50; text: "a long text that does not fit" }
    Text { objectName: "fits"; y: 100; text: "fits" }
    Rectangle { objectName: "outside"; x: 380; y: 120; width: 60; height: 20; color: "red" }
    TextField { objectName: "scrolled"; y: 150; width: 80; height: 48; text: "a very long value that ends far away" }
    ComboBox { objectName: "narrowChoice"; x: 100; y: 250; width: 60; height: 48
               model: ["A choice far too long for its box"] }
    Flickable { y: 200; width: 400; height: 50; contentHeight: 200; clip: true
                Rectangle { objectName: "scrollsBelow"; y: 100; width: 100; height: 50; color: "blue" } }
})");
        qml.close();
        QQuickView view;
        view.setSource(QUrl::fromLocalFile(qml.fileName()));
        QVERIFY2(view.rootObject(), qPrintable(view.errors().value(0).toString()));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(QQuickTest::qWaitForPolish(&view));
        QList<QQuickItem *> shown;
        test::collectShown(view.contentItem(), shown);
        const auto named = [](const QStringList &found, const char *name) {
            return std::count_if(found.begin(), found.end(), [&](const QString &f) {
                return f.contains(QStringLiteral(" in %1 ").arg(QLatin1String(name)));
            });
        };
        const QStringList small = test::smallTargets(shown);
        QVERIFY2(named(small, "small") == 1 && named(small, "large") == 0,
                 qPrintable(small.join('\n')));
        const QStringList cut = test::cutText(shown);
        QVERIFY2(named(cut, "elided") == 1, qPrintable(cut.join('\n')));
        QVERIFY2(named(cut, "spills") == 1, qPrintable(cut.join('\n')));
        QVERIFY2(named(cut, "scrolled") == 1, qPrintable(cut.join('\n')));
        QVERIFY2(named(cut, "narrowChoice") == 1, qPrintable(cut.join('\n')));
        QVERIFY2(named(cut, "elidedOnPurpose") == 0 && named(cut, "fits") == 0,
                 qPrintable(cut.join('\n')));
        const QStringList outside = test::outsideTheirArea(&view, shown);
        QVERIFY2(named(outside, "outside") == 1 && named(outside, "scrollsBelow") == 0,
                 qPrintable(outside.join('\n')));
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_session.reset();
    }
};

QTEST_MAIN(TestScreens)
#include "tst_screens.moc"
