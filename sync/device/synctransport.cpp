#include "synctransport.h"

#include "gzip.h"
#include "protocol.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

namespace careround {

struct HttpSyncTransport::Private {
    QNetworkAccessManager manager;
    QString prefetchedPath;
    QNetworkReply *prefetched = nullptr;
};

HttpSyncTransport::HttpSyncTransport(QUrl server, QByteArray token, int timeoutMs)
    : d(new Private), m_server(std::move(server)), m_token(std::move(token)), m_timeoutMs(timeoutMs)
{}

HttpSyncTransport::~HttpSyncTransport()
{
    dropPrefetch();
    delete d;
}

void HttpSyncTransport::dropPrefetch()
{
    if (!d->prefetched)
        return;
    d->prefetched->abort();
    d->prefetched->deleteLater();
    d->prefetched = nullptr;
    d->prefetchedPath.clear();
}

void HttpSyncTransport::prefetch(const QString &pathAndQuery)
{
    dropPrefetch();
    d->prefetched = start(QStringLiteral("GET"), pathAndQuery, {});
    d->prefetchedPath = pathAndQuery;
}

SyncResponse HttpSyncTransport::post(const QString &path, const QJsonObject &body)
{
    return send(QStringLiteral("POST"), path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

SyncResponse HttpSyncTransport::get(const QString &pathAndQuery)
{
    if (d->prefetched && d->prefetchedPath == pathAndQuery) {
        QNetworkReply *reply = d->prefetched;
        d->prefetched = nullptr;
        d->prefetchedPath.clear();
        return finish(reply);
    }
    dropPrefetch();
    return send(QStringLiteral("GET"), pathAndQuery, {});
}

SyncResponse HttpSyncTransport::send(const QString &method, const QString &pathAndQuery,
                                     const QByteArray &body)
{
    return finish(start(method, pathAndQuery, body));
}

QNetworkReply *HttpSyncTransport::start(const QString &method, const QString &pathAndQuery,
                                        const QByteArray &body)
{
    QUrl url = m_server;
    const int q = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
    if (q >= 0)
        url.setQuery(pathAndQuery.mid(q + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    // Qt adds "Accept-Encoding: gzip" and inflates the reply itself.
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    QNetworkReply *reply;
    if (method == QLatin1String("POST")) {
        QByteArray payload = body;
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        if (payload.size() > 1024) {
            payload = Gzip::compress(payload);
            request.setRawHeader("Content-Encoding", "gzip");
        }
        m_sent += payload.size();
        reply = d->manager.post(request, payload);
    } else {
        reply = d->manager.get(request);
    }
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [this, reply](const QList<QSslError> &errors) {
                         const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
                         m_lastPeer = peer.digest(QCryptographicHash::Sha256);
                         if (!m_pin.isEmpty() && !peer.isNull() && m_lastPeer == m_pin)
                             reply->ignoreSslErrors(errors);
                     });
    return reply;
}

SyncResponse HttpSyncTransport::finish(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    SyncResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
    m_received += reply->rawHeader("Content-Length").toLongLong();
    if (response.status == 0) {
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
            response.networkError = QCoreApplication::translate(
                "careround::SyncTransport", "The agency server cannot be reached");
            break;
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
            response.networkError = QCoreApplication::translate(
                "careround::SyncTransport", "The agency server did not answer in time");
            break;
        case QNetworkReply::SslHandshakeFailedError:
            response.networkError = QCoreApplication::translate(
                "careround::SyncTransport", "The agency server's certificate is not the "
                                            "one this tablet trusts");
            break;
        default:
            response.networkError = QCoreApplication::translate(
                "careround::SyncTransport", "The connection to the agency server failed");
        }
    } else {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            // A proxy's error page or a cut reply: treat as no answer at all.
            response.status = 0;
            response.networkError = QCoreApplication::translate(
                "careround::SyncTransport", "The agency server sent an unreadable answer");
        } else {
            response.body = doc.object();
        }
    }
    reply->deleteLater();
    return response;
}

} // namespace careround
