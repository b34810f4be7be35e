#pragma once

#include "accountstore.h"
#include "agencyrecords.h"
#include "caller.h"
#include "servicereply.h"

#include <QJsonObject>

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
    void revokeDevice(const QString &deviceId);

    // Requests.
    /** Checks a bearer token; on failure the reply to send (401/403, 429 when throttled). */
    std::optional<ServiceReply> authenticate(const QByteArray &authorization, Caller &caller);
    /** Sign-in of a tablet: login, password and device id -> device token. Rate-limited. */
    ServiceReply enroll(const QJsonObject &body, const QString &remote = {});

    /** PBKDF2 work factor for new passwords (tests lower it; production keeps the default). */
    void setPasswordIterations(int iterations) { m_passwordIterations = iterations; }

private:
    void audit(const QString &actor, const QString &device, const QString &action,
               const QString &detail);
    /** A 429 reply when the key failed too often within the window. */
    std::optional<ServiceReply> throttled(const QString &key, int maxFailures, qint64 windowMs);
    void noteFailure(const QString &key);

    AccountStore &m_accounts;
    AgencyRecords &m_records;
    WallClock m_wall;
    int m_passwordIterations = 200000;
};

} // namespace careround
