#include "visitrepository.h"

#include "carerules.h"
#include "recordfields.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace careround {

using RecordFields::kind;
using RecordFields::text;

namespace {

/** The records not voided, ordered by a field and then by id. */
QVector<Record> live(QVector<Record> records, const char *orderField)
{
    records.erase(std::remove_if(records.begin(), records.end(),
                                 [](const Record &r) { return r.isVoided(); }),
                  records.end());
    std::sort(records.begin(), records.end(), [orderField](const Record &x, const Record &y) {
        return std::make_pair(text(x, orderField), x.id) <
               std::make_pair(text(y, orderField), y.id);
    });
    return records;
}

} // namespace

QStringList VisitRepository::kinds()
{
    return {"visit",    "client",    "visitNote",       "satisfactionResponse",
            "followUp", "complaint", "complaintAction", "carePlan",
            "goal",     "signature"};
}

VisitView VisitRepository::view(const QString &visitId, const QString &clientId, const QDate &today)
{
    VisitView v;
    v.clientId = clientId;
    const std::optional<Record> visit =
        visitId.isEmpty() ? std::nullopt : m_records.find(kind("visit"), visitId);
    if (visit && !visit->isVoided()) {
        v.hasVisit = true;
        v.visitId = visit->id;
        v.clientId = text(*visit, "clientId");
        v.status = text(*visit, "status");
        v.purpose = text(*visit, "purpose");
        v.summary = text(*visit, "summary");
        v.plannedAt = text(*visit, "plannedAt");
        v.checkInAt = text(*visit, "checkInAt");
        v.checkOutAt = text(*visit, "checkOutAt");
        v.sealed = m_records.isSealed(kind("visit"), *visit);
    }
    const std::optional<Record> client =
        v.clientId.isEmpty() ? std::nullopt : m_records.find(kind("client"), v.clientId);
    if (client) {
        v.clientFound = true;
        v.clientName = RecordFields::clientName(*client);
        QStringList place{text(*client, "address"), text(*client, "city")};
        place.removeAll(QString());
        v.clientPlace = place.join(QStringLiteral(", "));
    }

    if (v.hasVisit) {
        const QVector<Record> notes = live(
            m_records.findBy(kind("visitNote"), QStringLiteral("visitId"), v.visitId), "writtenAt");
        QSet<QString> corrected;
        for (const Record &n : notes)
            if (!text(n, "correctsId").isEmpty())
                corrected.insert(text(n, "correctsId"));
        for (const Record &n : notes)
            v.notes.append({n.id, text(n, "text"), text(n, "writtenAt"), text(n, "correctsId"),
                            corrected.contains(n.id)});
        for (const Record &r : live(m_records.findBy(kind("satisfactionResponse"),
                                                     QStringLiteral("visitId"), v.visitId),
                                    "respondedAt"))
            v.satisfaction.append({r.id, r.values.value(QLatin1String("score")).toInt(),
                                   text(r, "comments"), text(r, "respondedAt")});
    }
    if (!client)
        return v;

    // Follow-ups of this visit, and the client's other open ones (to close during the visit).
    for (const Record &f : live(
             m_records.findBy(kind("followUp"), QStringLiteral("clientId"), v.clientId), "dueOn")) {
        const bool linked = v.hasVisit && text(f, "visitId") == v.visitId;
        const QString status = text(f, "status");
        if (status == QLatin1String("cancelled") || (!linked && status != QLatin1String("open")))
            continue;
        const bool done = status == QLatin1String("done");
        v.followUps.append({f.id, text(f, "description"), text(f, "dueOn"), text(f, "doneOn"), done,
                            linked, CareRules::isOverdueFollowUp(status, text(f, "dueOn"), today)});
    }

    // Complaints raised during this visit, and the client's open ones.
    for (const Record &c :
         live(m_records.findBy(kind("complaint"), QStringLiteral("clientId"), v.clientId),
              "raisedOn")) {
        const bool thisVisit = v.hasVisit && text(c, "visitId") == v.visitId;
        const QString status = text(c, "status");
        if (!thisVisit && !CareRules::isOpenComplaint(status))
            continue;
        VisitComplaintEntry entry{c.id,
                                  text(c, "subject"),
                                  text(c, "description"),
                                  status,
                                  text(c, "resolution"),
                                  text(c, "raisedOn"),
                                  thisVisit,
                                  {}};
        for (const Record &a :
             live(m_records.findBy(kind("complaintAction"), QStringLiteral("complaintId"), c.id),
                  "takenAt"))
            entry.actions.append({text(a, "description"), text(a, "takenAt")});
        v.complaints.append(entry);
    }

    // The goals of the current plan.
    v.planId = m_plans.currentPlanId(v.clientId);
    if (const std::optional<Record> plan =
            v.planId.isEmpty() ? std::nullopt : m_records.find(kind("carePlan"), v.planId)) {
        v.planTitle = text(*plan, "title");
        for (const Record &g :
             live(m_records.findBy(kind("goal"), QStringLiteral("carePlanId"), plan->id), "id"))
            v.goals.append({g.id, text(g, "statement"), text(g, "measure"), text(g, "targetValue"),
                            text(g, "targetDate"), text(g, "status"),
                            g.values.value(QLatin1String("progress")).toInt()});
    }
    return v;
}

} // namespace careround
