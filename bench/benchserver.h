#pragma once

#include "devicestore.h"
#include "devicesyncer.h"
#include "synctransport.h"

#include <QProcess>
#include <QUrl>
#include <QVector>

#include <memory>

namespace careround::bench {

/** The real careround-server process, serving one database on 127.0.0.1 with port 0. */
class ServerProcess {
public:
    ServerProcess(QString executable, QString dbUrl)
        : m_executable(std::move(executable)), m_db(std::move(dbUrl))
    {}
    ~ServerProcess() { stop(); }
    /** Starts `serve` and waits for the port it prints. Throws StoreError on failure. */
    void start();
    void stop();
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

private:
    QString m_executable;
    QString m_db;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

/**
 * The benchmarks' PostgreSQL cluster (scripts/pg-fixture, in a folder the postgres user can
 * reach), with an empty database careround_bench; stopped when this goes. Throws StoreError
 * when it does not start.
 */
class BenchPostgres {
public:
    explicit BenchPostgres(const QString &fixture);
    ~BenchPostgres();
    BenchPostgres(const BenchPostgres &) = delete;
    BenchPostgres &operator=(const BenchPostgres &) = delete;
    /** The URL of the careround_bench database. */
    QString url() const { return m_url; }

private:
    QString m_fixture;
    QString m_dir;
    QString m_url;
};

/**
 * A SyncTransport that times every request of the HttpSyncTransport it wraps, and counts
 * the bytes each one sent (bodies after gzip).
 */
class TimedTransport : public SyncTransport {
public:
    struct Request {
        QString path;
        double ms = 0;
        qint64 bytesSent = 0;
        int status = 0;
    };
    explicit TimedTransport(HttpSyncTransport &inner) : m_inner(inner) {}
    SyncResponse post(const QString &path, const QJsonObject &body) override;
    SyncResponse get(const QString &pathAndQuery) override;
    void prefetch(const QString &pathAndQuery) override { m_inner.prefetch(pathAndQuery); }

    QVector<Request> requests;
    /** Milliseconds and bytes of the requests whose path starts with the prefix. */
    double msFor(const QString &prefix) const;
    qint64 bytesFor(const QString &prefix) const;

private:
    template <typename F> SyncResponse timed(const QString &path, F &&send);
    HttpSyncTransport &m_inner;
};

/**
 * A tablet of the benchmarks: a new encrypted store (raw key, no KDF) enrolled with the
 * server for an account.
 */
class BenchDevice {
public:
    /** Creates the store at path and enrols it. Throws StoreError when enrolment fails. */
    BenchDevice(const QString &path, const QUrl &server, const QString &login);
    /** One sync run through a fresh transport, timing each request into log when given. */
    SyncOutcome sync(QVector<TimedTransport::Request> *log = nullptr);

    std::unique_ptr<DeviceStore> store;
    QByteArray token;
    QString accountId;
    QUrl server;
};

/** Every replicated record of a device store as entity/id -> values without nulls. */
QMap<QString, QJsonObject> deviceSnapshot(DeviceStore &store);

} // namespace careround::bench
