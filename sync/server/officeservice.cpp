#include "officeservice.h"

#include "carerules.h"
#include "contenthash.h"
#include "instruments.h"
#include "protocol.h"
#include "recordvalidator.h"
#include "sqlitedatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace careround {

namespace {

constexpr int kListCap = 50; ///< items of each dashboard list (the counts are whole)

ServiceReply notFound()
{
    // The same words whether the record does not exist or is not the caller's to see.
    return ServiceReply::error(404, QStringLiteral("not_found"),
                               QStringLiteral("There is no such record"));
}

ServiceReply supervisorsOnly()
{
    return ServiceReply::error(403, QStringLiteral("forbidden"),
                               QStringLiteral("This needs the supervisor role"));
}

ServiceReply badRequest(const QString &message)
{
    return ServiceReply::error(400, QStringLiteral("bad_request"), message);
}

ServiceReply invalid(const StoreError &e)
{
    if (e.code() == StoreError::Code::NotFound)
        return notFound();
    return ServiceReply::error(400, QStringLiteral("invalid"), e.message());
}

QString clientName(const Record &client)
{
    return (client.text("firstName") + QLatin1Char(' ') + client.text("lastName")).trimmed();
}

QString isoOfMillis(qint64 millis)
{
    return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC).toString(Qt::ISODate);
}

/** A query item given once at most; its decoded value (empty when absent). */
std::optional<QString> single(const QUrlQuery &query, const QString &key)
{
    if (query.allQueryItemValues(key).size() > 1)
        return std::nullopt;
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

/** A YYYY-MM-DD date filter: empty when absent, none when malformed. */
std::optional<QString> dateFilter(const QUrlQuery &query, const QString &key)
{
    std::optional<QString> text = single(query, key);
    if (!text || text->isEmpty())
        return text;
    if (!QDate::fromString(*text, Qt::ISODate).isValid() || text->size() != 10)
        return std::nullopt;
    return text;
}

} // namespace

OfficeService::OfficeService(ServerStore &store, RecordViews &views, AccountStore &accounts,
                             ReviewStore &review, AccountService &accountService, SyncService &sync,
                             ReviewService &reviews, HistoryService &history,
                             const AccessPolicy &policy, WallClock wall)
    : m_store(store), m_views(views), m_accounts(accounts), m_review(review),
      m_accountService(accountService), m_sync(sync), m_reviews(reviews), m_history(history),
      m_policy(policy), m_wall(std::move(wall))
{}

QDate OfficeService::today() const
{
    return QDateTime::fromMSecsSinceEpoch(m_wall()).date();
}

QHash<QString, QString> OfficeService::staffNames()
{
    QHash<QString, QString> names;
    for (const Account &a : m_accounts.accounts())
        names.insert(a.id, a.name);
    return names;
}

QJsonObject OfficeService::stampJson(const QString &stamp, const EditorNames &editors)
{
    const Stamp s = Stamp::fromString(stamp);
    if (s.isNull())
        return {};
    const QString by = editors.of(s);
    return QJsonObject{{"at", isoOfMillis(qint64(s.hlc.millis()))},
                       {"device", s.node},
                       {"by", by.isEmpty() ? QStringLiteral("an unknown device") : by}};
}

