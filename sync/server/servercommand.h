#pragma once

#include <QStringList>

namespace careround {

/**
 * The command line of careround-server: `serve` runs the HTTP server, `admin ...` manages
 * the agency (accounts, caseloads, devices, epochs). Returns the process exit code; for
 * `serve` it runs the event loop of the QCoreApplication that must exist.
 */
int runServerCommand(const QStringList &arguments);

} // namespace careround
