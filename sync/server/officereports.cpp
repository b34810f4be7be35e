#include "officereports.h"

#include "carerules.h"
#include "recordvalidator.h"
#include "sqlitedatabase.h"

#include <QDateTime>
#include <QJsonArray>

#include <array>
#include <map>

namespace careround {

namespace {

QJsonObject table(const QString &title, const QStringList &columns, const QJsonArray &rows)
{
    return QJsonObject{
        {"title", title}, {"columns", QJsonArray::fromStringList(columns)}, {"rows", rows}};
}

QJsonObject chart(const QString &title, const QString &type, const QStringList &labels,
                  const QList<QPair<QString, QJsonArray>> &series)
{
    QJsonArray s;
    for (const auto &[label, data] : series)
        s.append(QJsonObject{{"label", label}, {"data", data}});
    return QJsonObject{{"title", title},
                       {"type", type},
                       {"labels", QJsonArray::fromStringList(labels)},
                       {"series", s}};
}

QJsonValue rounded(double value, int decimals = 1)
{
    const double f = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
    return std::round(value * f) / f;
}

QJsonValue averageOrNull(double sum, int count)
{
    return count ? rounded(sum / count) : QJsonValue();
}

/** The date part of a date or an ISO 8601 date-time (invalid when there is none). */
QDate dateOf(const QString &text)
{
    return QDate::fromString(text.left(10), Qt::ISODate);
}

double daysBetween(const QDateTime &a, const QDateTime &b)
{
    return double(a.msecsTo(b)) / 86400000.0;
}

QDateTime timeOf(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid() && dateOf(text).isValid())
        t = QDateTime(dateOf(text), QTime(0, 0), Qt::UTC);
    return t;
}

QString monthOf(const QDate &d)
{
    return d.toString(QStringLiteral("yyyy-MM"));
}

/** What the complaint reports read of a complaint: raisedOn, providerId, status. */
ServerStore::FieldQuery complaintFields()
{
    return {QStringLiteral("complaint"),
            {QStringLiteral("raisedOn"), QStringLiteral("providerId"), QStringLiteral("status")}};
}

} // namespace

/** What a report covers: the caller's clients, a coordinator's, a range of days. */
struct OfficeReports::Filter {
    ReadScope scope;
    QString coordinatorId;
    QDate from;
    QDate to;
    QDate today;
    QHash<QString, QString> clientCoordinator; ///< every client in scope -> its coordinator
    QHash<QString, QString> staffNames;

    bool clientOk(const QString &clientId) const
    {
        const auto it = clientCoordinator.constFind(clientId);
        return it != clientCoordinator.cend() && (coordinatorId.isEmpty() || *it == coordinatorId);
    }
    bool inRange(const QDate &d) const
    {
        if (!d.isValid())
            return !from.isValid() && !to.isValid();
        return (!from.isValid() || d >= from) && (!to.isValid() || d <= to);
    }
};

QStringList OfficeReports::names()
{
    return {QStringLiteral("overdue-follow-ups"),
            QStringLiteral("visits"),
            QStringLiteral("goals"),
            QStringLiteral("satisfaction"),
            QStringLiteral("complaints"),
            QStringLiteral("referrals"),
            QStringLiteral("provider-quality")};
}

