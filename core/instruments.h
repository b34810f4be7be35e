#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace careround {

/** One question of a standard instrument, with the range of its answer. */
struct InstrumentItem {
    QString key;
    QString text;
    int minimum = 0;
    int maximum = 1;
};

/** A standard scored instrument (Katz ADL, Lawton IADL, PHQ-2, PHQ-9) as data. */
struct Instrument {
    QString id;   ///< "katz", "lawton", "phq2", "phq9"
    QString name; ///< for people
    QString domain;
    QVector<InstrumentItem> items;
    int maxScore() const;
    const InstrumentItem *item(const QString &key) const;
};

/** The score of a (possibly partly answered) instrument. Computed, never typed in. */
struct InstrumentScore {
    int score = 0; ///< sum of the answered items
    int answered = 0;
    bool complete = false;     ///< every item answered: only then are band and flags meaningful
    QString band;              ///< e.g. "moderately_severe"; empty until complete
    QString bandLabel;         ///< e.g. "Moderately severe depression"
    bool positive = false;     ///< PHQ-2 screen positive (>= 3); PHQ-9 >= 10
    bool severe = false;       ///< needs attention now (PHQ-9 >= 20, Katz <= 2)
    bool selfHarmRisk = false; ///< PHQ-9 item 9 answered above "not at all": ask today
    QStringList missing;       ///< keys of unanswered items
};

/** An instrument's score on an assessment. */
struct InstrumentResult {
    const Instrument *instrument = nullptr;
    InstrumentScore score;
};

/** The instruments and their scoring rules. */
namespace Instruments {
const QVector<Instrument> &all();
const Instrument *find(const QString &id);
/** Scores answers (item key -> value); answers outside an item's range are not counted. */
InstrumentScore score(const Instrument &instrument, const QHash<QString, int> &answers);
/** The score of each instrument with answers (instrument id -> item key -> value), in the
    order of all(). */
QVector<InstrumentResult> results(const QHash<QString, QHash<QString, int>> &answers);
/** Whether an assessment is complete only with this instrument answered: every instrument,
    except PHQ-9, needed once the PHQ-2 screen is positive or once it is begun. */
bool isNeeded(const QString &instrumentId, const InstrumentScore &score,
              const InstrumentScore &phq2);
/** An instrument's name, item or band label in the app's language (English without a
    translator, as on the server). */
QString text(const QString &english);
/** Empty when the answer fits the instrument, else a message naming the rule. */
QString checkAnswer(const QString &instrumentId, const QString &itemKey, int value);
} // namespace Instruments

} // namespace careround
