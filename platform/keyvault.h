#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace careround {

/**
 * The device's data key (the 256-bit key of the encrypted store), wrapped by a key derived
 * from the coordinator's passphrase: PBKDF2-HMAC-SHA256 (OpenSSL) derives the wrapping key,
 * AES-256-GCM wraps the data key. Only the wrapped form is ever written to disk, so changing
 * the passphrase rewraps one small file and never re-encrypts the store.
 */
class KeyVault {
public:
    /** A new random data key wrapped by the passphrase: {key, wrapped form}. */
    static QPair<QByteArray, QJsonObject> create(const QString &passphrase,
                                                 int iterations = 310000);
    /** The data key, or nothing when the passphrase is wrong or the wrapped form damaged. */
    static std::optional<QByteArray> unwrap(const QString &passphrase, const QJsonObject &wrapped);
    /** The same data key wrapped by a new passphrase. */
    static QJsonObject rewrap(const QByteArray &dataKey, const QString &passphrase,
                              int iterations = 310000);

    /** Reads and writes the wrapped key file (atomically). */
    static std::optional<QJsonObject> load(const QString &path);
    static bool save(const QString &path, const QJsonObject &wrapped);
};

} // namespace careround
