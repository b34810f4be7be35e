#include "agencyhttpserver.h"

#include "exportservice.h"
#include "fhirexport.h"
#include "gzip.h"
#include "protocol.h"
#include "sqlitedatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>

Q_LOGGING_CATEGORY(lcHttp, "careround.server.http")

namespace careround {

namespace {

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers())
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QHttpServerResponse jsonResponse(const QHttpServerRequest &request, const ServiceReply &reply,
                                 bool tls = false)
{
    QByteArray data = reply.encoded();
    const bool gzip = header(request, "Accept-Encoding").contains("gzip") && data.size() > 512;
    // Large bodies (pull pages) at level 1: several times faster, a few percent larger.
    if (gzip)
        data = Gzip::compress(data, data.size() > qsizetype(64) * 1024 ? 1 : 6);
    QHttpServerResponse response(QByteArrayLiteral("application/json"), std::move(data),
                                 QHttpServerResponse::StatusCode(reply.status));
    if (gzip)
        response.addHeader(QByteArrayLiteral("Content-Encoding"), QByteArrayLiteral("gzip"));
    if (!reply.cookie.isEmpty())
        response.addHeader(QByteArrayLiteral("Set-Cookie"),
                           reply.cookie + "; Path=/; HttpOnly; SameSite=Strict" +
                               (tls ? QByteArrayLiteral("; Secure") : QByteArray()));
    if (request.url().path().startsWith(QLatin1String("/v1/office/"))) {
        response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        response.addHeader(QByteArrayLiteral("X-Content-Type-Options"),
                           QByteArrayLiteral("nosniff"));
    }
    return response;
}

/**
 * The office's POSTs carry JSON: a page of another site can send a form or text/plain
 * without asking, but not application/json (the browser asks first, and is refused).
 */
bool isJsonRequest(const QHttpServerRequest &request)
{
    return header(request, "Content-Type").trimmed().toLower().startsWith("application/json");
}

ServiceReply notJson()
{
    return ServiceReply::error(415, QStringLiteral("unsupported_media_type"),
                               QStringLiteral("Send the body as application/json"));
}

/**
 * The query of an office request, read as a browser's form encoding: a '+' is a space (a
 * plus sign itself comes as %2B).
 */
QUrlQuery formQuery(const QHttpServerRequest &request)
{
    QString text = request.url().query(QUrl::FullyEncoded);
    text.replace(QLatin1Char('+'), QStringLiteral("%20"));
    return QUrlQuery(text);
}

ServiceReply wrongMethod(const char *method)
{
    return ServiceReply::error(405, QStringLiteral("method_not_allowed"),
                               QStringLiteral("Use %1").arg(QLatin1String(method)));
}

/** The console's files: name -> MIME type. Nothing else under /static/ is served. */
const QHash<QString, QByteArray> &consoleFiles()
{
    static const QHash<QString, QByteArray> files{
        {QStringLiteral("office.js"), "text/javascript; charset=utf-8"},
        {QStringLiteral("office.css"), "text/css; charset=utf-8"},
        {QStringLiteral("bootstrap.min.css"), "text/css; charset=utf-8"},
        {QStringLiteral("chart.min.js"), "text/javascript; charset=utf-8"},
    };
    return files;
}

QHttpServerResponse consoleFile(const QString &name, const QByteArray &mime)
{
    QFile file(QStringLiteral(":/office/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return QHttpServerResponse(QHttpServerResponse::StatusCode::NotFound);
    QHttpServerResponse response(mime, file.readAll());
    response.addHeader(QByteArrayLiteral("Content-Security-Policy"),
                       QByteArrayLiteral("default-src 'none'; script-src 'self'; style-src "
                                         "'self'; img-src 'self' data:; connect-src 'self'; "
                                         "form-action 'self'; frame-ancestors 'none'; "
                                         "base-uri 'none'"));
    response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response.addHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
    return response;
}

} // namespace

AgencyHttpServer::AgencyHttpServer(AgencyServer &server, QObject *parent)
    : QObject(parent), m_server(server)
{
    routeApi();
    routeOffice();
    routeConsole();
    m_http.setMissingHandler([](const QHttpServerRequest &req, QHttpServerResponder &&responder) {
        const QByteArray body =
            QJsonDocument(Protocol::errorBody(QStringLiteral("not_found"),
                                              QStringLiteral("No such endpoint")))
                .toJson(QJsonDocument::Compact);
        qCInfo(lcHttp) << "404" << req.url().path();
        responder.write(body, QByteArrayLiteral("application/json"),
                        QHttpServerResponder::StatusCode::NotFound);
    });
}

AgencyHttpServer::Authenticator AgencyHttpServer::byDevice()
{
    return [this](const QHttpServerRequest &req, Caller &caller) {
        return m_server.accounts.authenticate(header(req, "Authorization"), caller);
    };
}

AgencyHttpServer::Authenticator AgencyHttpServer::bySession()
{
    // A session's cookie on every request, and its CSRF token on every one that is not a GET.
    return [this](const QHttpServerRequest &req, Caller &caller) {
        return m_server.sessions.resume(OfficeSessions::tokenFromCookies(header(req, "Cookie")),
                                        header(req, "X-CSRF-Token"),
                                        req.method() != QHttpServerRequest::Method::Get, caller);
    };
}

AgencyHttpServer::Authenticator AgencyHttpServer::byAnyone()
{
    return [](const QHttpServerRequest &, Caller &) { return std::optional<ServiceReply>(); };
}

void AgencyHttpServer::routeApi()
{
    using Method = QHttpServerRequest::Method;
    const Authenticator device = byDevice();
    const Authenticator anyone = byAnyone();
    const auto post = [this](const char *path, const Authenticator &auth, const Handler &fn) {
        m_http.route(QString::fromLatin1(path), [this, auth, fn](const QHttpServerRequest &req) {
            if (req.method() != Method::Post)
                return jsonResponse(req, wrongMethod("POST"));
            return handle(req, auth, fn);
        });
    };
    const auto get =
        [this, device](const char *path,
                       std::function<ServiceReply(const Caller &, const QHttpServerRequest &)> fn) {
            m_http.route(
                QString::fromLatin1(path), [this, device, fn](const QHttpServerRequest &req) {
                    if (req.method() != Method::Get)
                        return jsonResponse(req, wrongMethod("GET"));
                    return handle(req, device,
                                  [&](const Caller &c, const QJsonObject &) { return fn(c, req); });
                });
        };
    post("/v1/enroll", anyone, [this](const Caller &c, const QJsonObject &b) {
        return m_server.accounts.enroll(b, c.remote);
    });
    post("/v1/sync/hello", device,
         [this](const Caller &c, const QJsonObject &b) { return m_server.sync.hello(c, b); });
    post("/v1/sync/push", device,
         [this](const Caller &c, const QJsonObject &b) { return m_server.sync.push(c, b); });
    get("/v1/sync/pull", [this](const Caller &c, const QHttpServerRequest &r) {
        return m_server.sync.pull(c, r.query());
    });
    get("/v1/conflicts", [this](const Caller &c, const QHttpServerRequest &r) {
        return m_server.sync.conflicts(c, r.query());
    });
    get("/v1/review", [this](const Caller &c, const QHttpServerRequest &r) {
        return m_server.review.list(c, r.query());
    });
    post("/v1/review/settle", device,
         [this](const Caller &c, const QJsonObject &b) { return m_server.review.settle(c, b); });
    get("/v1/history", [this](const Caller &c, const QHttpServerRequest &r) {
        return m_server.history.history(c, r.query());
    });
    m_http.route(QStringLiteral("/v1/health"), [](const QHttpServerRequest &req) {
        return jsonResponse(req, ServiceReply{200, QJsonObject{{"status", "ok"}}});
    });
}

void AgencyHttpServer::routeOffice()
{
    using Method = QHttpServerRequest::Method;
    const Authenticator session = bySession();
    const auto get = [this,
                      session](const char *path,
                               std::function<ServiceReply(const Caller &, const QUrlQuery &)> fn) {
        m_http.route(QString::fromLatin1(path), [this, session, fn](const QHttpServerRequest &req) {
            if (req.method() != Method::Get)
                return jsonResponse(req, wrongMethod("GET"));
            return handle(req, session, [&](const Caller &c, const QJsonObject &) {
                return fn(c, formQuery(req));
            });
        });
    };
    const auto post = [this, session](const char *path, const Handler &fn) {
        m_http.route(QString::fromLatin1(path), [this, session, fn](const QHttpServerRequest &req) {
            if (req.method() != Method::Post)
                return jsonResponse(req, wrongMethod("POST"));
            if (!isJsonRequest(req))
                return jsonResponse(req, notJson());
            return handle(req, session, fn);
        });
    };
    OfficeService &office = m_server.office;
    m_http.route(QStringLiteral("/v1/office/session"),
                 [this, session](const QHttpServerRequest &req) {
                     if (req.method() == Method::Get)
                         return handle(req, session, [this](const Caller &c, const QJsonObject &) {
                             return m_server.sessions.current(c);
                         });
                     if (req.method() != Method::Post)
                         return jsonResponse(req, wrongMethod("GET or POST"));
                     if (!isJsonRequest(req))
                         return jsonResponse(req, notJson());
                     return handle(req, byAnyone(), [this](const Caller &c, const QJsonObject &b) {
                         return m_server.sessions.signIn(b, c.remote);
                     });
                 });
    m_http.route(
        QStringLiteral("/v1/office/session/end"), [this, session](const QHttpServerRequest &req) {
            if (req.method() != Method::Post)
                return jsonResponse(req, wrongMethod("POST"));
            if (!isJsonRequest(req))
                return jsonResponse(req, notJson());
            return handle(req, session, [this, &req](const Caller &c, const QJsonObject &) {
                return m_server.sessions.signOut(
                    OfficeSessions::tokenFromCookies(header(req, "Cookie")), c);
            });
        });
    get("/v1/office/dashboard",
        [&office](const Caller &c, const QUrlQuery &q) { return office.dashboard(c, q); });
    get("/v1/office/clients",
        [&office](const Caller &c, const QUrlQuery &q) { return office.clients(c, q); });
    get("/v1/office/staff-names",
        [&office](const Caller &c, const QUrlQuery &) { return office.coordinators(c); });
    get("/v1/office/client",
        [&office](const Caller &c, const QUrlQuery &q) { return office.chart(c, q); });
    get("/v1/office/history",
        [&office](const Caller &c, const QUrlQuery &q) { return office.history(c, q); });
    get("/v1/office/review",
        [&office](const Caller &c, const QUrlQuery &q) { return office.review(c, q); });
    get("/v1/office/staff",
        [&office](const Caller &c, const QUrlQuery &) { return office.staff(c); });
    get("/v1/office/providers",
        [&office](const Caller &c, const QUrlQuery &) { return office.providers(c); });
    get("/v1/office/audit",
        [&office](const Caller &c, const QUrlQuery &q) { return office.audit(c, q); });
    m_http.route(QStringLiteral("/v1/office/reports/<arg>"),
                 [this, session](const QString &name, const QHttpServerRequest &req) {
                     if (req.method() != Method::Get)
                         return jsonResponse(req, wrongMethod("GET"));
                     return handle(req, session, [&](const Caller &c, const QJsonObject &) {
                         return m_server.reports.report(c, name, formQuery(req));
                     });
                 });
    post("/v1/office/clients/move",
         [&office](const Caller &c, const QJsonObject &b) { return office.moveClients(c, b); });
    post("/v1/office/conflicts/settle",
         [&office](const Caller &c, const QJsonObject &b) { return office.settleConflict(c, b); });
    post("/v1/office/refused/settle",
         [&office](const Caller &c, const QJsonObject &b) { return office.settleRefused(c, b); });
    post("/v1/office/staff/create",
         [&office](const Caller &c, const QJsonObject &b) { return office.createAccount(c, b); });
    post("/v1/office/staff/change",
         [&office](const Caller &c, const QJsonObject &b) { return office.changeAccount(c, b); });
    post("/v1/office/devices/revoke",
         [&office](const Caller &c, const QJsonObject &b) { return office.revokeDevice(c, b); });
    post("/v1/office/providers/save",
         [&office](const Caller &c, const QJsonObject &b) { return office.saveProvider(c, b); });
}

void AgencyHttpServer::routeConsole()
{
    m_http.route(QStringLiteral("/"), [](const QHttpServerRequest &req) {
        if (req.method() != QHttpServerRequest::Method::Get)
            return QHttpServerResponse(QHttpServerResponse::StatusCode::MethodNotAllowed);
        return consoleFile(QStringLiteral("index.html"), "text/html; charset=utf-8");
    });
    m_http.route(
        QStringLiteral("/static/<arg>"), [](const QString &name, const QHttpServerRequest &req) {
            const auto it = consoleFiles().constFind(name);
            if (req.method() != QHttpServerRequest::Method::Get || it == consoleFiles().cend())
                return QHttpServerResponse(QHttpServerResponse::StatusCode::NotFound);
            return consoleFile(name, *it);
        });
}

bool AgencyHttpServer::setTls(const QString &certificatePath, const QString &keyPath,
                              QString *error)
{
    QFile certFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the TLS certificate or key file");
        return false;
    }
    const QSslCertificate certificate(&certFile, QSsl::Pem);
    QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        keyFile.seek(0);
        key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
    }
    if (certificate.isNull() || key.isNull()) {
        *error = QStringLiteral("the TLS certificate or key is not valid PEM");
        return false;
    }
    m_http.sslSetup(certificate, key, QSsl::TlsV1_2OrLater);
    m_tls = true;
    return true;
}

