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

/**
 * Limits of one value, the same for a local edit on the tablet and a pushed change on the
 * server. Lengths are counted in Unicode code points ("characters"), not UTF-16 units. The
 * protocol's limits (ProtocolLimits) build on these and say how much room the server keeps
 * for the wrapping it does.
 */
constexpr int kMaxTextLength = 100000;
/** Items of a list of text. */
constexpr int kMaxListItems = 1000;
/** Nesting of a JSON value: a scalar is 0, [] is 1, [[1]] is 2. */
constexpr int kMaxJsonDepth = 32;
/** A JSON field's value (or an unknown field's), encoded compactly, in bytes. */
constexpr qsizetype kMaxJsonBytes = qsizetype(1024) * 1024;

/** The number of Unicode code points of the text (a surrogate pair counts once). */
qsizetype codePointCount(QStringView text);
/** The first n code points of the text (never half of a surrogate pair). */
QString leftCharacters(const QString &text, qsizetype n);
/** The nesting depth of the value; stops counting past limit (returns limit + 1). */
int jsonDepth(const QJsonValue &value, int limit = 1024);
/** The size of the value encoded as compact JSON, in bytes. */
qsizetype jsonBytes(const QJsonValue &value);
/**
 * Checks a value of a field this schema does not know (from a newer app): its name 1 to 64
 * characters, its value within the JSON limits.
 */
QString checkUnknownValue(const EntityDef &entity, const QString &name, const QJsonValue &value);

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
