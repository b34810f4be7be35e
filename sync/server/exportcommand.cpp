#include "exportcommand.h"

#include "agencyserver.h"
#include "exportfile.h"
#include "exportservice.h"
#include "fhirexport.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTextStream>

namespace careround::ExportCommand {

namespace {

int fail(const QString &message, int code = 1)
{
    QTextStream(stderr) << "careround-server: " << message << Qt::endl;
    return code;
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

/** The caller an export runs as: the agency, or the account named by --as. */
std::optional<Caller> callerFor(AgencyServer &server, const QCommandLineParser &parser,
                                QString *error)
{
    if (!parser.isSet(QStringLiteral("as")))
        return ReviewService::administrator();
    const auto account = server.accountStore.accountByLogin(parser.value(QStringLiteral("as")));
    if (!account) {
        *error = QStringLiteral("No account has the login %1").arg(parser.value("as"));
        return std::nullopt;
    }
    Caller c;
    c.accountId = account->id;
    c.role = account->role;
    return c;
}

std::optional<QString> coordinatorId(AgencyServer &server, const QString &login, QString *error)
{
    const auto account = server.accountStore.accountByLogin(login);
    if (!account) {
        *error = QStringLiteral("No account has the login %1").arg(login);
        return std::nullopt;
    }
    return account->id;
}

/** Writes the export; says how long making it took (the process start not counted). */
int writeResult(const ExportResult &result, const QString &path, const QElapsedTimer &timer)
{
    if (!result.ok())
        return fail(result.error);
    QString error;
    if (!ExportFile::save(result.data, path, &error))
        return fail(error);
    out() << "written " << path << " (" << result.data.size() << " bytes) in " << timer.elapsed()
          << " ms" << Qt::endl;
    return 0;
}

} // namespace

QList<QCommandLineOption> options()
{
    return {
        {QStringLiteral("out"), QStringLiteral("export: the file (or folder for fhir) to write"),
         QStringLiteral("path")},
        {QStringLiteral("client"), QStringLiteral("export fhir: one client"), QStringLiteral("id")},
        {QStringLiteral("since"), QStringLiteral("export fhir: records changed since (ISO 8601)"),
         QStringLiteral("time")},
        {QStringLiteral("coordinator"), QStringLiteral("export ics: the coordinator's login"),
         QStringLiteral("login")},
        {QStringLiteral("as"), QStringLiteral("export: under this account's access"),
         QStringLiteral("login")},
    };
}

bool handles(const QStringList &args)
{
    static const QStringList commands{"export", "calendar-feed", "revoke-calendar-feed",
                                      "set-time-zone"};
    return commands.contains(args.value(0));
}

QString usage()
{
    return QStringLiteral(
        "Getting data out (docs/export.md; --as LOGIN: under that account's access):\n"
        "  export pdf RECORD_ID --out FILE\n"
        "  export fhir --out DIR [--client ID] [--since TIME]\n"
        "  export csv caseload|followups|overdue|visits|referrals|benefits|complaints --out FILE\n"
        "  export ics --coordinator LOGIN --out FILE\n"
        "  calendar-feed LOGIN | revoke-calendar-feed LOGIN | set-time-zone IANA_ID\n");
}

int run(AgencyServer &server, const QStringList &args, const QCommandLineParser &parser)
{
    ExportService exports(server.store, server.policy);
    const QString cmd = args.value(0);
    QString error;
    if (cmd == QLatin1String("calendar-feed") || cmd == QLatin1String("revoke-calendar-feed")) {
        const auto id = coordinatorId(server, args.value(1), &error);
        if (!id)
            return fail(error);
        if (cmd == QLatin1String("calendar-feed")) {
            out() << exports.newCalendarSecret(*id) << Qt::endl;
            return 0;
        }
        if (!exports.revokeCalendarSecret(*id))
            return fail(QStringLiteral("%1 has no calendar feed").arg(args.value(1)));
        out() << "revoked" << Qt::endl;
        return 0;
    }
    if (cmd == QLatin1String("set-time-zone")) {
        if (!exports.setAgencyZone(args.value(1)))
            return fail(QStringLiteral("Unknown time zone \"%1\" (use an IANA id such as "
                                       "America/Chicago)")
                            .arg(args.value(1)),
                        2);
        out() << "time zone: " << args.value(1) << Qt::endl;
        return 0;
    }
    const QString kind = args.value(1);
    const QString path = parser.value(QStringLiteral("out"));
    if (path.isEmpty())
        return fail(QStringLiteral("say where to write the export: --out PATH"), 2);
    const auto caller = callerFor(server, parser, &error);
    if (!caller)
        return fail(error);
    QElapsedTimer timer;
    timer.start();
    if (kind == QLatin1String("pdf")) {
        if (args.value(2).isEmpty())
            return fail(QStringLiteral("say which record: export pdf RECORD_ID --out FILE"), 2);
        return writeResult(exports.pdf(*caller, args.value(2)), path, timer);
    }
    if (kind == QLatin1String("csv"))
        return writeResult(exports.csv(*caller, args.value(2), QDate::currentDate()), path, timer);
    if (kind == QLatin1String("ics")) {
        const auto id = coordinatorId(server, parser.value(QStringLiteral("coordinator")), &error);
        if (!id)
            return fail(error);
        return writeResult(exports.ics(*caller, *id), path, timer);
    }
    if (kind == QLatin1String("fhir")) {
        QDateTime since;
        if (parser.isSet(QStringLiteral("since"))) {
            since = QDateTime::fromString(parser.value(QStringLiteral("since")), Qt::ISODate);
            if (!since.isValid())
                return fail(QStringLiteral("--since takes an ISO 8601 time, e.g. "
                                           "2026-11-01T00:00:00Z"),
                            2);
        }
        FhirExport fhir(server.store, server.policy, exports);
        const FhirExport::Summary summary =
            fhir.writeNdjson(*caller, path, parser.value(QStringLiteral("client")), since, &error);
        if (!error.isEmpty())
            return fail(error);
        for (auto it = summary.counts.cbegin(); it != summary.counts.cend(); ++it)
            out() << it.key() << ".ndjson\t" << it.value() << Qt::endl;
        out() << "written " << path << " in " << timer.elapsed() << " ms" << Qt::endl;
        return 0;
    }
    return fail(QStringLiteral("export what? pdf, fhir, csv or ics"), 2);
}

} // namespace careround::ExportCommand
