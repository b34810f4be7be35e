#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace careround {

class SqliteDatabase;

/**
 * Runs a store's write-ahead-log checkpoints on a thread and a connection of their own, so
 * that no commit of the writer waits for one.
 *
 * SQLite's default runs a checkpoint inside the commit that takes the log past 1,000 pages:
 * that commit writes the pages back into the file and waits for the disk twice more (20 ms
 * where a commit takes 1.5). With a WalCheckpointer the writer's commit only tells this
 * thread how long the log is; past the threshold the thread runs a PASSIVE checkpoint, which
 * never blocks the writer nor its readers. Durability is the writer's as before: every commit
 * is in the log (and on the disk under synchronous=FULL) before it returns, and a process
 * killed during a checkpoint leaves a log SQLite replays when the file is opened again.
 *
 * The log starts again from its beginning at the first commit after a checkpoint that wrote
 * back every frame, which a person's pauses between edits always allow. A writer that never
 * pauses finishes the checkpoint itself once the log is kMaxBehind thresholds long, so the log
 * stays bounded. If the thread cannot open its connection, checkpoints run inline again, as
 * SQLite's own do.
 */
class WalCheckpointer {
public:
    /** Takes over the writer's checkpoints; the store file is opened again with `key`. */
    WalCheckpointer(SqliteDatabase &writer, QString path, QByteArray key,
                    int thresholdPages = kDefaultThresholdPages);
    /** Stops the thread (after a checkpoint under way) and gives the writer its own back. */
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    /** SQLite's own default threshold (wal_autocheckpoint). */
    static constexpr int kDefaultThresholdPages = 1000;

    /** Log length, in thresholds, at which the writer finishes a checkpoint itself. */
    static constexpr int kMaxBehind = 4;
    /** Pause before another pass when frames were left (committed during it, or read). */
    static constexpr int kRetryMs = 5;
    /** Tries of the writer's own checkpoint (1 ms apart) while another connection runs one. */
    static constexpr int kInlineAttempts = 20;

    /** Checkpoints run to the end so far (every frame of the log then in the file). */
    int completed() const { return m_completed.load(); }

private:
    static int onCommit(void *self, sqlite3 *db, const char *schema, int walPages);
    enum class Pass { Done, Progress, Behind, Failed };
    void run();
    Pass checkpoint();

    SqliteDatabase &m_writer;
    QString m_path;
    QByteArray m_key;
    int m_threshold;
    std::unique_ptr<SqliteDatabase> m_own; ///< opened by the thread on its first checkpoint
    int m_lastDone = 0, m_lastLog = 0;     ///< frames written back and in the log, last pass
    std::mutex m_mutex;
    std::mutex m_passing; ///< held while a checkpoint of the thread or the writer runs
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stopping = false;
    std::atomic<bool> m_inline{false}; ///< the thread could not open its connection
    std::atomic<int> m_completed{0};
    std::thread m_thread;
};

} // namespace careround
