#include "clientcontroller.h"

#include "localeditor.h"
#include "recordvalidator.h"

#include "devicestore.h"
#include "instruments.h"
#include "schema.h"

#include <QJsonArray>
#include <QLocale>

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

QString dateText(const QString &iso)
{
    if (iso.size() > 10) {
        const QDateTime when = QDateTime::fromString(iso, Qt::ISODate).toLocalTime();
        return QLocale().toString(when, QStringLiteral("d MMM yyyy, hh:mm"));
    }
    return QLocale().toString(QDate::fromString(iso, Qt::ISODate), QStringLiteral("d MMM yyyy"));
}

QString humanStatus(const QString &status)
{
    QString s = status;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

} // namespace

void ClientController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::dataChanged, this, &ClientController::reload);
    emit sessionChanged();
    reload();
}

void ClientController::setClientId(const QString &id)
{
    if (m_clientId == id)
        return;
    m_clientId = id;
    emit clientIdChanged();
    reload();
}

void ClientController::reload()
{
    m_found = false;
    m_fullName = m_facts = m_phone = m_address = m_status = m_notes = QString();
    m_riskFlags.clear();
    m_contacts.clear();
    m_planTitle = m_planFacts = m_planId = m_assessmentId = QString();
    m_goals.clear();
    m_history.clear();
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    const std::optional<Record> client = store && !m_clientId.isEmpty()
                                             ? store->records().find(def("client"), m_clientId)
                                             : std::nullopt;
    if (!client) {
        emit changed();
        return;
    }
    RecordRepository &records = store->records();
    const QDate today = m_session->today();
    m_found = true;
    m_fullName = text(*client, "firstName") + QLatin1Char(' ') + text(*client, "lastName");
    QStringList facts;
    const QDate born = QDate::fromString(text(*client, "dateOfBirth"), Qt::ISODate);
    if (born.isValid()) {
        int age = today.year() - born.year();
        if (today < born.addYears(age))
            --age;
        facts.append(tr("Age %1 (born %2)")
                         .arg(age)
                         .arg(QLocale().toString(born, QStringLiteral("d MMM yyyy"))));
    }
    if (!text(*client, "language").isEmpty())
        facts.append(tr("Speaks %1").arg(text(*client, "language")));
    if (client->values.value(QLatin1String("livesAlone")).toBool())
        facts.append(tr("Lives alone"));
    m_facts = facts.join(QStringLiteral(" · "));
    m_phone = text(*client, "phone");
    m_address =
        QStringList({text(*client, "address"), text(*client, "city"), text(*client, "postalCode")})
            .join(QStringLiteral(", "));
    m_status = humanStatus(text(*client, "status"));
    m_notes = text(*client, "notes");
    for (const QJsonValue &flag : client->values.value(QLatin1String("riskFlags")).toArray())
        m_riskFlags.append(flag.toString());

    for (const Record &c : records.findBy(def("contact"), QStringLiteral("clientId"), m_clientId)) {
        if (c.isVoided())
            continue;
        QStringList roles;
        if (c.values.value(QLatin1String("isCaregiver")).toBool())
            roles.append(tr("Caregiver"));
        if (c.values.value(QLatin1String("isEmergencyContact")).toBool())
            roles.append(tr("Emergency contact"));
        m_contacts.append(QVariantMap{{"name", text(c, "name")},
                                      {"relationship", humanStatus(text(c, "relationship"))},
                                      {"phone", text(c, "phone")},
                                      {"roles", roles.join(QStringLiteral(" · "))},
                                      {"notes", text(c, "notes")}});
    }

    // The current plan: the active one, else the newest draft.
    std::optional<Record> plan;
    for (const Record &p :
         records.findBy(def("carePlan"), QStringLiteral("clientId"), m_clientId)) {
        const QString status = text(p, "status");
        if (p.isVoided() || (status != QLatin1String("active") && status != QLatin1String("draft")))
            continue;
        if (!plan || status == QLatin1String("active"))
            plan = p;
    }
    if (plan) {
        const EntityDef &planDef = def("carePlan");
        m_planTitle = text(*plan, "title");
        m_planId = plan->id;
        QStringList planFacts{humanStatus(text(*plan, "status"))};
        if (!text(*plan, "reviewDate").isEmpty())
            planFacts.append(tr("review %1").arg(dateText(text(*plan, "reviewDate"))));
        planFacts.append(records.isSealed(planDef, *plan) ? tr("signed") : tr("not signed yet"));
        m_planFacts = planFacts.join(QStringLiteral(" · "));
        for (const Record &g :
             records.findBy(def("goal"), QStringLiteral("carePlanId"), plan->id)) {
            if (g.isVoided())
                continue;
            m_goals.append(
                QVariantMap{{"statement", text(g, "statement")},
                            {"status", humanStatus(text(g, "status"))},
                            {"progress", g.values.value(QLatin1String("progress")).toInt()},
                            {"target", tr("%1: %2 by %3")
                                           .arg(text(g, "measure"), text(g, "targetValue"),
                                                dateText(text(g, "targetDate")))}});
        }
    }

    // History: visits and assessments, newest first.
    struct Item {
        QString sortKey;
        QVariantMap map;
    };
    QVector<Item> items;
    for (const Record &v : records.findBy(def("visit"), QStringLiteral("clientId"), m_clientId)) {
        if (v.isVoided())
            continue;
        const QString when =
            text(v, "checkInAt").isEmpty() ? text(v, "plannedAt") : text(v, "checkInAt");
        items.append(
            {when,
             QVariantMap{{"kind", "visit"},
                         {"title", text(v, "purpose").isEmpty() ? tr("Visit") : text(v, "purpose")},
                         {"when", dateText(when)},
                         {"status", humanStatus(text(v, "status"))},
                         {"detail", text(v, "summary")}}});
    }
    for (const Record &a :
         records.findBy(def("assessment"), QStringLiteral("clientId"), m_clientId)) {
        if (a.isVoided())
            continue;
        m_assessmentId = a.id; // ids are time-ordered (UUIDv7): the last is the newest
        QHash<QString, QHash<QString, int>> answers;
        for (const Record &ans :
             records.findBy(def("assessmentAnswer"), QStringLiteral("assessmentId"), a.id))
            if (!ans.isVoided())
                answers[text(ans, "instrument")].insert(
                    text(ans, "item"), ans.values.value(QLatin1String("value")).toInt());
        QStringList scores;
        for (const Instrument &instrument : Instruments::all()) {
            if (!answers.contains(instrument.id))
                continue;
            const InstrumentScore s = Instruments::score(instrument, answers.value(instrument.id));
            scores.append(s.complete ? tr("%1 %2/%3 (%4)")
                                           .arg(instrument.name.section(QLatin1Char(' '), 0, 0))
                                           .arg(s.score)
                                           .arg(instrument.maxScore())
                                           .arg(s.bandLabel)
                                     : tr("%1: %2 of %3 answered")
                                           .arg(instrument.name.section(QLatin1Char(' '), 0, 0))
                                           .arg(s.answered)
                                           .arg(instrument.items.size()));
        }
        const QString when = text(a, "startedAt");
        items.append(
            {when, QVariantMap{{"kind", "assessment"},
                               {"title", tr("%1 assessment").arg(humanStatus(text(a, "kind")))},
                               {"when", dateText(when)},
                               {"status", humanStatus(text(a, "status"))},
                               {"detail", scores.join(QStringLiteral(" · "))}}});
    }
    std::sort(items.begin(), items.end(),
              [](const Item &x, const Item &y) { return x.sortKey > y.sortKey; });
    for (const Item &i : items)
        m_history.append(i.map);
    emit changed();
}

