#pragma once

#include "hlc.h"
#include "merge.h"
#include "serverdatabase.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace careround {

/** A reply of the agency server: HTTP status and JSON body. */
struct ServiceReply {
    int status = 200;
    QJsonObject body;
    /** The body already encoded as JSON (the pull's pages, spliced from stored JSON text);
        when set it is what is sent, and body is empty. */
    QByteArray json = {};

    /** The JSON sent for this reply. */
    QByteArray encoded() const;
    /** The body as an object, decoding json when that is what the reply holds. */
    QJsonObject object() const;
};

/** The authenticated caller of a request: a device and the account that enrolled it. */
struct Caller {
    QString deviceId;
    QString accountId; ///< also the id of the account's coordinator record
    QString role;      ///< "coordinator" or "supervisor"
    QString remote;    ///< the client's address (for rate limits), set before authentication
    bool isSupervisor() const { return role == QLatin1String("supervisor"); }
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

/**
 * The agency server's logic, independent of HTTP: accounts and devices, the sync requests
 * (hello, push, pull, conflicts) with access checked on every one, and the administration
 * the CLI offers. Holds no state between requests beyond what is in the database, so several
 * processes can serve one PostgreSQL database.
 */
class AgencyService {
public:
    AgencyService(ServerDatabase &db, WallClock wall = systemWallClock());

    /** Creates the tables when missing and the server epoch. */
    void initialize();

    // Administration (the CLI). Throw StoreError on bad input.
    void createAgency(const QString &name);
    /** Creates a coordinator or supervisor account; returns its id. */
    QString createAccount(const QString &login, const QString &name, const QString &password,
                          const QString &role);
    void assignClient(const QString &clientId, const QString &login);
    /** Enrols a device for an account after checking the password; returns the token. */
    QString enrollDevice(const QString &login, const QString &password, const QString &deviceId,
                         const QString &label, QString *accountId = nullptr);
    QVector<DeviceInfo> devices();
    void revokeDevice(const QString &deviceId);
    /** Starts a new epoch (after a restore from backup): devices resend what may be lost. */
    QString newEpoch();
    QString epoch();
    /** Creates a record as the server (seeding, office edits); returns its id. */
    QString createRecord(const QString &entity, const QJsonObject &values);
    /** Writes a record as is (with its stamps), e.g. when importing a device's data. */
    qint64 maxSeq();

    // Requests.
    /** Checks a bearer token; on failure the reply to send (401/403, 429 when throttled). */
    std::optional<ServiceReply> authenticate(const QByteArray &authorization, Caller &caller);
    /** Sign-in of a tablet: login, password and device id -> device token. Rate-limited. */
    ServiceReply enroll(const QJsonObject &body, const QString &remote = {});
    ServiceReply hello(const Caller &caller, const QJsonObject &body);
    ServiceReply push(const Caller &caller, const QJsonObject &body);
    ServiceReply pull(const Caller &caller, const QUrlQuery &query);
    ServiceReply conflicts(const Caller &caller);

    void setMaxSkewMillis(qint64 millis) { m_maxSkewMillis = millis; }
    /** PBKDF2 work factor for new passwords (tests lower it; production keeps the default). */
    void setPasswordIterations(int iterations) { m_passwordIterations = iterations; }

private:
    struct WriteState;
    Stamp serverStamp(WriteState &state);
    void writeRecord(WriteState &state, const EntityDef &def, const Record &record,
                     const QString &clientId);
    std::optional<Record> loadRecord(const EntityDef &def, const QString &id, QString *clientId);
    bool isSealed(const EntityDef &def, const Record &record);
    void recordConflict(WriteState &state, const EntityDef &def, const Record &record,
                        const QString &clientId, const ConflictDraft &draft);
    QStringList caseload(const QString &coordinatorId);
    bool mayWrite(const Caller &caller, const QString &clientId, Hlc editHlc);
    void audit(const QString &actor, const QString &device, const QString &action,
               const QString &detail);
    QString accountIdForLogin(const QString &login);
    /** A 429 reply when the key failed too often within the window. */
    std::optional<ServiceReply> throttled(const QString &key, int maxFailures, qint64 windowMs);
    void noteFailure(const QString &key);

    ServerDatabase &m_db;
    WallClock m_wall;
    qint64 m_maxSkewMillis = 10 * 60 * 1000;
    int m_passwordIterations = 200000;
};

/** Password hashing with OpenSSL's PBKDF2-HMAC-SHA256 ("pbkdf2-sha256$iterations$salt$hash"). */
namespace PasswordHash {
QString hash(const QString &password, int iterations = 200000);
bool verify(const QString &password, const QString &stored);
} // namespace PasswordHash

} // namespace careround
