// The merge rules as pure functions: the same inputs decide alike on every machine.
#include "hlc.h"
#include "merge.h"
#include "protocol.h"
#include "recordvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace careround;

namespace {

const EntityDef &def(const char *name)
{
    return *Schema::instance().entity(QString::fromLatin1(name));
}

Stamp st(quint64 ms, const char *node)
{
    return Stamp{Hlc::fromParts(ms, 0), QString::fromLatin1(node)};
}

Edit edit(const QJsonObject &values, Stamp stamp, FieldStamps bases = {})
{
    return Edit{"client", "0190a000-0000-7000-8000-000000000001", values, std::move(stamp),
                std::move(bases)};
}

MergeContext ctx(bool sealed = false)
{
    MergeContext c;
    c.sealed = sealed;
    c.nowMillis = 10'000;
    c.maxSkewMillis = 1'000;
    return c;
}

Record base()
{
    Record r{"client", "0190a000-0000-7000-8000-000000000001", {}, {}};
    for (const char *f : {"firstName", "lastName", "phone", "status"}) {
        r.values.insert(f, QStringLiteral("v0"));
        r.stamps.insert(f, st(100, "a"));
    }
    return r;
}

} // namespace

class TestMerge : public QObject {
    Q_OBJECT
private slots:
    // The server stores and sends texts it writes by hand: each string must be the text
    // QJsonDocument writes, byte for byte, so that one value has one stored form.
    void textsWrittenByHandAreTheTextQJsonDocumentWrites()
    {
        const QStringList texts{"",
                                "plain",
                                "say \"hi\"",
                                "back\\slash",
                                QString::fromUtf8("tab\there\nline\r\b\f\x01\x1f end"),
                                QString::fromUtf8("Jos\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80"),
                                "\"",
                                "\\\\"};
        for (const QString &text : texts) {
            QByteArray mine;
            Protocol::appendJsonString(mine, text);
            const QByteArray theirs =
                QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
            QCOMPARE(mine, theirs.mid(1, theirs.size() - 2));
        }
        FieldStamps stamps;
        stamps.insert("status", Stamp{Hlc::fromParts(1764000000000, 7), "tablet-1"});
        stamps.insert("note \"x\"", Stamp{Hlc::fromParts(1, 0), "server"});
        stamps.insert("empty", Stamp{});
        // In the hash's order: the same object, each value in the same text.
        QCOMPARE(QJsonDocument::fromJson(Protocol::stampsJsonText(stamps)).object(),
                 Protocol::stampsToJson(stamps));
    }

    void newRecordIsApplied()
    {
        const MergeResult r = mergeEdit(def("client"), std::nullopt,
                                        edit({{"firstName", "Ada"}}, st(200, "a")), ctx());
        QCOMPARE(r.status, EditStatus::Applied);
        QCOMPARE(r.record.values.value("firstName").toString(), QStringLiteral("Ada"));
        QCOMPARE(r.record.stamps.value("firstName"), st(200, "a"));
    }

    void editBasedOnCurrentValueApplies()
    {
        const MergeResult r =
            mergeEdit(def("client"), base(),
                      edit({{"phone", "1"}}, st(200, "b"), {{"phone", st(100, "a")}}), ctx());
        QCOMPARE(r.status, EditStatus::Applied);
        QVERIFY(r.conflicts.isEmpty());
        QCOMPARE(r.record.values.value("phone").toString(), QStringLiteral("1"));
    }

