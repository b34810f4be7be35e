// careround-server: the agency server and its administration CLI (logic in sync/).
#include "servercommand.h"

#include <QGuiApplication>

int main(int argc, char **argv)
{
    // The PDF export lays out text, which needs Qt GUI's fonts: a GUI application on the
    // offscreen platform (no display, no windows) unless the caller chose a platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("careround-server"));
    return careround::runServerCommand(QCoreApplication::arguments());
}
