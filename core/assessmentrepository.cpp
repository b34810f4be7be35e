#include "assessmentrepository.h"

#include "recordfields.h"

namespace careround {

using RecordFields::kind;
using RecordFields::text;

QStringList AssessmentRepository::kinds()
{
    return {"assessment", "assessmentAnswer", "client", "signature"};
}

std::optional<Record> AssessmentRepository::previous(const QString &clientId,
                                                     const QString &beforeId)
{
    std::optional<Record> out;
    for (Record &a : m_records.findBy(kind("assessment"), QStringLiteral("clientId"), clientId))
        if (!a.isVoided() && (beforeId.isEmpty() || a.id < beforeId))
            out = std::move(a); // findBy returns id (creation) order: the last is the newest
    return out;
}

QHash<QString, QHash<QString, int>>
AssessmentRepository::answersOf(const QString &assessmentId,
                                QHash<QString, QHash<QString, QString>> *ids)
{
    QHash<QString, QHash<QString, int>> answers;
    // Answer records in id (creation) order: a later duplicate of an item wins.
    for (const Record &a :
         m_records.findBy(kind("assessmentAnswer"), QStringLiteral("assessmentId"), assessmentId)) {
        if (a.isVoided())
            continue;
        QString group = text(a, "instrument");
        QString item = text(a, "item");
        if (group == QLatin1String("domain")) {
            group = item.section(QLatin1Char('.'), 0, 0);
            item = item.section(QLatin1Char('.'), 1);
        }
        answers[group].insert(item, a.values.value(QLatin1String("value")).toInt());
        if (ids)
            (*ids)[group].insert(item, a.id);
    }
    return answers;
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
        v.answers = answersOf(v.id, &v.answerIds);
        if (const std::optional<Record> before = previous(v.clientId, v.id)) {
            v.previousId = before->id;
            v.previousStartedAt = text(*before, "startedAt");
            const auto answers = answersOf(before->id, nullptr);
            for (const Instrument &instrument : Instruments::all())
                v.previousScores.insert(
                    instrument.id, Instruments::score(instrument, answers.value(instrument.id)));
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
