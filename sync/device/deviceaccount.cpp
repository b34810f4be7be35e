#include "deviceaccount.h"

#include "keyvault.h"
#include "synctransport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace careround {

DeviceAccount::DeviceAccount(QString storePath) : m_path(std::move(storePath)) {}

QString DeviceAccount::storePath() const
{
    return m_path;
}

QString DeviceAccount::keyPath() const
{
    return m_path + QStringLiteral(".key");
}

bool DeviceAccount::isEnrolled() const
{
    return QFile::exists(keyPath());
}

std::optional<DeviceAccount::Failure> DeviceAccount::enrol(const Enrolment &e)
{
    if (!e.server.isValid() ||
        (e.server.scheme() != QLatin1String("http") && e.server.scheme() != QLatin1String("https")))
        return Failure{QStringLiteral("The server address must start with https:// (or http:// "
                                      "for a server on this computer)"),
                       {}};
    if (e.login.trimmed().isEmpty() || e.password.isEmpty())
        return Failure{QStringLiteral("Enter your login and password"), {}};
    if (e.passphrase.size() < kPassphraseMinLength)
        return Failure{QStringLiteral("The passphrase must have at least %1 characters")
                           .arg(kPassphraseMinLength),
                       {}};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    for (const QString &f : {storePath(), storePath() + "-wal", storePath() + "-shm", keyPath()})
        QFile::remove(f);
    const auto [dataKey, wrapped] = KeyVault::create(e.passphrase);
    DeviceStore::Options o;
    o.path = storePath();
    o.key = DeviceStore::rawKey(dataKey);
    auto store = DeviceStore::open(o);
    HttpSyncTransport transport(e.server, {});
    transport.setPinnedCertificate(e.pinnedCertificate);
    const SyncResponse r = transport.post(
        QStringLiteral("/v1/enroll"), QJsonObject{{"login", e.login.trimmed()},
                                                  {"password", e.password},
                                                  {"deviceId", store->deviceId()},
                                                  {"label", QStringLiteral("CareRound tablet")}});
    if (!r.ok()) {
        store.reset();
        for (const QString &f : {storePath(), storePath() + "-wal", storePath() + "-shm"})
            QFile::remove(f);
        Failure failure{r.status == 0 ? r.networkError
                                      : r.body.value(QStringLiteral("message")).toString(),
                        {}};
        if (r.status == 0 && !transport.lastPeerCertificate().isEmpty())
            failure.certificateSeen = transport.lastPeerCertificate();
        return failure;
    }
    {
        auto tx = store->transaction();
        store->meta().setValue(QStringLiteral("account.server"), e.server.toString());
        store->meta().setValue(QStringLiteral("account.token"),
                               r.body.value(QStringLiteral("token")).toString());
        store->meta().setValue(QStringLiteral("account.id"),
                               r.body.value(QStringLiteral("accountId")).toString());
        store->meta().setValue(QStringLiteral("account.role"),
                               r.body.value(QStringLiteral("role")).toString());
        store->meta().setValue(QStringLiteral("account.name"),
                               r.body.value(QStringLiteral("name")).toString());
        store->meta().setValue(QStringLiteral("account.pin"),
                               QString::fromLatin1(e.pinnedCertificate.toHex()));
        tx.commit();
    }
    // The key file is written last: a tablet is enrolled only when everything else is there.
    if (!KeyVault::save(keyPath(), wrapped))
        return Failure{QStringLiteral("This tablet could not save its key file"), {}};
    m_store = std::move(store);
    m_storeKey = DeviceStore::rawKey(dataKey);
    return std::nullopt;
}

std::optional<DeviceAccount::Failure> DeviceAccount::unlock(const QString &passphrase)
{
    const auto wrapped = KeyVault::load(keyPath());
    if (!wrapped)
        return Failure{QStringLiteral("This tablet is not enrolled yet"), {}};
    const auto dataKey = KeyVault::unwrap(passphrase, *wrapped);
    if (!dataKey)
        return Failure{QStringLiteral("That passphrase is not right"), {}};
    DeviceStore::Options o;
    o.path = storePath();
    o.key = DeviceStore::rawKey(*dataKey);
    try {
        m_store = DeviceStore::open(o);
    } catch (const StoreError &e) {
        return Failure{e.message(), {}};
    }
    m_storeKey = o.key;
    return std::nullopt;
}

void DeviceAccount::adopt(std::unique_ptr<DeviceStore> store, const QByteArray &sqlcipherKey)
{
    m_store = std::move(store);
    m_storeKey = sqlcipherKey;
}

QUrl DeviceAccount::server() const
{
    return QUrl(m_store ? m_store->meta().value(QStringLiteral("account.server")) : QString());
}

QByteArray DeviceAccount::token() const
{
    return m_store ? m_store->meta().value(QStringLiteral("account.token")).toUtf8() : QByteArray();
}

QString DeviceAccount::accountId() const
{
    return m_store ? m_store->meta().value(QStringLiteral("account.id")) : QString();
}

QString DeviceAccount::role() const
{
    return m_store ? m_store->meta().value(QStringLiteral("account.role")) : QString();
}

QByteArray DeviceAccount::pinnedCertificate() const
{
    return m_store ? QByteArray::fromHex(
                         m_store->meta().value(QStringLiteral("account.pin")).toLatin1())
                   : QByteArray();
}

} // namespace careround
