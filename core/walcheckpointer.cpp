#include "walcheckpointer.h"

#include "sqlitedatabase.h"

#include <sqlite3.h>

#include <chrono>

namespace careround {

WalCheckpointer::WalCheckpointer(SqliteDatabase &writer, QString path, QByteArray key,
                                 int thresholdPages)
    : m_writer(writer), m_path(std::move(path)), m_key(std::move(key)), m_threshold(thresholdPages)
{
    m_thread = std::thread([this] { run(); });
    sqlite3_wal_hook(m_writer.handle(), &WalCheckpointer::onCommit, this);
}

WalCheckpointer::~WalCheckpointer()
{
    sqlite3_wal_autocheckpoint(m_writer.handle(), kDefaultThresholdPages);
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

int WalCheckpointer::onCommit(void *self, sqlite3 *db, const char *schema, int walPages)
{
    auto *me = static_cast<WalCheckpointer *>(self);
    if (walPages < me->m_threshold)
        return SQLITE_OK;
    // The log restarts from its beginning only at a commit that finds every frame written
    // back. A writer that never pauses (a loop of edits) never gives the thread that moment,
    // so past kMaxBehind thresholds the writer finishes the copy itself, as SQLite would:
    // most of the frames are in the file already, so it has little left to write.
    if (me->m_inline.load() || walPages >= kMaxBehind * me->m_threshold) {
        // Only one checkpoint runs on a file at a time, and a PASSIVE one finding another
        // under way gives up at once: the thread's pass under way ends first (m_passing), and
        // another connection's (the sync worker's checkpointer) is waited for a little. As
        // SQLite's own hook does, a checkpoint failing here does not fail the commit.
        std::lock_guard passing(me->m_passing);
        for (int attempt = 0; attempt < kInlineAttempts; ++attempt) {
            if (sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                          nullptr) != SQLITE_BUSY)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return SQLITE_OK;
    }
    {
        std::lock_guard lock(me->m_mutex);
        me->m_requested = true;
    }
    me->m_wake.notify_one();
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_requested || m_stopping; });
        if (m_stopping)
            break;
        m_requested = false;
        lock.unlock();
        const Pass pass = checkpoint();
        lock.lock();
        if (pass == Pass::Failed) {
            m_inline = true;
            break;
        }
        // Frames committed during a pass that copied some: another pass at once, so that
        // the file stays close behind the log. Frames a reader keeps: another pass shortly.
        const bool again = pass == Pass::Progress ||
                           (pass == Pass::Behind && !m_stopping &&
                            !m_wake.wait_for(lock, std::chrono::milliseconds(kRetryMs),
                                             [this] { return m_requested || m_stopping; }));
        if (again)
            m_requested = true;
    }
    lock.unlock();
    m_own.reset();
}

WalCheckpointer::Pass WalCheckpointer::checkpoint()
{
    try {
        if (!m_own)
            m_own = std::make_unique<SqliteDatabase>(m_path, m_key);
    } catch (const StoreError &) {
        return Pass::Failed;
    }
    int logFrames = 0;
    int done = 0;
    int rc = SQLITE_OK;
    {
        std::lock_guard passing(m_passing);
        rc = sqlite3_wal_checkpoint_v2(m_own->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                       &logFrames, &done);
    }
    // Busy: another connection's checkpoint is under way (the sync worker's).
    if (rc != SQLITE_OK)
        return Pass::Behind;
    const bool progress = done != m_lastDone || logFrames < m_lastLog;
    m_lastDone = done;
    m_lastLog = logFrames;
    if (done < logFrames)
        return progress ? Pass::Progress : Pass::Behind;
    ++m_completed;
    return Pass::Done;
}

} // namespace careround
