// careround-server: the agency server and its administration CLI (logic in sync/).
#include "servercommand.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("careround-server"));
    return careround::runServerCommand(QCoreApplication::arguments());
}
