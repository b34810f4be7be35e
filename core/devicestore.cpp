#include "devicestore.h"

#include "caseloadrepository.h"
#include "todayrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace careround {

DeviceStore::DeviceStore(std::unique_ptr<SqliteDatabase> db, WallClock wall)
    : m_db(std::move(db)), m_records(*m_db), m_outbox(*m_db), m_meta(*m_db),
      m_conflicts(*m_db, m_records), m_plans(*m_db), m_directory(*m_db), m_caseload(*m_db),
      m_today(*m_db), m_visits(m_records, m_plans), m_clients(m_records, m_plans),
      m_carePlans(m_records, m_plans), m_services(m_records, m_plans, m_directory),
      m_signOffs(m_records), m_assessments(m_records), m_clock(std::move(wall))
{}

QByteArray DeviceStore::rawKey(const QByteArray &key32)
{
    return "x'" + key32.toHex() + "'";
}

std::unique_ptr<DeviceStore> DeviceStore::open(const Options &options)
{
    auto db = std::make_unique<SqliteDatabase>(options.path, options.key);
    db->useWriteAheadLog();
    // FULL: a committed edit survives a power cut, not only a killed process.
    db->exec(QStringLiteral("PRAGMA synchronous=FULL"));
    const int version = db->scalar(QStringLiteral("PRAGMA user_version")).toInt();
    const int current = Schema::instance().version();
    if (version > current)
        throw StoreError(
            StoreError::Code::TooNew,
            QCoreApplication::translate("careround::DeviceStore",
                                        "This store was written by a newer CareRound (schema %1; "
                                        "this app knows %2). Update the app to open it.")
                .arg(version)
                .arg(current));
    std::unique_ptr<DeviceStore> store(new DeviceStore(std::move(db), options.wallClock));
    store->m_path = options.path;
    if (options.backgroundCheckpoints)
        store->m_checkpointer =
            std::make_unique<WalCheckpointer>(*store->m_db, options.path, options.key);
    store->migrate(options.targetVersion > 0 ? options.targetVersion : current);
    SqliteTransaction tx(store->db());
    store->m_deviceId = store->m_meta.value(QStringLiteral("deviceId"));
    if (store->m_deviceId.isEmpty()) {
        store->m_deviceId = newUuid7();
        store->m_meta.setValue(QStringLiteral("deviceId"), store->m_deviceId);
    }
    store->m_clock.observe(Hlc{store->m_meta.value(QStringLiteral("hlc"), "0").toULongLong()});
    tx.commit();
    return store;
}

int DeviceStore::schemaVersion()
{
    return m_db->scalar(QStringLiteral("PRAGMA user_version")).toInt();
}

void DeviceStore::migrate(int target)
{
    const Schema &schema = Schema::instance();
    for (int v = schemaVersion() + 1; v <= target; ++v) {
        SqliteTransaction tx(*m_db);
        if (v == 1) {
            m_db->exec(QStringLiteral(
                "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT);"
                "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL,"
                " recordId TEXT NOT NULL, hlc INTEGER NOT NULL, \"values\" TEXT NOT NULL,"
                " bases TEXT NOT NULL, acked INTEGER NOT NULL DEFAULT 0);"
                "CREATE INDEX outbox_record ON outbox(recordId);"
                "CREATE INDEX outbox_pending ON outbox(acked, seq);"));
        }
        for (const EntityDef &def : schema.entities()) {
            const QStringList sql = def.since == v  ? RecordRepository::createTableSql(def, v)
                                    : def.since < v ? RecordRepository::addColumnsSql(def, v)
                                                    : QStringList();
            for (const QString &statement : sql)
                m_db->exec(statement);
        }
        // The indexes of the caseload (v3, v4), of Today and of the outbox (v4).
        for (const QString &statement : CaseloadRepository::migrationSql(v))
            m_db->exec(statement);
        for (const QString &statement : OutboxRepository::migrationSql(v))
            m_db->exec(statement);
        if (v == 4) {
            for (const QString &statement : TodayRepository::indexSql())
                m_db->exec(statement);
            // Pruning acknowledged edits at each sync reads only those old enough.
            m_db->exec(QStringLiteral("CREATE INDEX outbox_acked_hlc ON outbox(acked, hlc)"));
        }
        m_db->exec(QStringLiteral("PRAGMA user_version = %1").arg(v));
        tx.commit();
    }
}

