#include "accesspolicy.h"

namespace careround {

bool AccessPolicy::holdsNow(const Caller &caller, const QString &clientId) const
{
    const std::optional<CaseloadEntry> entry =
        m_caseloads.caseloadEntry(clientId, caller.accountId);
    return entry && entry->current;
}

bool AccessPolicy::leftCaseload(const Caller &caller, const QString &clientId) const
{
    if (caller.isSupervisor() || clientId.isEmpty())
        return false;
    const std::optional<CaseloadEntry> entry =
        m_caseloads.caseloadEntry(clientId, caller.accountId);
    return entry && !entry->current;
}

bool AccessPolicy::mayRead(const Caller &caller, const AccessTarget &record) const
{
    if (!record.def->replicated)
        return false;
    if (caller.isSupervisor())
        return true;
    switch (record.def->audience) {
    case Audience::Supervisors:
        return false;
    case Audience::Staff:
    case Audience::Agency:
        return true;
    case Audience::Caseload:
        // A record of a client kind about no client (a conflict about the shared directory)
        // is the supervisors': they alone settle it (mayApply), so only they are shown it.
        return !record.clientId.isEmpty() && holdsNow(caller, record.clientId);
    }
    return false;
}

bool AccessPolicy::mayReadClient(const Caller &caller, const QString &clientId) const
{
    return caller.isSupervisor() || holdsNow(caller, clientId);
}

ReadScope AccessPolicy::readScope(const Caller &caller) const
{
    if (caller.isSupervisor())
        return {};
    ReadScope scope{caller.accountId, {}};
    for (const EntityDef &def : Schema::instance().entities())
        if (!mayRead(caller, AccessTarget{&def, {}, true}))
            scope.hiddenKinds.append(def.name);
    return scope;
}

bool AccessPolicy::mayApply(const Caller &caller, const AccessTarget &record,
                            const Edit &change) const
{
    const EntityDef &def = *record.def;
    if (!def.replicated || def.audience == Audience::Staff || def.audience == Audience::Supervisors)
        return false; // only the server writes them
    if (def.audience == Audience::Agency || caller.isSupervisor())
        return true; // the shared directory is everyone's
    if (record.clientId.isEmpty())
        return false; // a record of a client kind about no client (a conflict about the
                      // directory): settled by a supervisor, like every agency-wide decision
    if (!def.caseloadField.isEmpty() && change.values.contains(def.caseloadField))
        // A coordinator may only put a new client on their own caseload.
        return !record.exists &&
               change.values.value(def.caseloadField).toString() == caller.accountId;
    // A coordinator may write to clients on the caseload, and to a client that left it for
    // edits made before it left: those are merged, not lost.
    const std::optional<CaseloadEntry> entry =
        m_caseloads.caseloadEntry(record.clientId, caller.accountId);
    return entry && (entry->current || qint64(change.stamp.hlc.millis()) <= entry->untilMs);
}

} // namespace careround
