#include "faultproxy.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

namespace careround::test {

namespace {

constexpr qsizetype kMaxHeadBytes = qsizetype(64) * 1024;

/** The value of a header in an HTTP head (lower-cased names), or a null array. */
QByteArray headerValue(const QByteArray &head, const QByteArray &lowerName)
{
    for (const QByteArray &line : head.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == lowerName)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

/**
 * The length of the first complete HTTP message in buf: 0 while incomplete, -1 when it cannot
 * be framed (no length: read until close).
 */
qsizetype messageLength(const QByteArray &buf, bool response)
{
    const qsizetype headEnd = buf.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return buf.size() > kMaxHeadBytes ? -1 : 0;
    const qsizetype bodyStart = headEnd + 4;
    const QByteArray head = buf.left(headEnd);
    if (headerValue(head, "transfer-encoding").toLower().contains("chunked")) {
        qsizetype pos = bodyStart;
        for (;;) {
            const qsizetype lineEnd = buf.indexOf("\r\n", pos);
            if (lineEnd < 0)
                return 0;
            bool ok = false;
            const qint64 size =
                buf.mid(pos, lineEnd - pos).split(';').first().trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return -1;
            pos = lineEnd + 2;
            if (size == 0) {
                const qsizetype end = buf.indexOf("\r\n\r\n", pos - 2);
                return end < 0 ? 0 : end + 4;
            }
            pos += size + 2;
            if (pos > buf.size())
                return 0;
        }
    }
    const QByteArray length = headerValue(head, "content-length");
    if (!length.isNull()) {
        bool ok = false;
        const qint64 n = length.toLongLong(&ok);
        if (!ok || n < 0)
            return -1;
        return buf.size() >= bodyStart + n ? bodyStart + n : 0;
    }
    if (!response)
        return bodyStart; // a request without a body
    const QByteArray status = head.left(head.indexOf("\r\n")).split(' ').value(1);
    if (status.startsWith('1') || status == "204" || status == "304")
        return bodyStart;
    return -1;
}

QByteArray cannedError(int status)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{"error", status == 503 ? "unavailable" : "internal"},
                                  {"message", "injected by the fault proxy"}})
            .toJson(QJsonDocument::Compact);
    return QByteArray("HTTP/1.1 ") + QByteArray::number(status) +
           (status == 503 ? " Service Unavailable" : " Internal Server Error") +
           "\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

/** A well-formed reply whose body is cut to a fraction of itself (Content-Length to match). */
QByteArray truncated(const QByteArray &response, double amount)
{
    const qsizetype headEnd = response.indexOf("\r\n\r\n");
    const QByteArray head = response.left(headEnd);
    const QByteArray body = response.mid(headEnd + 4);
    const qsizetype keep = qsizetype(amount * double(body.size()));
    if (headerValue(head, "content-length").isNull())
        return response.left(headEnd + 4 + keep); // chunked: just cut
    QByteArray out;
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
        if (name == "content-length" || name == "connection")
            continue;
        out += line.trimmed() + "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(keep) + "\r\nConnection: close\r\n\r\n";
    return out + body.left(keep);
}

} // namespace

/** One client connection and its connection to the server. */
class FaultProxy::Connection : public QObject {
public:
    Connection(FaultProxy &proxy, QTcpSocket *client)
        : QObject(&proxy), m_proxy(proxy), m_client(client), m_upstream(new QTcpSocket(this))
    {
        m_client->setParent(this);
        connect(m_client, &QTcpSocket::readyRead, this, [this] {
            m_request += m_client->readAll();
            processRequest();
        });
        connect(m_client, &QTcpSocket::disconnected, this, [this] { finish(); });
        connect(m_upstream, &QTcpSocket::connected, this, [this] { processRequest(); });
        connect(m_upstream, &QTcpSocket::readyRead, this, [this] {
            m_response += m_upstream->readAll();
            processResponse();
        });
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] { upstreamClosed(); });
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
            if (m_upstream->state() != QAbstractSocket::ConnectedState)
                upstreamClosed();
        });
        QTimer::singleShot(m_proxy.m_options.maxConnectionMs, this, [this] { finish(); });
        m_upstream->connectToHost(QHostAddress(QHostAddress::LocalHost), m_proxy.m_target);
    }

