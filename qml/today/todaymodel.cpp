#include "todaymodel.h"

#include "devicestore.h"
#include "recordinput.h"

#include <QLocale>

#include <algorithm>

namespace careround {

namespace {

QString kindKey(TodayItem::Kind kind)
{
    using K = TodayItem::Kind;
    switch (kind) {
    case K::Visit:
        return QStringLiteral("visit");
    case K::Appointment:
        return QStringLiteral("appointment");
    case K::OverdueFollowUp:
        return QStringLiteral("overdue");
    case K::FollowUpDueToday:
        return QStringLiteral("dueToday");
    case K::SelfHarmRisk:
        return QStringLiteral("selfHarm");
    case K::SevereDepression:
        return QStringLiteral("severeDepression");
    case K::TransportMissing:
        return QStringLiteral("transport");
    case K::ConsentExpired:
        return QStringLiteral("consentExpired");
    }
    return {};
}

bool sameItem(const TodayItem &a, const TodayItem &b)
{
    return a.kind == b.kind && a.recordId == b.recordId && a.clientId == b.clientId &&
           a.clientName == b.clientName && a.place == b.place && a.when == b.when &&
           a.title == b.title && a.status == b.status && a.detail == b.detail && a.score == b.score;
}

} // namespace

TodayModel::TodayModel(QObject *parent)
    : QAbstractListModel(parent),
      m_watcher(
          kindsOf(Schedule), [this](const Change &) { reload(); }, [this] { reload(); })
{}

QStringList TodayModel::kindsOf(List list)
{
    switch (list) {
    case Schedule:
        return {QStringLiteral("visit"), QStringLiteral("appointment"), QStringLiteral("client")};
    case FollowUps:
        return {QStringLiteral("followUp"), QStringLiteral("client")};
    case Alerts:
        return {QStringLiteral("assessment"),  QStringLiteral("assessmentAnswer"),
                QStringLiteral("appointment"), QStringLiteral("client"),
                QStringLiteral("consent"),     QStringLiteral("signature")};
    }
    return {};
}

TodayRepository *TodayModel::repository() const
{
    return m_session && m_session->store() ? &m_session->store()->today() : nullptr;
}

TodayModel::~TodayModel() = default;

void TodayModel::setSession(Session *session)
{
    if (m_session == session)
        return;
    m_session = session;
    emit sessionChanged();
    m_watcher.setSession(session);
}

void TodayModel::setList(List list)
{
    if (m_list == list)
        return;
    m_list = list;
    m_watcher.setKinds(kindsOf(list));
    emit listChanged();
    reload();
}

QDate TodayModel::today() const
{
    return m_session ? m_session->today() : QDate::currentDate();
}

QString TodayModel::dayText() const
{
    return QLocale().toString(today(), QStringLiteral("dddd d MMMM yyyy"));
}

QString TodayModel::summaryText() const
{
    switch (m_list) {
    case Schedule:
        return m_total == 0 ? tr("Nothing planned today")
                            : tr("Visits and appointments: %1").arg(m_total);
    case FollowUps:
        if (m_overdue + m_dueToday == 0)
            return tr("No follow-ups due");
        return tr("Overdue: %1 · due today: %2").arg(m_overdue).arg(m_dueToday);
    case Alerts:
        return m_total == 0 ? tr("No alerts") : tr("Alerts: %1").arg(m_total);
    }
    return {};
}

void TodayModel::classBegin()
{
    m_creating = true;
}

void TodayModel::componentComplete()
{
    m_creating = false;
    reload();
}

void TodayModel::reload()
{
    if (m_creating)
        return;
    ++m_loads;
    // As many rows as the view has fetched, so that they stay where they are.
    const int limit = qMax(kPageSize, int(m_rows.size()));
    TodayPage page = this->page(limit, nullptr);
    m_hasMore = page.rows.size() == limit;
    m_total = page.total;
    setRows(std::move(page.rows));
    emit countChanged();
}

TodayPage TodayModel::page(int limit, const TodayItem *after)
{
    TodayRepository *repository = this->repository();
    if (!repository)
        return {};
    const QDate day = today();
    switch (m_list) {
    case Schedule:
        return repository->schedule(day, limit, after);
    case FollowUps: {
        TodayPage page;
        page.rows = after ? repository->followUps(day, limit, after->when, after->recordId)
                          : repository->followUps(day, limit);
        if (!after) {
            const auto counts = repository->followUpCounts(day);
            m_overdue = counts.first;
            m_dueToday = counts.second;
            page.total = m_overdue + m_dueToday;
        }
        return page;
    }
    case Alerts:
        return repository->alerts(day, limit, after);
    }
    return {};
}

void TodayModel::setRows(QVector<TodayItem> rows)
{
    const bool sameIds = rows.size() == m_rows.size() &&
                         std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                                    [](const TodayItem &a, const TodayItem &b) {
                                        return a.kind == b.kind && a.recordId == b.recordId;
                                    });
    if (!sameIds) {
        m_changing = true;
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        m_changing = false;
        return;
    }
    // The same rows: only those that changed are signalled, the view keeps its delegates.
    for (int i = 0; i < rows.size(); ++i) {
        if (sameItem(rows.at(i), m_rows.at(i)))
            continue;
        m_rows[i] = rows.at(i);
        emit dataChanged(index(i), index(i));
    }
}

int TodayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool TodayModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && repository() && !m_changing;
}

void TodayModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const TodayItem last = m_rows.constLast();
    const QVector<TodayItem> more = page(kPageSize, &last).rows;
    m_hasMore = more.size() == kPageSize;
    if (more.isEmpty())
        return;
    m_changing = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size() - 1));
    m_rows += more;
    endInsertRows();
    m_changing = false;
    emit countChanged();
}

QString TodayModel::kindAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? kindKey(m_rows.at(row).kind) : QString();
}

QVariant TodayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TodayItem &r = m_rows.at(index.row());
    using K = TodayItem::Kind;
    switch (role) {
    case KindRole:
        return kindKey(r.kind);
    case RecordIdRole:
        return r.recordId;
    case ClientIdRole:
        return r.clientId;
    case Qt::DisplayRole:
    case ClientNameRole:
        return r.clientName;
    case PlaceRole:
        return r.place;
    case TimeTextRole:
        switch (r.kind) {
        case K::Visit:
        case K::Appointment:
            return RecordInput::clockText(r.when);
        case K::OverdueFollowUp: {
            const QDate due = QDate::fromString(r.when, Qt::ISODate);
            const qint64 days = due.daysTo(today());
            return days == 1 ? tr("Overdue since yesterday")
                             : tr("Overdue by %n days (%1)", nullptr, int(days))
                                   .arg(RecordInput::shortDayText(due));
        }
        case K::FollowUpDueToday:
            return tr("Due today");
        case K::SelfHarmRisk:
        case K::SevereDepression:
            return r.when.isEmpty() ? QString()
                                    : tr("Assessed %1").arg(RecordInput::dateText(r.when));
        case K::TransportMissing:
            return tr("%1 at %2")
                .arg(RecordInput::shortDayText(RecordInput::localDate(r.when)),
                     RecordInput::clockText(r.when));
        case K::ConsentExpired:
            return tr("Ran out %1").arg(RecordInput::dateText(r.when));
        }
        return {};
    case TitleRole:
        switch (r.kind) {
        case K::Visit:
            return r.title.isEmpty() ? tr("Visit") : tr("Visit: %1").arg(r.title);
        case K::Appointment:
            return tr("Appointment: %1").arg(r.title);
        case K::OverdueFollowUp:
        case K::FollowUpDueToday:
            return r.title;
        case K::SelfHarmRisk:
            return tr("Thoughts of self-harm on the PHQ-9: ask about safety today");
        case K::SevereDepression:
            return tr("Severe depression on the PHQ-9");
        case K::TransportMissing:
            return tr("No transport arranged for %1").arg(r.title);
        case K::ConsentExpired:
            return tr("Consent to share with %1 has expired").arg(r.title);
        }
        return {};
    case DetailRole:
        switch (r.kind) {
        case K::Visit:
            if (r.status == QLatin1String("in_progress"))
                return tr("In progress since %1").arg(RecordInput::clockText(r.when));
            if (r.status == QLatin1String("completed"))
                return r.detail.isEmpty()
                           ? tr("Completed")
                           : tr("Completed, checked out %1").arg(RecordInput::clockText(r.detail));
            return tr("Planned");
        case K::Appointment: {
            const QString status = r.status == QLatin1String("completed") ? tr("Completed")
                                   : r.status == QLatin1String("missed")  ? tr("Missed")
                                                                          : tr("Scheduled");
            return r.detail.isEmpty() ? status : tr("With %1 · %2").arg(r.detail, status);
        }
        case K::OverdueFollowUp:
        case K::FollowUpDueToday:
            return r.detail == QLatin1String("high")  ? tr("High priority")
                   : r.detail == QLatin1String("low") ? tr("Low priority")
                                                      : tr("Normal priority");
        case K::SelfHarmRisk:
        case K::SevereDepression:
            return r.detail.isEmpty() ? tr("Score so far %1 of 27 (not finished)").arg(r.score)
                                      : tr("Score %1 of 27: %2").arg(r.score).arg(r.detail);
        case K::TransportMissing:
            return r.detail.isEmpty() ? tr("Arrange a ride or ask family")
                                      : tr("With %1 · arrange a ride or ask family").arg(r.detail);
        case K::ConsentExpired:
            return tr("Ask the client to sign a new consent before sharing more");
        }
        return {};
    case UrgentRole:
        return r.kind == K::OverdueFollowUp || r.kind == K::SelfHarmRisk ||
               r.kind == K::SevereDepression ||
               (r.kind == K::Visit && r.status == QLatin1String("in_progress"));
    }
    return {};
}

QHash<int, QByteArray> TodayModel::roleNames() const
{
    return {{KindRole, "kind"},         {RecordIdRole, "recordId"},
            {ClientIdRole, "clientId"}, {ClientNameRole, "clientName"},
            {PlaceRole, "place"},       {TimeTextRole, "timeText"},
            {TitleRole, "title"},       {DetailRole, "detail"},
            {UrgentRole, "urgent"}};
}

} // namespace careround
