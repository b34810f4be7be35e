#include "session.h"

#include "connectivitymonitor.h"
#include "deviceaccount.h"
#include "devicestore.h"
#include "languagesetting.h"
#include "localeditor.h"
#include "pinlock.h"
#include "syncengine.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QThread>

namespace careround {

namespace {
/** A certificate fingerprint as shown ("ab:cd:…") back to its bytes. */
QByteArray fingerprintBytes(const QString &fingerprint)
{
    return QByteArray::fromHex(QString(fingerprint).remove(QLatin1Char(':')).toLatin1());
}

/** What a failed enrolment request tells the screen: the message and a certificate seen. */
QString seenFingerprint(const DeviceAccount::Failure &failure)
{
    return QString::fromLatin1(failure.certificateSeen.toHex(':'));
}
} // namespace

Session::Session(QString storePath, QObject *parent)
    : QObject(parent), m_path(std::move(storePath)),
      m_language(new LanguageSetting(settingsPath(), this)),
      m_largeText(QSettings(settingsPath(), QSettings::IniFormat)
                      .value(QStringLiteral("largeText"), false)
                      .toBool()),
      m_account(std::make_unique<DeviceAccount>(m_path))
{
    // A new language: every screen reads its texts again (typed input is kept: a reload
    // updates the rows, it does not reset a field being typed).
    connect(m_language, &LanguageSetting::changed, this, [this] {
        if (DeviceStore *s = store())
            s->changes().publish(Change::everything(Change::Origin::Display));
    });
    m_statusTimer.setInterval(5000);
    connect(&m_statusTimer, &QTimer::timeout, this, &Session::refreshStatus);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(5 * 60 * 1000);
    connect(&m_idleTimer, &QTimer::timeout, this, &Session::lock);
}

Session::~Session()
{
    // The engine's worker holds its own connection; stop it before the store goes.
    m_sync.reset();
}

bool Session::isUnlocked() const
{
    return m_account->store() != nullptr;
}

bool Session::storeExists() const
{
    return QFileInfo::exists(m_path);
}

bool Session::isEnrolled() const
{
    return m_account->isEnrolled();
}

QString Session::role() const
{
    const QString role = m_account->store() ? m_account->role() : QString();
    return role.isEmpty() ? QStringLiteral("coordinator") : role;
}

DeviceStore *Session::store() const
{
    return m_account->store();
}

void Session::open(const QByteArray &passphrase)
{
    if (m_account->isEnrolled()) {
        if (auto failure = m_account->unlock(QString::fromUtf8(passphrase)))
            throw StoreError(failure->message.contains(QLatin1String("passphrase"))
                                 ? StoreError::Code::WrongKey
                                 : StoreError::Code::Sql,
                             failure->message);
        attach();
        return;
    }
    DeviceStore::Options options;
    options.path = m_path;
    options.key = passphrase;
    adopt(DeviceStore::open(options), passphrase);
}

void Session::adopt(std::unique_ptr<DeviceStore> store, const QByteArray &sqlcipherKey)
{
    m_account->adopt(std::move(store), sqlcipherKey);
    attach();
}

void Session::attach()
{
    DeviceStore *s = m_account->store();
    QString actor = m_account->accountId();
    if (actor.isEmpty())
        actor = s->meta().value(QStringLiteral("coordinatorId"), s->deviceId());
    m_editor = std::make_unique<LocalEditor>(*s, actor);
    // A local edit adds to the pending count.
    connect(&s->changes(), &ChangeFeed::changed, this, [this](const Change &change) {
        if (change.origin == Change::Origin::LocalEdit)
            refreshStatus();
    });
    // A tablet revoked and wiped before this start still says why it is empty.
    if (s->meta().value(QStringLiteral("account.signedOut")) == QLatin1String("revoked"))
        setSignOut(SignOut::Revoked);
    m_statusTimer.start();
    if (hasPin())
        m_idleTimer.start();
    startSync();
    refreshStatus();
    emit unlockedChanged();
}

void Session::startSync()
{
    if (!m_account->server().isValid() || m_account->token().isEmpty()) {
        // A local store (the demo without a server): nothing to sync with, only the counts.
        m_sync = std::make_unique<SyncEngine>(*m_account->store());
        emit syncChanged();
        return;
    }
    if (!m_monitor) {
        m_ownMonitor = std::make_unique<NetworkInformationMonitor>();
        m_monitor = m_ownMonitor.get();
    }
    SyncEngine::Config config;
    config.storePath = m_path;
    config.storeKey = m_account->storeKey();
    config.server = m_account->server();
    config.token = m_account->token();
    config.pinnedCertificate = m_account->pinnedCertificate();
    m_sync = std::make_unique<SyncEngine>(config, *m_account->store(), *m_monitor);
    connect(m_sync.get(), &SyncEngine::received, this, [this](const QStringList &kinds) {
        Change change;
        change.origin = Change::Origin::Pull;
        change.kinds = kinds;
        if (DeviceStore *s = store())
            s->changes().publish(change);
    });
    connect(m_sync.get(), &SyncEngine::revoked, this, [this] { setSignOut(SignOut::Revoked); });
    connect(m_sync.get(), &SyncEngine::unrecognised, this,
            [this] { setSignOut(SignOut::Unrecognised); });
    connect(m_sync.get(), &SyncEngine::finished, this, [this](int state) {
        // The agency brought its database back: the token works again.
        if (state == int(SyncEngine::State::UpToDate) && m_signOut == SignOut::Unrecognised)
            setSignOut(SignOut::None);
    });
    emit syncChanged();
    m_sync->syncNow();
}

void Session::enrol(const QString &server, const QString &login, const QString &password,
                    const QString &passphrase, const QString &pinnedFingerprint)
{
    if (m_busy)
        return;
    m_busy = true;
    emit busyChanged();
    auto failure = std::make_shared<std::optional<DeviceAccount::Failure>>();
    DeviceAccount *account = m_account.get();
    const DeviceAccount::Enrolment enrolment{QUrl::fromUserInput(server.trimmed()), login, password,
                                             passphrase, fingerprintBytes(pinnedFingerprint)};
    // Key derivation and the request take a moment: off the UI thread.
    QThread *worker =
        QThread::create([account, enrolment, failure] { *failure = account->enrol(enrolment); });
    connect(worker, &QThread::finished, this, [this, worker, failure] {
        worker->deleteLater();
        m_busy = false;
        emit busyChanged();
        if (*failure) {
            emit enrolFinished((*failure)->message, seenFingerprint(**failure));
            return;
        }
        attach();
        emit enrolFinished(QString(), QString());
    });
    worker->start();
}

void Session::reenrol(const QString &server, const QString &login, const QString &password,
                      const QString &pinnedFingerprint)
{
    if (m_busy || !store())
        return;
    m_busy = true;
    emit busyChanged();
    auto grant = std::make_shared<DeviceAccount::Grant>();
    auto failure = std::make_shared<std::optional<DeviceAccount::Failure>>();
    const DeviceAccount::Enrolment enrolment{QUrl::fromUserInput(server.trimmed()),
                                             login,
                                             password,
                                             {},
                                             fingerprintBytes(pinnedFingerprint)};
    const QString deviceId = store()->deviceId();
    QThread *worker = QThread::create([enrolment, deviceId, grant, failure] {
        *failure = DeviceAccount::requestGrant(enrolment, deviceId, *grant);
    });
    connect(worker, &QThread::finished, this, [this, worker, grant, failure] {
        worker->deleteLater();
        m_busy = false;
        emit busyChanged();
        if (*failure) {
            emit enrolFinished((*failure)->message, seenFingerprint(**failure));
            return;
        }
        // The engine's worker holds its own connection and the old token: stopped first.
        m_sync.reset();
        try {
            m_account->reenrol(*grant);
        } catch (const StoreError &e) {
            startSync();
            emit enrolFinished(e.message(), QString());
            return;
        }
        m_editor = std::make_unique<LocalEditor>(*store(), m_account->accountId());
        m_reenrolling = false;
        setSignOut(SignOut::None);
        startSync();
        refreshStatus();
        emit unlockedChanged();
        emit lockChanged(); // another coordinator chooses their own PIN
        store()->changes().publish(Change::everything(Change::Origin::Pull));
        emit enrolFinished(QString(), QString());
    });
    worker->start();
}

void Session::enrolAgain()
{
    if (m_signOut == SignOut::Revoked) {
        startOver();
    } else if (m_signOut == SignOut::Unrecognised && !m_reenrolling) {
        m_reenrolling = true;
        emit signOutChanged();
    }
}

void Session::cancelReenrolment()
{
    if (m_reenrolling) {
        m_reenrolling = false;
        emit signOutChanged();
    }
}

void Session::startOver()
{
    m_statusTimer.stop();
    m_idleTimer.stop();
    m_sync.reset();
    m_editor.reset();
    m_account = std::make_unique<DeviceAccount>(m_path); // closes the wiped store
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".key")})
        QFile::remove(m_path + suffix);
    m_wiped = false;
    m_locked = false;
    m_reenrolling = false;
    setSignOut(SignOut::None);
    emit syncChanged();
    emit lockChanged();
    emit unlockedChanged();
}

