#include "visitcontroller.h"

#include "devicestore.h"
#include "localeditor.h"
#include "schema.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

namespace careround {

namespace {

const EntityDef &def(const char *entity)
{
    return *Schema::instance().entity(QString::fromLatin1(entity));
}

QString text(const Record &r, const char *field)
{
    return r.values.value(QLatin1String(field)).toString();
}

QString humanStatus(const QString &status)
{
    QString s = status;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

QString dateText(const QDate &day)
{
    return QLocale().toString(day, QStringLiteral("ddd d MMM yyyy"));
}

/** A stored UTC time for people: "14:05" on the day, else "Mon 16 Nov 2026, 14:05". */
QString timeText(const QString &isoUtc, const QDate &today)
{
    if (isoUtc.isEmpty())
        return {};
    const QDateTime when = QDateTime::fromString(isoUtc, Qt::ISODate).toLocalTime();
    const QString time = QLocale().toString(when.time(), QStringLiteral("HH:mm"));
    return when.date() == today ? time : dateText(when.date()) + QStringLiteral(", ") + time;
}

/** The statuses a record may move to from its own (its own first), as {value, label} maps. */
QVariantList statusOptions(const EntityDef &entity, const QString &current)
{
    QStringList values{current};
    for (const QString &to : entity.transitions.value(current))
        if (!values.contains(to))
            values.append(to);
    QVariantList options;
    for (const QString &v : values)
        options.append(QVariantMap{{"value", v}, {"label", humanStatus(v)}});
    return options;
}

template <typename Less> QVector<Record> sorted(QVector<Record> records, Less less)
{
    records.erase(std::remove_if(records.begin(), records.end(),
                                 [](const Record &r) { return r.isVoided(); }),
                  records.end());
    std::sort(records.begin(), records.end(), less);
    return records;
}

} // namespace

VisitController::VisitController(QObject *parent)
    : QObject(parent), m_notes(new KeyedListModel(
                           {"recordId", "text", "whenText", "corrected", "correctionOf"}, this)),
      m_followUps(new KeyedListModel(
          {"recordId", "description", "dueText", "dueOn", "done", "linked", "overdue"}, this)),
      m_complaints(
          new KeyedListModel({"recordId", "subject", "description", "status", "statusOptions",
                              "resolution", "raisedText", "thisVisit", "actions"},
                             this)),
      m_satisfaction(new KeyedListModel({"recordId", "score", "comments", "whenText"}, this)),
      m_goals(new KeyedListModel(
          {"recordId", "statement", "target", "progress", "status", "statusOptions"}, this))
{}

void VisitController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::dataChanged, this, &VisitController::reload);
        connect(m_session, &Session::unlockedChanged, this, &VisitController::reload);
    }
    emit sessionChanged();
    reload();
}

void VisitController::setClientId(const QString &id)
{
    if (m_clientId == id)
        return;
    m_clientId = id;
    emit clientIdChanged();
    reload();
}

void VisitController::setVisitId(const QString &id)
{
    if (m_visitId == id)
        return;
    m_visitId = id;
    emit visitIdChanged();
    reload();
}

QString VisitController::statusText() const
{
    if (!m_hasVisit)
        return tr("Not started");
    QString s = humanStatus(m_status);
    if (m_sealed)
        s = tr("%1 · signed").arg(s);
    return s;
}

bool VisitController::canCheckIn() const
{
    return clientFound() && !m_sealed && (!m_hasVisit || m_status == QLatin1String("planned"));
}

QString VisitController::defaultDueDate() const
{
    return dueDateIn(7);
}

QString VisitController::dueDateIn(int days) const
{
    const QDate today = m_session ? m_session->today() : QDate::currentDate();
    return today.addDays(days).toString(Qt::ISODate);
}

void VisitController::setError(const QString &text)
{
    if (m_error == text)
        return;
    m_error = text;
    emit errorTextChanged();
}

void VisitController::clearError()
{
    setError({});
}

