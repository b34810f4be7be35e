#include "exportservice.h"

#include "calendarevents.h"
#include "carerules.h"
#include "csvwriter.h"
#include "documentpdf.h"
#include "exporttext.h"
#include "icswriter.h"
#include "protocol.h"
#include "signeddocument.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace careround {

namespace {

const QString kFeedKey = QStringLiteral("calendar-feed:");      // + SHA-256 of a secret
const QString kFeedOfKey = QStringLiteral("calendar-feed-of:"); // + coordinator id

Record toRecord(const StoredRecord &s, bool withStamps = true)
{
    Record r;
    r.entity = s.entity;
    r.id = s.id;
    r.values = QJsonDocument::fromJson(s.values.toUtf8()).object();
    if (withStamps)
        Protocol::stampsFromJson(QJsonDocument::fromJson(s.stamps.toUtf8()).object(), r.stamps);
    return r;
}

QString secretHash(const QString &secret)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

/** Every record of a kind the scope allows, live (voided ones left out). */
QVector<Record> liveRecords(ServerStore &store, const QString &entity, const ReadScope &scope)
{
    QVector<Record> out;
    for (const StoredRecord &s : store.allOf(entity, scope)) {
        Record r = toRecord(s);
        if (!r.isVoided())
            out.append(std::move(r));
    }
    return out;
}

} // namespace

ExportService::ClientSource::ClientSource(ServerStore &store, const QString &clientId,
                                          bool withStamps, const RecordSet *shared)
    : m_store(store), m_shared(shared), m_withStamps(withStamps)
{
    // Read now, decoded on first use: on the thread that uses the source.
    qint64 cursor = 0;
    for (;;) {
        const QVector<StoredRecord> page = store.page(cursor, 1000, clientId, {}, withStamps);
        m_rows += page;
        if (page.size() < 1000)
            break;
        cursor = page.constLast().seq;
    }
}

void ExportService::ClientSource::decode()
{
    for (const StoredRecord &s : std::as_const(m_rows))
        m_set.add(toRecord(s, m_withStamps));
    m_rows = {};
    m_decoded = true;
}

const RecordSet &ExportService::ClientSource::records()
{
    if (!m_decoded)
        decode();
    return m_set;
}

std::optional<Record> ExportService::ClientSource::find(const EntityDef &def, const QString &id)
{
    if (!m_decoded)
        decode();
    if (auto r = m_set.find(def, id))
        return r;
    if (!def.clientField.isEmpty())
        return std::nullopt; // another client's: not this source's
    if (m_shared)
        return m_shared->lookup(def, id);
    auto loaded = m_store.load(def, id);
    if (loaded)
        m_set.add(*loaded);
    return loaded;
}

RecordSet ExportService::ClientSource::shared(ServerStore &store)
{
    RecordSet set;
    for (const EntityDef &def : Schema::instance().entities())
        if (def.replicated && def.clientField.isEmpty())
            for (const StoredRecord &s : store.allOf(def.name, {}))
                set.add(toRecord(s, false));
    return set;
}

QVector<Record> ExportService::ClientSource::findBy(const EntityDef &def, const QString &field,
                                                    const QString &value)
{
    if (!m_decoded)
        decode();
    return m_set.findBy(def, field, value);
}

QString ExportService::clientOf(const QString &recordId, QString *entity)
{
    for (const EntityDef &def : Schema::instance().entities()) {
        if (def.clientField.isEmpty() || !def.replicated)
            continue;
        QString clientId;
        if (m_store.load(def, recordId, &clientId)) {
            if (entity)
                *entity = def.name;
            return clientId;
        }
    }
    return {};
}

ExportResult ExportService::forbidden(const QString &what) const
{
    return ExportResult::failure(403, QStringLiteral("%1 is not on your caseload").arg(what));
}

ExportResult ExportService::pdf(const Caller &caller, const QString &recordId)
{
    QString entity;
    const QString clientId = clientOf(recordId, &entity);
    if (clientId.isEmpty())
        return ExportResult::failure(404, QStringLiteral("No record has the id %1").arg(recordId));
    if (!m_policy.mayReadClient(caller, clientId))
        return forbidden(QStringLiteral("The client of record %1").arg(recordId));
    ClientSource source(m_store, clientId);
    QString error;
    std::optional<SignedDocument> doc = SignedDocument::load(source, recordId, &error);
    if (!doc)
        return ExportResult::failure(
            entity == QLatin1String("carePlan") || entity == QLatin1String("assessment") ||
                    entity == QLatin1String("visit") || entity == QLatin1String("signature")
                ? 400
                : 404,
            error);
    doc->agencyName = m_store.meta(QStringLiteral("agency"));
    doc->zone = agencyZone();
    return {200,
            {},
            DocumentPdf::render(*doc),
            QByteArrayLiteral("application/pdf"),
            QStringLiteral("%1-%2.pdf").arg(doc->def->name, doc->record.id)};
}

