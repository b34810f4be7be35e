#include "accountservice.h"

#include "passwordhash.h"
#include "recordvalidator.h"
#include "sqlitedatabase.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

namespace careround {

namespace {

// Sign-in attempts: a login (or an address) that failed this often in the window waits.
constexpr int kMaxLoginFailures = 5;
constexpr qint64 kLoginWindowMs = qint64(15) * 60 * 1000;
constexpr int kMaxTokenFailures = 30;
constexpr qint64 kTokenWindowMs = qint64(60) * 1000;

QString nowIso(const WallClock &wall)
{
    return QDateTime::fromMSecsSinceEpoch(wall(), Qt::UTC).toString(Qt::ISODate);
}

QByteArray newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

/**
 * Exactly "Bearer ", one space, and a token of the RFC 6750 b64token characters: no second
 * space, no trailing whitespace (once trimmed away, so that one token had many spellings).
 */
bool isBearerToken(const QByteArray &authorization)
{
    if (!authorization.startsWith("Bearer ") || authorization.size() < 20 ||
        authorization.size() > 512)
        return false;
    const QByteArray token = authorization.mid(7);
    qsizetype i = 0;
    for (; i < token.size(); ++i) {
        const char c = token[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/'))
            break;
    }
    while (i < token.size() && token[i] == '=')
        ++i;
    return i == token.size();
}

QString tokenHash(const QByteArray &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

} // namespace

AccountService::AccountService(AccountStore &accounts, AgencyRecords &records, WallClock wall)
    : m_accounts(accounts), m_records(records), m_wall(std::move(wall))
{}

QString AccountService::createAccount(const QString &login, const QString &name,
                                      const QString &password, const QString &role)
{
    if (login.trimmed().isEmpty() || name.trimmed().isEmpty())
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("An account needs a login and a name"));
    if (password.size() < 8)
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("The password must have at least 8 characters"));
    if (role != QLatin1String("coordinator") && role != QLatin1String("supervisor"))
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("The role must be coordinator or supervisor"));
    if (m_accounts.accountByLogin(login))
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("There is already an account with this login"));
    const QString hash = PasswordHash::hash(password, m_passwordIterations);
    QString id =
        m_records.createRecord(QStringLiteral("coordinator"),
                               QJsonObject{{"name", name}, {"role", role}, {"active", true}});
    ServerTransaction tx = m_accounts.transaction(ServerTransaction::Write);
    m_accounts.insertAccount(Account{id, login, hash, role, name});
    tx.commit();
    audit(id, {}, QStringLiteral("account_created"), role);
    return id;
}

void AccountService::assignClient(const QString &clientId, const QString &login)
{
    const std::optional<Account> coordinator = m_accounts.accountByLogin(login);
    if (!coordinator)
        throw StoreError(StoreError::Code::NotFound, QStringLiteral("There is no such account"));
    m_records.assignClient(clientId, coordinator->id);
    audit(QStringLiteral("admin"), {}, QStringLiteral("client_assigned"), coordinator->id);
}

void AccountService::audit(const QString &actor, const QString &device, const QString &action,
                           const QString &detail)
{
    m_accounts.audit(nowIso(m_wall), actor, device, action, detail);
}

std::optional<Account> AccountService::checkPassword(const QString &login, const QString &password)
{
    std::optional<Account> found = m_accounts.accountByLogin(login);
    // Verify a hash even for an unknown login, so timing does not tell which logins exist.
    static const QString dummy = PasswordHash::hash(QStringLiteral("not a password"));
    const bool ok = PasswordHash::verify(password, found ? found->passwordHash : dummy);
    if (!found || !ok)
        return std::nullopt;
    return found;
}

QString AccountService::enrollDevice(const QString &login, const QString &password,
                                     const QString &deviceId, const QString &label,
                                     QString *accountId)
{
    const std::optional<Account> found = checkPassword(login, password);
    if (!found) {
        audit(login.left(64), deviceId.left(64), QStringLiteral("login_failed"), {});
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("The login or password is not right"));
    }
    if (!found->active)
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("This account was deactivated by the agency"));
    if (!RecordValidator::isUuid(deviceId))
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("The device id must be a UUID"));
    const QString account = found->id;
    const QByteArray token = newToken();
    ServerTransaction tx = m_accounts.transaction(ServerTransaction::Write);
    if (const auto owner = m_accounts.deviceOwner(deviceId)) {
        if (owner->first != account || owner->second != QLatin1String("active"))
            throw StoreError(StoreError::Code::InvalidInput,
                             QStringLiteral("This device cannot be enrolled again"));
        m_accounts.setDeviceToken(deviceId, tokenHash(token));
    } else {
        m_accounts.insertDevice(deviceId, account, tokenHash(token),
                                RecordValidator::leftCharacters(label, 200), nowIso(m_wall));
    }
    audit(account, deviceId, QStringLiteral("device_enrolled"), {});
    tx.commit();
    if (accountId)
        *accountId = account;
    return QString::fromLatin1(token);
}

