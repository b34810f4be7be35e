#include "pinlock.h"

#include "devicestore.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace careround {

namespace {

const QString kHash = QStringLiteral("pin.hash");
const QString kFailures = QStringLiteral("pin.failures");
constexpr int kIterations = 100000;

QByteArray derive(const QString &pin, const QByteArray &salt)
{
    const QByteArray pw = pin.toUtf8();
    QByteArray out(32, Qt::Uninitialized);
    PKCS5_PBKDF2_HMAC(pw.constData(), int(pw.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                      kIterations, EVP_sha256(), 32, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

} // namespace

bool PinLock::hasPin() const
{
    return !m_store.meta().value(kHash).isEmpty();
}

QString PinLock::setPin(const QString &pin)
{
    static const QRegularExpression digits(QStringLiteral("\\A\\d{4,8}\\z"));
    if (!digits.match(pin).hasMatch())
        return QCoreApplication::translate("careround::PinLock", "The PIN must be 4 to 8 digits");
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(salt.data()),
                                         reinterpret_cast<quint32 *>(salt.data() + 16));
    auto tx = m_store.transaction();
    m_store.meta().setValue(
        kHash, QString::fromLatin1(salt.toBase64() + '$' + derive(pin, salt).toBase64()));
    m_store.meta().setValue(kFailures, QStringLiteral("0"));
    tx.commit();
    return {};
}

PinLock::Result PinLock::verify(const QString &pin)
{
    const QStringList parts = m_store.meta().value(kHash).split(QLatin1Char('$'));
    if (parts.size() != 2)
        return Result::Wrong;
    if (attemptsLeft() <= 0)
        return Result::WipeRequired;
    const QByteArray salt = QByteArray::fromBase64(parts[0].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[1].toLatin1());
    const QByteArray got = derive(pin, salt);
    const bool ok =
        expected.size() == 32 && CRYPTO_memcmp(got.constData(), expected.constData(), 32) == 0;
    auto tx = m_store.transaction();
    const int failures = ok ? 0 : m_store.meta().value(kFailures, "0").toInt() + 1;
    m_store.meta().setValue(kFailures, QString::number(failures));
    tx.commit();
    if (ok)
        return Result::Unlocked;
    return failures >= m_max ? Result::WipeRequired : Result::Wrong;
}

int PinLock::attemptsLeft() const
{
    return qMax(0, m_max - m_store.meta().value(kFailures, "0").toInt());
}

} // namespace careround