void Session::setSignOut(SignOut signOut)
{
    if (m_signOut == signOut)
        return;
    m_signOut = signOut;
    if (signOut == SignOut::None)
        m_reenrolling = false;
    emit signOutChanged();
}

QString Session::signOutText() const
{
    switch (m_signOut) {
    case SignOut::Revoked:
        return tr("The agency signed this tablet out, and the client data on it has been "
                  "wiped. To go on working, enrol it again with your login.");
    case SignOut::Unrecognised:
        return tr("The agency no longer recognises this tablet: its server may have a new "
                  "database. Nothing was wiped, and your unsent changes are kept on this "
                  "tablet. Enrol it again: with your own login they are sent; with another "
                  "login they are kept for review, not sent.");
    case SignOut::None:
        break;
    }
    return {};
}

Session::ServerAccess Session::serverAccess() const
{
    if (!m_account->store())
        return {};
    return {m_account->server(), m_account->token(), m_account->pinnedCertificate()};
}

QString Session::serverAddress() const
{
    return m_account->store() ? m_account->server().toString() : QString();
}

void Session::syncNow()
{
    if (m_sync)
        m_sync->syncNow();
}

void Session::refreshStatus()
{
    if (m_sync)
        m_sync->refreshCounts();
}

bool Session::hasPin() const
{
    return store() && PinLock(*store()).hasPin();
}

