#include "visitcontroller.h"

#include "devicestore.h"
#include "goalprogress.h"
#include "localeditor.h"
#include "recordinput.h"
#include "schema.h"

namespace careround {

namespace {

const EntityDef &def(const QString &entity)
{
    return *Schema::instance().entity(entity);
}

} // namespace

VisitController::VisitController(QObject *parent)
    : ScreenController(VisitRepository::kinds(), parent),
      m_notes(
          new KeyedListModel({"recordId", "text", "whenText", "corrected", "correctionOf"}, this)),
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
    if (!m_view.hasVisit)
        return tr("Not started");
    QString s = RecordInput::label(m_view.status);
    if (m_view.sealed)
        s = tr("%1 · signed").arg(s);
    return s;
}

bool VisitController::canCheckIn() const
{
    return clientFound() && !m_view.sealed &&
           (!m_view.hasVisit || m_view.status == QLatin1String("planned"));
}

QString VisitController::defaultDueDate() const
{
    return dueDateIn(7);
}

QString VisitController::dueDateIn(int days) const
{
    return today().addDays(days).toString(Qt::ISODate);
}

QString VisitController::now() const
{
    const qint64 ms = store() ? store()->wallMillis() : QDateTime::currentMSecsSinceEpoch();
    // Whole seconds, in UTC, as every stored time.
    return QDateTime::fromMSecsSinceEpoch(ms - ms % 1000, Qt::UTC).toString(Qt::ISODate);
}

QString VisitController::coordinatorId() const
{
    return store() ? store()->meta().value(QStringLiteral("coordinatorId")) : QString();
}

