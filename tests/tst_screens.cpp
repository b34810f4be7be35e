// Every screen of the tablet app, on the demo data, through the real Main.qml: renders each
// one at 1280x800 (Today and Client also at 800x1280) into <build>/screenshots/<Screen>.png
// for a person to look at, and walks the visible items of each screen, failing on any
// interactive item without an accessible name.
#include "languagesetting.h"
#include "pageharness.h"

#include <QAccessible>
#include <QFont>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include <optional>

#include "careroundplugins.h"

using namespace careround;
using careround::test::screenshotDir;

namespace {

const QDate kToday(2026, 11, 22);

bool shownInScene(QQuickItem *item)
{
    for (QQuickItem *i = item; i; i = i->parentItem())
        if (!i->isVisible() || i->opacity() == 0)
            return false;
    return item->width() > 0 && item->height() > 0;
}

void collect(QQuickItem *item, QList<QQuickItem *> &out)
{
    if (!item->isVisible())
        return;
    out.append(item);
    for (QQuickItem *child : item->childItems())
        collect(child, out);
}

QQuickItem *findVisible(QQuickWindow *window, const QString &name)
{
    QList<QQuickItem *> all;
    collect(window->contentItem(), all);
    for (QQuickItem *i : all)
        if (i->objectName() == name && shownInScene(i))
            return i;
    return nullptr;
}

/** Interactive items (by accessible role) shown on screen that have no accessible name. */
QStringList unnamedControls(QQuickWindow *window, int &checked)
{
    checked = 0;
    static const QSet<QAccessible::Role> interactive{
        QAccessible::Button,       QAccessible::CheckBox, QAccessible::RadioButton,
        QAccessible::EditableText, QAccessible::ComboBox, QAccessible::Slider,
        QAccessible::SpinBox,      QAccessible::PageTab,  QAccessible::Link};
    QStringList missing;
    QList<QQuickItem *> all;
    collect(window->contentItem(), all);
    for (QQuickItem *item : all) {
        if (!shownInScene(item))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item);
        if (!iface || !interactive.contains(iface->role()))
            continue;
        ++checked;
        if (iface->text(QAccessible::Name).trimmed().isEmpty())
            missing.append(QStringLiteral("%1 (%2)").arg(
                QString::fromLatin1(item->metaObject()->className()), item->objectName()));
    }
    return missing;
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

    void capture(const QString &name)
    {
        // Let layouts and lists settle: wait until no item waits to be laid out (state, not time).
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY(QQuickTest::qWaitForPolish(m_window));
        QVERIFY(m_window->grabWindow().save(screenshotDir() + QLatin1Char('/') + name + ".png"));
        int checked = 0;
        const QStringList missing = unnamedControls(m_window, checked);
        QVERIFY2(checked > 0, qPrintable(name + ": the walk found no interactive item"));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(name + ": no accessible name on " + missing.join(", ")));
        qInfo("%s: %d interactive items, all named", qPrintable(name), checked);
    }

    void showSection(const QString &section, const QString &pageName)
    {
        m_window->setProperty("section", section);
        QTRY_VERIFY2(findVisible(m_window, pageName), qPrintable(pageName + ": " + visibleNames()));
    }
    QString visibleNames()
    {
        QList<QQuickItem *> all;
        collect(m_window->contentItem(), all);
        QStringList names;
        for (QQuickItem *i : all)
            if (!i->objectName().isEmpty())
                names.append(i->objectName() + (shownInScene(i) ? "" : "(hidden)"));
        return names.join(' ');
    }