QStringList ExportService::csvReports()
{
    return {QStringLiteral("caseload"),  QStringLiteral("followups"), QStringLiteral("overdue"),
            QStringLiteral("visits"),    QStringLiteral("referrals"), QStringLiteral("benefits"),
            QStringLiteral("complaints")};
}

ExportResult ExportService::csv(const Caller &caller, const QString &report, const QDate &today)
{
    if (!csvReports().contains(report))
        return ExportResult::failure(
            400, QStringLiteral("No report is called \"%1\"; the reports are: %2")
                     .arg(report, csvReports().join(QStringLiteral(", "))));
    const ReadScope scope = m_policy.readScope(caller);
    QHash<QString, Record> clients;
    for (const Record &c : liveRecords(m_store, QStringLiteral("client"), scope))
        clients.insert(c.id, c);
    QHash<QString, QString> names; // coordinators and providers
    for (const char *kind : {"coordinator", "provider"})
        for (const StoredRecord &s : m_store.allOf(QString::fromLatin1(kind), scope))
            names.insert(s.id, toRecord(s).text("name"));
    const auto clientName = [&](const Record &r) {
        const Record c = clients.value(r.text("clientId"));
        return QStringList{c.text("lastName"), c.text("firstName")};
    };
    const auto rowsOf = [&](const char *kind) {
        QVector<Record> rows = liveRecords(m_store, QString::fromLatin1(kind), scope);
        std::sort(rows.begin(), rows.end(),
                  [](const Record &a, const Record &b) { return a.id < b.id; });
        return rows;
    };
    const auto yesNo = [](bool b) { return b ? QStringLiteral("yes") : QStringLiteral("no"); };

    std::unique_ptr<CsvWriter> out;
    if (report == QLatin1String("caseload")) {
        out = std::make_unique<CsvWriter>(QStringList{"client_id", "last_name", "first_name",
                                                      "date_of_birth", "phone", "city", "language",
                                                      "status", "coordinator", "risk_flags"});
        QVector<Record> list = clients.values().toVector();
        std::sort(list.begin(), list.end(), [](const Record &a, const Record &b) {
            return std::make_pair(a.text("lastName"), a.id) <
                   std::make_pair(b.text("lastName"), b.id);
        });
        for (const Record &c : list) {
            QStringList flags;
            for (const auto &f : c.values.value(QLatin1String("riskFlags")).toArray())
                flags.append(f.toString());
            out->addRow({c.id, c.text("lastName"), c.text("firstName"), c.text("dateOfBirth"),
                         c.text("phone"), c.text("city"), c.text("language"), c.text("status"),
                         names.value(c.text("coordinatorId")), flags.join(QLatin1Char(';'))});
        }
    } else if (report == QLatin1String("followups") || report == QLatin1String("overdue")) {
        const bool onlyOverdue = report == QLatin1String("overdue");
        out = std::make_unique<CsvWriter>(QStringList{"follow_up_id", "client_id", "last_name",
                                                      "first_name", "description", "due_on",
                                                      "priority", "status", "overdue"});
        for (const Record &f : rowsOf("followUp")) {
            const bool overdue =
                CareRules::isOverdueFollowUp(f.text("status"), f.text("dueOn"), today);
            if ((onlyOverdue && !overdue) || (!onlyOverdue && f.text("status") != "open"))
                continue;
            out->addRow(QStringList{f.id, f.text("clientId")} + clientName(f) +
                        QStringList{f.text("description"), f.text("dueOn"), f.text("priority"),
                                    f.text("status"), yesNo(overdue)});
        }
    } else if (report == QLatin1String("visits")) {
        out = std::make_unique<CsvWriter>(
            QStringList{"visit_id", "client_id", "last_name", "first_name", "coordinator",
                        "planned_at", "check_in_at", "check_out_at", "status", "purpose"});
        for (const Record &v : rowsOf("visit"))
            out->addRow(QStringList{v.id, v.text("clientId")} + clientName(v) +
                        QStringList{names.value(v.text("coordinatorId")), v.text("plannedAt"),
                                    v.text("checkInAt"), v.text("checkOutAt"), v.text("status"),
                                    v.text("purpose")});
    } else if (report == QLatin1String("referrals")) {
        out = std::make_unique<CsvWriter>(QStringList{"referral_id", "client_id", "last_name",
                                                      "first_name", "provider", "service_type",
                                                      "status", "sent_on", "started_on"});
        for (const Record &r : rowsOf("referral"))
            out->addRow(QStringList{r.id, r.text("clientId")} + clientName(r) +
                        QStringList{names.value(r.text("providerId")), r.text("serviceType"),
                                    r.text("status"), r.text("sentOn"), r.text("startedOn")});
    } else if (report == QLatin1String("benefits")) {
        out = std::make_unique<CsvWriter>(
            QStringList{"application_id", "client_id", "last_name", "first_name", "program",
                        "status", "submitted_on", "decision_on", "next_action", "next_action_due"});
        for (const Record &b : rowsOf("benefitApplication"))
            out->addRow(QStringList{b.id, b.text("clientId")} + clientName(b) +
                        QStringList{b.text("program"), b.text("status"), b.text("submittedOn"),
                                    b.text("decisionOn"), b.text("nextAction"),
                                    b.text("nextActionDue")});
    } else {
        out = std::make_unique<CsvWriter>(QStringList{"complaint_id", "client_id", "last_name",
                                                      "first_name", "subject", "provider", "status",
                                                      "raised_on", "open"});
        for (const Record &c : rowsOf("complaint"))
            out->addRow(QStringList{c.id, c.text("clientId")} + clientName(c) +
                        QStringList{c.text("subject"), names.value(c.text("providerId")),
                                    c.text("status"), c.text("raisedOn"),
                                    yesNo(CareRules::isOpenComplaint(c.text("status")))});
    }
    return {200,
            {},
            out->data(),
            QByteArrayLiteral("text/csv; charset=utf-8"),
            report + QStringLiteral(".csv")};
}

