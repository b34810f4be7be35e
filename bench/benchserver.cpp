#include "benchserver.h"

#include "benchtable.h"
#include "datasets.h"

#include "serverdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>

namespace careround::bench {

BenchPostgres::BenchPostgres(const QString &fixture)
    : m_fixture(fixture), m_dir(QDir::tempPath() + QStringLiteral("/careround-bench-pg"))
{
    // PostgreSQL runs as user postgres when we are root: its folder must be reachable by it.
    QProcess start;
    start.setProcessChannelMode(QProcess::MergedChannels);
    start.start(m_fixture, {QStringLiteral("start"), m_dir});
    start.waitForFinished(120000);
    if (start.exitCode() != 0)
        throw StoreError(StoreError::Code::Sql,
                         QStringLiteral("pg-fixture start failed: ") +
                             QString::fromUtf8(start.readAll()).simplified());
    QFile portFile(m_dir + QStringLiteral("/port"));
    portFile.open(QIODevice::ReadOnly);
    const QString port = QString::fromLatin1(portFile.readAll().trimmed());
    {
        auto admin = ServerDatabase::open(
            QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres").arg(port));
        admin->exec(QStringLiteral("DROP DATABASE IF EXISTS careround_bench"));
        admin->exec(QStringLiteral("CREATE DATABASE careround_bench"));
    }
    m_url = QStringLiteral("postgresql://postgres@127.0.0.1:%1/careround_bench").arg(port);
}

BenchPostgres::~BenchPostgres()
{
    QProcess stop;
    stop.start(m_fixture, {QStringLiteral("stop"), m_dir});
    stop.waitForFinished(60000);
}

void ServerProcess::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(m_executable, {QStringLiteral("serve"), QStringLiteral("--db"), m_db,
                                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                                    QStringLiteral("--port"), QStringLiteral("0"),
                                    QStringLiteral("--log-level"), QStringLiteral("warning")});
    if (!m_process->waitForStarted(20000))
        throw StoreError(StoreError::Code::Sql, QStringLiteral("cannot start ") + m_executable);
    static const QRegularExpression re(QStringLiteral("listening on [^:]+:(\\d+)"));
    QByteArray out;
    while (m_process->waitForReadyRead(60000)) {
        out += m_process->readAllStandardOutput();
        const auto m = re.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            return;
        }
    }
    throw StoreError(StoreError::Code::Sql,
                     QStringLiteral("the server did not start: ") + QString::fromUtf8(out));
}

void ServerProcess::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(10000);
        }
    }
}

template <typename F> SyncResponse TimedTransport::timed(const QString &path, F &&send)
{
    const qint64 before = m_inner.bytesSent();
    Stopwatch watch;
    SyncResponse r = send();
    requests.append({path, watch.ms(), m_inner.bytesSent() - before, r.status});
    return r;
}

SyncResponse TimedTransport::post(const QString &path, const QJsonObject &body)
{
    return timed(path, [&] { return m_inner.post(path, body); });
}

SyncResponse TimedTransport::get(const QString &pathAndQuery)
{
    return timed(pathAndQuery, [&] { return m_inner.get(pathAndQuery); });
}

double TimedTransport::msFor(const QString &prefix) const
{
    double ms = 0;
    for (const Request &r : requests)
        if (r.path.startsWith(prefix))
            ms += r.ms;
    return ms;
}

qint64 TimedTransport::bytesFor(const QString &prefix) const
{
    qint64 bytes = 0;
    for (const Request &r : requests)
        if (r.path.startsWith(prefix))
            bytes += r.bytesSent;
    return bytes;
}

BenchDevice::BenchDevice(const QString &path, const QUrl &serverUrl, const QString &login)
    : server(serverUrl)
{
    DeviceStore::Options o;
    o.path = path;
    o.key = DeviceStore::rawKey(QByteArray(32, '\x42'));
    o.backgroundCheckpoints = true; // as the app's sync worker
    store = DeviceStore::open(o);
    HttpSyncTransport anonymous(server, {});
    const SyncResponse r =
        anonymous.post(QStringLiteral("/v1/enroll"), QJsonObject{{"login", login},
                                                                 {"password", kBenchPassword},
                                                                 {"deviceId", store->deviceId()},
                                                                 {"label", "benchmark tablet"}});
    token = r.body.value(QStringLiteral("token")).toString().toUtf8();
    accountId = r.body.value(QStringLiteral("accountId")).toString();
    if (token.isEmpty())
        throw StoreError(
            StoreError::Code::Sql,
            QStringLiteral("enrolment of %1 failed (HTTP %2)").arg(login).arg(r.status));
}

SyncOutcome BenchDevice::sync(QVector<TimedTransport::Request> *log)
{
    HttpSyncTransport http(server, token);
    TimedTransport timedTransport(http);
    DeviceSyncer syncer(*store, timedTransport);
    const SyncOutcome outcome = syncer.syncOnce();
    if (log)
        *log += timedTransport.requests;
    return outcome;
}

QMap<QString, QJsonObject> deviceSnapshot(DeviceStore &store)
{
    QMap<QString, QJsonObject> out;
    for (const EntityDef &def : Schema::instance().entities()) {
        if (!def.replicated)
            continue;
        for (const Record &r : store.records().all(def)) {
            QJsonObject values = r.values;
            for (auto it = values.begin(); it != values.end();)
                it = it.value().isNull() ? values.erase(it) : it + 1;
            out.insert(def.name + QLatin1Char('/') + r.id, values);
        }
    }
    return out;
}

} // namespace careround::bench
