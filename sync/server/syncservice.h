#pragma once

#include "accesspolicy.h"
#include "accountstore.h"
#include "caller.h"
#include "protocol.h"
#include "reviewstore.h"
#include "serverstore.h"
#include "servicereply.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace careround {

/**
 * The sync requests of an authenticated device: hello, push (each change decided alone:
 * checked, merged and stored, or refused and kept in the review store; the whole push in one
 * transaction), pull (pages of what the caller may read) and the open conflicts. Access is
 * the AccessPolicy's on every change and every page. Holds no state between requests beyond
 * the database, so several processes can serve one database.
 */
class SyncService {
public:
    SyncService(ServerStore &store, AccountStore &accounts, ReviewStore &review,
                const AccessPolicy &policy, WallClock wall = systemWallClock());

    ServiceReply hello(const Caller &caller, const QJsonObject &body);
    ServiceReply push(const Caller &caller, const QJsonObject &body);
    ServiceReply pull(const Caller &caller, const QUrlQuery &query);
    ServiceReply conflicts(const Caller &caller);

    /** Edits stamped further ahead of the server's clock than this are held (a conflict). */
    void setMaxSkewMillis(qint64 millis) { m_maxSkewMillis = millis; }

    /**
     * Lands a change from the review store through the push's own steps (validation, the
     * checks of every change, the merge, so conflicts are recorded), inside the caller's
     * transaction and writes (whose provenance says whose edit it is). `as` is whose access
     * the change is checked against (the supervisor who applies it); its stamp stays the
     * author's. Returns the result as a push gives it; a change that still cannot be applied
     * gives status "refused" and writes nothing.
     */
    QJsonObject applyFromReview(ServerStore::Writes &writes, const Caller &as,
                                const PushChange &change);

private:
    struct PushRun;
    struct Target;
    struct Incoming;
    std::optional<ServiceReply> decodeBatch(const Caller &caller, const QJsonObject &body,
                                            QVector<Incoming> &changes);
    void checkSequence(const PushRun &run, qint64 deviceSeq);
    QJsonObject decide(PushRun &run, const Caller &caller, const Incoming &change);
    QJsonObject refuse(PushRun &run, const Caller &caller, const Incoming &change,
                       const QString &reason, const QString &message);
    QJsonObject resentResult(const Incoming &change, const QMap<qint64, RefusedChange> &refused);
    Target locate(const PushChange &change);
    void validate(const PushChange &change, const Target &target);
    void checkAccess(const Caller &caller, const PushChange &change, const Target &target);
    QJsonObject merge(PushRun &run, const PushChange &change, const Target &target);
    void recordConflict(ServerStore::Writes &writes, const EntityDef &def, const Record &record,
                        const QString &clientId, const ConflictDraft &draft);
    void finish(const Caller &caller, const PushRun &run);

    ServerStore &m_store;
    AccountStore &m_accounts;
    ReviewStore &m_review;
    const AccessPolicy &m_policy;
    WallClock m_wall;
    qint64 m_maxSkewMillis = 10 * 60 * 1000;
};

} // namespace careround
