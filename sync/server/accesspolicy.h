#pragma once

#include "caller.h"
#include "merge.h"
#include "schema.h"

#include <QStringList>

#include <optional>

namespace careround {

/** A coordinator's place on one client's caseload, as the server's store holds it. */
struct CaseloadEntry {
    bool current = false; ///< on the caseload now
    qint64 untilMs = 0;   ///< when it left the caseload (when not current)
};

/** Where the access policy learns who holds which client (the server's store; a test fake). */
class CaseloadSource {
public:
    virtual ~CaseloadSource() = default;
    /** The coordinator's entry for the client; none when it was never on their caseload. */
    virtual std::optional<CaseloadEntry> caseloadEntry(const QString &clientId,
                                                       const QString &coordinatorId) = 0;
};

/** A record as access sees it: its kind, the client it belongs to, whether it exists yet. */
struct AccessTarget {
    const EntityDef *def = nullptr;
    QString clientId;    ///< empty: it belongs to no client
    bool exists = false; ///< false: the change would create it
};

/** What a caller may read, in the form a store's query filters by. */
struct ReadScope {
    /** Empty: every record. Otherwise the records of this coordinator's current caseload. */
    QString coordinatorId;
    /** Kinds of records with no client that the caller may still not read. */
    QStringList hiddenKinds;
};

/**
 * Who may read and change which record on the agency server. Every decision is taken from
 * the schema (EntityDef::audience, clientField, caseloadField, replicated) and the caseload,
 * never from a kind's name: a new kind is covered by saying in the schema who it is for.
 */
class AccessPolicy {
public:
    explicit AccessPolicy(CaseloadSource &caseloads) : m_caseloads(caseloads) {}

    /** True when the caller may receive the record. */
    bool mayRead(const Caller &caller, const AccessTarget &record) const;
    /** True when the caller may read every record of the client (pull ?client=). */
    bool mayReadClient(const Caller &caller, const QString &clientId) const;
    /** The filter of mayRead for a query over many records (the pull, the conflicts). */
    ReadScope readScope(const Caller &caller) const;
    /** True when the caller may apply the change (an edit pushed by its device) to the record. */
    bool mayApply(const Caller &caller, const AccessTarget &record, const Edit &change) const;
    /**
     * True when the caller is a coordinator who held the client and holds it no longer (it
     * was moved to another caseload): why a change mayApply refused is `client_moved`.
     */
    bool leftCaseload(const Caller &caller, const QString &clientId) const;

private:
    bool holdsNow(const Caller &caller, const QString &clientId) const;
    CaseloadSource &m_caseloads;
};

} // namespace careround
