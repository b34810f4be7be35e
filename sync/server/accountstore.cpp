#include "accountstore.h"

namespace careround {

namespace {

Account accountOf(const ServerDatabase::Row &row)
{
    return Account{row[0].toString(), row[1].toString(), row[2].toString(),
                   row[3].toString(), row[4].toString(), row[5].toInt() != 0};
}

} // namespace

std::optional<Account> AccountStore::accountByLogin(const QString &login)
{
    const auto rows =
        m_db.query(QStringLiteral("SELECT id, login, password_hash, role, name, active "
                                  "FROM account WHERE login = ?"),
                   {login});
    return rows.isEmpty() ? std::nullopt : std::optional<Account>(accountOf(rows[0]));
}

std::optional<Account> AccountStore::accountById(const QString &id)
{
    const auto rows =
        m_db.query(QStringLiteral("SELECT id, login, password_hash, role, name, active "
                                  "FROM account WHERE id = ?"),
                   {id});
    return rows.isEmpty() ? std::nullopt : std::optional<Account>(accountOf(rows[0]));
}

void AccountStore::insertAccount(const Account &account)
{
    m_db.exec(QStringLiteral("INSERT INTO account (id, login, password_hash, role, name, active) "
                             "VALUES (?, ?, ?, ?, ?, ?)"),
              {account.id, account.login, account.passwordHash, account.role, account.name,
               account.active ? 1 : 0});
}

QVector<Account> AccountStore::accounts()
{
    QVector<Account> out;
    for (const auto &row : m_db.query(QStringLiteral(
             "SELECT id, login, password_hash, role, name, active FROM account ORDER BY login")))
        out.append(accountOf(row));
    return out;
}

void AccountStore::setRole(const QString &accountId, const QString &role)
{
    m_db.exec(QStringLiteral("UPDATE account SET role = ? WHERE id = ?"), {role, accountId});
}

void AccountStore::setActive(const QString &accountId, bool active)
{
    m_db.exec(QStringLiteral("UPDATE account SET active = ? WHERE id = ?"),
              {active ? 1 : 0, accountId});
}

void AccountStore::setPasswordHash(const QString &accountId, const QString &hash)
{
    m_db.exec(QStringLiteral("UPDATE account SET password_hash = ? WHERE id = ?"),
              {hash, accountId});
}

std::optional<QPair<QString, QString>> AccountStore::deviceOwner(const QString &deviceId)
{
    const auto rows = m_db.query(
        QStringLiteral("SELECT account_id, status FROM device WHERE id = ?"), {deviceId});
    if (rows.isEmpty())
        return std::nullopt;
    return qMakePair(rows[0][0].toString(), rows[0][1].toString());
}

void AccountStore::insertDevice(const QString &deviceId, const QString &accountId,
                                const QString &tokenHash, const QString &label,
                                const QString &enrolledAt)
{
    m_db.exec(QStringLiteral("INSERT INTO device (id, account_id, token_hash, label, status, "
                             "last_seq, enrolled_at) VALUES (?, ?, ?, ?, 'active', 0, ?)"),
              {deviceId, accountId, tokenHash, label, enrolledAt});
}

void AccountStore::setDeviceToken(const QString &deviceId, const QString &tokenHash)
{
    m_db.exec(QStringLiteral("UPDATE device SET token_hash = ? WHERE id = ?"),
              {tokenHash, deviceId});
}

bool AccountStore::revokeDevice(const QString &deviceId, const QString &at)
{
    m_db.exec(QStringLiteral("UPDATE device SET status = 'revoked', revoked_at = ? WHERE id = ?"),
              {at, deviceId});
    return m_db.affected() > 0;
}

QVector<DeviceInfo> AccountStore::devices()
{
    QVector<DeviceInfo> out;
    for (const auto &row : m_db.query(QStringLiteral(
             "SELECT d.id, a.login, d.label, d.status, d.last_seq, d.enrolled_at, d.last_seen, "
             "d.app_version, d.schema_version, d.pending, a.id FROM device d "
             "JOIN account a ON a.id = d.account_id ORDER BY a.login, d.enrolled_at")))
        out.append(DeviceInfo{row[0].toString(), row[1].toString(), row[2].toString(),
                              row[3].toString(), row[4].toLongLong(), row[5].toString(),
                              row[6].toString(), row[7].toString(), row[8].toInt(),
                              row[9].isNull() ? -1 : row[9].toLongLong(), row[10].toString()});
    return out;
}

QHash<QString, QString> AccountStore::deviceOwnerNames()
{
    QHash<QString, QString> names;
    for (const auto &row : m_db.query(QStringLiteral(
             "SELECT d.id, a.name FROM device d JOIN account a ON a.id = d.account_id")))
        names.insert(row[0].toString(), row[1].toString());
    return names;
}

std::optional<TokenHolder> AccountStore::tokenHolder(const QString &tokenHash)
{
    const auto rows =
        m_db.query(QStringLiteral("SELECT d.id, d.status, a.id, a.role, a.active FROM device d "
                                  "JOIN account a ON a.id = d.account_id WHERE d.token_hash = ?"),
                   {tokenHash});
    if (rows.isEmpty())
        return std::nullopt;
    return TokenHolder{rows[0][0].toString(), rows[0][1].toString(), rows[0][2].toString(),
                       rows[0][3].toString(), rows[0][4].toInt() != 0};
}

qint64 AccountStore::lastDeviceSeq(const QString &deviceId)
{
    return m_db.scalar(QStringLiteral("SELECT last_seq FROM device WHERE id = ?"), {deviceId})
        .toLongLong();
}

void AccountStore::setLastDeviceSeq(const QString &deviceId, qint64 seq)
{
    m_db.exec(QStringLiteral("UPDATE device SET last_seq = ? WHERE id = ?"), {seq, deviceId});
}

void AccountStore::noteContact(const QString &deviceId, const QString &at,
                               const QString &appVersion, int schemaVersion, qint64 pending)
{
    m_db.exec(QStringLiteral("UPDATE device SET last_seen = ?, app_version = ?, schema_version = "
                             "?, pending = ? WHERE id = ?"),
              {at, appVersion, schemaVersion,
               pending < 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(pending),
               deviceId});
}

void AccountStore::audit(const QString &at, const QString &actor, const QString &device,
                         const QString &action, const QString &detail)
{
    m_db.exec(QStringLiteral("INSERT INTO audit (at, actor, device, action, detail) VALUES "
                             "(?, ?, ?, ?, ?)"),
              {at, actor, device, action, detail});
}

QVector<AuditEntry> AccountStore::auditEntries(const QString &actor, const QString &detail,
                                               const QString &from, const QString &to, int limit)
{
    SqlFilters where;
    where.add(actor, " AND actor = ?")
        .add(detail, " AND detail = ?")
        .add(from, " AND at >= ?")
        .add(to, " AND at < ?");
    const QString sql =
        QStringLiteral("SELECT at, actor, device, action, detail FROM audit WHERE 1 = 1") +
        where.sql + QStringLiteral(" ORDER BY at DESC LIMIT %1").arg(limit);
    QVector<AuditEntry> out;
    for (const auto &row : m_db.query(sql, where.params))
        out.append(AuditEntry{row[0].toString(), row[1].toString(), row[2].toString(),
                              row[3].toString(), row[4].toString()});
    return out;
}

void AccountStore::insertSession(const QString &tokenHash, const OfficeSession &session)
{
    m_db.exec(QStringLiteral("INSERT INTO office_session (token_hash, account_id, csrf, "
                             "created_ms, seen_ms) VALUES (?, ?, ?, ?, ?)"),
              {tokenHash, session.accountId, session.csrf, session.createdMs, session.seenMs});
}

std::optional<OfficeSession> AccountStore::session(const QString &tokenHash)
{
    const auto rows = m_db.query(QStringLiteral("SELECT account_id, csrf, created_ms, seen_ms FROM "
                                                "office_session WHERE token_hash = ?"),
                                 {tokenHash});
    if (rows.isEmpty())
        return std::nullopt;
    return OfficeSession{rows[0][0].toString(), rows[0][1].toString(), rows[0][2].toLongLong(),
                         rows[0][3].toLongLong()};
}

void AccountStore::touchSession(const QString &tokenHash, qint64 seenMs)
{
    m_db.exec(QStringLiteral("UPDATE office_session SET seen_ms = ? WHERE token_hash = ?"),
              {seenMs, tokenHash});
}

void AccountStore::deleteSession(const QString &tokenHash)
{
    m_db.exec(QStringLiteral("DELETE FROM office_session WHERE token_hash = ?"), {tokenHash});
}

void AccountStore::deleteSessionsOf(const QString &accountId)
{
    m_db.exec(QStringLiteral("DELETE FROM office_session WHERE account_id = ?"), {accountId});
}

void AccountStore::deleteIdleSessions(qint64 idleBefore)
{
    m_db.exec(QStringLiteral("DELETE FROM office_session WHERE seen_ms < ?"), {idleBefore});
}

QStringList AccountStore::activeDevicesOf(const QString &accountId)
{
    QStringList out;
    for (const auto &row : m_db.query(QStringLiteral("SELECT id FROM device WHERE account_id = ? "
                                                     "AND status = 'active' ORDER BY id"),
                                      {accountId}))
        out.append(row[0].toString());
    return out;
}

QPair<qint64, qint64> AccountStore::failuresSince(const QString &key, qint64 since)
{
    const auto rows = m_db.query(
        QStringLiteral("SELECT count(*), min(at) FROM auth_failure WHERE key = ? AND at > ?"),
        {key, since});
    if (rows.isEmpty())
        return {0, 0};
    return {rows[0][0].toLongLong(), rows[0][1].toLongLong()};
}

void AccountStore::noteFailure(const QString &key, qint64 at, qint64 forgetBefore)
{
    m_db.exec(QStringLiteral("DELETE FROM auth_failure WHERE at < ?"), {forgetBefore});
    m_db.exec(QStringLiteral("INSERT INTO auth_failure (key, at) VALUES (?, ?)"), {key, at});
}

} // namespace careround
