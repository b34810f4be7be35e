#include "agencyserver.h"

#include "servermigrations.h"

namespace careround {

void AgencyServer::initialize()
{
    ServerMigrations::migrate(database);
}

} // namespace careround
