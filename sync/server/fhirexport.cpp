#include "fhirexport.h"

#include "exportservice.h"

namespace careround {

FhirExport::Summary FhirExport::writeNdjson(const Caller &, const QString &, const QString &,
                                            const QDateTime &, QString *error)
{
    *error = QStringLiteral("not yet");
    return {};
}

QJsonObject FhirExport::clientBundle(const Caller &, const QString &, int *status, QString *error)
{
    *status = 501;
    *error = QStringLiteral("not yet");
    return {};
}

} // namespace careround
