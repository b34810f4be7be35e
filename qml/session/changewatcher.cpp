#include "changewatcher.h"

#include "devicestore.h"
#include "session.h"

namespace careround {

ChangeWatcher::ChangeWatcher(QStringList kinds, Handler handler, Reload reload, QObject *parent)
    : QObject(parent), m_kinds(std::move(kinds)), m_handler(std::move(handler)),
      m_reload(std::move(reload))
{}

void ChangeWatcher::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::unlockedChanged, this, &ChangeWatcher::unlockedChanged);
    unlockedChanged();
}

void ChangeWatcher::unlockedChanged()
{
    attach();
    m_reload();
}

void ChangeWatcher::attach()
{
    ChangeFeed *feed = m_session && m_session->store() ? &m_session->store()->changes() : nullptr;
    if (feed == m_feed)
        return;
    if (m_feed)
        disconnect(m_feed, nullptr, this, nullptr);
    m_feed = feed;
    if (m_feed)
        connect(m_feed, &ChangeFeed::changed, this, [this](const Change &change) {
            if (change.touches(m_kinds, m_clientId))
                m_handler(change);
        });
}

} // namespace careround
