#pragma once

#include "accesspolicy.h"
#include "caller.h"
#include "serverstore.h"
#include "servicereply.h"

#include <QUrlQuery>

namespace careround {

/**
 * The agency's audit trail of client records (GET /v1/history): who changed which field of
 * which record, when, from which device, and what it was before, as the HistoryStore keeps
 * it. Supervisors read any client's history, coordinators that of their current caseload,
 * each only the kinds of records they may read.
 */
class HistoryService {
public:
    static constexpr int kDefaultLimit = 500;
    static constexpr int kMaxLimit = 2000;

    HistoryService(ServerStore &store, const AccessPolicy &policy)
        : m_store(store), m_policy(policy)
    {}

    /** One page: `client` (required), `cursor` (a history number, default 0), `limit`. */
    ServiceReply history(const Caller &caller, const QUrlQuery &query);
    /** One entry as the history gives it. */
    static QJsonObject toJson(const FieldChange &entry);

private:
    ServerStore &m_store;
    const AccessPolicy &m_policy;
};

} // namespace careround
