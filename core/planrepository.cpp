#include "planrepository.h"

namespace careround {

namespace {

bool blank(const QJsonObject &goal, const char *field)
{
    return goal.value(QLatin1String(field)).toString().trimmed().isEmpty();
}

} // namespace

QVector<SmartPart> missingSmartParts(const QJsonObject &goal)
{
    QVector<SmartPart> missing;
    if (blank(goal, "statement"))
        missing.append(SmartPart::Specific);
    if (blank(goal, "measure") || blank(goal, "targetValue"))
        missing.append(SmartPart::Measurable);
    if (blank(goal, "achievable"))
        missing.append(SmartPart::Achievable);
    if (blank(goal, "relevance"))
        missing.append(SmartPart::Relevant);
    if (blank(goal, "targetDate"))
        missing.append(SmartPart::TimeBound);
    return missing;
}

QVector<PlanHeader> PlanRepository::plans(const QString &clientId)
{
    SqliteStatement &st = m_db.prepare(QStringLiteral(
        "SELECT p.id, p.title, p.status, p.startDate, EXISTS (SELECT 1 FROM signature s WHERE "
        "s.recordId = p.id) FROM carePlan p WHERE p.clientId = ? AND ifnull(p.voided,0)=0 "
        "ORDER BY p.id DESC"));
    st.bindAll({clientId});
    QVector<PlanHeader> out;
    while (st.step())
        out.append({st.text(0), st.text(1), st.text(2), st.text(3), st.int64(4) != 0});
    st.reset();
    return out;
}

QString PlanRepository::currentPlanId(const QString &clientId)
{
    return m_db
        .scalar(QStringLiteral("SELECT id FROM carePlan WHERE clientId = ? AND "
                               "ifnull(voided,0)=0 AND status IN ('active','draft') "
                               "ORDER BY status = 'active' DESC, id DESC LIMIT 1"),
                {clientId})
        .toString();
}

std::optional<SignatureFacts> PlanRepository::signature(const QString &recordId)
{
    SqliteStatement &st = m_db.prepare(
        QStringLiteral("SELECT signerName, relationship, signedAt FROM signature WHERE recordId "
                       "= ? ORDER BY signedAt DESC LIMIT 1"));
    st.bindAll({recordId});
    std::optional<SignatureFacts> out;
    if (st.step())
        out = SignatureFacts{st.text(0), st.text(1), st.text(2)};
    st.reset();
    return out;
}

QVector<LinkedService> PlanRepository::services(const QString &where, const QString &key)
{
    SqliteStatement &st = m_db.prepare(
        QStringLiteral("SELECT r.id, r.goalId, ifnull(p.name,''), ifnull(r.serviceType,''), "
                       "r.status FROM referral r LEFT JOIN provider p ON p.id = r.providerId "
                       "WHERE ifnull(r.voided,0)=0 AND %1 ORDER BY r.id")
            .arg(where));
    st.bindAll({key});
    QVector<LinkedService> out;
    while (st.step())
        out.append({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4)});
    st.reset();
    return out;
}

QVector<LinkedService> PlanRepository::linkedServices(const QString &planId)
{
    return services(QStringLiteral("r.goalId IN (SELECT id FROM goal WHERE carePlanId = ?1)"),
                    planId);
}

QVector<LinkedService> PlanRepository::unlinkedReferrals(const QString &clientId)
{
    return services(QStringLiteral("r.clientId = ?1 AND r.goalId IS NULL AND r.status NOT IN "
                                   "('declined','closed','cancelled')"),
                    clientId);
}

} // namespace careround
