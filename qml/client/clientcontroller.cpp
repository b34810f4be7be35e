#include "clientcontroller.h"

#include "devicestore.h"
#include "localeditor.h"
#include "recordinput.h"
#include "recordvalidator.h"

namespace careround {

ClientController::ClientController(QObject *parent)
    : ScreenController(ClientRepository::kinds(), parent)
{}

void ClientController::setClientId(const QString &id)
{
    if (m_clientId == id)
        return;
    m_clientId = id;
    watchClient(id);
    emit clientIdChanged();
    reload();
}

void ClientController::load()
{
    m_fullName = m_facts = m_phone = m_address = m_statusText = m_status = m_statusReason =
        m_notes = QString();
    m_planSigned = false;
    m_followUps.clear();
    m_complaints.clear();
    m_consents.clear();
    m_riskFlags.clear();
    m_contacts.clear();
    m_planTitle = m_planFacts = m_planId = m_assessmentId = QString();
    m_goals.clear();
    m_history.clear();
    DeviceStore *store = ScreenController::store();
    const ClientOverview o =
        store ? store->clients().overview(m_clientId, ScreenController::today()) : ClientOverview{};
    m_found = o.found;
    if (!o.found) {
        emit changed();
        return;
    }
    const QDate today = ScreenController::today();
    m_fullName = o.firstName + QLatin1Char(' ') + o.lastName;
    QStringList facts;
    const QDate born = QDate::fromString(o.dateOfBirth, Qt::ISODate);
    if (born.isValid()) {
        int age = today.year() - born.year();
        if (today < born.addYears(age))
            --age;
        facts.append(tr("Age %1 (born %2)").arg(age).arg(RecordInput::dateText(o.dateOfBirth)));
    }
    if (!o.language.isEmpty())
        facts.append(tr("Speaks %1").arg(o.language));
    if (o.livesAlone)
        facts.append(tr("Lives alone"));
    m_facts = facts.join(QStringLiteral(" · "));
    m_phone = o.phone;
    m_address = QStringList({o.address, o.city, o.postalCode}).join(QStringLiteral(", "));
    m_status = o.status;
    m_statusText = RecordInput::label(o.status);
    if (!o.statusReason.isEmpty())
        m_statusReason =
            o.statusChangedOn.isEmpty()
                ? o.statusReason
                : tr("%1 · %2").arg(o.statusReason, RecordInput::dateText(o.statusChangedOn));
    m_notes = o.notes;
    m_riskFlags = o.riskFlags;
    for (const ContactEntry &c : o.contacts) {
        QStringList roles;
        if (c.caregiver)
            roles.append(tr("Caregiver"));
        if (c.emergencyContact)
            roles.append(tr("Emergency contact"));
        m_contacts.append(QVariantMap{{"id", c.id},
                                      {"name", c.name},
                                      {"relationship", RecordInput::label(c.relationship)},
                                      {"phone", c.phone},
                                      {"email", c.email},
                                      {"roles", roles.join(QStringLiteral(" · "))},
                                      {"notes", c.notes}});
    }
    if (!o.planId.isEmpty()) {
        m_planTitle = o.planTitle;
        m_planId = o.planId;
        QStringList planFacts{RecordInput::label(o.planStatus)};
        if (!o.planReviewDate.isEmpty())
            planFacts.append(tr("review %1").arg(RecordInput::momentText(o.planReviewDate)));
        planFacts.append(o.planSigned ? tr("signed") : tr("not signed yet"));
        m_planSigned = o.planSigned;
        m_planFacts = planFacts.join(QStringLiteral(" · "));
        for (const PlanGoalEntry &g : o.planGoals)
            m_goals.append(
                QVariantMap{{"statement", g.statement},
                            {"status", RecordInput::label(g.status)},
                            {"progress", g.progress},
                            {"target", tr("%1: %2 by %3")
                                           .arg(g.measure, g.targetValue,
                                                RecordInput::momentText(g.targetDate))}});
    }
    m_assessmentId = o.latestAssessmentId;
    for (const HistoryEntry &h : o.history) {
        if (h.kind == HistoryEntry::Kind::ContactLog) {
            m_history.append(
                QVariantMap{{"kind", "contact"},
                            {"id", h.id},
                            {"title", tr("%1 with %2").arg(RecordInput::label(h.status), h.title)},
                            {"when", RecordInput::momentText(h.when)},
                            {"status", QString()},
                            {"detail", h.summary}});
            continue;
        }
        if (h.kind == HistoryEntry::Kind::Visit) {
            m_history.append(QVariantMap{{"kind", "visit"},
                                         {"id", h.id},
                                         {"title", h.title.isEmpty() ? tr("Visit") : h.title},
                                         {"when", RecordInput::momentText(h.when)},
                                         {"status", RecordInput::label(h.status)},
                                         {"detail", h.summary}});
            continue;
        }
        QStringList scores;
        for (const InstrumentResult &r : h.scores) {
            const QString name =
                Instruments::text(r.instrument->name).section(QLatin1Char(' '), 0, 0);
            scores.append(r.score.complete ? tr("%1 %2/%3 (%4)")
                                                 .arg(name)
                                                 .arg(r.score.score)
                                                 .arg(r.instrument->maxScore())
                                                 .arg(Instruments::text(r.score.bandLabel))
                                           : tr("%1: %2 of %3 answered")
                                                 .arg(name)
                                                 .arg(r.score.answered)
                                                 .arg(r.instrument->items.size()));
        }
        m_history.append(
            QVariantMap{{"kind", "assessment"},
                        {"id", h.id},
                        {"title", tr("%1 assessment").arg(RecordInput::label(h.title))},
                        {"when", RecordInput::momentText(h.when)},
                        {"status", RecordInput::label(h.status)},
                        {"detail", scores.join(QStringLiteral(" · "))}});
    }
    for (const FollowUpEntry &f : o.followUps)
        m_followUps.append(QVariantMap{
            {"id", f.id},
            {"description", f.description},
            {"due", f.overdue ? tr("Overdue since %1").arg(RecordInput::dateText(f.dueOn))
                              : tr("Due %1").arg(RecordInput::dateText(f.dueOn))},
            {"overdue", f.overdue},
            {"priority",
             RecordInput::label(f.priority.isEmpty() ? QStringLiteral("normal") : f.priority)}});
    for (const ComplaintEntry &c : o.complaints) {
        QStringList detail{RecordInput::label(c.status)};
        if (!c.providerName.isEmpty())
            detail.append(tr("about %1").arg(c.providerName));
        if (!c.handledBy.isEmpty())
            detail.append(tr("handled by %1").arg(c.handledBy));
        if (c.open && !c.dueOn.isEmpty())
            detail.append(tr("due %1").arg(RecordInput::dateText(c.dueOn)));
        if (!c.escalation.isEmpty() && c.escalation != QLatin1String("none"))
            detail.append(tr("escalated: %1").arg(RecordInput::label(c.escalation).toLower()));
        m_complaints.append(QVariantMap{{"id", c.id},
                                        {"subject", c.subject},
                                        {"status", c.status},
                                        {"detail", detail.join(QStringLiteral(" · "))},
                                        {"open", c.open}});
    }
    using CareRules::ConsentState;
    for (const ConsentEntry &c : o.consents) {
        QString state, stateText;
        switch (c.state) {
        case ConsentState::Valid:
            state = QStringLiteral("valid");
            stateText = tr("In force until %1").arg(RecordInput::dateText(c.validUntil));
            break;
        case ConsentState::Expired:
            state = QStringLiteral("expired");
            stateText =
                tr("Expired %1: ask for a new consent").arg(RecordInput::dateText(c.validUntil));
            break;
        case ConsentState::NotYet:
            state = QStringLiteral("notYet");
            stateText = tr("Signed; in force from %1").arg(RecordInput::dateText(c.validFrom));
            break;
        case ConsentState::Unsigned:
            state = QStringLiteral("unsigned");
            stateText = tr("Not signed yet: nothing may be shared");
            break;
        case ConsentState::Revoked:
            state = QStringLiteral("revoked");
            stateText = tr("Revoked");
            break;
        }
        m_consents.append(
            QVariantMap{{"id", c.id},
                        {"recipient", c.recipient},
                        {"shares", c.shares.join(QStringLiteral(", "))},
                        {"dates", tr("%1 to %2")
                                      .arg(RecordInput::dateText(c.validFrom),
                                           RecordInput::dateText(c.validUntil))},
                        {"state", state},
                        {"stateText", stateText},
                        {"canSign", !c.isSigned && c.state != ConsentState::Revoked},
                        {"canRevoke", c.isSigned && c.state != ConsentState::Revoked}});
    }
    emit changed();
}

QString ClientController::createClient(const QString &firstName, const QString &lastName,
                                       const QString &dateOfBirth, const QString &phone,
                                       const QString &address, const QString &city,
                                       const QString &language)
{
    Session *session = ScreenController::session();
    if (!session || !session->editor()) {
        setError(tr("The tablet is locked."));
        return {};
    }
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
    if (session->role() != QLatin1String("supervisor") &&
        RecordValidator::isUuid(session->editor()->actorId()))
        values.insert(QStringLiteral("coordinatorId"), session->editor()->actorId());
    QString id;
    if (!edit([&](LocalEditor &e) { id = e.create(QStringLiteral("client"), values); })) {
        QString message = errorText();
        if (message.contains(QLatin1String("dateOfBirth")))
            message = tr("The date of birth must be a date like 1941-12-10.");
        else if (message.contains(QLatin1String("firstName")) ||
                 message.contains(QLatin1String("lastName")))
            message = tr("Enter the client's first and last name.");
        setError(message);
    }
    return id;
}

} // namespace careround
