#pragma once

#include "screencontroller.h"

#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * The coordinator's calendar feed for a phone, made and stopped from the tablet: make() asks
 * the agency server for a new secret address (`POST /v1/calendar/feed`, which ends any older
 * one) and stop() revokes it (`POST /v1/calendar/revoke`). The address is kept in the
 * tablet's encrypted store, so it can be shown again; the server keeps only its hash. Each
 * request runs on a thread of its own, so the screen never waits for the network; a request
 * that fails says why in errorText. Available only on an enrolled tablet (a local store has
 * no server).
 */
class CalendarFeedController : public ScreenController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool available READ available NOTIFY changed)
    Q_PROPERTY(QString address READ address NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    /** What the last request did, in plain words (empty at first, and after a failure). */
    Q_PROPERTY(QString message READ message NOTIFY changed)

public:
    explicit CalendarFeedController(QObject *parent = nullptr);

    bool available() const;
    QString address() const { return m_address; }
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }

    /** A new address (the old one stops working). */
    Q_INVOKABLE void make();
    /** No address any more: the feed answers 404. */
    Q_INVOKABLE void stop();

    /** The store's meta key of the address. */
    static QString metaKey();

signals:
    void changed();
    /** A request ended (tests wait for it). */
    void finished();

protected:
    void load() override;

private:
    void request(const QString &path, bool making);
    QString m_address;
    bool m_busy = false;
    QString m_message;
};

} // namespace careround
