#include "agencyhttpserver.h"

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

} // namespace careround
