#pragma once

#include "record.h"
#include "schema.h"

#include <QJsonObject>
#include <QSet>
#include <QVector>

#include <optional>

namespace careround {

/**
 * One edit as it travels from a device to the server: the values it set, its stamp, and the
 * stamps of the values it was based on. Bases may name fields the edit does not set: a void
 * carries the stamps of every field its author saw.
 */
struct Edit {
    QString entity;
    QString id;
    QJsonObject values;
    Stamp stamp;
    FieldStamps bases;
};

/** Why a value was kept aside for a person instead of (or beside) being applied. */
enum class ConflictKind { ConcurrentEdit, VoidVsEdit, Amendment, FutureStamp };
QString conflictKindName(ConflictKind kind);

/**
 * A conflict to record: the value that is current after the merge ("kept") and the one a
 * person may still prefer ("other"), each with its stamp. Nothing is lost: both survive.
 */
struct ConflictDraft {
    ConflictKind kind = ConflictKind::ConcurrentEdit;
    QString field; ///< the field, or a comma list for a whole edit
    QJsonValue keptValue;
    Stamp keptStamp;
    QJsonValue otherValue;
    Stamp otherStamp;
    /** A deterministic id, so the same conflict found twice is one record. */
    QString conflictId(const QString &entity, const QString &recordId) const;
};

/** What became of an edit at the server. */
enum class EditStatus {
    Applied,   ///< every value taken
    Conflict,  ///< concurrent with another edit (won or lost): recorded for a person
    Sealed,    ///< the record is signed: kept as an amendment proposal
    Held,      ///< stamped too far in the future: kept for review
    Duplicate, ///< already applied (same stamp)
};
QString editStatusName(EditStatus status);

/** Facts the merge needs that are not in the edit or the record. */
struct MergeContext {
    bool sealed = false;           ///< the record (or its signed parent) has a signature
    qint64 nowMillis = 0;          ///< the server's wall clock
    qint64 maxSkewMillis = 600000; ///< stamps further ahead than this are held
};

/** The result of merging one edit into a record. */
struct MergeResult {
    EditStatus status = EditStatus::Applied;
    Record record;        ///< the record after the merge
    bool changed = false; ///< record differs from before
    QVector<ConflictDraft> conflicts;
};

/**
 * The server's merge rules (DESIGN.md section 6), as one pure function: the same inputs give
 * the same result on every machine. current is the record as stored (absent when new).
 * Append-only kinds merge by union: an edit to an existing one is a duplicate.
 */
MergeResult mergeEdit(const EntityDef &def, const std::optional<Record> &current, const Edit &edit,
                      const MergeContext &context);

/**
 * The device's rule for a record pulled from the server: take the server's record, except
 * fields with local edits still waiting to be pushed (they reach the server later and are
 * merged there). A field the server does not have is cleared: the server kept that edit
 * aside (in a conflict) rather than applying it.
 */
Record applyPulled(const std::optional<Record> &local, const Record &pulled,
                   const QSet<QString> &pendingFields);

} // namespace careround
