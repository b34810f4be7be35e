#include "session.h"

#include "devicestore.h"
#include "localeditor.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>

namespace careround {

Session::Session(QString storePath, QObject *parent) : QObject(parent), m_path(std::move(storePath))
{
    m_statusTimer.setInterval(5000);
    connect(&m_statusTimer, &QTimer::timeout, this, &Session::refreshStatus);
}

Session::~Session() = default;

bool Session::storeExists() const
{
    return QFileInfo::exists(m_path);
}

void Session::open(const QByteArray &passphrase)
{
    DeviceStore::Options options;
    options.path = m_path;
    options.key = passphrase;
    adopt(DeviceStore::open(options));
}

void Session::adopt(std::unique_ptr<DeviceStore> store)
{
    m_store = std::move(store);
    const QString actor =
        m_store->meta().value(QStringLiteral("coordinatorId"), m_store->deviceId());
    m_editor = std::make_unique<LocalEditor>(*m_store, actor);
    m_statusTimer.start();
    refreshStatus();
    emit unlockedChanged();
    emit dataChanged();
}

void Session::refreshStatus()
{
    if (!m_store)
        return;
    const int pending = int(m_store->outbox().count());
    const qint64 lastSync = m_store->meta().value(QStringLiteral("sync.lastSuccess")).toLongLong();
    const QString text = lastSync > 0
                             ? tr("Last synced %1")
                                   .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(lastSync),
                                                           QLocale::ShortFormat))
                             : tr("Not synced yet");
    if (pending != m_pending || text != m_syncText) {
        m_pending = pending;
        m_syncText = text;
        emit statusChanged();
    }
}

void Session::notifyDataChanged()
{
    refreshStatus();
    emit dataChanged();
}

} // namespace careround
