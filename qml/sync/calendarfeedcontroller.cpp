#include "calendarfeedcontroller.h"

#include "devicestore.h"
#include "synctransport.h"

#include <QThread>

#include <memory>

namespace careround {

// No record kind: the address is store meta, read again when the store opens or is emptied.
CalendarFeedController::CalendarFeedController(QObject *parent) : ScreenController({}, parent) {}

QString CalendarFeedController::metaKey()
{
    return QStringLiteral("calendar.feedAddress");
}

bool CalendarFeedController::available() const
{
    return session() && session()->serverAccess().isValid();
}

void CalendarFeedController::load()
{
    m_address = store() ? store()->meta().value(metaKey()) : QString();
    emit changed();
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
    const Session::ServerAccess access = session()->serverAccess();
    m_busy = true;
    setError({});
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
        m_message.clear();
        const QString feedPath = response->body.value(QStringLiteral("path")).toString();
        if (!response->ok() || !store() || (making && !feedPath.startsWith(QLatin1Char('/')))) {
            const QString why = !response->networkError.isEmpty()
                                    ? response->networkError
                                    : response->body.value(QStringLiteral("message")).toString();
            setError(making ? tr("No calendar address was made: %1").arg(why)
                            : tr("The calendar feed was not stopped: %1").arg(why));
        } else {
            QUrl url = access.server;
            url.setPath(feedPath);
            auto tx = store()->transaction();
            if (making)
                store()->meta().setValue(metaKey(), url.toString());
            else
                store()->meta().remove(metaKey());
            tx.commit();
            m_message =
                making ? tr("Subscribe to this address in your phone's calendar. It shows your "
                            "visits and appointments with the client's initials, never a name "
                            "or a health detail. A new address stops the old one.")
                       : tr("The calendar feed is stopped: its address no longer works.");
        }
        load();
        emit finished();
    });
    worker->start();
}

} // namespace careround
