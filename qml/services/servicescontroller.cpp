#include "servicescontroller.h"

#include "carerules.h"
#include "devicestore.h"
#include "localeditor.h"
#include "recordinput.h"

#include <QDateTime>

namespace careround {

namespace {

/** "Outcome: ... · your rating 4 of 5 · closed 3 Dec 2026", or empty before any is recorded. */
QString outcomeText(const ReferralEntry &r)
{
    QStringList parts;
    if (!r.outcome.isEmpty())
        parts.append(ServicesController::tr("Outcome: %1").arg(r.outcome));
    if (r.rating > 0)
        parts.append(ServicesController::tr("your rating %1 of 5").arg(r.rating));
    if (!r.closedOn.isEmpty())
        parts.append(ServicesController::tr("closed %1").arg(RecordInput::dateText(r.closedOn)));
    return parts.join(QStringLiteral(" · "));
}

bool isService(const QString &entity)
{
    return entity == QLatin1String("referral") || entity == QLatin1String("benefitApplication") ||
           entity == QLatin1String("appointment");
}

} // namespace

ServicesController::ServicesController(QObject *parent)
    : ScreenController(ServicesRepository::kinds(), parent),
      m_referrals(new KeyedListModel({"providerName", "providerDiscontinued", "serviceType",
                                      "goalId", "goalText", "status", "statusLabel",
                                      "statusChoices", "facts", "notes", "outcomeText"},
                                     this)),
      m_benefits(new KeyedListModel({"program", "status", "statusLabel", "statusChoices",
                                     "submittedOn", "decisionOn", "nextAction", "nextActionDue",
                                     "nextActionOverdue", "notes"},
                                    this)),
      m_appointments(
          new KeyedListModel({"title", "withWhom", "startsAt", "whenText", "location",
                              "transportArranged", "transportNotes", "preparationNotes", "status",
                              "statusLabel", "statusChoices", "needsTransport"},
                             this)),
      m_goals(new KeyedListModel({"label"}, this))
{}

void ServicesController::setClientId(const QString &id)
{
    if (m_clientId == id)
        return;
    m_clientId = id;
    watchClient(id);
    emit clientIdChanged();
    reload();
}

bool ServicesController::editForClient(const std::function<void(LocalEditor &)> &action)
{
    if (m_clientId.isEmpty() && session() && session()->editor()) {
        setError(tr("Choose a client first"));
        return false;
    }
    return edit(action);
}

void ServicesController::load()
{
    DeviceStore *store = ScreenController::store();
    const ServicesView view = store ? store->services().view(m_clientId, today()) : ServicesView{};
    m_clientName = view.clientName;
    QVector<QVariantMap> referrals, benefits, appointments;
    QVector<QVariantMap> goals{{{"rowId", QString()}, {"label", tr("No goal")}}};
    for (const ServiceGoalEntry &g : view.goals)
        goals.append({{"rowId", g.id}, {"label", g.statement}});

    const EntityDef &referralDef = Schema::kind(QStringLiteral("referral"));
    for (const ReferralEntry &r : view.referrals) {
        QStringList facts;
        if (!r.sentOn.isEmpty())
            facts.append(tr("sent %1").arg(RecordInput::dateText(r.sentOn)));
        if (!r.startedOn.isEmpty())
            facts.append(tr("started %1").arg(RecordInput::dateText(r.startedOn)));
        referrals.append(
            {{"rowId", r.id},
             {"providerName", r.providerKnown ? r.providerName : tr("Provider not on this device")},
             {"providerDiscontinued", r.providerDiscontinued},
             {"serviceType", r.serviceType},
             {"goalId", r.goalId},
             {"goalText", r.goalId.isEmpty() ? tr("Serves no goal yet")
                                             : tr("For the goal: %1").arg(r.goalStatement)},
             {"status", r.status},
             {"statusLabel", RecordInput::label(r.status)},
             {"statusChoices", RecordInput::statusChoices(referralDef, r.status)},
             {"facts", facts.join(QStringLiteral(" · "))},
             {"notes", r.notes},
             {"outcomeText", outcomeText(r)}});
    }

    const EntityDef &benefitDef = Schema::kind(QStringLiteral("benefitApplication"));
    for (const BenefitEntry &b : view.benefits)
        benefits.append({{"rowId", b.id},
                         {"program", b.program},
                         {"status", b.status},
                         {"statusLabel", RecordInput::label(b.status)},
                         {"statusChoices", RecordInput::statusChoices(benefitDef, b.status)},
                         {"submittedOn", b.submittedOn},
                         {"decisionOn", b.decisionOn},
                         {"nextAction", b.nextAction},
                         {"nextActionDue", b.nextActionDue},
                         {"nextActionOverdue", b.nextActionOverdue},
                         {"notes", b.notes}});

    const EntityDef &appointmentDef = Schema::kind(QStringLiteral("appointment"));
    for (const AppointmentEntry &a : view.appointments)
        appointments.append(
            {{"rowId", a.id},
             {"title", a.title},
             {"withWhom", a.withWhom},
             {"startsAt", RecordInput::dateTimeInput(a.startsAt)},
             {"whenText", RecordInput::dateTimeText(a.startsAt)},
             {"location", a.location},
             {"transportArranged", a.transportArranged},
             {"transportNotes", a.transportNotes},
             {"preparationNotes", a.preparationNotes},
             {"status", a.status},
             {"statusLabel", RecordInput::label(a.status)},
             {"statusChoices", RecordInput::statusChoices(appointmentDef, a.status)},
             {"needsTransport", a.needsTransport}});

    m_referrals->setRows(referrals);
    m_benefits->setRows(benefits);
    m_appointments->setRows(appointments);
    m_goals->setRows(goals);
    emit changed();
}

QString ServicesController::refer(const QString &providerId, const QString &goalId)
{
    DeviceStore *store = ScreenController::store();
    const auto provider = store ? store->directory().provider(providerId) : std::nullopt;
    if (!provider) {
        setError(tr("Choose a provider from the directory"));
        return {};
    }
    if (provider->isDiscontinued()) {
        setError(tr("%1 is discontinued: choose an active provider").arg(provider->name));
        return {};
    }
    QJsonObject values{{"clientId", m_clientId}, {"providerId", providerId}, {"status", "draft"}};
    if (!provider->serviceTypes.isEmpty())
        values.insert("serviceType", provider->serviceTypes.first());
    if (!goalId.isEmpty())
        values.insert("goalId", goalId);
    QString id;
    editForClient(
        [&](LocalEditor &editor) { id = editor.create(QStringLiteral("referral"), values); });
    return id;
}

QString ServicesController::addBenefit(const QString &program)
{
    if (program.trimmed().isEmpty()) {
        setError(tr("Name the benefit program"));
        return {};
    }
    QString id;
    editForClient([&](LocalEditor &editor) {
        id = editor.create(
            QStringLiteral("benefitApplication"),
            {{"clientId", m_clientId}, {"program", program.trimmed()}, {"status", "preparing"}});
    });
    return id;
}

QString ServicesController::addAppointment(const QString &title, const QString &when,
                                           const QString &location, const QString &withWhom)
{
    if (title.trimmed().isEmpty()) {
        setError(tr("Say what the appointment is for"));
        return {};
    }
    QString error;
    const QJsonValue startsAt = RecordInput::fromInput(Schema::kind(QStringLiteral("appointment")),
                                                       "startsAt", when, &error);
    if (startsAt.isUndefined()) {
        setError(error);
        return {};
    }
    QJsonObject values{{"clientId", m_clientId},
                       {"title", title.trimmed()},
                       {"startsAt", startsAt},
                       {"transportArranged", false},
                       {"status", "scheduled"}};
    if (!location.trimmed().isEmpty())
        values.insert("location", location.trimmed());
    if (!withWhom.trimmed().isEmpty())
        values.insert("withWhom", withWhom.trimmed());
    QString id;
    editForClient(
        [&](LocalEditor &editor) { id = editor.create(QStringLiteral("appointment"), values); });
    return id;
}

bool ServicesController::setField(const QString &entity, const QString &id, const QString &field,
                                  const QVariant &value)
{
    if (!isService(entity) || field == QLatin1String("voided") ||
        field == QLatin1String("clientId")) {
        setError(tr("This cannot be changed here"));
        return false;
    }
    const EntityDef &e = Schema::kind(entity);
    QString error;
    const QJsonValue v = RecordInput::fromInput(e, field, value, &error);
    if (v.isUndefined()) {
        setError(error);
        return false;
    }
    QJsonObject changes{{field, v}};
    DeviceStore *store = ScreenController::store();
    if (field == QLatin1String("status") && store) {
        // Moving on dates the step, unless a date is there already.
        const QString dateField = CareRules::statusDateField(entity, v.toString());
        const auto current = store->records().find(e, id);
        if (!dateField.isEmpty() && current &&
            current->values.value(dateField).toString().isEmpty())
            changes.insert(dateField, today().toString(Qt::ISODate));
    }
    return editForClient([&](LocalEditor &editor) { editor.update(entity, id, changes); });
}

} // namespace careround
