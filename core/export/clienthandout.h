#pragma once

#include "recordsource.h"

#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace careround {

/** A goal of the plan in the handout: what it is, and who does what for it. */
struct HandoutGoal {
    QString statement;
    QString targetDate;     ///< ISO date or empty
    QStringList clientDoes; ///< the client's own steps
    QStringList othersDo;   ///< "Your coordinator: ...", "Sunrise Meals: ..."
};

/** An upcoming appointment, with what the client must know. */
struct HandoutAppointment {
    QString title;
    QString withWhom;
    QString startsAt; ///< UTC ISO
    QString location;
    bool transportArranged = false;
    QString transportNotes;
    QString preparationNotes;
};

/** Someone the client may call. */
struct HandoutContact {
    QString name;
    QString role; ///< "Your coordinator", a provider's services
    QString phone;
};

/**
 * The client's own copy, in plain words and large print: the plan's goals with what the client
 * will do and what others will do, the next appointments (transport, what to prepare) and who
 * to call. Made on the tablet, offline, from its store; nothing in it the client did not see.
 */
struct ClientHandout {
    QString agencyName;
    QString clientName;
    QString language; ///< the client's language as recorded (translations: later)
    QString planTitle;
    QVector<HandoutGoal> goals;
    QVector<HandoutAppointment> appointments; ///< scheduled, from now on, soonest first
    QVector<HandoutContact> contacts;         ///< the coordinator first, then providers
    QTimeZone zone = QTimeZone::systemTimeZone();

    /**
     * The handout of a client and its current plan (planId may be empty: no plan yet),
     * with the appointments scheduled after `now` (at most `maxAppointments`). None, with a
     * sentence in error, when there is no such client.
     */
    static std::optional<ClientHandout> load(RecordSource &source, const QString &clientId,
                                             const QString &planId, const QDateTime &now,
                                             QString *error, int maxAppointments = 5);
};

} // namespace careround
