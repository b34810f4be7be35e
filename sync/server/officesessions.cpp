#include "officesessions.h"

#include "sqlitedatabase.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace careround {

namespace {

QByteArray randomToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString hashOf(const QByteArray &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

QJsonObject accountJson(const Account &a)
{
    return QJsonObject{{"id", a.id}, {"login", a.login}, {"name", a.name}, {"role", a.role}};
}

/** The same length and every byte compared, so timing does not tell how much matched. */
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

ServiceReply signedOut()
{
    return ServiceReply::error(401, QStringLiteral("unauthenticated"),
                               QStringLiteral("Sign in to the office console"));
}

} // namespace

QByteArray OfficeSessions::tokenFromCookies(const QByteArray &cookieHeader)
{
    for (QByteArray part : cookieHeader.split(';')) {
        part = part.trimmed();
        if (part.startsWith(cookieName() + '='))
            return part.mid(cookieName().size() + 1);
    }
    return {};
}

ServiceReply OfficeSessions::signIn(const QJsonObject &body, const QString &remote)
{
    const std::variant<Account, ServiceReply> result = m_service.signIn(body, remote);
    if (const auto *refused = std::get_if<ServiceReply>(&result))
        return *refused;
    const Account &account = std::get<Account>(result);
    const QByteArray token = randomToken();
    const QByteArray csrf = randomToken();
    const qint64 now = m_wall();
    ServerTransaction tx = m_accounts.transaction(ServerTransaction::Write);
    m_accounts.deleteIdleSessions(now - m_idleMs);
    m_accounts.insertSession(hashOf(token),
                             OfficeSession{account.id, QString::fromLatin1(csrf), now, now});
    tx.commit();
    m_service.audit(account.id, officeDevice(), QStringLiteral("office_sign_in"), {});
    ServiceReply reply{
        200, QJsonObject{{"account", accountJson(account)}, {"csrf", QString::fromLatin1(csrf)}}};
    reply.cookie = cookieName() + '=' + token;
    return reply;
}

std::optional<ServiceReply> OfficeSessions::resume(const QByteArray &token, const QByteArray &csrf,
                                                   bool changesState, Caller &caller)
{
    if (token.isEmpty() || token.size() > 128)
        return signedOut();
    const QString hash = hashOf(token);
    const std::optional<OfficeSession> session = m_accounts.session(hash);
    const qint64 now = m_wall();
    if (!session)
        return signedOut();
    if (session->seenMs < now - m_idleMs) {
        ServerTransaction tx = m_accounts.transaction(ServerTransaction::Write);
        m_accounts.deleteSession(hash);
        tx.commit();
        return ServiceReply::error(401, QStringLiteral("session_expired"),
                                   QStringLiteral("The session ended after a time without use: "
                                                  "sign in again"));
    }
    const std::optional<Account> account = m_accounts.accountById(session->accountId);
    if (!account || !account->active)
        return signedOut();
    if (changesState && !sameSecret(csrf, session->csrf.toLatin1()))
        return ServiceReply::error(403, QStringLiteral("csrf"),
                                   QStringLiteral("The request did not carry the session's "
                                                  "CSRF token: reload the page"));
    // Written at most once a minute: reading pages does not write on every request.
    if (now - session->seenMs > qint64(60) * 1000) {
        ServerTransaction tx = m_accounts.transaction(ServerTransaction::Write);
        m_accounts.touchSession(hash, now);
        tx.commit();
    }
    caller.deviceId = officeDevice();
    caller.accountId = account->id;
    caller.role = account->role;
    caller.csrf = session->csrf;
    return std::nullopt;
}

ServiceReply OfficeSessions::current(const Caller &caller)
{
    const std::optional<Account> account = m_accounts.accountById(caller.accountId);
    return ServiceReply{200,
                        QJsonObject{{"account", accountJson(*account)}, {"csrf", caller.csrf}}};
}

ServiceReply OfficeSessions::signOut(const QByteArray &token, const Caller &caller)
{
    ServerTransaction tx = m_accounts.transaction(ServerTransaction::Write);
    m_accounts.deleteSession(hashOf(token));
    tx.commit();
    m_service.audit(caller.accountId, officeDevice(), QStringLiteral("office_sign_out"), {});
    ServiceReply reply{200, QJsonObject{{"signedOut", true}}};
    reply.cookie = cookieName() + "=; Max-Age=0";
    return reply;
}

} // namespace careround
