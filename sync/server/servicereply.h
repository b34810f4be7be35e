#pragma once

#include <QByteArray>
#include <QJsonObject>

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

} // namespace careround
