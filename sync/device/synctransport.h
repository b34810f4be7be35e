#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

class QNetworkReply;

namespace careround {

/** The answer to one sync request. status 0 means the request never got an HTTP answer. */
struct SyncResponse {
    int status = 0;
    QJsonObject body;
    QString networkError; ///< for status 0: what went wrong, in plain words
    bool ok() const { return status >= 200 && status < 300; }
};

/** How the device reaches the agency server: one blocking request at a time. */
class SyncTransport {
public:
    virtual ~SyncTransport() = default;
    /** POST a JSON body (path like "/v1/sync/push"). */
    virtual SyncResponse post(const QString &path, const QJsonObject &body) = 0;
    /** GET with a query already in the path ("/v1/sync/pull?cursor=0"). */
    virtual SyncResponse get(const QString &pathAndQuery) = 0;
    /**
     * Starts a GET whose answer the next get() of the same path takes, so that the server
     * makes it and sends it while the caller works (applies the page before). Changes
     * nothing anywhere: a prefetch nobody takes is dropped. A transport may ignore it.
     */
    virtual void prefetch(const QString &pathAndQuery) { Q_UNUSED(pathAndQuery); }
};

/**
 * SyncTransport over HTTP(S) with Qt Network: bearer token, gzip both ways, a timeout.
 * Blocking (it runs its own event loop), so use it from the sync worker thread.
 */
class HttpSyncTransport : public SyncTransport {
public:
    HttpSyncTransport(QUrl server, QByteArray token, int timeoutMs = 30000);
    ~HttpSyncTransport() override;
    SyncResponse post(const QString &path, const QJsonObject &body) override;
    SyncResponse get(const QString &pathAndQuery) override;
    void prefetch(const QString &pathAndQuery) override;
    /**
     * Trusts a server certificate that the system does not (a self-signed agency server) when
     * its SHA-256 fingerprint equals this one, pinned at enrolment. Any other untrusted
     * certificate is refused.
     */
    void setPinnedCertificate(const QByteArray &sha256) { m_pin = sha256; }
    /** The SHA-256 of the last server certificate seen (to show a person before pinning). */
    QByteArray lastPeerCertificate() const { return m_lastPeer; }
    /** Bytes sent and received on the wire (bodies, after compression). */
    qint64 bytesSent() const { return m_sent; }
    qint64 bytesReceived() const { return m_received; }

private:
    SyncResponse send(const QString &method, const QString &pathAndQuery, const QByteArray &body);
    QNetworkReply *start(const QString &method, const QString &pathAndQuery,
                         const QByteArray &body);
    SyncResponse finish(QNetworkReply *reply);
    void dropPrefetch();
    struct Private;
    Private *d;
    QUrl m_server;
    QByteArray m_token;
    int m_timeoutMs;
    qint64 m_sent = 0, m_received = 0;
    QByteArray m_pin, m_lastPeer;
};

} // namespace careround