QString VisitController::now() const
{
    const qint64 ms = m_session && m_session->store() ? m_session->store()->wallMillis()
                                                      : QDateTime::currentMSecsSinceEpoch();
    // Whole seconds, in UTC, as every stored time.
    return QDateTime::fromMSecsSinceEpoch(ms - ms % 1000, Qt::UTC).toString(Qt::ISODate);
}

QString VisitController::coordinatorId() const
{
    return m_session && m_session->store()
               ? m_session->store()->meta().value(QStringLiteral("coordinatorId"))
               : QString();
}

template <typename Edit> bool VisitController::edit(Edit &&edit)
{
    if (!m_session || !m_session->editor()) {
        setError(tr("The store is locked"));
        return false;
    }
    try {
        edit(*m_session->editor());
    } catch (const StoreError &e) {
        setError(e.message());
        return false;
    }
    setError({});
    m_session->notifyDataChanged();
    return true;
}

bool VisitController::checkIn()
{
    if (!canCheckIn()) {
        setError(tr("This visit cannot be checked in"));
        return false;
    }
    const QString at = now();
    if (m_hasVisit)
        return edit([&](LocalEditor &e) {
            e.update(QStringLiteral("visit"), m_visitId,
                     {{"checkInAt", at}, {"status", "in_progress"}});
        });
    QString created;
    QJsonObject values{
        {"clientId", m_clientId}, {"plannedAt", at}, {"checkInAt", at}, {"status", "in_progress"}};
    if (!coordinatorId().isEmpty())
        values.insert(QStringLiteral("coordinatorId"), coordinatorId());
    if (!edit([&](LocalEditor &e) { created = e.create(QStringLiteral("visit"), values); }))
        return false;
    setVisitId(created);
    return true;
}

bool VisitController::checkOut()
{
    if (!canCheckOut()) {
        setError(tr("Check in before checking out"));
        return false;
    }
    const QString at = now();
    return edit([&](LocalEditor &e) {
        e.update(QStringLiteral("visit"), m_visitId, {{"checkOutAt", at}, {"status", "completed"}});
    });
}

bool VisitController::setPurpose(const QString &value)
{
    if (!m_hasVisit || value == m_purpose)
        return m_hasVisit;
    return edit([&](LocalEditor &e) {
        e.update(QStringLiteral("visit"), m_visitId, {{"purpose", value}});
    });
}

bool VisitController::setSummary(const QString &value)
{
    if (!m_hasVisit || value == m_summary)
        return m_hasVisit;
    return edit([&](LocalEditor &e) {
        e.update(QStringLiteral("visit"), m_visitId, {{"summary", value}});
    });
}

bool VisitController::addNote(const QString &value, const QString &correctsId)
{
    if (!m_hasVisit) {
        setError(tr("Check in before writing notes"));
        return false;
    }
    if (value.trimmed().isEmpty()) {
        setError(tr("Write the note first"));
        return false;
    }
    QJsonObject values{{"visitId", m_visitId},
                       {"clientId", m_clientId},
                       {"text", value.trimmed()},
                       {"writtenAt", now()}};
    if (!correctsId.isEmpty())
        values.insert(QStringLiteral("correctsId"), correctsId);
    if (!coordinatorId().isEmpty())
        values.insert(QStringLiteral("authorId"), coordinatorId());
    return edit([&](LocalEditor &e) { e.create(QStringLiteral("visitNote"), values); });
}

bool VisitController::addFollowUp(const QString &description, const QString &dueOn)
{
    if (!m_hasVisit) {
        setError(tr("Check in before adding follow-ups"));
        return false;
    }
    if (description.trimmed().isEmpty()) {
        setError(tr("Say what needs following up"));
        return false;
    }
    const QDate due = QDate::fromString(dueOn.trimmed(), Qt::ISODate);
    if (!due.isValid()) {
        setError(tr("Write the due date as year-month-day, for example %1").arg(dueDateIn(7)));
        return false;
    }
    return edit([&](LocalEditor &e) {
        e.create(QStringLiteral("followUp"), {{"clientId", m_clientId},
                                              {"visitId", m_visitId},
                                              {"description", description.trimmed()},
                                              {"dueOn", due.toString(Qt::ISODate)},
                                              {"status", "open"},
                                              {"priority", "normal"}});
    });
}

