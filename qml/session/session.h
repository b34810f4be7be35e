#pragma once

#include <QDate>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace careround {

class DeviceStore;
class LocalEditor;

/**
 * The tablet's working session: the encrypted store once it is unlocked, the editor every
 * local edit goes through, and what the status bar shows (changes waiting to sync, last sync).
 * Created by main and handed to the screens (required properties), never reached globally.
 */
class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session is created by the app and passed to the screens")
    Q_PROPERTY(bool unlocked READ isUnlocked NOTIFY unlockedChanged)
    Q_PROPERTY(bool storeExists READ storeExists NOTIFY unlockedChanged)
    Q_PROPERTY(int pendingChanges READ pendingChanges NOTIFY statusChanged)
    Q_PROPERTY(QString syncText READ syncText NOTIFY statusChanged)

public:
    /** storePath: the encrypted store file (it may not exist yet). */
    explicit Session(QString storePath, QObject *parent = nullptr);
    ~Session() override;

    /** Opens (or, on first use, creates) the store. Throws StoreError (WrongKey, TooNew...). */
    void open(const QByteArray &passphrase);
    /** Takes over a store already open (e.g. the demo store just created). */
    void adopt(std::unique_ptr<DeviceStore> store);

    bool isUnlocked() const { return bool(m_store); }
    bool storeExists() const;
    QString storePath() const { return m_path; }
    /** Null until unlocked. */
    DeviceStore *store() const { return m_store.get(); }
    LocalEditor *editor() const { return m_editor.get(); }

    /** The day "today" means for due dates (tests set it). */
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }
    void setToday(const QDate &day) { m_today = day; }

    int pendingChanges() const { return m_pending; }
    QString syncText() const { return m_syncText; }

public slots:
    /** Re-reads the status bar's facts (also every few seconds while unlocked). */
    void refreshStatus();
    /** Tells every screen that records changed (after an edit or a sync). */
    void notifyDataChanged();

signals:
    void unlockedChanged();
    void statusChanged();
    void dataChanged();

private:
    QString m_path;
    std::unique_ptr<DeviceStore> m_store;
    std::unique_ptr<LocalEditor> m_editor;
    QDate m_today;
    int m_pending = 0;
    QString m_syncText;
    QTimer m_statusTimer;
};

} // namespace careround
