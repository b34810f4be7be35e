#include "clienthandout.h"

#include "exporttext.h"
#include "recordfields.h"

#include <QJsonArray>

#include <algorithm>

namespace careround {

using RecordFields::kind;

namespace {

QString ownerWords(const QString &owner)
{
    if (owner == QLatin1String("coordinator"))
        return QStringLiteral("Your coordinator");
    if (owner == QLatin1String("family"))
        return QStringLiteral("Your family");
    return QStringLiteral("Your provider");
}

} // namespace

std::optional<ClientHandout> ClientHandout::load(RecordSource &source, const QString &clientId,
                                                 const QString &planId, const QDateTime &now,
                                                 QString *error, int maxAppointments)
{
    const auto client = source.find(kind("client"), clientId);
    if (!client || client->isVoided()) {
        *error = QStringLiteral("No client has the id %1").arg(clientId);
        return std::nullopt;
    }
    ClientHandout h;
    h.clientName = ExportText::personName(*client);
    h.language = client->text("language");
    QStringList providerIds;
    QHash<QString, QString> providerNames;
    const auto providerName = [&](const QString &id) {
        if (id.isEmpty())
            return QString();
        if (!providerIds.contains(id))
            providerIds.append(id);
        if (!providerNames.contains(id)) {
            const auto p = source.find(kind("provider"), id);
            providerNames.insert(id, p ? p->text("name") : QString());
        }
        return providerNames.value(id);
    };

    if (const auto coordinator = source.find(kind("coordinator"), client->text("coordinatorId")))
        h.contacts.append({coordinator->text("name"), QStringLiteral("Your coordinator"),
                           coordinator->text("phone")});

    if (!planId.isEmpty())
        if (const auto plan = source.find(kind("carePlan"), planId); plan && !plan->isVoided()) {
            h.planTitle = plan->text("title");
            QVector<Record> steps =
                source.findBy(kind("actionStep"), QStringLiteral("carePlanId"), planId);
            for (const Record &g :
                 source.findBy(kind("goal"), QStringLiteral("carePlanId"), planId)) {
                if (g.isVoided() || g.text("status") == QLatin1String("dropped"))
                    continue;
                HandoutGoal goal{g.text("statement"), g.text("targetDate"), {}, {}};
                for (const Record &s : steps) {
                    if (s.isVoided() || s.text("goalId") != g.id ||
                        s.text("status") == QLatin1String("cancelled"))
                        continue;
                    const QString owner = s.text("owner");
                    if (owner == QLatin1String("client")) {
                        goal.clientDoes.append(s.text("description"));
                    } else {
                        const QString name = providerName(s.text("providerId"));
                        goal.othersDo.append((owner == QLatin1String("provider") && !name.isEmpty()
                                                  ? name
                                                  : ownerWords(owner)) +
                                             QStringLiteral(": ") + s.text("description"));
                    }
                }
                h.goals.append(goal);
            }
        }

    QVector<Record> appointments =
        source.findBy(kind("appointment"), QStringLiteral("clientId"), clientId);
    std::sort(appointments.begin(), appointments.end(), [](const Record &a, const Record &b) {
        return a.text("startsAt") < b.text("startsAt");
    });
    for (const Record &a : appointments) {
        const QDateTime starts = QDateTime::fromString(a.text("startsAt"), Qt::ISODate);
        if (a.isVoided() || a.text("status") != QLatin1String("scheduled") || starts < now)
            continue;
        providerName(a.text("providerId"));
        if (h.appointments.size() < maxAppointments)
            h.appointments.append({a.text("title"), a.text("withWhom"), a.text("startsAt"),
                                   a.text("location"),
                                   a.values.value(QLatin1String("transportArranged")).toBool(),
                                   a.text("transportNotes"), a.text("preparationNotes")});
    }
    for (const Record &r : source.findBy(kind("referral"), QStringLiteral("clientId"), clientId)) {
        const QString status = r.text("status");
        if (!r.isVoided() &&
            (status == QLatin1String("sent") || status == QLatin1String("accepted") ||
             status == QLatin1String("in_service")))
            providerName(r.text("providerId"));
    }
    for (const QString &id : providerIds)
        if (const auto p = source.find(kind("provider"), id)) {
            QStringList services;
            for (const auto &v : p->values.value(QLatin1String("serviceTypes")).toArray())
                services.append(ExportText::codeLabel(v.toString()));
            h.contacts.append(
                {p->text("name"), services.join(QStringLiteral(", ")), p->text("phone")});
        }
    return h;
}

} // namespace careround