ServiceReply OfficeService::dashboard(const Caller &caller, const QUrlQuery &query)
{
    const std::optional<QString> staleText = single(query, QStringLiteral("staleDays"));
    int staleDays = 7;
    if (!staleText)
        return badRequest(QStringLiteral("staleDays is given more than once"));
    if (!staleText->isEmpty()) {
        const std::optional<qint64> n = Protocol::parseCount(*staleText);
        if (!n || *n < 1 || *n > 365)
            return badRequest(QStringLiteral("staleDays must be a whole number from 1 to 365"));
        staleDays = int(*n);
    }
    ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
    const ReadScope scope = m_policy.readScope(caller);
    const QDate day = today();
    const QString todayText = day.toString(Qt::ISODate);

    QHash<QString, QString> clientNames;
    QSet<QString> discharged;
    QJsonObject byStatus;
    for (const RecordFields &c : m_views.fieldsOf(
             {QStringLiteral("client"),
              {QStringLiteral("status"), QStringLiteral("firstName"), QStringLiteral("lastName")}},
             scope)) {
        const QString status = c.text(0);
        byStatus.insert(status, byStatus.value(status).toInt() + 1);
        clientNames.insert(c.id, (c.text(1) + QLatin1Char(' ') + c.text(2)).trimmed());
        if (status == QLatin1String("discharged"))
            discharged.insert(c.id);
    }
    const auto named = [&](QJsonObject item, const QString &clientId) {
        item.insert(QStringLiteral("clientId"), clientId);
        item.insert(QStringLiteral("clientName"), clientNames.value(clientId));
        return item;
    };

    QJsonArray overdue;
    QJsonArray dueToday;
    int overdueCount = 0;
    int dueTodayCount = 0;
    const QString open = QStringLiteral("open");
    for (const RecordFields &f : m_views.fieldsOf(
             {QStringLiteral("followUp"),
              {QStringLiteral("description"), QStringLiteral("dueOn"), QStringLiteral("priority")},
              {},
              QStringLiteral("status"),
              open},
             scope)) {
        const QString dueOn = f.text(1);
        const QJsonObject item{
            {"id", f.id}, {"description", f.text(0)}, {"dueOn", dueOn}, {"priority", f.text(2)}};
        if (CareRules::isOverdueFollowUp(open, dueOn, day)) {
            if (++overdueCount <= kListCap)
                overdue.append(named(item, f.clientId));
        } else if (dueOn == todayText) {
            if (++dueTodayCount <= kListCap)
                dueToday.append(named(item, f.clientId));
        }
    }

    QJsonArray complaints;
    int complaintCount = 0;
    for (const RecordFields &c : m_views.fieldsOf(
             {QStringLiteral("complaint"),
              {QStringLiteral("subject"), QStringLiteral("status"), QStringLiteral("raisedOn")}},
             scope))
        if (CareRules::isOpenComplaint(c.text(1)) && ++complaintCount <= kListCap)
            complaints.append(named(QJsonObject{{"id", c.id},
                                                {"subject", c.text(0)},
                                                {"status", c.text(1)},
                                                {"raisedOn", c.text(2)}},
                                    c.clientId));

    // Documents waiting for the client's signature: a completed assessment, an active plan,
    // a completed visit, none signed.
    QSet<QString> signedIds;
    for (const RecordFields &s :
         m_views.fieldsOf({QStringLiteral("signature"), {QStringLiteral("recordId")}}, scope))
        signedIds.insert(s.text(0));
    QJsonArray unsignedDocs;
    int unsignedCount = 0;
    const QList<QPair<QString, QString>> signables{
        {QStringLiteral("assessment"), QStringLiteral("complete")},
        {QStringLiteral("carePlan"), QStringLiteral("active")},
        {QStringLiteral("visit"), QStringLiteral("completed")}};
    for (const auto &[kind, status] : signables)
        for (const RecordFields &r : m_views.fieldsOf(
                 {kind, {QStringLiteral("title")}, {}, QStringLiteral("status"), status}, scope))
            if (!signedIds.contains(r.id) && ++unsignedCount <= kListCap)
                unsignedDocs.append(
                    named(QJsonObject{{"entity", kind},
                                      {"label", Schema::instance().entity(kind)->label},
                                      {"id", r.id},
                                      {"title", r.text(0)},
                                      {"status", status}},
                          r.clientId));

    // Safety alerts: a client's latest PHQ-9 (CareRules) severe, or item 9 above "not at all".
    QHash<QString, QHash<QString, int>> phq9;
    for (const RecordFields &a : m_views.fieldsOf(
             {QStringLiteral("assessmentAnswer"),
              {QStringLiteral("assessmentId"), QStringLiteral("item"), QStringLiteral("value")},
              {},
              QStringLiteral("instrument"),
              QStringLiteral("phq9")},
             scope))
        if (const std::optional<int> value = a.number(2))
            phq9[a.text(0)].insert(a.text(1), *value);
    struct Latest {
        QString startedAt;
        QString id;
    };
    QHash<QString, Latest> latest; // client -> newest assessment with PHQ-9 answers
    for (const RecordFields &a :
         m_views.fieldsOf({QStringLiteral("assessment"), {QStringLiteral("startedAt")}}, scope)) {
        if (!phq9.contains(a.id))
            continue;
        const QString startedAt = a.text(0);
        const auto it = latest.constFind(a.clientId);
        if (it == latest.cend() || std::tie(it->startedAt, it->id) < std::tie(startedAt, a.id))
            latest.insert(a.clientId, Latest{startedAt, a.id});
    }
    // The most urgent first: a risk of self-harm, then the higher score, then the newer.
    struct Alert {
        QString clientId;
        Latest assessment;
        InstrumentScore score;
    };
    QVector<Alert> found;
    const Instrument &phq9Def = *Instruments::find(QStringLiteral("phq9"));
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        if (discharged.contains(it.key()))
            continue;
        const InstrumentScore s = Instruments::score(phq9Def, phq9.value(it->id));
        if (s.severe || s.selfHarmRisk)
            found.append(Alert{it.key(), *it, s});
    }
    std::sort(found.begin(), found.end(), [](const Alert &a, const Alert &b) {
        return std::tie(b.score.selfHarmRisk, b.score.score, b.assessment.startedAt,
                        b.assessment.id) < std::tie(a.score.selfHarmRisk, a.score.score,
                                                    a.assessment.startedAt, a.assessment.id);
    });
    QJsonArray alerts;
    for (const Alert &a : found)
        alerts.append(named(QJsonObject{{"assessmentId", a.assessment.id},
                                        {"score", a.score.score},
                                        {"band", a.score.bandLabel},
                                        {"selfHarmRisk", a.score.selfHarmRisk},
                                        {"startedAt", a.assessment.startedAt}},
                            a.clientId));

    QJsonObject reply{
        {"today", todayText},
        {"clientsByStatus", byStatus},
        {"overdueFollowUps", QJsonObject{{"count", overdueCount}, {"items", overdue}}},
        {"dueToday", QJsonObject{{"count", dueTodayCount}, {"items", dueToday}}},
        {"unsignedDocuments", QJsonObject{{"count", unsignedCount}, {"items", unsignedDocs}}},
        {"openComplaints", QJsonObject{{"count", complaintCount}, {"items", complaints}}},
        {"safetyAlerts", alerts}};
    if (caller.isSupervisor()) {
        int conflicts = 0;
        int amendments = 0;
        for (const RecordFields &c : m_views.fieldsOf({QStringLiteral("conflict"),
                                                       {QStringLiteral("kind")},
                                                       {},
                                                       QStringLiteral("status"),
                                                       open},
                                                      scope))
            ++(c.text(0) == QLatin1String("amendment") ? amendments : conflicts);
        reply.insert(QStringLiteral("review"),
                     QJsonObject{{"conflicts", conflicts},
                                 {"refused", double(m_review.openCount())},
                                 {"amendments", amendments}});
        const QString staleBefore = isoOfMillis(m_wall() - qint64(staleDays) * 86400000);
        QJsonArray tablets;
        for (const DeviceInfo &d : m_accounts.devices())
            if (d.status == QLatin1String("active") &&
                (d.lastSeen.isEmpty() || d.lastSeen < staleBefore || d.pending > 0))
                tablets.append(QJsonObject{{"id", d.id},
                                           {"login", d.login},
                                           {"label", d.label},
                                           {"lastSeen", d.lastSeen},
                                           {"pending", double(d.pending)}});
        reply.insert(QStringLiteral("tablets"),
                     QJsonObject{{"staleDays", staleDays}, {"items", tablets}});
    }
    return ServiceReply{200, reply};
}