ServiceReply OfficeReports::report(const Caller &caller, const QString &name,
                                   const QUrlQuery &query)
{
    const auto bad = [](const QString &message) {
        return ServiceReply::error(400, QStringLiteral("bad_request"), message);
    };
    if (!names().contains(name))
        return ServiceReply::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("There is no such report"));
    for (const QString &key :
         {QStringLiteral("coordinator"), QStringLiteral("from"), QStringLiteral("to")})
        if (query.allQueryItemValues(key).size() > 1)
            return bad(QStringLiteral("%1 is given more than once").arg(key));
    Filter f;
    f.coordinatorId = query.queryItemValue(QStringLiteral("coordinator"), QUrl::FullyDecoded);
    if (!f.coordinatorId.isEmpty() && !RecordValidator::isUuid(f.coordinatorId))
        return bad(QStringLiteral("coordinator must be an account id"));
    for (const auto &[key, date] :
         {std::pair{QStringLiteral("from"), &f.from}, std::pair{QStringLiteral("to"), &f.to}}) {
        const QString text = query.queryItemValue(key, QUrl::FullyDecoded);
        if (text.isEmpty())
            continue;
        *date = QDate::fromString(text, Qt::ISODate);
        if (!date->isValid() || text.size() != 10)
            return bad(QStringLiteral("%1 must be a date (YYYY-MM-DD)").arg(key));
    }
    if (f.from.isValid() && f.to.isValid() && f.from > f.to)
        return bad(QStringLiteral("from must not be after to"));
    f.scope = m_policy.readScope(caller);
    f.today = QDateTime::fromMSecsSinceEpoch(m_wall()).date();
    for (const Account &a : m_accounts.accounts())
        f.staffNames.insert(a.id, a.name);

    ServerTransaction tx = m_store.transaction(ServerTransaction::Read);
    for (const RecordFields &c :
         m_views.fieldsOf({QStringLiteral("client"), {QStringLiteral("coordinatorId")}}, f.scope))
        f.clientCoordinator.insert(c.id, c.text(0));
    QJsonObject body = name == QLatin1String("overdue-follow-ups") ? overdueFollowUps(f)
                       : name == QLatin1String("visits")           ? visits(f)
                       : name == QLatin1String("goals")            ? goals(f)
                       : name == QLatin1String("satisfaction")     ? satisfaction(f)
                       : name == QLatin1String("complaints")       ? complaints(f)
                       : name == QLatin1String("referrals")        ? referrals(f)
                                                                   : providerQuality(f);
    body.insert(QStringLiteral("name"), name);
    body.insert(QStringLiteral("filters"),
                QJsonObject{{"coordinator", f.coordinatorId},
                            {"from", f.from.isValid() ? f.from.toString(Qt::ISODate) : QString()},
                            {"to", f.to.isValid() ? f.to.toString(Qt::ISODate) : QString()}});
    return ServiceReply{200, body};
}

QJsonObject OfficeReports::overdueFollowUps(const Filter &f)
{
    struct Counts {
        int open = 0;
        int overdue = 0;
        QString oldest;
    };
    std::map<QString, Counts> byCoordinator;
    const QString open = QStringLiteral("open");
    for (const RecordFields &r : m_views.fieldsOf({QStringLiteral("followUp"),
                                                   {QStringLiteral("dueOn")},
                                                   {},
                                                   QStringLiteral("status"),
                                                   open},
                                                  f.scope)) {
        const QString dueOn = r.text(0);
        if (!f.clientOk(r.clientId) || !f.inRange(dateOf(dueOn)))
            continue;
        Counts &c = byCoordinator[f.staffNames.value(f.clientCoordinator.value(r.clientId),
                                                     QStringLiteral("(no coordinator)"))];
        ++c.open;
        if (CareRules::isOverdueFollowUp(open, dueOn, f.today)) {
            ++c.overdue;
            if (c.oldest.isEmpty() || dueOn < c.oldest)
                c.oldest = dueOn;
        }
    }
    QJsonArray rows;
    QStringList labels;
    QJsonArray overdue;
    for (const auto &[name, c] : byCoordinator) {
        rows.append(QJsonArray{name, c.open, c.overdue, c.oldest});
        labels.append(name);
        overdue.append(c.overdue);
    }
    return QJsonObject{
        {"title", "Overdue follow-ups by coordinator"},
        {"tables", QJsonArray{table(QStringLiteral("Open follow-ups"),
                                    {QStringLiteral("Coordinator"), QStringLiteral("Open"),
                                     QStringLiteral("Overdue"), QStringLiteral("Oldest due")},
                                    rows)}},
        {"charts", QJsonArray{chart(QStringLiteral("Overdue follow-ups"), QStringLiteral("bar"),
                                    labels, {{QStringLiteral("Overdue"), overdue}})}}};
}

