#pragma once

#include "record.h"

#include <QString>
#include <QVector>

namespace careround {

/**
 * The hash a signature binds: what exactly was signed. A pure function of a signable record
 * and its children, the same wherever it runs (the tablet when signing and showing a
 * signature, the demo generator, the server, the PDF export), so it reads no store: the caller
 * hands in the records.
 *
 * The rules (signatures stored on tablets verify with them, so they never change):
 * the SHA-256, in lower-case hex, of the compact JSON of
 * `{"entity": kind, "id": id, "values": values, "children": {childKind: [{"id", "values"}]}}`
 * where values are as stored: every field of the kind, null when unset (a field added at
 * schema version 7 or later only when it holds a value, so that adding a field never changes
 * the hash of what was signed before), plus the fields this version does not know; the children are
 * the records of each kind sealed via a reference to the record (EntityDef::sealedVia), voided ones
 * left out, in id order, and every such kind has its key even when it has no rows.
 */
QString contentHash(const EntityDef &def, const Record &record, const QVector<Record> &children);

/** The kinds whose records a signature of a kind covers (sealed via a reference to it). */
QVector<const EntityDef *> sealedChildKinds(const EntityDef &def);

} // namespace careround
