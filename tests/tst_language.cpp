// The tablet's language (issue 14): the choice is remembered in settings.ini beside the store
// and outlives the session; Spanish applies at once to QML texts, the controllers' and core's
// messages, dates and plural forms; an unknown language changes nothing; every field a signed
// document shows has its Spanish label. (tests/check-translations checks that no text lacks
// its translation.)
#include "languagesetting.h"
#include "pageharness.h"
#include "recordinput.h"
#include "signoffcontroller.h"

#include <QFile>
#include <QFont>
#include <QQuickStyle>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

#include "careroundplugins.h"

using namespace careround;
using namespace careround::test;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestLanguage : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        // The device's own language is English here, so "es" is a real change.
        QCOMPARE(QLocale::system().language() == QLocale::Spanish, false);
    }

    void spanishIsRememberedAndAppliedAtOnce()
    {
        const QString ini = m_dir.filePath("remembered/settings.ini");
        QDir().mkpath(m_dir.filePath("remembered"));
        {
            LanguageSetting setting(ini);
            QCOMPARE(setting.choice(), QString());
            QCOMPARE(setting.language(), QStringLiteral("en"));
            QCOMPARE(QCoreApplication::translate("UnlockPage", "Unlock"), QStringLiteral("Unlock"));
            QSignalSpy changed(&setting, &LanguageSetting::changed);
            setting.setChoice(QStringLiteral("es"));
            QCOMPARE(changed.count(), 1);
            QCOMPARE(setting.language(), QStringLiteral("es"));
            // QML's texts, core's messages, instruments, dates and plurals.
            QCOMPARE(QCoreApplication::translate("UnlockPage", "Unlock"),
                     QStringLiteral("Desbloquear"));
            QVERIFY(QCoreApplication::translate(
                        "careround::SqliteDatabase",
                        "The passphrase does not open this store (wrong key, or the file is "
                        "not a CareRound store)")
                        .startsWith(QStringLiteral("La frase de contraseña no abre")));
            QCOMPARE(
                Instruments::text(QStringLiteral("Little interest or pleasure in doing things")),
                QStringLiteral("Poco interés o placer en hacer cosas"));
            QCOMPARE(Schema::kind(QStringLiteral("carePlan")).labelText(),
                     QStringLiteral("plan de atención"));
            QCOMPARE(QLocale().language(), QLocale::Spanish);
            QVERIFY2(RecordInput::shortDayText(QDate(2026, 11, 22)).contains(QStringLiteral("nov")),
                     qPrintable(RecordInput::shortDayText(QDate(2026, 11, 22))));
            QVERIFY(
                RecordInput::shortDayText(QDate(2026, 11, 22)).startsWith(QStringLiteral("dom")));
            QCOMPARE(QCoreApplication::translate("SignOffPage", "%n stroke(s)", nullptr, 1),
                     QStringLiteral("1 trazo"));
            QCOMPARE(QCoreApplication::translate("SignOffPage", "%n stroke(s)", nullptr, 12),
                     QStringLiteral("12 trazos"));
        }
        // Gone with its owner: the app's default language again.
        QCOMPARE(QCoreApplication::translate("UnlockPage", "Unlock"), QStringLiteral("Unlock"));
        QVERIFY(QLocale().language() != QLocale::Spanish);
        QVERIFY(fileBytes(ini).contains("language=es"));

        // A new start reads the choice back before anything is unlocked.
        LanguageSetting again(ini);
        QCOMPARE(again.choice(), QStringLiteral("es"));
        QCOMPARE(again.language(), QStringLiteral("es"));
        QCOMPARE(QCoreApplication::translate("UnlockPage", "Unlock"),
                 QStringLiteral("Desbloquear"));

        // Back to the device's language: the setting is removed, English again.
        again.setChoice(QString());
        QCOMPARE(again.language(), QStringLiteral("en"));
        QVERIFY(!fileBytes(ini).contains("language="));
        QCOMPARE(QCoreApplication::translate("UnlockPage", "Unlock"), QStringLiteral("Unlock"));
    }

    void englishHasItsPluralForms()
    {
        LanguageSetting setting(m_dir.filePath("english.ini"));
        setting.setChoice(QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("SignOffPage", "%n stroke(s)", nullptr, 1),
                 QStringLiteral("1 stroke"));
        QCOMPARE(QCoreApplication::translate("SignOffPage", "%n stroke(s)", nullptr, 3),
                 QStringLiteral("3 strokes"));
        QCOMPARE(
            QCoreApplication::translate("careround::SignOffController", "Goals (%n)", nullptr, 1),
            QStringLiteral("Goal (1)"));
    }

    void anUnknownLanguageChangesNothing()
    {
        const QString ini = m_dir.filePath("unknown.ini");
        LanguageSetting setting(ini);
        setting.setChoice(QStringLiteral("es"));
        const QByteArray before = fileBytes(ini);
        QSignalSpy changed(&setting, &LanguageSetting::changed);
        for (const QString &bad : {QStringLiteral("fr"), QStringLiteral("es_ES"),
                                   QStringLiteral("ES"), QStringLiteral("../es")})
            setting.setChoice(bad);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(setting.choice(), QStringLiteral("es"));
        QCOMPARE(fileBytes(ini), before);

        // A settings file edited by hand with a language CareRound does not speak: the device's.
        QFile f(m_dir.filePath("handmade.ini"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[General]\nlanguage=klingon\n");
        f.close();
        LanguageSetting handmade(f.fileName());
        QCOMPARE(handmade.choice(), QString());
        QCOMPARE(handmade.language(), QStringLiteral("en"));
    }

    void everyFieldOfASignedDocumentHasItsSpanishLabel()
    {
        LanguageSetting setting(m_dir.filePath("fields.ini"));
        setting.setChoice(QStringLiteral("es"));
        QStringList missing;
        for (const EntityDef &e : Schema::instance().entities()) {
            const bool signedPart = e.signable || (!e.sealedVia.isEmpty() &&
                                                   e.name != QLatin1String("assessmentAnswer"));
            if (!signedPart)
                continue;
            for (const FieldDef &fd : e.fields) {
                if (fd.type == FieldType::Reference || fd.type == FieldType::Json ||
                    fd.name == QLatin1String("voided") || fd.name == QLatin1String("voidReason"))
                    continue;
                const QString label = SignOffController::fieldLabel(fd.name);
                setting.setChoice(QStringLiteral("en"));
                const QString english = SignOffController::fieldLabel(fd.name);
                setting.setChoice(QStringLiteral("es"));
                if (label == english)
                    missing.append(e.name + QLatin1Char('.') + fd.name);
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void theAppSwitchesOnTheUnlockScreenAndKeepsIt()
    {
        const QString path = m_dir.filePath("app/demo.db");
        QDir().mkpath(m_dir.filePath("app"));
        createDemoStore(path, "demo", 3);
        {
            PageHarness app = PageHarness::app(path, kPageToday);
            QVERIFY(app.window);
            QObject *button = app.find("unlockButton");
            QVERIFY(button);
            QCOMPARE(button->property("text").toString(), QStringLiteral("Unlock"));
            QQuickItem *spanish = nullptr;
            QTRY_VERIFY((spanish = app.item(QStringLiteral("language_es"))));
            app.tap(spanish);
            QTRY_COMPARE(button->property("text").toString(), QStringLiteral("Desbloquear"));
            // The chips are made again (their labels are translated too): find them anew.
            QTRY_VERIFY(app.item(QStringLiteral("language_es"))->property("checked").toBool());
            QVERIFY(!app.item(QStringLiteral("language_en"))->property("checked").toBool());

            // A message made in C++ after the change is Spanish too.
            app.find("passphrase")->setProperty("text", "wrong horse");
            QMetaObject::invokeMethod(button, "clicked");
            QTRY_VERIFY(!app.find("unlockError")->property("text").toString().isEmpty());
            QVERIFY2(app.find("unlockError")
                         ->property("text")
                         .toString()
                         .startsWith(QStringLiteral("Esta frase de contraseña no abre")),
                     qPrintable(app.find("unlockError")->property("text").toString()));
            QVERIFY(!app.session->isUnlocked());
        }
        // The next start of the app is in Spanish before anything is unlocked.
        PageHarness again = PageHarness::app(path, kPageToday);
        QVERIFY(again.window);
        QCOMPARE(again.find("unlockButton")->property("text").toString(),
                 QStringLiteral("Desbloquear"));
        again.session->open("demo");
        QVERIFY(again.session->setPin(QStringLiteral("2468")).isEmpty());
        QTRY_VERIFY(shown(again.find("todayPage")));
        QCOMPARE(again.item(QStringLiteral("section_sync"))->property("text").toString(),
                 QStringLiteral("Sincronizar"));
        again.window->grabWindow().save(QStringLiteral("careround-today-es.png"));
        // Back to English from the sync screen, without signing out.
        again.window->setProperty("section", "sync");
        QQuickItem *english = nullptr;
        QTRY_VERIFY((english = again.item(QStringLiteral("language_en"))));
        PageHarness::press(english);
        QTRY_COMPARE(again.session->language()->language(), QStringLiteral("en"));
        QQuickItem *syncTab = again.item(QStringLiteral("section_sync"));
        QVERIFY(syncTab);
        QTRY_COMPARE(syncTab->property("text").toString(), QStringLiteral("Sync"));
        QVERIFY(again.session->isUnlocked());
        QCOMPARE(QCoreApplication::translate("UnlockPage", "Unlock"), QStringLiteral("Unlock"));
    }

    void largerTextIsRemembered()
    {
        const QString path = m_dir.filePath("text/demo.db");
        QDir().mkpath(m_dir.filePath("text"));
        createDemoStore(path, "demo", 2);
        {
            PageHarness app = PageHarness::app(path, kPageToday);
            QQuickItem *toggle = nullptr;
            QTRY_VERIFY((toggle = app.item(QStringLiteral("largeTextSwitch"))));
            QVERIFY(!toggle->property("checked").toBool());
            const qreal before = app.item(QStringLiteral("unlockButton"))
                                     ->property("font")
                                     .value<QFont>()
                                     .pixelSize();
            app.tap(toggle);
            QTRY_VERIFY(toggle->property("checked").toBool());
            QTRY_VERIFY(app.item(QStringLiteral("unlockButton"))
                            ->property("font")
                            .value<QFont>()
                            .pixelSize() > before);
            QVERIFY(app.session->largeText());
        }
        // Started again: larger text from the first frame.
        PageHarness again = PageHarness::app(path, kPageToday);
        QTRY_VERIFY(again.item(QStringLiteral("largeTextSwitch")));
        QVERIFY(again.item(QStringLiteral("largeTextSwitch"))->property("checked").toBool());
        again.session->setLargeText(false);
        QVERIFY(!Session(path).largeText());
    }

    void aChangeOfLanguageKeepsWhatIsTyped()
    {
        const QString path = m_dir.filePath("typed/demo.db");
        QDir().mkpath(m_dir.filePath("typed"));
        createDemoStore(path, "demo", 2);
        Session session(path);
        session.setToday(kPageToday);
        session.open("demo");
        const QString client =
            session.store()->records().all(*Schema::instance().entity("client")).constFirst().id;
        PageHarness form(&session, QStringLiteral("CareRound.Client"),
                         QStringLiteral("RecordFormPage"), client, client);
        form.page->setProperty("form", "client");
        QQuickItem *phone = nullptr;
        QTRY_VERIFY((phone = item(form.page, "field_phone")));
        phone->setProperty("text", "555-0142");
        // Every screen is told to read its texts again, this form too.
        int reloads = 0;
        connect(&session.store()->changes(), &ChangeFeed::changed, this, [&](const Change &c) {
            if (c.origin == Change::Origin::Display &&
                c.touches({QStringLiteral("client")}, client))
                ++reloads;
        });
        session.language()->setChoice(QStringLiteral("es"));
        QTRY_COMPARE(reloads, 1);
        QCoreApplication::processEvents();
        QTRY_VERIFY(item(form.page, "field_phone"));
        QCOMPARE(item(form.page, "field_phone")->property("text").toString(),
                 QStringLiteral("555-0142"));
        session.language()->setChoice(QString());
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