QJsonObject OfficeReports::visits(const Filter &f)
{
    struct Week {
        int planned = 0;
        int done = 0;
        int cancelled = 0;
    };
    std::map<QString, Week> weeks; // the week's Monday
    for (const RecordFields &r : m_views.fieldsOf(
             {QStringLiteral("visit"),
              {QStringLiteral("plannedAt"), QStringLiteral("checkInAt"), QStringLiteral("status")}},
             f.scope)) {
        const QDate day = dateOf(r.text(0).isEmpty() ? r.text(1) : r.text(0));
        if (!day.isValid() || !f.clientOk(r.clientId) || !f.inRange(day))
            continue;
        Week &w = weeks[day.addDays(1 - day.dayOfWeek()).toString(Qt::ISODate)];
        const QString status = r.text(2);
        if (status == QLatin1String("cancelled")) {
            ++w.cancelled;
            continue;
        }
        ++w.planned;
        if (status == QLatin1String("completed"))
            ++w.done;
    }
    QJsonArray rows;
    QStringList labels;
    QJsonArray planned;
    QJsonArray done;
    for (const auto &[week, w] : weeks) {
        rows.append(QJsonArray{week, w.planned, w.done, w.cancelled,
                               w.planned ? rounded(100.0 * w.done / w.planned, 0) : QJsonValue()});
        labels.append(week);
        planned.append(w.planned);
        done.append(w.done);
    }
    return QJsonObject{
        {"title", "Visits done against planned, per week"},
        {"tables", QJsonArray{table(QStringLiteral("Visits per week (starting Monday)"),
                                    {QStringLiteral("Week of"), QStringLiteral("Planned"),
                                     QStringLiteral("Done"), QStringLiteral("Cancelled"),
                                     QStringLiteral("Done %")},
                                    rows)}},
        {"charts", QJsonArray{chart(
                       QStringLiteral("Visits per week"), QStringLiteral("line"), labels,
                       {{QStringLiteral("Planned"), planned}, {QStringLiteral("Done"), done}})}}};
}

QJsonObject OfficeReports::goals(const Filter &f)
{
    const QStringList statuses{QStringLiteral("open"), QStringLiteral("in_progress"),
                               QStringLiteral("achieved"), QStringLiteral("not_achieved"),
                               QStringLiteral("dropped")};
    std::map<QString, QHash<QString, int>> byDomain;
    std::map<QString, QPair<int, int>> byMonth; // achieved, not achieved, by when it was set
    for (const RecordFields &g : m_views.fieldsOf(
             {QStringLiteral("goal"),
              {QStringLiteral("status"), QStringLiteral("targetDate"), QStringLiteral("domain")},
              {QStringLiteral("status")}},
             f.scope)) {
        if (!f.clientOk(g.clientId))
            continue;
        const QString status = g.text(0);
        const QDate set = QDateTime::fromMSecsSinceEpoch(
                              qint64(Stamp::fromString(g.text(3)).hlc.millis()), Qt::UTC)
                              .date();
        const bool closed =
            status == QLatin1String("achieved") || status == QLatin1String("not_achieved");
        if (closed && f.inRange(set)) {
            auto &[achieved, missed] = byMonth[monthOf(set)];
            ++(status == QLatin1String("achieved") ? achieved : missed);
        }
        if (f.from.isValid() || f.to.isValid()) {
            if (!f.inRange(dateOf(g.text(1))) && !(closed && f.inRange(set)))
                continue;
        }
        const QString domain = g.text(2).isEmpty() ? QStringLiteral("(none)") : g.text(2);
        ++byDomain[domain][status];
    }
    QJsonArray rows;
    for (const auto &[domain, counts] : byDomain) {
        QJsonArray row{domain};
        int total = 0;
        for (const QString &s : statuses) {
            row.append(counts.value(s));
            total += counts.value(s);
        }
        const int decided =
            counts.value(QStringLiteral("achieved")) + counts.value(QStringLiteral("not_achieved"));
        row.insert(1, total);
        row.append(decided ? rounded(100.0 * counts.value(QStringLiteral("achieved")) / decided, 0)
                           : QJsonValue());
        rows.append(row);
    }
    QJsonArray monthRows;
    QStringList labels;
    QJsonArray achieved;
    QJsonArray missed;
    for (const auto &[month, counts] : byMonth) {
        monthRows.append(QJsonArray{month, counts.first, counts.second});
        labels.append(month);
        achieved.append(counts.first);
        missed.append(counts.second);
    }
    return QJsonObject{
        {"title", "Goal attainment"},
        {"tables", QJsonArray{table(QStringLiteral("By domain"),
                                    {QStringLiteral("Domain"), QStringLiteral("Goals"),
                                     QStringLiteral("Open"), QStringLiteral("In progress"),
                                     QStringLiteral("Achieved"), QStringLiteral("Not achieved"),
                                     QStringLiteral("Dropped"), QStringLiteral("Attained %")},
                                    rows),
                              table(QStringLiteral("Goals closed per month"),
                                    {QStringLiteral("Month"), QStringLiteral("Achieved"),
                                     QStringLiteral("Not achieved")},
                                    monthRows)}},
        {"charts",
         QJsonArray{chart(
             QStringLiteral("Goals closed per month"), QStringLiteral("bar"), labels,
             {{QStringLiteral("Achieved"), achieved}, {QStringLiteral("Not achieved"), missed}})}}};
}

