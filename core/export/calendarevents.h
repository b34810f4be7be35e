#pragma once

#include "icswriter.h"

namespace careround {

/**
 * The calendar events made from records, and what each shows. A coordinator's feed shows the
 * least a calendar needs: the time, the place, the client's initials and the purpose; no
 * health details, no names (docs/security.md). The client's own file (made on the tablet for
 * the client) shows the appointment whole: with whom, where, transport, what to prepare.
 */
namespace CalendarEvents {

/** "J. D." from a client record. */
QString initials(const Record &client);
/** A visit in a coordinator's feed (at the client's home). */
IcsEvent coordinatorVisit(const Record &visit, const Record &client);
/** An appointment of a client on the coordinator's caseload. */
IcsEvent coordinatorAppointment(const Record &appointment, const Record &client);
/** An open follow-up: an all-day event on its due day. */
IcsEvent coordinatorFollowUp(const Record &followUp, const Record &client);
/** An appointment in the file given to the client: everything the client needs to know. */
IcsEvent clientAppointment(const Record &appointment, const QString &providerPhone);

} // namespace CalendarEvents

} // namespace careround
