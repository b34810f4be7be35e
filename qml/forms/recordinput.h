#pragma once

#include "schema.h"

#include <QDate>
#include <QJsonValue>
#include <QVariant>

namespace careround::RecordInput {

/**
 * The value for a field from what a person typed or chose in a form: text is trimmed (empty
 * clears an optional field), dates are "YYYY-MM-DD", date-times "YYYY-MM-DD HH:MM" in local
 * time (stored in UTC), numbers and yes/no as such. On bad input returns an undefined value and
 * sets error to a sentence for people.
 */
QJsonValue fromInput(const EntityDef &def, const QString &field, const QVariant &input,
                     QString *error);
/** A field's name for people ("dateOfBirth" -> "Date of birth"), translated. */
QString fieldLabel(const QString &field);
/** A status, owner or domain code for people ("in_service" -> "In service"), translated. */
QString label(const QString &code);
/** The statuses a record may take from its current one (the current first): maps with
    "value" and "label", for a status picker that offers only allowed transitions. */
QVariantList statusChoices(const EntityDef &def, const QString &current);
/** Maps with "value" and "label" for the allowed values of an enumerated field. */
QVariantList fieldChoices(const EntityDef &def, const QString &field);
/** "22 Nov 2026" from "2026-11-22", or the local day of a UTC date-time (empty stays empty). */
QString dateText(const QString &isoDate);
/** "Sun 22 Nov 2026, 09:30" (local) from a UTC ISO date-time. */
QString dateTimeText(const QString &isoUtc);
/** "22 Nov 2026" from a date, "22 Nov 2026, 09:30" (local) from a UTC date-time. */
QString momentText(const QString &iso);
/** The day of "2026-11-22", or the local day of a UTC date-time. */
QDate localDate(const QString &iso);
/** "Sun 22 Nov" (the weekday, no year: for this week's lists). */
QString shortDayText(const QDate &day);
/** "14:05": the local clock time of a UTC date-time. */
QString clockText(const QString &isoUtc);
/** "Sun 22 Nov 2026" from a date (with the weekday, for what is due). */
QString dayText(const QDate &day);
/** A stored UTC time for people: "14:05" on the day, else "Mon 16 Nov 2026, 14:05". */
QString timeText(const QString &isoUtc, const QDate &today);
/** "2026-11-22 09:30" (local), the form fromInput() takes for a date-time. */
QString dateTimeInput(const QString &isoUtc);

} // namespace careround::RecordInput