ServiceReply OfficeService::clients(const Caller &caller, const QUrlQuery &query)
{
    QHash<QString, QString> filter;
    for (const char *key : {"q", "coordinator", "status", "risk", "overdue", "offset", "limit"}) {
        const std::optional<QString> v = single(query, QLatin1String(key));
        if (!v)
            return badRequest(QStringLiteral("%1 is given more than once").arg(QLatin1String(key)));
        filter.insert(QLatin1String(key), *v);
    }
    qint64 offset = 0;
    qint64 limit = 100;
    if (!filter.value("offset").isEmpty()) {
        const auto n = Protocol::parseCount(filter.value("offset"));
        if (!n)
            return badRequest(QStringLiteral("offset must be a non-negative whole number"));
        offset = *n;
    }
    if (!filter.value("limit").isEmpty()) {
        const auto n = Protocol::parseCount(filter.value("limit"));
        if (!n || *n < 1 || *n > 1000)
            return badRequest(QStringLiteral("limit must be from 1 to 1000"));
        limit = *n;
    }
    const QString status = filter.value("status");
    if (!status.isEmpty() &&
        !Schema::instance().entity(QStringLiteral("client"))->transitions.contains(status))
        return badRequest(QStringLiteral("status is not a client status"));
    const QString overdueOnly = filter.value("overdue");
    if (!overdueOnly.isEmpty() && overdueOnly != QLatin1String("1"))
        return badRequest(QStringLiteral("overdue must be 1 when given"));

    ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
    const ReadScope scope = m_policy.readScope(caller);
    const QDate day = today();
    QHash<QString, int> overdue;
    const QString open = QStringLiteral("open");
    for (const RecordFields &f : m_views.fieldsOf({QStringLiteral("followUp"),
                                                   {QStringLiteral("dueOn")},
                                                   {},
                                                   QStringLiteral("status"),
                                                   open},
                                                  scope))
        if (CareRules::isOverdueFollowUp(open, f.text(0), day))
            ++overdue[f.clientId];
    const QHash<QString, QString> names = staffNames();
    enum Field { FirstName, LastName, CoordinatorId, Status, RiskFlags, City, Language };
    struct Match {
        RecordFields client;
        QString name;
        QJsonArray riskFlags;
    };
    QVector<Match> matching;
    const QString words = filter.value("q").simplified();
    const QString risk = filter.value("risk");
    for (RecordFields &c : m_views.fieldsOf(
             {QStringLiteral("client"),
              {QStringLiteral("firstName"), QStringLiteral("lastName"),
               QStringLiteral("coordinatorId"), QStringLiteral("status"),
               QStringLiteral("riskFlags"), QStringLiteral("city"), QStringLiteral("language")}},
             scope)) {
        const QString name = (c.text(FirstName) + QLatin1Char(' ') + c.text(LastName)).trimmed();
        if (!words.isEmpty() && !name.contains(words, Qt::CaseInsensitive))
            continue;
        if (!filter.value("coordinator").isEmpty() &&
            c.text(CoordinatorId) != filter.value("coordinator"))
            continue;
        if (!status.isEmpty() && c.text(Status) != status)
            continue;
        // The database gives an array as its JSON text.
        const QJsonArray flags = QJsonDocument::fromJson(c.text(RiskFlags).toUtf8()).array();
        if (risk == QLatin1String("any") ? flags.isEmpty()
                                         : !risk.isEmpty() && !flags.contains(QJsonValue(risk)))
            continue;
        if (!overdueOnly.isEmpty() && !overdue.contains(c.id))
            continue;
        matching.append(Match{std::move(c), name, flags});
    }
    std::sort(matching.begin(), matching.end(), [](const Match &a, const Match &b) {
        const auto key = [](const Match &m) {
            return std::make_tuple(m.client.text(LastName).toLower(),
                                   m.client.text(FirstName).toLower(), m.client.id);
        };
        return key(a) < key(b);
    });
    QJsonArray rows;
    for (qsizetype i = offset; i < matching.size() && i < offset + limit; ++i) {
        const RecordFields &c = matching[i].client;
        rows.append(QJsonObject{{"id", c.id},
                                {"name", matching[i].name},
                                {"status", c.text(Status)},
                                {"city", c.text(City)},
                                {"language", c.text(Language)},
                                {"coordinatorId", c.text(CoordinatorId)},
                                {"coordinatorName", names.value(c.text(CoordinatorId))},
                                {"riskFlags", matching[i].riskFlags},
                                {"overdue", overdue.value(c.id)}});
    }
    return ServiceReply{200, QJsonObject{{"total", int(matching.size())},
                                         {"offset", double(offset)},
                                         {"clients", rows}}};
}

ServiceReply OfficeService::coordinators(const Caller &caller)
{
    QJsonArray out;
    for (const Account &a : m_accounts.accounts())
        if (caller.isSupervisor() || a.id == caller.accountId)
            out.append(QJsonObject{{"id", a.id},
                                   {"login", a.login},
                                   {"name", a.name},
                                   {"role", a.role},
                                   {"active", a.active}});
    return ServiceReply{200, QJsonObject{{"staff", out}}};
}

