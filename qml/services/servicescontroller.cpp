#include "servicescontroller.h"

#include "devicestore.h"
#include "directoryrepository.h"
#include "localeditor.h"
#include "planrepository.h"
#include "recordinput.h"

#include <QDateTime>

#include <algorithm>

namespace careround {

namespace {

const EntityDef &def(const QString &entity)
{
    return *Schema::instance().entity(entity);
}

QString text(const Record &r, const char *field)
{
    return r.values.value(QLatin1String(field)).toString();
}

bool isService(const QString &entity)
{
    return entity == QLatin1String("referral") || entity == QLatin1String("benefitApplication") ||
           entity == QLatin1String("appointment");
}

} // namespace

ServicesController::ServicesController(QObject *parent)
    : ScreenController({"client", "carePlan", "goal", "referral", "provider", "benefitApplication",
                        "appointment"},
                       parent),
      m_referrals(new KeyedListModel({"providerName", "providerDiscontinued", "serviceType",
                                      "goalId", "goalText", "status", "statusLabel",
                                      "statusChoices", "facts", "notes"},
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
    QVector<QVariantMap> referrals, benefits, appointments;
    QVector<QVariantMap> goals{{{"rowId", QString()}, {"label", tr("No goal")}}};
    m_clientName.clear();
    if (store && !m_clientId.isEmpty()) {
        RecordRepository &records = store->records();
        DirectoryRepository &directory = store->directory();
        const QDate today = ScreenController::today();
        if (const auto client = records.find(def(QStringLiteral("client")), m_clientId))
            m_clientName =
                text(*client, "firstName") + QLatin1Char(' ') + text(*client, "lastName");

        QHash<QString, QString> goalText;
        const QString planId = store->plans().currentPlanId(m_clientId);
        for (const Record &g :
             records.findBy(def(QStringLiteral("goal")), QStringLiteral("clientId"), m_clientId)) {
            if (g.isVoided())
                continue;
            goalText.insert(g.id, text(g, "statement"));
            if (text(g, "carePlanId") == planId)
                goals.append({{"rowId", g.id}, {"label", text(g, "statement")}});
        }

        const EntityDef &refDef = def(QStringLiteral("referral"));
        for (const Record &r : records.findBy(refDef, QStringLiteral("clientId"), m_clientId)) {
            if (r.isVoided())
                continue;
            const auto provider = directory.provider(text(r, "providerId"));
            QStringList facts;
            if (!text(r, "sentOn").isEmpty())
                facts.append(tr("sent %1").arg(RecordInput::dateText(text(r, "sentOn"))));
            if (!text(r, "startedOn").isEmpty())
                facts.append(tr("started %1").arg(RecordInput::dateText(text(r, "startedOn"))));
            const QString goalId = text(r, "goalId");
            referrals.append(
                {{"rowId", r.id},
                 {"providerName", provider ? provider->name : tr("Provider not on this device")},
                 {"providerDiscontinued", provider && provider->isDiscontinued()},
                 {"serviceType", text(r, "serviceType")},
                 {"goalId", goalId},
                 {"goalText", goalId.isEmpty()
                                  ? tr("Serves no goal yet")
                                  : tr("For the goal: %1").arg(goalText.value(goalId))},
                 {"status", text(r, "status")},
                 {"statusLabel", RecordInput::label(text(r, "status"))},
                 {"statusChoices", RecordInput::statusChoices(refDef, text(r, "status"))},
                 {"facts", facts.join(QStringLiteral(" · "))},
                 {"notes", text(r, "notes")}});
        }

        const EntityDef &benDef = def(QStringLiteral("benefitApplication"));
        for (const Record &b : records.findBy(benDef, QStringLiteral("clientId"), m_clientId)) {
            if (b.isVoided())
                continue;
            const QString status = text(b, "status");
            const QDate due = QDate::fromString(text(b, "nextActionDue"), Qt::ISODate);
            const bool open = !benDef.transitions.value(status).isEmpty();
            benefits.append({{"rowId", b.id},
                             {"program", text(b, "program")},
                             {"status", status},
                             {"statusLabel", RecordInput::label(status)},
                             {"statusChoices", RecordInput::statusChoices(benDef, status)},
                             {"submittedOn", text(b, "submittedOn")},
                             {"decisionOn", text(b, "decisionOn")},
                             {"nextAction", text(b, "nextAction")},
                             {"nextActionDue", text(b, "nextActionDue")},
                             {"nextActionOverdue", open && due.isValid() && due <= today},
                             {"notes", text(b, "notes")}});
        }

        const EntityDef &appDef = def(QStringLiteral("appointment"));
        QVector<Record> apps = records.findBy(appDef, QStringLiteral("clientId"), m_clientId);
        std::sort(apps.begin(), apps.end(), [](const Record &a, const Record &b) {
            return text(a, "startsAt") < text(b, "startsAt");
        });
        for (const Record &a : apps) {
            if (a.isVoided())
                continue;
            const QString status = text(a, "status");
            const bool transport = a.values.value(QLatin1String("transportArranged")).toBool();
            appointments.append(
                {{"rowId", a.id},
                 {"title", text(a, "title")},
                 {"withWhom", text(a, "withWhom")},
                 {"startsAt", RecordInput::dateTimeInput(text(a, "startsAt"))},
                 {"whenText", RecordInput::dateTimeText(text(a, "startsAt"))},
                 {"location", text(a, "location")},
                 {"transportArranged", transport},
                 {"transportNotes", text(a, "transportNotes")},
                 {"preparationNotes", text(a, "preparationNotes")},
                 {"status", status},
                 {"statusLabel", RecordInput::label(status)},
                 {"statusChoices", RecordInput::statusChoices(appDef, status)},
                 {"needsTransport", status == QLatin1String("scheduled") && !transport}});
        }
    }
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
    const QJsonValue startsAt =
        RecordInput::fromInput(def(QStringLiteral("appointment")), "startsAt", when, &error);
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
    const EntityDef &e = def(entity);
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
        static const QHash<QString, QString> dated{{"referral/sent", "sentOn"},
                                                   {"referral/in_service", "startedOn"},
                                                   {"benefitApplication/submitted", "submittedOn"},
                                                   {"benefitApplication/approved", "decisionOn"},
                                                   {"benefitApplication/denied", "decisionOn"}};
        const QString dateField = dated.value(entity + QLatin1Char('/') + v.toString());
        const auto current = store->records().find(e, id);
        if (!dateField.isEmpty() && current &&
            current->values.value(dateField).toString().isEmpty())
            changes.insert(dateField, today().toString(Qt::ISODate));
    }
    return editForClient([&](LocalEditor &editor) { editor.update(entity, id, changes); });
}

} // namespace careround
