#include "connectivitymonitor.h"

#include <QNetworkInformation>

namespace careround {

NetworkInformationMonitor::NetworkInformationMonitor(QObject *parent) : ConnectivityMonitor(parent)
{
    m_available =
        QNetworkInformation::instance() ||
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    if (!m_available)
        return;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this] { emit onlineChanged(isOnline()); });
}

bool NetworkInformationMonitor::isOnline() const
{
    // Without a backend we cannot tell: assume a route and let the requests decide.
    if (!m_available)
        return true;
    const auto r = QNetworkInformation::instance()->reachability();
    return r != QNetworkInformation::Reachability::Disconnected;
}

} // namespace careround