ServiceReply OfficeService::chart(const Caller &caller, const QUrlQuery &query)
{
    const std::optional<QString> id = single(query, QStringLiteral("id"));
    if (!id || !RecordValidator::isUuid(*id))
        return badRequest(QStringLiteral("id must be a client's id"));
    const EntityDef &clientDef = *Schema::instance().entity(QStringLiteral("client"));
    QJsonObject kinds;
    QJsonArray signatures;
    QJsonObject scores;
    QJsonObject client;
    {
        ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
        const std::optional<Record> found = m_store.load(clientDef, *id);
        if (!found || !m_policy.mayReadClient(caller, *id))
            return notFound();
        const QVector<Record> records = m_store.clientRecords(*id);
        const QHash<QString, QString> names = staffNames();
        QHash<QString, QHash<QString, QHash<QString, int>>> answers; // assessment -> instrument
        for (const Record &r : records) {
            const EntityDef *def = Schema::instance().entity(r.entity);
            if (!def || !m_policy.mayRead(caller, AccessTarget{def, *id, true}))
                continue;
            QJsonObject entry{
                {"id", r.id}, {"values", r.values}, {"stamps", Protocol::stampsToJson(r.stamps)}};
            if (r.entity == QLatin1String("client")) {
                client = entry;
                client.insert(QStringLiteral("coordinatorName"),
                              names.value(r.text("coordinatorId")));
                continue;
            }
            QJsonArray list = kinds.value(r.entity).toArray();
            list.append(entry);
            kinds.insert(r.entity, list);
            if (r.entity == QLatin1String("assessmentAnswer") && !r.isVoided() &&
                r.values.value("value").isDouble())
                answers[r.text("assessmentId")][r.text("instrument")].insert(
                    r.text("item"), r.values.value("value").toInt());
        }
        // Each signature checked against what is stored now: the content hash recomputed by
        // core's one function over the signed record and its children.
        for (const Record &s : records) {
            if (s.entity != QLatin1String("signature"))
                continue;
            const EntityDef *def = Schema::instance().entity(s.text("recordEntity"));
            const auto target =
                std::find_if(records.cbegin(), records.cend(), [&](const Record &r) {
                    return r.entity == s.text("recordEntity") && r.id == s.text("recordId");
                });
            HashCheck check;
            if (def && target != records.cend()) {
                QVector<Record> children;
                for (const EntityDef *child : sealedChildKinds(*def))
                    for (const Record &r : records)
                        if (r.entity == child->name &&
                            r.text(child->sealedVia.toUtf8()) == target->id)
                            children.append(r);
                check = checkContentHash(s.text("contentHash"), *def, *target, children);
            }
            signatures.append(QJsonObject{{"id", s.id},
                                          {"recordEntity", s.text("recordEntity")},
                                          {"recordId", s.text("recordId")},
                                          {"signerName", s.text("signerName")},
                                          {"relationship", s.text("relationship")},
                                          {"signedAt", s.text("signedAt")},
                                          {"contentHash", s.text("contentHash")},
                                          {"hashNow", check.hashNow},
                                          {"verified", check.verified},
                                          {"amendsId", s.values.value("amendsId")}});
        }
        for (auto a = answers.cbegin(); a != answers.cend(); ++a) {
            QJsonArray results;
            for (const InstrumentResult &r : Instruments::results(a.value()))
                results.append(QJsonObject{{"instrument", r.instrument->id},
                                           {"name", r.instrument->name},
                                           {"score", r.score.score},
                                           {"max", r.instrument->maxScore()},
                                           {"complete", r.score.complete},
                                           {"band", r.score.bandLabel},
                                           {"selfHarmRisk", r.score.selfHarmRisk}});
            scores.insert(a.key(), results);
        }
    }
    // Every view of a chart is in the audit: who, and which client (never its content).
    m_accountService.audit(caller.accountId, caller.deviceId, QStringLiteral("chart_viewed"), *id);
    return ServiceReply{200, QJsonObject{{"client", client},
                                         {"records", kinds},
                                         {"signatures", signatures},
                                         {"scores", scores}}};
}

ServiceReply OfficeService::history(const Caller &caller, const QUrlQuery &query)
{
    ServiceReply reply = m_history.history(caller, query);
    // Another caseload's client is "no such record", as everywhere in the console.
    if (reply.status == 403 || reply.status == 404)
        return notFound();
    return reply;
}

