#pragma once

#include "accesspolicy.h"
#include "caller.h"
#include "merge.h"
#include "serverstore.h"

namespace careround {

/**
 * The server's check of the references a pushed change sets, driven by the schema
 * (EntityDef::referenceFields: Reference fields, and id fields whose kind another field names,
 * as a signature's recordEntity and recordId). Each must name a stored record of the kind the
 * schema names (one an earlier change of the same push created counts: it is stored in the
 * push's transaction), of the same client as the record the change is about, and one the
 * caller may write; a record of no client (the directory, the accounts) must be one the caller
 * may read. Without it a coordinator could sign, and so seal, another coordinator's care plan.
 */
class ReferenceCheck {
public:
    ReferenceCheck(ServerStore &store, const AccessPolicy &policy)
        : m_store(store), m_policy(policy)
    {}

    /**
     * Checks the references the edit sets on a record of def belonging to clientId (empty:
     * none), whose stored values are current (empty when the edit creates it). Returns an
     * empty string, or a plain message naming the field (never a value).
     */
    QString check(const Caller &caller, const EntityDef &def, const QString &clientId,
                  const QJsonObject &current, const Edit &edit) const;

private:
    QString checkOne(const Caller &caller, const EntityDef &def, const FieldDef &field,
                     const QString &kind, const QString &id, const QString &clientId) const;

    ServerStore &m_store;
    const AccessPolicy &m_policy;
};

} // namespace careround
