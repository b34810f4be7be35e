#pragma once

#include <QString>

namespace careround {

/** Where CareRound keeps its files on this device. */
namespace AppPaths {
/** The data folder: $CAREROUND_DATA_DIR when set, else the platform's app data location. */
QString dataDir();
/** The encrypted store file inside a data folder. */
QString storeFile(const QString &dataDir);
} // namespace AppPaths

} // namespace careround
