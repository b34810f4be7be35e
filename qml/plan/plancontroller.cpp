#include "plancontroller.h"

#include "devicestore.h"
#include "localeditor.h"
#include "planrepository.h"
#include "recordinput.h"

#include <QDateTime>
#include <QQmlEngine>

namespace careround {

namespace {

const EntityDef &def(const QString &entity)
{
    return *Schema::instance().entity(entity);
}

QString text(const Record &r, const char *field)
{
    return r.values.value(QLatin1String(field)).toString();
}

bool isPlanPart(const QString &entity)
{
    return entity == QLatin1String("carePlan") || entity == QLatin1String("goal") ||
           entity == QLatin1String("actionStep") || entity == QLatin1String("contingency");
}

QString smartPartText(SmartPart part)
{
    switch (part) {
    case SmartPart::Specific:
        return PlanController::tr("specific (say what the goal is)");
    case SmartPart::Measurable:
        return PlanController::tr("measurable (a measure and a target value)");
    case SmartPart::Achievable:
        return PlanController::tr("achievable (why it can be done)");
    case SmartPart::Relevant:
        return PlanController::tr("relevant (why it matters to the client)");
    case SmartPart::TimeBound:
        return PlanController::tr("time-bound (a target date)");
    }
    return {};
}

QString serviceText(const LinkedService &s)
{
    const QString who = s.providerName.isEmpty() ? PlanController::tr("Provider not on this "
                                                                      "device")
                                                 : s.providerName;
    return s.serviceType.isEmpty()
               ? PlanController::tr("%1 (%2)").arg(who, RecordInput::label(s.status))
               : PlanController::tr("%1: %2 (%3)")
                     .arg(s.serviceType, who, RecordInput::label(s.status));
}

} // namespace

PlanController::PlanController(QObject *parent)
    : ScreenController({"client", "carePlan", "goal", "actionStep", "contingency", "referral",
                        "provider", "signature"},
                       parent),
      m_goals(
          new KeyedListModel({"statement", "domain", "measure", "targetValue", "targetDate",
                              "achievable", "relevance", "status", "statusLabel", "statusChoices",
                              "progress", "smartComplete", "smartText", "services"},
                             this)),
      m_contingencies(new KeyedListModel({"barrier", "alternative"}, this)),
      m_unlinked(new KeyedListModel({"label"}, this))
{}

void PlanController::setClientId(const QString &id)
{
    if (m_clientId == id)
        return;
    m_clientId = id;
    watchClient(id);
    m_createdPlanId.clear();
    emit clientIdChanged();
    reload();
}

void PlanController::setRecordId(const QString &id)
{
    if (m_recordId == id)
        return;
    m_recordId = id;
    emit recordIdChanged();
    reload();
}

QVariantList PlanController::domainChoices() const
{
    return RecordInput::fieldChoices(def(QStringLiteral("goal")), QStringLiteral("domain"));
}

QVariantList PlanController::ownerChoices() const
{
    return RecordInput::fieldChoices(def(QStringLiteral("actionStep")), QStringLiteral("owner"));
}

QAbstractItemModel *PlanController::stepsFor(const QString &goalId)
{
    KeyedListModel *&model = m_steps[goalId];
    if (!model) {
        model = new KeyedListModel({"goalId", "description", "owner", "ownerLabel", "dueDate",
                                    "dueText", "overdue", "status", "statusLabel", "statusChoices"},
                                   this);
        QQmlEngine::setObjectOwnership(model, QQmlEngine::CppOwnership);
        model->setRows(m_stepRows.value(goalId));
    }
    return model;
}

bool PlanController::lockedWhenSigned(const QString &entity, const QString &field) const
{
    const EntityDef *e = Schema::instance().entity(entity);
    const FieldDef *fd = e ? e->field(field) : nullptr;
    return !fd || !fd->editableWhenSealed;
}

void PlanController::load()
{
    m_found = false;
    m_planId.clear();
    m_plan = {};
    m_statusChoices.clear();
    m_sealed = false;
    m_sealedNote.clear();
    m_smartSummary.clear();
    DeviceStore *store = ScreenController::store();
    QVector<QVariantMap> goals, contingencies, unlinked;
    QHash<QString, QVector<QVariantMap>> steps;
    if (store && !m_clientId.isEmpty()) {
        RecordRepository &records = store->records();
        PlanRepository &plans = store->plans();
        QString id = m_recordId;
        if (id.isEmpty())
            id = m_createdPlanId.isEmpty() ? plans.currentPlanId(m_clientId) : m_createdPlanId;
        const EntityDef &planDef = def(QStringLiteral("carePlan"));
        const std::optional<Record> plan = id.isEmpty() ? std::nullopt : records.find(planDef, id);
        if (plan && !plan->isVoided()) {
            m_found = true;
            m_planId = plan->id;
            m_plan = plan->values;
            m_statusChoices = RecordInput::statusChoices(planDef, text(*plan, "status"));
            m_sealed = records.isSealed(planDef, *plan);
            if (const auto sig = plans.signature(plan->id)) {
                m_sealedNote =
                    tr("Signed by %1 (%2) on %3. Goals, steps and contingencies can no longer be "
                       "changed: propose an amendment instead. Statuses, progress and the "
                       "review date can still be updated.")
                        .arg(sig->signerName, RecordInput::label(sig->relationship),
                             RecordInput::dateTimeText(sig->signedAt));
            }
            QHash<QString, QStringList> services;
            for (const LinkedService &s : plans.linkedServices(plan->id))
                services[s.goalId].append(serviceText(s));

            const EntityDef &goalDef = def(QStringLiteral("goal"));
            int smart = 0;
            for (const Record &g :
                 records.findBy(goalDef, QStringLiteral("carePlanId"), plan->id)) {
                if (g.isVoided())
                    continue;
                const QVector<SmartPart> missing = missingSmartParts(g.values);
                QStringList parts;
                for (SmartPart part : missing)
                    parts.append(smartPartText(part));
                if (missing.isEmpty())
                    ++smart;
                QVariantMap row;
                row.insert("rowId", g.id);
                row.insert("status", text(g, "status"));
                row.insert("statusLabel", RecordInput::label(text(g, "status")));
                row.insert("statusChoices", RecordInput::statusChoices(goalDef, text(g, "status")));
                row.insert("progress", g.values.value(QLatin1String("progress")).toInt());
                row.insert("smartComplete", missing.isEmpty());
                row.insert(
                    "smartText",
                    missing.isEmpty()
                        ? tr("SMART: complete")
                        : tr("Not SMART yet. Missing: %1").arg(parts.join(QStringLiteral("; "))));
                row.insert("services", services.value(g.id));
                for (const char *field : {"statement", "domain", "measure", "targetValue",
                                          "targetDate", "achievable", "relevance"})
                    row.insert(QLatin1String(field), text(g, field));
                goals.append(row);
            }
            if (!goals.isEmpty())
                m_smartSummary = tr("%1 of %2 goals are SMART").arg(smart).arg(goals.size());

            const EntityDef &stepDef = def(QStringLiteral("actionStep"));
            const QDate today = ScreenController::today();
            for (const Record &s :
                 records.findBy(stepDef, QStringLiteral("carePlanId"), plan->id)) {
                if (s.isVoided())
                    continue;
                const QString status = text(s, "status");
                const QDate due = QDate::fromString(text(s, "dueDate"), Qt::ISODate);
                const bool open =
                    status == QLatin1String("todo") || status == QLatin1String("in_progress");
                steps[text(s, "goalId")].append(QVariantMap{
                    {"rowId", s.id},
                    {"goalId", text(s, "goalId")},
                    {"description", text(s, "description")},
                    {"owner", text(s, "owner")},
                    {"ownerLabel", RecordInput::label(text(s, "owner"))},
                    {"dueDate", text(s, "dueDate")},
                    {"dueText", due.isValid()
                                    ? tr("due %1").arg(RecordInput::dateText(text(s, "dueDate")))
                                    : tr("no due date")},
                    {"overdue", open && due.isValid() && due < today},
                    {"status", status},
                    {"statusLabel", RecordInput::label(status)},
                    {"statusChoices", RecordInput::statusChoices(stepDef, status)}});
            }
            for (const Record &c : records.findBy(def(QStringLiteral("contingency")),
                                                  QStringLiteral("carePlanId"), plan->id))
                if (!c.isVoided())
                    contingencies.append(QVariantMap{{"rowId", c.id},
                                                     {"barrier", text(c, "barrier")},
                                                     {"alternative", text(c, "alternative")}});
        }
        for (const LinkedService &s : plans.unlinkedReferrals(m_clientId))
            unlinked.append(QVariantMap{{"rowId", s.referralId}, {"label", serviceText(s)}});
    }
    m_goals->setRows(goals);
    m_contingencies->setRows(contingencies);
    m_unlinked->setRows(unlinked);
    m_stepRows = steps;
    for (auto it = m_steps.begin(); it != m_steps.end(); ++it)
        it.value()->setRows(steps.value(it.key()));
    emit changed();
}

bool PlanController::createPlan(const QString &title)
{
    if (m_clientId.isEmpty()) {
        setError(tr("Choose a client first"));
        return false;
    }
    QString id;
    const bool ok = edit([&](LocalEditor &editor) {
        const QString name = title.trimmed().isEmpty() ? tr("Care plan") : title.trimmed();
        id = editor.create(QStringLiteral("carePlan"),
                           {{"clientId", m_clientId},
                            {"title", name},
                            {"status", "draft"},
                            {"startDate", today().toString(Qt::ISODate)}});
        m_createdPlanId = id;
    });
    if (ok && !m_recordId.isEmpty()) {
        m_recordId = id;
        emit recordIdChanged();
        reload();
    }
    return ok;
}

bool PlanController::setField(const QString &entity, const QString &id, const QString &field,
                              const QVariant &value)
{
    if (!isPlanPart(entity) || field == QLatin1String("voided")) {
        setError(tr("This cannot be changed on the care plan"));
        return false;
    }
    QString error;
    const QJsonValue v = RecordInput::fromInput(def(entity), field, value, &error);
    if (v.isUndefined()) {
        setError(error);
        return false;
    }
    return edit([&](LocalEditor &editor) { editor.update(entity, id, {{field, v}}); });
}

QString PlanController::addGoal(const QString &statement)
{
    if (!m_found) {
        setError(tr("Start a plan first"));
        return {};
    }
    if (statement.trimmed().isEmpty()) {
        setError(tr("Say what the goal is"));
        return {};
    }
    QString id;
    edit([&](LocalEditor &editor) {
        id = editor.create(QStringLiteral("goal"), {{"carePlanId", m_planId},
                                                    {"clientId", m_clientId},
                                                    {"statement", statement.trimmed()},
                                                    {"status", "open"},
                                                    {"progress", 0}});
    });
    return id;
}

QString PlanController::addStep(const QString &goalId, const QString &description,
                                const QString &owner, const QString &dueDate)
{
    if (description.trimmed().isEmpty()) {
        setError(tr("Say what the step is"));
        return {};
    }
    QJsonObject values{{"goalId", goalId},
                       {"carePlanId", m_planId},
                       {"clientId", m_clientId},
                       {"description", description.trimmed()},
                       {"owner", owner.isEmpty() ? QStringLiteral("coordinator") : owner},
                       {"status", "todo"}};
    if (!dueDate.trimmed().isEmpty()) {
        QString error;
        const QJsonValue due =
            RecordInput::fromInput(def(QStringLiteral("actionStep")), "dueDate", dueDate, &error);
        if (due.isUndefined()) {
            setError(error);
            return {};
        }
        values.insert("dueDate", due);
    }
    QString id;
    edit([&](LocalEditor &editor) { id = editor.create(QStringLiteral("actionStep"), values); });
    return id;
}

QString PlanController::addContingency(const QString &barrier, const QString &alternative)
{
    if (barrier.trimmed().isEmpty() || alternative.trimmed().isEmpty()) {
        setError(tr("Write both the barrier and the alternative"));
        return {};
    }
    QString id;
    edit([&](LocalEditor &editor) {
        id = editor.create(QStringLiteral("contingency"), {{"carePlanId", m_planId},
                                                           {"clientId", m_clientId},
                                                           {"barrier", barrier.trimmed()},
                                                           {"alternative", alternative.trimmed()}});
    });
    return id;
}

bool PlanController::voidRecord(const QString &entity, const QString &id, const QString &reason)
{
    if (!isPlanPart(entity)) {
        setError(tr("This cannot be removed from the care plan"));
        return false;
    }
    return edit([&](LocalEditor &editor) { editor.voidRecord(entity, id, reason); });
}

bool PlanController::linkService(const QString &referralId, const QString &goalId)
{
    return edit([&](LocalEditor &editor) {
        editor.update(QStringLiteral("referral"), referralId, {{"goalId", goalId}});
    });
}

} // namespace careround
