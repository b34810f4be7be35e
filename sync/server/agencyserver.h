#pragma once

#include "accesspolicy.h"
#include "accountservice.h"
#include "accountstore.h"
#include "agencyrecords.h"
#include "historyservice.h"
#include "officereports.h"
#include "officeservice.h"
#include "officesessions.h"
#include "recordviews.h"
#include "reviewservice.h"
#include "reviewstore.h"
#include "serverstore.h"
#include "syncservice.h"

namespace careround {

/**
 * The agency server's parts over one database, each given what it uses: the stores (all the
 * server's SQL), the access policy, the server's own records, accounts and enrolment, the
 * sync service, the review of refused changes, the history service and the office console's
 * sessions, API and reports. What careround-server,
 * the tests and the benchmarks run.
 */
struct AgencyServer {
    explicit AgencyServer(ServerDatabase &db, const WallClock &wall = systemWallClock())
        : database(db), store(db, wall), accountStore(db), reviewStore(db), policy(store),
          records(store), accounts(accountStore, records, wall),
          sync(store, accountStore, reviewStore, policy, wall),
          review(store, reviewStore, accountStore, sync, wall), history(store, policy),
          sessions(accountStore, accounts, wall), views(store),
          office(store, views, accountStore, reviewStore, accounts, sync, review, history, policy,
                 wall),
          reports(store, views, accountStore, policy, wall)
    {}
    AgencyServer(const AgencyServer &) = delete;
    AgencyServer &operator=(const AgencyServer &) = delete;

    /** Migrates the database to this code's version (ServerMigrations::migrate). */
    void initialize();

    ServerDatabase &database;
    ServerStore store;
    AccountStore accountStore;
    ReviewStore reviewStore;
    AccessPolicy policy;
    AgencyRecords records;
    AccountService accounts;
    SyncService sync;
    ReviewService review;
    HistoryService history;
    OfficeSessions sessions;
    RecordViews views;
    OfficeService office;
    OfficeReports reports;
};

} // namespace careround
