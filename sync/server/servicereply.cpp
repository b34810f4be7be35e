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

} // namespace careround
