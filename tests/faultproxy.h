#pragma once

// A fault-injecting HTTP proxy for tests: it listens on 127.0.0.1 (port 0) and forwards to a
// server on 127.0.0.1. It reads whole HTTP/1.1 messages (Content-Length or chunked), so it
// decides per request, also on a kept-alive connection. With probability faultRate (seeded,
// reproducible) a request gets one fault:
//   drop-mid-request    a random strict prefix of the request reaches the server, then both
//                       connections are cut
//   drop-mid-response   the server answers; a random strict prefix of its answer reaches the
//                       client, then both connections are cut (the server has committed)
//   delay               the answer is held for up to maxDelayMs (below the client's timeout)
//   truncate            the answer's body is cut and its Content-Length shortened to match,
//                       then the connection is closed: a well-formed reply with a cut body
//   http-500, http-503  the proxy answers itself with a short JSON error body
//   stall               the request reaches the server, the answer never reaches the client:
//                       the connection is held until the client gives up (or maxStallMs)
// Loopback only, with a bounded number of connections and a bounded life for each.
#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QVector>

#include <array>
#include <random>

namespace careround::test {

class FaultProxy : public QObject {
    Q_OBJECT
public:
    enum class Fault {
        None,
        DropMidRequest,
        DropMidResponse,
        Delay,
        Truncate,
        Http500,
        Http503,
        Stall
    };
    static constexpr int kFaultKinds = 8;
    /** Every fault except None. */
    static QVector<Fault> allFaults();
    static const char *faultName(Fault fault);

    struct Options {
        double faultRate = 0.5;
        quint32 seed = 1;
        int maxDelayMs = 1200;       ///< delays stay below the client's timeout
        int maxStallMs = 10000;      ///< a stalled connection is cut after this at the latest
        int maxConnectionMs = 60000; ///< any connection is cut after this
        int maxConnections = 5000;   ///< connections beyond this are refused (closed at once)
    };

    FaultProxy(quint16 targetPort, Options options, QObject *parent = nullptr);
    ~FaultProxy() override;

    /** Listens on 127.0.0.1, port 0. */
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const;

    void setFaultRate(double rate) { m_options.faultRate = rate; }
    double faultRate() const { return m_options.faultRate; }
    /** Chooses among these faults only (all of them when empty). */
    void setFaultKinds(const QVector<Fault> &kinds) { m_kinds = kinds; }
    quint32 seed() const { return m_options.seed; }

    /** How often a fault was injected (None: requests passed through untouched). */
    int injected(Fault fault) const { return m_counts[size_t(fault)]; }
    int totalInjected() const;
    int requests() const { return m_requests; }
    int connections() const { return m_connections; }
    int refusedConnections() const { return m_refused; }
    /** "seed=.. requests=.. drop-mid-request=.. ..." for the log. */
    QString summary() const;

private:
    class Connection;
    struct Decision {
        Fault fault = Fault::None;
        double amount = 0; ///< in [0, 1): where to cut, or how long to wait
    };
    Decision decide();
    void onNewConnection();

    QTcpServer m_server;
    quint16 m_target;
    Options m_options;
    QVector<Fault> m_kinds;
    std::mt19937 m_rng;
    std::array<int, kFaultKinds> m_counts{};
    int m_requests = 0;
    int m_connections = 0;
    int m_refused = 0;
};

} // namespace careround::test
