#include "reviewservice.h"

#include "protocol.h"
#include "recordvalidator.h"

#include <QDateTime>
#include <QJsonDocument>

namespace careround {

namespace {
constexpr int kDefaultLimit = 100;
constexpr int kMaxLimit = 500;
constexpr int kMaxReasonChars = 1000;

ServiceReply supervisorsOnly()
{
    return ServiceReply::error(403, QStringLiteral("forbidden"),
                               QStringLiteral("Only a supervisor may review refused changes"));
}
} // namespace

ReviewService::ReviewService(ServerStore &store, ReviewStore &review, AccountStore &accounts,
                             SyncService &sync, WallClock wall)
    : m_store(store), m_review(review), m_accounts(accounts), m_sync(sync), m_wall(std::move(wall))
{}

Caller ReviewService::administrator()
{
    return Caller{{}, QStringLiteral("admin"), QStringLiteral("supervisor"), {}};
}

QJsonObject ReviewService::toJson(const RefusedChange &c)
{
    QJsonObject o{{"id", c.id},
                  {"deviceId", c.deviceId},
                  {"deviceSeq", double(c.deviceSeq)},
                  {"entity", c.entity},
                  {"recordId", c.recordId},
                  {"clientId", c.clientId.isEmpty() ? QJsonValue() : QJsonValue(c.clientId)},
                  {"authorId", c.authorId},
                  {"receivedAt", c.receivedAt},
                  {"reason", c.reason},
                  {"message", c.message},
                  {"state", c.state}};
    // A change refused for its nesting (a hostile or broken client) could make the page
    // unreadable for every supervisor: past what the server stores, it is given whole as its
    // JSON text, which nests nothing.
    if (RecordValidator::jsonDepth(c.change, ProtocolLimits::kMaxStoredDepth) <=
        ProtocolLimits::kMaxStoredDepth)
        o.insert(QStringLiteral("change"), c.change);
    else
        o.insert(QStringLiteral("changeText"),
                 QString::fromUtf8(QJsonDocument(c.change).toJson(QJsonDocument::Compact)));
    if (c.state != QLatin1String("open"))
        o.insert(QStringLiteral("settled"),
                 QJsonObject{{"by", c.settledBy}, {"at", c.settledAt}, {"reason", c.settleReason}});
    return o;
}

ServiceReply ReviewService::list(const Caller &caller, const QUrlQuery &query)
{
    if (!caller.isSupervisor())
        return supervisorsOnly();
    const PageRequest page =
        PageRequest::parse(query, kDefaultLimit, kMaxLimit, &RecordValidator::isUuid,
                           QStringLiteral("the id of an entry"));
    if (page.error)
        return *page.error;
    const int limit = page.limit;
    ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
    const QVector<RefusedChange> rows = m_review.open(page.after, limit);
    QJsonArray out;
    QString last;
    qsizetype bytes = 0;
    bool full = false; // past kMaxPageBytes: the rest comes with the next page
    for (const RefusedChange &c : rows) {
        if (bytes > ProtocolLimits::kMaxPageBytes) {
            full = true;
            break;
        }
        const QJsonObject entry = toJson(c);
        bytes += RecordValidator::jsonBytes(entry);
        out.append(entry);
        last = c.id;
    }
    return ServiceReply{200,
                        QJsonObject{{"refused", out},
                                    {"open", double(m_review.openCount())},
                                    {"hasMore", full || rows.size() == limit},
                                    {"next", last.isEmpty() ? QJsonValue() : QJsonValue(last)}}};
}

ServiceReply ReviewService::settle(const Caller &caller, const QJsonObject &body)
{
    if (!caller.isSupervisor())
        return supervisorsOnly();
    const QString id = body.value(QStringLiteral("id")).toString();
    const QString action = body.value(QStringLiteral("action")).toString();
    const QString reason = body.value(QStringLiteral("reason")).toString().trimmed();
    if (action != QLatin1String("apply") && action != QLatin1String("discard"))
        return ServiceReply::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("action must be apply or discard"));
    if (action == QLatin1String("discard") && reason.isEmpty())
        return ServiceReply::error(400, QStringLiteral("reason_required"),
                                   QStringLiteral("Say why the change is discarded"));
    if (reason.size() > kMaxReasonChars)
        return ServiceReply::error(
            400, QStringLiteral("bad_request"),
            QStringLiteral("The reason is longer than %1 characters").arg(kMaxReasonChars));
    ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
    const std::optional<RefusedChange> entry = m_review.byId(id);
    if (!entry)
        return ServiceReply::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("There is no such refused change"));
    if (entry->state != QLatin1String("open"))
        return ServiceReply::error(409, QStringLiteral("already_settled"),
                                   QStringLiteral("This change was already %1").arg(entry->state));
    const QString at = QDateTime::fromMSecsSinceEpoch(m_wall(), Qt::UTC).toString(Qt::ISODate);
    QJsonObject reply{{"id", id}};
    ServerStore::Writes writes = m_store.startWrites();
    if (action == QLatin1String("apply")) {
        PushChange change;
        const QString error = Protocol::decodeChange(entry->change, entry->deviceId, true, change);
        if (!error.isEmpty())
            return ServiceReply::error(422, QStringLiteral("cannot_apply"),
                                       QStringLiteral("The change cannot be applied (%1); "
                                                      "discard it with a reason")
                                           .arg(error));
        // A moved client stays with the coordinator who holds it now.
        const EntityDef &def = *Schema::instance().entity(change.edit.entity);
        if (!def.caseloadField.isEmpty())
            change.edit.values.remove(def.caseloadField);
        // The history names the author and their device; the review entry, the supervisor.
        const QJsonObject result = m_sync.applyFromReview(
            writes, caller, change,
            Provenance{entry->authorId, entry->deviceId, HistoryOutcome::RefusedThenApplied});
        if (result.value(QStringLiteral("status")).toString() == QLatin1String("refused"))
            return ServiceReply::error(
                422, QStringLiteral("cannot_apply"),
                QStringLiteral("The change still cannot be applied: %1")
                    .arg(result.value(QStringLiteral("message")).toString()));
        reply.insert(QStringLiteral("result"), result);
    }
    const QString state =
        action == QLatin1String("apply") ? QStringLiteral("applied") : QStringLiteral("discarded");
    m_review.settle(id, state, caller.accountId, at, reason);
    m_accounts.audit(at, caller.accountId, caller.deviceId,
                     QStringLiteral("refused_change_") + state, id);
    m_store.finishWrites(writes);
    tx.commit();
    reply.insert(QStringLiteral("state"), state);
    return ServiceReply{200, reply};
}

} // namespace careround
