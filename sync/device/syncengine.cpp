#include "syncengine.h"

#include "connectivitymonitor.h"
#include "devicestore.h"
#include "synctransport.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRandomGenerator>

namespace careround {

/** Lives on the worker thread: its own store connection and network access. */
class SyncEngine::Worker : public QObject {
    Q_OBJECT
public:
    explicit Worker(Config config) : m_config(std::move(config)) {}

public slots:
    void run()
    {
        SyncOutcome outcome;
        try {
            if (!m_store) {
                DeviceStore::Options o;
                o.path = m_config.storePath;
                o.key = m_config.storeKey;
                o.backgroundCheckpoints = true; // a first load does not wait for checkpoints
                m_store = DeviceStore::open(o);
            }
            HttpSyncTransport transport(m_config.server, m_config.token);
            transport.setPinnedCertificate(m_config.pinnedCertificate);
            DeviceSyncer syncer(*m_store, transport);
            outcome = syncer.syncOnce([this](const QString &step, qint64 done, qint64 total) {
                emit progress(step, done, total);
            });
        } catch (const StoreError &e) {
            outcome.state = SyncOutcome::State::Error;
            outcome.message =
                QCoreApplication::translate("careround::SyncEngine",
                                            "This tablet could not update its store: %1")
                    .arg(e.message());
        }
        emit done(outcome);
    }

signals:
    void progress(const QString &step, qint64 done, qint64 total);
    void done(const careround::SyncOutcome &outcome);

private:
    Config m_config;
    std::unique_ptr<DeviceStore> m_store;
};

SyncEngine::SyncEngine(DeviceStore &uiStore, QObject *parent)
    : QObject(parent), m_uiStore(uiStore), m_state(State::Local)
{
    readStore();
}

SyncEngine::SyncEngine(Config config, DeviceStore &uiStore, ConnectivityMonitor &monitor,
                       QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_uiStore(uiStore), m_monitor(&monitor)
{
    qRegisterMetaType<careround::SyncOutcome>("careround::SyncOutcome");
    m_worker = new Worker(m_config);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::progress, this,
            [this](const QString &step, qint64 done, qint64 total) {
                m_progressStep = step;
                m_progressDone = done;
                m_progressTotal = total;
                emit progressChanged();
                emit summaryChanged();
            });
    connect(m_worker, &Worker::done, this, &SyncEngine::onFinished);
    m_thread.start();

    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(m_monitor, &ConnectivityMonitor::onlineChanged, this, [this](bool online) {
        if (online) {
            m_failures = 0;
            syncNow();
        } else if (!m_running) {
            setState(State::Offline, tr("Offline. Your changes are saved on this tablet."));
        }
    });
    readStore();
}

void SyncEngine::readStore()
{
    const QString last = m_uiStore.meta().value(QStringLiteral("sync.lastSuccess"));
    if (!last.isEmpty())
        m_lastSynced = QDateTime::fromMSecsSinceEpoch(last.toLongLong());
    m_statusText = tr("Not synced yet");
    refreshCounts();
}

SyncEngine::~SyncEngine()
{
    m_thread.quit();
    m_thread.wait();
}

void SyncEngine::syncNow()
{
    if (m_running || m_state == State::Revoked || m_state == State::Local)
        return;
    m_retryTimer.stop();
    m_running = true;
    setState(State::Syncing, tr("Syncing…"));
    QMetaObject::invokeMethod(m_worker, &Worker::run, Qt::QueuedConnection);
}

void SyncEngine::refreshCounts()
{
    const int pending = int(m_uiStore.outbox().count());
    const int conflicts = int(m_uiStore.conflicts().openCount());
    const int refused = int(m_uiStore.outbox().refusedCount());
    if (pending != m_pending || conflicts != m_conflicts || refused != m_refused) {
        m_pending = pending;
        m_conflicts = conflicts;
        m_refused = refused;
        emit countsChanged();
    }
}

void SyncEngine::onFinished(const SyncOutcome &outcome)
{
    m_running = false;
    m_progressStep.clear();
    m_progressDone = m_progressTotal = 0;
    emit progressChanged();
    switch (outcome.state) {
    case SyncOutcome::State::UpToDate:
        m_failures = 0;
        m_lastSynced = QDateTime::currentDateTime();
        setState(State::UpToDate, tr("Up to date"));
        break;
    case SyncOutcome::State::Revoked:
        setState(State::Revoked, outcome.message);
        emit revoked();
        break;
    case SyncOutcome::State::Unrecognised:
        // Retrying changes nothing until the tablet is enrolled again (or the agency brings
        // its database back: "Sync now" and a returning connection still try).
        setState(State::Unrecognised, outcome.message);
        emit unrecognised();
        break;
    case SyncOutcome::State::Offline:
    case SyncOutcome::State::Error: {
        setState(outcome.state == SyncOutcome::State::Offline ? State::Offline : State::Error,
                 outcome.message);
        // Exponential backoff with a cap, and some jitter so tablets do not retry in step.
        const qint64 base = qMin<qint64>(m_config.maxBackoffMs, qint64(m_config.minBackoffMs)
                                                                    << qMin(m_failures, 20));
        m_retryDelayMs = int(qMin<qint64>(
            m_config.maxBackoffMs, base + QRandomGenerator::global()->bounded(int(base / 4) + 1)));
        ++m_failures;
        m_retryTimer.start(m_retryDelayMs);
        break;
    }
    }
    refreshCounts();
    if (!outcome.changedKinds.isEmpty())
        emit received(QStringList(outcome.changedKinds.cbegin(), outcome.changedKinds.cend()));
    emit finished(int(m_state));
}

void SyncEngine::setState(State state, const QString &text)
{
    m_state = state;
    m_statusText = text;
    emit statusChanged();
    emit summaryChanged();
}

QString SyncEngine::summary() const
{
    switch (m_state) {
    case State::UpToDate:
    case State::Local:
        return m_lastSynced.isValid()
                   ? tr("Last synced %1")
                         .arg(QLocale().toString(m_lastSynced, QLocale::ShortFormat))
                   : tr("Not synced yet");
    case State::Syncing:
        return m_progressStep.isEmpty() ? m_statusText : m_progressStep;
    case State::Offline:
    case State::Error:
    case State::Revoked:
    case State::Unrecognised:
        break;
    }
    return m_statusText;
}

double SyncEngine::progress() const
{
    return m_state == State::Syncing && m_progressTotal > 0
               ? double(m_progressDone) / double(m_progressTotal)
               : -1;
}

} // namespace careround

#include "syncengine.moc"
