#pragma once

#include "changefeed.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace careround {

class Session;

/**
 * A screen's subscription to the store's ChangeFeed: follows the session's store (it appears
 * at unlock) and calls the handler only for changes of the watched kinds and client; the
 * screen loads whole (reload) when the session is set and each time it locks or unlocks. Models
 * that are not ScreenControllers (the list models of Today, the caseload, the conflicts) own
 * one; every ScreenController has one.
 */
class ChangeWatcher : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<void(const Change &)>;
    using Reload = std::function<void()>;
    ChangeWatcher(QStringList kinds, Handler handler, Reload reload, QObject *parent = nullptr);

    /** Follows this session (calls reload once it is set). */
    void setSession(Session *session);
    /** Changes of other clients are ignored (empty: every client's count). */
    void setClientId(const QString &id) { m_clientId = id; }
    void setKinds(const QStringList &kinds) { m_kinds = kinds; }
    const QStringList &kinds() const { return m_kinds; }

private:
    void attach();
    void unlockedChanged();

    QStringList m_kinds;
    Handler m_handler;
    Reload m_reload;
    QPointer<Session> m_session;
    QPointer<ChangeFeed> m_feed;
    QString m_clientId;
};

} // namespace careround
