#include "carerules.h"

#include <QHash>

namespace careround::CareRules {

QStringList openComplaintStatuses()
{
    return {QStringLiteral("open"), QStringLiteral("investigating")};
}

bool isOpenComplaint(const QString &status)
{
    return openComplaintStatuses().contains(status);
}

bool isOverdueFollowUp(const QString &status, const QString &dueOn, const QDate &today)
{
    const QDate due = QDate::fromString(dueOn, Qt::ISODate);
    return status == QLatin1String("open") && due.isValid() && due < today;
}

ConsentState consentState(const QString &status, bool isSigned, const QString &validFrom,
                          const QString &validUntil, const QDate &today)
{
    if (status == QLatin1String("revoked") || status == QLatin1String("cancelled"))
        return ConsentState::Revoked;
    if (!isSigned || status != QLatin1String("active"))
        return ConsentState::Unsigned;
    const QDate from = QDate::fromString(validFrom, Qt::ISODate);
    const QDate until = QDate::fromString(validUntil, Qt::ISODate);
    if (from.isValid() && today < from)
        return ConsentState::NotYet;
    if (!until.isValid() || until < today)
        return ConsentState::Expired;
    return ConsentState::Valid;
}

QString statusDateField(const QString &entity, const QString &status)
{
    static const QHash<QString, QString> dated{{"referral/sent", "sentOn"},
                                               {"referral/in_service", "startedOn"},
                                               {"referral/closed", "closedOn"},
                                               {"benefitApplication/submitted", "submittedOn"},
                                               {"benefitApplication/approved", "decisionOn"},
                                               {"benefitApplication/denied", "decisionOn"},
                                               {"complaint/resolved", "resolvedOn"},
                                               {"consent/revoked", "revokedOn"}};
    if (entity == QLatin1String("client"))
        return QStringLiteral("statusChangedOn");
    return dated.value(entity + QLatin1Char('/') + status);
}

QString sqlList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(QLatin1Char('\'') +
                      QString(v).replace(QLatin1Char('\''), QStringLiteral("''")) +
                      QLatin1Char('\''));
    return QLatin1Char('(') + quoted.join(QLatin1Char(',')) + QLatin1Char(')');
}

} // namespace careround::CareRules
