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

QHttpServerResponse jsonResponse(const QHttpServerRequest &request, const ServiceReply &reply)
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
    return response;
}

} // namespace

AgencyHttpServer::AgencyHttpServer(AccountService &accounts, SyncService &sync,
                                   ReviewService &review, HistoryService &history, QObject *parent)
    : QObject(parent), m_accounts(accounts), m_sync(sync), m_review(review), m_history(history)
{
    using Method = QHttpServerRequest::Method;
    const auto post =
        [this](const char *path, bool auth,
               const std::function<ServiceReply(const Caller &, const QJsonObject &)> &fn) {
            m_http.route(
                QString::fromLatin1(path), [this, auth, fn](const QHttpServerRequest &req) {
                    if (req.method() != Method::Post)
                        return jsonResponse(
                            req, ServiceReply::error(405, QStringLiteral("method_not_allowed"),
                                                     QStringLiteral("Use POST")));
                    return handle(req, auth, fn);
                });
        };
    const auto get =
        [this](const char *path,
               std::function<ServiceReply(const Caller &, const QHttpServerRequest &)> fn) {
            m_http.route(QString::fromLatin1(path), [this, fn](const QHttpServerRequest &req) {
                if (req.method() != Method::Get)
                    return jsonResponse(
                        req, ServiceReply::error(405, QStringLiteral("method_not_allowed"),
                                                 QStringLiteral("Use GET")));
                return handle(req, true,
                              [&](const Caller &c, const QJsonObject &) { return fn(c, req); });
            });
        };
    post("/v1/enroll", false,
         [this](const Caller &c, const QJsonObject &b) { return m_accounts.enroll(b, c.remote); });
    post("/v1/sync/hello", true,
         [this](const Caller &c, const QJsonObject &b) { return m_sync.hello(c, b); });
    post("/v1/sync/push", true,
         [this](const Caller &c, const QJsonObject &b) { return m_sync.push(c, b); });
    get("/v1/sync/pull",
        [this](const Caller &c, const QHttpServerRequest &r) { return m_sync.pull(c, r.query()); });
    get("/v1/conflicts",
        [this](const Caller &c, const QHttpServerRequest &) { return m_sync.conflicts(c); });
    get("/v1/review", [this](const Caller &c, const QHttpServerRequest &r) {
        return m_review.list(c, r.query());
    });
    post("/v1/review/settle", true,
         [this](const Caller &c, const QJsonObject &b) { return m_review.settle(c, b); });
    get("/v1/history", [this](const Caller &c, const QHttpServerRequest &r) {
        return m_history.history(c, r.query());
    });
    m_http.route(QStringLiteral("/v1/health"), [](const QHttpServerRequest &req) {
        return jsonResponse(req, ServiceReply{200, QJsonObject{{"status", "ok"}}});
    });
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
    return true;
}

quint16 AgencyHttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_http.listen(address, port);
}

QHttpServerResponse
AgencyHttpServer::handle(const QHttpServerRequest &request, bool needsAuth,
                         const std::function<ServiceReply(const Caller &, const QJsonObject &)> &fn)
{
    QElapsedTimer timer;
    timer.start();
    ServiceReply reply;
    try {
        reply = [&]() -> ServiceReply {
            Caller caller;
            caller.remote = request.remoteAddress().toString();
            if (needsAuth) {
                if (auto refused =
                        m_accounts.authenticate(header(request, "Authorization"), caller))
                    return *refused;
            }
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
    return jsonResponse(request, reply);
}

// ---- Getting data out (issue 13): files, not JSON replies; each checks the caller. ----

void AgencyHttpServer::addExportRoutes(AccountService &accounts, ExportService &exports,
                                       FhirExport &fhir)
{
    using Method = QHttpServerRequest::Method;
    // Authenticates, runs the export and answers with the file or a JSON error; logs the
    // route, status and time only (never a query value or a calendar secret).
    const auto serve = [&accounts](const QHttpServerRequest &req, const char *logPath,
                                   bool needsAuth,
                                   const std::function<ExportResult(const Caller &)> &fn) {
        QElapsedTimer timer;
        timer.start();
        ExportResult result;
        try {
            Caller caller;
            caller.remote = req.remoteAddress().toString();
            std::optional<ServiceReply> refused;
            if (needsAuth)
                refused = accounts.authenticate(header(req, "Authorization"), caller);
            if (refused) {
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
    m_http.route(QStringLiteral("/v1/export/pdf"), [=, &exports](const QHttpServerRequest &req) {
        if (!methodIs(req, Method::Get))
            return wrongMethod(req, "Use GET");
        return serve(req, "/v1/export/pdf", true, [&](const Caller &c) {
            return exports.pdf(c, req.query().queryItemValue(QStringLiteral("record")));
        });
    });
    m_http.route(QStringLiteral("/v1/export/csv"), [=, &exports](const QHttpServerRequest &req) {
        if (!methodIs(req, Method::Get))
            return wrongMethod(req, "Use GET");
        return serve(req, "/v1/export/csv", true, [&](const Caller &c) {
            return exports.csv(c, req.query().queryItemValue(QStringLiteral("report")),
                               QDate::currentDate());
        });
    });
    m_http.route(QStringLiteral("/v1/export/ics"), [=, &exports](const QHttpServerRequest &req) {
        if (!methodIs(req, Method::Get))
            return wrongMethod(req, "Use GET");
        return serve(req, "/v1/export/ics", true, [&](const Caller &c) {
            const QString who = req.query().queryItemValue(QStringLiteral("coordinator"));
            return exports.ics(c, who.isEmpty() ? c.accountId : who);
        });
    });
    m_http.route(QStringLiteral("/v1/export/fhir"), [=, &fhir](const QHttpServerRequest &req) {
        if (!methodIs(req, Method::Get))
            return wrongMethod(req, "Use GET");
        return serve(req, "/v1/export/fhir", true, [&](const Caller &c) {
            int status = 200;
            QString error;
            const QJsonObject bundle = fhir.clientBundle(
                c, req.query().queryItemValue(QStringLiteral("client")), &status, &error);
            if (status != 200)
                return ExportResult::failure(status, error);
            return ExportResult{200,
                                {},
                                QJsonDocument(bundle).toJson(QJsonDocument::Compact),
                                QByteArrayLiteral("application/fhir+json"),
                                QStringLiteral("bundle.json")};
        });
    });
    m_http.route(QStringLiteral("/v1/calendar/feed"), [=, &exports](const QHttpServerRequest &req) {
        if (!methodIs(req, Method::Post))
            return wrongMethod(req, "Use POST");
        return serve(req, "/v1/calendar/feed", true, [&](const Caller &c) {
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
            return serve(req, "/v1/calendar/revoke", true, [&](const Caller &c) {
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
                     return serve(req, "/v1/calendar/(secret)", false,
                                  [&](const Caller &) { return exports.calendarFeed(file); });
                 });
}

} // namespace careround
