#pragma once

#include "serverdatabase.h"

#include <optional>

namespace careround {

/** An account that signs in on tablets: a coordinator or a supervisor. */
struct Account {
    QString id; ///< also the id of its coordinator record
    QString login;
    QString passwordHash;
    QString role;
    QString name;
};

/** An enrolled device as the administration CLI lists it. */
struct DeviceInfo {
    QString id;
    QString login;
    QString label;
    QString status;
    qint64 lastSeq = 0;
    QString enrolledAt;
};

/** The device a token was given to, and its account. */
struct TokenHolder {
    QString deviceId;
    QString status;
    QString accountId;
    QString role;
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

    /** The device's account id and status. */
    std::optional<QPair<QString, QString>> deviceOwner(const QString &deviceId);
    void insertDevice(const QString &deviceId, const QString &accountId, const QString &tokenHash,
                      const QString &label, const QString &enrolledAt);
    void setDeviceToken(const QString &deviceId, const QString &tokenHash);
    /** Marks the device revoked; false when there is no such device. */
    bool revokeDevice(const QString &deviceId, const QString &at);
    QVector<DeviceInfo> devices();
    std::optional<TokenHolder> tokenHolder(const QString &tokenHash);
    /** The device's last change applied (its deviceSeq). */
    qint64 lastDeviceSeq(const QString &deviceId);
    void setLastDeviceSeq(const QString &deviceId, qint64 seq);

    void audit(const QString &at, const QString &actor, const QString &device,
               const QString &action, const QString &detail);

    /** Failures of the key after `since`: their number and the earliest time. */
    QPair<qint64, qint64> failuresSince(const QString &key, qint64 since);
    /** Notes a failure of the key at `at`, forgetting every failure before `forgetBefore`. */
    void noteFailure(const QString &key, qint64 at, qint64 forgetBefore);

private:
    ServerDatabase &m_db;
};

} // namespace careround