quint16 AgencyHttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_http.listen(address, port);
}

QHttpServerResponse AgencyHttpServer::handle(const QHttpServerRequest &request,
                                             const Authenticator &auth, const Handler &fn)
{
    QElapsedTimer timer;
    timer.start();
    ServiceReply reply;
    try {
        reply = [&]() -> ServiceReply {
            Caller caller;
            caller.remote = request.remoteAddress().toString();
            if (auto refused = auth(request, caller))
                return *refused;
            QJsonObject body;
            if (request.method() == QHttpServerRequest::Method::Post) {
                QByteArray raw = request.body();
                if (raw.size() > ProtocolLimits::kMaxBodyBytes)
                    return ServiceReply::error(413, QStringLiteral("body_too_large"),
                                               QStringLiteral("The body is larger than %1 bytes")
                                                   .arg(ProtocolLimits::kMaxBodyBytes));
                if (header(request, "Content-Encoding").contains("gzip")) {
                    const auto inflated = Gzip::decompress(raw, ProtocolLimits::kMaxBodyBytes);
                    if (!inflated)
                        return ServiceReply::error(
                            400, QStringLiteral("bad_encoding"),
                            QStringLiteral("The body is not valid gzip or inflates past "
                                           "the size limit"));
                    raw = *inflated;
                }
                const QString error = Protocol::decodeBody(raw, body);
                if (!error.isEmpty())
                    return ServiceReply::error(
                        400, QStringLiteral("malformed_json"),
                        QStringLiteral("The body must be one JSON object (%1)").arg(error));
            }
            return fn(caller, body);
        }();
    } catch (const StoreError &e) {
        qCWarning(lcHttp) << "storage error:" << e.message();
        reply = ServiceReply::error(
            503, QStringLiteral("storage_unavailable"),
            QStringLiteral("The server could not store the request; try again later"));
    }
    qCInfo(lcHttp).noquote() << (request.method() == QHttpServerRequest::Method::Post ? "POST"
                                                                                      : "GET")
                             << request.url().path() << reply.status << timer.elapsed() << "ms";
    if (m_beforeReply)
        m_beforeReply(request.url().path());
    return jsonResponse(request, reply, m_tls);
}