ServiceReply OfficeService::review(const Caller &caller, const QUrlQuery &query)
{
    if (!caller.isSupervisor())
        return supervisorsOnly();
    const PageRequest conflictPage = PageRequest::parse(
        query, kReviewPage, kReviewMaxPage,
        [](const QString &after) { return Protocol::parseCount(after).has_value(); },
        QStringLiteral("a sequence number (digits only)"), QStringLiteral("conflictsAfter"));
    if (conflictPage.error)
        return *conflictPage.error;
    const PageRequest refusedPage = PageRequest::parse(
        query, kReviewPage, kReviewMaxPage, &RecordValidator::isUuid,
        QStringLiteral("the id of a refused change"), QStringLiteral("refusedAfter"));
    if (refusedPage.error)
        return *refusedPage.error;
    ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
    const EditorNames editors(m_accounts);
    const QHash<QString, QString> names = staffNames();
    const ReadScope everything;
    const EntityDef &clientDef = *Schema::instance().entity(QStringLiteral("client"));
    QHash<QString, QString> clientNames; // of the clients on this page only
    const auto nameOf = [&](const QString &clientId) {
        if (clientId.isEmpty())
            return QString();
        auto it = clientNames.find(clientId);
        if (it == clientNames.end()) {
            const std::optional<Record> client = m_store.load(clientDef, clientId);
            it = clientNames.insert(clientId, client ? clientName(*client) : QString());
        }
        return *it;
    };

    ServerStore::FieldQuery open{
        QStringLiteral("conflict"), {}, {}, QStringLiteral("status"), QStringLiteral("open")};
    const int conflictTotal = int(m_views.fieldsOf(open, everything).size());
    open.afterSeq = conflictPage.after.isEmpty() ? 0 : *Protocol::parseCount(conflictPage.after);
    open.limit = conflictPage.limit + 1; // one more tells whether there is another page
    QVector<StoredRecord> page = m_store.storedOf(open, everything);
    const bool moreConflicts = page.size() > conflictPage.limit;
    if (moreConflicts)
        page.removeLast();
    QJsonArray conflicts;
    for (const StoredRecord &row : page) {
        const Record c{
            row.entity, row.id, QJsonDocument::fromJson(row.values.toUtf8()).object(), {}};
        QJsonValue current;
        if (const EntityDef *def = Schema::instance().entity(c.text("recordEntity")))
            if (const auto r = m_store.load(*def, c.text("recordId")))
                current = r->values.value(c.text("field"));
        conflicts.append(QJsonObject{
            {"id", c.id},
            {"seq", double(row.seq)},
            {"kind", c.text("kind")},
            {"recordEntity", c.text("recordEntity")},
            {"recordId", c.text("recordId")},
            {"clientId", c.values.value("clientId")},
            {"clientName", nameOf(c.text("clientId"))},
            {"field", c.text("field")},
            {"current", current},
            {"kept", QJsonObject{{"value", c.values.value("keptValue").toObject().value("value")},
                                 {"stamp", stampJson(c.text("keptStamp"), editors)}}},
            {"other", QJsonObject{{"value", c.values.value("otherValue").toObject().value("value")},
                                  {"stamp", stampJson(c.text("otherStamp"), editors)}}}});
    }
    QVector<RefusedChange> refusedRows = m_review.open(refusedPage.after, refusedPage.limit + 1);
    const bool moreRefused = refusedRows.size() > refusedPage.limit;
    if (moreRefused)
        refusedRows.removeLast();
    QJsonArray refused;
    for (const RefusedChange &r : refusedRows) {
        QJsonObject o = ReviewService::toJson(r);
        o.insert(QStringLiteral("authorName"), names.value(r.authorId));
        o.insert(QStringLiteral("clientName"), nameOf(r.clientId));
        refused.append(o);
    }
    const auto next = [](bool more, const QJsonValue &last) { return more ? last : QJsonValue(); };
    return ServiceReply{
        200,
        QJsonObject{{"conflicts", conflicts},
                    {"conflictsTotal", conflictTotal},
                    {"conflictsNext",
                     next(moreConflicts, page.isEmpty() ? QJsonValue() : double(page.last().seq))},
                    {"refused", refused},
                    {"refusedTotal", double(m_review.openCount())},
                    {"refusedNext", next(moreRefused, refusedRows.isEmpty()
                                                          ? QJsonValue()
                                                          : QJsonValue(refusedRows.last().id))}}};
}

ServiceReply OfficeService::staff(const Caller &caller)
{
    if (!caller.isSupervisor())
        return supervisorsOnly();
    QHash<QString, QJsonArray> devicesOf;
    for (const DeviceInfo &d : m_accounts.devices())
        devicesOf[d.accountId].append(QJsonObject{{"id", d.id},
                                                  {"label", d.label},
                                                  {"status", d.status},
                                                  {"enrolledAt", d.enrolledAt},
                                                  {"lastSeen", d.lastSeen},
                                                  {"appVersion", d.appVersion},
                                                  {"schemaVersion", d.schemaVersion},
                                                  {"pending", double(d.pending)},
                                                  {"lastDeviceSeq", double(d.lastSeq)}});
    QJsonArray out;
    for (const Account &a : m_accounts.accounts())
        out.append(QJsonObject{{"id", a.id},
                               {"login", a.login},
                               {"name", a.name},
                               {"role", a.role},
                               {"active", a.active},
                               {"devices", devicesOf.value(a.id)}});
    return ServiceReply{200, QJsonObject{{"accounts", out}}};
}

ServiceReply OfficeService::providers(const Caller &caller)
{
    ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
    const ReadScope scope = m_policy.readScope(caller);
    QHash<QString, QPair<int, int>> ratings; // provider -> (sum, count)
    for (const Record &r : m_store.records(QStringLiteral("providerRating"), scope)) {
        auto &[sum, count] = ratings[r.text("providerId")];
        sum += r.values.value("score").toInt();
        ++count;
    }
    QHash<QString, int> complaints;
    for (const Record &c : m_store.records(QStringLiteral("complaint"), scope))
        if (!c.text("providerId").isEmpty())
            ++complaints[c.text("providerId")];
    QJsonArray out;
    for (const Record &p : m_store.records(QStringLiteral("provider"), scope)) {
        const QJsonObject stamps = Protocol::stampsToJson(p.stamps);
        const auto [sum, count] = ratings.value(p.id);
        out.append(
            QJsonObject{{"id", p.id},
                        {"values", p.values},
                        {"stamps", stamps},
                        {"ratingCount", count},
                        {"ratingAverage",
                         count ? QJsonValue(std::round(10.0 * sum / count) / 10) : QJsonValue()},
                        {"complaints", complaints.value(p.id)}});
    }
    return ServiceReply{200, QJsonObject{{"providers", out}}};
}

