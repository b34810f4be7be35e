#include "schema.h"

#include <QCoreApplication>

namespace careround {

namespace {

FieldDef f(const QString &name, FieldType type)
{
    FieldDef def;
    def.name = name;
    def.type = type;
    return def;
}
FieldDef text(const QString &name)
{
    return f(name, FieldType::Text);
}
FieldDef integer(const QString &name)
{
    return f(name, FieldType::Integer);
}
FieldDef boolean(const QString &name)
{
    return f(name, FieldType::Boolean);
}
FieldDef date(const QString &name)
{
    return f(name, FieldType::Date);
}
FieldDef dateTime(const QString &name)
{
    return f(name, FieldType::DateTime);
}
FieldDef list(const QString &name)
{
    return f(name, FieldType::TextList);
}
FieldDef json(const QString &name)
{
    return f(name, FieldType::Json);
}
FieldDef ref(const QString &name, const QString &entity)
{
    FieldDef def = f(name, FieldType::Reference);
    def.references = entity;
    return def;
}

EntityDef mergeable(const QString &name, const QString &label, QVector<FieldDef> fields,
                    const QString &clientField = QStringLiteral("clientId"))
{
    EntityDef e;
    e.name = name;
    e.label = label;
    e.merge = MergeClass::FieldMergeable;
    e.clientField = clientField;
    e.audience = clientField.isEmpty() ? Audience::Agency : Audience::Caseload;
    e.fields = std::move(fields);
    e.fields.append(boolean(QStringLiteral("voided")));
    e.fields.append(text(QStringLiteral("voidReason")));
    return e;
}

EntityDef appendOnly(const QString &name, const QString &label, QVector<FieldDef> fields,
                     const QString &clientField = QStringLiteral("clientId"))
{
    EntityDef e;
    e.name = name;
    e.label = label;
    e.merge = MergeClass::AppendOnly;
    e.clientField = clientField;
    e.audience = clientField.isEmpty() ? Audience::Agency : Audience::Caseload;
    e.fields = std::move(fields);
    return e;
}

void status(EntityDef &e, QHash<QString, QStringList> transitions)
{
    QStringList values;
    for (auto it = transitions.cbegin(); it != transitions.cend(); ++it) {
        if (!values.contains(it.key()))
            values.append(it.key());
        for (const QString &to : it.value())
            if (!values.contains(to))
                values.append(to);
    }
    values.sort();
    e.statusField = QStringLiteral("status");
    e.transitions = std::move(transitions);
    for (FieldDef &fd : e.fields)
        if (fd.name == e.statusField)
            fd.allowed = values;
}

QVector<EntityDef> buildEntities()
{
    using L = QStringList;
    QVector<EntityDef> all;

    EntityDef coordinator =
        mergeable("coordinator", QT_TRANSLATE_NOOP("careround::Schema", "coordinator"),
                  {text("name").req(), text("email"), text("phone"),
                   text("role").req().oneOf({"coordinator", "supervisor"}), boolean("active")},
                  QString());
    coordinator.audience = Audience::Staff;
    all.append(coordinator);

    EntityDef device = mergeable("device", QT_TRANSLATE_NOOP("careround::Schema", "device"),
                                 {ref("coordinatorId", "coordinator").req(), text("label"),
                                  dateTime("enrolledAt"), text("status").req()},
                                 QString());
    status(device, {{"active", L{"revoked"}}, {"revoked", L{}}});
    device.audience = Audience::Supervisors;
    all.append(device);

    EntityDef client =
        mergeable("client", QT_TRANSLATE_NOOP("careround::Schema", "client"),
                  {text("firstName").req(), text("lastName").req(), date("dateOfBirth"),
                   text("phone"), text("address"), text("city"), text("postalCode"),
                   text("language"), ref("coordinatorId", "coordinator"), text("status").req(),
                   list("riskFlags"), text("notes"), boolean("livesAlone").from(2),
                   text("statusReason").from(7), date("statusChangedOn").from(7)},
                  QStringLiteral("id"));
    status(client, {{"active", L{"on_hold", "discharged"}},
                    {"on_hold", L{"active", "discharged"}},
                    {"discharged", L{"active"}}});
    client.caseloadField = QStringLiteral("coordinatorId");
    all.append(client);

    all.append(mergeable("contact", QT_TRANSLATE_NOOP("careround::Schema", "contact person"),
                         {ref("clientId", "client").req(), text("name").req(), text("relationship"),
                          text("phone"), text("email"), boolean("isCaregiver"),
                          boolean("isEmergencyContact"), text("notes")}));

    EntityDef assessment = mergeable(
        "assessment", QT_TRANSLATE_NOOP("careround::Schema", "assessment"),
        {ref("clientId", "client").req(),
         text("kind").req().oneOf({"initial", "reassessment", "annual"}), text("status").req(),
         dateTime("startedAt"), dateTime("completedAt"), text("medicalNotes"),
         text("emotionalNotes"), text("socialNotes"), text("financialNotes"),
         text("dailyLivingNotes"), text("housingNotes"), text("transportationNotes"),
         text("medicationNotes"), text("safetyNotes"), text("strengths")});
    status(assessment, {{"draft", L{"in_progress", "complete"}},
                        {"in_progress", L{"complete", "draft"}},
                        {"complete", L{"in_progress"}}});
    assessment.signable = true;
    all.append(assessment);

    EntityDef answer =
        mergeable("assessmentAnswer", QT_TRANSLATE_NOOP("careround::Schema", "assessment answer"),
                  {ref("assessmentId", "assessment").req(), ref("clientId", "client").req(),
                   text("instrument").req().oneOf({"katz", "lawton", "phq2", "phq9", "domain"}),
                   text("item").req(), integer("value").range(0, 10), text("note")});
    answer.sealedVia = QStringLiteral("assessmentId");
    all.append(answer);

    EntityDef plan =
        mergeable("carePlan", QT_TRANSLATE_NOOP("careround::Schema", "care plan"),
                  {ref("clientId", "client").req(), ref("assessmentId", "assessment"),
                   text("title").req(), text("status").req().afterSeal(), date("startDate"),
                   date("reviewDate").afterSeal(), text("summary")});
    status(plan, {{"draft", L{"active", "cancelled"}},
                  {"active", L{"completed", "superseded"}},
                  {"completed", L{}},
                  {"superseded", L{}},
                  {"cancelled", L{}}});
    plan.signable = true;
    all.append(plan);

    EntityDef goal = mergeable(
        "goal", QT_TRANSLATE_NOOP("careround::Schema", "goal"),
        {ref("carePlanId", "carePlan").req(), ref("clientId", "client").req(),
         text("statement").req(),
         text("domain").oneOf({"medical", "emotional", "social", "financial", "daily_living",
                               "housing", "transportation", "medication", "safety"}),
         text("measure"), text("targetValue"), date("targetDate"), text("status").req().afterSeal(),
         integer("progress").range(0, 100).afterSeal(), text("achievable"), text("relevance"),
         text("attainment")
             .oneOf({"exceeded", "achieved", "partly_achieved", "not_achieved"})
             .afterSeal()
             .from(7),
         date("attainmentOn").afterSeal().from(7)});
    status(goal, {{"open", L{"in_progress", "achieved", "not_achieved", "dropped"}},
                  {"in_progress", L{"open", "achieved", "not_achieved", "dropped"}},
                  {"achieved", L{"in_progress"}},
                  {"not_achieved", L{"in_progress"}},
                  {"dropped", L{"open"}}});
    goal.sealedVia = QStringLiteral("carePlanId");
    all.append(goal);

    // Each progress update of a goal, kept (never overwritten): the trend over time.
    EntityDef progress =
        appendOnly("goalProgress", QT_TRANSLATE_NOOP("careround::Schema", "goal progress update"),
                   {ref("goalId", "goal").req(), ref("clientId", "client").req(),
                    integer("value").req().range(0, 100), text("note"),
                    dateTime("recordedAt").req(), ref("authorId", "coordinator").byActor()});
    progress.since = 7;
    all.append(progress);

    EntityDef step = mergeable(
        "actionStep", QT_TRANSLATE_NOOP("careround::Schema", "action step"),
        {ref("goalId", "goal").req(), ref("carePlanId", "carePlan").req(),
         ref("clientId", "client").req(), text("description").req(),
         text("owner").req().oneOf({"client", "coordinator", "provider", "family"}),
         date("dueDate"), text("status").req().afterSeal(), ref("providerId", "provider")});
    status(step, {{"todo", L{"in_progress", "done", "cancelled"}},
                  {"in_progress", L{"todo", "done", "cancelled"}},
                  {"done", L{"in_progress"}},
                  {"cancelled", L{"todo"}}});
    step.sealedVia = QStringLiteral("carePlanId");
    all.append(step);

    EntityDef contingency =
        mergeable("contingency", QT_TRANSLATE_NOOP("careround::Schema", "contingency"),
                  {ref("carePlanId", "carePlan").req(), ref("clientId", "client").req(),
                   text("barrier").req(), text("alternative").req()});
    contingency.sealedVia = QStringLiteral("carePlanId");
    all.append(contingency);

    EntityDef provider = mergeable(
        "provider", QT_TRANSLATE_NOOP("careround::Schema", "provider"),
        {text("name").req(), list("serviceTypes"), text("area"), text("eligibility"),
         list("languages"), list("funding"), text("phone"), text("address"), text("status").req(),
         text("notes"), text("contactName").from(6), text("email").from(6),
         date("discontinuedOn").from(6), text("discontinuedReason").from(6)},
        QString());
    status(provider, {{"active", L{"discontinued"}}, {"discontinued", L{"active"}}});
    all.append(provider);

    all.append(
        appendOnly("providerRating", QT_TRANSLATE_NOOP("careround::Schema", "provider rating"),
                   {ref("providerId", "provider").req(), ref("coordinatorId", "coordinator"),
                    integer("score").req().range(1, 5), text("comment"), dateTime("ratedAt").req()},
                   QString()));

    EntityDef referral =
        mergeable("referral", QT_TRANSLATE_NOOP("careround::Schema", "referral"),
                  {ref("clientId", "client").req(), ref("providerId", "provider").req(),
                   ref("goalId", "goal"), text("serviceType"), text("status").req(), date("sentOn"),
                   date("startedOn"), text("notes"), date("closedOn").from(7),
                   text("outcome").from(7), integer("rating").range(1, 5).from(7)});
    status(referral, {{"draft", L{"sent", "cancelled"}},
                      {"sent", L{"accepted", "declined", "cancelled"}},
                      {"accepted", L{"in_service", "cancelled"}},
                      {"in_service", L{"closed"}},
                      {"declined", L{}},
                      {"closed", L{}},
                      {"cancelled", L{}}});
    all.append(referral);

    EntityDef benefit = mergeable("benefitApplication",
                                  QT_TRANSLATE_NOOP("careround::Schema", "benefit application"),
                                  {ref("clientId", "client").req(), text("program").req(),
                                   text("status").req(), date("submittedOn"), date("decisionOn"),
                                   text("nextAction"), date("nextActionDue"), text("notes")});
    status(benefit, {{"preparing", L{"submitted", "withdrawn"}},
                     {"submitted", L{"approved", "denied", "withdrawn"}},
                     {"denied", L{"appealed"}},
                     {"appealed", L{"approved", "denied"}},
                     {"approved", L{}},
                     {"withdrawn", L{}}});
    all.append(benefit);

    EntityDef appointment =
        mergeable("appointment", QT_TRANSLATE_NOOP("careround::Schema", "appointment"),
                  {ref("clientId", "client").req(), ref("providerId", "provider"),
                   text("title").req(), text("withWhom"), dateTime("startsAt").req(),
                   text("location"), boolean("transportArranged"), text("transportNotes"),
                   text("preparationNotes"), text("status").req()});
    status(appointment, {{"scheduled", L{"completed", "cancelled", "missed"}},
                         {"missed", L{"scheduled"}},
                         {"cancelled", L{"scheduled"}},
                         {"completed", L{}}});
    all.append(appointment);

    EntityDef visit =
        mergeable("visit", QT_TRANSLATE_NOOP("careround::Schema", "visit"),
                  {ref("clientId", "client").req(), ref("coordinatorId", "coordinator"),
                   dateTime("plannedAt"), dateTime("checkInAt"), dateTime("checkOutAt"),
                   text("status").req(), text("purpose"), text("summary")});
    status(visit, {{"planned", L{"in_progress", "cancelled"}},
                   {"in_progress", L{"completed"}},
                   {"cancelled", L{"planned"}},
                   {"completed", L{}}});
    visit.signable = true;
    all.append(visit);

    all.append(appendOnly("visitNote", QT_TRANSLATE_NOOP("careround::Schema", "visit note"),
                          {ref("visitId", "visit").req(), ref("clientId", "client").req(),
                           text("text").req(), ref("authorId", "coordinator").byActor(),
                           dateTime("writtenAt").req(), ref("correctsId", "visitNote")}));

    EntityDef followUp =
        mergeable("followUp", QT_TRANSLATE_NOOP("careround::Schema", "follow-up"),
                  {ref("clientId", "client").req(), ref("visitId", "visit"),
                   text("description").req(), date("dueOn").req(), text("status").req(),
                   date("doneOn"), text("priority").oneOf({"low", "normal", "high"}).from(2)});
    status(followUp,
           {{"open", L{"done", "cancelled"}}, {"done", L{"open"}}, {"cancelled", L{"open"}}});
    all.append(followUp);

    EntityDef complaint = mergeable(
        "complaint", QT_TRANSLATE_NOOP("careround::Schema", "complaint"),
        {ref("clientId", "client").req(), ref("visitId", "visit"), ref("providerId", "provider"),
         text("subject").req(), text("description"), text("status").req(), date("raisedOn"),
         text("resolution"), text("handledBy").from(7), date("dueOn").from(7),
         text("escalation").oneOf({"none", "supervisor", "agency", "ombudsman"}).from(7),
         date("resolvedOn").from(7)});
    status(complaint, {{"open", L{"investigating", "resolved"}},
                       {"investigating", L{"resolved"}},
                       {"resolved", L{"closed", "investigating"}},
                       {"closed", L{}}});
    all.append(complaint);

    // The contact log: calls, messages and emails outside visits.
    EntityDef contactLog =
        mergeable("contactLog", QT_TRANSLATE_NOOP("careround::Schema", "contact log entry"),
                  {ref("clientId", "client").req(), ref("contactId", "contact"),
                   ref("providerId", "provider"), text("withWhom").req(),
                   text("channel").req().oneOf(
                       {"phone", "text_message", "email", "in_person", "video", "letter"}),
                   text("direction").oneOf({"outgoing", "incoming"}), dateTime("at").req(),
                   text("summary").req(), ref("followUpId", "followUp"),
                   ref("authorId", "coordinator").byActor()});
    contactLog.since = 7;
    all.append(contactLog);

    // Consent to share information (a release of information) with one provider or
    // organisation: what may be shared and until when. Signed by the client; revoking it
    // after signing is recorded on the signed record.
    EntityDef consent = mergeable(
        "consent", QT_TRANSLATE_NOOP("careround::Schema", "consent to share information"),
        {ref("clientId", "client").req(), ref("providerId", "provider"), text("recipient").req(),
         list("shares").req(), text("purpose"), date("validFrom").req(), date("validUntil").req(),
         text("status").req().afterSeal(), date("revokedOn").afterSeal(),
         text("revokedReason").afterSeal()});
    status(consent, {{"draft", L{"active", "cancelled"}},
                     {"active", L{"revoked"}},
                     {"revoked", L{}},
                     {"cancelled", L{}}});
    consent.signable = true;
    consent.since = 7;
    all.append(consent);

    all.append(appendOnly("complaintAction",
                          QT_TRANSLATE_NOOP("careround::Schema", "complaint action"),
                          {ref("complaintId", "complaint").req(), ref("clientId", "client").req(),
                           text("description").req(), ref("authorId", "coordinator").byActor(),
                           dateTime("takenAt").req()}));

    all.append(appendOnly(
        "satisfactionResponse", QT_TRANSLATE_NOOP("careround::Schema", "satisfaction response"),
        {ref("clientId", "client").req(), ref("visitId", "visit"),
         integer("score").req().range(1, 5), text("comments"), dateTime("respondedAt").req()}));

    all.append(appendOnly(
        "signature", QT_TRANSLATE_NOOP("careround::Schema", "signature"),
        {ref("clientId", "client").req(),
         text("recordEntity").req().oneOf({"assessment", "carePlan", "visit", "consent"}),
         text("recordId").req().kindIn("recordEntity"), text("signerName").req(),
         text("relationship").req().oneOf({"client", "representative"}), dateTime("signedAt").req(),
         json("strokes").req(), text("contentHash").req(), ref("amendsId", "signature")}));

    EntityDef conflict = mergeable(
        "conflict", QT_TRANSLATE_NOOP("careround::Schema", "conflict"),
        {text("recordEntity").req(), text("recordId").req().kindIn("recordEntity"),
         ref("clientId", "client"), text("field"),
         text("kind").req().oneOf({"concurrent_edit", "void_vs_edit", "amendment", "future_stamp"}),
         json("keptValue"), text("keptStamp"), json("otherValue"), text("otherStamp"),
         text("status").req(), json("resolvedValue"), text("resolvedBy").byActor(),
         dateTime("resolvedAt"), text("keptBy").from(8), text("otherBy").from(8)});
    status(conflict, {{"open", L{"resolved"}}, {"resolved", L{}}});
    all.append(conflict);

    EntityDef audit =
        appendOnly("auditEvent", QT_TRANSLATE_NOOP("careround::Schema", "audit event"),
                   {text("action").req(), text("recordEntity"), text("recordId"), text("actorId"),
                    text("deviceId"), dateTime("at").req(), text("detail")},
                   QString());
    audit.replicated = false;
    all.append(audit);

    return all;
}

} // namespace

QString EntityDef::labelText() const
{
    return QCoreApplication::translate("careround::Schema", label.toUtf8().constData());
}

const FieldDef *EntityDef::field(const QString &fieldName) const
{
    for (const FieldDef &fd : fields)
        if (fd.name == fieldName)
            return &fd;
    return nullptr;
}

QVector<const FieldDef *> EntityDef::referenceFields() const
{
    QVector<const FieldDef *> out;
    for (const FieldDef &fd : fields)
        if (fd.type == FieldType::Reference || !fd.kindField.isEmpty())
            out.append(&fd);
    return out;
}

bool EntityDef::allowsTransition(const QString &from, const QString &to) const
{
    return from == to || transitions.value(from).contains(to);
}

Schema::Schema() : m_entities(buildEntities())
{
    // Versions 3 and 4 add no field: they are the caseload's and Today's indexes
    // (DeviceStore::migrate); version 5 keeps refused edits and set-aside pulled records
    // (OutboxRepository::migrationSql). Version 6 adds the directory's contact and the date
    // and reason a provider's service was discontinued (the office console). Version 7 keeps the
    // record current: a client's status reason, goal progress over time and attainment, the
    // contact log, consent to share information, and a complaint's handler, due date and
    // escalation, a referral's outcome and the coordinator's rating of the service. Version 8
    // names who made each side of a conflict (keptBy, otherBy), as the server knew it then.
    m_version = 5;
    for (int i = 0; i < m_entities.size(); ++i) {
        m_index.insert(m_entities[i].name, i);
        for (const FieldDef &fd : m_entities[i].fields)
            m_version = qMax(m_version, fd.since);
        m_version = qMax(m_version, m_entities[i].since);
    }
}

const Schema &Schema::instance()
{
    static const Schema schema;
    return schema;
}

const EntityDef *Schema::entity(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.cend() ? nullptr : &m_entities[*it];
}

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::Text:
        return QStringLiteral("text");
    case FieldType::Integer:
        return QStringLiteral("integer");
    case FieldType::Real:
        return QStringLiteral("number");
    case FieldType::Boolean:
        return QStringLiteral("true/false");
    case FieldType::Date:
        return QStringLiteral("date (YYYY-MM-DD)");
    case FieldType::DateTime:
        return QStringLiteral("date and time (ISO 8601)");
    case FieldType::Reference:
        return QStringLiteral("record id");
    case FieldType::TextList:
        return QStringLiteral("list of text");
    case FieldType::Json:
        return QStringLiteral("JSON object or array");
    }
    return {};
}

} // namespace careround
