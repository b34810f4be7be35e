#include "signoffrepository.h"

#include "contenthash.h"
#include "recordfields.h"

namespace careround {

using RecordFields::kind;
using RecordFields::text;

SignOffView SignOffRepository::view(const QString &entity, const QString &id)
{
    SignOffView v;
    if (id.isEmpty())
        return v;
    const QStringList kinds =
        entity.isEmpty() ? QStringList{"carePlan", "assessment", "visit"} : QStringList{entity};
    std::optional<Record> record;
    for (const QString &kind : kinds) {
        const EntityDef *d = Schema::instance().entity(kind);
        if (!d || !d->signable)
            continue;
        if ((record = m_records.find(*d, id))) {
            v.def = d;
            break;
        }
    }
    if (!record || record->isVoided())
        return v;
    v.found = true;
    v.record = *record;
    const QString clientId = record->clientId(*v.def);
    if (const auto client = m_records.find(kind("client"), clientId))
        v.clientName = RecordFields::clientName(*client);

    for (const EntityDef *child : sealedChildKinds(*v.def)) {
        SignedChildren group{child, {}, {}};
        QHash<QString, QHash<QString, int>> answers;
        for (const Record &c : m_records.findBy(*child, child->sealedVia, id)) {
            if (c.isVoided())
                continue;
            group.rows.append(c);
            if (child->name == QLatin1String("assessmentAnswer"))
                answers[text(c, "instrument")].insert(
                    text(c, "item"), c.values.value(QLatin1String("value")).toInt());
        }
        group.scores = Instruments::results(answers);
        if (!group.rows.isEmpty())
            v.children.append(group);
    }

    v.sealed = m_records.isSealed(*v.def, *record);
    const QVector<Record> signatures =
        m_records.findBy(kind("signature"), QStringLiteral("recordId"), id);
    if (!signatures.isEmpty()) {
        const Record &s = signatures.constFirst(); // the first signature sealed it
        v.signature = SignatureEntry{
            text(s, "signerName"), text(s, "relationship"), text(s, "signedAt"),
            s.values.value(QLatin1String("strokes")).toArray(), text(s, "contentHash")};
    }

    for (const Record &c : m_records.findBy(kind("conflict"), QStringLiteral("recordId"), id))
        if (!c.isVoided() && text(c, "kind") == QLatin1String("amendment"))
            v.amendments.append({c.id,
                                 c.values.value(QLatin1String("otherValue"))
                                     .toObject()
                                     .value(QLatin1String("value"))
                                     .toObject(),
                                 text(c, "status")});
    return v;
}

} // namespace careround