private slots:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        QAccessible::setActive(true);
        const QString path = m_dir.filePath("demo.db");
        test::createDemoStore(path, "demo-pass", 40, kToday);
        m_session = std::make_unique<Session>(path);
        m_session->setToday(kToday);
    }

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

    void sections()
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
        capture("Today");
        showSection("caseload", "caseloadPage");
        capture("Caseload");
        showSection("directory", "directoryPage");
        capture("ResourceDirectory");
        showSection("sync", "syncPage");
        capture("Sync");
        showSection("conflicts", "conflictsPage");
        capture("Conflicts");
    }

    void clientAndItsScreens()
    {
        // A client whose current plan waits for signing (a signed plan is not offered again).
        Record client;
        for (const Record &c :
             m_session->store()->records().all(*Schema::instance().entity("client"))) {
            const ClientOverview o = m_session->store()->clients().overview(c.id, test::kPageToday);
            if (!o.planId.isEmpty() && !o.planSigned) {
                client = c;
                break;
            }
        }
        QVERIFY(!client.id.isEmpty());
        m_window->setProperty("selectedClientId", client.id);
        showSection("caseload", "clientPage");
        QTRY_VERIFY(findVisible(m_window, "openVisit"));
        capture("Client");
        const QList<QPair<QString, QString>> screens{{"openVisit", "visitPage"},
                                                     {"openAssessment", "assessmentPage"},
                                                     {"openPlan", "carePlanPage"},
                                                     {"openServices", "servicesPage"},
                                                     {"openSignOff", "signOffPage"}};
        const QStringList names{"Visit", "Assessment", "CarePlan", "Services", "SignOff"};
        QObject *stack = m_window->findChild<QObject *>("detailStack");
        QVERIFY(stack);
        for (int i = 0; i < screens.size(); ++i) {
            QQuickItem *button = nullptr;
            QTRY_VERIFY((button = findVisible(m_window, screens[i].first)));
            QMetaObject::invokeMethod(button, "clicked");
            QTRY_VERIFY2(findVisible(m_window, screens[i].second), qPrintable(screens[i].second));
            QTRY_COMPARE(stack->property("busy").toBool(), false);
            capture(names[i]);
            // Each screen closes back to the client (its Back button emits closed()).
            QVERIFY(QMetaObject::invokeMethod(findVisible(m_window, screens[i].second), "closed"));
            QTRY_VERIFY(findVisible(m_window, "clientPage"));
        }
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

    void spanishAndLargerText()
    {
        // The main screens again in Spanish and with larger text, at both sizes: each walk
        // checks the accessible names as in English.
        m_window->resize(1280, 800);
        m_window->setProperty("selectedClientId", QString()); // the caseload list in portrait
        m_session->language()->setChoice(QStringLiteral("es"));
        QQuickItem *larger = findVisible(m_window, "largeTextSwitch");
        QVERIFY(larger);
        const auto tabFont = [&] {
            return findVisible(m_window, "section_today")
                ->property("font")
                .value<QFont>()
                .pixelSize();
        };
        const int normal = tabFont();
        QMetaObject::invokeMethod(larger, "toggle");
        QMetaObject::invokeMethod(larger, "toggled");
        QTRY_VERIFY(m_session->largeText());
        QTRY_VERIFY(tabFont() > normal);
        const QList<QPair<QString, QString>> screens{{"today", "todayPage"},
                                                     {"caseload", "caseloadPage"},
                                                     {"directory", "directoryPage"},
                                                     {"sync", "syncPage"}};
        for (const QSize &size : {QSize(1280, 800), QSize(800, 1280)}) {
            m_window->resize(size);
            for (const auto &[section, page] : screens) {
                showSection(section, page);
                capture(QStringLiteral("es-large-%1%2")
                            .arg(page, size.width() < size.height() ? "-portrait" : ""));
            }
        }
        // Spanish on the screens: the section tab of Today.
        QCOMPARE(findVisible(m_window, "section_today")->property("text").toString(),
                 QStringLiteral("Hoy"));
        QMetaObject::invokeMethod(larger, "toggle");
        QMetaObject::invokeMethod(larger, "toggled");
        QTRY_VERIFY(!m_session->largeText());
        m_session->language()->setChoice(QString());
        m_window->resize(1280, 800);
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

    void cleanupTestCase()
    {
        m_app.reset();
        m_session.reset();
    }
};

QTEST_MAIN(TestScreens)
#include "tst_screens.moc"