QString DeviceStore::agencyName()
{
    return m_meta.value(QStringLiteral("agency.name"));
}

void DeviceStore::setAgencyName(const QString &name)
{
    m_meta.setValue(QStringLiteral("agency.name"), name);
}

Hlc DeviceStore::nextHlc()
{
    // Another connection (the sync worker) may have seen newer remote stamps.
    m_clock.observe(Hlc{m_meta.value(QStringLiteral("hlc"), "0").toULongLong()});
    const Hlc h = m_clock.now();
    saveClock();
    return h;
}

void DeviceStore::observeHlc(Hlc remote)
{
    if (m_clock.last() < remote) {
        m_clock.observe(remote);
        saveClock();
    }
}

void DeviceStore::setBookkeeping(const QString &key, const QString &value)
{
    // WAL with synchronous=NORMAL: the commit is in the WAL file (the OS has it) and is made
    // durable by the next FULL commit or checkpoint.
    const Durability previous = m_durability;
    setDurability(Durability::MayLoseLatest);
    try {
        m_meta.setValue(key, value);
    } catch (...) {
        setDurability(previous);
        throw;
    }
    setDurability(previous);
}

void DeviceStore::setDurability(Durability durability)
{
    // In WAL mode NORMAL syncs only at checkpoints (the file stays consistent), OFF never.
    switch (durability) {
    case Durability::Full:
        m_db->exec(QStringLiteral("PRAGMA synchronous=FULL"));
        break;
    case Durability::MayLoseLatest:
        m_db->exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        break;
    case Durability::MayDamage:
        m_db->exec(QStringLiteral("PRAGMA synchronous=OFF"));
        break;
    }
    m_durability = durability;
}

QString DeviceStore::documentsFolderOf(const QString &storePath)
{
    return QFileInfo(storePath).absoluteDir().filePath(QStringLiteral("documents"));
}

void DeviceStore::wipe(const QString &reason)
{
    QDir(documentsFolder()).removeRecursively();
    SqliteTransaction tx(*m_db);
    erase(reason, QStringLiteral("DELETE FROM outbox"));
    tx.commit();
    compact();
}

void DeviceStore::eraseKeepingReview(const QString &reason)
{
    QDir(documentsFolder()).removeRecursively();
    SqliteTransaction tx(*m_db);
    erase(reason, QStringLiteral("DELETE FROM outbox WHERE acked <> 2 AND refusedReason IS NULL"));
    tx.commit();
}

void DeviceStore::erase(const QString &reason, const QString &outboxDelete)
{
    for (const EntityDef &def : Schema::instance().entities())
        m_db->exec(QStringLiteral("DELETE FROM \"%1\"").arg(def.name));
    m_db->exec(outboxDelete);
    m_db->exec(QStringLiteral("DELETE FROM setAside"));
    m_db->exec(QStringLiteral("DELETE FROM meta WHERE key <> 'deviceId' AND key <> 'hlc'"));
    m_meta.setValue(QStringLiteral("wiped"), QStringLiteral("1"));
    // The wipe itself is a security event: the one record left behind.
    const EntityDef &auditDef = *Schema::instance().entity(QStringLiteral("auditEvent"));
    Record audit;
    audit.entity = auditDef.name;
    audit.id = newUuid7();
    audit.values = QJsonObject{
        {"action", "store_wiped"},
        {"deviceId", m_deviceId},
        {"at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {"detail", reason},
    };
    m_records.write(auditDef, audit);
}

void DeviceStore::compact()
{
    m_db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    m_db->exec(QStringLiteral("VACUUM"));
}

void DeviceStore::saveClock()
{
    m_meta.setValue(QStringLiteral("hlc"), QString::number(m_clock.last().packed));
}

} // namespace careround
