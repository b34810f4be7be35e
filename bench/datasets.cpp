#include "datasets.h"

#include "agencyserver.h"
#include "benchtable.h"
#include "demoagency.h"
#include "demostore.h"
#include "devicestore.h"
#include "serverdatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace careround::bench {

namespace {

// Bump when the generated data changes, so stale caches are rebuilt.
constexpr int kCacheVersion = 1;

DemoAgency::Options agencyOptions(const Scale &scale)
{
    DemoAgency::Options o;
    o.seed = kBenchSeed;
    o.clientCount = scale.clients;
    o.coordinatorCount = scale.coordinators;
    o.today = kBenchToday;
    return o;
}

void progress(const QString &what, int done, int total)
{
    if (done % 2000 == 0 || done == total)
        qInfo("bench: generating %s: %d of %d clients", qPrintable(what), done, total);
}

bool readManifest(const QString &file, DatasetInfo &info)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    if (o.value(QStringLiteral("version")).toInt() != kCacheVersion)
        return false;
    info.records = qint64(o.value(QStringLiteral("records")).toDouble());
    info.clients = o.value(QStringLiteral("clients")).toInt();
    info.generateSeconds = o.value(QStringLiteral("seconds")).toDouble();
    return true;
}

void writeManifest(const QString &file, const DatasetInfo &info)
{
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        throw StoreError(StoreError::Code::Sql, QStringLiteral("cannot write ") + file);
    f.write(QJsonDocument(QJsonObject{{"version", kCacheVersion},
                                      {"records", double(info.records)},
                                      {"clients", info.clients},
                                      {"seconds", info.generateSeconds}})
                .toJson());
}

/**
 * Generates an agency on a server database through AgencyServer: coordinators become
 * accounts (logins coord<i>@bench, supervisor@bench), every other record createRecord.
 */
DemoAgency::Summary seedServer(ServerDatabase &db, const DemoAgency::Options &options,
                               const QString &what)
{
    AgencyServer server(db);
    // The passwords of generated accounts are checked at every enrolment of the benchmarks.
    server.accounts.setPasswordIterations(1000);
    server.initialize();
    server.records.createAgency(QStringLiteral("Benchmark agency"));
    int coordinators = 0;
    DemoAgency::Options o = options;
    o.onClientDone = [&](int done) { progress(what, done, options.clientCount); };
    return DemoAgency::generate(
        [&](const QString &entity, const QJsonObject &values) {
            if (entity != QLatin1String("coordinator"))
                return server.records.createRecord(entity, values);
            const QString role = values.value(QStringLiteral("role")).toString();
            const QString login = role == QLatin1String("supervisor")
                                      ? Datasets::supervisorLogin()
                                      : Datasets::coordinatorLogin(coordinators++);
            return server.accounts.createAccount(
                login, values.value(QStringLiteral("name")).toString(), kBenchPassword, role);
        },
        o);
}

} // namespace

bool Scale::byName(const QString &name, Scale &out)
{
    static const QVector<Scale> scales = {{QStringLiteral("small"), 1000, 2},
                                          {QStringLiteral("agency"), 10000, 10},
                                          {QStringLiteral("large"), 100000, 100},
                                          {QStringLiteral("sync"), 1450, 10},
                                          {QStringLiteral("sync-small"), 400, 2}};
    for (const Scale &s : scales)
        if (s.name == name) {
            out = s;
            return true;
        }
    return false;
}

QString Datasets::deviceStorePath(const QString &dir)
{
    return dir + QStringLiteral("/device/careround.db");
}

QString Datasets::serverDbPath(const QString &dir)
{
    return dir + QStringLiteral("/server.db");
}

DatasetInfo Datasets::deviceStore(const Scale &scale)
{
    DatasetInfo info;
    info.dir = m_cache + QLatin1Char('/') + scale.name;
    const QString manifest = info.dir + QStringLiteral("/device.json");
    if (readManifest(manifest, info))
        return info;
    const QString path = deviceStorePath(info.dir);
    QDir().mkpath(QFileInfo(path).path());
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    Stopwatch watch;
    {
        DemoStore::Options options;
        options.path = path;
        options.key = kDevicePassphrase;
        options.origin = DemoStore::Origin::Pulled;
        options.asFirstCoordinator = true;
        options.agency = agencyOptions(scale);
        options.agency.onClientDone = [&](int done) {
            progress(scale.name + QStringLiteral(" device store"), done, scale.clients);
        };
        const DemoStore demo = DemoStore::create(options);
        info.records = demo.summary.total();
        info.clients = int(demo.summary.clientIds.size());
    }
    info.generateSeconds = watch.ms() / 1000;
    info.generatedNow = true;
    writeManifest(manifest, info);
    return info;
}

