#pragma once

#include <QString>

namespace careround {

/** Password hashing with OpenSSL's PBKDF2-HMAC-SHA256 ("pbkdf2-sha256$iterations$salt$hash"). */
namespace PasswordHash {
QString hash(const QString &password, int iterations = 200000);
bool verify(const QString &password, const QString &stored);
} // namespace PasswordHash

} // namespace careround
