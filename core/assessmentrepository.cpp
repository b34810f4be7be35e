#include "assessmentrepository.h"

#include "recordfields.h"

namespace careround {

using RecordFields::kind;
using RecordFields::text;

QStringList AssessmentRepository::kinds()
{
    return {"assessment", "assessmentAnswer", "client", "signature"};
}

AssessmentView AssessmentRepository::view(const QString &assessmentId, const QString &clientId)
{
    AssessmentView v;
    const std::optional<Record> record =
        assessmentId.isEmpty() ? std::nullopt : m_records.find(kind("assessment"), assessmentId);
    v.found = record && !record->isVoided();
    v.clientId = clientId;
    if (v.found) {
        v.id = record->id;
        v.values = record->values;
        v.clientId = text(*record, "clientId");
        v.kind = text(*record, "kind");
        v.status = text(*record, "status");
        v.startedAt = text(*record, "startedAt");
        v.completedAt = text(*record, "completedAt");
        v.sealed = m_records.isSealed(kind("assessment"), *record);
    }
    if (!v.clientId.isEmpty())
        if (const auto client = m_records.find(kind("client"), v.clientId))
            v.clientName = RecordFields::clientName(*client);
    if (v.found) {
        // Answer records in id (creation) order: a later duplicate of an item wins.
        for (const Record &a :
             m_records.findBy(kind("assessmentAnswer"), QStringLiteral("assessmentId"), v.id)) {
            if (a.isVoided())
                continue;
            QString group = text(a, "instrument");
            QString item = text(a, "item");
            if (group == QLatin1String("domain")) {
                group = item.section(QLatin1Char('.'), 0, 0);
                item = item.section(QLatin1Char('.'), 1);
            }
            v.answers[group].insert(item, a.values.value(QLatin1String("value")).toInt());
            v.answerIds[group].insert(item, a.id);
        }
        if (v.sealed) {
            const QVector<Record> signatures =
                m_records.findBy(kind("signature"), QStringLiteral("recordId"), v.id);
            if (!signatures.isEmpty()) {
                v.signerName = text(signatures.constFirst(), "signerName");
                v.signedAt = text(signatures.constFirst(), "signedAt");
            }
        }
    }
    QHash<QString, InstrumentScore> scores;
    for (const Instrument &instrument : Instruments::all())
        scores.insert(instrument.id,
                      Instruments::score(instrument, v.answers.value(instrument.id)));
    for (const Instrument &instrument : Instruments::all())
        v.instruments.append({&instrument, scores.value(instrument.id),
                              Instruments::isNeeded(instrument.id, scores.value(instrument.id),
                                                    scores.value(QStringLiteral("phq2")))});
    return v;
}

} // namespace careround
