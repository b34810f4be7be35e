#include "plancontroller.h"

#include "devicestore.h"
#include "goalprogress.h"
#include "localeditor.h"
#include "recordinput.h"

#include <QDateTime>
#include <QQmlEngine>

namespace careround {

namespace {

/** The goal's progress over time for the trend chart: each kept update, oldest first. */
QVariantList trend(const CarePlanGoal &g)
{
    QVariantList out;
    for (const GoalProgressPoint &p : g.history)
        out.append(p.value);
    return out;
}

/** The trend in words, e.g. "20% on 3 Oct, 45% on 2 Nov, 60% on 1 Dec: up 40 points". */
QString trendText(const CarePlanGoal &g)
{
    if (g.history.isEmpty())
        return PlanController::tr("No progress recorded yet");
    QStringList points;
    for (const GoalProgressPoint &p : g.history.mid(qMax(0, int(g.history.size()) - 4)))
        points.append(
            PlanController::tr("%1% on %2").arg(p.value).arg(RecordInput::dateText(p.recordedAt)));
    if (g.history.size() < 2)
        return points.constFirst();
    const int change = g.history.constLast().value - g.history.constFirst().value;
    const QString direction =
        change > 0   ? PlanController::tr("up %n points since the first update", nullptr, change)
        : change < 0 ? PlanController::tr("down %n points since the first update", nullptr, -change)
                     : PlanController::tr("no change since the first update");
    return PlanController::tr("%1: %2").arg(points.join(QStringLiteral(", ")), direction);
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
    : ScreenController(CarePlanRepository::kinds(), parent),
      m_goals(new KeyedListModel(
          {"statement", "domain", "measure", "targetValue", "targetDate", "achievable", "relevance",
           "status", "statusLabel", "statusChoices", "progress", "smartComplete", "smartText",
           "services", "trend", "trendText", "attainment", "attainmentText", "attainmentChoices"},
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
    return RecordInput::fieldChoices(Schema::kind(QStringLiteral("goal")),
                                     QStringLiteral("domain"));
}

QVariantList PlanController::ownerChoices() const
{
    return RecordInput::fieldChoices(Schema::kind(QStringLiteral("actionStep")),
                                     QStringLiteral("owner"));
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
    DeviceStore *store = ScreenController::store();
    const QString id = m_recordId.isEmpty() ? m_createdPlanId : m_recordId;
    m_view = store ? store->carePlans().view(m_clientId, id, today()) : CarePlanView{};
    m_statusChoices.clear();
    m_sealedNote.clear();
    m_smartSummary.clear();
    QVector<QVariantMap> goals, contingencies, unlinked;
    QHash<QString, QVector<QVariantMap>> steps;
    if (m_view.found) {
        m_statusChoices =
            RecordInput::statusChoices(Schema::kind(QStringLiteral("carePlan")), m_view.status);
        if (const auto &sig = m_view.signature) {
            m_sealedNote =
                tr("Signed by %1 (%2) on %3. Goals, steps and contingencies can no longer be "
                   "changed: propose an amendment instead. Statuses, progress and the "
                   "review date can still be updated.")
                    .arg(sig->signerName, RecordInput::label(sig->relationship),
                         RecordInput::dateTimeText(sig->signedAt));
        }
        const EntityDef &goalDef = Schema::kind(QStringLiteral("goal"));
        const QVariantList attainmentChoices =
            RecordInput::fieldChoices(goalDef, QStringLiteral("attainment"));
        for (const CarePlanGoal &g : m_view.goals) {
            QStringList parts, services;
            for (SmartPart part : g.missing)
                parts.append(smartPartText(part));
            for (const LinkedService &s : g.services)
                services.append(serviceText(s));
            goals.append(QVariantMap{
                {"rowId", g.id},
                {"statement", g.statement},
                {"domain", g.domain},
                {"measure", g.measure},
                {"targetValue", g.targetValue},
                {"targetDate", g.targetDate},
                {"achievable", g.achievable},
                {"relevance", g.relevance},
                {"status", g.status},
                {"statusLabel", RecordInput::label(g.status)},
                {"statusChoices", RecordInput::statusChoices(goalDef, g.status)},
                {"progress", g.progress},
                {"smartComplete", g.missing.isEmpty()},
                {"smartText",
                 g.missing.isEmpty()
                     ? tr("SMART: complete")
                     : tr("Not SMART yet. Missing: %1").arg(parts.join(QStringLiteral("; ")))},
                {"services", services},
                {"trend", trend(g)},
                {"trendText", trendText(g)},
                {"attainment", g.attainment},
                {"attainmentText", g.attainment.isEmpty()
                                       ? QString()
                                       : tr("At review on %1: %2")
                                             .arg(RecordInput::dateText(g.attainmentOn),
                                                  RecordInput::label(g.attainment))},
                {"attainmentChoices", attainmentChoices}});
        }
        if (!m_view.goals.isEmpty())
            m_smartSummary =
                tr("%1 of %2 goals are SMART").arg(m_view.smartGoals).arg(m_view.goals.size());

        const EntityDef &stepDef = Schema::kind(QStringLiteral("actionStep"));
        for (const CarePlanStep &s : m_view.steps)
            steps[s.goalId].append(
                QVariantMap{{"rowId", s.id},
                            {"goalId", s.goalId},
                            {"description", s.description},
                            {"owner", s.owner},
                            {"ownerLabel", RecordInput::label(s.owner)},
                            {"dueDate", s.dueDate},
                            {"dueText", s.dueDate.isEmpty()
                                            ? tr("no due date")
                                            : tr("due %1").arg(RecordInput::dateText(s.dueDate))},
                            {"overdue", s.overdue},
                            {"status", s.status},
                            {"statusLabel", RecordInput::label(s.status)},
                            {"statusChoices", RecordInput::statusChoices(stepDef, s.status)}});
        for (const CarePlanContingency &c : m_view.contingencies)
            contingencies.append(QVariantMap{
                {"rowId", c.id}, {"barrier", c.barrier}, {"alternative", c.alternative}});
    }
    for (const LinkedService &s : m_view.unlinked)
        unlinked.append(QVariantMap{{"rowId", s.referralId}, {"label", serviceText(s)}});
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

bool PlanController::replacePlan(const QString &title, const QStringList &keptGoalIds)
{
    if (!m_view.found) {
        setError(tr("Start a plan first"));
        return false;
    }
    if (m_view.status != QLatin1String("active") && m_view.status != QLatin1String("draft")) {
        setError(tr("Only the current plan can be replaced"));
        return false;
    }
    const CarePlanView old = m_view;
    QString id;
    const bool ok = edit([&](LocalEditor &editor) {
        editor.together([&] {
            const QString name = title.trimmed().isEmpty() ? old.title : title.trimmed();
            id = editor.create(QStringLiteral("carePlan"),
                               {{"clientId", m_clientId},
                                {"title", name},
                                {"status", "draft"},
                                {"startDate", today().toString(Qt::ISODate)}});
            for (const CarePlanGoal &g : old.goals) {
                if (!keptGoalIds.contains(g.id))
                    continue;
                QJsonObject goal{{"carePlanId", id},
                                 {"clientId", m_clientId},
                                 {"statement", g.statement},
                                 {"status", g.status == QLatin1String("in_progress")
                                                ? g.status
                                                : QStringLiteral("open")},
                                 {"progress", g.progress}};
                const QList<QPair<const char *, QString>> carried{
                    {"domain", g.domain},           {"measure", g.measure},
                    {"targetValue", g.targetValue}, {"targetDate", g.targetDate},
                    {"achievable", g.achievable},   {"relevance", g.relevance}};
                for (const auto &[field, value] : carried)
                    if (!value.isEmpty())
                        goal.insert(QLatin1String(field), value);
                const QString goalId = editor.create(QStringLiteral("goal"), goal);
                for (const CarePlanStep &step : old.steps) {
                    if (step.goalId != g.id || step.status == QLatin1String("done") ||
                        step.status == QLatin1String("cancelled"))
                        continue;
                    QJsonObject copy{{"goalId", goalId},       {"carePlanId", id},
                                     {"clientId", m_clientId}, {"description", step.description},
                                     {"owner", step.owner},    {"status", step.status}};
                    if (!step.dueDate.isEmpty())
                        copy.insert(QStringLiteral("dueDate"), step.dueDate);
                    editor.create(QStringLiteral("actionStep"), copy);
                }
                for (const LinkedService &service : g.services)
                    editor.update(QStringLiteral("referral"), service.referralId,
                                  {{"goalId", goalId}});
            }
            editor.update(
                QStringLiteral("carePlan"), old.planId,
                {{"status", old.status == QLatin1String("active") ? QStringLiteral("superseded")
                                                                  : QStringLiteral("cancelled")}});
        });
    });
    if (ok) {
        m_createdPlanId = id;
        if (!m_recordId.isEmpty()) {
            m_recordId = id;
            emit recordIdChanged();
        }
        reload();
    }
    return ok;
}

bool PlanController::recordProgress(const QString &goalId, const QVariant &value,
                                    const QString &note)
{
    QString error;
    const QJsonValue v = RecordInput::fromInput(Schema::kind(QStringLiteral("goal")),
                                                QStringLiteral("progress"), value, &error);
    if (v.isUndefined() || v.isNull()) {
        setError(v.isNull() ? tr("Enter the progress, 0 to 100") : error);
        return false;
    }
    return edit([&](LocalEditor &editor) {
        GoalProgress::record(editor, goalId, m_clientId, v.toInt(), note,
                             QDateTime::currentDateTimeUtc());
    });
}

bool PlanController::setAttainment(const QString &goalId, const QString &attainment)
{
    return edit([&](LocalEditor &editor) {
        GoalProgress::recordAttainment(editor, goalId, attainment, today());
    });
}

bool PlanController::setField(const QString &entity, const QString &id, const QString &field,
                              const QVariant &value)
{
    if (entity == QLatin1String("goal") && field == QLatin1String("progress"))
        return recordProgress(id, value, QString());
    if (!isPlanPart(entity) || field == QLatin1String("voided")) {
        setError(tr("This cannot be changed on the care plan"));
        return false;
    }
    QString error;
    const QJsonValue v = RecordInput::fromInput(Schema::kind(entity), field, value, &error);
    if (v.isUndefined()) {
        setError(error);
        return false;
    }
    return edit([&](LocalEditor &editor) { editor.update(entity, id, {{field, v}}); });
}

QString PlanController::addGoal(const QString &statement)
{
    if (!m_view.found) {
        setError(tr("Start a plan first"));
        return {};
    }
    if (statement.trimmed().isEmpty()) {
        setError(tr("Say what the goal is"));
        return {};
    }
    QString id;
    edit([&](LocalEditor &editor) {
        id = editor.create(QStringLiteral("goal"), {{"carePlanId", m_view.planId},
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
                       {"carePlanId", m_view.planId},
                       {"clientId", m_clientId},
                       {"description", description.trimmed()},
                       {"owner", owner.isEmpty() ? QStringLiteral("coordinator") : owner},
                       {"status", "todo"}};
    if (!dueDate.trimmed().isEmpty()) {
        QString error;
        const QJsonValue due = RecordInput::fromInput(Schema::kind(QStringLiteral("actionStep")),
                                                      "dueDate", dueDate, &error);
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
        id = editor.create(QStringLiteral("contingency"), {{"carePlanId", m_view.planId},
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
