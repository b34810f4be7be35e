// libFuzzer target: the server's push decoder (Protocol::decodeChange) on arbitrary JSON.
// The input is a JSON change, or a push body {"changes": [...]}. Invariants: no crash, no
// undefined behaviour; a change that decodes encodes back to one that decodes the same.
#include "fuzzsupport.h"
#include "protocol.h"

using namespace careround;

namespace {

void check(const QJsonValue &change, bool allowUnknown)
{
    const QString device = QStringLiteral("0190a000-0000-7000-8000-00000000d001");
    PushChange out;
    if (!Protocol::decodeChange(change, device, allowUnknown, out).isEmpty())
        return;
    FUZZ_ASSERT(out.deviceSeq >= 1, "decoded deviceSeq is positive");
    FUZZ_ASSERT(!out.edit.stamp.isNull() && out.edit.stamp.node == device,
                "the stamp names the authenticated device");
    FUZZ_ASSERT(!out.edit.values.isEmpty(), "a decoded change sets something");
    const QJsonObject again =
        Protocol::encodeChange(out.deviceSeq, out.edit.entity, out.edit.id, out.edit.stamp.hlc,
                               out.edit.values, Protocol::stampsToJson(out.edit.bases));
    PushChange twice;
    FUZZ_ASSERT(Protocol::decodeChange(again, device, allowUnknown, twice).isEmpty(),
                "a re-encoded change decodes");
    FUZZ_ASSERT(twice.deviceSeq == out.deviceSeq && twice.edit.entity == out.edit.entity &&
                    twice.edit.id == out.edit.id && twice.edit.values == out.edit.values &&
                    twice.edit.stamp == out.edit.stamp && twice.edit.bases == out.edit.bases,
                "decode(encode(decode(x))) == decode(x)");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonValue json = fuzz::jsonInput(data, size);
    if (json.isNull())
        return 0;
    const QJsonValue changes = json.toObject().value(QStringLiteral("changes"));
    const bool allowUnknown = json.toObject().value(QStringLiteral("schemaVersion")).toInt() >
                              Schema::instance().version();
    if (changes.isArray()) {
        for (const QJsonValue &c : changes.toArray())
            check(c, allowUnknown);
    } else {
        check(json, false);
        check(json, true);
    }
    return 0;
}
