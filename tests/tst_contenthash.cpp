// The content hash a signature binds, as a pure function of records handed in (no store):
// it keeps the rules of the signatures already stored on tablets, every signed value counts,
// and the same content gives the same hash however it is handed in.
#include "contenthash.h"
#include "testsupport.h"

#include <QTest>

#include <algorithm>

using namespace careround;

namespace {

const EntityDef &kind(const char *name)
{
    return *Schema::instance().entity(QString::fromLatin1(name));
}

/** A record as a store reads it: every field of the kind, null when unset. */
Record stored(const EntityDef &def, const QString &id, const QJsonObject &values)
{
    Record r{def.name, id, {}, {}};
    for (const FieldDef &fd : def.fields)
        r.values.insert(fd.name, values.value(fd.name));
    return r;
}

const QString kPlanId = QStringLiteral("0192f0c4-0000-7000-8000-000000000001");
const QString kClientId = QStringLiteral("0192f0c4-0000-7000-8000-0000000000c1");

/** A signed care plan with two goals, an action step and a contingency. */
struct SignedPlan {
    Record plan = stored(kind("carePlan"), kPlanId,
                         {{"clientId", kClientId},
                          {"title", "Staying at home"},
                          {"status", "active"},
                          {"startDate", "2026-11-02"},
                          {"reviewDate", "2027-02-02"},
                          {"summary", "Stay safely at home with help for meals and rides."}});
    QVector<Record> children{
        stored(kind("goal"), "0192f0c4-0000-7000-8000-0000000000a2",
               {{"carePlanId", kPlanId},
                {"clientId", kClientId},
                {"statement", "Gets to the clinic on time"},
                {"domain", "transportation"},
                {"status", "open"},
                {"progress", 10}}),
        stored(kind("goal"), "0192f0c4-0000-7000-8000-0000000000a1",
               {{"carePlanId", kPlanId},
                {"clientId", kClientId},
                {"statement", "Eats two warm meals a day"},
                {"domain", "daily_living"},
                {"status", "in_progress"},
                {"progress", 40}}),
        stored(kind("actionStep"), "0192f0c4-0000-7000-8000-0000000000b1",
               {{"goalId", "0192f0c4-0000-7000-8000-0000000000a1"},
                {"carePlanId", kPlanId},
                {"clientId", kClientId},
                {"description", "Call the meal delivery service"},
                {"owner", "coordinator"},
                {"status", "todo"}}),
        stored(kind("contingency"), "0192f0c4-0000-7000-8000-0000000000d1",
               {{"carePlanId", kPlanId},
                {"clientId", kClientId},
                {"barrier", "No ride"},
                {"alternative", "Paratransit"}}),
    };

    QString hash(HashRule rule = HashRule::SealedFields) const
    {
        return contentHash(kind("carePlan"), plan, children, rule);
    }
};

} // namespace

class TestContentHash : public QObject {
    Q_OBJECT

private slots:
    void keepsTheRulesOfStoredSignatures()
    {
        // Computed by LocalEditor::contentHash before the function moved out of it: signatures
        // stored on tablets hold such hashes and must keep verifying.
        QCOMPARE(
            SignedPlan().hash(HashRule::EveryField),
            QStringLiteral("aa89b22c5aeed96edcd5b77c714d07da1b793eb816ad9df8c0c028b4d4f9dda8"));
        // Rule 2, of every signature since: pinned the same way.
        QCOMPARE(
            SignedPlan().hash(),
            QStringLiteral("651cbd627a3579eea4bfcba3d9a5cb2a8cc8c9ba71f8509a5018e62147eeea03"));
    }

    void whatMayChangeAfterSigningLeavesRuleTwoAlone()
    {
        const SignedPlan original;
        SignedPlan carriedOut; // the plan is carried out and reviewed after it was signed
        carriedOut.plan.values.insert("status", "completed");
        carriedOut.plan.values.insert("reviewDate", "2027-03-01");
        carriedOut.children[1].values.insert("status", "achieved");
        carriedOut.children[1].values.insert("progress", 100);
        carriedOut.children[2].values.insert("status", "done");
        QCOMPARE(carriedOut.hash(), original.hash());
        QVERIFY(carriedOut.hash(HashRule::EveryField) != original.hash(HashRule::EveryField));

        const EntityDef &plan = kind("carePlan");
        // A signature of either rule verifies while the content is as signed; hashNow is under
        // the rule that matched.
        for (const HashRule rule : {HashRule::EveryField, HashRule::SealedFields}) {
            const HashCheck check =
                checkContentHash(original.hash(rule), plan, original.plan, original.children);
            QVERIFY(check.verified);
            QCOMPARE(check.hashNow, original.hash(rule));
        }
        // A rule-2 signature keeps verifying once the plan is carried out; a rule-1 one does not.
        QVERIFY(
            checkContentHash(original.hash(), plan, carriedOut.plan, carriedOut.children).verified);
        QVERIFY(!checkContentHash(original.hash(HashRule::EveryField), plan, carriedOut.plan,
                                  carriedOut.children)
                     .verified);
        // A signed value changed fails both, and the hash now is under rule 2.
        SignedPlan tampered;
        tampered.children[1].values.insert("statement", "Eats one warm meal a day");
        for (const HashRule rule : {HashRule::EveryField, HashRule::SealedFields}) {
            const HashCheck check =
                checkContentHash(original.hash(rule), plan, tampered.plan, tampered.children);
            QVERIFY(!check.verified);
            QCOMPARE(check.hashNow, tampered.hash());
        }
        QVERIFY(!checkContentHash(QString(), plan, original.plan, original.children).verified);
    }

