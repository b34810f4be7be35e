#include "clientrepository.h"

#include "recordfields.h"

#include <QJsonArray>

#include <algorithm>

namespace careround {

using RecordFields::kind;
using RecordFields::text;

QStringList ClientRepository::kinds()
{
    return {"client",  "contact",          "carePlan", "goal",      "signature",
            "visit",   "assessment",       "followUp", "complaint", "contactLog",
            "consent", "assessmentAnswer", "provider"};
}

QVector<ConsentEntry> ClientRepository::consents(RecordRepository &records, const QString &clientId,
                                                 const QDate &today)
{
    const EntityDef &def = kind("consent");
    QVector<Record> found = records.findBy(def, QStringLiteral("clientId"), clientId);
    std::reverse(found.begin(), found.end()); // ids are time-ordered: newest first
    QVector<ConsentEntry> out;
    for (const Record &c : found) {
        if (c.isVoided())
            continue;
        ConsentEntry e{c.id,
                       text(c, "recipient"),
                       text(c, "providerId"),
                       text(c, "purpose"),
                       text(c, "validFrom"),
                       text(c, "validUntil"),
                       text(c, "status"),
                       {},
                       records.isSealed(def, c)};
        for (const auto &v : c.values.value(QLatin1String("shares")).toArray())
            e.shares.append(v.toString());
        e.state = CareRules::consentState(e.status, e.isSigned, e.validFrom, e.validUntil, today);
        out.append(e);
    }
    return out;
}

ClientOverview ClientRepository::overview(const QString &clientId, const QDate &today)
{
    ClientOverview o;
    const std::optional<Record> client =
        clientId.isEmpty() ? std::nullopt : m_records.find(kind("client"), clientId);
    if (!client)
        return o;
    o.found = true;
    o.id = client->id;
    o.firstName = text(*client, "firstName");
    o.lastName = text(*client, "lastName");
    o.dateOfBirth = text(*client, "dateOfBirth");
    o.language = text(*client, "language");
    o.phone = text(*client, "phone");
    o.address = text(*client, "address");
    o.city = text(*client, "city");
    o.postalCode = text(*client, "postalCode");
    o.status = text(*client, "status");
    o.notes = text(*client, "notes");
    o.statusReason = text(*client, "statusReason");
    o.statusChangedOn = text(*client, "statusChangedOn");
    o.livesAlone = client->values.value(QLatin1String("livesAlone")).toBool();
    for (const auto &flag : client->values.value(QLatin1String("riskFlags")).toArray())
        o.riskFlags.append(flag.toString());

    for (const Record &c : m_records.findBy(kind("contact"), QStringLiteral("clientId"), clientId))
        if (!c.isVoided())
            o.contacts.append({c.id, text(c, "name"), text(c, "relationship"), text(c, "phone"),
                               text(c, "email"), text(c, "notes"),
                               c.values.value(QLatin1String("isCaregiver")).toBool(),
                               c.values.value(QLatin1String("isEmergencyContact")).toBool()});

    o.planId = m_plans.currentPlanId(clientId);
    if (const std::optional<Record> plan =
            o.planId.isEmpty() ? std::nullopt : m_records.find(kind("carePlan"), o.planId)) {
        o.planTitle = text(*plan, "title");
        o.planStatus = text(*plan, "status");
        o.planReviewDate = text(*plan, "reviewDate");
        o.planSigned = m_records.isSealed(kind("carePlan"), *plan);
        for (const Record &g :
             m_records.findBy(kind("goal"), QStringLiteral("carePlanId"), plan->id))
            if (!g.isVoided())
                o.planGoals.append({g.id, text(g, "statement"), text(g, "measure"),
                                    text(g, "targetValue"), text(g, "targetDate"),
                                    text(g, "status"),
                                    g.values.value(QLatin1String("progress")).toInt()});
    }

    for (const Record &v : m_records.findBy(kind("visit"), QStringLiteral("clientId"), clientId)) {
        if (v.isVoided())
            continue;
        HistoryEntry h;
        h.kind = HistoryEntry::Kind::Visit;
        h.id = v.id;
        h.when = text(v, "checkInAt").isEmpty() ? text(v, "plannedAt") : text(v, "checkInAt");
        h.title = text(v, "purpose");
        h.status = text(v, "status");
        h.summary = text(v, "summary");
        o.history.append(h);
    }
    for (const Record &a :
         m_records.findBy(kind("assessment"), QStringLiteral("clientId"), clientId)) {
        if (a.isVoided())
            continue;
        o.latestAssessmentId = a.id; // ids are time-ordered (UUIDv7): the last is the newest
        QHash<QString, QHash<QString, int>> answers;
        for (const Record &ans :
             m_records.findBy(kind("assessmentAnswer"), QStringLiteral("assessmentId"), a.id))
            if (!ans.isVoided())
                answers[text(ans, "instrument")].insert(
                    text(ans, "item"), ans.values.value(QLatin1String("value")).toInt());
        HistoryEntry h;
        h.kind = HistoryEntry::Kind::Assessment;
        h.id = a.id;
        h.when = text(a, "startedAt");
        h.title = text(a, "kind");
        h.status = text(a, "status");
        h.scores = Instruments::results(answers);
        o.history.append(h);
    }
    const auto ofClient = [&](const char *entity) {
        QVector<Record> out;
        for (Record &r : m_records.findBy(kind(entity), QStringLiteral("clientId"), clientId))
            if (!r.isVoided())
                out.append(std::move(r));
        return out;
    };
    for (const Record &c : ofClient("contactLog")) {
        HistoryEntry h;
        h.kind = HistoryEntry::Kind::ContactLog;
        h.id = c.id;
        h.when = text(c, "at");
        h.title = text(c, "withWhom");
        h.status = text(c, "channel");
        h.summary = text(c, "summary");
        o.history.append(h);
    }
    std::sort(o.history.begin(), o.history.end(),
              [](const HistoryEntry &x, const HistoryEntry &y) { return x.when > y.when; });

    for (const Record &f : ofClient("followUp"))
        if (text(f, "status") == QLatin1String("open"))
            o.followUps.append(
                {f.id, text(f, "description"), text(f, "dueOn"), text(f, "priority"),
                 CareRules::isOverdueFollowUp(text(f, "status"), text(f, "dueOn"), today)});
    std::sort(o.followUps.begin(), o.followUps.end(),
              [](const FollowUpEntry &x, const FollowUpEntry &y) { return x.dueOn < y.dueOn; });

    const auto providerName = [&](const QString &id) {
        const std::optional<Record> p =
            id.isEmpty() ? std::nullopt : m_records.find(kind("provider"), id);
        return p ? text(*p, "name") : QString();
    };
    for (const Record &c : ofClient("complaint"))
        o.complaints.append({c.id, text(c, "subject"), text(c, "status"),
                             providerName(text(c, "providerId")), text(c, "handledBy"),
                             text(c, "dueOn"), text(c, "escalation"), text(c, "raisedOn"),
                             CareRules::isOpenComplaint(text(c, "status"))});
    std::stable_sort(o.complaints.begin(), o.complaints.end(),
                     [](const ComplaintEntry &x, const ComplaintEntry &y) {
                         return std::make_pair(x.open, x.id) > std::make_pair(y.open, y.id);
                     });

    o.consents = consents(m_records, clientId, today);
    return o;
}

} // namespace careround