bool VisitController::setFollowUpDone(const QString &followUpId, bool done)
{
    const QString today = dueDateIn(0);
    return edit([&](LocalEditor &e) {
        e.update(QStringLiteral("followUp"), followUpId,
                 done ? QJsonObject{{"status", "done"}, {"doneOn", today}}
                      : QJsonObject{{"status", "open"}, {"doneOn", QJsonValue::Null}});
    });
}

bool VisitController::raiseComplaint(const QString &subject, const QString &description)
{
    if (!m_hasVisit) {
        setError(tr("Check in before recording a complaint"));
        return false;
    }
    if (subject.trimmed().isEmpty()) {
        setError(tr("Give the complaint a subject"));
        return false;
    }
    return edit([&](LocalEditor &e) {
        e.create(QStringLiteral("complaint"), {{"clientId", m_clientId},
                                               {"visitId", m_visitId},
                                               {"subject", subject.trimmed()},
                                               {"description", description.trimmed()},
                                               {"status", "open"},
                                               {"raisedOn", dueDateIn(0)}});
    });
}

bool VisitController::setComplaintStatus(const QString &complaintId, const QString &status)
{
    return edit([&](LocalEditor &e) {
        e.update(QStringLiteral("complaint"), complaintId, {{"status", status}});
    });
}

bool VisitController::setComplaintResolution(const QString &complaintId, const QString &value)
{
    for (const QVariantMap &row : m_complaints->rows())
        if (row.value("recordId").toString() == complaintId && row.value("resolution") == value)
            return true;
    return edit([&](LocalEditor &e) {
        e.update(QStringLiteral("complaint"), complaintId, {{"resolution", value}});
    });
}

bool VisitController::addComplaintAction(const QString &complaintId, const QString &description)
{
    if (description.trimmed().isEmpty()) {
        setError(tr("Say what step was taken"));
        return false;
    }
    QJsonObject values{{"complaintId", complaintId},
                       {"clientId", m_clientId},
                       {"description", description.trimmed()},
                       {"takenAt", now()}};
    if (!coordinatorId().isEmpty())
        values.insert(QStringLiteral("authorId"), coordinatorId());
    return edit([&](LocalEditor &e) { e.create(QStringLiteral("complaintAction"), values); });
}

bool VisitController::recordSatisfaction(int score, const QString &comments)
{
    if (!m_hasVisit) {
        setError(tr("Check in before asking about satisfaction"));
        return false;
    }
    if (score < 1 || score > 5) {
        setError(tr("Choose a score from 1 to 5"));
        return false;
    }
    return edit([&](LocalEditor &e) {
        e.create(QStringLiteral("satisfactionResponse"), {{"clientId", m_clientId},
                                                          {"visitId", m_visitId},
                                                          {"score", score},
                                                          {"comments", comments.trimmed()},
                                                          {"respondedAt", now()}});
    });
}

bool VisitController::setGoalProgress(const QString &goalId, int progress)
{
    for (const QVariantMap &row : m_goals->rows())
        if (row.value("recordId").toString() == goalId && row.value("progress").toInt() == progress)
            return true;
    return edit([&](LocalEditor &e) {
        e.update(QStringLiteral("goal"), goalId, {{"progress", progress}});
    });
}

bool VisitController::setGoalStatus(const QString &goalId, const QString &status)
{
    return edit([&](LocalEditor &e) {
        e.update(QStringLiteral("goal"), goalId, {{"status", status}});
    });
}