bool VisitController::checkIn()
{
    if (!canCheckIn()) {
        setError(tr("This visit cannot be checked in"));
        return false;
    }
    const QString at = now();
    if (m_view.hasVisit)
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

bool VisitController::addNote(const QString &value, const QString &correctsId)
{
    if (!m_view.hasVisit) {
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
    if (!m_view.hasVisit) {
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
    if (!m_view.hasVisit) {
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
    if (!m_view.hasVisit) {
        setError(tr("Check in before asking about satisfaction"));
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

bool VisitController::setField(const QString &entity, const QString &id, const QString &field,
                               const QVariant &value)
{
    static const QStringList kinds{"visit", "complaint", "goal", "followUp"};
    if (!kinds.contains(entity) || field == QLatin1String("voided")) {
        setError(tr("This cannot be changed during a visit"));
        return false;
    }
    QString error;
    const QJsonValue v = RecordInput::fromInput(def(entity), field, value, &error);
    if (v.isUndefined()) {
        setError(error);
        return false;
    }
    if (entity == QLatin1String("goal") && field == QLatin1String("progress")) {
        if (v.isNull())
            return false;
        for (const PlanGoalEntry &g : m_view.goals)
            if (g.id == id && g.progress == v.toInt())
                return true; // the slider let go where it was: no new update
        // Kept with the goal's other updates (the plan's trend), dated now.
        return edit([&](LocalEditor &e) {
            GoalProgress::record(e, id, m_clientId, v.toInt(), QString(),
                                 QDateTime::currentDateTimeUtc());
        });
    }
    // An unchanged value is no edit (LocalEditor skips it): a field left keeps its focus.
    return edit([&](LocalEditor &e) { e.update(entity, id, {{field, v}}); });
}

void VisitController::load()
{
    DeviceStore *store = ScreenController::store();
    const QDate today = ScreenController::today();
    m_view = store ? store->visits().view(m_visitId, m_clientId, today) : VisitView{};
    if (store && m_view.clientId != m_clientId) {
        m_clientId = m_view.clientId; // the visit's own client
        emit clientIdChanged();
    }
    watchClient(m_clientId);
    const VisitView &v = m_view;

    QStringList times;
    if (!v.plannedAt.isEmpty())
        times.append(tr("Planned %1").arg(RecordInput::timeText(v.plannedAt, today)));
    if (!v.checkInAt.isEmpty())
        times.append(tr("Checked in %1").arg(RecordInput::timeText(v.checkInAt, today)));
    if (!v.checkOutAt.isEmpty())
        times.append(tr("Checked out %1").arg(RecordInput::timeText(v.checkOutAt, today)));
    m_times = times.join(QStringLiteral(" · "));

    QVector<QVariantMap> notes, followUps, complaints, satisfaction, goals;
    QHash<QString, QString> whenById;
    for (const VisitNoteEntry &n : v.notes)
        whenById.insert(n.id, RecordInput::timeText(n.writtenAt, today));
    for (const VisitNoteEntry &n : v.notes)
        notes.append(QVariantMap{
            {"recordId", n.id},
            {"text", n.text},
            {"whenText", whenById.value(n.id)},
            {"corrected", n.corrected},
            {"correctionOf", n.correctsId.isEmpty()
                                 ? QString()
                                 : tr("Corrects the note of %1")
                                       .arg(whenById.value(n.correctsId, tr("another visit")))}});
    for (const SatisfactionEntry &r : v.satisfaction)
        satisfaction.append(QVariantMap{{"recordId", r.id},
                                        {"score", r.score},
                                        {"comments", r.comments},
                                        {"whenText", RecordInput::timeText(r.respondedAt, today)}});
    for (const VisitFollowUpEntry &f : v.followUps) {
        const QDate due = QDate::fromString(f.dueOn, Qt::ISODate);
        const QString dueText =
            f.done
                ? tr("Done %1").arg(RecordInput::dayText(QDate::fromString(f.doneOn, Qt::ISODate)))
            : f.overdue    ? tr("Overdue since %1").arg(RecordInput::dayText(due))
            : due == today ? tr("Due today")
                           : tr("Due %1").arg(RecordInput::dayText(due));
        followUps.append(QVariantMap{{"recordId", f.id},
                                     {"description", f.description},
                                     {"dueOn", f.dueOn},
                                     {"dueText", dueText},
                                     {"done", f.done},
                                     {"linked", f.linked},
                                     {"overdue", f.overdue}});
    }
    const EntityDef &complaintDef = def(QStringLiteral("complaint"));
    for (const VisitComplaintEntry &c : v.complaints) {
        QVariantList actions;
        for (const ComplaintActionEntry &a : c.actions)
            actions.append(QVariantMap{{"text", a.description},
                                       {"whenText", RecordInput::timeText(a.takenAt, today)}});
        complaints.append(QVariantMap{
            {"recordId", c.id},
            {"subject", c.subject},
            {"description", c.description},
            {"status", c.status},
            {"statusOptions", RecordInput::statusChoices(complaintDef, c.status)},
            {"resolution", c.resolution},
            {"raisedText",
             tr("Raised %1").arg(RecordInput::dayText(QDate::fromString(c.raisedOn, Qt::ISODate)))},
            {"thisVisit", c.thisVisit},
            {"actions", actions}});
    }
    const EntityDef &goalDef = def(QStringLiteral("goal"));
    for (const PlanGoalEntry &g : v.goals) {
        const QString target =
            g.measure.isEmpty()
                ? QString()
                : tr("%1: %2 by %3")
                      .arg(g.measure, g.targetValue,
                           RecordInput::dayText(QDate::fromString(g.targetDate, Qt::ISODate)));
        goals.append(QVariantMap{{"recordId", g.id},
                                 {"statement", g.statement},
                                 {"target", target},
                                 {"progress", g.progress},
                                 {"status", g.status},
                                 {"statusOptions", RecordInput::statusChoices(goalDef, g.status)}});
    }
    m_notes->setRows(notes);
    m_followUps->setRows(followUps);
    m_complaints->setRows(complaints);
    m_satisfaction->setRows(satisfaction);
    m_goals->setRows(goals);
    emit changed();
}

} // namespace careround