private:
    void processRequest()
    {
        if (m_done || m_awaiting || m_request.isEmpty())
            return;
        if (m_upstreamClosed) {
            m_client->disconnectFromHost(); // the client opens a new connection
            return;
        }
        if (m_upstream->state() != QAbstractSocket::ConnectedState)
            return;
        if (m_passThrough) {
            m_upstream->write(std::exchange(m_request, {}));
            return;
        }
        const qsizetype length = messageLength(m_request, false);
        if (length == 0)
            return;
        if (length < 0) {
            // Not a request this proxy can frame: forward it untouched.
            m_passThrough = true;
            m_upstream->write(std::exchange(m_request, {}));
            return;
        }
        const QByteArray request = m_request.left(length);
        m_request.remove(0, length);
        m_decision = m_proxy.decide();
        m_awaiting = true;
        switch (m_decision.fault) {
        case Fault::DropMidRequest: {
            const qsizetype cut = 1 + qsizetype(m_decision.amount * double(request.size() - 1));
            m_upstream->write(request.left(qMin(cut, request.size() - 1)));
            m_upstream->flush();
            finish();
            return;
        }
        case Fault::Http500:
        case Fault::Http503:
            m_client->write(cannedError(m_decision.fault == Fault::Http500 ? 500 : 503));
            m_client->flush();
            m_upstream->abort();
            m_client->disconnectFromHost();
            return;
        case Fault::Stall:
            QTimer::singleShot(m_proxy.m_options.maxStallMs, this, [this] { finish(); });
            break;
        default:
            break;
        }
        m_upstream->write(request);
    }

    void processResponse()
    {
        if (m_done)
            return;
        if (m_passThrough || !m_awaiting) {
            m_client->write(std::exchange(m_response, {}));
            return;
        }
        const qsizetype length = messageLength(m_response, true);
        if (length <= 0)
            return; // incomplete, or framed by the close: see upstreamClosed()
        const QByteArray response = m_response.left(length);
        m_response.remove(0, length);
        deliver(response);
    }

    void deliver(const QByteArray &response)
    {
        switch (m_decision.fault) {
        case Fault::Stall:
            return; // swallowed: the client waits until its timeout
        case Fault::Delay: {
            const int ms = 1 + int(m_decision.amount * m_proxy.m_options.maxDelayMs);
            QTimer::singleShot(ms, this, [this, response] {
                if (!m_done)
                    delivered(response);
            });
            return;
        }
        case Fault::DropMidResponse: {
            const qsizetype cut = qsizetype(m_decision.amount * double(response.size()));
            m_client->write(response.left(qMin(cut, response.size() - 1)));
            m_client->flush();
            finish();
            return;
        }
        case Fault::Truncate:
            m_client->write(truncated(response, m_decision.amount));
            m_client->flush();
            m_upstream->abort();
            m_client->disconnectFromHost();
            return;
        default:
            delivered(response);
        }
    }

    void delivered(const QByteArray &response)
    {
        m_client->write(response);
        m_awaiting = false;
        if (m_upstreamClosed)
            m_client->disconnectFromHost();
        else
            processRequest();
    }

    void upstreamClosed()
    {
        if (m_done || m_upstreamClosed)
            return;
        m_upstreamClosed = true;
        if (m_awaiting && m_decision.fault == Fault::Stall)
            return; // keep holding the client
        if (m_awaiting && !m_response.isEmpty()) {
            deliver(std::exchange(m_response, {})); // a reply framed by the close
            return;
        }
        if (!m_awaiting || m_passThrough) {
            m_client->write(std::exchange(m_response, {}));
            m_client->disconnectFromHost();
            return;
        }
        if (m_decision.fault != Fault::Delay)
            m_client->disconnectFromHost(); // the server closed without an answer
    }

    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        m_client->abort();
        m_upstream->abort();
        deleteLater();
    }

    FaultProxy &m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream;
    QByteArray m_request, m_response;
    Decision m_decision;
    bool m_awaiting = false;
    bool m_upstreamClosed = false;
    bool m_passThrough = false;
    bool m_done = false;
};

FaultProxy::FaultProxy(quint16 targetPort, Options options, QObject *parent)
    : QObject(parent), m_target(targetPort), m_options(options), m_rng(options.seed)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    m_server.close();
}

QVector<FaultProxy::Fault> FaultProxy::allFaults()
{
    return {Fault::DropMidRequest, Fault::DropMidResponse, Fault::Delay, Fault::Truncate,
            Fault::Http500,        Fault::Http503,         Fault::Stall};
}

const char *FaultProxy::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return "none";
    case Fault::DropMidRequest:
        return "drop-mid-request";
    case Fault::DropMidResponse:
        return "drop-mid-response";
    case Fault::Delay:
        return "delay";
    case Fault::Truncate:
        return "truncate";
    case Fault::Http500:
        return "http-500";
    case Fault::Http503:
        return "http-503";
    case Fault::Stall:
        return "stall";
    }
    return "?";
}

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
}

QUrl FaultProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

int FaultProxy::totalInjected() const
{
    int n = 0;
    for (int i = 1; i < kFaultKinds; ++i)
        n += m_counts[size_t(i)];
    return n;
}

QString FaultProxy::summary() const
{
    QString s = QStringLiteral("seed=%1 connections=%2 requests=%3 faults=%4")
                    .arg(m_options.seed)
                    .arg(m_connections)
                    .arg(m_requests)
                    .arg(totalInjected());
    for (int i = 1; i < kFaultKinds; ++i)
        s += QStringLiteral(" %1=%2")
                 .arg(QLatin1String(faultName(Fault(i))))
                 .arg(m_counts[size_t(i)]);
    if (m_refused > 0)
        s += QStringLiteral(" refused=%1").arg(m_refused);
    return s;
}

FaultProxy::Decision FaultProxy::decide()
{
    // Three draws per request whatever the outcome, so a seed replays the same sequence.
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double roll = unit(m_rng);
    const quint32 pick = m_rng();
    Decision d;
    d.amount = unit(m_rng);
    const QVector<Fault> kinds = m_kinds.isEmpty() ? allFaults() : m_kinds;
    if (roll < m_options.faultRate)
        d.fault = kinds.at(int(pick % quint32(kinds.size())));
    ++m_requests;
    ++m_counts[size_t(d.fault)];
    return d;
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections >= m_options.maxConnections || !socket->peerAddress().isLoopback()) {
            ++m_refused;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_connections;
        new Connection(*this, socket);
    }
}

} // namespace careround::test
