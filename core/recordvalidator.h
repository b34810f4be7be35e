#pragma once

#include "schema.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace careround {

/**
 * Schema rules for values, shared by the device store (local edits) and the agency server
 * (pushed changes). Each check returns an empty string when the input is fine, or a message
 * for a person that names the field and the rule (never the value: it may be client data).
 */
namespace RecordValidator {

/** Checks one value against its field's type, allowed values and range. Null clears. */
QString checkValue(const EntityDef &entity, const FieldDef &field, const QJsonValue &value);

/**
 * Checks a local edit: every field known, every value valid, required fields present on
 * create (current is empty), and the status transition allowed.
 */
QString checkEdit(const EntityDef &entity, const QJsonObject &current, const QJsonObject &changes,
                  bool isCreate);

/** True for a well-formed calendar date "YYYY-MM-DD". */
bool isDate(const QString &text);
/** True for an ISO 8601 date-time with seconds and a zone ("Z" or +hh:mm). */
bool isDateTime(const QString &text);
/** True for an id in canonical UUID text form. */
bool isUuid(const QString &text);

} // namespace RecordValidator

} // namespace careround
