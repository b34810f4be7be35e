// The standard instruments (Katz ADL, Lawton IADL, PHQ-2, PHQ-9): their items, every score with
// its band and flags at the band edges, partial and out-of-range answers, the messages of
// checkAnswer, and that the store refuses an out-of-range answer and writes nothing.
#include "devicestore.h"
#include "instruments.h"
#include "localeditor.h"

#include <QTemporaryDir>
#include <QTest>

using namespace careround;

namespace {

const Instrument &instrument(const QString &id)
{
    const Instrument *i = Instruments::find(id);
    Q_ASSERT(i);
    return *i;
}

/** Answers to every item whose values add up to total (each item filled up to its maximum). */
QHash<QString, int> answersSumming(const Instrument &in, int total)
{
    QHash<QString, int> answers;
    for (const InstrumentItem &item : in.items) {
        const int v = qBound(item.minimum, total, item.maximum);
        answers.insert(item.key, v);
        total -= v;
    }
    Q_ASSERT(total == 0);
    return answers;
}

QStringList keys(const Instrument &in)
{
    QStringList out;
    for (const InstrumentItem &item : in.items)
        out.append(item.key);
    return out;
}

} // namespace

class TestInstruments : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    /** Rows of (instrument, total score, expected band) for a data-driven band test. */
    void addBandRows(const char *id, const QVector<QPair<int, QString>> &bands)
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("total");
        QTest::addColumn<QString>("band");
        for (const auto &[total, band] : bands)
            QTest::addRow("%s %d", id, total) << QString::fromLatin1(id) << total << band;
    }

    static void addAnswerColumns()
    {
        QTest::addColumn<QString>("instrument");
        QTest::addColumn<QString>("item");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("message");
    }
    static void answerRow(const char *name, const char *instrument, const char *item, int value,
                          const QString &message)
    {
        QTest::newRow(name) << QString::fromLatin1(instrument) << QString::fromLatin1(item) << value
                            << message;
    }

