#pragma once

#include "assessmentrepository.h"
#include "careplanrepository.h"
#include "caseloadrepository.h"
#include "changefeed.h"
#include "clientrepository.h"
#include "conflictrepository.h"
#include "directoryrepository.h"
#include "hlc.h"
#include "outboxrepository.h"
#include "planrepository.h"
#include "recordrepository.h"
#include "servicesrepository.h"
#include "signoffrepository.h"
#include "sqlitedatabase.h"
#include "todayrepository.h"
#include "visitrepository.h"
#include "walcheckpointer.h"

#include <memory>

namespace careround {

/**
 * The encrypted on-device store: one SQLCipher file in WAL mode, brought to the current
 * schema by numbered migrations, with the device's id and persisted hybrid logical clock.
 * Opening refuses a wrong key and a file written by a newer CareRound with a clear error.
 */
class DeviceStore {
public:
    struct Options {
        QString path;
        QByteArray key; ///< passphrase, or rawKey() of a 32-byte data key
        WallClock wallClock = systemWallClock();
        int targetVersion = 0; ///< 0: the current schema (tests migrate step by step)
        /**
         * The log's checkpoints run on a thread of their own (WalCheckpointer), not inside
         * the commit that takes the log past its threshold: for the connection a person
         * types into and for the sync worker's (a first load then writes while the file
         * catches up). Tests and tools that open a store briefly keep SQLite's own.
         */
        bool backgroundCheckpoints = false;
    };

    /** What a commit survives; a store opens with Full. */
    enum class Durability {
        Full,          ///< a commit waits for the disk: it survives a power cut
        MayLoseLatest, ///< a power cut may roll back the latest commits, never damages the file
        MayDamage,     ///< nothing waits for the disk: only for data that can be made again
    };

    /**
     * Bulk loading of data that can be made again (a demo agency, a benchmark's data set):
     * while it lives, commits do not wait for the disk (by default not even at checkpoints);
     * when it ends the durability it found is back.
     */
    class BulkLoad {
    public:
        explicit BulkLoad(DeviceStore &store, Durability during = Durability::MayDamage)
            : m_store(store), m_previous(store.durability())
        {
            m_store.setDurability(during);
        }
        ~BulkLoad() { m_store.setDurability(m_previous); }
        BulkLoad(const BulkLoad &) = delete;
        BulkLoad &operator=(const BulkLoad &) = delete;

    private:
        DeviceStore &m_store;
        Durability m_previous;
    };

    /** Opens or creates the store. Throws StoreError (WrongKey, TooNew, Sql). */
    static std::unique_ptr<DeviceStore> open(const Options &options);
    /** SQLCipher's form of a raw 256-bit key (skips the passphrase KDF). */
    static QByteArray rawKey(const QByteArray &key32);

    /** The connection, for core (its repositories, the demo generator) and for tests and
        benchmarks that inspect the file. The app, the screens and the device sync use
        transaction() and the repositories (the check_layers test holds them to it). */
    SqliteDatabase &db() { return *m_db; }
    RecordRepository &records() { return m_records; }
    OutboxRepository &outbox() { return m_outbox; }
    MetaRepository &meta() { return m_meta; }
    ConflictRepository &conflicts() { return m_conflicts; }

