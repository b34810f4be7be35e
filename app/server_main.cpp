// careround-server: the agency server and its administration CLI (logic in sync/).
#include "servercommand.h"

#include <QGuiApplication>

#include <cstring>
#include <memory>

namespace {

QtMessageHandler previousHandler = nullptr;

/** Qt GUI's start-up notice that a daemon has no XDG_RUNTIME_DIR says nothing to an admin. */
void quietStartup(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        previousHandler(type, context, message);
}

} // namespace

int main(int argc, char **argv)
{
    // `serve` and `admin export` render PDFs, which lay out text with Qt GUI's fonts: they run
    // as a GUI application on the offscreen platform (no display, no windows) unless the
    // caller chose a platform. Everything else needs only Qt Core.
    bool gui = false;
    for (int i = 1; i < argc; ++i)
        gui = gui || std::strcmp(argv[i], "serve") == 0 || std::strcmp(argv[i], "export") == 0;
    std::unique_ptr<QCoreApplication> app;
    if (gui) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        previousHandler = qInstallMessageHandler(quietStartup);
        app = std::make_unique<QGuiApplication>(argc, argv);
        qInstallMessageHandler(previousHandler);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("careround-server"));
    return careround::runServerCommand(QCoreApplication::arguments());
}
