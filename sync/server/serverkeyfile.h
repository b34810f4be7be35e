#pragma once

#include <QByteArray>
#include <QString>

namespace careround {

/**
 * The key file of an encrypted SQLite server store (`--key-file FILE`): the 256-bit
 * SQLCipher key as 64 hexadecimal characters, optionally followed by one newline, in a file
 * only its owner may read or write (no access for other users, no write for the group).
 * Errors throw StoreError (InvalidInput) with words fit for an administrator.
 */
class ServerKeyFile {
public:
    /** The 32 key bytes of the file; refuses a missing, world-accessible or malformed file. */
    static QByteArray read(const QString &path);
    /** Writes a new random key to path with mode 0600; refuses to overwrite a file. */
    static void generate(const QString &path);
    /** The key as SQLCipher takes it (the raw-key form, no passphrase derivation). */
    static QByteArray sqlcipherKey(const QByteArray &key32);

    static constexpr int kKeyBytes = 32;
};

} // namespace careround
