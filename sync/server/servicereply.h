#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace careround {

/** A reply of the agency server: HTTP status and JSON body. */
struct ServiceReply {
    int status = 200;
    QJsonObject body;
    /** The body already encoded as JSON (the pull's pages, spliced from stored JSON text);
        when set it is what is sent, and body is empty. */
    QByteArray json = {};
    /** A Set-Cookie value to send ("name=value" and its own attributes; the HTTP layer adds
        Path, HttpOnly, SameSite=Strict and, under TLS, Secure). Empty: none. */
    QByteArray cookie = {};

    /** The JSON sent for this reply. */
    QByteArray encoded() const;
    /** The body as an object, decoding json when that is what the reply holds. */
    QJsonObject object() const;
    /** An error reply: the protocol's error body with its code and a message for people. */
    static ServiceReply error(int status, const QString &code, const QString &message);
};

/**
 * The page a listing GET asks for: a cursor (the query item `afterName`, "after" unless told)
 * and `limit`, read as strictly as the pull's query: each given once, `limit` decimal digits
 * only and within 1..maxLimit (defaultLimit when absent), the cursor, when given, accepted by
 * `validAfter` (an empty one never is). A bad query leaves its 400 reply in `error`.
 */
struct PageRequest {
    QString after;
    int limit = 0;
    std::optional<ServiceReply> error;

    static PageRequest parse(const QUrlQuery &query, int defaultLimit, int maxLimit,
                             const std::function<bool(const QString &)> &validAfter,
                             const QString &afterRule,
                             const QString &afterName = QStringLiteral("after"));
};

} // namespace careround
