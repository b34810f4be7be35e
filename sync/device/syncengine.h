#pragma once

#include "devicesyncer.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>

namespace careround {

class ConnectivityMonitor;
class DeviceStore;

/**
 * The tablet's sync, as the UI sees it, and the one owner of what the status bar shows:
 * offline / syncing (step, n of m) / up to date (last synced at) / error (why, and what to
 * do) / revoked / unrecognised (401: not retried by itself), or local (a store with no server), the
 * pending change count, open conflicts and the edits the server refused (a count that needs
 * attention, never a frozen error: the run that refused them is up to date). Syncs when a
 * connection returns, on demand, and after failures with exponential backoff (capped). Each run
 * is a DeviceSyncer on a worker thread with its own store connection, so the UI never waits;
 * every property is set and read on the thread the engine lives on (the UI's), and the counts
 * come from the UI's own store. QML sees it as the uncreatable type SyncEngine of
 * CareRound.Session.
 */
class SyncEngine : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY statusChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY summaryChanged)
    Q_PROPERTY(QString progressStep READ progressStep NOTIFY progressChanged)
    Q_PROPERTY(qint64 progressDone READ progressDone NOTIFY progressChanged)
    Q_PROPERTY(qint64 progressTotal READ progressTotal NOTIFY progressChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY countsChanged)
    Q_PROPERTY(int openConflicts READ openConflicts NOTIFY countsChanged)
    /** Edits the server refused, listed on the Sync page until dismissed: they need a look. */
    Q_PROPERTY(int refusedCount READ refusedCount NOTIFY countsChanged)
    Q_PROPERTY(QDateTime lastSynced READ lastSynced NOTIFY statusChanged)
public:
    enum class State {
        Offline,
        Syncing,
        UpToDate,
        Error,
        Revoked,      ///< the agency signed this tablet out; its data was wiped
        Local,        ///< a store with no agency server: nothing to sync, only the counts
        Unrecognised, ///< the server does not know the token (401); nothing wiped
    };
    Q_ENUM(State)

    struct Config {
        QString storePath;
        QByteArray storeKey;
        QUrl server;
        QByteArray token;
        QByteArray pinnedCertificate = {}; ///< SHA-256 of a self-signed server certificate
        int minBackoffMs = 2000;
        int maxBackoffMs = 5 * 60 * 1000;
    };

    /** uiStore: the UI thread's connection, for the counts. */
    SyncEngine(Config config, DeviceStore &uiStore, ConnectivityMonitor &monitor,
               QObject *parent = nullptr);
    /** The engine of a local store (no server): state Local, it never syncs. */
    explicit SyncEngine(DeviceStore &uiStore, QObject *parent = nullptr);
    ~SyncEngine() override;

    State state() const { return m_state; }
    /** The engine's own words for its state (why it failed and what to do, "Up to date"). */
    QString statusText() const { return m_statusText; }
    /**
     * The one line the status bar shows: when it last synced (up to date, local store), the
     * step while syncing, else statusText.
     */
    QString summary() const;
    QString progressStep() const { return m_progressStep; }
    qint64 progressDone() const { return m_progressDone; }
    qint64 progressTotal() const { return m_progressTotal; }
    /** 0..1 while syncing with a known total, -1 otherwise. */
    double progress() const;
    int pendingCount() const { return m_pending; }
    int openConflicts() const { return m_conflicts; }
    int refusedCount() const { return m_refused; }
    QDateTime lastSynced() const { return m_lastSynced; }
    /** The delay of the retry now scheduled (0: none). */
    int nextRetryMs() const { return m_retryTimer.isActive() ? m_retryDelayMs : 0; }

public slots:
    /** Starts a sync now, unless one is running. */
    void syncNow();
    /** Re-reads the pending change and conflict counts (after a local edit). */
    void refreshCounts();

signals:
    void statusChanged();
    void summaryChanged();
    void progressChanged();
    void countsChanged();
    /** A run wrote or removed records of these kinds (emitted before finished). */
    void received(const QStringList &kinds);
    /** A run ended (for tests and logs). */
    void finished(int state);
    /** The server revoked this tablet and its data was wiped. */
    void revoked();
    /** The server does not recognise this tablet's token (401): enrol again. */
    void unrecognised();

private:
    /** Reads the last sync time and the counts from the UI's store. */
    void readStore();
    void onFinished(const SyncOutcome &outcome);
    void setState(State state, const QString &text);

    class Worker;
    Config m_config;
    DeviceStore &m_uiStore;
    ConnectivityMonitor *m_monitor = nullptr; ///< null for a local store
    QThread m_thread;
    Worker *m_worker = nullptr;
    QTimer m_retryTimer;
    int m_failures = 0;
    int m_retryDelayMs = 0;
    bool m_running = false;
    State m_state = State::Offline;
    QString m_statusText;
    QString m_progressStep;
    qint64 m_progressDone = 0, m_progressTotal = 0;
    int m_pending = 0, m_conflicts = 0, m_refused = 0;
    QDateTime m_lastSynced;
};

} // namespace careround
