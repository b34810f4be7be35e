#include "caseloadmodel.h"

#include "devicestore.h"
#include "recordinput.h"

#include <algorithm>

namespace careround {

namespace {

QString kindKey(NextAction::Kind kind)
{
    using K = NextAction::Kind;
    switch (kind) {
    case K::None:
        return QStringLiteral("none");
    case K::VisitInProgress:
        return QStringLiteral("visitInProgress");
    case K::OverdueFollowUp:
        return QStringLiteral("overdue");
    case K::VisitToday:
        return QStringLiteral("visitToday");
    case K::TransportNeeded:
        return QStringLiteral("transport");
    case K::FollowUpDueToday:
        return QStringLiteral("dueToday");
    case K::BenefitActionDue:
        return QStringLiteral("benefit");
    case K::ComplaintOpen:
        return QStringLiteral("complaint");
    case K::SignatureNeeded:
        return QStringLiteral("signature");
    case K::FollowUpUpcoming:
        return QStringLiteral("upcoming");
    }
    return {};
}

bool sameRow(const CaseloadRow &a, const CaseloadRow &b)
{
    return a.clientId == b.clientId && a.firstName == b.firstName && a.lastName == b.lastName &&
           a.phone == b.phone && a.address == b.address && a.city == b.city &&
           a.language == b.language && a.dateOfBirth == b.dateOfBirth && a.status == b.status &&
           a.riskFlags == b.riskFlags && a.overdueFollowUps == b.overdueFollowUps &&
           a.unsignedDocuments == b.unsignedDocuments && a.openComplaints == b.openComplaints &&
           a.transportNeeded == b.transportNeeded && a.benefitActionDue == b.benefitActionDue &&
           a.needsAttention == b.needsAttention && a.next.kind == b.next.kind &&
           a.next.detail == b.next.detail && a.next.when == b.next.when;
}

} // namespace

CaseloadModel::CaseloadModel(QObject *parent)
    : QAbstractListModel(parent),
      // What the rows show: see CaseloadRepository::page().
      m_watcher(
          {"client", "followUp", "visit", "appointment", "assessment", "carePlan", "signature",
           "complaint", "benefitApplication"},
          [this](const Change &change) { onChange(change); }, [this] { reload(); })
{}

CaseloadRepository *CaseloadModel::repository() const
{
    return m_session && m_session->store() ? &m_session->store()->caseload() : nullptr;
}

void CaseloadModel::onChange(const Change &change)
{
    CaseloadRepository *repository = this->repository();
    if (!repository || change.clientId.isEmpty()) {
        reload();
        return;
    }
    const auto at = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const CaseloadRow &r) {
        return r.clientId == change.clientId;
    });
    if (at == m_rows.cend()) {
        // Not among the rows read so far. Only the filters depend on other kinds than the
        // client itself (the search reads the client's own fields): it may join the list.
        const bool mayJoin = change.touchesKind(QStringLiteral("client")) || m_filter != All;
        if (mayJoin && repository->row(query(), change.clientId))
            reload();
        return;
    }
    const std::optional<CaseloadRow> row = repository->row(query(), change.clientId);
    const int i = int(at - m_rows.cbegin());
    if (!row || row->lastName != at->lastName || row->firstName != at->firstName) {
        reload(); // it left the list, or moved in it
        return;
    }
    if (!sameRow(*row, *at)) {
        m_rows[i] = *row;
        emit dataChanged(index(i), index(i));
    }
}

CaseloadModel::~CaseloadModel() = default;

void CaseloadModel::setSession(Session *session)
{
    if (m_session == session)
        return;
    m_session = session;
    emit sessionChanged();
    m_watcher.setSession(session);
}

void CaseloadModel::setSearchText(const QString &text)
{
    if (m_search == text)
        return;
    m_search = text;
    emit searchTextChanged();
    reload();
}

void CaseloadModel::setFilter(Filter filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    emit filterChanged();
    reload();
}

QString CaseloadModel::summaryText() const
{
    if (m_filter == All && m_search.trimmed().isEmpty())
        return tr("Clients: %1").arg(m_total);
    if (!m_search.trimmed().isEmpty() && m_total >= kCountUpTo)
        return tr("Matching clients: %1 or more").arg(kCountUpTo);
    return tr("Matching clients: %1").arg(m_total);
}

CaseloadQuery CaseloadModel::query() const
{
    CaseloadQuery q;
    q.search = m_search;
    q.filter = CaseloadFilter(m_filter);
    q.today = m_session ? m_session->today() : QDate::currentDate();
    q.limit = kPageSize;
    return q;
}

void CaseloadModel::reload()
{
    // No fetchMore from views reacting to the reset until it is complete.
    ++m_loads;
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    m_hasMore = false;
    m_total = 0;
    if (CaseloadRepository *repository = this->repository()) {
        const CaseloadQuery q = query();
        m_rows = repository->page(q);
        m_hasMore = m_rows.size() == q.limit;
        m_total = int(q.search.trimmed().isEmpty() ? repository->count(q)
                                                   : repository->count(q, kCountUpTo));
    }
    endResetModel();
    m_changing = false;
    // The summary text depends on the search and filter too, so always tell.
    emit totalCountChanged();
}

int CaseloadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool CaseloadModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && repository() && !m_changing;
}

void CaseloadModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    CaseloadQuery q = query();
    const CaseloadRow &last = m_rows.constLast();
    q.afterLastName = last.lastName;
    q.afterFirstName = last.firstName;
    q.afterId = last.clientId;
    const QVector<CaseloadRow> more = repository()->page(q);
    m_hasMore = more.size() == q.limit;
    if (more.isEmpty())
        return;
    m_changing = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size() - 1));
    m_rows += more;
    endInsertRows();
    m_changing = false;
}

QString CaseloadModel::clientIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).clientId : QString();
}

QString CaseloadModel::describe(const NextAction &next, const QDate &today)
{
    using K = NextAction::Kind;
    switch (next.kind) {
    case K::None:
        return tr("Nothing due");
    case K::VisitInProgress:
        return tr("Visit in progress since %1: check out when done")
            .arg(RecordInput::clockText(next.when));
    case K::OverdueFollowUp: {
        const int days = int(QDate::fromString(next.when, Qt::ISODate).daysTo(today));
        return days == 1 ? tr("Follow-up overdue since yesterday: %1").arg(next.detail)
                         : tr("Follow-up overdue by %n days: %1", nullptr, days).arg(next.detail);
    }
    case K::VisitToday:
        return next.detail.isEmpty()
                   ? tr("Visit today at %1").arg(RecordInput::clockText(next.when))
                   : tr("Visit today at %1: %2")
                         .arg(RecordInput::clockText(next.when), next.detail);
    case K::TransportNeeded:
        return tr("Arrange transport for %1 on %2 at %3")
            .arg(next.detail, RecordInput::shortDayText(RecordInput::localDate(next.when)),
                 RecordInput::clockText(next.when));
    case K::FollowUpDueToday:
        return tr("Follow-up due today: %1").arg(next.detail);
    case K::BenefitActionDue:
        return tr("Benefits due %1: %2")
            .arg(RecordInput::shortDayText(RecordInput::localDate(next.when)), next.detail);
    case K::ComplaintOpen:
        return tr("Open complaints to follow up: %1").arg(next.detail);
    case K::SignatureNeeded:
        return next.detail == QLatin1String("assessment") ? tr("Assessment needs a signature")
                                                          : tr("Care plan needs a signature");
    case K::FollowUpUpcoming:
        return tr("Next follow-up %1: %2")
            .arg(RecordInput::shortDayText(RecordInput::localDate(next.when)), next.detail);
    }
    return {};
}

QVariant CaseloadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseloadRow &r = m_rows.at(index.row());
    const QDate today = m_session ? m_session->today() : QDate::currentDate();
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return QStringLiteral("%1 %2").arg(r.firstName, r.lastName);
    case ClientIdRole:
        return r.clientId;
    case DetailsRole: {
        QStringList parts;
        if (r.dateOfBirth.isValid()) {
            int age = today.year() - r.dateOfBirth.year();
            if (today < r.dateOfBirth.addYears(age))
                --age;
            parts.append(tr("Age %1").arg(age));
        }
        if (!r.language.isEmpty())
            parts.append(r.language);
        if (!r.phone.isEmpty())
            parts.append(r.phone);
        return parts.join(QStringLiteral(" · "));
    }
    case AddressRole:
        return r.city.isEmpty() ? r.address : r.address + QStringLiteral(", ") + r.city;
    case StatusRole:
        return r.status == QLatin1String("on_hold")      ? tr("On hold")
               : r.status == QLatin1String("discharged") ? tr("Discharged")
                                                         : QString();
    case RiskFlagsRole:
        return r.riskFlags;
    case NextActionRole:
        return describe(r.next, today);
    case NextActionKindRole:
        return kindKey(r.next.kind);
    case UrgentRole:
        return r.next.kind == NextAction::Kind::OverdueFollowUp ||
               r.next.kind == NextAction::Kind::VisitInProgress ||
               r.next.kind == NextAction::Kind::VisitToday ||
               r.next.kind == NextAction::Kind::TransportNeeded;
    case NeedsAttentionRole:
        return r.needsAttention;
    case OverdueCountRole:
        return r.overdueFollowUps;
    case UnsignedCountRole:
        return r.unsignedDocuments;
    }
    return {};
}

QHash<int, QByteArray> CaseloadModel::roleNames() const
{
    return {{ClientIdRole, "clientId"},
            {NameRole, "name"},
            {DetailsRole, "details"},
            {AddressRole, "address"},
            {StatusRole, "statusText"},
            {RiskFlagsRole, "riskFlags"},
            {NextActionRole, "nextAction"},
            {NextActionKindRole, "nextActionKind"},
            {UrgentRole, "urgent"},
            {NeedsAttentionRole, "needsAttention"},
            {OverdueCountRole, "overdueCount"},
            {UnsignedCountRole, "unsignedCount"}};
}

} // namespace careround
