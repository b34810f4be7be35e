#pragma once

#include "accesspolicy.h"
#include "accountstore.h"
#include "caller.h"
#include "protocol.h"
#include "referencecheck.h"
#include "reviewstore.h"
#include "serverstore.h"
#include "servicereply.h"

#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>

#include <functional>

namespace careround {

/**
 * The sync requests of an authenticated device: hello, push (each change decided alone:
 * checked, merged and stored, or refused and kept in the review store; the whole push in one
 * transaction), pull (pages of what the caller may read) and the open conflicts. Access is
 * the AccessPolicy's on every change and every page, references the ReferenceCheck's on every
 * change. Holds no state between requests beyond the database, so several processes can serve
 * one database.
 */
class SyncService {
public:
    SyncService(ServerStore &store, AccountStore &accounts, ReviewStore &review,
                const AccessPolicy &policy, WallClock wall = systemWallClock());

    ServiceReply hello(const Caller &caller, const QJsonObject &body);
    ServiceReply push(const Caller &caller, const QJsonObject &body);
    ServiceReply pull(const Caller &caller, const QUrlQuery &query);
    /** The open conflicts the caller may read, a page at a time (docs/sync-protocol.md). */
    ServiceReply conflicts(const Caller &caller, const QUrlQuery &query);
    /** The most open conflicts one page of GET /v1/conflicts holds. */
    static constexpr int kConflictsPage = 500;

    /** Edits stamped further ahead of the server's clock than this are held (a conflict). */
    void setMaxSkewMillis(qint64 millis) { m_maxSkewMillis = millis; }
    /**
     * Fault injection for crash tests: called in a push (and an office change) after all its
     * writes, before the commit (a process that dies there must leave nothing of it, history
     * included).
     */
    void setBeforeCommitHook(std::function<void()> hook) { m_beforeCommit = std::move(hook); }

    /**
     * Lands a change from the review store through the push's own steps (validation, access,
     * references, the merge, so conflicts are recorded), inside the caller's transaction and
     * writes. `as` is whose access the change is checked against (the supervisor who applies
     * it); its stamp stays the author's, and the history names the author: `author` is the
     * author's account and device with HistoryOutcome::RefusedThenApplied. Returns the result
     * as a push gives it; a change that still cannot be applied gives status "refused" and
     * writes nothing.
     */
    QJsonObject applyFromReview(ServerStore::Writes &writes, const Caller &as,
                                const PushChange &change, const Provenance &author);

    /**
     * Edits made in the office console by `office` (a signed-in account; its deviceId is
     * "office"), through the push's own steps: each is stamped by the server's clock now,
     * checked (validation, access, references, authors) and merged against its bases (the
     * stamps the console showed), so an edit a tablet made meanwhile is a conflict like any
     * other. All or nothing: the first refused edit undoes the request and its reply (400 or
     * 403, the refusal's code and message) is returned. Otherwise 200 with the results.
     */
    ServiceReply applyOffice(const Caller &office, QVector<Edit> edits);

private:
    struct PushRun;
    struct Target;
    struct Incoming;
    std::optional<ServiceReply> decodeBatch(const Caller &caller, const QJsonObject &body,
                                            QVector<Incoming> &changes);
    void checkSequence(const PushRun &run, qint64 deviceSeq);
    /**
     * The steps every change goes through, pushed or applied from review: locate, validate,
     * access (as), references, authors (author), merge. Throws Refusal before any write of
     * the change: a refused change leaves nothing stored.
     */
    QJsonObject applyChange(PushRun &run, const Caller &as, const PushChange &change,
                            const Provenance &author);
    QJsonObject decide(PushRun &run, const Caller &caller, const Incoming &change);
    QJsonObject refuse(PushRun &run, const Caller &caller, const Incoming &change,
                       const QString &reason, const QString &message);
    QJsonObject resentResult(const Incoming &change, const QMap<qint64, RefusedChange> &refused);
    Target locate(const PushChange &change);
    void validate(const PushChange &change, const Target &target);
    void checkAccess(const Caller &caller, const PushChange &change, const Target &target);
    /** Refuses a change whose author fields (FieldDef::actor) name another account. */
    void checkActor(const QString &accountId, const PushChange &change, const Target &target);
    void checkReferences(const Caller &caller, const PushChange &change, const Target &target);
    /**
     * Merges the change into its record and writes what changed, attributed in the history
     * to `provenance` (the change's author and device; RefusedThenApplied for a refused
     * change a supervisor applies); conflict winners and resolutions are found here.
     */
    QJsonObject merge(PushRun &run, const PushChange &change, const Target &target,
                      const Provenance &provenance);
    static Provenance fieldOutcomes(const PushRun &run, const PushChange &change,
                                    const Target &target, const MergeResult &merged,
                                    Provenance provenance);
    /** Adds entity/id/field of what an edit resolving an open conflict is about. */
    void noteResolved(const Edit &edit, QSet<QString> &fields);
    QSet<QString> resolvedFields(const QVector<Incoming> &changes);
    /**
     * The conflict record of a draft, with server stamps and the names of who made each side
     * (keptBy, otherBy); none when it exists already or this change opens it already
     * (`opening`, the ids it opens).
     */
    std::optional<Record> conflictRecord(PushRun &run, const EntityDef &def, const Record &record,
                                         const QString &clientId, const ConflictDraft &draft,
                                         QSet<QString> &opening);
    static const EntityDef &conflictDef();
    void finish(const Caller &caller, PushRun &run);

    ServerStore &m_store;
    AccountStore &m_accounts;
    ReviewStore &m_review;
    const AccessPolicy &m_policy;
    ReferenceCheck m_references;
    WallClock m_wall;
    qint64 m_maxSkewMillis = 10 * 60 * 1000;
    std::function<void()> m_beforeCommit;
};

} // namespace careround
