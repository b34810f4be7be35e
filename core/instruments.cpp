#include "instruments.h"

#include <QCoreApplication>

namespace careround {

namespace {

QVector<InstrumentItem> yesNoItems(const QVector<QPair<QString, QString>> &items)
{
    QVector<InstrumentItem> out;
    for (const auto &[key, text] : items)
        out.append(InstrumentItem{key, text, 0, 1});
    return out;
}

QVector<InstrumentItem> frequencyItems(const QVector<QPair<QString, QString>> &items)
{
    QVector<InstrumentItem> out;
    for (const auto &[key, text] : items)
        out.append(InstrumentItem{key, text, 0, 3});
    return out;
}

const QVector<QPair<QString, QString>> kPhqItems = {
    {"interest", QT_TRANSLATE_NOOP("Instruments", "Little interest or pleasure in doing things")},
    {"mood", QT_TRANSLATE_NOOP("Instruments", "Feeling down, depressed, or hopeless")},
    {"sleep",
     QT_TRANSLATE_NOOP("Instruments", "Trouble falling or staying asleep, or sleeping too much")},
    {"energy", QT_TRANSLATE_NOOP("Instruments", "Feeling tired or having little energy")},
    {"appetite", QT_TRANSLATE_NOOP("Instruments", "Poor appetite or overeating")},
    {"selfworth",
     QT_TRANSLATE_NOOP("Instruments", "Feeling bad about yourself, or that you are a failure")},
    {"concentration", QT_TRANSLATE_NOOP("Instruments", "Trouble concentrating on things")},
    {"psychomotor",
     QT_TRANSLATE_NOOP("Instruments", "Moving or speaking slowly, or being fidgety or restless")},
    {"selfharm",
     QT_TRANSLATE_NOOP("Instruments",
                       "Thoughts that you would be better off dead or of hurting yourself")},
};

QVector<Instrument> build()
{
    QVector<Instrument> all;
    all.append(Instrument{
        "katz", QT_TRANSLATE_NOOP("Instruments", "Katz Index of Independence in ADL"),
        "daily_living",
        yesNoItems(
            {{"bathing", QT_TRANSLATE_NOOP("Instruments", "Bathing without help")},
             {"dressing", QT_TRANSLATE_NOOP("Instruments", "Dressing without help")},
             {"toileting", QT_TRANSLATE_NOOP("Instruments", "Toileting without help")},
             {"transferring",
              QT_TRANSLATE_NOOP("Instruments", "Moving in and out of bed or chair without help")},
             {"continence", QT_TRANSLATE_NOOP("Instruments", "Full control of bladder and bowel")},
             {"feeding", QT_TRANSLATE_NOOP("Instruments", "Feeding self without help")}})});
    all.append(Instrument{
        "lawton",
        QT_TRANSLATE_NOOP("Instruments", "Lawton Instrumental Activities of Daily Living"),
        "daily_living",
        yesNoItems(
            {{"telephone",
              QT_TRANSLATE_NOOP("Instruments", "Uses the telephone on own initiative")},
             {"shopping",
              QT_TRANSLATE_NOOP("Instruments", "Takes care of all shopping needs independently")},
             {"food", QT_TRANSLATE_NOOP("Instruments",
                                        "Plans, prepares and serves adequate meals independently")},
             {"housekeeping",
              QT_TRANSLATE_NOOP("Instruments",
                                "Maintains the house alone or with occasional help")},
             {"laundry", QT_TRANSLATE_NOOP("Instruments", "Does personal laundry completely")},
             {"transportation",
              QT_TRANSLATE_NOOP("Instruments",
                                "Travels independently on public transport or drives")},
             {"medications",
              QT_TRANSLATE_NOOP("Instruments",
                                "Takes medication in correct dosages at correct times")},
             {"finances",
              QT_TRANSLATE_NOOP("Instruments", "Manages financial matters independently")}})});
    all.append(Instrument{"phq2", QT_TRANSLATE_NOOP("Instruments", "PHQ-2 depression screen"),
                          "emotional", frequencyItems(kPhqItems.mid(0, 2))});
    all.append(Instrument{"phq9", QT_TRANSLATE_NOOP("Instruments", "PHQ-9 depression severity"),
                          "emotional", frequencyItems(kPhqItems)});
    return all;
}

} // namespace

int Instrument::maxScore() const
{
    int total = 0;
    for (const InstrumentItem &i : items)
        total += i.maximum;
    return total;
}

const InstrumentItem *Instrument::item(const QString &key) const
{
    for (const InstrumentItem &i : items)
        if (i.key == key)
            return &i;
    return nullptr;
}

const QVector<Instrument> &Instruments::all()
{
    static const QVector<Instrument> instruments = build();
    return instruments;
}

QString Instruments::text(const QString &english)
{
    return QCoreApplication::translate("Instruments", english.toUtf8().constData());
}

const Instrument *Instruments::find(const QString &id)
{
    for (const Instrument &i : all())
        if (i.id == id)
            return &i;
    return nullptr;
}

InstrumentScore Instruments::score(const Instrument &instrument, const QHash<QString, int> &answers)
{
    InstrumentScore s;
    for (const InstrumentItem &item : instrument.items) {
        const auto it = answers.constFind(item.key);
        if (it == answers.cend() || *it < item.minimum || *it > item.maximum) {
            s.missing.append(item.key);
            continue;
        }
        s.score += *it;
        ++s.answered;
    }
    s.complete = s.missing.isEmpty();
    // Any thought of self-harm calls for a safety assessment now, even before the total.
    if (instrument.id == QLatin1String("phq9"))
        s.selfHarmRisk = answers.value(QStringLiteral("selfharm")) > 0;
    if (!s.complete)
        return s;
    const int n = s.score;
    if (instrument.id == QLatin1String("katz")) {
        // 6 = full function, 3-5 = moderate impairment, <= 2 = severe functional impairment.
        s.band = n == 6 ? "full_function" : n >= 3 ? "moderate_impairment" : "severe_impairment";
        s.bandLabel =
            n == 6 ? QStringLiteral(QT_TRANSLATE_NOOP("Instruments", "Full function"))
            : n >= 3
                ? QStringLiteral(QT_TRANSLATE_NOOP("Instruments", "Moderate impairment"))
                : QStringLiteral(QT_TRANSLATE_NOOP("Instruments", "Severe functional impairment"));
        s.severe = n <= 2;
    } else if (instrument.id == QLatin1String("lawton")) {
        s.band = n == 8 ? "independent" : n >= 5 ? "some_help" : "dependent";
        s.bandLabel = n == 8 ? QStringLiteral(QT_TRANSLATE_NOOP("Instruments", "Independent"))
                      : n >= 5
                          ? QStringLiteral(QT_TRANSLATE_NOOP("Instruments", "Needs some help"))
                          : QStringLiteral(QT_TRANSLATE_NOOP("Instruments", "Needs much help"));
    } else if (instrument.id == QLatin1String("phq2")) {
        s.positive = n >= 3;
        s.band = s.positive ? "positive" : "negative";
        s.bandLabel = s.positive
                          ? QStringLiteral(QT_TRANSLATE_NOOP("Instruments",
                                                             "Positive screen: complete the PHQ-9"))
                          : QStringLiteral(QT_TRANSLATE_NOOP("Instruments", "Negative screen"));
    } else if (instrument.id == QLatin1String("phq9")) {
        struct Band {
            int from;
            const char *key;
            const char *label;
        };
        static const Band bands[] = {
            {20, "severe", QT_TRANSLATE_NOOP("Instruments", "Severe depression")},
            {15, "moderately_severe",
             QT_TRANSLATE_NOOP("Instruments", "Moderately severe depression")},
            {10, "moderate", QT_TRANSLATE_NOOP("Instruments", "Moderate depression")},
            {5, "mild", QT_TRANSLATE_NOOP("Instruments", "Mild depression")},
            {0, "minimal", QT_TRANSLATE_NOOP("Instruments", "Minimal or none")}};
        for (const Band &b : bands) {
            if (n >= b.from) {
                s.band = QString::fromLatin1(b.key);
                s.bandLabel = QString::fromLatin1(b.label);
                break;
            }
        }
        s.positive = n >= 10;
        s.severe = n >= 20;
    }
    return s;
}

QString Instruments::checkAnswer(const QString &instrumentId, const QString &itemKey, int value)
{
    const Instrument *instrument = find(instrumentId);
    if (!instrument)
        return QCoreApplication::translate("careround::Instruments",
                                           "There is no instrument \"%1\"")
            .arg(instrumentId.left(32));
    const InstrumentItem *item = instrument->item(itemKey);
    if (!item)
        return QCoreApplication::translate("careround::Instruments", "%1 has no item \"%2\"")
            .arg(instrument->name, itemKey.left(32));
    if (value < item->minimum || value > item->maximum)
        return QCoreApplication::translate("careround::Instruments",
                                           "%1, %2: the answer must be between %3 and %4")
            .arg(instrument->name, item->key)
            .arg(item->minimum)
            .arg(item->maximum);
    return {};
}

QVector<InstrumentResult> Instruments::results(const QHash<QString, QHash<QString, int>> &answers)
{
    QVector<InstrumentResult> out;
    for (const Instrument &instrument : all())
        if (answers.contains(instrument.id))
            out.append({&instrument, score(instrument, answers.value(instrument.id))});
    return out;
}

bool Instruments::isNeeded(const QString &instrumentId, const InstrumentScore &score,
                           const InstrumentScore &phq2)
{
    return instrumentId != QLatin1String("phq9") || (phq2.complete && phq2.positive) ||
           score.answered > 0;
}

} // namespace careround
