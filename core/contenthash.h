#pragma once

#include "record.h"

#include <QString>
#include <QVector>

namespace careround {

/** Which fields a content hash covers (both rules are documented in docs/sync-protocol.md). */
enum class HashRule {
    /** Rule 1, of signatures made before rule 2: every field. */
    EveryField = 1,
    /**
     * Rule 2, of every new signature: every field except those that may change after signing
     * (FieldDef::editableWhenSealed: a plan's status and review date, a goal's status, progress
     * and attainment, a step's status), so a plan carried out keeps its signature verified.
     */
    SealedFields = 2,
};

/**
 * The hash a signature binds: what exactly was signed. A pure function of a signable record
 * and its children, the same wherever it runs (the tablet when signing and showing a
 * signature, the demo generator, the server, the PDF and FHIR exports), so it reads no store:
 * the caller hands in the records.
 *
 * The rules (signatures stored on tablets verify with them, so they never change):
 * the SHA-256, in lower-case hex, of the compact JSON of
 * `{"entity": kind, "id": id, "values": values, "children": {childKind: [{"id", "values"}]}}`
 * where values are as stored: every field of the kind, null when unset (a field added at
 * schema version 7 or later only when it holds a value, so that adding a field never changes
 * the hash of what was signed before), plus the fields this version does not know, and under
 * rule 2 without the fields editable after signing; the children are the records of each kind
 * sealed via a reference to the record (EntityDef::sealedVia), voided ones left out, in id
 * order, and every such kind has its key even when it has no rows.
 */
QString contentHash(const EntityDef &def, const Record &record, const QVector<Record> &children,
                    HashRule rule = HashRule::SealedFields);

/** A signature's hash checked against the content now. */
struct HashCheck {
    QString hashNow;       ///< the content's hash now, under the rule the signature was made with
    bool verified = false; ///< hashNow equals the signed hash
};

/**
 * Checks a signed hash against the record and children now under either rule (rule 1 for
 * signatures made before rule 2 existed). hashNow is under the rule that matches, rule 2 when
 * neither does.
 */
HashCheck checkContentHash(const QString &signedHash, const EntityDef &def, const Record &record,
                           const QVector<Record> &children);

/** The kinds whose records a signature of a kind covers (sealed via a reference to it). */
QVector<const EntityDef *> sealedChildKinds(const EntityDef &def);

} // namespace careround
