#include "carerules.h"

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
