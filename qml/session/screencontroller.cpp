#include "screencontroller.h"

#include "devicestore.h"
#include "localeditor.h"

namespace careround {

ScreenController::ScreenController(QStringList kinds, QObject *parent)
    : QObject(parent), m_watcher(
                           std::move(kinds), [this](const Change &change) { onChange(change); },
                           [this] { reload(); })
{}

void ScreenController::setSession(Session *session)
{
    if (m_session == session)
        return;
    m_session = session;
    emit sessionChanged();
    m_watcher.setSession(session);
}

void ScreenController::reload()
{
    ++m_loads;
    load();
}

void ScreenController::onChange(const Change &)
{
    reload();
}

DeviceStore *ScreenController::store() const
{
    return m_session ? m_session->store() : nullptr;
}

QDate ScreenController::today() const
{
    return m_session ? m_session->today() : QDate::currentDate();
}

bool ScreenController::edit(const std::function<void(LocalEditor &)> &action)
{
    if (!m_session || !m_session->editor()) {
        setError(tr("The store is locked: unlock it to make changes"));
        return false;
    }
    try {
        action(*m_session->editor());
    } catch (const StoreError &e) {
        setError(e.message());
        reload(); // a refused edit shows the stored values again
        return false;
    }
    setError({});
    return true;
}

void ScreenController::setError(const QString &text)
{
    if (m_error == text)
        return;
    m_error = text;
    emit errorTextChanged();
}

} // namespace careround
