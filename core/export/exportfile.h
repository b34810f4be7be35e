#pragma once

#include <QByteArray>
#include <QString>

namespace careround::ExportFile {

/**
 * Writes an export to path through a temporary file renamed into place (QSaveFile): false,
 * with a sentence in error, when it cannot be written; nothing half-written is left behind.
 */
bool save(const QByteArray &data, const QString &path, QString *error);

} // namespace careround::ExportFile
