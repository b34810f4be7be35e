#include "fhirmapper.h"

#include "contenthash.h"
#include "exporttext.h"
#include "instruments.h"
#include "recordfields.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace careround {

using RecordFields::kind;

namespace {

const QString kLoinc = QStringLiteral("http://loinc.org");

QString base()
{
    return FhirMapper::baseUrl();
}

QJsonObject ref(const QString &type, const QString &id)
{
    return QJsonObject{{"reference", type + QLatin1Char('/') + id}};
}

QJsonObject codeable(const QString &system, const QString &code, const QString &display)
{
    QJsonObject coding{{"system", system}, {"code", code}};
    if (!display.isEmpty())
        coding.insert(QStringLiteral("display"), display);
    return QJsonObject{{"coding", QJsonArray{coding}},
                       {"text", display.isEmpty() ? code : display}};
}

QJsonObject textConcept(const QString &text)
{
    return QJsonObject{{"text", text}};
}

/** Sets key to value when the value is not empty. */
void put(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

/** A stored UTC date-time as FHIR's dateTime/instant (seconds, Z). */
QString instant(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

/** The XHTML narrative FHIR requires in `text`: each line escaped, as a paragraph. */
QJsonObject narrative(const QStringList &lines)
{
    QString div = QStringLiteral("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    for (const QString &l : lines)
        if (!l.trimmed().isEmpty())
            div += QStringLiteral("<p>") + l.toHtmlEscaped() + QStringLiteral("</p>");
    div += QStringLiteral("</div>");
    return QJsonObject{{"status", "generated"}, {"div", div}};
}

QString statusMap(const QString &status, const QHash<QString, QString> &map,
                  const QString &otherwise)
{
    return map.value(status, otherwise);
}

QJsonObject period(const QString &start, const QString &end)
{
    QJsonObject p;
    put(p, "start", start);
    put(p, "end", end);
    return p;
}

QString practitionerOf(RecordSource &source, const Record &client)
{
    Q_UNUSED(source);
    return client.text("coordinatorId");
}

} // namespace

QString FhirMapper::baseUrl()
{
    return QStringLiteral("http://careround.org/fhir");
}

QJsonObject FhirMapper::agency(const QString &name)
{
    return QJsonObject{
        {"resourceType", "Organization"},
        {"id", "agency"},
        {"active", true},
        {"type", QJsonArray{codeable(
                     QStringLiteral("http://terminology.hl7.org/CodeSystem/organization-type"),
                     QStringLiteral("prov"), QStringLiteral("Healthcare Provider"))}},
        {"name", name.isEmpty() ? QStringLiteral("CareRound agency") : name}};
}

QVector<QJsonObject> FhirMapper::questionnaires()
{
    QVector<QJsonObject> out;
    for (const Instrument &ins : Instruments::all()) {
        QJsonArray items;
        for (const InstrumentItem &item : ins.items)
            items.append(
                QJsonObject{{"linkId", item.key}, {"text", item.text}, {"type", "integer"}});
        QJsonObject q{{"resourceType", "Questionnaire"},
                      {"id", QStringLiteral("careround-") + ins.id},
                      {"url", base() + QStringLiteral("/Questionnaire/") + ins.id},
                      {"name", ins.id.toUpper()},
                      {"title", ins.name},
                      {"status", "active"},
                      {"subjectType", QJsonArray{"Patient"}},
                      {"item", items}};
        if (ins.id == QLatin1String("phq9"))
            q.insert(
                QStringLiteral("code"),
                QJsonArray{QJsonObject{{"system", kLoinc},
                                       {"code", "44249-1"},
                                       {"display", "PHQ-9 quick depression assessment panel"}}});
        if (ins.id == QLatin1String("phq2"))
            q.insert(QStringLiteral("code"),
                     QJsonArray{
                         QJsonObject{{"system", kLoinc},
                                     {"code", "55757-9"},
                                     {"display", "Patient Health Questionnaire 2 item (PHQ-2)"}}});
        out.append(q);
    }
    QJsonArray domainItems;
    for (const FieldDef &f : kind("assessment").fields)
        if (f.name.endsWith(QLatin1String("Notes")) || f.name == QLatin1String("strengths"))
            domainItems.append(QJsonObject{
                {"linkId", f.name}, {"text", ExportText::fieldLabel(f.name)}, {"type", "text"}});
    domainItems.append(QJsonObject{
        {"linkId", "domain"},
        {"text", "Domain findings"},
        {"type", "group"},
        {"repeats", true},
        {"item",
         QJsonArray{
             QJsonObject{{"linkId", "domain.name"}, {"text", "Domain"}, {"type", "string"}},
             QJsonObject{{"linkId", "domain.value"}, {"text", "Rating"}, {"type", "integer"}},
             QJsonObject{{"linkId", "domain.note"}, {"text", "Note"}, {"type", "text"}}}}});
    out.append(QJsonObject{{"resourceType", "Questionnaire"},
                           {"id", "careround-domains"},
                           {"url", base() + QStringLiteral("/Questionnaire/domains")},
                           {"name", "DOMAINS"},
                           {"title", "Needs, strengths and challenges by domain"},
                           {"status", "active"},
                           {"subjectType", QJsonArray{"Patient"}},
                           {"item", domainItems}});
    return out;
}

void FhirMapper::coordinator(const Record &c, const Sink &sink)
{
    QJsonObject p{{"resourceType", "Practitioner"},
                  {"id", c.id},
                  {"active", !c.values.value(QLatin1String("active")).isBool() ||
                                 c.values.value(QLatin1String("active")).toBool()},
                  {"name", QJsonArray{QJsonObject{{"text", c.text("name")}}}}};
    QJsonArray telecom;
    if (!c.text("phone").isEmpty())
        telecom.append(
            QJsonObject{{"system", "phone"}, {"value", c.text("phone")}, {"use", "work"}});
    if (!c.text("email").isEmpty())
        telecom.append(
            QJsonObject{{"system", "email"}, {"value", c.text("email")}, {"use", "work"}});
    if (!telecom.isEmpty())
        p.insert(QStringLiteral("telecom"), telecom);
    sink(p);
    sink(QJsonObject{
        {"resourceType", "PractitionerRole"},
        {"id", c.id + QStringLiteral("-role")},
        {"active", true},
        {"practitioner", ref(QStringLiteral("Practitioner"), c.id)},
        {"organization", ref(QStringLiteral("Organization"), QStringLiteral("agency"))},
        {"code", QJsonArray{textConcept(c.text("role") == QLatin1String("supervisor")
                                            ? QStringLiteral("Care coordination supervisor")
                                            : QStringLiteral("Service coordinator"))}}});
}

void FhirMapper::provider(const Record &p, const Sink &sink)
{
    QJsonObject org{{"resourceType", "Organization"},
                    {"id", p.id},
                    {"active", p.text("status") != QLatin1String("discontinued")},
                    {"name", p.text("name")}};
    if (!p.text("phone").isEmpty())
        org.insert(QStringLiteral("telecom"),
                   QJsonArray{QJsonObject{{"system", "phone"}, {"value", p.text("phone")}}});
    if (!p.text("address").isEmpty())
        org.insert(QStringLiteral("address"), QJsonArray{QJsonObject{{"text", p.text("address")}}});
    sink(org);
    const QJsonArray types = p.values.value(QLatin1String("serviceTypes")).toArray();
    for (int i = 0; i < types.size(); ++i) {
        QJsonObject hs{{"resourceType", "HealthcareService"},
                       {"id", p.id + QStringLiteral("-hs%1").arg(i)},
                       {"active", p.text("status") != QLatin1String("discontinued")},
                       {"providedBy", ref(QStringLiteral("Organization"), p.id)},
                       {"name", ExportText::codeLabel(types[i].toString())},
                       {"type", QJsonArray{textConcept(types[i].toString())}}};
        if (!p.text("area").isEmpty())
            hs.insert(QStringLiteral("coverageArea"),
                      QJsonArray{QJsonObject{{"display", p.text("area")}}});
        if (!p.text("eligibility").isEmpty())
            hs.insert(QStringLiteral("eligibility"),
                      QJsonArray{QJsonObject{{"comment", p.text("eligibility")}}});
        QJsonArray languages;
        for (const auto &l : p.values.value(QLatin1String("languages")).toArray())
            languages.append(textConcept(l.toString()));
        if (!languages.isEmpty())
            hs.insert(QStringLiteral("communication"), languages);
        sink(hs);
    }
}

FhirMapper::Referenced FhirMapper::client(RecordSource &source, const QString &clientId,
                                          const Sink &sink,
                                          const std::function<bool(const Record &)> &keepIf)
{
    Referenced refs;
    const auto keep = [&](const Record &r) { return !r.isVoided() && (!keepIf || keepIf(r)); };
    const auto coordinatorRef = [&](const QString &id) {
        if (!id.isEmpty() && !refs.coordinators.contains(id))
            refs.coordinators.append(id);
        return ref(QStringLiteral("Practitioner"), id);
    };
    const auto providerRef = [&](const QString &id) {
        if (!id.isEmpty() && !refs.providers.contains(id))
            refs.providers.append(id);
        return ref(QStringLiteral("Organization"), id);
    };
    const auto rows = [&](const char *name) {
        return source.findBy(kind(name), QStringLiteral("clientId"), clientId);
    };
    const auto clientRecord = source.find(kind("client"), clientId);
    if (!clientRecord)
        return refs;
    const Record &c = *clientRecord;
    const QJsonObject patient = ref(QStringLiteral("Patient"), clientId);
    const QString coordinatorId = practitionerOf(source, c);

    // Patient (and the client's risk flags as Flags).
    if (keep(c)) {
        QJsonObject p{{"resourceType", "Patient"},
                      {"id", c.id},
                      {"active", c.text("status") != QLatin1String("discontinued") &&
                                     c.text("status") != QLatin1String("discharged")},
                      {"name", QJsonArray{QJsonObject{{"family", c.text("lastName")},
                                                      {"given", QJsonArray{c.text("firstName")}}}}},
                      {"managingOrganization",
                       ref(QStringLiteral("Organization"), QStringLiteral("agency"))}};
        put(p, "birthDate", c.text("dateOfBirth"));
        if (!c.text("phone").isEmpty())
            p.insert(QStringLiteral("telecom"),
                     QJsonArray{QJsonObject{
                         {"system", "phone"}, {"value", c.text("phone")}, {"use", "home"}}});
        QJsonObject address;
        if (!c.text("address").isEmpty())
            address.insert(QStringLiteral("line"), QJsonArray{c.text("address")});
        put(address, "city", c.text("city"));
        put(address, "postalCode", c.text("postalCode"));
        if (!address.isEmpty()) {
            address.insert(QStringLiteral("use"), QStringLiteral("home"));
            p.insert(QStringLiteral("address"), QJsonArray{address});
        }
        if (!c.text("language").isEmpty())
            p.insert(QStringLiteral("communication"),
                     QJsonArray{QJsonObject{{"language", textConcept(c.text("language"))},
                                            {"preferred", true}}});
        if (!coordinatorId.isEmpty())
            p.insert(QStringLiteral("generalPractitioner"),
                     QJsonArray{coordinatorRef(coordinatorId)});
        sink(p);
        const QJsonArray flags = c.values.value(QLatin1String("riskFlags")).toArray();
        for (int i = 0; i < flags.size(); ++i)
            sink(QJsonObject{
                {"resourceType", "Flag"},
                {"id", c.id + QStringLiteral("-flag%1").arg(i)},
                {"status", "active"},
                {"category",
                 QJsonArray{
                     codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/flag-category"),
                              QStringLiteral("safety"), QStringLiteral("Safety"))}},
                {"code", codeable(base() + QStringLiteral("/CodeSystem/risk-flag"),
                                  flags[i].toString(), ExportText::codeLabel(flags[i].toString()))},
                {"subject", patient}});
    }

    // Contacts and caregivers.
    QHash<QString, QString> contactByName;
    for (const Record &k : rows("contact")) {
        if (k.isVoided())
            continue;
        contactByName.insert(k.text("name").toLower(), k.id);
        if (!keep(k))
            continue;
        QJsonObject rp{{"resourceType", "RelatedPerson"},
                       {"id", k.id},
                       {"active", true},
                       {"patient", patient},
                       {"name", QJsonArray{QJsonObject{{"text", k.text("name")}}}}};
        QJsonArray relationship;
        if (!k.text("relationship").isEmpty())
            relationship.append(textConcept(k.text("relationship")));
        if (k.values.value(QLatin1String("isEmergencyContact")).toBool())
            relationship.append(
                codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0131"),
                         QStringLiteral("C"), QStringLiteral("Emergency Contact")));
        if (k.values.value(QLatin1String("isCaregiver")).toBool())
            relationship.append(codeable(base() + QStringLiteral("/CodeSystem/contact-role"),
                                         QStringLiteral("caregiver"), QStringLiteral("Caregiver")));
        if (!relationship.isEmpty())
            rp.insert(QStringLiteral("relationship"), relationship);
        QJsonArray telecom;
        if (!k.text("phone").isEmpty())
            telecom.append(QJsonObject{{"system", "phone"}, {"value", k.text("phone")}});
        if (!k.text("email").isEmpty())
            telecom.append(QJsonObject{{"system", "email"}, {"value", k.text("email")}});
        if (!telecom.isEmpty())
            rp.insert(QStringLiteral("telecom"), telecom);
        sink(rp);
    }

    // The hash of each signable record now: its meta.versionId, which Provenance names.
    // Only signed records need it (a Provenance names them): the others carry no versionId.
    // The hash is under the rule of the record's latest signature (checkContentHash).
    QHash<QString, Record> latestSignature; // signed record id -> its latest signature
    for (const Record &s : rows("signature")) {
        const auto it = latestSignature.constFind(s.text("recordId"));
        if (it == latestSignature.constEnd() || it->text("signedAt") < s.text("signedAt"))
            latestSignature.insert(s.text("recordId"), s);
    }
    const auto versionOf = [&](const EntityDef &def, const Record &r) {
        const auto signature = latestSignature.constFind(r.id);
        if (signature == latestSignature.constEnd())
            return QString();
        QVector<Record> children;
        for (const EntityDef *child : sealedChildKinds(def))
            children += source.findBy(*child, child->sealedVia, r.id);
        return checkContentHash(signature->text("contentHash"), def, r, children).hashNow;
    };
    QHash<QString, QStringList> targetsOf; // signable record id -> resources it became

    // Assessments: a QuestionnaireResponse per instrument and one for the domains, an
    // Observation per instrument total.
    for (const Record &a : rows("assessment")) {
        if (!keep(a))
            continue;
        const QString version = versionOf(kind("assessment"), a);
        const QString status = a.text("status") == QLatin1String("complete")
                                   ? QStringLiteral("completed")
                                   : QStringLiteral("in-progress");
        const QString authored =
            instant(a.text("completedAt").isEmpty() ? a.text("startedAt") : a.text("completedAt"));
        QHash<QString, QHash<QString, int>> answers;
        QVector<Record> domainAnswers;
        for (const Record &x :
             source.findBy(kind("assessmentAnswer"), QStringLiteral("assessmentId"), a.id)) {
            if (x.isVoided())
                continue;
            if (x.text("instrument") == QLatin1String("domain"))
                domainAnswers.append(x);
            else
                answers[x.text("instrument")].insert(
                    x.text("item"), x.values.value(QLatin1String("value")).toInt());
        }
        const auto response = [&](const QString &suffix, const QString &questionnaire,
                                  const QJsonArray &items) {
            QJsonObject qr{
                {"resourceType", "QuestionnaireResponse"},
                {"id", a.id + QLatin1Char('-') + suffix},
                {"meta", QJsonObject{{"versionId", version}}},
                {"identifier",
                 QJsonObject{{"system", base() + QStringLiteral("/assessment")}, {"value", a.id}}},
                {"questionnaire", base() + QStringLiteral("/Questionnaire/") + questionnaire},
                {"status", status},
                {"subject", patient}};
            put(qr, "authored", authored);
            if (!coordinatorId.isEmpty())
                qr.insert(QStringLiteral("author"), coordinatorRef(coordinatorId));
            if (!items.isEmpty())
                qr.insert(QStringLiteral("item"), items);
            if (version.isEmpty())
                qr.remove(QStringLiteral("meta"));
            sink(qr);
            targetsOf[a.id].append(QStringLiteral("QuestionnaireResponse/") +
                                   qr.value("id").toString());
        };
        for (const InstrumentResult &r : Instruments::results(answers)) {
            QJsonArray items;
            for (const InstrumentItem &item : r.instrument->items)
                if (answers.value(r.instrument->id).contains(item.key))
                    items.append(QJsonObject{
                        {"linkId", item.key},
                        {"text", item.text},
                        {"answer",
                         QJsonArray{QJsonObject{
                             {"valueInteger", answers.value(r.instrument->id).value(item.key)}}}}});
            response(r.instrument->id, r.instrument->id, items);
            QJsonObject code;
            if (r.instrument->id == QLatin1String("phq9"))
                code = codeable(
                    kLoinc, QStringLiteral("44261-6"),
                    QStringLiteral(
                        "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"));
            else if (r.instrument->id == QLatin1String("phq2"))
                code = codeable(
                    kLoinc, QStringLiteral("55758-7"),
                    QStringLiteral(
                        "Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]"));
            else
                code = codeable(base() + QStringLiteral("/CodeSystem/instrument-score"),
                                r.instrument->id + QStringLiteral("-total"),
                                r.instrument->name + QStringLiteral(" total score"));
            QJsonObject obs{
                {"resourceType", "Observation"},
                {"id", a.id + QLatin1Char('-') + r.instrument->id + QStringLiteral("-total")},
                {"status", r.score.complete ? "final" : "preliminary"},
                {"category",
                 QJsonArray{codeable(
                     QStringLiteral("http://terminology.hl7.org/CodeSystem/observation-category"),
                     QStringLiteral("survey"), QStringLiteral("Survey"))}},
                {"code", code},
                {"subject", patient},
                {"valueInteger", r.score.score},
                {"derivedFrom", QJsonArray{ref(QStringLiteral("QuestionnaireResponse"),
                                               a.id + QLatin1Char('-') + r.instrument->id)}}};
            put(obs, "effectiveDateTime", authored);
            if (!r.score.bandLabel.isEmpty())
                obs.insert(QStringLiteral("interpretation"),
                           QJsonArray{textConcept(r.score.bandLabel)});
            if (!coordinatorId.isEmpty())
                obs.insert(QStringLiteral("performer"), QJsonArray{coordinatorRef(coordinatorId)});
            sink(obs);
            targetsOf[a.id].append(QStringLiteral("Observation/") + obs.value("id").toString());
        }
        QJsonArray domainItems;
        for (const FieldDef &f : kind("assessment").fields)
            if ((f.name.endsWith(QLatin1String("Notes")) || f.name == QLatin1String("strengths")) &&
                !a.text(f.name.toLatin1().constData()).isEmpty())
                domainItems.append(QJsonObject{
                    {"linkId", f.name},
                    {"text", ExportText::fieldLabel(f.name)},
                    {"answer", QJsonArray{QJsonObject{
                                   {"valueString", a.text(f.name.toLatin1().constData())}}}}});
        for (const Record &x : domainAnswers) {
            QJsonArray parts{
                QJsonObject{{"linkId", "domain.name"},
                            {"answer", QJsonArray{QJsonObject{{"valueString", x.text("item")}}}}}};
            if (x.values.value(QLatin1String("value")).isDouble())
                parts.append(QJsonObject{
                    {"linkId", "domain.value"},
                    {"answer",
                     QJsonArray{QJsonObject{{"valueInteger", x.values.value("value").toInt()}}}}});
            if (!x.text("note").isEmpty())
                parts.append(QJsonObject{
                    {"linkId", "domain.note"},
                    {"answer", QJsonArray{QJsonObject{{"valueString", x.text("note")}}}}});
            domainItems.append(QJsonObject{{"linkId", "domain"}, {"item", parts}});
        }
        response(QStringLiteral("domains"), QStringLiteral("domains"), domainItems);
    }

    // Care plans, their goals, action steps (Tasks) and contingencies.
    static const QHash<QString, QString> planStatus{{"draft", "draft"},
                                                    {"active", "active"},
                                                    {"completed", "completed"},
                                                    {"superseded", "revoked"},
                                                    {"cancelled", "revoked"}};
    static const QHash<QString, QString> goalLifecycle{{"open", "active"},
                                                       {"in_progress", "active"},
                                                       {"achieved", "completed"},
                                                       {"not_achieved", "completed"},
                                                       {"dropped", "cancelled"}};
    static const QHash<QString, QString> goalAchievement{{"open", "no-progress"},
                                                         {"in_progress", "in-progress"},
                                                         {"achieved", "achieved"},
                                                         {"not_achieved", "not-achieved"}};
    static const QHash<QString, QString> stepStatus{{"todo", "ready"},
                                                    {"in_progress", "in-progress"},
                                                    {"done", "completed"},
                                                    {"cancelled", "cancelled"}};
    for (const Record &plan : rows("carePlan")) {
        if (!keep(plan))
            continue;
        const QString version = versionOf(kind("carePlan"), plan);
        QJsonArray goalRefs, activities, notes;
        QStringList lines{plan.text("title"), plan.text("summary")};
        for (const Record &g : source.findBy(kind("goal"), QStringLiteral("carePlanId"), plan.id)) {
            if (g.isVoided())
                continue;
            goalRefs.append(ref(QStringLiteral("Goal"), g.id));
            lines.append(QStringLiteral("Goal: ") + g.text("statement"));
            QJsonObject goal{
                {"resourceType", "Goal"},
                {"id", g.id},
                {"lifecycleStatus", statusMap(g.text("status"), goalLifecycle, "active")},
                {"description", textConcept(g.text("statement"))},
                {"subject", patient}};
            if (goalAchievement.contains(g.text("status")))
                goal.insert(QStringLiteral("achievementStatus"),
                            codeable(QStringLiteral(
                                         "http://terminology.hl7.org/CodeSystem/goal-achievement"),
                                     goalAchievement.value(g.text("status")),
                                     ExportText::codeLabel(g.text("status"))));
            if (!g.text("domain").isEmpty())
                goal.insert(QStringLiteral("category"),
                            QJsonArray{codeable(base() + QStringLiteral("/CodeSystem/domain"),
                                                g.text("domain"),
                                                ExportText::codeLabel(g.text("domain")))});
            QJsonObject target;
            if (!g.text("measure").isEmpty())
                target.insert(QStringLiteral("measure"), textConcept(g.text("measure")));
            put(target, "detailString", g.text("targetValue"));
            put(target, "dueDate", g.text("targetDate"));
            if (!target.isEmpty())
                goal.insert(QStringLiteral("target"), QJsonArray{target});
            put(goal, "startDate", plan.text("startDate"));
            QJsonArray goalNotes;
            if (g.values.value(QLatin1String("progress")).isDouble())
                goalNotes.append(QJsonObject{
                    {"text",
                     QStringLiteral("Progress: %1%").arg(g.values.value("progress").toInt())}});
            if (!g.text("achievable").isEmpty())
                goalNotes.append(
                    QJsonObject{{"text", QStringLiteral("Achievable: ") + g.text("achievable")}});
            if (!g.text("relevance").isEmpty())
                goalNotes.append(
                    QJsonObject{{"text", QStringLiteral("Relevant: ") + g.text("relevance")}});
            if (!goalNotes.isEmpty())
                goal.insert(QStringLiteral("note"), goalNotes);
            if (!coordinatorId.isEmpty())
                goal.insert(QStringLiteral("expressedBy"), coordinatorRef(coordinatorId));
            sink(goal);
        }
        for (const Record &s :
             source.findBy(kind("actionStep"), QStringLiteral("carePlanId"), plan.id)) {
            if (s.isVoided())
                continue;
            activities.append(QJsonObject{{"reference", ref(QStringLiteral("Task"), s.id)}});
            const QString owner = s.text("owner");
            QJsonObject ownerRef;
            if (owner == QLatin1String("client"))
                ownerRef = patient;
            else if (owner == QLatin1String("coordinator") && !coordinatorId.isEmpty())
                ownerRef = coordinatorRef(coordinatorId);
            else if (owner == QLatin1String("provider") && !s.text("providerId").isEmpty())
                ownerRef = providerRef(s.text("providerId"));
            else
                ownerRef = QJsonObject{{"display", ExportText::codeLabel(owner)}};
            QJsonObject task{{"resourceType", "Task"},
                             {"id", s.id},
                             {"status", statusMap(s.text("status"), stepStatus, "ready")},
                             {"intent", "plan"},
                             {"code", textConcept(QStringLiteral("Action step"))},
                             {"description", s.text("description")},
                             {"basedOn", QJsonArray{ref(QStringLiteral("CarePlan"), plan.id)}},
                             {"focus", ref(QStringLiteral("Goal"), s.text("goalId"))},
                             {"for", patient},
                             {"owner", ownerRef}};
            if (!s.text("dueDate").isEmpty())
                task.insert(QStringLiteral("restriction"),
                            QJsonObject{{"period", QJsonObject{{"end", s.text("dueDate")}}}});
            sink(task);
        }
        for (const Record &k :
             source.findBy(kind("contingency"), QStringLiteral("carePlanId"), plan.id))
            if (!k.isVoided())
                notes.append(QJsonObject{
                    {"text",
                     QStringLiteral("If %1: %2").arg(k.text("barrier"), k.text("alternative"))}});
        QJsonObject cp{
            {"resourceType", "CarePlan"},
            {"id", plan.id},
            {"meta", QJsonObject{{"versionId", version}}},
            {"text", narrative(lines)},
            {"status", statusMap(plan.text("status"), planStatus, "unknown")},
            {"intent", "plan"},
            {"category",
             QJsonArray{codeable(
                 QStringLiteral("http://hl7.org/fhir/us/core/CodeSystem/careplan-category"),
                 QStringLiteral("assess-plan"),
                 QStringLiteral("Assessment and Plan of Treatment"))}},
            {"title", plan.text("title")},
            {"subject", patient}};
        put(cp, "description", plan.text("summary"));
        if (!plan.text("startDate").isEmpty() || !plan.text("reviewDate").isEmpty())
            cp.insert(QStringLiteral("period"), period(plan.text("startDate"), QString()));
        if (!coordinatorId.isEmpty())
            cp.insert(QStringLiteral("author"), coordinatorRef(coordinatorId));
        if (!goalRefs.isEmpty())
            cp.insert(QStringLiteral("goal"), goalRefs);
        if (!activities.isEmpty())
            cp.insert(QStringLiteral("activity"), activities);
        if (!notes.isEmpty())
            cp.insert(QStringLiteral("note"), notes);
        if (!plan.text("assessmentId").isEmpty())
            cp.insert(QStringLiteral("supportingInfo"),
                      QJsonArray{ref(QStringLiteral("QuestionnaireResponse"),
                                     plan.text("assessmentId") + QStringLiteral("-domains"))});
        if (version.isEmpty())
            cp.remove(QStringLiteral("meta"));
        sink(cp);
        targetsOf[plan.id].append(QStringLiteral("CarePlan/") + plan.id);
    }

    // Referrals: a ServiceRequest and the Task that follows it (HL7 Gravity SDOH pattern).
    static const QHash<QString, QString> requestStatus{
        {"draft", "draft"},       {"sent", "active"},      {"accepted", "active"},
        {"in_service", "active"}, {"declined", "revoked"}, {"closed", "completed"},
        {"cancelled", "revoked"}};
    static const QHash<QString, QString> referralTask{
        {"draft", "draft"},        {"sent", "requested"},
        {"accepted", "accepted"},  {"in_service", "in-progress"},
        {"declined", "rejected"},  {"closed", "completed"},
        {"cancelled", "cancelled"}};
    for (const Record &r : rows("referral")) {
        if (!keep(r))
            continue;
        QJsonObject sr{{"resourceType", "ServiceRequest"},
                       {"id", r.id},
                       {"status", statusMap(r.text("status"), requestStatus, "unknown")},
                       {"intent", "order"},
                       {"category", QJsonArray{textConcept(
                                        QStringLiteral("Home and community service referral"))}},
                       {"code", textConcept(r.text("serviceType").isEmpty()
                                                ? QStringLiteral("Service")
                                                : ExportText::codeLabel(r.text("serviceType")))},
                       {"subject", patient},
                       {"performer", QJsonArray{providerRef(r.text("providerId"))}}};
        put(sr, "authoredOn", r.text("sentOn"));
        if (!coordinatorId.isEmpty())
            sr.insert(QStringLiteral("requester"), coordinatorRef(coordinatorId));
        if (!r.text("goalId").isEmpty())
            sr.insert(QStringLiteral("supportingInfo"),
                      QJsonArray{ref(QStringLiteral("Goal"), r.text("goalId"))});
        if (!r.text("startedOn").isEmpty())
            sr.insert(QStringLiteral("occurrencePeriod"), period(r.text("startedOn"), QString()));
        sink(sr);
        QJsonObject task{
            {"resourceType", "Task"},
            {"id", r.id + QStringLiteral("-task")},
            {"status", statusMap(r.text("status"), referralTask, "requested")},
            {"businessStatus", textConcept(ExportText::codeLabel(r.text("status")))},
            {"intent", "order"},
            {"code",
             codeable(QStringLiteral("http://hl7.org/fhir/CodeSystem/task-code"),
                      QStringLiteral("fulfill"), QStringLiteral("Fulfill the focal request"))},
            {"focus", ref(QStringLiteral("ServiceRequest"), r.id)},
            {"for", patient},
            {"owner", providerRef(r.text("providerId"))}};
        put(task, "authoredOn", r.text("sentOn"));
        if (!coordinatorId.isEmpty())
            task.insert(QStringLiteral("requester"), coordinatorRef(coordinatorId));
        sink(task);
    }

    // Appointments.
    static const QHash<QString, QString> appointmentStatus{{"scheduled", "booked"},
                                                           {"completed", "fulfilled"},
                                                           {"cancelled", "cancelled"},
                                                           {"missed", "noshow"}};
    for (const Record &a : rows("appointment")) {
        if (!keep(a))
            continue;
        const QDateTime start = QDateTime::fromString(a.text("startsAt"), Qt::ISODate).toUTC();
        QJsonArray participants{QJsonObject{{"actor", patient}, {"status", "accepted"}}};
        const auto provider = a.text("providerId").isEmpty()
                                  ? std::nullopt
                                  : source.find(kind("provider"), a.text("providerId"));
        if (provider &&
            !provider->values.value(QLatin1String("serviceTypes")).toArray().isEmpty()) {
            providerRef(a.text("providerId")); // its HealthcareService comes with the provider
            participants.append(
                QJsonObject{{"actor", ref(QStringLiteral("HealthcareService"),
                                          a.text("providerId") + QStringLiteral("-hs0"))},
                            {"status", "accepted"}});
        }
        QJsonObject ap{{"resourceType", "Appointment"},
                       {"id", a.id},
                       {"status", statusMap(a.text("status"), appointmentStatus, "booked")},
                       {"description", a.text("title")},
                       {"start", start.toString(Qt::ISODate)},
                       // CareRound records no length: an hour, as the calendar shows it.
                       {"end", start.addSecs(3600).toString(Qt::ISODate)},
                       {"participant", participants}};
        QStringList comment;
        if (!a.text("withWhom").isEmpty())
            comment.append(QStringLiteral("With: ") + a.text("withWhom"));
        if (!a.text("location").isEmpty())
            comment.append(QStringLiteral("Where: ") + a.text("location"));
        if (!comment.isEmpty())
            ap.insert(QStringLiteral("comment"), comment.join(QStringLiteral("; ")));
        QStringList instruction;
        if (!a.text("preparationNotes").isEmpty())
            instruction.append(a.text("preparationNotes"));
        instruction.append(a.values.value(QLatin1String("transportArranged")).toBool()
                               ? QStringLiteral("Transport arranged") +
                                     (a.text("transportNotes").isEmpty()
                                          ? QString()
                                          : QStringLiteral(": ") + a.text("transportNotes"))
                               : QStringLiteral("Transport not arranged"));
        ap.insert(QStringLiteral("patientInstruction"), instruction.join(QStringLiteral(". ")));
        sink(ap);
    }

    // Visits (Encounter) and their notes (Communication).
    static const QHash<QString, QString> encounterStatus{{"planned", "planned"},
                                                         {"in_progress", "in-progress"},
                                                         {"completed", "finished"},
                                                         {"cancelled", "cancelled"}};
    for (const Record &v : rows("visit")) {
        if (!keep(v))
            continue;
        const QString version = versionOf(kind("visit"), v);
        QJsonObject e{
            {"resourceType", "Encounter"},
            {"id", v.id},
            {"meta", QJsonObject{{"versionId", version}}},
            {"status", statusMap(v.text("status"), encounterStatus, "unknown")},
            {"class", QJsonObject{{"system", "http://terminology.hl7.org/CodeSystem/v3-ActCode"},
                                  {"code", "HH"},
                                  {"display", "home health"}}},
            {"subject", patient},
            {"serviceProvider", ref(QStringLiteral("Organization"), QStringLiteral("agency"))}};
        const QString who =
            v.text("coordinatorId").isEmpty() ? coordinatorId : v.text("coordinatorId");
        if (!who.isEmpty())
            e.insert(QStringLiteral("participant"),
                     QJsonArray{QJsonObject{{"individual", coordinatorRef(who)}}});
        const QString start =
            instant(v.text("checkInAt").isEmpty() ? v.text("plannedAt") : v.text("checkInAt"));
        if (!start.isEmpty())
            e.insert(QStringLiteral("period"), period(start, instant(v.text("checkOutAt"))));
        if (!v.text("purpose").isEmpty())
            e.insert(QStringLiteral("reasonCode"), QJsonArray{textConcept(v.text("purpose"))});
        if (version.isEmpty())
            e.remove(QStringLiteral("meta"));
        sink(e);
        targetsOf[v.id].append(QStringLiteral("Encounter/") + v.id);
    }
    for (const Record &n : rows("visitNote")) {
        if (!keep(n))
            continue;
        QJsonObject m{{"resourceType", "Communication"},
                      {"id", n.id},
                      {"status", "completed"},
                      {"category", QJsonArray{textConcept(QStringLiteral("Visit note"))}},
                      {"subject", patient},
                      {"encounter", ref(QStringLiteral("Encounter"), n.text("visitId"))},
                      {"payload", QJsonArray{QJsonObject{{"contentString", n.text("text")}}}}};
        put(m, "sent", instant(n.text("writtenAt")));
        if (!n.text("authorId").isEmpty())
            m.insert(QStringLiteral("sender"), coordinatorRef(n.text("authorId")));
        if (!n.text("correctsId").isEmpty())
            m.insert(QStringLiteral("inResponseTo"),
                     QJsonArray{ref(QStringLiteral("Communication"), n.text("correctsId"))});
        sink(m);
    }

    // Follow-ups and benefit applications: Tasks; complaints: a Task, their actions
    // Communications about it.
    static const QHash<QString, QString> followUpStatus{
        {"open", "requested"}, {"done", "completed"}, {"cancelled", "cancelled"}};
    QSet<QString> followUpIds; // those exported, for the contact log's basedOn
    for (const Record &f : rows("followUp")) {
        if (!keep(f))
            continue;
        followUpIds.insert(f.id);
        QJsonObject t{
            {"resourceType", "Task"},
            {"id", f.id},
            {"status", statusMap(f.text("status"), followUpStatus, "requested")},
            {"intent", "plan"},
            {"priority", f.text("priority") == QLatin1String("high") ? "urgent" : "routine"},
            {"code", textConcept(QStringLiteral("Follow-up"))},
            {"description", f.text("description")},
            {"for", patient},
            {"restriction", QJsonObject{{"period", QJsonObject{{"end", f.text("dueOn")}}}}}};
        if (!coordinatorId.isEmpty())
            t.insert(QStringLiteral("owner"), coordinatorRef(coordinatorId));
        if (!f.text("visitId").isEmpty())
            t.insert(QStringLiteral("encounter"),
                     ref(QStringLiteral("Encounter"), f.text("visitId")));
        if (!f.text("doneOn").isEmpty())
            t.insert(QStringLiteral("executionPeriod"), QJsonObject{{"end", f.text("doneOn")}});
        sink(t);
    }
    static const QHash<QString, QString> benefitStatus{
        {"preparing", "in-progress"}, {"submitted", "requested"}, {"appealed", "requested"},
        {"approved", "completed"},    {"denied", "failed"},       {"withdrawn", "cancelled"}};
    for (const Record &b : rows("benefitApplication")) {
        if (!keep(b))
            continue;
        QJsonObject t{{"resourceType", "Task"},
                      {"id", b.id},
                      {"status", statusMap(b.text("status"), benefitStatus, "in-progress")},
                      {"businessStatus", textConcept(ExportText::codeLabel(b.text("status")))},
                      {"intent", "plan"},
                      {"code", textConcept(QStringLiteral("Benefit application"))},
                      {"description", b.text("program")},
                      {"for", patient}};
        put(t, "authoredOn", b.text("submittedOn"));
        if (!coordinatorId.isEmpty())
            t.insert(QStringLiteral("owner"), coordinatorRef(coordinatorId));
        if (!b.text("nextActionDue").isEmpty())
            t.insert(QStringLiteral("restriction"),
                     QJsonObject{{"period", QJsonObject{{"end", b.text("nextActionDue")}}}});
        if (!b.text("nextAction").isEmpty())
            t.insert(
                QStringLiteral("note"),
                QJsonArray{QJsonObject{{"text", QStringLiteral("Next: ") + b.text("nextAction")}}});
        if (!b.text("decisionOn").isEmpty())
            t.insert(QStringLiteral("executionPeriod"), QJsonObject{{"end", b.text("decisionOn")}});
        sink(t);
    }
    static const QHash<QString, QString> complaintStatus{{"open", "received"},
                                                         {"investigating", "in-progress"},
                                                         {"resolved", "completed"},
                                                         {"closed", "completed"}};
    for (const Record &c2 : rows("complaint")) {
        if (!keep(c2))
            continue;
        QJsonObject t{{"resourceType", "Task"},
                      {"id", c2.id},
                      {"status", statusMap(c2.text("status"), complaintStatus, "received")},
                      {"businessStatus", textConcept(ExportText::codeLabel(c2.text("status")))},
                      {"intent", "plan"},
                      {"code", textConcept(QStringLiteral("Complaint"))},
                      {"description", c2.text("subject")},
                      {"for", patient}};
        put(t, "authoredOn", c2.text("raisedOn"));
        if (!c2.text("providerId").isEmpty())
            t.insert(QStringLiteral("focus"), providerRef(c2.text("providerId")));
        if (!c2.text("visitId").isEmpty())
            t.insert(QStringLiteral("encounter"),
                     ref(QStringLiteral("Encounter"), c2.text("visitId")));
        if (!coordinatorId.isEmpty())
            t.insert(QStringLiteral("owner"), coordinatorRef(coordinatorId));
        QJsonArray notes;
        if (!c2.text("description").isEmpty())
            notes.append(QJsonObject{{"text", c2.text("description")}});
        if (!c2.text("resolution").isEmpty())
            notes.append(
                QJsonObject{{"text", QStringLiteral("Resolution: ") + c2.text("resolution")}});
        if (!notes.isEmpty())
            t.insert(QStringLiteral("note"), notes);
        sink(t);
    }
    for (const Record &x : rows("complaintAction")) {
        if (!keep(x))
            continue;
        QJsonObject m{
            {"resourceType", "Communication"},
            {"id", x.id},
            {"status", "completed"},
            {"category", QJsonArray{textConcept(QStringLiteral("Complaint action"))}},
            {"partOf", QJsonArray{ref(QStringLiteral("Task"), x.text("complaintId"))}},
            {"subject", patient},
            {"payload", QJsonArray{QJsonObject{{"contentString", x.text("description")}}}}};
        put(m, "sent", instant(x.text("takenAt")));
        if (!x.text("authorId").isEmpty())
            m.insert(QStringLiteral("sender"), coordinatorRef(x.text("authorId")));
        sink(m);
    }

    // The contact log: a Communication each, between the coordinator and the other party
    // (a contact, a provider, or someone named only), in the direction it went.
    static const QHash<QString, std::pair<const char *, const char *>> medium{
        {"phone", {"PHONE", "telephone"}},
        {"text_message", {"WRITTEN", "written"}},
        {"email", {"EMAILWRIT", "email"}},
        {"in_person", {"FACE", "face-to-face"}},
        {"video", {"VIDEOCONF", "videoconferencing"}},
        {"letter", {"MAILWRIT", "mail"}}};
    for (const Record &e : rows("contactLog")) {
        if (!keep(e))
            continue;
        const QJsonObject other = !e.text("contactId").isEmpty()
                                      ? ref(QStringLiteral("RelatedPerson"), e.text("contactId"))
                                  : !e.text("providerId").isEmpty()
                                      ? providerRef(e.text("providerId"))
                                      : QJsonObject{{"display", e.text("withWhom")}};
        const QString author = e.text("authorId").isEmpty() ? coordinatorId : e.text("authorId");
        const QJsonObject coordinator =
            author.isEmpty() ? ref(QStringLiteral("Organization"), QStringLiteral("agency"))
                             : coordinatorRef(author);
        const bool incoming = e.text("direction") == QLatin1String("incoming");
        QJsonObject m{{"resourceType", "Communication"},
                      {"id", e.id},
                      {"status", "completed"},
                      {"category", QJsonArray{textConcept(QStringLiteral("Contact log"))}},
                      {"subject", patient},
                      {"sender", incoming ? other : coordinator},
                      {"recipient", QJsonArray{incoming ? coordinator : other}},
                      {"payload", QJsonArray{QJsonObject{{"contentString", e.text("summary")}}}}};
        if (const auto it = medium.constFind(e.text("channel")); it != medium.cend())
            m.insert(
                QStringLiteral("medium"),
                QJsonArray{codeable(
                    QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ParticipationMode"),
                    QString::fromLatin1(it->first), QString::fromLatin1(it->second))});
        put(m, "sent", instant(e.text("at")));
        if (followUpIds.contains(e.text("followUpId")))
            m.insert(QStringLiteral("basedOn"),
                     QJsonArray{ref(QStringLiteral("Task"), e.text("followUpId"))});
        sink(m);
    }

    // Consents to share information: a Consent each (a privacy consent permitting the
    // recipient to receive what the client agreed to, for its period). The status follows the
    // record: signed and active is active, not yet signed proposed; revoked is inactive. A
    // consent that ran out stays active with its period's end, which says so.
    static const QHash<QString, QString> consentStatus{
        {"draft", "draft"}, {"revoked", "inactive"}, {"cancelled", "rejected"}};
    for (const Record &k : rows("consent")) {
        if (!keep(k))
            continue;
        const bool isSigned = latestSignature.contains(k.id);
        const QString status =
            k.text("status") == QLatin1String("active")
                ? (isSigned ? QStringLiteral("active") : QStringLiteral("proposed"))
                : statusMap(k.text("status"), consentStatus, "draft");
        const QString version = versionOf(kind("consent"), k);
        QJsonArray data;
        QStringList shares;
        for (const QJsonValue share : k.values.value(QLatin1String("shares")).toArray()) {
            data.append(textConcept(share.toString()));
            shares.append(share.toString());
        }
        const QJsonObject recipient = k.text("providerId").isEmpty()
                                          ? QJsonObject{{"display", k.text("recipient")}}
                                          : providerRef(k.text("providerId"));
        QJsonObject provision{
            {"type", "permit"},
            {"period", QJsonObject{{"start", k.text("validFrom")}, {"end", k.text("validUntil")}}},
            {"actor",
             QJsonArray{QJsonObject{
                 {"role",
                  codeable(
                      QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ParticipationType"),
                      QStringLiteral("IRCP"), QStringLiteral("information recipient"))},
                 {"reference", recipient}}}}};
        if (!data.isEmpty())
            provision.insert(QStringLiteral("code"), data);
        QStringList lines{
            QStringLiteral("Consent to share information with ") + k.text("recipient"),
            QStringLiteral("What: ") + shares.join(QStringLiteral(", ")),
            QStringLiteral("From %1 until %2").arg(k.text("validFrom"), k.text("validUntil"))};
        if (!k.text("purpose").isEmpty())
            lines.append(QStringLiteral("Purpose: ") + k.text("purpose"));
        if (k.text("status") == QLatin1String("revoked"))
            lines.append(QStringLiteral("Revoked on %1: %2")
                             .arg(k.text("revokedOn"), k.text("revokedReason")));
        QJsonObject consent{
            {"resourceType", "Consent"},
            {"id", k.id},
            {"meta", QJsonObject{{"versionId", version}}},
            {"text", narrative(lines)},
            {"status", status},
            {"scope",
             codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/consentscope"),
                      QStringLiteral("patient-privacy"), QStringLiteral("Privacy Consent"))},
            {"category", QJsonArray{codeable(kLoinc, QStringLiteral("59284-0"),
                                             QStringLiteral("Patient Consent"))}},
            {"patient", patient},
            {"performer", QJsonArray{patient}},
            {"organization",
             QJsonArray{ref(QStringLiteral("Organization"), QStringLiteral("agency"))}},
            {"policyRule",
             codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ActCode"),
                      QStringLiteral("OPTIN"), QStringLiteral("opt-in"))},
            {"provision", provision}};
        if (isSigned)
            put(consent, "dateTime", instant(latestSignature.value(k.id).text("signedAt")));
        if (version.isEmpty())
            consent.remove(QStringLiteral("meta"));
        sink(consent);
        targetsOf[k.id].append(QStringLiteral("Consent/") + k.id);
    }

    // Signatures: a Provenance naming the exact version signed (the content hash, which is
    // the signed resource's meta.versionId while nothing changed), with the signature.
    for (const Record &s : rows("signature")) {
        if (!keep(s) || !targetsOf.contains(s.text("recordId")))
            continue;
        const QString hash = s.text("contentHash");
        QJsonArray targets;
        for (const QString &t : targetsOf.value(s.text("recordId")))
            targets.append(QJsonObject{{"reference", t + QStringLiteral("/_history/") + hash}});
        QJsonObject who = patient;
        if (s.text("relationship") == QLatin1String("representative")) {
            const QString contact = contactByName.value(s.text("signerName").toLower());
            who = contact.isEmpty() ? QJsonObject{{"display", s.text("signerName")}}
                                    : ref(QStringLiteral("RelatedPerson"), contact);
        }
        const QByteArray strokes = QJsonDocument(s.values.value(QLatin1String("strokes")).toArray())
                                       .toJson(QJsonDocument::Compact);
        sink(QJsonObject{
            {"resourceType", "Provenance"},
            {"id", s.id},
            {"target", targets},
            {"recorded", instant(s.text("signedAt"))},
            {"activity",
             codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-DataOperation"),
                      QStringLiteral("UPDATE"), QStringLiteral("revise"))},
            {"agent",
             QJsonArray{QJsonObject{
                 {"type",
                  codeable(QStringLiteral(
                               "http://terminology.hl7.org/CodeSystem/provenance-participant-type"),
                           QStringLiteral("attester"), QStringLiteral("Attester"))},
                 {"who", who}}}},
            {"entity",
             QJsonArray{QJsonObject{
                 {"role", "quotation"},
                 {"what",
                  QJsonObject{{"identifier",
                               QJsonObject{{"system", base() + QStringLiteral("/content-hash")},
                                           {"value", hash}}}}}}}},
            {"signature",
             QJsonArray{QJsonObject{
                 {"type", QJsonArray{QJsonObject{{"system", "urn:iso-astm:E1762-95:2013"},
                                                 {"code", "1.2.840.10065.1.12.1.7"},
                                                 {"display", "Consent Signature"}}}},
                 {"when", instant(s.text("signedAt"))},
                 {"who", who},
                 {"sigFormat", "application/json"},
                 {"data", QString::fromLatin1(strokes.toBase64())}}}}});
    }
    return refs;
}

} // namespace careround
