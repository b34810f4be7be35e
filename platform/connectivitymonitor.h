#pragma once

#include <QObject>

namespace careround {

/**
 * Whether the device has a network route. Only a hint: "online" means a route exists, not
 * that the agency server answers; the sync engine treats a failed request as offline too.
 */
class ConnectivityMonitor : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual bool isOnline() const = 0;
signals:
    void onlineChanged(bool online);
};

/** The platform's view through QNetworkInformation (NetworkManager, else glib). */
class NetworkInformationMonitor : public ConnectivityMonitor {
    Q_OBJECT
public:
    explicit NetworkInformationMonitor(QObject *parent = nullptr);
    bool isOnline() const override;

private:
    bool m_available = false;
};

/** A monitor set by hand: tests, and platforms without a backend. */
class ManualConnectivityMonitor : public ConnectivityMonitor {
    Q_OBJECT
public:
    explicit ManualConnectivityMonitor(bool online = true, QObject *parent = nullptr)
        : ConnectivityMonitor(parent), m_online(online)
    {}
    bool isOnline() const override { return m_online; }
    void setOnline(bool online)
    {
        if (online == m_online)
            return;
        m_online = online;
        emit onlineChanged(online);
    }

private:
    bool m_online;
};

} // namespace careround
