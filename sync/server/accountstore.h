#pragma once

#include "serverdatabase.h"

#include <QHash>

#include <optional>

namespace careround {

/** An account that signs in on tablets: a coordinator or a supervisor. */
struct Account {
    QString id; ///< also the id of its coordinator record
    QString login;
    QString passwordHash;
    QString role;
    QString name;
    bool active = true; ///< false: deactivated (no sign-in, its tablets stop syncing)
};

/** An enrolled device as the administration CLI lists it. */
struct DeviceInfo {
    QString id;
    QString login;
    QString label;
    QString status;
    qint64 lastSeq = 0;
    QString enrolledAt;
    QString lastSeen; ///< its last hello (ISO 8601; empty: never)
    QString appVersion;
    int schemaVersion = 0;
    qint64 pending = -1; ///< changes waiting on the tablet at its last hello (-1: unknown)
    QString accountId;
};

/** The device a token was given to, and its account. */
struct TokenHolder {
    QString deviceId;
    QString status;
    QString accountId;
    QString role;
    bool accountActive = true;
};

/** An office sign-in session as stored (the token itself is never stored, only its hash). */
struct OfficeSession {
    QString accountId;
    QString csrf;
    qint64 createdMs = 0;
    qint64 seenMs = 0;
};

/** One row of the administration audit (sign-ins, enrolments, office actions). */
struct AuditEntry {
    QString at;
    QString actor;
    QString device;
    QString action;
    QString detail;
};

/**
 * The agency server's accounts, devices (their token hashes and how far their changes were
 * applied), the audit of sign-ins and administration, and the failed sign-ins that rate
 * limits count. All of its SQL is here; callers hold the transaction around a unit of work.
 */
class AccountStore {
public:
    explicit AccountStore(ServerDatabase &db) : m_db(db) {}

    /** Begins a transaction of this database (rolled back unless committed). */
    ServerTransaction transaction(ServerTransaction::Mode mode) { return {m_db, mode}; }

    std::optional<Account> accountByLogin(const QString &login);
    std::optional<Account> accountById(const QString &id);
    void insertAccount(const Account &account);
    /** Every account, by login. */
    QVector<Account> accounts();
    void setRole(const QString &accountId, const QString &role);
    void setActive(const QString &accountId, bool active);
    void setPasswordHash(const QString &accountId, const QString &hash);

    /** The device's account id and status. */
    std::optional<QPair<QString, QString>> deviceOwner(const QString &deviceId);
    void insertDevice(const QString &deviceId, const QString &accountId, const QString &tokenHash,
                      const QString &label, const QString &enrolledAt);
    void setDeviceToken(const QString &deviceId, const QString &tokenHash);
    /** Marks the device revoked; false when there is no such device. */
    bool revokeDevice(const QString &deviceId, const QString &at);
    QVector<DeviceInfo> devices();
    /** The name of each device's account, by device id: every device ever enrolled. */
    QHash<QString, QString> deviceOwnerNames();
    /** The account's devices still active. */
    QStringList activeDevicesOf(const QString &accountId);
    std::optional<TokenHolder> tokenHolder(const QString &tokenHash);
    /** The device's last change applied (its deviceSeq). */
    qint64 lastDeviceSeq(const QString &deviceId);
    void setLastDeviceSeq(const QString &deviceId, qint64 seq);
    /** Notes a hello: when, and what the tablet said of itself (pending < 0: not said). */
    void noteContact(const QString &deviceId, const QString &at, const QString &appVersion,
                     int schemaVersion, qint64 pending);

    void audit(const QString &at, const QString &actor, const QString &device,
               const QString &action, const QString &detail);
    /**
     * Audit rows, newest first, at most limit: by this actor (empty: anyone), whose detail is
     * this (empty: any), at or after `from` and before `to` (ISO 8601 text; empty: open).
     */
    QVector<AuditEntry> auditEntries(const QString &actor, const QString &detail,
                                     const QString &from, const QString &to, int limit);

    void insertSession(const QString &tokenHash, const OfficeSession &session);
    std::optional<OfficeSession> session(const QString &tokenHash);
    void touchSession(const QString &tokenHash, qint64 seenMs);
    void deleteSession(const QString &tokenHash);
    /** Ends every session of the account (deactivated, password reset). */
    void deleteSessionsOf(const QString &accountId);
    /** Forgets sessions idle since before `idleBefore`. */
    void deleteIdleSessions(qint64 idleBefore);

    /** Failures of the key after `since`: their number and the earliest time. */
    QPair<qint64, qint64> failuresSince(const QString &key, qint64 since);
    /** Notes a failure of the key at `at`, forgetting every failure before `forgetBefore`. */
    void noteFailure(const QString &key, qint64 at, qint64 forgetBefore);

private:
    ServerDatabase &m_db;
};

} // namespace careround
