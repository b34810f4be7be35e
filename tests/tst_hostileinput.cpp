// Regressions from the libFuzzer targets (tests/fuzz) and the fault-proxy test: each case is
// an input that broke an invariant, reduced to its cause. Pure functions, no server.
#include "merge.h"
#include "protocol.h"
#include "recordvalidator.h"

#include <QTest>

using namespace careround;

namespace {

const QString kDevice = QStringLiteral("0190a000-0000-7000-8000-00000000d001");
const QString kOther = QStringLiteral("0190a000-0000-7000-8000-00000000d009");
const QString kId = QStringLiteral("0190a000-0000-7000-8000-0000000000f1");

Stamp stamp(quint64 millis, const QString &node)
{
    return Stamp{Hlc::fromParts(millis, 0), node};
}

QJsonObject change(const QJsonValue &deviceSeq, const QString &id = kId)
{
    return QJsonObject{{"deviceSeq", deviceSeq},
                       {"entity", "contact"},
                       {"id", id},
                       {"hlc", "0001936d2a4b0000"},
                       {"values", QJsonObject{{"name", "Rosa"}}}};
}

MergeContext context()
{
    MergeContext c;
    c.nowMillis = 1800000000000;
    return c;
}

/** Record values as a replica compares them: nulls left out. */
QJsonObject withoutNulls(QJsonObject values)
{
    for (auto it = values.begin(); it != values.end();)
        it = it.value().isNull() ? values.erase(it) : it + 1;
    return values;
}

} // namespace

class TestHostileInput : public QObject {
    Q_OBJECT
private slots:
    // fuzz_push_decoder, crash-9725067f: {"deviceSeq": 900719925474099254740991, ...}.
    // protocol.cpp casts the double to qint64 before checking its range: undefined behaviour
    // (UBSan: "outside the range of representable values of type 'long long'").
    void pushDecoderRefusesADeviceSeqBeyondTheIntegerRange()
    {
        PushChange out;
        for (const double seq : {9.007199254740992e15, 9.0072e23, 1e300, -1e300})
            QVERIFY(!Protocol::decodeChange(change(seq), kDevice, false, out).isEmpty());
        QVERIFY(Protocol::decodeChange(change(9007199254740991.0), kDevice, false, out).isEmpty());
    }

    // fuzz_pull_decoder, crash-c8f84146: {"seq": 4777...772, ...} (82 digits). decodeRecord
    // casts any double to qint64: undefined behaviour, and a garbage cursor. A pulled record
    // whose seq is not a non-negative integer must be refused like any malformed record.
    void pullDecoderRefusesASeqBeyondTheIntegerRange()
    {
        for (const double seq : {4.77e81, -1.0, 1e300, 0.5}) {
            Record r;
            qint64 s = 0;
            const QJsonObject json{{"entity", "contact"},
                                   {"id", kId},
                                   {"seq", seq},
                                   {"values", QJsonObject{{"name", "Wei"}}},
                                   {"stamps", QJsonObject{}}};
            QVERIFY2(!Protocol::decodeRecord(json, r, s).isEmpty(),
                     qPrintable(QString::number(seq)));
        }
    }

    // fuzz_validator, crash-cd42dec0: a UUID followed by a newline. QRegularExpression's "$"
    // also matches before a final "\n", so isUuid() accepts "<uuid>\n": a second id for the
    // same record, accepted by the push decoder and stored by the server.
    void aTrailingNewlineIsNotPartOfAUuidDateOrTime()
    {
        QVERIFY(RecordValidator::isUuid(kId));
        QVERIFY(!RecordValidator::isUuid(kId + QLatin1Char('\n')));
        QVERIFY(!RecordValidator::isDate(QStringLiteral("2026-11-22\n")));
        QVERIFY(!RecordValidator::isDateTime(QStringLiteral("2026-11-22T10:00:00Z\n")));
        PushChange out;
        QVERIFY(!Protocol::decodeChange(change(1.0, kId + QLatin1Char('\n')), kDevice, false, out)
                     .isEmpty());
    }

    // fuzz_merge, crash-7287592c: a void that also sets another field (a newer app's field)
    // meets a concurrent edit. Merging it writes that field with the void's own stamp; merging
    // the same edit again then counts that write as "concurrent" and records a second
    // void_vs_edit conflict with another keptStamp (another id) for the same void.
    void reapplyingAVoidThatMetAnEditFindsNoNewConflict()
    {
        const EntityDef &def = *Schema::instance().entity(QStringLiteral("followUp"));
        const Stamp base = stamp(1000, kDevice);
        Record current{def.name, kId,
                       QJsonObject{{"description", "Meals and rides"}, {"status", "open"}},
                       FieldStamps{{"description", stamp(1500, kOther)}, {"status", base}}};
        Edit voidEdit{
            def.name, kId,
            QJsonObject{{"voided", true}, {"voidReason", "entered twice"}, {"voidedBy", "ana"}},
            stamp(2000, kDevice), FieldStamps{{"description", base}, {"status", base}}};
        const MergeResult first = mergeEdit(def, current, voidEdit, context());
        QCOMPARE(first.conflicts.size(), 1);
        const MergeResult again = mergeEdit(def, first.record, voidEdit, context());
        QCOMPARE(again.record.values, first.record.values);
        for (const ConflictDraft &c : again.conflicts)
            QCOMPARE(c.conflictId(def.name, kId),
                     first.conflicts.first().conflictId(def.name, kId));
    }

    // tst_faultproxy (faulty world vs fault-free): a void and a concurrent edit reach the
    // server in either order depending on the network. Void first: the record comes back
    // with voided=false and KEEPS voidReason; edit first: neither field is written. The
    // replicas differ by the order of arrival, which the merge rules say must not matter.
    void voidAndConcurrentEditGiveTheSameRecordInEitherOrder()
    {
        const EntityDef &def = *Schema::instance().entity(QStringLiteral("followUp"));
        const Stamp base = stamp(1000, kDevice);
        const Record start{def.name, kId,
                           QJsonObject{{"description", "Call about meals"}, {"status", "open"}},
                           FieldStamps{{"description", base}, {"status", base}}};
        const Edit voidEdit{
            def.name, kId, QJsonObject{{"voided", true}, {"voidReason", "entered twice"}},
            stamp(2000, kDevice), FieldStamps{{"description", base}, {"status", base}}};
        const Edit edit{def.name, kId, QJsonObject{{"description", "Meals and rides"}},
                        stamp(3000, kOther), FieldStamps{{"description", base}}};
        const Record voidFirst =
            mergeEdit(def, mergeEdit(def, start, voidEdit, context()).record, edit, context())
                .record;
        const Record editFirst =
            mergeEdit(def, mergeEdit(def, start, edit, context()).record, voidEdit, context())
                .record;
        QVERIFY(!voidFirst.isVoided());
        QVERIFY(!editFirst.isVoided());
        QCOMPARE(withoutNulls(voidFirst.values), withoutNulls(editFirst.values));
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
