#pragma once

#include "agencyserver.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace careround {

class ExportService;
class FhirExport;

/**
 * The HTTP face of the agency server: the API under /v1/ and the office console at /.
 * Decodes bodies (gzip, size limits, strict JSON), authenticates (a device's bearer token
 * with AccountService; an office session's cookie and, on a POST, its CSRF header with
 * OfficeSessions), hands each request to the part that serves it (enrolment to
 * AccountService, sync to SyncService, the review of refused changes to ReviewService, the
 * history to HistoryService, /v1/office/ to OfficeService and OfficeReports) and encodes the
 * reply (gzip when the client accepts it). Serves the console's files (compiled in) with a
 * Content-Security-Policy that allows only the server's own scripts and styles. Logs
 * method, path, status and time; never a body.
 */
class AgencyHttpServer : public QObject {
    Q_OBJECT
public:
    explicit AgencyHttpServer(AgencyServer &server, QObject *parent = nullptr);
    /** Listens; returns the bound port (0 on failure). Port 0 picks a free port. */
    quint16 listen(const QHostAddress &address, quint16 port);
    /** Serves HTTPS with this certificate and key (PEM files); call before listen. */
    bool setTls(const QString &certificatePath, const QString &keyPath, QString *error);
    /**
     * Adds the routes that get data out (docs/export.md): GET /v1/export/pdf?record=ID,
     * /v1/export/csv?report=NAME, /v1/export/fhir?client=ID (a Bundle), /v1/export/ics;
     * POST /v1/calendar/feed and /v1/calendar/revoke (the caller's feed secret); and the
     * feed itself, GET /v1/calendar/SECRET.ics, which needs no token (the secret is one).
     * The pdf, csv and fhir exports also answer under /v1/office/export/ for an office
     * session (docs/office-api.md).
     */
    void addExportRoutes(ExportService &exports, FhirExport &fhir);
    /**
     * Fault injection for crash tests: called after a request was handled (and committed),
     * before the reply is sent.
     */
    void setBeforeReplyHook(std::function<void(const QString &path)> hook)
    {
        m_beforeReply = std::move(hook);
    }

private:
    /** Who a request is from, or the reply that refuses it. */
    using Authenticator =
        std::function<std::optional<ServiceReply>(const QHttpServerRequest &, Caller &)>;
    using Handler = std::function<ServiceReply(const Caller &, const QJsonObject &)>;
    QHttpServerResponse handle(const QHttpServerRequest &request, const Authenticator &auth,
                               const Handler &fn);
    /** The three ways a request is let in: a device's token, an office session, anyone. */
    Authenticator byDevice();
    Authenticator bySession();
    static Authenticator byAnyone();
    void routeApi();
    void routeOffice();
    void routeConsole();
    AgencyServer &m_server;
    bool m_tls = false;
    QHttpServer m_http;
    std::function<void(const QString &)> m_beforeReply;
};

} // namespace careround