    void coversTheKindsSealedWithTheRecord()
    {
        QStringList kinds;
        for (const EntityDef *child : sealedChildKinds(kind("carePlan")))
            kinds.append(child->name);
        QCOMPARE(kinds, (QStringList{"goal", "actionStep", "contingency"}));
        QCOMPARE(sealedChildKinds(kind("assessment")).size(), 1);
        QCOMPARE(sealedChildKinds(kind("client")).size(), 0);
    }

    void aChangeToASignedValueChangesTheHash()
    {
        const SignedPlan original;
        const QString before = original.hash();
        QCOMPARE(before.size(), 64);
        for (const FieldDef &fd : kind("carePlan").fields) {
            SignedPlan changed;
            changed.plan.values.insert(fd.name, test::sampleValue(fd, 7));
            if (changed.plan.values == original.plan.values)
                changed.plan.values.insert(fd.name, test::sampleValue(fd, 8));
            QVERIFY2(changed.hash(HashRule::EveryField) != original.hash(HashRule::EveryField),
                     qPrintable(fd.name));
            // Under rule 2 every field counts but those editable after signing.
            QVERIFY2((changed.hash() != before) == !fd.editableWhenSealed, qPrintable(fd.name));
        }
        SignedPlan goal;
        goal.children[1].values.insert("statement", "Eats one warm meal a day");
        QVERIFY(goal.hash() != before);
        SignedPlan step;
        step.children[2].values.insert("owner", "family");
        QVERIFY(step.hash() != before);
        SignedPlan added;
        added.children.append(stored(kind("contingency"), "0192f0c4-0000-7000-8000-0000000000d2",
                                     {{"carePlanId", kPlanId},
                                      {"clientId", kClientId},
                                      {"barrier", "Snow"},
                                      {"alternative", "Frozen meals"}}));
        QVERIFY(added.hash() != before);
        SignedPlan voided; // a voided child leaves the signed content
        voided.children[3].values.insert("voided", true);
        QVERIFY(voided.hash() != before);
        SignedPlan otherId;
        otherId.plan.id = QStringLiteral("0192f0c4-0000-7000-8000-000000000002");
        for (Record &c : otherId.children)
            c.values.insert("carePlanId", otherId.plan.id);
        QVERIFY(otherId.hash() != before);
    }

    void theSameContentHashesTheSameHoweverHandedIn()
    {
        const QString before = SignedPlan().hash();

        // Values as generated (unset fields left out) hash as the stored row (null).
        SignedPlan sparse;
        for (Record *r : {&sparse.plan, &sparse.children[0], &sparse.children[3]})
            for (const QString &field : r->values.keys())
                if (r->values.value(field).isNull())
                    r->values.remove(field);
        QCOMPARE(sparse.hash(), before);

        // Children in any order, among records that are not the plan's.
        SignedPlan mixed;
        std::reverse(mixed.children.begin(), mixed.children.end());
        Record otherPlansGoal = mixed.children.constLast();
        otherPlansGoal.id = QStringLiteral("0192f0c4-0000-7000-8000-0000000000a9");
        otherPlansGoal.values.insert("carePlanId", "0192f0c4-0000-7000-8000-000000000009");
        mixed.children.append(otherPlansGoal);
        mixed.children.append(
            stored(kind("followUp"), "0192f0c4-0000-7000-8000-0000000000f1",
                   {{"clientId", kClientId}, {"description", "Call back"}, {"status", "open"}}));
        QCOMPARE(mixed.hash(), before);

        // A voided child is not signed content: what it says does not count.
        SignedPlan voidedA, voidedB;
        voidedA.children[3].values.insert("voided", true);
        voidedB.children[3].values.insert("voided", true);
        voidedB.children[3].values.insert("barrier", "Something else");
        QCOMPARE(voidedA.hash(), voidedB.hash());
    }
};

QTEST_GUILESS_MAIN(TestContentHash)
#include "tst_contenthash.moc"
