#include "keyvault.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>

#include <openssl/evp.h>

namespace careround {

namespace {

QByteArray random(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + n));
    return bytes;
}

QByteArray derive(const QString &passphrase, const QByteArray &salt, int iterations)
{
    const QByteArray pw = passphrase.toUtf8();
    QByteArray key(32, Qt::Uninitialized);
    PKCS5_PBKDF2_HMAC(pw.constData(), int(pw.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                      iterations, EVP_sha256(), 32, reinterpret_cast<unsigned char *>(key.data()));
    return key;
}

/** AES-256-GCM; encrypt when tag is empty (fills it), else decrypt and verify. */
std::optional<QByteArray> gcm(bool encrypt, const QByteArray &key, const QByteArray &nonce,
                              const QByteArray &input, QByteArray &tag)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    QByteArray out(input.size(), Qt::Uninitialized);
    int len = 0, total = 0;
    bool ok = EVP_CipherInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr,
                                encrypt ? 1 : 0) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, int(nonce.size()), nullptr) == 1 &&
              EVP_CipherInit_ex(ctx, nullptr, nullptr,
                                reinterpret_cast<const unsigned char *>(key.constData()),
                                reinterpret_cast<const unsigned char *>(nonce.constData()),
                                encrypt ? 1 : 0) == 1 &&
              EVP_CipherUpdate(ctx, reinterpret_cast<unsigned char *>(out.data()), &len,
                               reinterpret_cast<const unsigned char *>(input.constData()),
                               int(input.size())) == 1;
    total = len;
    if (ok && !encrypt)
        ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, int(tag.size()), tag.data()) == 1;
    ok = ok &&
         EVP_CipherFinal_ex(ctx, reinterpret_cast<unsigned char *>(out.data()) + total, &len) == 1;
    if (ok && encrypt) {
        tag = QByteArray(16, Qt::Uninitialized);
        ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag.data()) == 1;
    }
    EVP_CIPHER_CTX_free(ctx);
    if (!ok)
        return std::nullopt;
    return out;
}

} // namespace

QJsonObject KeyVault::rewrap(const QByteArray &dataKey, const QString &passphrase, int iterations)
{
    const QByteArray salt = random(16);
    const QByteArray nonce = random(12);
    QByteArray tag;
    const auto wrapped = gcm(true, derive(passphrase, salt, iterations), nonce, dataKey, tag);
    return QJsonObject{
        {"kdf", "pbkdf2-sha256"},
        {"iterations", iterations},
        {"salt", QString::fromLatin1(salt.toBase64())},
        {"cipher", "aes-256-gcm"},
        {"nonce", QString::fromLatin1(nonce.toBase64())},
        {"wrappedKey", QString::fromLatin1(wrapped.value_or(QByteArray()).toBase64())},
        {"tag", QString::fromLatin1(tag.toBase64())}};
}

QPair<QByteArray, QJsonObject> KeyVault::create(const QString &passphrase, int iterations)
{
    const QByteArray key = random(32);
    return {key, rewrap(key, passphrase, iterations)};
}

std::optional<QByteArray> KeyVault::unwrap(const QString &passphrase, const QJsonObject &wrapped)
{
    const int iterations = wrapped.value(QStringLiteral("iterations")).toInt();
    const QByteArray salt =
        QByteArray::fromBase64(wrapped.value(QStringLiteral("salt")).toString().toLatin1());
    const QByteArray nonce =
        QByteArray::fromBase64(wrapped.value(QStringLiteral("nonce")).toString().toLatin1());
    const QByteArray cipher =
        QByteArray::fromBase64(wrapped.value(QStringLiteral("wrappedKey")).toString().toLatin1());
    QByteArray tag =
        QByteArray::fromBase64(wrapped.value(QStringLiteral("tag")).toString().toLatin1());
    if (iterations < 1 || salt.size() != 16 || nonce.size() != 12 || cipher.size() != 32 ||
        tag.size() != 16)
        return std::nullopt;
    return gcm(false, derive(passphrase, salt, iterations), nonce, cipher, tag);
}

std::optional<QJsonObject> KeyVault::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

bool KeyVault::save(const QString &path, const QJsonObject &wrapped)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(wrapped).toJson());
    return f.commit();
}

} // namespace careround
