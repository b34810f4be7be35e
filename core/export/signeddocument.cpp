#include "signeddocument.h"

#include "contenthash.h"
#include "exporttext.h"
#include "recordfields.h"

#include <algorithm>

namespace careround {

using RecordFields::kind;

namespace {

DocumentSignature signatureOf(const Record &s, RecordSource &source, const QString &clientId)
{
    DocumentSignature d{s.id,
                        s.text("signerName"),
                        s.text("relationship"),
                        {},
                        s.text("signedAt"),
                        s.values.value(QLatin1String("strokes")).toArray(),
                        s.text("contentHash"),
                        s.text("amendsId")};
    if (d.relationship == QLatin1String("representative"))
        for (const Record &c : source.findBy(kind("contact"), QStringLiteral("clientId"), clientId))
            if (!c.isVoided() && c.text("name").compare(d.signerName, Qt::CaseInsensitive) == 0)
                d.relation = c.text("relationship");
    return d;
}

} // namespace

std::optional<SignedDocument> SignedDocument::load(RecordSource &source, const QString &id,
                                                   QString *error)
{
    QString recordId = id;
    if (const auto sig = source.find(kind("signature"), id))
        recordId = sig->text("recordId");
    SignedDocument doc;
    std::optional<Record> record;
    for (const char *name : {"carePlan", "assessment", "visit"}) {
        if ((record = source.find(kind(name), recordId))) {
            doc.def = &kind(name);
            break;
        }
    }
    if (!record || record->isVoided()) {
        *error = QStringLiteral("No assessment, care plan or visit record has the id %1").arg(id);
        return std::nullopt;
    }
    QVector<Record> signatures =
        source.findBy(kind("signature"), QStringLiteral("recordId"), recordId);
    if (signatures.isEmpty()) {
        *error = QStringLiteral("The %1 %2 is not signed: only signed documents are exported")
                     .arg(doc.def->label, recordId);
        return std::nullopt;
    }
    std::stable_sort(signatures.begin(), signatures.end(), [](const Record &a, const Record &b) {
        return a.text("signedAt") < b.text("signedAt");
    });
    doc.record = *record;
    const QString clientId = record->clientId(*doc.def);
    if (const auto client = source.find(kind("client"), clientId))
        doc.client = *client;
    const QString coordinatorId = record->text("coordinatorId").isEmpty()
                                      ? doc.client.text("coordinatorId")
                                      : record->text("coordinatorId");
    if (const auto coordinator = source.find(kind("coordinator"), coordinatorId))
        doc.coordinatorName = coordinator->text("name");
    for (const Record &s : signatures)
        doc.signatures.append(signatureOf(s, source, clientId));

    QVector<Record> allChildren;
    for (const EntityDef *child : sealedChildKinds(*doc.def)) {
        const QVector<Record> rows = source.findBy(*child, child->sealedVia, recordId);
        allChildren += rows;
        SignedChildren group{child, {}, {}};
        QHash<QString, QHash<QString, int>> answers;
        for (const Record &c : rows) {
            if (c.isVoided())
                continue;
            group.rows.append(c);
            if (child->name == QLatin1String("assessmentAnswer"))
                answers[c.text("instrument")].insert(
                    c.text("item"), c.values.value(QLatin1String("value")).toInt());
            const QString provider = c.text("providerId");
            if (!provider.isEmpty() && !doc.providerNames.contains(provider))
                if (const auto p = source.find(kind("provider"), provider))
                    doc.providerNames.insert(provider, p->text("name"));
        }
        group.scores = Instruments::results(answers);
        if (!group.rows.isEmpty())
            doc.children.append(group);
    }
    // The one rule of what a signature covers: core's contentHash, over what is stored, under
    // the rule the latest signature was made with.
    doc.contentHash =
        checkContentHash(doc.currentSignature().contentHash, *doc.def, doc.record, allChildren)
            .hashNow;

    for (const Record &c : source.findBy(kind("conflict"), QStringLiteral("recordId"), recordId))
        if (!c.isVoided() && c.text("kind") == QLatin1String("amendment"))
            doc.amendments.append({c.id,
                                   c.values.value(QLatin1String("otherValue"))
                                       .toObject()
                                       .value(QLatin1String("value"))
                                       .toObject(),
                                   c.text("status")});
    return doc;
}

} // namespace careround
