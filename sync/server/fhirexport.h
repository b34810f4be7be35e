#pragma once

#include "accesspolicy.h"
#include "caller.h"
#include "serverstore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

namespace careround {

class ExportService;

/**
 * FHIR R4 out of the agency server (docs/fhir.md): Bulk Data style NDJSON, one file per
 * resource type, streamed client by client so memory does not grow with the agency; and one
 * client's records as a Bundle for the office console. The mapping is FhirMapper's (core's
 * export library); this class reads the store under the caller's access.
 */
class FhirExport {
public:
    FhirExport(ServerStore &store, AccessPolicy &policy, ExportService &exports)
        : m_store(store), m_policy(policy), m_exports(exports)
    {}

    /** Resources written per type. */
    struct Summary {
        QMap<QString, qint64> counts;
    };

    /**
     * Writes DIR/<Type>.ndjson for every client the caller may read (or the one client),
     * with the resources of records changed since `since` (invalid: all), plus the agency's
     * Organization, the Practitioners, Questionnaires and providers they refer to. Files go
     * to a temporary folder renamed into place. Sets error (and writes nothing) on bad input.
     */
    Summary writeNdjson(const Caller &caller, const QString &dir, const QString &clientId,
                        const QDateTime &since, QString *error);
    /** One client's resources as a Bundle of type collection; status 403/404 in error. */
    QJsonObject clientBundle(const Caller &caller, const QString &clientId, int *status,
                             QString *error);

private:
    ServerStore &m_store;
    AccessPolicy &m_policy;
    ExportService &m_exports;
};

} // namespace careround
