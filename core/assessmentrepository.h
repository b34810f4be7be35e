#pragma once

#include "instruments.h"
#include "recordrepository.h"

#include <QHash>
#include <QJsonObject>
#include <QVector>

#include <optional>

namespace careround {

/** An instrument on an assessment: its live score and whether completing needs it. */
struct AssessmentInstrumentEntry {
    const Instrument *instrument = nullptr;
    InstrumentScore score;
    bool needed = true; ///< see Instruments::isNeeded()
};

/** Everything the assessment screen shows, read in one go. */
struct AssessmentView {
    bool found = false; ///< an assessment, not voided
    bool sealed = false;
    QString id, clientId, kind, status;
    QString startedAt, completedAt; ///< UTC ISO
    QString clientName;             ///< "First Last"
    /** The assessment's values as stored (the notes of each domain, strengths). */
    QJsonObject values;
    /** Answers by group (an instrument id, or a domain key for its structured questions) and
        item; a later answer record of an item wins. */
    QHash<QString, QHash<QString, int>> answers;
    QHash<QString, QHash<QString, QString>> answerIds; ///< same keys: the answer record's id
    QVector<AssessmentInstrumentEntry> instruments;    ///< every instrument, in order
    QString signerName, signedAt; ///< the signature that sealed it (signedAt UTC ISO)
    /** The assessment before this one (see AssessmentRepository::previous), for comparison:
        empty previousId when there is none. */
    QString previousId, previousStartedAt;
    QHash<QString, InstrumentScore> previousScores; ///< by instrument id
};

/**
 * The read side of the assessment screen: an assessment (or, without one, the client about
 * to be assessed) with its answers and the scores of the standard instruments.
 */
class AssessmentRepository {
public:
    explicit AssessmentRepository(RecordRepository &records) : m_records(records) {}

    /** assessmentId may be empty or unknown: then only the client's name (of clientId). */
    AssessmentView view(const QString &assessmentId, const QString &clientId);

    /** The client's newest assessment (not voided) made before the one with id beforeId, or
        the newest of all when beforeId is empty. Ids are time-ordered (UUIDv7). */
    std::optional<Record> previous(const QString &clientId, const QString &beforeId = {});

    /** The kinds view() reads. */
    static QStringList kinds();

private:
    /** Answers of one assessment by group and item (see AssessmentView::answers). */
    QHash<QString, QHash<QString, int>> answersOf(const QString &assessmentId,
                                                  QHash<QString, QHash<QString, QString>> *ids);

    RecordRepository &m_records;
};

} // namespace careround
