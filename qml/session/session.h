#pragma once

#include <QDate>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

Q_MOC_INCLUDE("syncengine.h")
Q_MOC_INCLUDE("languagesetting.h")

#include <memory>

namespace careround {

class ConnectivityMonitor;
class DeviceAccount;
class DeviceStore;
class LanguageSetting;
class LocalEditor;
class SyncEngine;

/**
 * The tablet's working session: the account (enrolment, the passphrase-wrapped key), the
 * encrypted store once it is unlocked, the editor every local edit goes through, and the sync
 * engine, which owns what the status bar shows (offline, syncing with progress, pending
 * changes, last sync, open conflicts); screens bind to `session.sync` directly. Created by
 * main and handed to the screens (required properties), never reached globally. What changed
 * reaches the screens through the store's ChangeFeed: local edits from the editor, what a
 * sync received from here.
 */
class Session : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session is created by the app and passed to the screens")
    Q_PROPERTY(bool unlocked READ isUnlocked NOTIFY unlockedChanged)
    Q_PROPERTY(bool storeExists READ storeExists NOTIFY unlockedChanged)
    Q_PROPERTY(bool enrolled READ isEnrolled NOTIFY unlockedChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString role READ role NOTIFY unlockedChanged)
    Q_PROPERTY(careround::SyncEngine *sync READ syncEngine NOTIFY syncChanged)
    Q_PROPERTY(bool locked READ isLocked NOTIFY lockChanged)
    Q_PROPERTY(bool hasPin READ hasPin NOTIFY lockChanged)
    Q_PROPERTY(bool wiped READ isWiped NOTIFY lockChanged)
    Q_PROPERTY(SignOut signOut READ signOut NOTIFY signOutChanged)
    Q_PROPERTY(QString signOutText READ signOutText NOTIFY signOutChanged)
    Q_PROPERTY(bool reenrolling READ isReenrolling NOTIFY signOutChanged)
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY unlockedChanged)
    Q_PROPERTY(careround::LanguageSetting *language READ language CONSTANT)
    /** Larger text on every screen, remembered across restarts (settings.ini, like the
        language). */
    Q_PROPERTY(bool largeText READ largeText WRITE setLargeText NOTIFY largeTextChanged)

