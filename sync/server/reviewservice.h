#pragma once

#include "accountstore.h"
#include "caller.h"
#include "reviewstore.h"
#include "serverstore.h"
#include "servicereply.h"
#include "syncservice.h"

#include <QUrlQuery>

namespace careround {

/**
 * The supervisors' side of the review store (GET /v1/review, POST /v1/review/settle, and
 * the administration CLI): the changes the server refused, listed whole, and their
 * settlement. Applying one lands it through the push's own steps (SyncService::
 * applyFromReview), attributed to its author, for a moved client under its coordinator now;
 * discarding one needs a reason, which is kept. Coordinators are refused (403).
 */
class ReviewService {
public:
    ReviewService(ServerStore &store, ReviewStore &review, AccountStore &accounts,
                  SyncService &sync, WallClock wall = systemWallClock());

    /** Open refused changes, oldest first: ?after=ID (the last of the page before), ?limit=N. */
    ServiceReply list(const Caller &caller, const QUrlQuery &query);
    /** {"id": ID, "action": "apply" | "discard", "reason": text} (a discard needs a reason). */
    ServiceReply settle(const Caller &caller, const QJsonObject &body);

    /** The caller the administration CLI acts as (a supervisor named "admin"). */
    static Caller administrator();
    /** One entry as the list gives it. */
    static QJsonObject toJson(const RefusedChange &change);

private:
    ServerStore &m_store;
    ReviewStore &m_review;
    AccountStore &m_accounts;
    SyncService &m_sync;
    WallClock m_wall;
};

} // namespace careround