    void concurrentEditsConvergeInEitherOrder()
    {
        const Edit e1 = edit({{"phone", "from-a"}}, st(200, "a"), {{"phone", st(100, "a")}});
        const Edit e2 = edit({{"phone", "from-b"}}, st(300, "b"), {{"phone", st(100, "a")}});
        const MergeResult ab1 = mergeEdit(def("client"), base(), e1, ctx());
        const MergeResult ab = mergeEdit(def("client"), ab1.record, e2, ctx());
        const MergeResult ba1 = mergeEdit(def("client"), base(), e2, ctx());
        const MergeResult ba = mergeEdit(def("client"), ba1.record, e1, ctx());
        QCOMPARE(ab.record.values, ba.record.values);
        QCOMPARE(ab.record.stamps, ba.record.stamps);
        QCOMPARE(ab.record.values.value("phone").toString(), QStringLiteral("from-b"));
        QCOMPARE(ab.status, EditStatus::Conflict);
        QCOMPARE(ba.status, EditStatus::Conflict);
        QCOMPARE(ab.conflicts.size(), 1);
        QCOMPARE(ba.conflicts.size(), 1);
        // The loser is kept, and both orders describe the same conflict with the same id.
        QCOMPARE(ab.conflicts[0].otherValue.toString(), QStringLiteral("from-a"));
        QCOMPARE(ba.conflicts[0].otherValue.toString(), QStringLiteral("from-a"));
        QCOMPARE(ab.conflicts[0].conflictId("client", "x"),
                 ba.conflicts[0].conflictId("client", "x"));
    }

    void tieOnHlcBreaksByNode()
    {
        const Edit e1 = edit({{"phone", "a"}}, st(200, "node-a"), {{"phone", st(100, "a")}});
        const Edit e2 = edit({{"phone", "b"}}, st(200, "node-b"), {{"phone", st(100, "a")}});
        const MergeResult r =
            mergeEdit(def("client"), mergeEdit(def("client"), base(), e2, ctx()).record, e1, ctx());
        QCOMPARE(r.record.values.value("phone").toString(), QStringLiteral("b"));
    }

    void sameEditTwiceIsADuplicate()
    {
        const Edit e = edit({{"phone", "1"}}, st(200, "b"), {{"phone", st(100, "a")}});
        const MergeResult once = mergeEdit(def("client"), base(), e, ctx());
        const MergeResult twice = mergeEdit(def("client"), once.record, e, ctx());
        QCOMPARE(twice.status, EditStatus::Duplicate);
        QVERIFY(!twice.changed);
        QCOMPARE(twice.record.values, once.record.values);
    }

    void voidMeetingAnEditIsAConflictInEitherOrder()
    {
        FieldStamps seen = base().stamps;
        const Edit voidEdit =
            edit({{"voided", true}, {"voidReason", "duplicate"}}, st(300, "a"), seen);
        const Edit fieldEdit = edit({{"phone", "new"}}, st(200, "b"), {{"phone", st(100, "a")}});
        const MergeResult editFirst =
            mergeEdit(def("client"), mergeEdit(def("client"), base(), fieldEdit, ctx()).record,
                      voidEdit, ctx());
        const MergeResult voidFirst =
            mergeEdit(def("client"), mergeEdit(def("client"), base(), voidEdit, ctx()).record,
                      fieldEdit, ctx());
        for (const MergeResult &r : {editFirst, voidFirst}) {
            QCOMPARE(r.status, EditStatus::Conflict);
            QVERIFY(!r.record.isVoided());
            QCOMPARE(r.record.values.value("phone").toString(), QStringLiteral("new"));
            QCOMPARE(r.conflicts.size(), 1);
            QCOMPARE(r.conflicts[0].kind, ConflictKind::VoidVsEdit);
        }
        // A void that saw everything is simply applied.
        const MergeResult clean = mergeEdit(def("client"), base(), voidEdit, ctx());
        QCOMPARE(clean.status, EditStatus::Applied);
        QVERIFY(clean.record.isVoided());
    }