QVector<DeviceInfo> AccountService::devices()
{
    return m_accounts.devices();
}

void AccountService::revokeDevice(const QString &deviceId, const QString &actor)
{
    ServerTransaction tx = m_accounts.transaction(ServerTransaction::Write);
    if (!m_accounts.revokeDevice(deviceId, nowIso(m_wall)))
        throw StoreError(StoreError::Code::NotFound, QStringLiteral("There is no such device"));
    audit(actor, deviceId, QStringLiteral("device_revoked"), {});
    tx.commit();
}

QVector<Account> AccountService::accounts()
{
    return m_accounts.accounts();
}

Account AccountService::existing(const QString &accountId)
{
    const std::optional<Account> account = m_accounts.accountById(accountId);
    if (!account)
        throw StoreError(StoreError::Code::NotFound, QStringLiteral("There is no such account"));
    return *account;
}

void AccountService::setRole(const QString &actor, const QString &accountId, const QString &role)
{
    if (role != QLatin1String("coordinator") && role != QLatin1String("supervisor"))
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("The role must be coordinator or supervisor"));
    const Account account = existing(accountId);
    if (account.role == role)
        return;
    m_records.updateStaffRecord(accountId, QJsonObject{{"role", role}}, actor);
    ServerTransaction tx = m_accounts.transaction(ServerTransaction::Write);
    m_accounts.setRole(accountId, role);
    m_accounts.audit(nowIso(m_wall), actor, {}, QStringLiteral("role_changed"),
                     accountId + QLatin1Char(' ') + role);
    tx.commit();
}

void AccountService::setActive(const QString &actor, const QString &accountId, bool active)
{
    const Account account = existing(accountId);
    if (account.active == active)
        return;
    if (!active && actor == accountId)
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("You cannot deactivate your own account"));
    m_records.updateStaffRecord(accountId, QJsonObject{{"active", active}}, actor);
    ServerTransaction tx = m_accounts.transaction(ServerTransaction::Write);
    m_accounts.setActive(accountId, active);
    if (!active)
        m_accounts.deleteSessionsOf(accountId);
    m_accounts.audit(nowIso(m_wall), actor, {},
                     active ? QStringLiteral("account_reactivated")
                            : QStringLiteral("account_deactivated"),
                     accountId);
    tx.commit();
}

void AccountService::resetPassword(const QString &actor, const QString &accountId,
                                   const QString &password)
{
    if (password.size() < 8)
        throw StoreError(StoreError::Code::InvalidInput,
                         QStringLiteral("The password must have at least 8 characters"));
    existing(accountId);
    const QString hash = PasswordHash::hash(password, m_passwordIterations);
    ServerTransaction tx = m_accounts.transaction(ServerTransaction::Write);
    m_accounts.setPasswordHash(accountId, hash);
    m_accounts.deleteSessionsOf(accountId);
    m_accounts.audit(nowIso(m_wall), actor, {}, QStringLiteral("password_reset"), accountId);
    tx.commit();
}

std::variant<Account, ServiceReply> AccountService::signIn(const QJsonObject &body,
                                                           const QString &remote)
{
    const QJsonValue login = body.value(QStringLiteral("login"));
    const QJsonValue password = body.value(QStringLiteral("password"));
    if (!login.isString() || !password.isString())
        return ServiceReply::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("login and password must be strings"));
    // The same counters as enrolment: guessing through the console or a tablet is one budget.
    const QString loginKey = QStringLiteral("login:") + login.toString().left(128);
    const QString ipKey = QStringLiteral("login-ip:") + remote;
    if (auto wait = throttled(loginKey, kMaxLoginFailures, kLoginWindowMs))
        return *wait;
    if (auto wait = throttled(ipKey, 4 * kMaxLoginFailures, kLoginWindowMs))
        return *wait;
    const std::optional<Account> account = checkPassword(login.toString(), password.toString());
    if (!account) {
        noteFailure(loginKey);
        noteFailure(ipKey);
        audit(login.toString().left(64), QStringLiteral("office"), QStringLiteral("login_failed"),
              {});
        return ServiceReply::error(401, QStringLiteral("sign_in_failed"),
                                   QStringLiteral("The login or password is not right"));
    }
    if (!account->active)
        return ServiceReply::error(403, QStringLiteral("account_deactivated"),
                                   QStringLiteral("This account was deactivated by the agency"));
    return *account;
}

