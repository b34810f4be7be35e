#include "serverkeyfile.h"

#include "devicestore.h"
#include "sqlitedatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace careround {

namespace {
constexpr qsizetype kHexLength = qsizetype(2) * ServerKeyFile::kKeyBytes;

[[noreturn]] void refuse(const QString &message)
{
    throw StoreError(StoreError::Code::InvalidInput, message);
}
} // namespace

QByteArray ServerKeyFile::read(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        refuse(QStringLiteral("The key file %1 does not exist (create one with "
                              "`careround-server admin generate-key FILE`)")
                   .arg(path));
    constexpr QFile::Permissions open =
        QFile::ReadOther | QFile::WriteOther | QFile::ExeOther | QFile::WriteGroup;
    if (info.permissions() & open)
        refuse(QStringLiteral("The key file %1 may be read or changed by other users: make it "
                              "private with `chmod 600 %1`")
                   .arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        refuse(QStringLiteral("The key file %1 cannot be read: %2").arg(path, file.errorString()));
    QByteArray text = file.read(kHexLength + 2);
    if (text.endsWith('\n'))
        text.chop(1);
    const bool hex = std::all_of(text.cbegin(), text.cend(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
    if (text.size() != kHexLength || !hex)
        refuse(QStringLiteral("The key file %1 must hold exactly %2 hexadecimal characters (a "
                              "256-bit key), optionally followed by a newline")
                   .arg(path)
                   .arg(kHexLength));
    return QByteArray::fromHex(text);
}

void ServerKeyFile::generate(const QString &path)
{
    std::array<quint32, kKeyBytes / sizeof(quint32)> words{};
    QRandomGenerator::system()->generate(words.begin(), words.end());
    const QByteArray key(reinterpret_cast<const char *>(words.data()), kKeyBytes);
    QFile file(path);
    // Created with mode 0600 before any byte is written; an existing file is never replaced.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner))
        refuse(QStringLiteral("Cannot create the key file %1: %2 (an existing key file is never "
                              "replaced)")
                   .arg(path, file.errorString()));
    if (file.write(key.toHex() + '\n') != kHexLength + 1 || !file.flush()) {
        file.remove();
        refuse(QStringLiteral("Cannot write the key file %1").arg(path));
    }
}

QByteArray ServerKeyFile::sqlcipherKey(const QByteArray &key32)
{
    return DeviceStore::rawKey(key32);
}

} // namespace careround