QJsonObject OfficeReports::satisfaction(const Filter &f)
{
    std::map<QString, QPair<double, int>> byMonth;
    for (const RecordFields &r :
         m_views.fieldsOf({QStringLiteral("satisfactionResponse"),
                           {QStringLiteral("respondedAt"), QStringLiteral("score")}},
                          f.scope)) {
        const QDate day = dateOf(r.text(0));
        if (!f.clientOk(r.clientId) || !day.isValid() || !f.inRange(day))
            continue;
        auto &[sum, count] = byMonth[monthOf(day)];
        sum += r.values.at(1).toDouble();
        ++count;
    }
    QJsonArray rows;
    QStringList labels;
    QJsonArray averages;
    for (const auto &[month, sc] : byMonth) {
        rows.append(QJsonArray{month, sc.second, averageOrNull(sc.first, sc.second)});
        labels.append(month);
        averages.append(averageOrNull(sc.first, sc.second));
    }
    return QJsonObject{
        {"title", "Satisfaction over time"},
        {"tables", QJsonArray{table(QStringLiteral("Responses per month (score 1 to 5)"),
                                    {QStringLiteral("Month"), QStringLiteral("Responses"),
                                     QStringLiteral("Average score")},
                                    rows)}},
        {"charts", QJsonArray{chart(QStringLiteral("Average satisfaction"), QStringLiteral("line"),
                                    labels, {{QStringLiteral("Average score"), averages}})}}};
}