private slots:
    void catalogue()
    {
        const QVector<Instrument> &all = Instruments::all();
        QCOMPARE(all.size(), 4);
        struct Expected {
            const char *id;
            int items, maxScore, itemMax;
        };
        const Expected expected[] = {
            {"katz", 6, 6, 1}, {"lawton", 8, 8, 1}, {"phq2", 2, 6, 3}, {"phq9", 9, 27, 3}};
        for (const Expected &e : expected) {
            const Instrument *in = Instruments::find(QString::fromLatin1(e.id));
            QVERIFY2(in, e.id);
            QCOMPARE(in->id, QString::fromLatin1(e.id));
            QVERIFY(!in->name.isEmpty());
            QVERIFY(!in->domain.isEmpty());
            QCOMPARE(in->items.size(), e.items);
            QCOMPARE(in->maxScore(), e.maxScore);
            QSet<QString> seen;
            for (const InstrumentItem &item : in->items) {
                QVERIFY2(!seen.contains(item.key), qPrintable(item.key));
                seen.insert(item.key);
                QVERIFY(!item.text.isEmpty());
                QCOMPARE(item.minimum, 0);
                QCOMPARE(item.maximum, e.itemMax);
                QCOMPARE(in->item(item.key), &item);
            }
            QCOMPARE(in->item(QStringLiteral("nonsense")), nullptr);
        }
        QCOMPARE(Instruments::find(QStringLiteral("domain")), nullptr);
        QCOMPARE(Instruments::find(QString()), nullptr);
        // PHQ-2 is the first two questions of the PHQ-9.
        QCOMPARE(keys(instrument("phq2")), keys(instrument("phq9")).mid(0, 2));
    }

    void katz_data()
    {
        addBandRows("katz", {{0, "severe_impairment"},
                             {1, "severe_impairment"},
                             {2, "severe_impairment"},
                             {3, "moderate_impairment"},
                             {4, "moderate_impairment"},
                             {5, "moderate_impairment"},
                             {6, "full_function"}});
    }
    void katz()
    {
        QFETCH(QString, id);
        QFETCH(int, total);
        QFETCH(QString, band);
        const InstrumentScore s =
            Instruments::score(instrument(id), answersSumming(instrument(id), total));
        QVERIFY(s.complete);
        QCOMPARE(s.score, total);
        QCOMPARE(s.answered, 6);
        QVERIFY(s.missing.isEmpty());
        QCOMPARE(s.band, band);
        QVERIFY(!s.bandLabel.isEmpty());
        QCOMPARE(s.severe, total <= 2);
        QVERIFY(!s.positive);
    }

    void lawton_data()
    {
        QVector<QPair<int, QString>> rows;
        for (int n = 0; n <= 8; ++n)
            rows.append({n, n == 8 ? "independent" : n >= 5 ? "some_help" : "dependent"});
        addBandRows("lawton", rows);
    }
    void lawton()
    {
        QFETCH(QString, id);
        QFETCH(int, total);
        QFETCH(QString, band);
        const InstrumentScore s =
            Instruments::score(instrument(id), answersSumming(instrument(id), total));
        QVERIFY(s.complete);
        QCOMPARE(s.score, total);
        QCOMPARE(s.answered, 8);
        QCOMPARE(s.band, band);
        QVERIFY(!s.bandLabel.isEmpty());
        QVERIFY(!s.positive);
        QVERIFY(!s.severe);
    }

    void phq2_data()
    {
        QVector<QPair<int, QString>> rows;
        for (int n = 0; n <= 6; ++n)
            rows.append({n, n >= 3 ? "positive" : "negative"});
        addBandRows("phq2", rows);
    }
    void phq2()
    {
        QFETCH(QString, id);
        QFETCH(int, total);
        QFETCH(QString, band);
        const InstrumentScore s =
            Instruments::score(instrument(id), answersSumming(instrument(id), total));
        QVERIFY(s.complete);
        QCOMPARE(s.score, total);
        QCOMPARE(s.band, band);
        QCOMPARE(s.positive, total >= 3);
        QVERIFY(s.bandLabel.contains(total >= 3 ? "Positive" : "Negative"));
        QVERIFY(!s.severe);
    }

    void phq9_data()
    {
        // Every score, so each band edge (4/5, 9/10, 14/15, 19/20) and both ends are covered.
        QVector<QPair<int, QString>> rows;
        for (int n = 0; n <= 27; ++n)
            rows.append({n, n >= 20   ? "severe"
                            : n >= 15 ? "moderately_severe"
                            : n >= 10 ? "moderate"
                            : n >= 5  ? "mild"
                                      : "minimal"});
        addBandRows("phq9", rows);
    }
    void phq9()
    {
        QFETCH(QString, id);
        QFETCH(int, total);
        QFETCH(QString, band);
        const InstrumentScore s =
            Instruments::score(instrument(id), answersSumming(instrument(id), total));
        QVERIFY(s.complete);
        QCOMPARE(s.score, total);
        QCOMPARE(s.answered, 9);
        QCOMPARE(s.band, band);
        QVERIFY(!s.bandLabel.isEmpty());
        QCOMPARE(s.positive, total >= 10);
        QCOMPARE(s.severe, total >= 20);
    }

    void phq9EdgesByName()
    {
        // The same edges spelled out, as a reader of the PHQ-9 scoring card would check them.
        const auto band = [](int n) {
            return Instruments::score(instrument("phq9"), answersSumming(instrument("phq9"), n))
                .band;
        };
        QCOMPARE(band(0), QStringLiteral("minimal"));
        QCOMPARE(band(4), QStringLiteral("minimal"));
        QCOMPARE(band(5), QStringLiteral("mild"));
        QCOMPARE(band(9), QStringLiteral("mild"));
        QCOMPARE(band(10), QStringLiteral("moderate"));
        QCOMPARE(band(14), QStringLiteral("moderate"));
        QCOMPARE(band(15), QStringLiteral("moderately_severe"));
        QCOMPARE(band(19), QStringLiteral("moderately_severe"));
        QCOMPARE(band(20), QStringLiteral("severe"));
        QCOMPARE(band(27), QStringLiteral("severe"));
        // Labels differ between bands.
        QSet<QString> labels;
        for (int n : {0, 5, 10, 15, 20})
            labels.insert(
                Instruments::score(instrument("phq9"), answersSumming(instrument("phq9"), n))
                    .bandLabel);
        QCOMPARE(labels.size(), 5);
    }

    void partialAnswers_data()
    {
        QTest::addColumn<QString>("id");
        for (const Instrument &in : Instruments::all())
            QTest::newRow(qPrintable(in.id)) << in.id;
    }
    void partialAnswers()
    {
        QFETCH(QString, id);
        const Instrument &in = *Instruments::find(id);

        // Nothing answered.
        InstrumentScore s = Instruments::score(in, {});
        QVERIFY(!s.complete);
        QCOMPARE(s.score, 0);
        QCOMPARE(s.answered, 0);
        QCOMPARE(s.missing, keys(in));
        QVERIFY(s.band.isEmpty());
        QVERIFY(s.bandLabel.isEmpty());

        // Every item but one answered at its maximum: a high score, and still no band or flag.
        for (int skip = 0; skip < in.items.size(); ++skip) {
            QHash<QString, int> answers;
            int expected = 0;
            for (int i = 0; i < in.items.size(); ++i) {
                if (i == skip)
                    continue;
                answers.insert(in.items[i].key, in.items[i].maximum);
                expected += in.items[i].maximum;
            }
            s = Instruments::score(in, answers);
            QVERIFY(!s.complete);
            QCOMPARE(s.score, expected);
            QCOMPARE(s.answered, in.items.size() - 1);
            QCOMPARE(s.missing, QStringList{in.items[skip].key});
            QVERIFY(s.band.isEmpty());
            QVERIFY(s.bandLabel.isEmpty());
            QVERIFY(!s.positive);
            QVERIFY(!s.severe);
        }
    }

    void outOfRangeAnswersAreNotCounted()
    {
        const Instrument &phq9 = instrument("phq9");
        QHash<QString, int> answers = answersSumming(phq9, 27);
        answers.insert(QStringLiteral("mood"), 4);
        answers.insert(QStringLiteral("sleep"), -1);
        answers.insert(QStringLiteral("unknownItem"), 3); // not an item: ignored
        const InstrumentScore s = Instruments::score(phq9, answers);
        QVERIFY(!s.complete);
        QCOMPARE(s.score, 21);
        QCOMPARE(s.answered, 7);
        QCOMPARE(s.missing, (QStringList{"mood", "sleep"}));
        QVERIFY(s.band.isEmpty());
        QVERIFY(!s.positive);
        QVERIFY(!s.severe);

        // Katz is yes/no: a 2 is not a "more than yes".
        QHash<QString, int> katz = answersSumming(instrument("katz"), 5);
        katz.insert(QStringLiteral("feeding"), 2);
        const InstrumentScore k = Instruments::score(instrument("katz"), katz);
        QVERIFY(!k.complete);
        QCOMPARE(k.score, 5);
        QCOMPARE(k.missing, QStringList{"feeding"});
        QVERIFY(!k.severe);

        // Extra keys do not stop a complete score.
        QHash<QString, int> phq2 = answersSumming(instrument("phq2"), 3);
        phq2.insert(QStringLiteral("sleep"), 3);
        const InstrumentScore p = Instruments::score(instrument("phq2"), phq2);
        QVERIFY(p.complete);
        QCOMPARE(p.score, 3);
        QCOMPARE(p.band, QStringLiteral("positive"));
    }

    void checkAnswer_data()
    {
        addAnswerColumns();
        const QString phq9 = QStringLiteral("PHQ-9 depression severity");
        const QString phq2 = QStringLiteral("PHQ-2 depression screen");
        const QString katz = QStringLiteral("Katz Index of Independence in ADL");
        const QString lawton = QStringLiteral("Lawton Instrumental Activities of Daily Living");
        const QString range = QStringLiteral("%1, %2: the answer must be between %3 and %4");
        // An empty message: the answer fits.
        answerRow("phq9 lowest", "phq9", "mood", 0, {});
        answerRow("phq9 highest", "phq9", "selfharm", 3, {});
        answerRow("phq9 above", "phq9", "mood", 4, range.arg(phq9, "mood").arg(0).arg(3));
        answerRow("phq9 below", "phq9", "mood", -1, range.arg(phq9, "mood").arg(0).arg(3));
        answerRow("phq2 above", "phq2", "interest", 4, range.arg(phq2, "interest").arg(0).arg(3));
        answerRow("phq2 item of phq9 only", "phq2", "sleep", 1, phq2 + " has no item \"sleep\"");
        answerRow("katz yes", "katz", "bathing", 1, {});
        answerRow("katz no", "katz", "feeding", 0, {});
        answerRow("katz 2", "katz", "feeding", 2, range.arg(katz, "feeding").arg(0).arg(1));
        answerRow("lawton ok", "lawton", "finances", 1, {});
        answerRow("lawton 2", "lawton", "finances", 2, range.arg(lawton, "finances").arg(0).arg(1));
        answerRow("unknown item", "katz", "juggling", 1, katz + " has no item \"juggling\"");
        answerRow("unknown instrument", "mmse", "recall", 1, "There is no instrument \"mmse\"");
        QTest::newRow("long names are cut")
            << QString(100, 'x') << QStringLiteral("a") << 1
            << QStringLiteral("There is no instrument \"%1\"").arg(QString(32, 'x'));
    }
    void checkAnswer()
    {
        QFETCH(QString, instrument);
        QFETCH(QString, item);
        QFETCH(int, value);
        QFETCH(QString, message);
        QCOMPARE(Instruments::checkAnswer(instrument, item, value), message);
    }

    void storeRefusesAnOutOfRangeAnswer_data()
    {
        addAnswerColumns();
        answerRow("phq9 4", "phq9", "mood", 4, "between 0 and 3");
        answerRow("phq2 -1", "phq2", "interest", -1, "between 0"); // the field's own 0..10 range
        answerRow("katz 2", "katz", "bathing", 2, "between 0 and 1");
        answerRow("lawton 3", "lawton", "laundry", 3, "between 0 and 1");
        answerRow("unknown item", "phq9", "appetit", 1, "no item");
        answerRow("domain 11", "domain", "medical", 11, "between 0 and 10");
    }
    void storeRefusesAnOutOfRangeAnswer()
    {
        QFETCH(QString, instrument);
        QFETCH(QString, item);
        QFETCH(int, value);
        QFETCH(QString, message);
        DeviceStore::Options o;
        o.path = m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentDataTag()));
        o.key = DeviceStore::rawKey(QByteArray(32, '\x17'));
        auto store = DeviceStore::open(o);
        LocalEditor editor(*store, QStringLiteral("c1"));
        const QString client = editor.create(
            "client", {{"firstName", "Ada"}, {"lastName", "Lovelace"}, {"status", "active"}});
        const QString assessment = editor.create(
            "assessment", {{"clientId", client}, {"kind", "initial"}, {"status", "draft"}});
        const EntityDef &answerDef = *Schema::instance().entity("assessmentAnswer");
        const EntityDef &auditDef = *Schema::instance().entity("auditEvent");
        const QJsonObject base{{"assessmentId", assessment},
                               {"clientId", client},
                               {"instrument", instrument},
                               {"item", item}};

        const auto snapshot = [&] {
            return QVector<qint64>{store->records().count(answerDef),
                                   store->records().count(auditDef), store->outbox().count(),
                                   store->outbox().lastSeq()};
        };
        const QVector<qint64> before = snapshot();
        QJsonObject bad = base;
        bad.insert("value", value);
        try {
            editor.create("assessmentAnswer", bad);
            QFAIL("the out-of-range answer was stored");
        } catch (const StoreError &e) {
            QCOMPARE(e.code(), StoreError::Code::InvalidInput);
            QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        }
        QCOMPARE(snapshot(), before);

        // Changing a stored answer to an out-of-range value is refused too, and changes nothing.
        // (An unknown item has no valid answer: use a real one for this part.)
        QJsonObject good = base;
        const Instrument *in = Instruments::find(instrument);
        const bool realItem = !in || in->item(item);
        if (!realItem)
            good.insert("item", in->items.first().key);
        good.insert("value", 1);
        const QString id = editor.create("assessmentAnswer", good);
        const QVector<qint64> afterGood = snapshot();
        QCOMPARE(afterGood[0], before[0] + 1);
        QCOMPARE(afterGood[2], before[2] + 1);
        QCOMPARE(afterGood[1], before[1] + 1);
        if (realItem) {
            try {
                editor.update("assessmentAnswer", id, {{"value", value}});
                QFAIL("the out-of-range change was stored");
            } catch (const StoreError &e) {
                QCOMPARE(e.code(), StoreError::Code::InvalidInput);
                QVERIFY2(e.message().contains(message), qPrintable(e.message()));
            }
            QCOMPARE(snapshot(), afterGood);
            QCOMPARE(store->records().find(answerDef, id)->values.value("value").toInt(), 1);
        }
    }

    void storeAcceptsTheEdges()
    {
        DeviceStore::Options o;
        o.path = m_dir.filePath(QStringLiteral("edges.db"));
        o.key = DeviceStore::rawKey(QByteArray(32, '\x18'));
        auto store = DeviceStore::open(o);
        LocalEditor editor(*store, QStringLiteral("c1"));
        const QString client = editor.create(
            "client", {{"firstName", "Ada"}, {"lastName", "Lovelace"}, {"status", "active"}});
        const QString assessment = editor.create(
            "assessment", {{"clientId", client}, {"kind", "initial"}, {"status", "draft"}});
        int stored = 0;
        for (const Instrument &in : Instruments::all()) {
            for (const InstrumentItem &item : in.items) {
                for (int value : {item.minimum, item.maximum}) {
                    editor.create("assessmentAnswer", {{"assessmentId", assessment},
                                                       {"clientId", client},
                                                       {"instrument", in.id},
                                                       {"item", item.key},
                                                       {"value", value}});
                    ++stored;
                }
            }
        }
        QCOMPARE(store->records().count(*Schema::instance().entity("assessmentAnswer")),
                 qint64(stored));
    }

    // Completing an assessment needs every instrument but PHQ-9, which becomes needed once
    // the PHQ-2 screen is positive (complete and >= 3) or once it has been begun.
    void phq9IsNeededAfterAPositiveScreenOrOnceBegun()
    {
        const InstrumentScore negative =
            Instruments::score(instrument("phq2"), {{"interest", 1}, {"mood", 1}});
        const InstrumentScore positive =
            Instruments::score(instrument("phq2"), {{"interest", 2}, {"mood", 1}});
        const InstrumentScore partial = Instruments::score(instrument("phq2"), {{"interest", 3}});
        const InstrumentScore none = Instruments::score(instrument("phq9"), {});
        const InstrumentScore begun = Instruments::score(instrument("phq9"), {{"sleep", 0}});
        QVERIFY(!negative.positive);
        QVERIFY(positive.positive);
        QVERIFY(!partial.complete);

        QVERIFY(!Instruments::isNeeded("phq9", none, negative));
        QVERIFY(!Instruments::isNeeded("phq9", none, partial));
        QVERIFY(Instruments::isNeeded("phq9", none, positive));
        QVERIFY(Instruments::isNeeded("phq9", begun, negative));
        for (const char *id : {"katz", "lawton", "phq2"})
            QVERIFY(Instruments::isNeeded(id, Instruments::score(instrument(id), {}), negative));
    }

    void resultsScoreEachAnsweredInstrumentInCatalogueOrder()
    {
        const QVector<InstrumentResult> r = Instruments::results(
            {{"phq2", {{"interest", 2}, {"mood", 1}}}, {"katz", {{"bathing", 1}}}});
        QCOMPARE(r.size(), 2);
        QCOMPARE(r[0].instrument->id, QStringLiteral("katz"));
        QCOMPARE(r[0].score.answered, 1);
        QCOMPARE(r[1].instrument->id, QStringLiteral("phq2"));
        QCOMPARE(r[1].score.score, 3);
        QVERIFY(r[1].score.complete);
    }

    void selfHarmItemRaisesAnAlertWhateverTheTotal()
    {
        QHash<QString, int> answers{{"selfharm", 1}};
        InstrumentScore s = Instruments::score(instrument("phq9"), answers);
        QVERIFY(!s.complete);
        QVERIFY(s.selfHarmRisk);
        answers = answersSumming(instrument("phq9"), 0);
        QVERIFY(!Instruments::score(instrument("phq9"), answers).selfHarmRisk);
        answers.insert("selfharm", 1);
        s = Instruments::score(instrument("phq9"), answers);
        QCOMPARE(s.band, QStringLiteral("minimal"));
        QVERIFY(s.selfHarmRisk);
    }

    void anItemOutsideItsInstrumentIsRefusedEvenWithoutAnAnswer()
    {
        DeviceStore::Options o;
        o.path = m_dir.filePath("noanswer.db");
        o.key = "k";
        auto store = DeviceStore::open(o);
        LocalEditor editor(*store, "c1");
        const QString client =
            editor.create("client", {{"firstName", "A"}, {"lastName", "B"}, {"status", "active"}});
        const QString assessment = editor.create(
            "assessment", {{"clientId", client}, {"kind", "initial"}, {"status", "draft"}});
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 editor.create("assessmentAnswer", {{"clientId", client},
                                                                    {"assessmentId", assessment},
                                                                    {"instrument", "phq9"},
                                                                    {"item", "bogus"}}));
        const QString ok = editor.create("assessmentAnswer", {{"clientId", client},
                                                              {"assessmentId", assessment},
                                                              {"instrument", "phq9"},
                                                              {"item", "mood"}});
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 editor.update("assessmentAnswer", ok, {{"item", "bogus"}}));
    }
};

QTEST_GUILESS_MAIN(TestInstruments)
#include "tst_instruments.moc"
