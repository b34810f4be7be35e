#pragma once

// Test fixtures for the agency server: the real careround-server process on 127.0.0.1 with
// port 0 over a fresh database (SQLite, or PostgreSQL when CAREROUND_TEST_PG_DIR names the
// cluster started by scripts/pg-fixture), and devices with real encrypted stores syncing to
// it over HTTP.
#include "agencyserver.h"
#include "devicestore.h"
#include "devicesyncer.h"
#include "localeditor.h"
#include "protocol.h"
#include "serverdatabase.h"
#include "synctransport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#ifndef CAREROUND_SERVER_PATH
#error "CAREROUND_SERVER_PATH must name the careround-server executable"
#endif

namespace careround::test {

inline const QByteArray kDeviceKey = DeviceStore::rawKey(QByteArray(32, '\x42'));
inline const QString kPassword = QStringLiteral("correct-horse-42");

/** True when this run is against PostgreSQL (the _pg variant of a suite). */
inline bool usePostgres()
{
    return qEnvironmentVariableIsSet("CAREROUND_TEST_PG_DIR");
}

/** A fresh, empty server database for one test: its URL. */
inline QString freshServerDb(const QTemporaryDir &dir)
{
    static int n = 0;
    ++n;
    if (!usePostgres())
        return QStringLiteral("sqlite:%1/agency-%2.db").arg(dir.path()).arg(n);
    QFile portFile(qEnvironmentVariable("CAREROUND_TEST_PG_DIR") + QStringLiteral("/port"));
    if (!portFile.open(QIODevice::ReadOnly))
        qFatal("The PostgreSQL test cluster is not running (no port file): run the suite "
               "through ctest or scripts/test, which start it");
    const QString port = QString::fromLatin1(portFile.readAll().trimmed());
    const QString name = QStringLiteral("careround_%1_%2_%3")
                             .arg(QCoreApplication::applicationName().remove(QLatin1Char('-')))
                             .arg(QCoreApplication::applicationPid())
                             .arg(n);
    {
        auto admin = ServerDatabase::open(
            QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres").arg(port));
        admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
        admin->exec(QStringLiteral("CREATE DATABASE %1").arg(name));
    }
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(port, name);
}

/** The careround-server executable, run as a child process. */
class ServerProcess {
public:
    explicit ServerProcess(QString dbUrl) : m_db(std::move(dbUrl)) {}
    ~ServerProcess() { stop(); }

    /** Starts `serve` on 127.0.0.1 port 0 and waits for the printed port. */
    bool start(const QStringList &env = {}, quint16 port = 0)
    {
        m_process = std::make_unique<QProcess>();
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString &kv : env)
            e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        m_process->setProcessEnvironment(e);
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process->start(QStringLiteral(CAREROUND_SERVER_PATH),
                         QStringList{QStringLiteral("serve"), QStringLiteral("--db"), m_db,
                                     QStringLiteral("--port"), QString::number(port),
                                     QStringLiteral("--log-level"), QStringLiteral("warning")} +
                             keyArgs() + extraArgs);
        if (!m_process->waitForStarted(20000))
            return false;
        static const QRegularExpression re(QStringLiteral("listening on [^:]+:(\\d+)"));
        QByteArray out;
        while (m_process->waitForReadyRead(30000)) {
            out += m_process->readAllStandardOutput();
            const auto m = re.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                m_port = quint16(m.captured(1).toUInt());
                return true;
            }
        }
        return false;
    }
    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(10000);
        }
    }
    /** Waits for the server to exit by itself (a fault-injected crash). */
    bool waitForExit()
    {
        return m_process->state() == QProcess::NotRunning || m_process->waitForFinished(30000);
    }
    quint16 port() const { return m_port; }
    /** More arguments for `serve` (e.g. --tls-cert). */
    QStringList extraArgs;
    /** The --key-file of an encrypted SQLite store, for `serve` and `admin` (empty: none). */
    QString keyFile;
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    QString db() const { return m_db; }

    /** Runs `careround-server admin ...` on the same database; returns stdout (trimmed). */
    QString admin(const QStringList &args, const QString &password = kPassword) const
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("CAREROUND_PASSWORD"), password);
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(CAREROUND_SERVER_PATH),
                QStringList{QStringLiteral("admin"), QStringLiteral("--db"), m_db,
                            QStringLiteral("--log-level"), QStringLiteral("error")} +
                    keyArgs() + args);
        p.waitForFinished(60000);
        if (p.exitCode() != 0)
            qWarning("admin %s failed: %s", qPrintable(args.join(' ')),
                     p.readAllStandardError().constData());
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

