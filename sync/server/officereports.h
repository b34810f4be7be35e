#pragma once

#include "accesspolicy.h"
#include "accountstore.h"
#include "caller.h"
#include "recordviews.h"
#include "serverstore.h"
#include "servicereply.h"

#include <QDate>
#include <QUrlQuery>

namespace careround {

/**
 * The office console's reports (GET /v1/office/reports/NAME, docs/office-api.md), each a
 * table (columns and rows) with, where a trend reads better as a picture, a chart (labels
 * and series) the console draws: overdue follow-ups by coordinator, visits done against
 * planned per week, goal attainment by domain and by month, satisfaction by month,
 * complaints by provider and status with the days to resolution, referrals through their
 * steps with the days at each, and provider quality. Filters: `coordinator` (an account id),
 * `from` and `to` (YYYY-MM-DD, both days included). The caller's read scope applies: a
 * coordinator's reports cover their caseload. Times of steps come from the history.
 */
class OfficeReports {
public:
    OfficeReports(ServerStore &store, RecordViews &views, AccountStore &accounts,
                  const AccessPolicy &policy, WallClock wall = systemWallClock())
        : m_store(store), m_views(views), m_accounts(accounts), m_policy(policy),
          m_wall(std::move(wall))
    {}

    /** The names of the reports, in the console's order. */
    static QStringList names();
    ServiceReply report(const Caller &caller, const QString &name, const QUrlQuery &query);

private:
    struct Filter;
    QJsonObject overdueFollowUps(const Filter &f);
    QJsonObject visits(const Filter &f);
    QJsonObject goals(const Filter &f);
    QJsonObject satisfaction(const Filter &f);
    QJsonObject complaints(const Filter &f);
    QJsonObject referrals(const Filter &f);
    QJsonObject providerQuality(const Filter &f);

    ServerStore &m_store;
    RecordViews &m_views; ///< what the reports read of records
    AccountStore &m_accounts;
    const AccessPolicy &m_policy;
    WallClock m_wall;
};

} // namespace careround
