#include "changefeed.h"

namespace careround {

bool Change::touches(const QStringList &watchedKinds, const QString &watchedClient) const
{
    if (!watchedClient.isEmpty() && !clientId.isEmpty() && clientId != watchedClient)
        return false;
    if (kinds.isEmpty())
        return true;
    for (const QString &kind : watchedKinds)
        if (kinds.contains(kind))
            return true;
    return false;
}

Change Change::everything(Origin origin)
{
    Change c;
    c.origin = origin;
    return c;
}

} // namespace careround