ServiceReply OfficeService::audit(const Caller &caller, const QUrlQuery &query)
{
    if (!caller.isSupervisor())
        return supervisorsOnly();
    const std::optional<QString> person = single(query, QStringLiteral("person"));
    const std::optional<QString> client = single(query, QStringLiteral("client"));
    const std::optional<QString> from = dateFilter(query, QStringLiteral("from"));
    const std::optional<QString> to = dateFilter(query, QStringLiteral("to"));
    if (!person || !client)
        return badRequest(QStringLiteral("person and client are given at most once"));
    if (!from || !to)
        return badRequest(QStringLiteral("from and to must be dates (YYYY-MM-DD)"));
    if ((!person->isEmpty() && !RecordValidator::isUuid(*person)) ||
        (!client->isEmpty() && !RecordValidator::isUuid(*client)))
        return badRequest(QStringLiteral("person and client must be ids"));
    // `to` is a day included whole.
    const QString toBound =
        to->isEmpty() ? QString()
                      : QDate::fromString(*to, Qt::ISODate).addDays(1).toString(Qt::ISODate);
    const QHash<QString, QString> names = staffNames();
    QJsonArray changes;
    {
        ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
        for (const FieldChange &e :
             m_store.history().search(*person, *client, *from, toBound, 500)) {
            QJsonObject o = HistoryService::toJson(e);
            o.insert(QStringLiteral("clientId"), e.clientId);
            o.insert(QStringLiteral("accountName"), names.value(e.accountId));
            changes.append(o);
        }
    }
    QJsonArray events;
    for (const AuditEntry &a : m_accounts.auditEntries(*person, *client, *from, toBound, 500))
        events.append(QJsonObject{{"at", a.at},
                                  {"actor", a.actor},
                                  {"actorName", names.value(a.actor)},
                                  {"device", a.device},
                                  {"action", a.action},
                                  {"detail", a.detail}});
    return ServiceReply{200, QJsonObject{{"changes", changes}, {"events", events}}};
}

ServiceReply OfficeService::moveClients(const Caller &caller, const QJsonObject &body)
{
    if (!caller.isSupervisor())
        return supervisorsOnly();
    const QJsonValue ids = body.value(QStringLiteral("clients"));
    const QString to = body.value(QStringLiteral("coordinator")).toString();
    if (!ids.isArray() || ids.toArray().isEmpty() || ids.toArray().size() > 1000)
        return badRequest(QStringLiteral("clients must be a list of 1 to 1000 client ids"));
    const std::optional<Account> target = m_accounts.accountById(to);
    if (!target || !target->active || target->role != QLatin1String("coordinator"))
        return badRequest(QStringLiteral("Choose an active coordinator to move the clients to"));
    const EntityDef &def = *Schema::instance().entity(QStringLiteral("client"));
    QVector<Edit> edits;
    QSet<QString> seen;
    {
        ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
        for (const auto &v : ids.toArray()) {
            const QString id = v.toString();
            if (!RecordValidator::isUuid(id) || seen.contains(id))
                return badRequest(QStringLiteral("clients must be distinct client ids"));
            seen.insert(id);
            const std::optional<Record> client = m_store.load(def, id);
            if (!client)
                return notFound();
            if (client->text("coordinatorId") == to)
                continue;
            edits.append(
                Edit{def.name,
                     id,
                     QJsonObject{{def.caseloadField, to}},
                     {},
                     FieldStamps{{def.caseloadField, client->stamps.value(def.caseloadField)}}});
        }
    }
    ServiceReply reply = m_sync.applyOffice(caller, edits);
    if (reply.status != 200)
        return reply;
    m_accountService.audit(caller.accountId, caller.deviceId, QStringLiteral("clients_moved"),
                           QStringLiteral("%1 to %2").arg(edits.size()).arg(to));
    reply.body.insert(QStringLiteral("moved"), int(edits.size()));
    reply.body.insert(
        QStringLiteral("effect"),
        QStringLiteral("%1 client(s) now on %2's caseload. At its next sync each tablet of the "
                       "coordinator who had them stops showing them (edits already made there "
                       "are still sent and merged, nothing is lost), and %2's tablet receives "
                       "them whole at its next sync.")
            .arg(edits.size())
            .arg(target->name));
    return reply;
}

