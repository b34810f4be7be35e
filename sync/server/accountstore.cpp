#include "accountstore.h"

namespace careround {

namespace {

Account accountOf(const ServerDatabase::Row &row)
{
    return Account{row[0].toString(), row[1].toString(), row[2].toString(), row[3].toString(),
                   row[4].toString()};
}

} // namespace

std::optional<Account> AccountStore::accountByLogin(const QString &login)
{
    const auto rows = m_db.query(QStringLiteral("SELECT id, login, password_hash, role, name FROM "
                                                "account WHERE login = ?"),
                                 {login});
    return rows.isEmpty() ? std::nullopt : std::optional<Account>(accountOf(rows[0]));
}

std::optional<Account> AccountStore::accountById(const QString &id)
{
    const auto rows = m_db.query(QStringLiteral("SELECT id, login, password_hash, role, name FROM "
                                                "account WHERE id = ?"),
                                 {id});
    return rows.isEmpty() ? std::nullopt : std::optional<Account>(accountOf(rows[0]));
}

void AccountStore::insertAccount(const Account &account)
{
    m_db.exec(QStringLiteral("INSERT INTO account (id, login, password_hash, role, name) "
                             "VALUES (?, ?, ?, ?, ?)"),
              {account.id, account.login, account.passwordHash, account.role, account.name});
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
             "SELECT d.id, a.login, d.label, d.status, d.last_seq, d.enrolled_at FROM device d "
             "JOIN account a ON a.id = d.account_id ORDER BY a.login, d.enrolled_at")))
        out.append(DeviceInfo{row[0].toString(), row[1].toString(), row[2].toString(),
                              row[3].toString(), row[4].toLongLong(), row[5].toString()});
    return out;
}

std::optional<TokenHolder> AccountStore::tokenHolder(const QString &tokenHash)
{
    const auto rows =
        m_db.query(QStringLiteral("SELECT d.id, d.status, a.id, a.role FROM device d JOIN "
                                  "account a ON a.id = d.account_id WHERE d.token_hash = ?"),
                   {tokenHash});
    if (rows.isEmpty())
        return std::nullopt;
    return TokenHolder{rows[0][0].toString(), rows[0][1].toString(), rows[0][2].toString(),
                       rows[0][3].toString()};
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

void AccountStore::audit(const QString &at, const QString &actor, const QString &device,
                         const QString &action, const QString &detail)
{
    m_db.exec(QStringLiteral("INSERT INTO audit (at, actor, device, action, detail) VALUES "
                             "(?, ?, ?, ?, ?)"),
              {at, actor, device, action, detail});
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