ExportResult ExportService::ics(const Caller &caller, const QString &coordinatorId)
{
    if (!caller.isSupervisor() && caller.accountId != coordinatorId)
        return ExportResult::failure(403, QStringLiteral("A coordinator exports only their own "
                                                         "calendar"));
    const auto coordinator =
        m_store.load(Schema::kind(QStringLiteral("coordinator")), coordinatorId);
    if (!coordinator)
        return ExportResult::failure(
            404, QStringLiteral("No coordinator has the id %1").arg(coordinatorId));
    // The coordinator's own view: their caseload (a supervisor asking gets the same file).
    const ReadScope scope{coordinatorId, {}};
    QHash<QString, Record> clients;
    for (const Record &c : liveRecords(m_store, QStringLiteral("client"), scope))
        clients.insert(c.id, c);
    IcsWriter ics(m_store.meta(QStringLiteral("agency")) + QStringLiteral(": ") +
                      coordinator->text("name"),
                  agencyZone());
    for (const StoredRecord &s : m_store.allOf(QStringLiteral("visit"), scope)) {
        const Record v = toRecord(s);
        if (v.text("coordinatorId") == coordinatorId && clients.contains(v.text("clientId")) &&
            !v.text("plannedAt").isEmpty())
            ics.add(CalendarEvents::coordinatorVisit(v, clients.value(v.text("clientId"))));
    }
    for (const StoredRecord &s : m_store.allOf(QStringLiteral("appointment"), scope)) {
        const Record a = toRecord(s);
        if (clients.contains(a.text("clientId")))
            ics.add(CalendarEvents::coordinatorAppointment(a, clients.value(a.text("clientId"))));
    }
    for (const StoredRecord &s : m_store.allOf(QStringLiteral("followUp"), scope)) {
        const Record f = toRecord(s);
        if (clients.contains(f.text("clientId")) && f.text("status") == QLatin1String("open") &&
            !f.isVoided())
            ics.add(CalendarEvents::coordinatorFollowUp(f, clients.value(f.text("clientId"))));
    }
    return {200,
            {},
            ics.data(),
            QByteArrayLiteral("text/calendar; charset=utf-8"),
            QStringLiteral("careround.ics")};
}

QString ExportService::newCalendarSecret(const QString &coordinatorId)
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    const QString secret = QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
    const QString old = m_store.meta(kFeedOfKey + coordinatorId);
    if (!old.isEmpty())
        m_store.setMeta(kFeedKey + old, QString());
    const QString hash = secretHash(secret);
    m_store.setMeta(kFeedKey + hash, coordinatorId);
    m_store.setMeta(kFeedOfKey + coordinatorId, hash);
    tx.commit();
    return QStringLiteral("/v1/calendar/%1.ics").arg(secret);
}

bool ExportService::revokeCalendarSecret(const QString &coordinatorId)
{
    ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
    const QString old = m_store.meta(kFeedOfKey + coordinatorId);
    if (old.isEmpty())
        return false;
    m_store.setMeta(kFeedKey + old, QString());
    m_store.setMeta(kFeedOfKey + coordinatorId, QString());
    tx.commit();
    return true;
}

ExportResult ExportService::calendarFeed(const QString &fileName)
{
    const auto unknown = [] {
        return ExportResult::failure(404,
                                     QStringLiteral("No such calendar (the link may be revoked)"));
    };
    if (!fileName.endsWith(QLatin1String(".ics")) || fileName.size() > 100)
        return unknown();
    const QString secret = fileName.chopped(4);
    const QString coordinatorId = m_store.meta(kFeedKey + secretHash(secret));
    if (secret.isEmpty() || coordinatorId.isEmpty())
        return unknown();
    Caller owner;
    owner.accountId = coordinatorId;
    owner.role = QStringLiteral("coordinator");
    return ics(owner, coordinatorId);
}

QTimeZone ExportService::agencyZone()
{
    const QTimeZone zone(m_store.meta(QStringLiteral("timeZone")).toUtf8());
    return zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

bool ExportService::setAgencyZone(const QString &ianaId)
{
    if (!QTimeZone(ianaId.toUtf8()).isValid())
        return false;
    ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
    m_store.setMeta(QStringLiteral("timeZone"), ianaId);
    tx.commit();
    return true;
}

} // namespace careround
