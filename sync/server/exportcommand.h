#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

class QCommandLineParser;

namespace careround {

struct AgencyServer;

/**
 * The `admin` commands that get data out (docs/export.md):
 *   export pdf RECORD_ID --out FILE
 *   export fhir --out DIR [--client ID] [--since TIME]
 *   export csv REPORT --out FILE
 *   export ics --coordinator LOGIN --out FILE
 *   calendar-feed LOGIN | revoke-calendar-feed LOGIN | set-time-zone IANA_ID
 * Each export runs as the agency (a supervisor) or, with --as LOGIN, under that account's
 * access (a coordinator: their caseload). Files are written through a temporary file.
 */
namespace ExportCommand {

/** The options these commands take, added to the server's parser. */
QList<QCommandLineOption> options();
/** True when args (after `admin`) name one of these commands. */
bool handles(const QStringList &args);
/** Runs it; returns the exit code (0, 1 on an error, 2 on a usage error). */
int run(AgencyServer &server, const QStringList &args, const QCommandLineParser &parser);
/** The usage lines of these commands. */
QString usage();

} // namespace ExportCommand

} // namespace careround
