// libFuzzer target: the device's pull decoder (Protocol::decodeRecord) on arbitrary JSON, and
// the device's rule for a pulled record (applyPulled). The input is a record, or a pull page
// {"records": [...]}. Invariants: no crash, no undefined behaviour; a record that decodes
// encodes back to one that decodes the same.
#include "fuzzsupport.h"
#include "protocol.h"

using namespace careround;

namespace {

void check(const QJsonValue &json)
{
    Record record;
    qint64 seq = 0;
    if (!Protocol::decodeRecord(json, record, seq).isEmpty())
        return;
    FUZZ_ASSERT(Schema::instance().entity(record.entity) != nullptr, "a known entity");
    Record again;
    qint64 seqAgain = 0;
    FUZZ_ASSERT(
        Protocol::decodeRecord(Protocol::encodeRecord(record, seq), again, seqAgain).isEmpty(),
        "a re-encoded record decodes");
    FUZZ_ASSERT(again.entity == record.entity && again.id == record.id &&
                    again.values == record.values && again.stamps == record.stamps,
                "decode(encode(decode(x))) == decode(x)");
    // The device keeps its own pending fields over the server's.
    const QStringList fields = record.values.keys();
    QSet<QString> pending;
    if (!fields.isEmpty())
        pending.insert(fields.first());
    const Record merged = applyPulled(record, again, pending);
    FUZZ_ASSERT(merged.values == record.values, "applying a record onto itself changes nothing");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonValue json = fuzz::jsonInput(data, size);
    if (json.isNull())
        return 0;
    const QJsonValue records = json.toObject().value(QStringLiteral("records"));
    if (records.isArray()) {
        for (const QJsonValue &r : records.toArray())
            check(r);
    } else {
        check(json);
    }
    return 0;
}
