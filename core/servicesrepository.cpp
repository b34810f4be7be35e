#include "servicesrepository.h"

#include "clientrepository.h"
#include "schema.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace careround {

QStringList ServicesRepository::kinds()
{
    return {"client",      "carePlan", "goal",     "referral", "provider", "benefitApplication",
            "appointment", "consent",  "signature"};
}

ServicesView ServicesRepository::view(const QString &clientId, const QDate &today)
{
    ServicesView v;
    if (clientId.isEmpty())
        return v;
    const QString clientKey = QStringLiteral("clientId");
    if (const auto client = m_records.find(Schema::kind(QStringLiteral("client")), clientId))
        v.clientName = client->text("firstName") + QLatin1Char(' ') + client->text("lastName");

    QHash<QString, QString> goalStatement;
    const QString planId = m_plans.currentPlanId(clientId);
    for (const Record &g :
         m_records.findBy(Schema::kind(QStringLiteral("goal")), clientKey, clientId)) {
        if (g.isVoided())
            continue;
        goalStatement.insert(g.id, g.text("statement"));
        if (g.text("carePlanId") == planId)
            v.goals.append({g.id, g.text("statement")});
    }

    QSet<QString> consented; // providers with a consent in force today
    for (const ConsentEntry &c : ClientRepository::consents(m_records, clientId, today))
        if (c.state == CareRules::ConsentState::Valid && !c.providerId.isEmpty())
            consented.insert(c.providerId);
    for (const Record &r :
         m_records.findBy(Schema::kind(QStringLiteral("referral")), clientKey, clientId)) {
        if (r.isVoided())
            continue;
        ReferralEntry e;
        e.id = r.id;
        e.providerId = r.text("providerId");
        if (const auto provider = m_directory.provider(e.providerId)) {
            e.providerKnown = true;
            e.providerName = provider->name;
            e.providerDiscontinued = provider->isDiscontinued();
        }
        e.serviceType = r.text("serviceType");
        e.goalId = r.text("goalId");
        e.goalStatement = goalStatement.value(e.goalId);
        e.status = r.text("status");
        e.sentOn = r.text("sentOn");
        e.startedOn = r.text("startedOn");
        e.notes = r.text("notes");
        e.outcome = r.text("outcome");
        e.closedOn = r.text("closedOn");
        e.rating = r.values.value(QLatin1String("rating")).toInt();
        e.consentMissing = !consented.contains(e.providerId);
        v.referrals.append(e);
    }

    const EntityDef &benefitDef = Schema::kind(QStringLiteral("benefitApplication"));
    for (const Record &b : m_records.findBy(benefitDef, clientKey, clientId)) {
        if (b.isVoided())
            continue;
        const QString status = b.text("status");
        const QDate due = QDate::fromString(b.text("nextActionDue"), Qt::ISODate);
        // Open: the schema lets it move on.
        const bool open = !benefitDef.transitions.value(status).isEmpty();
        v.benefits.append({b.id, b.text("program"), status, b.text("submittedOn"),
                           b.text("decisionOn"), b.text("nextAction"), b.text("nextActionDue"),
                           open && due.isValid() && due <= today, b.text("notes")});
    }

    QVector<Record> apps =
        m_records.findBy(Schema::kind(QStringLiteral("appointment")), clientKey, clientId);
    apps.erase(
        std::remove_if(apps.begin(), apps.end(), [](const Record &r) { return r.isVoided(); }),
        apps.end());
    std::stable_sort(apps.begin(), apps.end(), [](const Record &a, const Record &b) {
        return a.text("startsAt") < b.text("startsAt");
    });
    for (const Record &a : apps) {
        const QString status = a.text("status");
        const bool transport = a.values.value(QLatin1String("transportArranged")).toBool();
        v.appointments.append({a.id, a.text("title"), a.text("withWhom"), a.text("startsAt"),
                               a.text("location"), transport, a.text("transportNotes"),
                               a.text("preparationNotes"), status,
                               status == QLatin1String("scheduled") && !transport});
    }
    return v;
}

} // namespace careround
