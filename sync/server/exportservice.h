#pragma once

#include "accesspolicy.h"
#include "caller.h"
#include "recordsource.h"
#include "serverstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>

namespace careround {

/** What an export gives: a file's bytes and type, or an HTTP-like status and a sentence. */
struct ExportResult {
    int status = 200; ///< 200, or 400 (bad input), 403 (not the caller's), 404 (no such thing)
    QString error;    ///< for people; names ids, never values
    QByteArray data;
    QByteArray contentType;
    QString fileName; ///< a suggested file name for a download
    bool ok() const { return status == 200; }
    static ExportResult failure(int status, const QString &error)
    {
        return {status, error, {}, {}, {}};
    }
};

/**
 * The agency server's ways out (issue 13): the PDF of a signed document, FHIR R4 (NDJSON per
 * resource type, and a Bundle per client), CSV reports and iCalendar (a coordinator's feed
 * behind a revocable secret). Every call checks the caller against the AccessPolicy: a
 * coordinator gets only their caseload, a supervisor the agency. Read-only except for the
 * calendar secrets (kept in the meta table, only as SHA-256). Used by the CLI
 * (`admin export ...`), the HTTP routes and the office console (docs/export.md).
 */
class ExportService {
public:
    ExportService(ServerStore &store, AccessPolicy &policy) : m_store(store), m_policy(policy) {}

    /** The PDF of the signed assessment, care plan or visit record (or of a signature's). */
    ExportResult pdf(const Caller &caller, const QString &recordId);
    /** The reports `csv` knows: caseload, followups, overdue, visits, referrals, benefits,
        complaints. */
    static QStringList csvReports();
    /** A CSV report over what the caller may read (today: for `overdue`). */
    ExportResult csv(const Caller &caller, const QString &report, const QDate &today);
    /** The calendar of a coordinator: their visits, their caseload's appointments and open
        follow-ups. A coordinator may only ask for their own. */
    ExportResult ics(const Caller &caller, const QString &coordinatorId);

    /** Makes a new calendar feed secret for the coordinator (the previous one stops working);
        returns the feed's path, /v1/calendar/SECRET.ics. */
    QString newCalendarSecret(const QString &coordinatorId);
    /** Revokes the coordinator's feed; false when there was none. */
    bool revokeCalendarSecret(const QString &coordinatorId);
    /** The feed for a secret (the file name of GET /v1/calendar/SECRET.ics); 404 when the
        secret is unknown or revoked. */
    ExportResult calendarFeed(const QString &fileName);

    /** The agency's time zone (meta `timeZone`, an IANA id; else the system's). */
    QTimeZone agencyZone();
    /** Sets the agency's time zone; false when the id is unknown. */
    bool setAgencyZone(const QString &ianaId);

    /**
     * The records of one client (every kind), with the shared records they point at found on
     * demand (providers, coordinators): the source of a PDF or a per-client Bundle. Given the
     * agency's shared records already read (shared()), it reads nothing after its
     * constructor, so it may be used on another thread than the store's.
     */
    class ClientSource : public RecordSource {
    public:
        /** withStamps false: the field stamps are not read (an export that does not need
            them, such as a full FHIR export, reads the records faster). */
        ClientSource(ServerStore &store, const QString &clientId, bool withStamps = true,
                     const RecordSet *shared = nullptr);
        std::optional<Record> find(const EntityDef &def, const QString &id) override;
        QVector<Record> findBy(const EntityDef &def, const QString &field,
                               const QString &value) override;
        const RecordSet &records();

        /** Every record of the kinds that belong to no client (the directory, the staff),
            voided ones too. */
        static RecordSet shared(ServerStore &store);

    private:
        void decode();
        ServerStore &m_store;
        QVector<StoredRecord> m_rows; ///< read, not decoded yet
        RecordSet m_set;
        const RecordSet *m_shared;
        bool m_withStamps;
        bool m_decoded = false;
    };

    /** The client a record belongs to (empty: none or no such record), by trying every
        client kind; sets entity to the kind found. */
    QString clientOf(const QString &recordId, QString *entity = nullptr);

private:
    ExportResult forbidden(const QString &what) const;
    ServerStore &m_store;
    AccessPolicy &m_policy;
};

} // namespace careround