private:
    QStringList keyArgs() const
    {
        return keyFile.isEmpty() ? QStringList()
                                 : QStringList{QStringLiteral("--key-file"), keyFile};
    }
    QString m_db;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

/** Values with unset (null) fields left out: a replica may store them either way. */
inline QJsonObject withoutNulls(QJsonObject values)
{
    for (auto it = values.begin(); it != values.end();)
        it = it.value().isNull() ? values.erase(it) : it + 1;
    return values;
}

/** A tablet: a real encrypted store, enrolled with the server, syncing over HTTP. */
class TestDevice {
public:
    TestDevice(const QString &path, const QUrl &server, const QString &login)
        : m_path(path), m_server(server)
    {
        reopen();
        HttpSyncTransport anonymous(server, {});
        const SyncResponse r = anonymous.post(QStringLiteral("/v1/enroll"),
                                              QJsonObject{{"login", login},
                                                          {"password", kPassword},
                                                          {"deviceId", store->deviceId()},
                                                          {"label", "test tablet"}});
        token = r.body.value(QStringLiteral("token")).toString().toUtf8();
        accountId = r.body.value(QStringLiteral("accountId")).toString();
        editor = std::make_unique<LocalEditor>(*store, accountId);
    }
    bool enrolled() const { return !token.isEmpty(); }
    void reopen()
    {
        editor.reset();
        store.reset();
        DeviceStore::Options o;
        o.path = m_path;
        o.key = kDeviceKey;
        store = DeviceStore::open(o);
        if (!accountId.isEmpty())
            editor = std::make_unique<LocalEditor>(*store, accountId);
    }
    void setServer(const QUrl &server) { m_server = server; }
    SyncOutcome sync()
    {
        HttpSyncTransport transport(m_server, token);
        DeviceSyncer syncer(*store, transport);
        return syncer.syncOnce();
    }
    std::optional<Record> find(const QString &entity, const QString &id)
    {
        return store->records().find(*Schema::instance().entity(entity), id);
    }
    QVector<Record> all(const QString &entity)
    {
        return store->records().all(*Schema::instance().entity(entity));
    }
    /** Every replicated record as entity/id -> values, for comparing replicas. */
    QMap<QString, QJsonObject> snapshot()
    {
        QMap<QString, QJsonObject> out;
        for (const EntityDef &def : Schema::instance().entities())
            if (def.replicated)
                for (const Record &r : store->records().all(def))
                    out.insert(def.name + QLatin1Char('/') + r.id, withoutNulls(r.values));
        return out;
    }

    std::unique_ptr<DeviceStore> store;
    std::unique_ptr<LocalEditor> editor;
    QByteArray token;
    QString accountId;

private:
    QString m_path;
    QUrl m_server;
};

/** Everything the server holds, read with a supervisor's eyes: entity/id -> values. */
inline QMap<QString, QJsonObject> serverSnapshot(const QString &dbUrl)
{
    auto db = ServerDatabase::open(dbUrl);
    QMap<QString, QJsonObject> out;
    for (const auto &row : db->query(QStringLiteral("SELECT entity, id, vals FROM record")))
        if (row[0].toString() != QLatin1String("device"))
            out.insert(row[0].toString() + QLatin1Char('/') + row[1].toString(),
                       withoutNulls(QJsonDocument::fromJson(row[2].toString().toUtf8()).object()));
    return out;
}

/**
 * Syncs the device with a server over this database that dies at the fault
 * (CAREROUND_FAULT, e.g. die-before-push-commit) and waits for it to exit. True when the
 * sync got no answer and the process is gone. The device is left pointing at the dead server.
 */
inline bool syncWithDyingServer(const QString &dbUrl, TestDevice &device, const QString &fault)
{
    ServerProcess dying(dbUrl);
    if (!dying.start({QStringLiteral("CAREROUND_FAULT=") + fault}))
        return false;
    device.setServer(dying.url());
    return device.sync().state == SyncOutcome::State::Offline && dying.waitForExit();
}

/** The server's record count and sequence: equal before and after means nothing stored. */
inline QPair<qint64, qint64> serverCounts(const QString &dbUrl)
{
    auto db = ServerDatabase::open(dbUrl);
    return {
        db->scalar(QStringLiteral("SELECT count(*) FROM record")).toLongLong(),
        db->scalar(QStringLiteral("SELECT value FROM counter WHERE name = 'seq'")).toLongLong()};
}

} // namespace careround::test