QJsonObject OfficeReports::complaints(const Filter &f)
{
    // When each complaint was first resolved (or closed), from the history of its status.
    QHash<QString, QDateTime> resolvedAt;
    for (const FieldChange &e :
         m_store.history().valuesOf(QStringLiteral("complaint"), QStringLiteral("status"))) {
        const QString v = e.after.toString();
        if ((v == QLatin1String("resolved") || v == QLatin1String("closed")) &&
            !resolvedAt.contains(e.recordId))
            resolvedAt.insert(e.recordId, timeOf(e.serverTime));
    }
    QHash<QString, QString> providerNames;
    for (const RecordFields &p :
         m_views.fieldsOf({QStringLiteral("provider"), {QStringLiteral("name")}}, f.scope))
        providerNames.insert(p.id, p.text(0));
    const QStringList statuses{QStringLiteral("open"), QStringLiteral("investigating"),
                               QStringLiteral("resolved"), QStringLiteral("closed")};
    struct Row {
        QHash<QString, int> byStatus;
        double days = 0;
        int resolved = 0;
    };
    std::map<QString, Row> byProvider;
    for (const RecordFields &c : m_views.fieldsOf(complaintFields(), f.scope)) {
        const QString raisedOn = c.text(0);
        const QString providerId = c.text(1);
        const QString status = c.text(2);
        if (!f.clientOk(c.clientId) || !f.inRange(dateOf(raisedOn)))
            continue;
        const QString provider =
            providerId.isEmpty()
                ? QStringLiteral("(no provider)")
                : providerNames.value(providerId, QStringLiteral("(unknown provider)"));
        Row &row = byProvider[provider];
        ++row.byStatus[status];
        const QDateTime raised = timeOf(raisedOn);
        if (resolvedAt.contains(c.id) && raised.isValid() && !CareRules::isOpenComplaint(status)) {
            row.days += qMax(0.0, daysBetween(raised, resolvedAt.value(c.id)));
            ++row.resolved;
        }
    }
    QJsonArray rows;
    QStringList labels;
    QList<QPair<QString, QJsonArray>> series;
    for (const QString &s : statuses)
        series.append({s, QJsonArray()});
    for (const auto &[provider, row] : byProvider) {
        QJsonArray r{provider};
        for (qsizetype i = 0; i < statuses.size(); ++i) {
            r.append(row.byStatus.value(statuses[i]));
            series[i].second.append(row.byStatus.value(statuses[i]));
        }
        r.append(averageOrNull(row.days, row.resolved));
        rows.append(r);
        labels.append(provider);
    }
    return QJsonObject{
        {"title", "Complaints by provider and status"},
        {"tables",
         QJsonArray{table(QStringLiteral("Complaints (raised in the range)"),
                          {QStringLiteral("Provider"), QStringLiteral("Open"),
                           QStringLiteral("Investigating"), QStringLiteral("Resolved"),
                           QStringLiteral("Closed"), QStringLiteral("Average days to resolution")},
                          rows)}},
        {"charts", QJsonArray{chart(QStringLiteral("Complaints by provider"),
                                    QStringLiteral("stacked"), labels, series)}}};
}

QJsonObject OfficeReports::referrals(const Filter &f)
{
    // The steps a referral goes through, and when it first reached each (from the history).
    const QStringList steps{QStringLiteral("sent"), QStringLiteral("accepted"),
                            QStringLiteral("in_service"), QStringLiteral("closed")};
    constexpr qsizetype kSent = 0;
    constexpr qsizetype kInService = 2;
    using Times = std::array<QDateTime, 4>; // by step; invalid: not reached
    QHash<QString, Times> reached;
    for (const FieldChange &e :
         m_store.history().valuesOf(QStringLiteral("referral"), QStringLiteral("status"))) {
        const qsizetype step = steps.indexOf(e.after.toString());
        if (step < 0)
            continue;
        QDateTime &at = reached[e.recordId][size_t(step)];
        if (!at.isValid())
            at = timeOf(e.serverTime);
    }
    QVector<int> count(steps.size());
    QVector<double> days(steps.size());
    QVector<int> timed(steps.size());
    std::map<QString, int> now; // by status, in its order
    for (const RecordFields &r : m_views.fieldsOf(
             {QStringLiteral("referral"),
              {QStringLiteral("sentOn"), QStringLiteral("startedOn"), QStringLiteral("status")}},
             f.scope)) {
        if (!f.clientOk(r.clientId))
            continue;
        const QString sentOn = r.text(0);
        const QString startedOn = r.text(1);
        Times at = reached.value(r.id);
        // The dates the coordinator typed are the better times where they exist.
        if (dateOf(sentOn).isValid())
            at[kSent] = timeOf(sentOn);
        if (dateOf(startedOn).isValid())
            at[kInService] = timeOf(startedOn);
        const QDate first = at[kSent].isValid() ? at[kSent].date() : dateOf(sentOn);
        if ((f.from.isValid() || f.to.isValid()) && !f.inRange(first))
            continue;
        ++now[r.text(2)];
        for (size_t i = 0; i < at.size(); ++i) {
            if (!at[i].isValid())
                continue;
            ++count[qsizetype(i)];
            if (i > 0 && at[i - 1].isValid()) {
                days[qsizetype(i)] += qMax(0.0, daysBetween(at[i - 1], at[i]));
                ++timed[qsizetype(i)];
            }
        }
    }
    const QStringList labels{QStringLiteral("Sent"), QStringLiteral("Accepted"),
                             QStringLiteral("Service started"), QStringLiteral("Closed")};
    QJsonArray rows;
    QJsonArray reachedCounts;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        rows.append(QJsonArray{labels[i], count[i],
                               i == 0 ? QJsonValue() : averageOrNull(days[i], timed[i])});
        reachedCounts.append(count[i]);
    }
    QJsonArray statusRows;
    for (const auto &[status, count] : now)
        statusRows.append(QJsonArray{status, count});
    return QJsonObject{
        {"title", "Referrals through their steps"},
        {"tables",
         QJsonArray{table(QStringLiteral("Steps"),
                          {QStringLiteral("Step"), QStringLiteral("Referrals that reached it"),
                           QStringLiteral("Average days from the step before")},
                          rows),
                    table(QStringLiteral("Where they are now"),
                          {QStringLiteral("Status"), QStringLiteral("Referrals")}, statusRows)}},
        {"charts",
         QJsonArray{chart(QStringLiteral("Referrals reaching each step"), QStringLiteral("bar"),
                          labels, {{QStringLiteral("Referrals"), reachedCounts}})}}};
}

