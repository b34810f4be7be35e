#pragma once

#include "accountservice.h"
#include "accountstore.h"
#include "caller.h"
#include "servicereply.h"

namespace careround {

/**
 * The office console's sign-in sessions: a password sign-in (AccountService::signIn, rate
 * limited like enrolment) opens a session stored in the server database (the token's
 * SHA-256, never the token) with its own CSRF token; the browser holds the token in an
 * HttpOnly, SameSite=Strict cookie and sends the CSRF token in a header on every request that
 * changes state. A session ends at sign-out, after kIdleMinutes without a request, when its
 * account is deactivated or its password reset. Office requests act as Caller{deviceId:
 * "office"}.
 */
class OfficeSessions {
public:
    static constexpr int kDefaultIdleMinutes = 30;
    /** The cookie's name. */
    static QByteArray cookieName() { return QByteArrayLiteral("careround_session"); }
    /** The device id office requests are recorded with (history, audit). */
    static QString officeDevice() { return QStringLiteral("office"); }

    OfficeSessions(AccountStore &accounts, AccountService &service,
                   WallClock wall = systemWallClock())
        : m_accounts(accounts), m_service(service), m_wall(std::move(wall))
    {}

    void setIdleMinutes(int minutes) { m_idleMs = qint64(minutes) * 60 * 1000; }

    /** POST /v1/office/session: {login, password} -> the account and a CSRF token; the
        reply's cookie opens the session. */
    ServiceReply signIn(const QJsonObject &body, const QString &remote);
    /**
     * The caller of a request carrying this cookie token (and, when it changes state, this
     * CSRF header), or the reply to send instead: 401 no or ended session, 403 bad CSRF.
     */
    std::optional<ServiceReply> resume(const QByteArray &token, const QByteArray &csrf,
                                       bool changesState, Caller &caller);
    /** GET /v1/office/session: who is signed in, and the CSRF token again (after a reload). */
    ServiceReply current(const Caller &caller);
    /** POST /v1/office/session/end: ends the session; the reply's cookie clears it. */
    ServiceReply signOut(const QByteArray &token, const Caller &caller);

    /** The session token from a Cookie header (empty when there is none). */
    static QByteArray tokenFromCookies(const QByteArray &cookieHeader);

private:
    AccountStore &m_accounts;
    AccountService &m_service;
    WallClock m_wall;
    qint64 m_idleMs = qint64(kDefaultIdleMinutes) * 60 * 1000;
};

} // namespace careround