ServiceReply OfficeService::settleConflict(const Caller &caller, const QJsonObject &body)
{
    if (!caller.isSupervisor())
        return supervisorsOnly();
    const QString id = body.value(QStringLiteral("id")).toString();
    const QString choice = body.value(QStringLiteral("choice")).toString();
    const QString reason = body.value(QStringLiteral("reason")).toString().trimmed();
    if (!RecordValidator::isUuid(id))
        return badRequest(QStringLiteral("id must be a conflict's id"));
    if (choice != QLatin1String("kept") && choice != QLatin1String("other") &&
        choice != QLatin1String("value") && choice != QLatin1String("accept"))
        return badRequest(QStringLiteral("choice must be kept, other, value or accept"));
    const EntityDef &conflictDef = *Schema::instance().entity(QStringLiteral("conflict"));
    QVector<Edit> edits;
    QJsonObject resolved;
    {
        ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
        const std::optional<Record> conflict = m_store.load(conflictDef, id);
        if (!conflict)
            return notFound();
        if (conflict->text("status") != QLatin1String("open"))
            return ServiceReply::error(409, QStringLiteral("already_settled"),
                                       QStringLiteral("This conflict was settled already"));
        const QString kind = conflict->text("kind");
        const QString entity = conflict->text("recordEntity");
        const QString recordId = conflict->text("recordId");
        const QString field = conflict->text("field");
        const QJsonValue kept = conflict->values.value("keptValue").toObject().value("value");
        const QJsonValue other = conflict->values.value("otherValue").toObject().value("value");
        const QJsonValue chosen = choice == QLatin1String("kept")    ? kept
                                  : choice == QLatin1String("other") ? other
                                                                     : body.value("value");
        const EntityDef *def = Schema::instance().entity(entity);
        const std::optional<Record> record = def ? m_store.load(*def, recordId) : std::nullopt;
        if (!record)
            return notFound();
        const auto edit = [&](const QJsonObject &values) {
            FieldStamps bases;
            for (auto it = values.begin(); it != values.end(); ++it)
                bases.insert(it.key(), record->stamps.value(it.key()));
            edits.append(Edit{entity, recordId, values, {}, bases});
        };
        if (kind == QLatin1String("amendment") && choice == QLatin1String("accept")) {
            const QString version = newVersion(*def, *record, other.toObject(), edits);
            resolved = QJsonObject{{"value", other}, {"accepted", true}, {"newVersionId", version}};
        } else if (choice == QLatin1String("accept")) {
            return badRequest(QStringLiteral("Only an amendment proposal is accepted"));
        } else if (kind == QLatin1String("amendment")) {
            if (choice != QLatin1String("kept"))
                return ServiceReply::error(
                    400, QStringLiteral("sealed"),
                    QStringLiteral("Signed content cannot change: the amendment is kept on "
                                   "file; record it as a new document and have it signed"));
            if (reason.isEmpty())
                return badRequest(QStringLiteral("Say why the amendment is rejected"));
        } else if (kind == QLatin1String("concurrent_edit") && choice != QLatin1String("kept")) {
            if (!def->field(field))
                return badRequest(QStringLiteral("This conflict is about several fields: keep "
                                                 "one of the two values"));
            edit(QJsonObject{{field, chosen}});
        } else if (kind == QLatin1String("void_vs_edit") && choice == QLatin1String("other")) {
            edit(QJsonObject{
                {"voided", true},
                {"voidReason",
                 other.toObject().value("voidReason").toString(QStringLiteral("void confirmed"))}});
        } else if (kind == QLatin1String("future_stamp") && choice == QLatin1String("other")) {
            edit(other.toObject());
        } else if (choice == QLatin1String("value")) {
            return badRequest(QStringLiteral("A new value can be written only for an edit that "
                                             "met another edit"));
        }
        if (resolved.isEmpty())
            resolved = QJsonObject{{"value", chosen}};
        if (!reason.isEmpty())
            resolved.insert(QStringLiteral("reason"), reason.left(2000));
        FieldStamps bases{{QStringLiteral("status"), conflict->stamps.value("status")}};
        edits.append(Edit{conflictDef.name,
                          id,
                          QJsonObject{{"status", "resolved"},
                                      {"resolvedValue", resolved},
                                      {"resolvedBy", caller.accountId},
                                      {"resolvedAt", isoOfMillis(m_wall())}},
                          {},
                          bases});
    }
    return m_sync.applyOffice(caller, edits);
}

QString OfficeService::newVersion(const EntityDef &def, const Record &signedRecord,
                                  const QJsonObject &amended, QVector<Edit> &edits)
{
    // A signed document never changes: its new version is a copy, with its children (the
    // records its signature covers), the amendment applied, unsigned, for the client to sign
    // on the tablet. References between the copies point at the copies.
    QHash<QString, QString> ids{{signedRecord.id, newUuid7()}};
    const auto copy = [&](const EntityDef &kind, const Record &r, QJsonObject values) {
        values.remove(QStringLiteral("voided"));
        values.remove(QStringLiteral("voidReason"));
        for (const FieldDef &fd : kind.fields)
            if (fd.type == FieldType::Reference && ids.contains(values.value(fd.name).toString()))
                values.insert(fd.name, ids.value(values.value(fd.name).toString()));
        for (auto it = values.begin(); it != values.end();)
            it = it.value().isNull() ? values.erase(it) : std::next(it);
        edits.append(Edit{kind.name, ids.value(r.id), values, {}, {}});
    };
    QJsonObject values = signedRecord.values;
    for (auto it = amended.begin(); it != amended.end(); ++it)
        if (def.field(it.key()) && def.field(it.key())->type != FieldType::Json)
            values.insert(it.key(), it.value());
    // The new version starts where a document of its kind is written before signing.
    if (def.name == QLatin1String("carePlan"))
        values.insert(QStringLiteral("status"), QStringLiteral("draft"));
    else if (def.name == QLatin1String("assessment"))
        values.insert(QStringLiteral("status"), QStringLiteral("in_progress"));
    copy(def, signedRecord, values);
    const QVector<Record> all = m_store.clientRecords(signedRecord.clientId(def));
    for (const EntityDef *child : sealedChildKinds(def))
        for (const Record &r : all)
            if (r.entity == child->name && !r.isVoided() &&
                r.text(child->sealedVia.toUtf8()) == signedRecord.id)
                ids.insert(r.id, newUuid7());
    for (const EntityDef *child : sealedChildKinds(def))
        for (const Record &r : all)
            if (r.entity == child->name && ids.contains(r.id) && r.id != signedRecord.id)
                copy(*child, r, r.values);
    return ids.value(signedRecord.id);
}

ServiceReply OfficeService::settleRefused(const Caller &caller, const QJsonObject &body)
{
    ServiceReply reply = m_reviews.settle(caller, body);
    return reply.status == 404 ? notFound() : reply;
}

ServiceReply OfficeService::createAccount(const Caller &caller, const QJsonObject &body)
{
    if (!caller.isSupervisor())
        return supervisorsOnly();
    for (const char *key : {"login", "name", "role", "password"})
        if (!body.value(QLatin1String(key)).isString())
            return badRequest(QStringLiteral("login, name, role and password must be text"));
    const QString login = body.value(QStringLiteral("login")).toString().trimmed();
    static const QRegularExpression loginShape(QStringLiteral("^[a-z0-9._-]{2,64}$"));
    if (!loginShape.match(login).hasMatch())
        return badRequest(QStringLiteral("The login must be 2 to 64 lower-case letters, digits, "
                                         "dots, dashes or underscores"));
    try {
        const QString id = m_accountService.createAccount(
            login, body.value(QStringLiteral("name")).toString().trimmed().left(200),
            body.value(QStringLiteral("password")).toString(),
            body.value(QStringLiteral("role")).toString());
        m_accountService.audit(caller.accountId, caller.deviceId,
                               QStringLiteral("account_created_by"), id);
        return ServiceReply{200, QJsonObject{{"id", id}}};
    } catch (const StoreError &e) {
        return invalid(e);
    }
}

