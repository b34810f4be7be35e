#include "servicereply.h"

#include "protocol.h"

#include <QJsonDocument>

namespace careround {

QByteArray ServiceReply::encoded() const
{
    return json.isEmpty() ? QJsonDocument(body).toJson(QJsonDocument::Compact) : json;
}

QJsonObject ServiceReply::object() const
{
    return json.isEmpty() ? body : QJsonDocument::fromJson(json).object();
}

ServiceReply ServiceReply::error(int status, const QString &code, const QString &message)
{
    return ServiceReply{status, Protocol::errorBody(code, message)};
}

PageRequest PageRequest::parse(const QUrlQuery &query, int defaultLimit, int maxLimit,
                               const std::function<bool(const QString &)> &validAfter,
                               const QString &afterRule, const QString &afterName)
{
    PageRequest page;
    const auto bad = [&](const QString &message) {
        page.error = ServiceReply::error(400, QStringLiteral("bad_request"), message);
        return page;
    };
    const QString limitName = QStringLiteral("limit");
    const QString repeated = Protocol::repeatedItem(query, {afterName, limitName});
    if (!repeated.isEmpty())
        return bad(QStringLiteral("%1 is given more than once").arg(repeated));
    page.after = query.queryItemValue(afterName, QUrl::FullyDecoded);
    if (query.hasQueryItem(afterName) && (page.after.isEmpty() || !validAfter(page.after)))
        return bad(QStringLiteral("%1 must be %2").arg(afterName, afterRule));
    page.limit = defaultLimit;
    if (query.hasQueryItem(limitName)) {
        const std::optional<qint64> asked =
            Protocol::parseCount(query.queryItemValue(limitName, QUrl::FullyDecoded));
        if (!asked || *asked < 1 || *asked > maxLimit)
            return bad(
                QStringLiteral("limit must be between 1 and %1 (digits only)").arg(maxLimit));
        page.limit = int(*asked);
    }
    return page;
}

} // namespace careround