QJsonObject OfficeReports::providerQuality(const Filter &f)
{
    QHash<QString, QPair<double, int>> ratings;
    for (const RecordFields &r :
         m_views.fieldsOf({QStringLiteral("providerRating"),
                           {QStringLiteral("coordinatorId"), QStringLiteral("ratedAt"),
                            QStringLiteral("providerId"), QStringLiteral("score")}},
                          f.scope)) {
        if (!f.coordinatorId.isEmpty() && r.text(0) != f.coordinatorId)
            continue;
        if ((f.from.isValid() || f.to.isValid()) && !f.inRange(dateOf(r.text(1))))
            continue;
        auto &[sum, count] = ratings[r.text(2)];
        sum += r.values.at(3).toDouble();
        ++count;
    }
    QHash<QString, QPair<int, int>> complaintCounts; // all, open
    for (const RecordFields &c : m_views.fieldsOf(complaintFields(), f.scope)) {
        const QString providerId = c.text(1);
        if (providerId.isEmpty() || !f.clientOk(c.clientId) || !f.inRange(dateOf(c.text(0))))
            continue;
        auto &[all, open] = complaintCounts[providerId];
        ++all;
        if (CareRules::isOpenComplaint(c.text(2)))
            ++open;
    }
    QVector<RecordFields> providers = m_views.fieldsOf(
        {QStringLiteral("provider"), {QStringLiteral("name"), QStringLiteral("status")}}, f.scope);
    std::sort(providers.begin(), providers.end(), [](const RecordFields &a, const RecordFields &b) {
        return a.text(0).toLower() < b.text(0).toLower();
    });
    QJsonArray rows;
    QStringList labels;
    QJsonArray averages;
    for (const RecordFields &p : providers) {
        const auto [sum, count] = ratings.value(p.id);
        const auto [all, open] = complaintCounts.value(p.id);
        rows.append(QJsonArray{p.text(0), p.text(1), count, averageOrNull(sum, count), all, open});
        labels.append(p.text(0));
        averages.append(averageOrNull(sum, count));
    }
    return QJsonObject{
        {"title", "Provider quality"},
        {"tables", QJsonArray{table(QStringLiteral("Ratings and complaints by provider"),
                                    {QStringLiteral("Provider"), QStringLiteral("Status"),
                                     QStringLiteral("Ratings"), QStringLiteral("Average rating"),
                                     QStringLiteral("Complaints"), QStringLiteral("Open")},
                                    rows)}},
        {"charts",
         QJsonArray{chart(QStringLiteral("Average rating (1 to 5)"), QStringLiteral("bar"), labels,
                          {{QStringLiteral("Average rating"), averages}})}}};
}

} // namespace careround