ServiceReply OfficeService::changeAccount(const Caller &caller, const QJsonObject &body)
{
    if (!caller.isSupervisor())
        return supervisorsOnly();
    const QString id = body.value(QStringLiteral("id")).toString();
    const QString action = body.value(QStringLiteral("action")).toString();
    if (!RecordValidator::isUuid(id))
        return badRequest(QStringLiteral("id must be an account's id"));
    try {
        if (action == QLatin1String("role"))
            m_accountService.setRole(caller.accountId, id,
                                     body.value(QStringLiteral("role")).toString());
        else if (action == QLatin1String("deactivate") || action == QLatin1String("reactivate"))
            m_accountService.setActive(caller.accountId, id, action == QLatin1String("reactivate"));
        else if (action == QLatin1String("password"))
            m_accountService.resetPassword(caller.accountId, id,
                                           body.value(QStringLiteral("password")).toString());
        else
            return badRequest(
                QStringLiteral("action must be role, deactivate, reactivate or password"));
    } catch (const StoreError &e) {
        return invalid(e);
    }
    return ServiceReply{200, QJsonObject{{"id", id}, {"done", action}}};
}

ServiceReply OfficeService::revokeDevice(const Caller &caller, const QJsonObject &body)
{
    if (!caller.isSupervisor())
        return supervisorsOnly();
    const QString id = body.value(QStringLiteral("id")).toString();
    if (!RecordValidator::isUuid(id))
        return badRequest(QStringLiteral("id must be a device's id"));
    try {
        m_accountService.revokeDevice(id, caller.accountId);
    } catch (const StoreError &e) {
        return invalid(e);
    }
    return ServiceReply{200, QJsonObject{{"id", id}, {"status", "revoked"}}};
}

ServiceReply OfficeService::saveProvider(const Caller &caller, const QJsonObject &body)
{
    if (!caller.isSupervisor())
        return supervisorsOnly();
    const EntityDef &def = *Schema::instance().entity(QStringLiteral("provider"));
    const QJsonValue valuesValue = body.value(QStringLiteral("values"));
    if (!valuesValue.isObject() || valuesValue.toObject().isEmpty())
        return badRequest(QStringLiteral("values must be an object of the provider's fields"));
    QJsonObject values = valuesValue.toObject();
    for (auto it = values.begin(); it != values.end(); ++it)
        if (!def.field(it.key()) || it.key() == QLatin1String("voided"))
            return badRequest(QStringLiteral("%1 is not a field of a provider").arg(it.key()));
    QString id = body.value(QStringLiteral("id")).toString();
    FieldStamps bases;
    QJsonObject merged = values;
    std::optional<Record> current;
    {
        ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
        if (id.isEmpty()) {
            id = newUuid7();
            if (!values.contains(QStringLiteral("status")))
                values.insert(QStringLiteral("status"), QStringLiteral("active"));
            merged = values;
        } else {
            if (!RecordValidator::isUuid(id))
                return badRequest(QStringLiteral("id must be a provider's id"));
            current = m_store.load(def, id);
            if (!current)
                return notFound();
            // The bases are the stamps the form showed: a tablet's edit since is a conflict.
            const QJsonObject sent = body.value(QStringLiteral("bases")).toObject();
            for (auto it = values.begin(); it != values.end(); ++it) {
                const QString text = sent.value(it.key()).toString();
                const Stamp base =
                    text.isEmpty() ? current->stamps.value(it.key()) : Stamp::fromString(text);
                if (!text.isEmpty() && base.isNull())
                    return badRequest(QStringLiteral("bases.%1 is not a stamp").arg(it.key()));
                bases.insert(it.key(), base);
            }
            merged = current->values;
            for (auto it = values.begin(); it != values.end(); ++it)
                merged.insert(it.key(), it.value());
        }
    }
    // A discontinued service says since when and why; a reactivated one forgets both.
    if (merged.value(QStringLiteral("status")).toString() == QLatin1String("discontinued")) {
        if (!QDate::fromString(merged.value(QStringLiteral("discontinuedOn")).toString(),
                               Qt::ISODate)
                 .isValid() ||
            merged.value(QStringLiteral("discontinuedReason")).toString().trimmed().isEmpty())
            return badRequest(QStringLiteral("A discontinued service needs the date (YYYY-MM-DD) "
                                             "and the reason"));
    } else if (values.value(QStringLiteral("status")).toString() == QLatin1String("active") &&
               !merged.value(QStringLiteral("discontinuedOn")).isNull() &&
               merged.contains(QStringLiteral("discontinuedOn"))) {
        values.insert(QStringLiteral("discontinuedOn"), QJsonValue());
        values.insert(QStringLiteral("discontinuedReason"), QJsonValue());
    }
    if (current)
        for (auto it = values.begin(); it != values.end(); ++it)
            if (!bases.contains(it.key()))
                bases.insert(it.key(), current->stamps.value(it.key()));
    ServiceReply reply = m_sync.applyOffice(caller, {Edit{def.name, id, values, {}, bases}});
    if (reply.status == 200)
        reply.body.insert(QStringLiteral("id"), id);
    return reply;
}

} // namespace careround
