#include "calendarfeedcontroller.h"

#include "devicestore.h"
#include "synctransport.h"

#include <QThread>

#include <memory>

namespace careround {

CalendarFeedController::CalendarFeedController(QObject *parent) : QObject(parent) {}

QString CalendarFeedController::metaKey()
{
    return QStringLiteral("calendar.feedAddress");
}

void CalendarFeedController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::unlockedChanged, this, &CalendarFeedController::changed);
    emit sessionChanged();
    emit changed();
}

bool CalendarFeedController::available() const
{
    return m_session && m_session->serverAccess().isValid();
}

QString CalendarFeedController::address() const
{
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    return store ? store->meta().value(metaKey()) : QString();
}

void CalendarFeedController::make()
{
    request(QStringLiteral("/v1/calendar/feed"), true);
}

void CalendarFeedController::stop()
{
    request(QStringLiteral("/v1/calendar/revoke"), false);
}

void CalendarFeedController::request(const QString &path, bool making)
{
    if (m_busy || !available())
        return;
    const Session::ServerAccess access = m_session->serverAccess();
    m_busy = true;
    m_failed = false;
    m_message = making ? tr("Asking the agency server for a calendar address…")
                       : tr("Stopping the calendar feed…");
    emit changed();
    auto response = std::make_shared<SyncResponse>();
    QThread *worker = QThread::create([access, path, response] {
        HttpSyncTransport transport(access.server, access.token);
        transport.setPinnedCertificate(access.pinnedCertificate);
        *response = transport.post(path, {});
    });
    connect(worker, &QThread::finished, this, [this, worker, response, making, access] {
        worker->deleteLater();
        m_busy = false;
        DeviceStore *store = m_session ? m_session->store() : nullptr;
        const QString feedPath = response->body.value(QStringLiteral("path")).toString();
        if (!response->ok() || !store || (making && !feedPath.startsWith(QLatin1Char('/')))) {
            m_failed = true;
            const QString why = !response->networkError.isEmpty()
                                    ? response->networkError
                                    : response->body.value(QStringLiteral("message")).toString();
            m_message = making ? tr("No calendar address was made: %1").arg(why)
                               : tr("The calendar feed was not stopped: %1").arg(why);
        } else if (making) {
            QUrl url = access.server;
            url.setPath(feedPath);
            auto tx = store->transaction();
            store->meta().setValue(metaKey(), url.toString());
            tx.commit();
            m_message = tr("Subscribe to this address in your phone's calendar. It shows your "
                           "visits and appointments with the client's initials, never a name or "
                           "a health detail. A new address stops the old one.");
        } else {
            auto tx = store->transaction();
            store->meta().remove(metaKey());
            tx.commit();
            m_message = tr("The calendar feed is stopped: its address no longer works.");
        }
        emit changed();
        emit finished();
    });
    worker->start();
}

} // namespace careround
