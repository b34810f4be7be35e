#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace careround::bench {

/** The password of every account of the generated agencies. */
inline const QString kBenchPassword = QStringLiteral("bench-password-42");
/** The passphrase of generated device stores (the app's demo passphrase, so it can open them). */
inline const QByteArray kDevicePassphrase = QByteArrayLiteral("demo");
/** "Today" of every generated agency, so the same seed gives the same data on any day. */
inline const QDate kBenchToday = QDate(2026, 11, 22);
inline constexpr quint64 kBenchSeed = 20261122;

/**
 * A data scale. The device scales of the issue are small (1,000 clients), agency (10,000) and
 * large (100,000). DemoAgency writes about 50 records per client (half of them instrument
 * answers), so the server rows use their own scale whose record counts are the issue's:
 * "sync" (2,000 clients, about 100,000 records; each of its 10 coordinators about 10,000).
 */
struct Scale {
    QString name;
    int clients = 0;
    int coordinators = 2;
    /** small, agency, large, sync or sync-small (400 clients: 2 caseloads of 10,000 records). */
    static bool byName(const QString &name, Scale &out);
};

/** What a cached data set holds. */
struct DatasetInfo {
    QString dir;
    qint64 records = 0;
    int clients = 0;
    double generateSeconds = 0;
    bool generatedNow = false;
};

/**
 * Generated data, built once per scale under the cache folder and reused:
 * - DIR/<scale>/device/careround.db: a device store holding the whole agency as a synced
 *   tablet would (passphrase kDevicePassphrase), written in bulk through RecordRepository
 *   (one transaction per 1,000 clients, no outbox), with the caseload indexes;
 * - DIR/<scale>/server.db: the agency server's SQLite database, written in-process through
 *   AgencyServer (createAccount for every coordinator, createRecord for every record).
 * Both come from DemoAgency with the same seed, so they hold the same values (not the same ids).
 */
class Datasets {
public:
    explicit Datasets(QString cacheDir) : m_cache(std::move(cacheDir)) {}

    DatasetInfo deviceStore(const Scale &scale);
    DatasetInfo serverDb(const Scale &scale);
    /**
     * The small agency of the load test: coordinators (logins coord<i>@bench) with a few
     * clients each, on the given database URL (an empty SQLite or PostgreSQL database).
     */
    static qint64 seedLoadServer(const QString &dbUrl, int coordinators, int clientsEach);
    /**
     * Copies a generated agency server database (serverDb) into an empty PostgreSQL one,
     * migrated by the server: the records, their caseloads and seals, the accounts and
     * devices, the meta values and the sequence, and of the history the status changes of
     * complaints and referrals (what the reports read; the whole history is 4 million rows).
     */
    static void copyServerDbTo(const QString &sqlitePath, const QString &pgUrl);

    static QString deviceStorePath(const QString &dir);
    static QString serverDbPath(const QString &dir);
    /** The login of coordinator i and of the supervisor of a generated agency. */
    static QString coordinatorLogin(int i) { return QStringLiteral("coord%1@bench").arg(i); }
    static QString supervisorLogin() { return QStringLiteral("supervisor@bench"); }

private:
    QString m_cache;
};

} // namespace careround::bench