QString ClientController::createClient(const QString &firstName, const QString &lastName,
                                       const QString &dateOfBirth, const QString &phone,
                                       const QString &address, const QString &city,
                                       const QString &language)
{
    const auto fail = [this](const QString &text) {
        m_error = text;
        emit errorTextChanged();
        return QString();
    };
    if (!m_session || !m_session->editor())
        return fail(tr("The tablet is locked."));
    QJsonObject values{
        {"firstName", firstName.trimmed()}, {"lastName", lastName.trimmed()}, {"status", "active"}};
    const auto optional = [&values](const char *field, const QString &v) {
        if (!v.trimmed().isEmpty())
            values.insert(QLatin1String(field), v.trimmed());
    };
    optional("dateOfBirth", dateOfBirth);
    optional("phone", phone);
    optional("address", address);
    optional("city", city);
    optional("language", language);
    // A coordinator's new client joins their own caseload.
    if (m_session->role() != QLatin1String("supervisor") &&
        RecordValidator::isUuid(m_session->editor()->actorId()))
        values.insert(QStringLiteral("coordinatorId"), m_session->editor()->actorId());
    try {
        const QString id = m_session->editor()->create(QStringLiteral("client"), values);
        m_error.clear();
        emit errorTextChanged();
        m_session->notifyDataChanged();
        return id;
    } catch (const StoreError &e) {
        QString message = e.message();
        if (message.contains(QLatin1String("dateOfBirth")))
            message = tr("The date of birth must be a date like 1941-12-10.");
        else if (message.contains(QLatin1String("firstName")) ||
                 message.contains(QLatin1String("lastName")))
            message = tr("Enter the client's first and last name.");
        return fail(message);
    }
}

} // namespace careround
