#include "apppaths.h"

#include <QDir>
#include <QStandardPaths>

namespace careround {

QString AppPaths::dataDir()
{
    QString dir = qEnvironmentVariable("CAREROUND_DATA_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir;
}

QString AppPaths::storeFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("careround.db"));
}

} // namespace careround
