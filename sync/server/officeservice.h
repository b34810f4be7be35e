#pragma once

#include "accesspolicy.h"
#include "accountservice.h"
#include "accountstore.h"
#include "caller.h"
#include "editornames.h"
#include "historyservice.h"
#include "recordviews.h"
#include "reviewservice.h"
#include "reviewstore.h"
#include "serverstore.h"
#include "servicereply.h"
#include "syncservice.h"

#include <QDate>
#include <QUrlQuery>

namespace careround {

/**
 * The office console's JSON API (/v1/office/..., docs/office-api.md) for a signed-in office
 * account: the dashboard, the clients and their charts, the review of what sync set aside,
 * staff and devices, the resource directory and the audit. Reads are scoped by the
 * AccessPolicy like a tablet's pull (a coordinator: their caseload); a record the caller may
 * not read is a 404 like one that does not exist. Every change to a record goes through
 * SyncService::applyOffice (validation, access, merge, history; tablets receive it on their
 * next sync); staff changes through AccountService. Viewing a chart is written to the audit.
 */
class OfficeService {
public:
    OfficeService(ServerStore &store, RecordViews &views, AccountStore &accounts,
                  ReviewStore &review, AccountService &accountService, SyncService &sync,
                  ReviewService &reviews, HistoryService &history, const AccessPolicy &policy,
                  WallClock wall = systemWallClock());

    // Reads (GET).
    ServiceReply dashboard(const Caller &caller, const QUrlQuery &query);
    ServiceReply clients(const Caller &caller, const QUrlQuery &query);
    ServiceReply coordinators(const Caller &caller);
    ServiceReply chart(const Caller &caller, const QUrlQuery &query);
    ServiceReply history(const Caller &caller, const QUrlQuery &query);
    /** The review list, a page of each part at a time (docs/office-api.md). */
    ServiceReply review(const Caller &caller, const QUrlQuery &query);
    static constexpr int kReviewPage = 100;
    static constexpr int kReviewMaxPage = 500;
    ServiceReply staff(const Caller &caller);
    ServiceReply providers(const Caller &caller);
    ServiceReply audit(const Caller &caller, const QUrlQuery &query);

    // Changes (POST, with the session's CSRF token).
    ServiceReply moveClients(const Caller &caller, const QJsonObject &body);
    ServiceReply settleConflict(const Caller &caller, const QJsonObject &body);
    ServiceReply settleRefused(const Caller &caller, const QJsonObject &body);
    ServiceReply createAccount(const Caller &caller, const QJsonObject &body);
    ServiceReply changeAccount(const Caller &caller, const QJsonObject &body);
    ServiceReply revokeDevice(const Caller &caller, const QJsonObject &body);
    ServiceReply saveProvider(const Caller &caller, const QJsonObject &body);

    /** The agency's day (the server's local date): what "overdue" and "today" are about. */
    QDate today() const;

private:
    /**
     * Appends to `edits` the creation of a new, unsigned version of a signed record: a copy
     * of it and of the children its signature covers, with the amended values. Its id.
     */
    QString newVersion(const EntityDef &def, const Record &signedRecord, const QJsonObject &amended,
                       QVector<Edit> &edits);
    /** The names of the agency's accounts by id (staff names are no client data). */
    QHash<QString, QString> staffNames();
    /** When and by whom (EditorNames) the edit a stamp marks was made, for the console. */
    static QJsonObject stampJson(const QString &stamp, const EditorNames &editors);

    ServerStore &m_store;
    RecordViews &m_views; ///< what the dashboard and the client list read
    AccountStore &m_accounts;
    ReviewStore &m_review;
    AccountService &m_accountService;
    SyncService &m_sync;
    ReviewService &m_reviews;
    HistoryService &m_history;
    const AccessPolicy &m_policy;
    WallClock m_wall;
};

} // namespace careround
