#include "deviceaccount.h"

#include "keyvault.h"
#include "synctransport.h"

#include <QCoreApplication>
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

namespace {
std::optional<DeviceAccount::Failure> checkAddressAndLogin(const DeviceAccount::Enrolment &e)
{
    if (!e.server.isValid() ||
        (e.server.scheme() != QLatin1String("http") && e.server.scheme() != QLatin1String("https")))
        return DeviceAccount::Failure{
            QCoreApplication::translate("careround::DeviceAccount",
                                        "The server address must start with https:// (or http:// "
                                        "for a server on this computer)"),
            {}};
    if (e.login.trimmed().isEmpty() || e.password.isEmpty())
        return DeviceAccount::Failure{QCoreApplication::translate("careround::DeviceAccount",
                                                                  "Enter your login and password"),
                                      {}};
    return std::nullopt;
}
} // namespace

std::optional<DeviceAccount::Failure> DeviceAccount::enrol(const Enrolment &e)
{
    if (auto failure = checkAddressAndLogin(e))
        return failure;
    if (e.passphrase.size() < kPassphraseMinLength)
        return Failure{
            QCoreApplication::translate("careround::DeviceAccount",
                                        "The passphrase must have at least %1 characters")
                .arg(kPassphraseMinLength),
            {}};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    for (const QString &f : {storePath(), storePath() + "-wal", storePath() + "-shm", keyPath()})
        QFile::remove(f);
    const auto [dataKey, wrapped] = KeyVault::create(e.passphrase);
    DeviceStore::Options o;
    o.path = storePath();
    o.key = DeviceStore::rawKey(dataKey);
    o.backgroundCheckpoints = true; // the screens' connection: no commit waits for one
    auto store = DeviceStore::open(o);
    Grant grant;
    if (auto failure = requestGrant(e, store->deviceId(), grant)) {
        store.reset();
        for (const QString &f : {storePath(), storePath() + "-wal", storePath() + "-shm"})
            QFile::remove(f);
        return failure;
    }
    {
        auto tx = store->transaction();
        writeGrant(*store, grant);
        tx.commit();
    }
    // The key file is written last: a tablet is enrolled only when everything else is there.
    if (!KeyVault::save(keyPath(), wrapped))
        return Failure{QCoreApplication::translate("careround::DeviceAccount",
                                                   "This tablet could not save its key file"),
                       {}};
    m_store = std::move(store);
    m_storeKey = DeviceStore::rawKey(dataKey);
    return std::nullopt;
}

std::optional<DeviceAccount::Failure>
DeviceAccount::requestGrant(const Enrolment &e, const QString &deviceId, Grant &grant)
{
    if (auto failure = checkAddressAndLogin(e))
        return failure;
    HttpSyncTransport transport(e.server, {});
    transport.setPinnedCertificate(e.pinnedCertificate);
    const SyncResponse r = transport.post(
        QStringLiteral("/v1/enroll"), QJsonObject{{"login", e.login.trimmed()},
                                                  {"password", e.password},
                                                  {"deviceId", deviceId},
                                                  {"label", QStringLiteral("CareRound tablet")}});
    if (!r.ok()) {
        Failure failure{r.status == 0 ? r.networkError
                                      : r.body.value(QStringLiteral("message")).toString(),
                        {}};
        if (r.status == 0 && !transport.lastPeerCertificate().isEmpty())
            failure.certificateSeen = transport.lastPeerCertificate();
        return failure;
    }
    grant = Grant{e.server,
                  e.login.trimmed(),
                  e.pinnedCertificate,
                  r.body.value(QStringLiteral("token")).toString(),
                  r.body.value(QStringLiteral("accountId")).toString(),
                  r.body.value(QStringLiteral("role")).toString(),
                  r.body.value(QStringLiteral("name")).toString()};
    return std::nullopt;
}

void DeviceAccount::writeGrant(DeviceStore &store, const Grant &grant)
{
    MetaRepository &meta = store.meta();
    meta.setValue(QStringLiteral("account.server"), grant.server.toString());
    meta.setValue(QStringLiteral("account.token"), grant.token);
    meta.setValue(QStringLiteral("account.id"), grant.accountId);
    meta.setValue(QStringLiteral("account.role"), grant.role);
    meta.setValue(QStringLiteral("account.name"), grant.name);
    meta.setValue(QStringLiteral("account.login"), grant.login);
    meta.setValue(QStringLiteral("account.pin"),
                  QString::fromLatin1(grant.pinnedCertificate.toHex()));
}

DeviceAccount::Reenrolment DeviceAccount::reenrol(const Grant &grant)
{
    DeviceStore &store = *m_store;
    const QString oldLogin = login();
    const bool same = oldLogin.isEmpty() ? !grant.name.isEmpty() && grant.name == name()
                                         : oldLogin == grant.login;
    const QString oldAccount = accountId();
    const QString oldName = name();
    // One transaction: a tablet that dies here starts again on its old (unknown) token, with
    // nothing changed, and says again that the agency does not recognise it.
    auto tx = store.transaction();
    if (same) {
        store.outbox().replaceAccount(oldAccount, grant.accountId);
        store.meta().removeStartingWith(QStringLiteral("sync."));
    } else {
        store.outbox().keepPendingForReview();
        store.eraseKeepingReview(QStringLiteral("enrolled again for another coordinator"));
        store.meta().setValue(QStringLiteral("review.keptFrom"), oldName);
    }
    writeGrant(store, grant);
    store.meta().setValue(QStringLiteral("sync.rebase"), QStringLiteral("1"));
    tx.commit();
    if (!same)
        store.compact();
    return same ? Reenrolment::SameCoordinator : Reenrolment::OtherCoordinator;
}

std::optional<DeviceAccount::Failure> DeviceAccount::unlock(const QString &passphrase)
{
    const auto wrapped = KeyVault::load(keyPath());
    if (!wrapped)
        return Failure{QCoreApplication::translate("careround::DeviceAccount",
                                                   "This tablet is not enrolled yet"),
                       {}};
    const auto dataKey = KeyVault::unwrap(passphrase, *wrapped);
    if (!dataKey)
        return Failure{
            QCoreApplication::translate("careround::DeviceAccount", "That passphrase is not right"),
            {}};
    DeviceStore::Options o;
    o.path = storePath();
    o.key = DeviceStore::rawKey(*dataKey);
    o.backgroundCheckpoints = true;
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

QString DeviceAccount::login() const
{
    return m_store ? m_store->meta().value(QStringLiteral("account.login")) : QString();
}

QString DeviceAccount::name() const
{
    return m_store ? m_store->meta().value(QStringLiteral("account.name")) : QString();
}

QByteArray DeviceAccount::pinnedCertificate() const
{
    return m_store ? QByteArray::fromHex(
                         m_store->meta().value(QStringLiteral("account.pin")).toLatin1())
                   : QByteArray();
}

} // namespace careround