public:
    /** Why the agency's server no longer takes this tablet, for the screens to say so. */
    enum class SignOut {
        None,
        Revoked,      ///< the agency signed it out; its data was wiped
        Unrecognised, ///< the server does not know its token (401); nothing wiped
    };
    Q_ENUM(SignOut)

    /** storePath: the encrypted store file (it may not exist yet). */
    explicit Session(QString storePath, QObject *parent = nullptr);
    ~Session() override;

    /** The connectivity hint for the sync engine (set by main before unlocking). */
    void setConnectivityMonitor(ConnectivityMonitor *monitor) { m_monitor = monitor; }

    /**
     * Opens the store with the passphrase: through the wrapped key of an enrolled tablet, or
     * as the key of a local (demo) store. Throws StoreError (WrongKey, TooNew...).
     */
    void open(const QByteArray &passphrase);
    /** Takes over a store already open, with the key that opened it (the demo store). */
    void adopt(std::unique_ptr<DeviceStore> store, const QByteArray &sqlcipherKey = {});
    /**
     * First start: enrols this tablet with the agency server and creates its encrypted store,
     * off the UI thread; enrolFinished tells the result. Then the first load starts.
     */
    Q_INVOKABLE void enrol(const QString &server, const QString &login, const QString &password,
                           const QString &passphrase, const QString &pinnedFingerprint = {});
    /** Syncs now (the "Sync now" button). */
    Q_INVOKABLE void syncNow();
    /**
     * "Enrol again" under the sign-out message. Revoked: the wiped store and its key are
     * removed and the first-start enrol screen shows. Unrecognised: the re-enrol screen
     * shows (reenrolling), the data stays.
     */
    Q_INVOKABLE void enrolAgain();
    /** Back from the re-enrol screen without enrolling. */
    Q_INVOKABLE void cancelReenrolment();
    /**
     * Enrols this tablet again after a 401, keeping its store and passphrase (the request off
     * the UI thread; enrolFinished tells the result). The same login keeps everything and
     * sends the unsent edits; another login keeps those edits for review only and wipes the
     * records (DeviceAccount::reenrol).
     */
    Q_INVOKABLE void reenrol(const QString &server, const QString &login, const QString &password,
                             const QString &pinnedFingerprint = {});

    /** Sets the PIN that unlocks after idle time (4 to 8 digits); returns an error or "". */
    Q_INVOKABLE QString setPin(const QString &pin);
    /**
     * Unlocks after idle time. Returns "" when unlocked, else what to do. After the last
     * wrong attempt the tablet is wiped: pending edits are pushed first when online.
     */
    Q_INVOKABLE QString unlockWithPin(const QString &pin);
    /** Locks now (also after idleTimeoutMs without input, once a PIN is set). */
    Q_INVOKABLE void lock();
    /** Any user input: restarts the idle timer. */
    void noteActivity();
    /** Installed on the application by main: every touch, click or key is activity. */
    bool eventFilter(QObject *watched, QEvent *event) override;
    void setIdleTimeoutMs(int ms);
    bool isLocked() const { return m_locked; }
    bool hasPin() const;
    bool isWiped() const { return m_wiped; }
    SignOut signOut() const { return m_signOut; }
    /** The sign-out in plain words (empty when signed in). */
    QString signOutText() const;
    bool isReenrolling() const { return m_reenrolling; }
    /** The agency server this tablet syncs with (empty for a local store). */
    QString serverAddress() const;

    bool isUnlocked() const;
    bool storeExists() const;
    bool isEnrolled() const;
    bool isBusy() const { return m_busy; }
    QString role() const;
    QString storePath() const { return m_path; }
    /** The app's language, remembered in settings.ini beside the store (before any unlock). */
    LanguageSetting *language() const { return m_language; }
    bool largeText() const { return m_largeText; }
    void setLargeText(bool large);
    /** The settings file beside the store (the tablet's own choices: no client data). */
    QString settingsPath() const;
    /** Null until unlocked. */
    DeviceStore *store() const;
    /** What a request to the agency server needs: its address, the tablet's token and the
        pinned certificate. Empty while the tablet is not enrolled (a local store). */
    struct ServerAccess {
        QUrl server;
        QByteArray token;
        QByteArray pinnedCertificate;
        bool isValid() const { return server.isValid() && !token.isEmpty(); }
    };
    ServerAccess serverAccess() const;
    LocalEditor *editor() const { return m_editor.get(); }
    /**
     * The sync engine, the one owner of the sync status (null until unlocked). A local store
     * (no server) has one too, in state Local, that keeps the counts.
     */
    SyncEngine *syncEngine() const { return m_sync.get(); }

    /** The day "today" means for due dates (tests set it). */
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }
    void setToday(const QDate &day) { m_today = day; }

public slots:
    /** Has the engine re-read its counts (after an edit; also every few seconds while unlocked). */
    void refreshStatus();

signals:
    void largeTextChanged();
    void unlockedChanged();
    void syncChanged();
    void busyChanged();
    void lockChanged();
    void signOutChanged();
    /** error is empty on success; fingerprint is set when the certificate was not trusted. */
    void enrolFinished(const QString &error, const QString &fingerprint);

private:
    void attach();
    void startSync();
    void wipe(const QString &reason);
    void setSignOut(SignOut signOut);
    /** Closes the wiped store of a revoked tablet and removes it, for a first start again. */
    void startOver();

    QString m_path;
    LanguageSetting *m_language;
    bool m_largeText = false; ///< as kept in settings.ini
    std::unique_ptr<DeviceAccount> m_account;
    std::unique_ptr<LocalEditor> m_editor;
    std::unique_ptr<SyncEngine> m_sync;
    std::unique_ptr<ConnectivityMonitor> m_ownMonitor;
    ConnectivityMonitor *m_monitor = nullptr;
    QDate m_today;
    bool m_busy = false;
    QTimer m_statusTimer;
    QTimer m_idleTimer;
    bool m_locked = false;
    bool m_wiped = false;
    SignOut m_signOut = SignOut::None;
    bool m_reenrolling = false;
};

} // namespace careround