    /**
     * Opens a transaction on the store (inside another one, a savepoint of it): commit() it,
     * or it rolls back when it goes out of scope. Callers outside core write through this,
     * never through db().
     */
    [[nodiscard]] SqliteTransaction transaction() { return SqliteTransaction(*m_db); }
    /**
     * Wipes every record, the outbox and the sync state (revoked tablet, too many wrong
     * PINs), keeping the device id and the clock, and leaves one audit event that says when
     * and why. The freed pages are then overwritten (checkpoint and VACUUM), so the wiped
     * records do not stay readable in the file.
     */
    void wipe(const QString &reason);
    /**
     * The folder beside a store file where the tablet saves what it makes for people to
     * take away (PDFs, calendar files): client data outside the encrypted file, so wipe() and
     * eraseKeepingReview() delete it first: a process killed in between leaves records from
     * which the files can be made again, never files of records already erased.
     */
    static QString documentsFolderOf(const QString &storePath);
    /**
     * What wipe erases, inside the caller's transaction (a re-enrolment swaps the account in
     * the same one), except the outbox entries kept for review and the refused ones not yet
     * dismissed (what was typed stays readable). compact() afterwards, outside
     * the transaction, overwrites the freed pages.
     */
    void eraseKeepingReview(const QString &reason);
    /** documentsFolderOf() this store's file. */
    QString documentsFolder() const { return documentsFolderOf(m_path); }
    /** Overwrites freed pages (checkpoint and VACUUM); outside any transaction. */
    void compact();
    /** The read side of the screens: one repository each, over this store's connection. */
    PlanRepository &plans() { return m_plans; }
    DirectoryRepository &directory() { return m_directory; }
    CaseloadRepository &caseload() { return m_caseload; }
    TodayRepository &today() { return m_today; }
    VisitRepository &visits() { return m_visits; }
    ClientRepository &clients() { return m_clients; }
    CarePlanRepository &carePlans() { return m_carePlans; }
    ServicesRepository &services() { return m_services; }
    SignOffRepository &signOffs() { return m_signOffs; }
    AssessmentRepository &assessments() { return m_assessments; }
    /** What changed, after each committed edit or applied sync (see Change). */
    ChangeFeed &changes() { return m_changes; }

    QString deviceId() const { return m_deviceId; }
    int schemaVersion();
    /** A new HLC stamp; the clock's state is saved in the caller's transaction. */
    Hlc nextHlc();
    /** Takes a stamp seen from elsewhere into account (call inside a transaction). */
    void observeHlc(Hlc remote);
    qint64 wallMillis() const { return m_clock.wallMillis(); }
    /** Saves a value a power cut may roll back without harm (when the last sync ended): the
        commit does not wait for the disk. A killed process still keeps it. */
    void setBookkeeping(const QString &key, const QString &value);
    /** Sets what commits survive from now on (see BulkLoad for the usual use). */
    void setDurability(Durability durability);
    Durability durability() const { return m_durability; }
    /** The agency's name as its server says it (hello), for the documents the tablet makes;
        empty until a sync (or the demo) told it. */
    QString agencyName();
    /** Keeps the agency's name (nothing is written when it is the same). */
    void setAgencyName(const QString &name);
    /** Checkpoints the background thread has completed (0 without backgroundCheckpoints). */
    int backgroundCheckpoints() const { return m_checkpointer ? m_checkpointer->completed() : 0; }

private:
    DeviceStore(std::unique_ptr<SqliteDatabase> db, WallClock wall);
    void migrate(int target);
    /** Deletes records, meta (but the device id and clock) and outbox rows; one audit event. */
    void erase(const QString &reason, const QString &outboxDelete);
    void saveClock();

    std::unique_ptr<SqliteDatabase> m_db;
    std::unique_ptr<WalCheckpointer> m_checkpointer; ///< stopped before m_db closes
    RecordRepository m_records;
    OutboxRepository m_outbox;
    MetaRepository m_meta;
    ConflictRepository m_conflicts;
    PlanRepository m_plans;
    DirectoryRepository m_directory;
    CaseloadRepository m_caseload;
    TodayRepository m_today;
    VisitRepository m_visits;
    ClientRepository m_clients;
    CarePlanRepository m_carePlans;
    ServicesRepository m_services;
    SignOffRepository m_signOffs;
    AssessmentRepository m_assessments;
    ChangeFeed m_changes;
    HybridLogicalClock m_clock;
    QString m_deviceId;
    QString m_path; ///< the store file
    Durability m_durability = Durability::Full;
};

} // namespace careround
