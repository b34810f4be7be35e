#pragma once

#include "accountstore.h"
#include "agencyrecords.h"
#include "caller.h"
#include "servicereply.h"

#include <QJsonObject>

#include <variant>

namespace careround {

/**
 * Accounts and enrolment: creating accounts (their passwords hashed), assigning clients to
 * them, enrolling devices (a device token for a login and password), checking tokens, the
 * rate limits on failed sign-ins and the audit of sign-ins and administration.
 */
class AccountService {
public:
    AccountService(AccountStore &accounts, AgencyRecords &records,
                   WallClock wall = systemWallClock());

    // Administration (the CLI). Throw StoreError on bad input.
    /** Creates a coordinator or supervisor account; returns its id. */
    QString createAccount(const QString &login, const QString &name, const QString &password,
                          const QString &role);
    void assignClient(const QString &clientId, const QString &login);
    /** Enrols a device for an account after checking the password; returns the token. */
    QString enrollDevice(const QString &login, const QString &password, const QString &deviceId,
                         const QString &label, QString *accountId = nullptr);
    QVector<DeviceInfo> devices();
    /** Revokes a device; `actor` is who did it (the audit's actor: "admin" for the CLI). */
    void revokeDevice(const QString &deviceId, const QString &actor = QStringLiteral("admin"));

    // Staff administration (the office console, as `actor`). Throw StoreError on bad input.
    QVector<Account> accounts();
    /** Changes an account's role (coordinator or supervisor), and its coordinator record. */
    void setRole(const QString &actor, const QString &accountId, const QString &role);
    /**
     * Deactivates or reactivates an account. A deactivated account cannot sign in; its
     * tablets are refused (403 account_deactivated) and its office sessions end.
     */
    void setActive(const QString &actor, const QString &accountId, bool active);
    /** Sets a new password (at least 8 characters); the account's office sessions end. */
    void resetPassword(const QString &actor, const QString &accountId, const QString &password);
    /** Writes an office action to the audit (never client data: ids and codes only). */
    void audit(const QString &actor, const QString &device, const QString &action,
               const QString &detail);

    /**
     * The office console's password sign-in, rate-limited like enrolment (per login and per
     * address): the account, or the reply to send (401, 403 deactivated, 429).
     */
    std::variant<Account, ServiceReply> signIn(const QJsonObject &body, const QString &remote);

    // Requests.
    /** Checks a bearer token; on failure the reply to send (401/403, 429 when throttled). */
    std::optional<ServiceReply> authenticate(const QByteArray &authorization, Caller &caller);
    /** Sign-in of a tablet: login, password and device id -> device token. Rate-limited. */
    ServiceReply enroll(const QJsonObject &body, const QString &remote = {});

    /** PBKDF2 work factor for new passwords (tests lower it; production keeps the default). */
    void setPasswordIterations(int iterations) { m_passwordIterations = iterations; }

private:
    /** The account when the password is right (a hash is verified either way). */
    std::optional<Account> checkPassword(const QString &login, const QString &password);
    Account existing(const QString &accountId);
    /** A 429 reply when the key failed too often within the window. */
    std::optional<ServiceReply> throttled(const QString &key, int maxFailures, qint64 windowMs);
    void noteFailure(const QString &key);

    AccountStore &m_accounts;
    AgencyRecords &m_records;
    WallClock m_wall;
    int m_passwordIterations = 200000;
};

} // namespace careround