void VisitController::reload()
{
    m_hasVisit = m_sealed = false;
    m_clientName = m_clientPlace = m_status = m_times = m_purpose = m_summary = m_planTitle =
        QString();
    QVector<QVariantMap> notes, followUps, complaints, satisfaction, goals;
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (!store) {
        m_notes->setRows({});
        m_followUps->setRows({});
        m_complaints->setRows({});
        m_satisfaction->setRows({});
        m_goals->setRows({});
        emit changed();
        return;
    }
    RecordRepository &records = store->records();
    const QDate today = m_session->today();
    const std::optional<Record> visit =
        m_visitId.isEmpty() ? std::nullopt : records.find(def("visit"), m_visitId);
    if (visit && !visit->isVoided()) {
        m_hasVisit = true;
        if (m_clientId != text(*visit, "clientId")) {
            m_clientId = text(*visit, "clientId");
            emit clientIdChanged();
        }
        m_status = text(*visit, "status");
        m_purpose = text(*visit, "purpose");
        m_summary = text(*visit, "summary");
        m_sealed = records.isSealed(def("visit"), *visit);
        QStringList times;
        if (!text(*visit, "plannedAt").isEmpty())
            times.append(tr("Planned %1").arg(timeText(text(*visit, "plannedAt"), today)));
        if (!text(*visit, "checkInAt").isEmpty())
            times.append(tr("Checked in %1").arg(timeText(text(*visit, "checkInAt"), today)));
        if (!text(*visit, "checkOutAt").isEmpty())
            times.append(tr("Checked out %1").arg(timeText(text(*visit, "checkOutAt"), today)));
        m_times = times.join(QStringLiteral(" · "));
    }
    const std::optional<Record> client =
        m_clientId.isEmpty() ? std::nullopt : records.find(def("client"), m_clientId);
    if (client) {
        m_clientName = text(*client, "firstName") + QLatin1Char(' ') + text(*client, "lastName");
        QStringList place{text(*client, "address"), text(*client, "city")};
        place.removeAll(QString());
        m_clientPlace = place.join(QStringLiteral(", "));
    }

    if (m_hasVisit) {
        const QVector<Record> all =
            sorted(records.findBy(def("visitNote"), QStringLiteral("visitId"), m_visitId),
                   [](const Record &x, const Record &y) {
                       return std::make_pair(text(x, "writtenAt"), x.id) <
                              std::make_pair(text(y, "writtenAt"), y.id);
                   });
        QHash<QString, QString> whenById;
        QSet<QString> corrected;
        for (const Record &n : all) {
            whenById.insert(n.id, timeText(text(n, "writtenAt"), today));
            if (!text(n, "correctsId").isEmpty())
                corrected.insert(text(n, "correctsId"));
        }
        for (const Record &n : all) {
            const QString of = text(n, "correctsId");
            notes.append(
                QVariantMap{{"recordId", n.id},
                            {"text", text(n, "text")},
                            {"whenText", whenById.value(n.id)},
                            {"corrected", corrected.contains(n.id)},
                            {"correctionOf",
                             of.isEmpty() ? QString()
                                          : tr("Corrects the note of %1")
                                                .arg(whenById.value(of, tr("another visit")))}});
        }

        for (const Record &r : sorted(
                 records.findBy(def("satisfactionResponse"), QStringLiteral("visitId"), m_visitId),
                 [](const Record &x, const Record &y) {
                     return text(x, "respondedAt") < text(y, "respondedAt");
                 }))
            satisfaction.append(
                QVariantMap{{"recordId", r.id},
                            {"score", r.values.value(QLatin1String("score")).toInt()},
                            {"comments", text(r, "comments")},
                            {"whenText", timeText(text(r, "respondedAt"), today)}});
    }

    if (client) {
        // Follow-ups of this visit, and the client's other open ones (to close during the visit).
        for (const Record &f :
             sorted(records.findBy(def("followUp"), QStringLiteral("clientId"), m_clientId),
                    [](const Record &x, const Record &y) {
                        return std::make_pair(text(x, "dueOn"), x.id) <
                               std::make_pair(text(y, "dueOn"), y.id);
                    })) {
            const bool linked = m_hasVisit && text(f, "visitId") == m_visitId;
            const QString status = text(f, "status");
            if (status == QLatin1String("cancelled") ||
                (!linked && status != QLatin1String("open")))
                continue;
            const QDate due = QDate::fromString(text(f, "dueOn"), Qt::ISODate);
            const bool done = status == QLatin1String("done");
            followUps.append(QVariantMap{
                {"recordId", f.id},
                {"description", text(f, "description")},
                {"dueOn", text(f, "dueOn")},
                {"dueText", done ? tr("Done %1").arg(
                                       dateText(QDate::fromString(text(f, "doneOn"), Qt::ISODate)))
                            : due < today  ? tr("Overdue since %1").arg(dateText(due))
                            : due == today ? tr("Due today")
                                           : tr("Due %1").arg(dateText(due))},
                {"done", done},
                {"linked", linked},
                {"overdue", !done && due < today}});
        }

        // Complaints raised during this visit, and the client's unresolved ones.
        const EntityDef &complaintDef = def("complaint");
        for (const Record &c :
             sorted(records.findBy(complaintDef, QStringLiteral("clientId"), m_clientId),
                    [](const Record &x, const Record &y) {
                        return std::make_pair(text(x, "raisedOn"), x.id) <
                               std::make_pair(text(y, "raisedOn"), y.id);
                    })) {
            const bool thisVisit = m_hasVisit && text(c, "visitId") == m_visitId;
            const QString status = text(c, "status");
            if (!thisVisit && status != QLatin1String("open") &&
                status != QLatin1String("investigating"))
                continue;
            QVariantList actions;
            for (const Record &a :
                 sorted(records.findBy(def("complaintAction"), QStringLiteral("complaintId"), c.id),
                        [](const Record &x, const Record &y) {
                            return text(x, "takenAt") < text(y, "takenAt");
                        }))
                actions.append(QVariantMap{{"text", text(a, "description")},
                                           {"whenText", timeText(text(a, "takenAt"), today)}});
            const QVariantList options = statusOptions(complaintDef, status);
            complaints.append(QVariantMap{
                {"recordId", c.id},
                {"subject", text(c, "subject")},
                {"description", text(c, "description")},
                {"status", status},
                {"statusOptions", options},
                {"resolution", text(c, "resolution")},
                {"raisedText",
                 tr("Raised %1")
                     .arg(dateText(QDate::fromString(text(c, "raisedOn"), Qt::ISODate)))},
                {"thisVisit", thisVisit},
                {"actions", actions}});
        }

        // The current plan's goals: the active plan, else the newest draft.
        std::optional<Record> plan;
        for (const Record &p :
             records.findBy(def("carePlan"), QStringLiteral("clientId"), m_clientId)) {
            const QString status = text(p, "status");
            if (p.isVoided() ||
                (status != QLatin1String("active") && status != QLatin1String("draft")))
                continue;
            if (!plan || status == QLatin1String("active") ||
                (text(*plan, "status") == QLatin1String("draft") && p.id > plan->id))
                plan = p;
        }
        if (plan) {
            m_planTitle = text(*plan, "title");
            const EntityDef &goalDef = def("goal");
            for (const Record &g :
                 sorted(records.findBy(goalDef, QStringLiteral("carePlanId"), plan->id),
                        [](const Record &x, const Record &y) { return x.id < y.id; })) {
                const QVariantList options = statusOptions(goalDef, text(g, "status"));
                const QString target =
                    text(g, "measure").isEmpty()
                        ? QString()
                        : tr("%1: %2 by %3")
                              .arg(text(g, "measure"), text(g, "targetValue"),
                                   dateText(QDate::fromString(text(g, "targetDate"), Qt::ISODate)));
                goals.append(
                    QVariantMap{{"recordId", g.id},
                                {"statement", text(g, "statement")},
                                {"target", target},
                                {"progress", g.values.value(QLatin1String("progress")).toInt()},
                                {"status", text(g, "status")},
                                {"statusOptions", options}});
            }
        }
    }
    m_notes->setRows(notes);
    m_followUps->setRows(followUps);
    m_complaints->setRows(complaints);
    m_satisfaction->setRows(satisfaction);
    m_goals->setRows(goals);
    emit changed();
}

} // namespace careround
