// Hostile input: regressions from the libFuzzer targets (tests/fuzz) and the fault-proxy test,
// each an input that broke an invariant reduced to its cause; the strict parsers (stamps,
// bodies, counts, text lengths); and, generated from the schema over the real server service
// on a throwaway SQLite store, the limits that leave room for the server's wrapping and the
// reference checks (issue 11, section 2).
#include "merge.h"
#include "protocol.h"
#include "recordvalidator.h"
#include "throwawayserver.h"

#include <QTest>
#include <QUrlQuery>

#include <algorithm>

using namespace careround;

namespace {

const QString kDevice = QStringLiteral("0190a000-0000-7000-8000-00000000d001");
const QString kOther = QStringLiteral("0190a000-0000-7000-8000-00000000d009");
const QString kId = QStringLiteral("0190a000-0000-7000-8000-0000000000f1");

Stamp stamp(quint64 millis, const QString &node)
{
    return Stamp{Hlc::fromParts(millis, 0), node};
}

QJsonObject contactChange(const QJsonValue &deviceSeq, const QString &id = kId)
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

/**
 * True when the push was answered (200) and its change refused alone with one of the codes
 * (issue 11: each change is decided alone; a refusal never refuses the whole push).
 */
bool refusedWith(const ServiceReply &reply, const QStringList &codes)
{
    if (reply.status != 200)
        return false;
    const QJsonArray results = reply.object().value("results").toArray();
    return std::any_of(results.begin(), results.end(), [&](const QJsonValue &r) {
        const QJsonObject o = r.toObject();
        return o.value("status").toString() == QLatin1String("refused") &&
               codes.contains(o.value("reason").toString());
    });
}

/** The message of the reply's first result (a refused change's plain words). */
QString firstMessage(const ServiceReply &reply)
{
    return reply.object().value("results").toArray().first().toObject().value("message").toString();
}

QString statusOf(const ServiceReply &reply)
{
    const QJsonObject body = reply.object();
    if (reply.status != 200)
        return body.value("error").toString() + ": " + body.value("message").toString();
    return body.value("results").toArray().first().toObject().value("status").toString();
}

/** The kinds a device may push: those not written by the server only. */
QVector<const EntityDef *> pushableKinds()
{
    QVector<const EntityDef *> out;
    for (const EntityDef &def : Schema::instance().entities())
        if (def.replicated && def.audience != Audience::Staff &&
            def.audience != Audience::Supervisors)
            out.append(&def);
    return out;
}

/** A free text field of the kind (not enumerated, not naming a kind), or none. */
const FieldDef *freeTextField(const EntityDef &def)
{
    for (const FieldDef &fd : def.fields) {
        bool namesKind = false;
        for (const FieldDef &other : def.fields)
            namesKind = namesKind || other.kindField == fd.name;
        if (fd.type == FieldType::Text && fd.allowed.isEmpty() && !namesKind &&
            fd.kindField.isEmpty() && fd.name != QLatin1String("voidReason"))
            return &fd;
    }
    return nullptr;
}

/** The values at one limit: "depth", "size" or "count", on top of a valid record. */
QJsonObject atLimit(const EntityDef &def, QJsonObject values, const QString &limit)
{
    using namespace ProtocolLimits;
    if (limit == QLatin1String("depth")) {
        for (const FieldDef &fd : def.fields)
            if (fd.type == FieldType::Json)
                values.insert(fd.name, test::nested(kMaxValueDepth));
        values.insert("fromNewerAppDeep", test::nested(kMaxValueDepth));
    } else if (limit == QLatin1String("size")) {
        if (const FieldDef *text = freeTextField(def)) // 4 UTF-8 bytes, 2 UTF-16 units each
            values.insert(text->name,
                          QStringLiteral("\U0001F600").repeated(RecordValidator::kMaxTextLength));
        for (int i = 0; RecordValidator::jsonBytes(values) < kMaxChangeBytes - 20000; ++i) {
            const qsizetype room = kMaxChangeBytes - 16384 - RecordValidator::jsonBytes(values);
            values.insert(QStringLiteral("fromNewerAppBig%1").arg(i),
                          QString(qMin<qsizetype>(room, kMaxValueBytes - 16), QLatin1Char('x')));
        }
    } else {
        for (const FieldDef &fd : def.fields)
            if (fd.type == FieldType::TextList) {
                QJsonArray items;
                for (int i = 0; i < RecordValidator::kMaxListItems; ++i)
                    items.append(QStringLiteral("item %1").arg(i));
                values.insert(fd.name, items);
            }
        int unknown = 0;
        for (auto it = values.begin(); it != values.end(); ++it)
            unknown += def.field(it.key()) ? 0 : 1;
        for (int i = unknown; i < kMaxUnknownFields; ++i)
            values.insert(QStringLiteral("fromNewerApp%1").arg(i), i);
    }
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
            QVERIFY(!Protocol::decodeChange(contactChange(seq), kDevice, false, out).isEmpty());
        QVERIFY(Protocol::decodeChange(contactChange(9007199254740991.0), kDevice, false, out)
                    .isEmpty());
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
        QVERIFY(!Protocol::decodeChange(contactChange(1.0, kId + QLatin1Char('\n')), kDevice, false,
                                        out)
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

    // An hlc of "0xa2323f48810000" (or with 0X, +, a space or tab, upper case) was read by
    // QString::toULongLong as another time and stored; base stamps alike. One spelling only.
    void stampsAreSixteenLowerCaseHexDigitsAndANode()
    {
        const QString good = QStringLiteral("0001936d2a4b0000");
        QCOMPARE(Hlc::fromText(good).packed, 0x0001936d2a4b0000ULL);
        QCOMPARE(Hlc::fromText(good).toText(), good);
        QCOMPARE(Stamp::fromString(good + "@" + kDevice).node, kDevice);
        const QStringList loose{"0x01936d2a4b0000",
                                "0X01936d2a4b0000",
                                "+001936d2a4b0000",
                                " 001936d2a4b0000",
                                "001936d2a4b0000 ",
                                "\t001936d2a4b0000",
                                "001936d2a4b0000\t",
                                "0001936D2A4B0000",
                                "001936d2a4b0000",
                                "00001936d2a4b0000",
                                "-001936d2a4b0000",
                                "0001936d2a4b000g",
                                "",
                                "0000000000000000"};
        for (const QString &hlc : loose) {
            QVERIFY2(Hlc::fromText(hlc).isNull(), qPrintable(hlc));
            QVERIFY2(Stamp::fromString(hlc + "@" + kDevice).isNull(), qPrintable(hlc));
            PushChange out;
            QJsonObject c = contactChange(1.0);
            c.insert("hlc", hlc);
            QVERIFY2(!Protocol::decodeChange(c, kDevice, false, out).isEmpty(), qPrintable(hlc));
            c = contactChange(1.0);
            c.insert("bases", QJsonObject{{"name", hlc + "@" + kDevice}});
            QVERIFY2(!Protocol::decodeChange(c, kDevice, false, out).isEmpty(), qPrintable(hlc));
        }
        for (const QString &node : {QString(), QStringLiteral(" x"), QStringLiteral("a b"),
                                    QStringLiteral("x\n"), QString(65, QLatin1Char('n'))})
            QVERIFY2(Stamp::fromString(good + "@" + node).isNull(), qPrintable(node));
        PushChange out;
        QJsonObject c = contactChange(1.0);
        c.insert("bases", QJsonObject{{"name", 42}});
        QVERIFY(!Protocol::decodeChange(c, kDevice, false, out).isEmpty());
    }

    // RFC 8259: a raw control character inside a string is not JSON. QJsonDocument takes it.
    void rawControlCharactersInsideStringsAreRefused()
    {
        QJsonObject out;
        for (const char c : {'\0', '\x01', '\x1f', '\n', '\t'}) {
            QByteArray body = QByteArrayLiteral("{\"changes\": [], \"x\": \"a?b\"}");
            body[body.indexOf('?')] = c;
            QVERIFY2(!Protocol::decodeBody(body, out).isEmpty(), qPrintable(QString::number(c)));
        }
        QVERIFY(Protocol::decodeBody("{\"x\": \"a\\u0001\\n\\\"\\\\\"}", out).isEmpty());
        QCOMPARE(out.value("x").toString(), QString::fromUtf8("a\x01\n\"\\", 5));
        // U+0000, even escaped, in a value, a key, a device label or a reason: PostgreSQL
        // cannot store it in text, so no store may be asked to.
        for (const char *body : {"{\"x\": \"a\\u0000b\"}", "{\"a\\u0000\": 1}",
                                 "{\"label\": \"tablet \\u0000\", \"login\": \"ana\"}"})
            QVERIFY2(!Protocol::decodeBody(body, out).isEmpty(), body);
        // A backslash, then the letters u0000: just text.
        QVERIFY(Protocol::decodeBody("{\"x\": \"\\\\u0000\"}", out).isEmpty());
        QCOMPARE(out.value("x").toString(), QStringLiteral("\\u0000"));
        QVERIFY(Protocol::decodeBody("{\n\t\"x\" :\r\n 1 }", out).isEmpty());
        QVERIFY(!Protocol::decodeBody("[1]", out).isEmpty());
        QVERIFY(!Protocol::decodeBody("{\"x\": 1", out).isEmpty());
    }

    void countsAreDigitsOnly()
    {
        QCOMPARE(Protocol::parseCount(u"0"), std::optional<qint64>(0));
        QCOMPARE(Protocol::parseCount(u"2010"), std::optional<qint64>(2010));
        for (const QString &bad :
             {QStringLiteral(" 0"), QStringLiteral("0 "), QStringLiteral("+5"),
              QStringLiteral("-1"), QStringLiteral(""), QStringLiteral("0x10"),
              QStringLiteral("1e3"), QString(19, QLatin1Char('9')), QStringLiteral("\t7")})
            QVERIFY2(!Protocol::parseCount(bad), qPrintable(bad));
    }

    // The limits speak of characters: code points, so an emoji (two UTF-16 units) counts once.
    void textLimitsCountCharactersNotUtf16Units()
    {
        const EntityDef &def = Schema::kind("contact");
        const FieldDef &notes = *def.field("notes");
        const QString emoji = QStringLiteral("\U0001F600");
        QCOMPARE(RecordValidator::codePointCount(emoji), 1);
        QCOMPARE(RecordValidator::codePointCount(u"a\U0001F600b"), 3);
        QCOMPARE(RecordValidator::codePointCount(QString(QChar(0xd83d))), 1); // a lone half
        const int n = RecordValidator::kMaxTextLength;
        QVERIFY(RecordValidator::checkValue(def, notes, emoji.repeated(n)).isEmpty());
        QVERIFY(!RecordValidator::checkValue(def, notes, emoji.repeated(n + 1)).isEmpty());
        QVERIFY(RecordValidator::checkValue(def, notes, QString(n, 'a')).isEmpty());
        QVERIFY(!RecordValidator::checkValue(def, notes, QString(n + 1, 'a')).isEmpty());
        QCOMPARE(RecordValidator::leftCharacters(QStringLiteral("a\U0001F600b"), 2),
                 QStringLiteral("a\U0001F600"));
        QCOMPARE(RecordValidator::leftCharacters(emoji.repeated(300), 200), emoji.repeated(200));
        QCOMPARE(RecordValidator::leftCharacters(QStringLiteral("ab"), 5), QStringLiteral("ab"));
        const FieldDef &languages = *Schema::kind("provider").field("languages");
        QVERIFY(RecordValidator::checkValue(Schema::kind("provider"), languages,
                                            QJsonArray{emoji.repeated(n)})
                    .isEmpty());
    }

    // Every pushed value, of a known field or an unknown one, is bounded in depth, size and
    // count, so that what the server wraps around it still decodes (ProtocolLimits).
    void pushedValuesAreBoundedInDepthSizeAndCount()
    {
        using namespace ProtocolLimits;
        QCOMPARE(RecordValidator::jsonDepth(QJsonValue(1)), 0);
        QCOMPARE(RecordValidator::jsonDepth(test::nested(5)), 5);
        QCOMPARE(RecordValidator::jsonDepth(test::nested(50), 10), 11);
        const auto decode = [](const QJsonObject &values, bool newer) {
            QJsonObject c = contactChange(1.0);
            c.insert("values", values);
            PushChange out;
            return Protocol::decodeChange(c, kDevice, newer, out);
        };
        const QString sig = QStringLiteral("strokes");
        const EntityDef &signature = Schema::kind("signature");
        QVERIFY(RecordValidator::checkValue(signature, *signature.field(sig),
                                            test::nested(kMaxValueDepth))
                    .isEmpty());
        QVERIFY(!RecordValidator::checkValue(signature, *signature.field(sig),
                                             test::nested(kMaxValueDepth + 1))
                     .isEmpty());
        QVERIFY(!RecordValidator::checkValue(signature, *signature.field(sig),
                                             QString(kMaxValueBytes, 'x'))
                     .isEmpty());
        QVERIFY(
            decode({{"name", "Rosa"}, {"later", test::nested(kMaxValueDepth)}}, true).isEmpty());
        QVERIFY(!decode({{"name", "Rosa"}, {"later", test::nested(kMaxValueDepth + 1)}}, true)
                     .isEmpty());
        QVERIFY(
            !decode({{"name", "Rosa"}, {"later", test::nested(kMaxValueDepth)}}, false).isEmpty());
        QVERIFY(!decode({{"later", QString(kMaxValueBytes, 'x')}}, true).isEmpty());
        QJsonObject many{{"name", "Rosa"}};
        for (int i = 0; i < kMaxUnknownFields; ++i)
            many.insert(QStringLiteral("later%1").arg(i), i);
        QVERIFY(decode(many, true).isEmpty());
        many.insert("oneMore", 1);
        QVERIFY(!decode(many, true).isEmpty());
        QJsonObject big{{"name", "Rosa"}};
        for (int i = 0; RecordValidator::jsonBytes(big) <= kMaxChangeBytes; ++i)
            big.insert(QStringLiteral("later%1").arg(i), QString(kMaxValueBytes / 2, 'x'));
        QVERIFY(!decode(big, true).isEmpty());
        QJsonArray items;
        for (int i = 0; i <= RecordValidator::kMaxListItems; ++i)
            items.append(QStringLiteral("x"));
        const EntityDef &provider = Schema::kind("provider");
        QVERIFY(
            !RecordValidator::checkValue(provider, *provider.field("languages"), items).isEmpty());
        // What the server stores is bounded too: a wrapping beyond its room is refused.
        const EntityDef &conflict = Schema::kind("conflict");
        QVERIFY(Protocol::checkStored(conflict, {{"otherValue", test::nested(kMaxStoredDepth - 1)}})
                    .isEmpty());
        QVERIFY(!Protocol::checkStored(conflict, {{"otherValue", test::nested(kMaxStoredDepth)}})
                     .isEmpty());
        QVERIFY(!Protocol::checkStored(Schema::kind("contact"),
                                       {{"later", QString(kMaxRecordBytes, 'x')}})
                     .isEmpty());
    }

    // Issue 11: the server took values nested to its parser's limit and later wrapped a held
    // edit two levels deeper (a future_stamp conflict): every pull page holding it failed to
    // parse, on the server's decoder and on tablets. Generated from the schema: every kind a
    // device may push, with values at each limit, stored plainly, held, conflicting and
    // proposed against a signature, comes back in pull pages the tablet's decoder reads.
    void everyKindAtEachLimitComesBackInPagesTheTabletReads()
    {
        using namespace ProtocolLimits;
        test::ThrowawayServer server;
        const Caller ana = server.enrol("ana", "coordinator");
        const Caller sam = server.enrol("sam", "supervisor");
        test::RecordMaker maker(server.server(), ana.accountId);
        const QString client = maker.client();
        QHash<QString, int> expected; // conflicts by kind, at least
        for (const EntityDef *def : pushableKinds()) {
            for (const QString limit : {"depth", "size", "count"}) {
                const QString what = def->name + "/" + limit;
                const auto push = [&](const QString &id, Hlc hlc, const QJsonObject &bases = {}) {
                    QJsonObject values = atLimit(*def, maker.values(*def, client), limit);
                    for (const FieldDef &fd : def->fields)
                        if (fd.actor) // the supervisor pushes it: its author
                            values.insert(fd.name, sam.accountId);
                    return server.push(sam, {test::change(def->name, id, values, hlc, bases)},
                                       true);
                };
                const Hlc now = test::hlcAt(test::ThrowawayServer::kNow);
                const Hlc farAhead = test::hlcAt(test::ThrowawayServer::kNow + 86400000);
                ServiceReply r = push(newUuid7(), now);
                QVERIFY2(statusOf(r) == QLatin1String("applied"), qPrintable(what + statusOf(r)));
                for (const QString &id : {maker.make(def->name, client), newUuid7()}) {
                    r = push(id, farAhead); // an edit, and a new record, held
                    QVERIFY2(statusOf(r) == QLatin1String("held"), qPrintable(what + statusOf(r)));
                    ++expected["future_stamp"];
                }
                if (!def->isAppendOnly()) {
                    const QString id = maker.make(def->name, client);
                    QJsonObject bases;
                    for (const FieldDef &fd : def->fields)
                        bases.insert(fd.name, test::hlcAt(1000).toText() + "@elsewhere");
                    r = push(id, now, bases);
                    QVERIFY2(statusOf(r) == QLatin1String("conflict"),
                             qPrintable(what + statusOf(r)));
                    ++expected["concurrent_edit"];
                }
                const FieldDef *parentField = def->field(def->sealedVia);
                if (def->signable || parentField) {
                    const QString id = maker.make(def->name, client);
                    const Record made =
                        *server.server().store.load(*def, id); // the parent, or the record
                    const QString parentKind = def->signable ? def->name : parentField->references;
                    const QString parent =
                        def->signable ? id : made.values.value(def->sealedVia).toString();
                    QJsonObject sign = maker.values(Schema::kind("signature"), client);
                    sign.insert("recordEntity", parentKind);
                    sign.insert("recordId", parent);
                    server.server().records.createRecord("signature", sign);
                    r = push(id, now);
                    QVERIFY2(statusOf(r) == QLatin1String("sealed"),
                             qPrintable(what + statusOf(r)));
                    ++expected["amendment"];
                }
            }
        }
        for (const Caller &reader : {sam, ana}) {
            int records = 0;
            QHash<QString, int> conflicts;
            for (const QByteArray &page : server.pullAll(reader)) {
                int n = 0;
                const QString error = test::decodeOnTablet(page, &n);
                QVERIFY2(error.isEmpty(), qPrintable(error));
                QVERIFY(page.size() <= kMaxPageBytes + kMaxStoredBytes + 1024);
                const QJsonObject doc = QJsonDocument::fromJson(page).object();
                QVERIFY(RecordValidator::jsonDepth(doc, kMaxPageDepth) <= kMaxPageDepth);
                for (const auto &rec : doc.value("records").toArray()) {
                    const QJsonObject values = rec.toObject().value("values").toObject();
                    if (rec.toObject().value("entity") == QLatin1String("conflict") &&
                        values.value("otherStamp").toString().contains('@'))
                        ++conflicts[values.value("kind").toString()]; // made by the server
                }
                records += n;
            }
            QVERIFY(records > 0);
            if (reader.isSupervisor())
                for (auto it = expected.cbegin(); it != expected.cend(); ++it)
                    QVERIFY2(conflicts.value(it.key()) >= it.value(), qPrintable(it.key()));
        }
    }

    // Issue 11: a coordinator pushed a signature on its own client naming another
    // coordinator's care plan, and sealed that plan. Generated from the schema: for every
    // reference field of every kind a device may push, a target of another client, of the
    // wrong kind, or that does not exist is refused (invalid_reference; a coordinator's
    // change naming another client's record as its own client is forbidden) and changes
    // nothing: no record, no seal, no new seq. The same change with its own targets applies.
    void everyForeignReferenceIsRefusedAndChangesNothing()
    {
        test::ThrowawayServer server;
        const Caller ana = server.enrol("ana", "coordinator");
        const Caller ben = server.enrol("ben", "coordinator");
        const Caller sam = server.enrol("sam", "supervisor");
        test::RecordMaker anaMaker(server.server(), ana.accountId);
        test::RecordMaker benMaker(server.server(), ben.accountId);
        const QString mine = anaMaker.client();
        const QString theirs = benMaker.client();
        ServerStore &store = server.server().store;
        int checked = 0;
        for (const EntityDef *def : pushableKinds()) {
            for (const FieldDef *fd : def->referenceFields()) {
                const QJsonObject valid = anaMaker.values(*def, mine);
                const QString kind = fd->kindField.isEmpty()
                                         ? fd->references
                                         : valid.value(fd->kindField).toString();
                const EntityDef &target = Schema::kind(kind);
                QVector<QPair<QString, QString>> foreign{{"missing", newUuid7()}};
                if (!target.clientField.isEmpty())
                    foreign.append({"another client's", benMaker.make(kind, theirs)});
                foreign.append({"wrong kind", kind == QLatin1String("client")
                                                  ? anaMaker.make("contact", mine)
                                                  : mine});
                for (const auto &[how, id] : foreign) {
                    for (const Caller &pusher : {ana, sam}) {
                        // The client field says whose record it is: for a supervisor another
                        // client there is no foreign target, only another client's record.
                        if (fd->name == def->clientField && pusher.isSupervisor() &&
                            how == QLatin1String("another client's"))
                            continue;
                        const QString what = QStringLiteral("%1.%2 -> %3 (%4)")
                                                 .arg(def->name, fd->name, how, pusher.role);
                        QJsonObject values = valid;
                        values.insert(fd->name, id);
                        const QString recordId = newUuid7();
                        const qint64 before = server.maxSeq();
                        const ServiceReply r = server.push(
                            pusher, {test::change(def->name, recordId, values,
                                                  test::hlcAt(test::ThrowawayServer::kNow))});
                        // A coordinator naming another client as the record's own, or another
                        // coordinator as a client's, is refused by access first; every other
                        // case is the reference check's.
                        const bool ownClient =
                            (fd->name == def->clientField || fd->name == def->caseloadField) &&
                            !pusher.isSupervisor();
                        QVERIFY2(refusedWith(r, ownClient
                                                    ? QStringList{"forbidden", "invalid_reference"}
                                                    : QStringList{"invalid_reference"}),
                                 qPrintable(what + ": " + statusOf(r)));
                        QCOMPARE(server.maxSeq(), before);
                        QVERIFY2(!store.load(*def, recordId), qPrintable(what));
                        if (def->name == QLatin1String("signature"))
                            QVERIFY2(!store.isSealed(target, Record{kind, id, {}, {}}),
                                     qPrintable(what));
                        // The same reference set by an edit of an existing record.
                        if (!def->isAppendOnly() && fd->name != def->clientField) {
                            const QString existing =
                                server.server().records.createRecord(def->name, valid);
                            const ServiceReply u = server.push(
                                pusher,
                                {test::change(def->name, existing, {{fd->name, id}},
                                              test::hlcAt(test::ThrowawayServer::kNow + 1))});
                            QVERIFY2(refusedWith(u, ownClient ? QStringList{"forbidden",
                                                                            "invalid_reference"}
                                                              : QStringList{"invalid_reference"}),
                                     qPrintable(what + " (edit): " + statusOf(u)));
                            QCOMPARE(store.load(*def, existing)->values.value(fd->name),
                                     valid.value(fd->name));
                        }
                        ++checked;
                    }
                }
                const ServiceReply ok =
                    server.push(ana, {test::change(def->name, newUuid7(), valid,
                                                   test::hlcAt(test::ThrowawayServer::kNow))});
                QVERIFY2(statusOf(ok) == QLatin1String("applied"),
                         qPrintable(def->name + "." + fd->name + ": " + statusOf(ok)));
            }
        }
        QVERIFY(checked > 100);
    }

    // A tablet could write a visit note, a complaint action or a conflict's resolution in
    // another account's name. Generated from the schema: every author field (FieldDef::actor)
    // naming another account is refused alone (forbidden) and stores nothing, on a new record
    // and on an edit; naming the pusher, it applies.
    void everyAuthorFieldNamesThePusher()
    {
        test::ThrowawayServer server;
        const Caller ana = server.enrol("ana", "coordinator");
        const Caller ben = server.enrol("ben", "coordinator");
        test::RecordMaker anaMaker(server.server(), ana.accountId);
        const QString mine = anaMaker.client();
        ServerStore &store = server.server().store;
        int checked = 0;
        qint64 wall = test::ThrowawayServer::kNow;
        for (const EntityDef *def : pushableKinds()) {
            for (const FieldDef &fd : def->fields) {
                if (!fd.actor)
                    continue;
                const QString what = def->name + "." + fd.name;
                const QJsonObject valid = anaMaker.values(*def, mine);
                QCOMPARE(valid.value(fd.name).toString(), ana.accountId);
                if (def->name != QLatin1String("conflict")) { // conflicts are the server's
                    QJsonObject spoofed = valid;
                    spoofed.insert(fd.name, ben.accountId);
                    const QString id = newUuid7();
                    const qint64 before = server.maxSeq();
                    const ServiceReply r = server.push(
                        ana, {test::change(def->name, id, spoofed, test::hlcAt(++wall))});
                    QVERIFY2(refusedWith(r, {"forbidden"}), qPrintable(what + ": " + statusOf(r)));
                    QVERIFY(firstMessage(r).contains(fd.name));
                    QCOMPARE(server.maxSeq(), before);
                    QVERIFY2(!store.load(*def, id), qPrintable(what));
                    const ServiceReply ok = server.push(
                        ana, {test::change(def->name, newUuid7(), valid, test::hlcAt(++wall))});
                    QVERIFY2(statusOf(ok) == QLatin1String("applied"),
                             qPrintable(what + ": " + statusOf(ok)));
                }
                if (!def->isAppendOnly()) {
                    QJsonObject open = valid;
                    open.remove(fd.name);
                    const QString existing = server.server().records.createRecord(def->name, open);
                    const ServiceReply u = server.push(
                        ana, {test::change(def->name, existing, {{fd.name, ben.accountId}},
                                           test::hlcAt(++wall))});
                    QVERIFY2(refusedWith(u, {"forbidden"}),
                             qPrintable(what + " (edit): " + statusOf(u)));
                    QVERIFY(store.load(*def, existing)->values.value(fd.name).isUndefined() ||
                            store.load(*def, existing)->values.value(fd.name).isNull());
                    const ServiceReply ok = server.push(
                        ana, {test::change(def->name, existing, {{fd.name, ana.accountId}},
                                           test::hlcAt(++wall))});
                    QVERIFY2(statusOf(ok) == QLatin1String("applied"),
                             qPrintable(what + " (edit): " + statusOf(ok)));
                    QCOMPARE(store.load(*def, existing)->values.value(fd.name).toString(),
                             ana.accountId);
                }
                ++checked;
            }
        }
        // visitNote, complaintAction, goalProgress and contactLog authorId; conflict.resolvedBy
        QCOMPARE(checked, 5);
    }

    // The reproduction of issue 11: Ana signs her own client's record naming Ben's plan.
    void aSignatureNamingAnotherCoordinatorsPlanDoesNotSealIt()
    {
        test::ThrowawayServer server;
        const Caller ana = server.enrol("ana", "coordinator");
        const Caller ben = server.enrol("ben", "coordinator");
        test::RecordMaker anaMaker(server.server(), ana.accountId);
        test::RecordMaker benMaker(server.server(), ben.accountId);
        const QString mine = anaMaker.client();
        const QString benPlan = benMaker.make("carePlan", benMaker.client());
        QJsonObject sign = anaMaker.values(Schema::kind("signature"), mine);
        sign.insert("recordEntity", "carePlan");
        sign.insert("recordId", benPlan);
        const QString signatureId = newUuid7();
        const ServiceReply r =
            server.push(ana, {test::change("signature", signatureId, sign,
                                           test::hlcAt(test::ThrowawayServer::kNow))});
        QVERIFY2(refusedWith(r, {"invalid_reference"}), qPrintable(statusOf(r)));
        QVERIFY(!firstMessage(r).isEmpty());
        QVERIFY(!firstMessage(r).contains(benPlan));
        // Kept whole for the office, as every refused change is.
        QCOMPARE(server.server().reviewStore.openCount(), qint64(1));
        QVERIFY(!server.server().store.load(Schema::kind("signature"), signatureId));
        QVERIFY(!server.server().store.isSealed(Schema::kind("carePlan"),
                                                Record{"carePlan", benPlan, {}, {}}));
        const Record plan = *server.server().store.load(Schema::kind("carePlan"), benPlan);
        const ServiceReply edit = server.push(
            ben, {test::change("carePlan", benPlan, {{"summary", "still Ben's to edit"}},
                               test::hlcAt(test::ThrowawayServer::kNow + 5),
                               {{"summary", plan.stamps.value("summary").toString()}})});
        QCOMPARE(statusOf(edit), QStringLiteral("applied"));
    }

    // The review store keeps every refused change whole, also one refused for its nesting (a
    // hostile or broken client). Listed as it came, it would make the supervisors' review page
    // nest past what decoders read, for every supervisor: such a change is listed whole as its
    // JSON text. The list's query is as strict as the pull's.
    void theReviewListDecodesWhateverWasRefused()
    {
        using namespace ProtocolLimits;
        test::ThrowawayServer server;
        const Caller ana = server.enrol("ana", "coordinator");
        const Caller sam = server.enrol("sam", "supervisor");
        test::RecordMaker maker(server.server(), ana.accountId);
        const QString client = maker.client();
        QJsonObject deep = maker.values(Schema::kind("contact"), client);
        deep.insert("fromNewerAppDeep", test::nested(1000));
        const QJsonObject sent =
            test::change("contact", newUuid7(), deep, test::hlcAt(test::ThrowawayServer::kNow));
        const ServiceReply r = server.push(ana, {sent}, true);
        QVERIFY2(refusedWith(r, {"invalid_change"}), qPrintable(statusOf(r)));
        QJsonObject plain = maker.values(Schema::kind("contact"), client);
        plain.insert("fromNewerApp", 7);
        const ServiceReply unknown =
            server.push(ana, {test::change("contact", newUuid7(), plain, test::hlcAt(1))}, false);
        QVERIFY2(refusedWith(unknown, {"invalid_change"}), qPrintable(statusOf(unknown)));

        const ServiceReply list = server.server().review.list(sam, QUrlQuery("limit=500"));
        QCOMPARE(list.status, 200);
        QJsonParseError error;
        const QJsonDocument page = QJsonDocument::fromJson(list.encoded(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(RecordValidator::jsonDepth(page.object(), kMaxPageDepth) <= kMaxPageDepth);
        const QJsonArray entries = page.object().value("refused").toArray();
        QCOMPARE(entries.size(), 2);
        // The deep one whole as text; the other as it came.
        QVERIFY(!entries[0].toObject().contains("change"));
        QJsonObject kept =
            QJsonDocument::fromJson(entries[0].toObject().value("changeText").toString().toUtf8())
                .object();
        QCOMPARE(kept.value("values"), sent.value("values"));
        QCOMPARE(entries[1].toObject().value("change").toObject().value("values").toObject(),
                 plain);

        for (const char *query : {"limit=%2010", "limit=%2B10", "limit=10&limit=20",
                                  "limit=", "limit=0", "limit=501", "after=", "after=x",
                                  "after=%20"
                                  "01a1f7c2-4edb-78ed-9e89-67e376818cde"})
            QVERIFY2(server.server().review.list(sam, QUrlQuery(query)).status == 400, query);
        QCOMPARE(server.server().review.list(ana, QUrlQuery()).status, 403);
    }

    // A refused change to a record its author may read gives that record a new seq (the
    // author pulls the server's value back) and writes no history: no value changed.
    void aRefusedEditBringsTheRecordBackWithoutHistory()
    {
        test::ThrowawayServer server;
        const Caller ana = server.enrol("ana", "coordinator");
        test::RecordMaker maker(server.server(), ana.accountId);
        const QString client = maker.client();
        ServerStore &store = server.server().store;
        const Record before = *store.load(Schema::kind("client"), client);
        const qint64 seq = server.maxSeq();
        const qsizetype history = store.history().page(client, 0, 100000, {}).size();
        const ServiceReply r =
            server.push(ana, {test::change("client", client, {{"firstName", 42}},
                                           test::hlcAt(test::ThrowawayServer::kNow))});
        QVERIFY2(refusedWith(r, {"invalid_change"}), qPrintable(statusOf(r)));
        QCOMPARE(server.maxSeq(), seq + 1);
        QCOMPARE(store.load(Schema::kind("client"), client)->values, before.values);
        QCOMPARE(store.history().page(client, 0, 100000, {}).size(), history);
        bool pulledAgain = false;
        for (const QByteArray &page : server.pullAll(ana))
            for (const auto &rec :
                 QJsonDocument::fromJson(page).object().value("records").toArray())
                pulledAgain |= rec.toObject().value("id").toString() == client &&
                               rec.toObject().value("seq").toInteger() == seq + 1;
        QVERIFY(pulledAgain);
    }

    // A change within every input limit can still make a record larger than the server stores
    // (the merge adds it to what is there). Issue 11: that change is refused alone (too_large),
    // before anything of it is written: the record stays as it was, the next change applies, and
    // the refused one is kept whole in the review store.
    void aChangeThatWouldStoreTooMuchIsRefusedAlone()
    {
        using namespace ProtocolLimits;
        test::ThrowawayServer server;
        const Caller ana = server.enrol("ana", "coordinator");
        test::RecordMaker maker(server.server(), ana.accountId);
        const QString client = maker.client();
        const QString big(kMaxValueBytes - 16, QLatin1Char('x')); // one value at its limit
        const QString contact = newUuid7();
        QJsonObject values = maker.values(Schema::kind("contact"), client);
        values.insert("fromNewerAppA", big);
        const Hlc now = test::hlcAt(test::ThrowawayServer::kNow);
        QCOMPARE(statusOf(server.push(ana, {test::change("contact", contact, values, now)}, true)),
                 QStringLiteral("applied"));
        const Record stored = *server.server().store.load(Schema::kind("contact"), contact);
        const qint64 historyBefore =
            server.server().store.history().page(client, 0, 100000, {}).size();
        const QString next = newUuid7();
        const ServiceReply r = server.push(
            ana,
            {test::change("contact", contact, {{"fromNewerAppB", big}},
                          test::hlcAt(test::ThrowawayServer::kNow + 1)),
             test::change("contact", next, maker.values(Schema::kind("contact"), client),
                          test::hlcAt(test::ThrowawayServer::kNow + 2))},
            true);
        QCOMPARE(r.status, 200);
        QVERIFY2(refusedWith(r, {"too_large"}), qPrintable(statusOf(r)));
        const QJsonArray results = r.object().value("results").toArray();
        QCOMPARE(results.at(1).toObject().value("status").toString(), QStringLiteral("applied"));
        QCOMPARE(r.object().value("appliedThrough").toInteger(),
                 results.at(1).toObject().value("deviceSeq").toInteger());
        QCOMPARE(server.server().store.load(Schema::kind("contact"), contact)->values,
                 stored.values);
        QVERIFY(server.server().store.load(Schema::kind("contact"), next));
        // The history holds the applied contact's fields, none of the refused change's.
        const QVector<FieldChange> history =
            server.server().store.history().page(client, 0, 100000, {});
        QVERIFY(history.size() > historyBefore);
        for (const FieldChange &e : history)
            QVERIFY2(e.field != QLatin1String("fromNewerAppB"), qPrintable(e.field));
        QCOMPARE(server.server().reviewStore.openCount(), qint64(1));
    }

    // "Bearer" with two spaces, or whitespace after the token, was trimmed and accepted.
    void aTokenIsExactlyBearerSpaceToken()
    {
        test::ThrowawayServer server;
        QByteArray token;
        server.enrol("ana", "coordinator", &token);
        Caller caller;
        QVERIFY(!server.server().accounts.authenticate("Bearer " + token, caller));
        for (const QByteArray &header :
             {"Bearer  " + token, "Bearer " + token + " ", "Bearer " + token + "\t",
              " Bearer " + token, "Bearer " + token + "\r\n", "Bearer\t" + token}) {
            Caller refused;
            const std::optional<ServiceReply> r =
                server.server().accounts.authenticate(header, refused);
            QVERIFY2(r && r->status == 401, header.constData());
        }
    }

    // A record of no client that a coordinator could reach (a conflict about the directory)
    // is settled by supervisors alone, and coordinators are not sent it.
    void aConflictAboutNoClientIsTheSupervisorsAlone()
    {
        test::ThrowawayServer server;
        const Caller ana = server.enrol("ana", "coordinator");
        const Caller sam = server.enrol("sam", "supervisor");
        const EntityDef &conflict = Schema::kind("conflict");
        AccessPolicy &policy = server.server().policy;
        const AccessTarget clientless{&conflict, {}, true};
        Edit resolve{"conflict", kId, {{"status", "resolved"}}, {}, {}};
        QVERIFY(!policy.mayApply(ana, clientless, resolve));
        QVERIFY(!policy.mayRead(ana, clientless));
        QVERIFY(policy.mayApply(sam, clientless, resolve));
        QVERIFY(policy.mayRead(sam, clientless));
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
