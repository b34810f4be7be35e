#pragma once

#include "accountservice.h"
#include "historyservice.h"
#include "reviewservice.h"
#include "syncservice.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace careround {

class ExportService;
class FhirExport;

/**
 * The HTTP face of the agency server (/v1/...): decodes bodies (gzip, size limits, strict
 * JSON), authenticates (AccountService), hands each request to the part that serves it
 * (enrolment to AccountService, sync to SyncService, the review of refused changes to
 * ReviewService, the history to HistoryService) and encodes the reply (gzip
 * when the client accepts it). Logs method, path, status and time; never a body.
 */
class AgencyHttpServer : public QObject {
    Q_OBJECT
public:
    AgencyHttpServer(AccountService &accounts, SyncService &sync, ReviewService &review,
                     HistoryService &history, QObject *parent = nullptr);
    /** Listens; returns the bound port (0 on failure). Port 0 picks a free port. */
    quint16 listen(const QHostAddress &address, quint16 port);
    /** Serves HTTPS with this certificate and key (PEM files); call before listen. */
    bool setTls(const QString &certificatePath, const QString &keyPath, QString *error);
    /**
     * Adds the routes that get data out (docs/export.md): GET /v1/export/pdf?record=ID,
     * /v1/export/csv?report=NAME, /v1/export/fhir?client=ID (a Bundle), /v1/export/ics;
     * POST /v1/calendar/feed and /v1/calendar/revoke (the caller's feed secret); and the
     * feed itself, GET /v1/calendar/SECRET.ics, which needs no token (the secret is one).
     * accounts authenticates their callers.
     */
    void addExportRoutes(AccountService &accounts, ExportService &exports, FhirExport &fhir);
    /**
     * Fault injection for crash tests: called after a request was handled (and committed),
     * before the reply is sent.
     */
    void setBeforeReplyHook(std::function<void(const QString &path)> hook)
    {
        m_beforeReply = std::move(hook);
    }

private:
    QHttpServerResponse
    handle(const QHttpServerRequest &request, bool needsAuth,
           const std::function<ServiceReply(const Caller &, const QJsonObject &)> &fn);
    AccountService &m_accounts;
    SyncService &m_sync;
    ReviewService &m_review;
    HistoryService &m_history;
    QHttpServer m_http;
    std::function<void(const QString &)> m_beforeReply;
};

} // namespace careround
