#include "servercommand.h"

#include "agencyhttpserver.h"
#include "agencyserver.h"
#include "demoagency.h"
#include "exportcommand.h"
#include "exportservice.h"
#include "fhirexport.h"
#include "serverkeyfile.h"
#include "sqlitedatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>

namespace careround {

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QString readPassword()
{
    QString env = qEnvironmentVariable("CAREROUND_PASSWORD");
    if (!env.isEmpty())
        return env;
    QTextStream in(stdin);
    return in.readLine();
}

void setLogLevel(const QString &level)
{
    QString rules = QStringLiteral("careround.*.debug=false\n");
    if (level == QLatin1String("debug"))
        rules = QStringLiteral("careround.*.debug=true\n");
    else if (level == QLatin1String("warning"))
        rules += QStringLiteral("careround.*.info=false\n");
    else if (level == QLatin1String("error"))
        rules += QStringLiteral("careround.*.info=false\ncareround.*.warning=false\n");
    QLoggingCategory::setFilterRules(rules);
}

/** Prints the usage (to stdout for --help, else to stderr after the message). */
int usage(const QString &message)
{
    QTextStream stream(message.isEmpty() ? stdout : stderr);
    if (!message.isEmpty())
        stream << "careround-server: " << message << "\n";
    stream
        << "usage: careround-server serve [--db URL | --data-dir DIR] [--key-file FILE]\n"
        << "                              [--listen ADDR] [--port N]\n"
        << "                              [--tls-cert PEM --tls-key PEM] [--max-skew-ms MS]\n"
        << "                              [--log-level LEVEL]\n"
        << "       careround-server admin [--db URL | --data-dir DIR] [--key-file FILE] COMMAND "
           "...\n"
        << "       careround-server admin generate-key FILE\n"
        << "\n"
        << "The agency database:\n"
        << "  --db URL        postgresql://USER:PASSWORD@HOST:PORT/DATABASE (an existing\n"
        << "                  PostgreSQL database; several serve processes may share it),\n"
        << "                  or sqlite:PATH (one SQLite file, made if missing)\n"
        << "  --data-dir DIR  without --db, the default: SQLite in DIR/agency.db (DIR: .)\n"
        << "  --key-file FILE the SQLite store is encrypted (SQLCipher) with the key in FILE:\n"
        << "                  64 hex characters, mode 0600 (admin generate-key FILE makes one);\n"
        << "                  not with a postgresql:// URL\n"
        << "Serving:\n"
        << "  --listen ADDR   address to listen on (127.0.0.1)\n"
        << "  --port N        port (8470; 0: any free port, printed)\n"
        << "  --tls-cert PEM --tls-key PEM   serve HTTPS with this certificate and key\n"
        << "  --max-skew-ms MS   hold edits stamped further ahead than this (600000)\n"
        << "  --log-level LEVEL  error, warning, info or debug (info)\n"
        << "Admin commands:\n"
        << "  create-agency NAME | create-account LOGIN NAME ROLE |\n"
        << "  assign-client CLIENT_ID LOGIN | enroll-device LOGIN DEVICE_ID LABEL |\n"
        << "  list-devices | revoke-device DEVICE_ID | new-epoch | show-epoch |\n"
        << "  list-refused | settle-refused ID apply|discard REASON\n"
        << "  seed-demo [N]   (an empty agency: the demo's accounts and N clients, 40)\n"
        << ExportCommand::usage()
        << "Passwords are read from $CAREROUND_PASSWORD or the first line of stdin.\n";
    return message.isEmpty() ? 0 : 2;
}

/**
 * The demo agency on the server: accounts for its coordinators and supervisor (login: first
 * name in lower case; password from $CAREROUND_PASSWORD or stdin) and all its records.
 */
int seedDemo(AgencyServer &server, int clients)
{
    if (server.records.maxSeq() > 0) {
        out() << "the agency already has data: nothing seeded" << Qt::endl;
        return 0;
    }
    const QString password = readPassword();
    server.records.createAgency(DemoAgency::agencyName());
    QStringList logins;
    QSet<QString> used;
    DemoAgency::Options options;
    options.clientCount = clients;
    const auto summary = DemoAgency::generate(
        [&](const QString &entity, const QJsonObject &values) {
            if (entity != QLatin1String("coordinator"))
                return server.records.createRecord(entity, values);
            const QString name = values.value(QStringLiteral("name")).toString();
            // The first name, lower-case; a second coordinator of that name gets a number.
            QString login = name.section(QLatin1Char(' '), 0, 0).toLower();
            for (int n = 2; used.contains(login); ++n)
                login = name.section(QLatin1Char(' '), 0, 0).toLower() + QString::number(n);
            used.insert(login);
            const QString role = values.value(QStringLiteral("role")).toString();
            logins.append(QStringLiteral("%1 (%2, %3)").arg(login, name, role));
            return server.accounts.createAccount(login, name, password, role);
        },
        options);
    out() << "seeded " << summary.clientIds.size() << " clients and " << summary.total()
          << " records; accounts: " << logins.join(QStringLiteral(", ")) << Qt::endl;
    return 0;
}

int admin(AgencyServer &server, const QStringList &args, const QCommandLineParser &parser)
{
    const QString cmd = args.value(0);
    if (ExportCommand::handles(args))
        return ExportCommand::run(server, args, parser);
    const auto need = [&](int n) { return args.size() >= n + 1; };
    if (cmd == QLatin1String("create-agency") && need(1)) {
        server.records.createAgency(args[1]);
        out() << "agency created: " << args[1] << Qt::endl;
    } else if (cmd == QLatin1String("create-account") && need(3)) {
        out() << server.accounts.createAccount(args[1], args[2], readPassword(), args[3])
              << Qt::endl;
    } else if (cmd == QLatin1String("assign-client") && need(2)) {
        server.accounts.assignClient(args[1], args[2]);
        out() << "assigned" << Qt::endl;
    } else if (cmd == QLatin1String("enroll-device") && need(3)) {
        out() << server.accounts.enrollDevice(args[1], readPassword(), args[2], args[3])
              << Qt::endl;
    } else if (cmd == QLatin1String("list-devices")) {
        for (const DeviceInfo &d : server.accounts.devices())
            out() << d.id << '\t' << d.login << '\t' << d.status << '\t' << d.lastSeq << '\t'
                  << d.enrolledAt << '\t' << d.label << Qt::endl;
    } else if (cmd == QLatin1String("revoke-device") && need(1)) {
        server.accounts.revokeDevice(args[1]);
        out() << "revoked" << Qt::endl;
    } else if (cmd == QLatin1String("list-refused")) {
        // One line per open refused change: id, received, reason, kind, record, author's
        // account, device and deviceSeq, and the refusal in words. No values: they are
        // client data (GET /v1/review gives them whole).
        QString after;
        for (;;) {
            const ServiceReply page = server.review.list(
                ReviewService::administrator(),
                QUrlQuery(after.isEmpty() ? QString() : QStringLiteral("after=") + after));
            const QJsonArray rows = page.body.value(QStringLiteral("refused")).toArray();
            for (const auto &row : rows) {
                const QJsonObject c = row.toObject();
                out() << c.value("id").toString() << '\t' << c.value("receivedAt").toString()
                      << '\t' << c.value("reason").toString() << '\t'
                      << c.value("entity").toString() << '\t' << c.value("recordId").toString()
                      << '\t' << c.value("authorId").toString() << '\t'
                      << c.value("deviceId").toString() << '\t' << c.value("deviceSeq").toInteger()
                      << '\t' << c.value("message").toString() << Qt::endl;
            }
            if (!page.body.value(QStringLiteral("hasMore")).toBool())
                break;
            after = page.body.value(QStringLiteral("next")).toString();
        }
    } else if (cmd == QLatin1String("settle-refused") && need(3)) {
        const ServiceReply reply = server.review.settle(
            ReviewService::administrator(),
            QJsonObject{{"id", args[1]}, {"action", args[2]}, {"reason", args.mid(3).join(' ')}});
        if (reply.status != 200) {
            QTextStream(stderr) << "careround-server: "
                                << reply.body.value(QStringLiteral("message")).toString()
                                << Qt::endl;
            return 1;
        }
        out() << reply.body.value(QStringLiteral("state")).toString() << Qt::endl;
    } else if (cmd == QLatin1String("seed-demo")) {
        return seedDemo(server, args.value(1, QStringLiteral("40")).toInt());
    } else if (cmd == QLatin1String("new-epoch")) {
        out() << server.records.newEpoch() << Qt::endl;
    } else if (cmd == QLatin1String("show-epoch")) {
        out() << server.records.epoch() << Qt::endl;
    } else {
        return usage(QStringLiteral("unknown or incomplete admin command"));
    }
    return 0;
}

/** `admin generate-key FILE`: a new key file for --key-file; needs no database. */
int generateKey(const QString &path)
{
    if (path.isEmpty())
        return usage(QStringLiteral("say where to write the key: admin generate-key FILE"));
    try {
        ServerKeyFile::generate(path);
    } catch (const StoreError &e) {
        QTextStream(stderr) << "careround-server: " << e.message() << Qt::endl;
        return 1;
    }
    out() << "key written to " << path << " (mode 0600; keep a copy apart from the store's backups)"
          << Qt::endl;
    return 0;
}

} // namespace

int runServerCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("serve or admin"));
    parser.addOptions({
        {QStringLiteral("db"),
         QStringLiteral("postgresql://USER:PASSWORD@HOST:PORT/DATABASE or sqlite:PATH"),
         QStringLiteral("url")},
        {QStringLiteral("listen"), QStringLiteral("Address to listen on"),
         QStringLiteral("address"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("port"), QStringLiteral("Port (0: any free port, printed)"),
         QStringLiteral("port"), QStringLiteral("8470")},
        {QStringLiteral("data-dir"), QStringLiteral("Without --db: SQLite in DIR/agency.db"),
         QStringLiteral("dir"), QStringLiteral(".")},
        {QStringLiteral("log-level"), QStringLiteral("error, warning, info or debug"),
         QStringLiteral("level"), QStringLiteral("info")},
        {QStringLiteral("tls-cert"), QStringLiteral("PEM certificate: serve HTTPS"),
         QStringLiteral("file")},
        {QStringLiteral("tls-key"), QStringLiteral("PEM private key of the certificate"),
         QStringLiteral("file")},
        {QStringLiteral("max-skew-ms"), QStringLiteral("Hold edits stamped further ahead"),
         QStringLiteral("ms"), QStringLiteral("600000")},
        {QStringLiteral("key-file"), QStringLiteral("Key of the encrypted SQLite store"),
         QStringLiteral("file")},
        {QStringLiteral("office-idle-minutes"),
         QStringLiteral("Office console sessions end after this long without a request"),
         QStringLiteral("minutes"), QString::number(OfficeSessions::kDefaultIdleMinutes)},
    });
    parser.addOptions(ExportCommand::options());
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return usage(QString());
    const QStringList positional = parser.positionalArguments();
    const QString mode = positional.value(0);
    // Before any database is opened (or made in the current folder).
    if (mode != QLatin1String("serve") && mode != QLatin1String("admin"))
        return usage(QStringLiteral("say serve or admin"));
    setLogLevel(parser.value(QStringLiteral("log-level")));
    if (mode == QLatin1String("admin") && positional.value(1) == QLatin1String("generate-key"))
        return generateKey(positional.value(2));
    QString url = parser.value(QStringLiteral("db"));
    const bool encrypted = parser.isSet(QStringLiteral("key-file"));
    if (encrypted && !url.isEmpty() && !url.startsWith(QLatin1String("sqlite:")))
        return usage(QStringLiteral("--key-file encrypts a SQLite store; it does not go with a "
                                    "PostgreSQL --db (see docs/security.md)"));
    if (url.isEmpty()) {
        const QString dir = parser.value(QStringLiteral("data-dir"));
        QDir().mkpath(dir);
        url = QStringLiteral("sqlite:") + QDir(dir).filePath(QStringLiteral("agency.db"));
    }
    try {
        const QByteArray key = encrypted ? ServerKeyFile::sqlcipherKey(ServerKeyFile::read(
                                               parser.value(QStringLiteral("key-file"))))
                                         : QByteArray();
        std::unique_ptr<ServerDatabase> db = ServerDatabase::open(url, key);
        AgencyServer server(*db);
        server.initialize();
        server.sync.setMaxSkewMillis(parser.value(QStringLiteral("max-skew-ms")).toLongLong());
        bool idleOk = false;
        const int idleMinutes = parser.value(QStringLiteral("office-idle-minutes")).toInt(&idleOk);
        if (!idleOk || idleMinutes < 1 || idleMinutes > 24 * 60)
            return usage(QStringLiteral("--office-idle-minutes must be from 1 to 1440"));
        server.sessions.setIdleMinutes(idleMinutes);
        if (mode == QLatin1String("admin"))
            return admin(server, positional.mid(1), parser);
        AgencyHttpServer http(server);
        ExportService exports(server.store, server.policy);
        FhirExport fhir(server.store, server.policy, exports);
        http.addExportRoutes(exports, fhir);
        // Crash tests: CAREROUND_FAULT=die-after-push-commit kills the process after a push
        // is committed and before its reply leaves; die-before-push-commit after its writes
        // and before its commit.
        const QString fault = qEnvironmentVariable("CAREROUND_FAULT");
        if (fault == QLatin1String("die-after-push-commit"))
            http.setBeforeReplyHook([](const QString &path) {
                if (path == QLatin1String("/v1/sync/push"))
                    std::_Exit(137);
            });
        if (fault == QLatin1String("die-before-push-commit"))
            server.sync.setBeforeCommitHook([] { std::_Exit(137); });
        if (parser.isSet(QStringLiteral("tls-cert")) != parser.isSet(QStringLiteral("tls-key")))
            return usage(QStringLiteral("--tls-cert and --tls-key go together"));
        if (parser.isSet(QStringLiteral("tls-cert"))) {
            QString error;
            if (!http.setTls(parser.value(QStringLiteral("tls-cert")),
                             parser.value(QStringLiteral("tls-key")), &error)) {
                QTextStream(stderr) << "careround-server: " << error << Qt::endl;
                return 1;
            }
        }
        const QHostAddress address(parser.value(QStringLiteral("listen")));
        const quint16 port =
            http.listen(address, quint16(parser.value(QStringLiteral("port")).toUInt()));
        if (port == 0) {
            QTextStream(stderr) << "careround-server: cannot listen on "
                                << parser.value(QStringLiteral("listen")) << ":"
                                << parser.value(QStringLiteral("port")) << Qt::endl;
            return 1;
        }
        out() << "careround-server listening on " << address.toString() << ":" << port
              << (parser.isSet(QStringLiteral("tls-cert")) ? " (https)" : "") << Qt::endl;
        return QCoreApplication::exec();
    } catch (const StoreError &e) {
        QTextStream(stderr) << "careround-server: " << e.message() << Qt::endl;
        return 1;
    }
}

} // namespace careround
