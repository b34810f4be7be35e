// libFuzzer target: the store's input validation (RecordValidator::checkEdit, checkValue).
// The input is JSON {"entity": name, "current": {...}, "changes": {...}, "create": bool}.
// Invariants: no crash, no undefined behaviour; deterministic; an accepted edit has every
// value accepted by checkValue, and an accepted create names every required field.
#include "fuzzsupport.h"
#include "recordvalidator.h"

using namespace careround;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonObject input = fuzz::jsonInput(data, size).toObject();
    const QJsonValue name = input.value(QStringLiteral("entity"));
    const QVector<EntityDef> &all = Schema::instance().entities();
    const EntityDef *def = name.isDouble()
                               ? &all.at(int(quint32(name.toInt()) % quint32(all.size())))
                               : Schema::instance().entity(name.toString());
    if (!def)
        return 0;
    const QJsonObject current = input.value(QStringLiteral("current")).toObject();
    const QJsonObject changes = input.value(QStringLiteral("changes")).toObject();
    const bool create = input.value(QStringLiteral("create")).toBool();
    const QString verdict = RecordValidator::checkEdit(*def, current, changes, create);
    FUZZ_ASSERT(verdict == RecordValidator::checkEdit(*def, current, changes, create),
                "validation is deterministic");
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const FieldDef *fd = def->field(it.key());
        if (!fd) {
            FUZZ_ASSERT(!verdict.isEmpty(), "an unknown field is refused");
            continue;
        }
        const QString error = RecordValidator::checkValue(*def, *fd, it.value());
        if (verdict.isEmpty())
            FUZZ_ASSERT(error.isEmpty(), "an accepted edit has only valid values");
    }
    if (verdict.isEmpty() && create)
        for (const FieldDef &fd : def->fields)
            if (fd.required)
                FUZZ_ASSERT(changes.contains(fd.name) && !changes.value(fd.name).isNull(),
                            "an accepted create has every required field");
    // The shape checks on their own, on whatever strings the input holds.
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (!it.value().isString())
            continue;
        const QString s = it.value().toString();
        RecordValidator::isDate(s);
        RecordValidator::isDateTime(s);
        if (RecordValidator::isUuid(s))
            FUZZ_ASSERT(s.size() == 36, "a UUID is 36 characters");
    }
    return 0;
}
