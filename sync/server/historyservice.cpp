#include "historyservice.h"

#include "protocol.h"
#include "recordvalidator.h"

#include <QJsonArray>

namespace careround {

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

ServiceReply badRequest(const QString &message)
{
    return ServiceReply::error(400, QStringLiteral("bad_request"), message);
}

} // namespace

QJsonObject HistoryService::toJson(const FieldChange &e)
{
    QJsonObject entry{{"seq", double(e.seq)},
                      {"entity", e.entity},
                      {"recordId", e.recordId},
                      {"field", e.field},
                      {"after", e.after},
                      {"accountId", orNull(e.accountId)},
                      {"deviceId", orNull(e.deviceId)},
                      {"stamp", orNull(e.stamp)},
                      {"serverTime", e.serverTime},
                      {"outcome", e.outcome}};
    if (e.before)
        entry.insert(QStringLiteral("before"), *e.before);
    return entry;
}

ServiceReply HistoryService::history(const Caller &caller, const QUrlQuery &query)
{
    const QString repeated = Protocol::repeatedItem(
        query, {QStringLiteral("client"), QStringLiteral("cursor"), QStringLiteral("limit")});
    if (!repeated.isEmpty())
        return badRequest(QStringLiteral("%1 is given more than once").arg(repeated));
    const QString client = query.queryItemValue(QStringLiteral("client"), QUrl::FullyDecoded);
    if (!RecordValidator::isUuid(client))
        return badRequest(QStringLiteral("client must be a client's id"));
    qint64 cursor = 0;
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        const std::optional<qint64> asked = Protocol::parseCount(
            query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded));
        if (!asked)
            return badRequest(QStringLiteral("cursor must be a non-negative integer"));
        cursor = *asked;
    }
    qint64 limit = kDefaultLimit;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const std::optional<qint64> asked =
            Protocol::parseCount(query.queryItemValue(QStringLiteral("limit"), QUrl::FullyDecoded));
        if (!asked || *asked < 1 || *asked > kMaxLimit)
            return badRequest(QStringLiteral("limit must be between 1 and %1").arg(kMaxLimit));
        limit = *asked;
    }
    ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
    if (!m_policy.mayReadClient(caller, client))
        return ServiceReply::error(403, QStringLiteral("forbidden"),
                                   QStringLiteral("This client is not on this account's caseload"));
    const EntityDef &clientDef = *Schema::instance().entity(QStringLiteral("client"));
    if (!m_store.load(clientDef, client))
        return ServiceReply::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("There is no such client"));
    QStringList hidden;
    for (const EntityDef &def : Schema::instance().entities())
        if (!m_policy.mayRead(caller, AccessTarget{&def, client, true}))
            hidden.append(def.name);
    const QVector<FieldChange> entries = m_store.history().page(client, cursor, int(limit), hidden);
    QJsonArray out;
    qint64 next = cursor;
    for (const FieldChange &e : entries) {
        out.append(toJson(e));
        next = e.seq;
    }
    return ServiceReply{200, QJsonObject{{"client", client},
                                         {"entries", out},
                                         {"nextCursor", double(next)},
                                         {"hasMore", entries.size() == limit}}};
}

} // namespace careround
