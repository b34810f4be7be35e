#pragma once

#include "changewatcher.h"
#include "session.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace careround {

class DeviceStore;
class LocalEditor;

/**
 * What every screen controller shares: the session, the error text of the last refused edit,
 * the one edit path (a LocalEditor call; a StoreError becomes errorText), and loading again
 * only when a change of the kinds (and the client) the screen shows arrives on the store's
 * ChangeFeed. A controller implements load(): read through the store's repositories, set its
 * properties.
 */
class ScreenController : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(careround::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString errorText() const { return m_error; }
    /** How many times the screen has read the store (tests count them). */
    int loadCount() const { return m_loads; }

    Q_INVOKABLE void clearError() { setError({}); }
    /** Reads the store again. */
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void errorTextChanged();

protected:
    /** kinds: the record kinds the screen shows; a change of another kind is ignored. */
    explicit ScreenController(QStringList kinds, QObject *parent = nullptr);

    /** Reads what the screen shows (the store may be null: locked). */
    virtual void load() = 0;
    /** A change the screen shows arrived: by default, load again. */
    virtual void onChange(const Change &change);
    /** Only changes of this client reach onChange (empty: every client's). */
    void watchClient(const QString &clientId) { m_watcher.setClientId(clientId); }

    DeviceStore *store() const;
    QDate today() const;
    /** Runs one edit; on StoreError keeps its message as errorText and returns false. */
    bool edit(const std::function<void(LocalEditor &)> &action);
    void setError(const QString &text);

private:
    QPointer<Session> m_session;
    ChangeWatcher m_watcher;
    QString m_error;
    int m_loads = 0;
};

} // namespace careround