// ---- Getting data out (issue 13): files, not JSON replies; each checks the caller. ----

void AgencyHttpServer::addExportRoutes(ExportService &exports, FhirExport &fhir)
{
    using Method = QHttpServerRequest::Method;
    // Authenticates, runs the export and answers with the file or a JSON error; logs the
    // route, status and time only (never a query value or a calendar secret).
    const Authenticator device = byDevice();
    const Authenticator session = bySession();
    const Authenticator anyone = byAnyone();
    const auto serve = [](const QHttpServerRequest &req, const char *logPath,
                          const Authenticator &auth,
                          const std::function<ExportResult(const Caller &)> &fn) {
        QElapsedTimer timer;
        timer.start();
        ExportResult result;
        try {
            Caller caller;
            caller.remote = req.remoteAddress().toString();
            if (const std::optional<ServiceReply> refused = auth(req, caller)) {
                qCInfo(lcHttp).noquote()
                    << "GET" << logPath << refused->status << timer.elapsed() << "ms";
                return jsonResponse(req, *refused);
            }
            result = fn(caller);
        } catch (const StoreError &e) {
            qCWarning(lcHttp) << "storage error:" << e.message();
            result = ExportResult::failure(503, QStringLiteral("The server could not read the "
                                                               "records; try again later"));
        }
        qCInfo(lcHttp).noquote() << (req.method() == Method::Post ? "POST" : "GET") << logPath
                                 << result.status << timer.elapsed() << "ms";
        if (!result.ok())
            return jsonResponse(
                req, ServiceReply::error(result.status,
                                         result.status == 403   ? QStringLiteral("forbidden")
                                         : result.status == 404 ? QStringLiteral("not_found")
                                                                : QStringLiteral("bad_request"),
                                         result.error));
        QHttpServerResponse response(result.contentType, result.data);
        if (!result.fileName.isEmpty())
            response.addHeader(
                QByteArrayLiteral("Content-Disposition"),
                QStringLiteral("attachment; filename=\"%1\"").arg(result.fileName).toLatin1());
        response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        return response;
    };
    const auto methodIs = [](const QHttpServerRequest &req, Method m) { return req.method() == m; };
    const auto wrongMethod = [](const QHttpServerRequest &req, const char *use) {
        return jsonResponse(req, ServiceReply::error(405, QStringLiteral("method_not_allowed"),
                                                     QString::fromLatin1(use)));
    };
    // Each export twice: /v1/export/NAME for a device's token, /v1/office/export/NAME for the
    // office console's session (where another caseload's record is a 404, as in the console).
    using Export = std::function<ExportResult(const Caller &, const QUrlQuery &, bool office)>;
    const auto exportRoute = [=](const char *name, const Export &fn) {
        for (const bool office : {false, true}) {
            const QByteArray path =
                (office ? "/v1/office/export/" : "/v1/export/") + QByteArray(name);
            m_http.route(QString::fromLatin1(path), [=](const QHttpServerRequest &req) {
                if (!methodIs(req, Method::Get))
                    return wrongMethod(req, "Use GET");
                return serve(req, path.constData(), office ? session : device,
                             [&](const Caller &c) { return fn(c, req.query(), office); });
            });
        }
    };
    exportRoute("pdf", [&exports](const Caller &c, const QUrlQuery &q, bool) {
        return exports.pdf(c, q.queryItemValue(QStringLiteral("record")));
    });
    exportRoute("csv", [&exports](const Caller &c, const QUrlQuery &q, bool) {
        return exports.csv(c, q.queryItemValue(QStringLiteral("report")), QDate::currentDate());
    });
    exportRoute("fhir", [&fhir](const Caller &c, const QUrlQuery &q, bool office) {
        int status = 200;
        QString error;
        const QJsonObject bundle =
            fhir.clientBundle(c, q.queryItemValue(QStringLiteral("client")), &status, &error);
        if (status != 200)
            return ExportResult::failure(office && status == 403 ? 404 : status, error);
        return ExportResult{200,
                            {},
                            QJsonDocument(bundle).toJson(QJsonDocument::Compact),
                            QByteArrayLiteral("application/fhir+json"),
                            QStringLiteral("bundle.json")};
    });
    m_http.route(QStringLiteral("/v1/export/ics"), [=, &exports](const QHttpServerRequest &req) {
        if (!methodIs(req, Method::Get))
            return wrongMethod(req, "Use GET");
        return serve(req, "/v1/export/ics", device, [&](const Caller &c) {
            const QString who = req.query().queryItemValue(QStringLiteral("coordinator"));
            return exports.ics(c, who.isEmpty() ? c.accountId : who);
        });
    });
    m_http.route(QStringLiteral("/v1/calendar/feed"), [=, &exports](const QHttpServerRequest &req) {
        if (!methodIs(req, Method::Post))
            return wrongMethod(req, "Use POST");
        return serve(req, "/v1/calendar/feed", device, [&](const Caller &c) {
            const QJsonObject body{{"path", exports.newCalendarSecret(c.accountId)}};
            return ExportResult{200,
                                {},
                                QJsonDocument(body).toJson(QJsonDocument::Compact),
                                QByteArrayLiteral("application/json"),
                                {}};
        });
    });
    m_http.route(
        QStringLiteral("/v1/calendar/revoke"), [=, &exports](const QHttpServerRequest &req) {
            if (!methodIs(req, Method::Post))
                return wrongMethod(req, "Use POST");
            return serve(req, "/v1/calendar/revoke", device, [&](const Caller &c) {
                const QJsonObject body{{"revoked", exports.revokeCalendarSecret(c.accountId)}};
                return ExportResult{200,
                                    {},
                                    QJsonDocument(body).toJson(QJsonDocument::Compact),
                                    QByteArrayLiteral("application/json"),
                                    {}};
            });
        });
    m_http.route(QStringLiteral("/v1/calendar/<arg>"),
                 [=, &exports](const QString &file, const QHttpServerRequest &req) {
                     if (!methodIs(req, Method::Get))
                         return wrongMethod(req, "Use GET");
                     return serve(req, "/v1/calendar/(secret)", anyone,
                                  [&](const Caller &) { return exports.calendarFeed(file); });
                 });
}

} // namespace careround
