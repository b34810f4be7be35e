#pragma once

#include "record.h"

#include <QTimeZone>

namespace careround::ExportText {

/** A stored code for people, in exports: "in_service" -> "In service", "phq9" stays. */
QString codeLabel(const QString &code);
/** A field name for people: "reviewDate" -> "Review date". */
QString fieldLabel(const QString &field);
/** "2026-11-22" -> "22 Nov 2026" (empty stays empty; C locale, as files are read anywhere). */
QString dateText(const QString &isoDate);
/** A stored UTC date-time in the zone: "Sun 22 Nov 2026, 09:30 (CET)". */
QString dateTimeText(const QString &isoUtc, const QTimeZone &zone);
/** A field's value for people: codes, dates and yes/no spelled out, lists joined. */
QString valueText(const FieldDef &field, const QJsonValue &value, const QTimeZone &zone);
/** "First Last" of a client record. */
QString personName(const Record &client);

} // namespace careround::ExportText
