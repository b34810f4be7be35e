#pragma once

#include <QString>

namespace careround {

/** The authenticated caller of a request: a device and the account that enrolled it. */
struct Caller {
    QString deviceId;
    QString accountId; ///< also the id of the account's coordinator record
    QString role;      ///< "coordinator" or "supervisor"
    QString remote;    ///< the client's address (for rate limits), set before authentication
    QString csrf = {}; ///< an office session's CSRF token (empty for a device)
    bool isSupervisor() const { return role == QLatin1String("supervisor"); }
};

} // namespace careround