void Datasets::copyServerDbTo(const QString &sqlitePath, const QString &pgUrl)
{
    auto from = ServerDatabase::open(QStringLiteral("sqlite:") + sqlitePath);
    auto to = ServerDatabase::open(pgUrl);
    AgencyServer(*to).initialize();
    ServerTransaction tx(*to, ServerTransaction::SchemaChange);
    const QList<QPair<QString, QString>> tables{
        {QStringLiteral("meta"), {}},
        {QStringLiteral("counter"), {}},
        {QStringLiteral("account"), {}},
        {QStringLiteral("device"), {}},
        {QStringLiteral("caseload"), {}},
        {QStringLiteral("seal"), {}},
        {QStringLiteral("record"), {}},
        {QStringLiteral("history"),
         QStringLiteral("WHERE entity IN ('complaint', 'referral') AND field = 'status'")}};
    constexpr int kRowsPerInsert = 200;
    for (const auto &tableAndWhere : tables) {
        const QString &table = tableAndWhere.first; // a lambda below reads it
        const QString &where = tableAndWhere.second;
        QStringList columns;
        for (const auto &c : from->query(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
            columns.append(c[1].toString());
        if (table != QLatin1String("history"))
            to->exec(QStringLiteral("DELETE FROM %1").arg(table));
        const QString marks = QStringLiteral("(") +
                              QStringList(columns.size(), QStringLiteral("?")).join(u',') +
                              QStringLiteral(")");
        QVariantList batch;
        int rows = 0;
        const auto flush = [&] {
            if (!rows)
                return;
            to->exec(QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                         .arg(table, columns.join(u','), QStringList(rows, marks).join(u',')),
                     batch);
            batch.clear();
            rows = 0;
        };
        // A page of rows at a time, by rowid, not the whole table in memory.
        const QString select =
            QStringLiteral("SELECT rowid, %1 FROM %2 WHERE rowid > ? %3 ORDER BY rowid LIMIT 20000")
                .arg(columns.join(u','), table,
                     where.isEmpty() ? QString() : QStringLiteral("AND ") + where.mid(6));
        qint64 after = 0;
        for (;;) {
            const QVector<ServerDatabase::Row> page = from->query(select, {after});
            for (const ServerDatabase::Row &row : page) {
                after = row.first().toLongLong();
                batch.append(row.mid(1));
                if (++rows == kRowsPerInsert)
                    flush();
            }
            if (page.size() < 20000)
                break;
        }
        flush();
    }
    tx.commit();
}

DatasetInfo Datasets::serverDb(const Scale &scale)
{
    DatasetInfo info;
    info.dir = m_cache + QLatin1Char('/') + scale.name;
    const QString manifest = info.dir + QStringLiteral("/server.json");
    if (readManifest(manifest, info))
        return info;
    const QString path = serverDbPath(info.dir);
    QDir().mkpath(info.dir);
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    Stopwatch watch;
    {
        auto db = ServerDatabase::open(QStringLiteral("sqlite:") + path);
        db->exec(QStringLiteral("PRAGMA synchronous=OFF"));
        const DemoAgency::Summary summary =
            seedServer(*db, agencyOptions(scale), scale.name + QStringLiteral(" server"));
        info.records = summary.total();
        info.clients = int(summary.clientIds.size());
    }
    info.generateSeconds = watch.ms() / 1000;
    info.generatedNow = true;
    writeManifest(manifest, info);
    return info;
}

qint64 Datasets::seedLoadServer(const QString &dbUrl, int coordinators, int clientsEach)
{
    auto db = ServerDatabase::open(dbUrl);
    if (!db->isPostgres())
        db->exec(QStringLiteral("PRAGMA synchronous=OFF"));
    DemoAgency::Options o;
    o.seed = kBenchSeed + 1;
    o.clientCount = coordinators * clientsEach;
    o.coordinatorCount = coordinators;
    o.withSupervisor = false;
    o.today = kBenchToday;
    return seedServer(*db, o, QStringLiteral("load-test server")).total();
}

} // namespace careround::bench
