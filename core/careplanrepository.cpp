#include "careplanrepository.h"

#include "schema.h"

#include <QHash>

namespace careround {

bool CarePlanRepository::isOpenStep(const QString &status)
{
    return status == QLatin1String("todo") || status == QLatin1String("in_progress");
}

QStringList CarePlanRepository::kinds()
{
    return {"client",      "carePlan", "goal",     "goalProgress", "actionStep",
            "contingency", "referral", "provider", "signature"};
}

CarePlanView CarePlanRepository::view(const QString &clientId, const QString &planId,
                                      const QDate &today)
{
    CarePlanView v;
    if (clientId.isEmpty())
        return v;
    v.unlinked = m_plans.unlinkedReferrals(clientId);
    const QString id = planId.isEmpty() ? m_plans.currentPlanId(clientId) : planId;
    const std::optional<Record> plan =
        id.isEmpty() ? std::nullopt : m_records.find(Schema::kind(QStringLiteral("carePlan")), id);
    if (!plan || plan->isVoided())
        return v;
    v.found = true;
    v.planId = plan->id;
    v.title = plan->text("title");
    v.status = plan->text("status");
    v.startDate = plan->text("startDate");
    v.reviewDate = plan->text("reviewDate");
    v.summary = plan->text("summary");
    v.sealed = m_records.isSealed(Schema::kind(QStringLiteral("carePlan")), *plan);
    v.signature = m_plans.signature(plan->id);

    QHash<QString, QVector<LinkedService>> services;
    for (const LinkedService &s : m_plans.linkedServices(plan->id))
        services[s.goalId].append(s);
    const QString planKey = QStringLiteral("carePlanId");
    for (const Record &g :
         m_records.findBy(Schema::kind(QStringLiteral("goal")), planKey, plan->id)) {
        if (g.isVoided())
            continue;
        CarePlanGoal goal{g.id,
                          g.text("statement"),
                          g.text("domain"),
                          g.text("measure"),
                          g.text("targetValue"),
                          g.text("targetDate"),
                          g.text("achievable"),
                          g.text("relevance"),
                          g.text("status"),
                          g.values.value(QLatin1String("progress")).toInt(),
                          missingSmartParts(g.values),
                          services.value(g.id),
                          {},
                          g.text("attainment"),
                          g.text("attainmentOn")};
        // In id order, which is the order they were recorded (UUIDv7 ids are time-ordered).
        for (const Record &p : m_records.findBy(Schema::kind(QStringLiteral("goalProgress")),
                                                QStringLiteral("goalId"), g.id))
            goal.history.append({p.id, p.values.value(QLatin1String("value")).toInt(),
                                 p.text("note"), p.text("recordedAt")});
        if (goal.missing.isEmpty())
            ++v.smartGoals;
        v.goals.append(goal);
    }
    for (const Record &s :
         m_records.findBy(Schema::kind(QStringLiteral("actionStep")), planKey, plan->id)) {
        if (s.isVoided())
            continue;
        const QString status = s.text("status");
        const QDate due = QDate::fromString(s.text("dueDate"), Qt::ISODate);
        v.steps.append({s.id, s.text("goalId"), s.text("description"), s.text("owner"),
                        s.text("dueDate"), status,
                        isOpenStep(status) && due.isValid() && due < today});
    }
    for (const Record &c :
         m_records.findBy(Schema::kind(QStringLiteral("contingency")), planKey, plan->id))
        if (!c.isVoided())
            v.contingencies.append({c.id, c.text("barrier"), c.text("alternative")});
    return v;
}

} // namespace careround
