// The CareRound tablet app: parses the command line, creates the demo agency when asked,
// and hands the session to Main.qml. All logic lives in the libraries.
#include "apppaths.h"
#include "connectivitymonitor.h"
#include "demostore.h"
#include "languagesetting.h"
#include "session.h"
#include "syncengine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

#include "careroundplugins.h"

using namespace careround;

namespace {

/** Creates the demo agency in a new store; returns it open. */
std::unique_ptr<DeviceStore> createDemo(const QString &path, int clients)
{
    DemoStore::Options options;
    options.path = path;
    options.agency.clientCount = clients;
    options.asFirstCoordinator = true;
    DemoStore demo = DemoStore::create(options);
    std::printf("careround: created a demo agency in %s: %d clients, %d records.\n"
                "careround: its passphrase is \"%s\".\n",
                qPrintable(QDir::toNativeSeparators(path)), int(demo.summary.clientIds.size()),
                demo.summary.total(), qPrintable(DemoAgency::demoPassphrase()));
    std::fflush(stdout);
    return std::move(demo.store);
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("CareRound"));
    QGuiApplication::setOrganizationName(QStringLiteral("CareRound"));
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("CareRound: home-visit service coordination, offline first."));
    parser.addHelpOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QStringLiteral("Keep the data in <dir>."),
                                           QStringLiteral("dir"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QStringLiteral("Create a demo agency in the data folder when it holds no data yet "
                       "(passphrase \"demo\")."));
    const QCommandLineOption demoClientsOption(QStringLiteral("demo-clients"),
                                               QStringLiteral("Clients in the demo (40)."),
                                               QStringLiteral("n"), QStringLiteral("40"));
    const QCommandLineOption passphraseOption(
        QStringLiteral("passphrase"),
        QStringLiteral("Unlock with <text> at start (development and screenshots only: other "
                       "users of this computer can see it)."),
        QStringLiteral("text"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Render the first screen to <png> and exit (works offscreen)."),
        QStringLiteral("png"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Window size, e.g. 800x1280."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QStringLiteral("On first start, enrol with the agency server at <url> as --login, with "
                       "the password in $CAREROUND_PASSWORD and --passphrase for the store."),
        QStringLiteral("url"));
    const QCommandLineOption loginOption(QStringLiteral("login"),
                                         QStringLiteral("The account to enrol with."),
                                         QStringLiteral("login"));
    const QCommandLineOption pinOption(
        QStringLiteral("pin"),
        QStringLiteral("Set the idle-lock PIN when none is set yet (demo and screenshots only)."),
        QStringLiteral("digits"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QStringLiteral("Show the app in <lang>: en or es (remembered, as if chosen on the unlock "
                       "screen)."),
        QStringLiteral("lang"));
    parser.addOptions({dataDirOption, demoOption, demoClientsOption, passphraseOption,
                       screenshotOption, sizeOption, serverOption, loginOption, pinOption,
                       languageOption});
    parser.process(app);

    const QString dataDir =
        parser.isSet(dataDirOption) ? parser.value(dataDirOption) : AppPaths::dataDir();
    QDir().mkpath(dataDir);
    Session session(AppPaths::storeFile(dataDir));
    if (parser.isSet(languageOption)) {
        const QString language = parser.value(languageOption);
        if (!LanguageSetting::languages().contains(language)) {
            std::fprintf(stderr, "careround: --language takes one of: %s\n",
                         qPrintable(LanguageSetting::languages().join(QStringLiteral(", "))));
            return 2;
        }
        session.language()->setChoice(language);
    }
    NetworkInformationMonitor connectivity;
    session.setConnectivityMonitor(&connectivity);
    app.installEventFilter(&session); // input restarts the idle PIN timer
    try {
        if (parser.isSet(demoOption) && !session.storeExists())
            session.adopt(createDemo(session.storePath(), parser.value(demoClientsOption).toInt()),
                          DemoAgency::demoPassphrase().toUtf8());
        else if (parser.isSet(demoOption))
            std::printf("careround: %s already holds data; using it (demo passphrase: \"%s\").\n",
                        qPrintable(QDir::toNativeSeparators(dataDir)),
                        qPrintable(DemoAgency::demoPassphrase()));
        if (!session.isUnlocked() && !session.storeExists() && parser.isSet(serverOption)) {
            // Enrol without typing (scripts/run): the screen shows the enrolment and the
            // first load as they happen.
            QObject::connect(&session, &Session::enrolFinished, &app, [](const QString &error) {
                if (!error.isEmpty())
                    std::fprintf(stderr, "careround: enrolment failed: %s\n", qPrintable(error));
            });
            session.enrol(parser.value(serverOption), parser.value(loginOption),
                          qEnvironmentVariable("CAREROUND_PASSWORD"),
                          parser.value(passphraseOption));
        } else if (!session.isUnlocked() && parser.isSet(passphraseOption)) {
            session.open(parser.value(passphraseOption).toUtf8());
        }
    } catch (const StoreError &e) {
        std::fprintf(stderr, "careround: %s\n", qPrintable(e.message()));
        return 1;
    }
    if (parser.isSet(pinOption)) {
        const QString pin = parser.value(pinOption);
        const auto setPin = [&session, pin] {
            if (session.isUnlocked() && !session.hasPin())
                session.setPin(pin);
        };
        setPin();
        QObject::connect(&session, &Session::unlockedChanged, &app, setPin);
    }
    std::fflush(stdout);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties({{QStringLiteral("session"), QVariant::fromValue(&session)}});
    engine.load(QUrl(QStringLiteral("qrc:/CareRound/App/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (window && parser.isSet(sizeOption)) {
        const QStringList wh = parser.value(sizeOption).split(QLatin1Char('x'));
        if (wh.size() == 2)
            window->resize(wh[0].toInt(), wh[1].toInt());
    }

    if (window && parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const auto grab = [window, file] {
            QTimer::singleShot(300, window, [window, file] {
                const bool saved = window->grabWindow().save(file);
                std::printf("careround: %s %s\n",
                            saved ? "saved a screenshot to" : "could not save", qPrintable(file));
                std::fflush(stdout);
                QCoreApplication::exit(saved ? 0 : 1);
            });
        };
        const auto syncing = [&session] {
            return session.syncEngine() &&
                   session.syncEngine()->state() == SyncEngine::State::Syncing;
        };
        if (session.isBusy() || syncing()) {
            // Enrolling or loading: grab once the first sync has ended.
            const auto grabOnce = [syncing, grab] {
                static bool done = false;
                if (done || syncing())
                    return;
                done = true;
                grab();
            };
            const auto grabAfterSync = [&session, &app, grabOnce] {
                if (SyncEngine *engine = session.syncEngine())
                    QObject::connect(engine, &SyncEngine::finished, &app, grabOnce);
            };
            // The engine exists once the store is open (after enrolling, a new one).
            QObject::connect(&session, &Session::syncChanged, &app, grabAfterSync);
            grabAfterSync();
        } else {
            // Grab once the scene has been rendered (first frame).
            QObject::connect(
                window, &QQuickWindow::frameSwapped, &app,
                [grab] {
                    static bool done = false;
                    if (done)
                        return;
                    done = true;
                    grab();
                },
                Qt::QueuedConnection);
        }
    }
    return app.exec();
}