QString Session::setPin(const QString &pin)
{
    if (!store())
        return tr("Unlock the tablet first.");
    const QString error = PinLock(*store()).setPin(pin);
    if (error.isEmpty()) {
        m_idleTimer.start();
        emit lockChanged();
    }
    return error.isEmpty() ? QString() : tr("The PIN must be 4 to 8 digits.");
}

void Session::lock()
{
    if (!store() || !hasPin() || m_locked)
        return;
    m_locked = true;
    emit lockChanged();
}

void Session::noteActivity()
{
    if (!m_locked && store() && hasPin())
        m_idleTimer.start();
}

bool Session::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void Session::setIdleTimeoutMs(int ms)
{
    m_idleTimer.setInterval(ms);
    noteActivity();
}

QString Session::unlockWithPin(const QString &pin)
{
    if (!store())
        return tr("There is no data on this tablet.");
    PinLock pinLock(*store());
    switch (pinLock.verify(pin)) {
    case PinLock::Result::Unlocked:
        m_locked = false;
        m_idleTimer.start();
        emit lockChanged();
        return {};
    case PinLock::Result::Wrong:
        return tr("That PIN is not right. Attempts left before this tablet is wiped: %1")
            .arg(pinLock.attemptsLeft());
    case PinLock::Result::WipeRequired:
        break;
    }
    // Too many wrong PINs: push what is waiting when the server can be reached, then wipe.
    if (m_sync && m_sync->state() != SyncEngine::State::Revoked) {
        // Queued: wipe() destroys the engine, which must not happen inside its own signal.
        connect(
            m_sync.get(), &SyncEngine::finished, this,
            [this] { wipe(QStringLiteral("too many wrong PIN attempts")); },
            Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
        m_sync->syncNow();
        if (m_sync->state() != SyncEngine::State::Syncing)
            wipe(QStringLiteral("too many wrong PIN attempts"));
    } else {
        wipe(QStringLiteral("too many wrong PIN attempts"));
    }
    return tr("Too many wrong PINs: the data on this tablet has been wiped. Ask your "
              "supervisor to enrol it again.");
}

void Session::wipe(const QString &reason)
{
    if (m_wiped || !store())
        return;
    m_sync.reset();
    store()->wipe(reason);
    // Nothing is left to sync: the status shows the emptied store.
    m_sync = std::make_unique<SyncEngine>(*store());
    emit syncChanged();
    m_wiped = true;
    m_locked = true;
    emit lockChanged();
    refreshStatus();
    store()->changes().publish(Change::everything(Change::Origin::LocalEdit));
}

QString Session::settingsPath() const
{
    return QFileInfo(m_path).absoluteDir().filePath(QStringLiteral("settings.ini"));
}

void Session::setLargeText(bool large)
{
    if (large == m_largeText)
        return;
    m_largeText = large;
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("largeText"), large);
    settings.sync();
    emit largeTextChanged();
}

} // namespace careround