std::optional<ServiceReply> AccountService::authenticate(const QByteArray &authorization,
                                                         Caller &caller)
{
    // Only wrong tokens are throttled: a valid token behind a busy address always works.
    const QString ipKey = QStringLiteral("token-ip:") + caller.remote;
    const std::optional<TokenHolder> holder =
        isBearerToken(authorization) ? m_accounts.tokenHolder(tokenHash(authorization.mid(7)))
                                     : std::nullopt;
    if (!holder) {
        if (auto wait = throttled(ipKey, kMaxTokenFailures, kTokenWindowMs))
            return wait;
        noteFailure(ipKey);
        audit({}, {}, QStringLiteral("token_rejected"), caller.remote.left(64));
        return ServiceReply::error(
            401, QStringLiteral("unauthenticated"),
            QStringLiteral("The device token is not valid: enrol the device again"));
    }
    if (holder->status != QLatin1String("active"))
        return ServiceReply::error(
            403, QStringLiteral("device_revoked"),
            QStringLiteral("This device was revoked by the agency; its data is wiped"));
    if (!holder->accountActive)
        return ServiceReply::error(
            403, QStringLiteral("account_deactivated"),
            QStringLiteral("This device's account was deactivated by the agency"));
    caller.deviceId = holder->deviceId;
    caller.accountId = holder->accountId;
    caller.role = holder->role;
    return std::nullopt;
}

std::optional<ServiceReply> AccountService::throttled(const QString &key, int maxFailures,
                                                      qint64 windowMs)
{
    const auto [count, earliest] = m_accounts.failuresSince(key, m_wall() - windowMs);
    if (count < maxFailures)
        return std::nullopt;
    const qint64 waitMs = earliest + windowMs - m_wall();
    const int minutes = int(qMax<qint64>(1, (waitMs + 59999) / 60000));
    ServiceReply reply = ServiceReply::error(
        429, QStringLiteral("too_many_attempts"),
        QStringLiteral("Too many failed attempts. Try again in %1 minute(s).").arg(minutes));
    const qint64 waitSeconds = (waitMs + 999) / 1000; // rounded up
    reply.body.insert(QStringLiteral("retryAfterSeconds"), double(waitSeconds));
    return reply;
}

void AccountService::noteFailure(const QString &key)
{
    m_accounts.noteFailure(key, m_wall(), m_wall() - qMax(kLoginWindowMs, kTokenWindowMs));
}

ServiceReply AccountService::enroll(const QJsonObject &body, const QString &remote)
{
    const QJsonValue login = body.value(QStringLiteral("login"));
    const QJsonValue password = body.value(QStringLiteral("password"));
    const QJsonValue deviceId = body.value(QStringLiteral("deviceId"));
    if (!login.isString() || !password.isString() || !deviceId.isString())
        return ServiceReply::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("login, password and deviceId must be strings"));
    const QString loginKey = QStringLiteral("login:") + login.toString().left(128);
    const QString ipKey = QStringLiteral("login-ip:") + remote;
    if (auto wait = throttled(loginKey, kMaxLoginFailures, kLoginWindowMs))
        return *wait;
    if (auto wait = throttled(ipKey, 4 * kMaxLoginFailures, kLoginWindowMs))
        return *wait;
    QString account;
    try {
        const QString token =
            enrollDevice(login.toString(), password.toString(), deviceId.toString(),
                         body.value(QStringLiteral("label")).toString(), &account);
        const std::optional<Account> enrolled = m_accounts.accountById(account);
        return ServiceReply{200, QJsonObject{{"token", token},
                                             {"accountId", account},
                                             {"role", enrolled->role},
                                             {"name", enrolled->name},
                                             {"epoch", m_records.epoch()}}};
    } catch (const StoreError &e) {
        const bool badPassword = e.message().contains(QLatin1String("login"));
        if (badPassword) {
            noteFailure(loginKey);
            noteFailure(ipKey);
        }
        return ServiceReply::error(badPassword ? 401 : 400, QStringLiteral("enrol_failed"),
                                   e.message());
    }
}

} // namespace careround
