// libFuzzer target: the server's merge (mergeEdit). The input is JSON:
//   {"current": <a stored record as pulled: entity, id, values, stamps> (optional),
//    "change": <a pushed change, decoded as the server does>, "sealed": bool, "now": ms}
// Invariants: no crash, no undefined behaviour; deterministic (the same inputs give the same
// result); re-applying the edit to the record it produced is a Duplicate when every value was
// taken, and never changes the record or finds a new conflict.
#include "fuzzsupport.h"
#include "protocol.h"

using namespace careround;

namespace {

bool sameConflicts(const QVector<ConflictDraft> &a, const QVector<ConflictDraft> &b,
                   const Edit &edit)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (a[i].conflictId(edit.entity, edit.id) != b[i].conflictId(edit.entity, edit.id) ||
            a[i].keptValue != b[i].keptValue || a[i].otherValue != b[i].otherValue)
            return false;
    return true;
}

bool sameResult(const MergeResult &a, const MergeResult &b, const Edit &edit)
{
    return a.status == b.status && a.changed == b.changed && a.record.values == b.record.values &&
           a.record.stamps == b.record.stamps && a.record.id == b.record.id &&
           sameConflicts(a.conflicts, b.conflicts, edit);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonObject input = fuzz::jsonInput(data, size).toObject();
    PushChange change;
    const QString device = QStringLiteral("0190a000-0000-7000-8000-00000000d002");
    if (!Protocol::decodeChange(input.value(QStringLiteral("change")), device, true, change)
             .isEmpty())
        return 0;
    const Edit &edit = change.edit;
    const EntityDef &def = *Schema::instance().entity(edit.entity);
    std::optional<Record> current;
    if (input.value(QStringLiteral("current")).isObject()) {
        Record stored;
        qint64 seq = 0;
        if (!Protocol::decodeRecord(input.value(QStringLiteral("current")), stored, seq)
                 .isEmpty() ||
            stored.entity != edit.entity)
            return 0;
        stored.id = edit.id;
        current = stored;
    }
    MergeContext context;
    context.sealed = input.value(QStringLiteral("sealed")).toBool();
    // The server passes its wall clock: any time from 1970 to the year 10000.
    context.nowMillis =
        qint64(qBound(0.0, input.value(QStringLiteral("now")).toDouble(1.8e12), 253402300799000.0));

    const MergeResult first = mergeEdit(def, current, edit, context);
    const MergeResult again = mergeEdit(def, current, edit, context);
    FUZZ_ASSERT(sameResult(first, again, edit), "the merge is deterministic");
    FUZZ_ASSERT(first.record.entity == def.name && first.record.id == edit.id,
                "the merged record is the edited one");
    if (!first.changed && current)
        FUZZ_ASSERT(first.record.values == current->values &&
                        first.record.stamps == current->stamps,
                    "unchanged means unchanged");

    const MergeResult replay = mergeEdit(def, first.record, edit, context);
    bool allTaken = first.status != EditStatus::Held;
    for (auto it = edit.values.begin(); it != edit.values.end() && allTaken; ++it)
        allTaken = first.record.stamps.value(it.key()) == edit.stamp;
    if (allTaken)
        FUZZ_ASSERT(replay.status == EditStatus::Duplicate,
                    "re-applying an applied edit is a Duplicate");
    FUZZ_ASSERT(replay.record.values == first.record.values &&
                    replay.record.stamps == first.record.stamps,
                "re-applying an edit never changes the record again");
    for (const ConflictDraft &c : replay.conflicts) {
        bool known = false;
        for (const ConflictDraft &f : first.conflicts)
            known =
                known || f.conflictId(edit.entity, edit.id) == c.conflictId(edit.entity, edit.id);
        FUZZ_ASSERT(known, "re-applying an edit finds no new conflict");
    }
    return 0;
}
