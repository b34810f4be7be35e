#pragma once

#include "devicestore.h"
#include "synctransport.h"

#include <QSet>

#include <functional>

namespace careround {

/** What one sync run achieved, in words a coordinator can act on. */
struct SyncOutcome {
    /**
     * Revoked: the agency signed this tablet out (403 device_revoked); its data was wiped.
     * Unrecognised: the server does not know the token (401: its database was replaced, or
     * the token is unknown); nothing is wiped, the tablet may enrol again.
     */
    enum class State { UpToDate, Offline, Error, Revoked, Unrecognised };
    State state = State::UpToDate;
    QString message;   ///< plain words: what happened and what the user can do
    int pushed = 0;    ///< edits the server acknowledged in this run
    int pulled = 0;    ///< records received in this run
    int conflicts = 0; ///< edits the server recorded a conflict for
    int refused = 0;   ///< edits the server refused in this run (listed until dismissed)
    int setAside = 0;  ///< pulled records this app could not apply, kept aside raw
    /** The kinds of the records this run wrote or removed, also when it failed later on. */
    QSet<QString> changedKinds;
    bool ok() const { return state == State::UpToDate; }
};

/** Progress of a running sync: what step, done of total (unknown total: 0). */
using SyncProgress = std::function<void(const QString &step, qint64 done, qint64 total)>;

/**
 * One sync run of a device (DESIGN.md section 5): hello, push the outbox (each edit gets its
 * outcome; a refused one is acknowledged as refused and listed), pull pages (records it
 * cannot apply are set aside raw, and applied by a later app that knows them), fetch clients
 * newly on the caseload, drop clients that left it. Each step commits its own
 * progress (acknowledged outbox entries; a page and its cursor in one transaction), so a run
 * cut off anywhere resumes at the next run with nothing lost and nothing applied twice.
 * Synchronous: the app runs it on a worker thread with its own store connection.
 */
class DeviceSyncer {
public:
    DeviceSyncer(DeviceStore &store, SyncTransport &transport)
        : m_store(store), m_transport(transport)
    {}
    SyncOutcome syncOnce(const SyncProgress &progress = {});

    /** For tests of the crash boundary: stop after applying a page, before its cursor. */
    void setCrashAfterApplyingPage(std::function<void()> hook) { m_afterApply = std::move(hook); }
    int pushBatchSize = 500;
    int pullPageSize = 2000;

private:
    SyncOutcome run(const SyncProgress &progress);
    std::optional<SyncOutcome> failure(const SyncResponse &response);
    /** Offline, "unreadable answer": a reply that is not the answer to what was asked. */
    static SyncOutcome unreadableAnswer();
    /** Whether a 200 body has the hello reply's shape (docs/sync-protocol.md). */
    static bool isHelloReply(const QJsonObject &body);
    /** Whether a 200 body is the pull page asked for (from cursor, of client or of all). */
    static bool isPullReply(const QJsonObject &body, qint64 cursor, const QString &client);
    std::optional<SyncOutcome> push(SyncOutcome &outcome, const SyncProgress &progress);
    std::optional<SyncOutcome> pull(SyncOutcome &outcome, const SyncProgress &progress,
                                    const QString &client);
    int applyPage(const QJsonArray &records, const QString &cursorKey, qint64 nextCursor);
    /** Applies the records set aside that this app now knows (an upgraded app). */
    void applySetAside();
    /**
     * How far a push reply acknowledges this batch: its appliedThrough, at most the batch's
     * last seq; nothing when the body does not answer exactly this batch (one result per
     * change, in order).
     */
    static std::optional<qint64> answeredThrough(const QVector<OutboxEntry> &batch,
                                                 const QJsonObject &reply);
    /** Acknowledges a push's reply: refused edits marked, refused new records removed. */
    void acknowledge(const QVector<OutboxEntry> &batch, const QJsonArray &results, qint64 through,
                     SyncOutcome &outcome);
    /**
     * The first hello after an enrolment again (DeviceAccount::reenrol): the outbox is
     * rebased on what the server knows of this device; false when there was none.
     */
    bool rebaseAfterEnrolment(qint64 serverLastSeq);
    /** False when it had to wait (edits still to push). */
    bool dropClientsNotIn(const QStringList &caseload);

    DeviceStore &m_store;
    SyncTransport &m_transport;
    std::function<void()> m_afterApply;
    QSet<QString> m_changedKinds;
    int m_setAside = 0;
};

} // namespace careround