    void sealedRecordTurnsEditsIntoAmendments()
    {
        Record plan{"carePlan",
                    "p",
                    {{"title", "signed title"}, {"status", "active"}},
                    {{"title", st(100, "a")}, {"status", st(100, "a")}}};
        Edit e{"carePlan",
               "p",
               {{"title", "changed"}, {"status", "completed"}},
               st(200, "b"),
               {{"title", st(100, "a")}, {"status", st(100, "a")}}};
        const MergeResult r = mergeEdit(def("carePlan"), plan, e, ctx(true));
        QCOMPARE(r.status, EditStatus::Sealed);
        QCOMPARE(r.record.values.value("title").toString(), QStringLiteral("signed title"));
        // status may change after signing; the title may not.
        QCOMPARE(r.record.values.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(r.conflicts.size(), 1);
        QCOMPARE(r.conflicts[0].kind, ConflictKind::Amendment);
        QCOMPARE(r.conflicts[0].otherValue.toObject().value("title").toString(),
                 QStringLiteral("changed"));
    }

    void farFutureStampIsHeld()
    {
        const MergeResult r =
            mergeEdit(def("client"), base(),
                      edit({{"phone", "9"}}, st(20'000, "b"), {{"phone", st(100, "a")}}), ctx());
        QCOMPARE(r.status, EditStatus::Held);
        QVERIFY(!r.changed);
        QCOMPARE(r.conflicts.size(), 1);
        QCOMPARE(r.conflicts[0].kind, ConflictKind::FutureStamp);
        QCOMPARE(r.conflicts[0].otherValue.toObject().value("phone").toString(),
                 QStringLiteral("9"));
    }

    void appendOnlyMergesByUnion()
    {
        Edit note{"visitNote", "n", {{"text", "first"}}, st(200, "a"), {}};
        const MergeResult first = mergeEdit(def("visitNote"), std::nullopt, note, ctx());
        QCOMPARE(first.status, EditStatus::Applied);
        note.values = {{"text", "rewritten"}};
        const MergeResult second = mergeEdit(def("visitNote"), first.record, note, ctx());
        QCOMPARE(second.status, EditStatus::Duplicate);
        QCOMPARE(second.record.values.value("text").toString(), QStringLiteral("first"));
    }

    void unknownFieldsAreKept()
    {
        const MergeResult r = mergeEdit(def("client"), base(),
                                        edit({{"preferredPronoun", "she"}}, st(200, "b")), ctx());
        QCOMPARE(r.record.values.value("preferredPronoun").toString(), QStringLiteral("she"));
        QCOMPARE(r.record.stamps.value("preferredPronoun"), st(200, "b"));
    }

    void pulledRecordKeepsPendingLocalEdits()
    {
        Record local = base();
        local.values.insert("phone", "local pending");
        local.stamps.insert("phone", st(500, "me"));
        Record pulled = base();
        pulled.values.insert("phone", "server");
        pulled.values.insert("status", "on_hold");
        pulled.stamps.insert("status", st(400, "s"));
        const Record r = applyPulled(local, pulled, {"phone"});
        QCOMPARE(r.values.value("phone").toString(), QStringLiteral("local pending"));
        QCOMPARE(r.values.value("status").toString(), QStringLiteral("on_hold"));
        QCOMPARE(r.stamps.value("status"), st(400, "s"));
        const Record fresh = applyPulled(std::nullopt, pulled, {});
        QCOMPARE(fresh.values, pulled.values);
        // A pushed void the server kept aside (not pending any more) is undone locally.
        Record voidedHere = base();
        voidedHere.values.insert("voided", true);
        voidedHere.stamps.insert("voided", st(600, "me"));
        const Record undone = applyPulled(voidedHere, base(), {});
        QVERIFY(!undone.isVoided());
        QVERIFY(!undone.stamps.contains("voided"));
    }

    void aNewChildOfASignedPlanIsWhollyAProposal()
    {
        Edit goal{"goal",
                  "g",
                  {{"statement", "Walk daily"}, {"status", "open"}, {"carePlanId", "p"}},
                  st(200, "b"),
                  {}};
        const MergeResult r = mergeEdit(def("goal"), std::nullopt, goal, ctx(true));
        QCOMPARE(r.status, EditStatus::Sealed);
        QVERIFY(!r.changed); // never half a record
        QCOMPARE(r.conflicts.size(), 1);
        QCOMPARE(r.conflicts[0].otherValue.toObject().value("status").toString(),
                 QStringLiteral("open"));
    }

    // "Newest by id" rules (the current plan, the latest assessment) need ids that increase
    // even when many are made within one millisecond.
    void idsMadeInOneProcessStrictlyIncrease()
    {
        QString previous = newUuid7();
        for (int i = 0; i < 20'000; ++i) {
            const QString id = newUuid7();
            QVERIFY2(id > previous, qPrintable(previous + QLatin1String(" then ") + id));
            QVERIFY(RecordValidator::isUuid(id));
            QCOMPARE(id.at(14), QLatin1Char('7'));               // version 7
            QVERIFY(QStringLiteral("89ab").contains(id.at(19))); // RFC 4122 variant
            previous = id;
        }
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
