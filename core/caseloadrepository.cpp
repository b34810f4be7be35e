#include "caseloadrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

namespace careround {

namespace {

const QChar kSep(0x1f); // joins several values in one subquery column

// Open items, shared by the per-row facts and the filters so both always agree.
const char *kNotVoided = "ifnull(%1.voided,0)=0";
const char *kOpenBenefit = "('preparing','submitted','denied','appealed')";
const char *kOpenComplaint = "('open','investigating')";

QString notVoided(const QString &alias)
{
    return QString::fromLatin1(kNotVoided).arg(alias);
}

/** The UTC ISO text of local midnight starting a day: times are stored in UTC. */
QString dayStartUtc(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::systemTimeZone()).toUTC().toString(Qt::ISODate);
}

/** A string greater than every string starting with the prefix (for index range scans). */
QString prefixEnd(const QString &prefix)
{
    return prefix + QChar(0xffff);
}

struct Params {
    QVariantList values;
    QString operator()(const QVariant &value)
    {
        values.append(value);
        return QStringLiteral("?%1").arg(values.size());
    }
};

QString prefixTerm(Params &p, const QString &column, const QString &prefix)
{
    return QStringLiteral("(%1 >= %2 COLLATE NOCASE AND %1 < %3 COLLATE NOCASE)")
        .arg(column, p(prefix), p(prefixEnd(prefix)));
}

QString overdueSet(Params &p, const QString &today)
{
    return QStringLiteral("SELECT clientId FROM followUp WHERE status='open' AND dueOn < %1 AND %2")
        .arg(p(today), notVoided("followUp"));
}

QString transportSet(Params &p, const QString &from, const QString &to)
{
    return QStringLiteral("SELECT clientId FROM appointment WHERE status='scheduled' AND startsAt "
                          ">= %1 AND startsAt < %2 AND ifnull(transportArranged,0)=0 AND %3")
        .arg(p(from), p(to), notVoided("appointment"));
}

QString unsignedSet()
{
    return QStringLiteral(
               "SELECT clientId FROM assessment s WHERE status='complete' AND %1 AND NOT EXISTS "
               "(SELECT 1 FROM signature g WHERE g.recordId=s.id) UNION ALL SELECT clientId FROM "
               "carePlan p WHERE status='active' AND %2 AND NOT EXISTS (SELECT 1 FROM signature g "
               "WHERE g.recordId=p.id)")
        .arg(notVoided("s"), notVoided("p"));
}

QStringList splitFacts(const QString &text, int parts)
{
    QStringList out = text.split(kSep);
    while (out.size() < parts)
        out.append(QString());
    return out;
}

struct TimeBounds {
    QString today, dayStart, dayEnd, weekEnd;
    explicit TimeBounds(const QDate &day)
        : today(day.toString(Qt::ISODate)), dayStart(dayStartUtc(day)),
          dayEnd(dayStartUtc(day.addDays(1))), weekEnd(dayStartUtc(day.addDays(8)))
    {}
};

} // namespace

QString CaseloadRepository::phoneDigitsSql(const QString &column)
{
    return QStringLiteral("replace(replace(replace(replace(replace(replace(%1,'(',''),')',''),'-',"
                          "''),' ',''),'.',''),'+','')")
        .arg(column);
}

QStringList CaseloadRepository::migrationSql(int version)
{
    if (version == 3)
        return {
            // Name order and name / address / city prefixes (NOCASE: as-you-type search).
            "CREATE INDEX client_name_nocase ON client(lastName COLLATE NOCASE, "
            "firstName COLLATE NOCASE, id, voided)",
            "CREATE INDEX client_firstName_nocase ON client(firstName COLLATE NOCASE)",
            "CREATE INDEX client_address_nocase ON client(address COLLATE NOCASE)",
            "CREATE INDEX client_city_nocase ON client(city COLLATE NOCASE)",
            // Phone prefix on digits only (an index on an expression: SQLite >= 3.9).
            "CREATE INDEX client_phone_digits ON client(" + phoneDigitsSql("phone") + ")",
            // The filters' sets, as covering indexes.
            "CREATE INDEX followUp_status_due ON followUp(status, dueOn, clientId, voided)",
            "CREATE INDEX appointment_status_start ON appointment(status, startsAt, clientId, "
            "transportArranged, voided)",
            "CREATE INDEX complaint_status ON complaint(status, clientId, voided)",
            "CREATE INDEX benefitApplication_status_due ON benefitApplication(status, "
            "nextActionDue, clientId, voided)",
            "CREATE INDEX assessment_status ON assessment(status, clientId, voided, id)",
            "CREATE INDEX carePlan_status ON carePlan(status, clientId, voided, id)",
        };
    if (version == 4) {
        // Each search branch reads its own index alone: the prefix column, then the list order
        // (the page of a branch is sorted from the index, never from the table).
        const QString listOrder =
            QStringLiteral("lastName COLLATE NOCASE, firstName COLLATE NOCASE, id, voided)");
        return {
            // The list order, holding every searched column: a search with many matches walks it.
            "DROP INDEX client_name_nocase",
            "CREATE INDEX client_name_nocase ON client(lastName COLLATE NOCASE, firstName COLLATE "
            "NOCASE, id, voided, address, city, phone)",
            "DROP INDEX client_firstName_nocase",
            "DROP INDEX client_address_nocase",
            "DROP INDEX client_city_nocase",
            "DROP INDEX client_phone_digits",
            "CREATE INDEX client_firstName_nocase ON client(firstName COLLATE NOCASE, " + listOrder,
            "CREATE INDEX client_address_nocase ON client(address COLLATE NOCASE, " + listOrder,
            "CREATE INDEX client_city_nocase ON client(city COLLATE NOCASE, " + listOrder,
            "CREATE INDEX client_phone_digits ON client(" + phoneDigitsSql("phone") + ", " +
                listOrder,
        };
    }
    return {};
}

CaseloadRepository::CaseloadRepository(SqliteDatabase &db, qint64 walkFrom)
    : m_db(db), m_walkFrom(walkFrom)
{}

CaseloadRepository::Where CaseloadRepository::whereSql(const CaseloadQuery &query,
                                                       QVariantList &params) const
{
    Params p;
    p.values = params;
    Where w;
    QStringList common{notVoided("c")};
    const TimeBounds t(query.today);

    // Each way a typed text can match is one branch with one index range of its own.
    const QString text = query.search.simplified();
    if (!text.isEmpty()) {
        static const QRegularExpression phoneLike(QStringLiteral("^[0-9()+.\\- ]+$"));
        QString digits = text;
        digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
        if (phoneLike.match(text).hasMatch() && digits.size() >= 2)
            w.scattered.append(
                QStringLiteral("(%1 >= %2 AND %1 < %3)")
                    .arg(phoneDigitsSql("c.phone"), p(digits), p(prefixEnd(digits))));
        const QStringList words = text.split(QLatin1Char(' '));
        if (words.size() > 1) {
            const QString rest = QStringList(words.mid(1)).join(QLatin1Char(' '));
            w.scattered.append(QStringLiteral("%1 AND %2")
                                   .arg(prefixTerm(p, "c.firstName", words.first()),
                                        prefixTerm(p, "c.lastName", rest)));
            w.ordered.append(QStringLiteral("%1 AND %2")
                                 .arg(prefixTerm(p, "c.lastName", words.first()),
                                      prefixTerm(p, "c.firstName", rest)));
        }
        w.ordered.append(prefixTerm(p, "c.lastName", text));
        w.scattered.append(prefixTerm(p, "c.firstName", text));
        w.scattered.append(prefixTerm(p, "c.address", text));
        w.scattered.append(prefixTerm(p, "c.city", text));
    }

    // A filter's set is computed once; "+c.id" makes SQLite walk the (covering) name index in
    // list order and stop after a page, instead of reading every member's row and sorting.
    switch (query.filter) {
    case CaseloadFilter::All:
        break;
    case CaseloadFilter::OverdueFollowUp:
        common.append(QStringLiteral("+c.id IN (%1)").arg(overdueSet(p, t.today)));
        break;
    case CaseloadFilter::UnsignedDocuments:
        common.append(QStringLiteral("+c.id IN (%1)").arg(unsignedSet()));
        break;
    case CaseloadFilter::NeedsAttention:
        common.append(
            QStringLiteral("+c.id IN (%1 UNION %2 UNION SELECT clientId FROM complaint WHERE "
                           "status IN %3 AND %4 UNION SELECT clientId FROM benefitApplication "
                           "WHERE status IN %5 AND nextActionDue <= %6 AND %7)")
                .arg(overdueSet(p, t.today), transportSet(p, t.dayStart, t.weekEnd),
                     QLatin1String(kOpenComplaint), notVoided("complaint"),
                     QLatin1String(kOpenBenefit), p(t.today), notVoided("benefitApplication")));
        break;
    }
    if (!query.clientId.isEmpty())
        common.append(QStringLiteral("c.id = %1").arg(p(query.clientId)));
    if (!query.afterId.isEmpty()) {
        // Keyset paging in the order of client_name_nocase; the first term opens the range.
        const QString last = p(query.afterLastName), first = p(query.afterFirstName);
        common.append(
            QStringLiteral("c.lastName >= %1 COLLATE NOCASE AND (c.lastName > %1 COLLATE "
                           "NOCASE OR (c.lastName = %1 COLLATE NOCASE AND (c.firstName > %2 "
                           "COLLATE NOCASE OR (c.firstName = %2 COLLATE NOCASE AND c.id > %3))))")
                .arg(last, first, p(query.afterId)));
    }
    w.common = common.join(QStringLiteral(" AND "));
    params = p.values;
    return w;
}

QVector<CaseloadRow> CaseloadRepository::page(const CaseloadQuery &query)
{
    const TimeBounds t(query.today);
    Params p;
    // Per-row facts: correlated subqueries, evaluated only for the rows of the page. The unary
    // "+" keeps the status indexes (meant for the filters) out of them: by client is cheaper.
    const QString select =
        QStringLiteral(
            "SELECT c.id, c.firstName, c.lastName, c.phone, c.address, c.city, c.language, "
            "c.dateOfBirth, c.status, c.riskFlags, "
            "(SELECT count(*) FROM followUp f WHERE f.clientId=c.id AND +f.status='open' AND "
            "+f.dueOn < %1 AND %2), "
            "(SELECT f.dueOn || char(31) || f.description FROM followUp f WHERE f.clientId=c.id "
            "AND +f.status='open' AND %2 ORDER BY f.dueOn LIMIT 1), "
            "(SELECT v.status || char(31) || ifnull(v.checkInAt, v.plannedAt) || char(31) || "
            "ifnull(v.purpose,'') FROM visit v WHERE v.clientId=c.id AND %3 AND (v.status="
            "'in_progress' OR (v.status='planned' AND v.plannedAt >= %4 AND v.plannedAt < %5)) "
            "ORDER BY v.status='in_progress' DESC, v.plannedAt LIMIT 1), "
            "(SELECT a.startsAt || char(31) || a.title FROM appointment a WHERE a.clientId=c.id "
            "AND +a.status='scheduled' AND +a.startsAt >= %4 AND +a.startsAt < %6 AND "
            "ifnull(a.transportArranged,0)=0 AND %7 ORDER BY a.startsAt LIMIT 1), "
            "(SELECT count(*) FROM assessment s WHERE s.clientId=c.id AND s.status='complete' AND "
            "%8 AND NOT EXISTS (SELECT 1 FROM signature g WHERE g.recordId=s.id)), "
            "(SELECT count(*) FROM carePlan p WHERE p.clientId=c.id AND p.status='active' AND %9 "
            "AND NOT EXISTS (SELECT 1 FROM signature g WHERE g.recordId=p.id)), "
            "(SELECT count(*) FROM complaint m WHERE m.clientId=c.id AND m.status IN %10 AND %11), "
            "(SELECT b.nextActionDue || char(31) || b.program || char(31) || ifnull(b.nextAction,"
            "'') FROM benefitApplication b WHERE b.clientId=c.id AND b.status IN %12 AND "
            "b.nextActionDue <= %1 AND %13 ORDER BY b.nextActionDue LIMIT 1) "
            "FROM ")
            .arg(p(t.today), notVoided("f"), notVoided("v"), p(t.dayStart), p(t.dayEnd),
                 p(t.weekEnd), notVoided("a"), notVoided("s"), notVoided("p"))
            .arg(QLatin1String(kOpenComplaint), notVoided("m"), QLatin1String(kOpenBenefit),
                 notVoided("b"));
    QVariantList params = p.values;
    const Where where = whereSql(query, params);
    p.values = params;
    const QString order =
        QStringLiteral(" ORDER BY c.lastName COLLATE NOCASE, c.firstName COLLATE NOCASE, c.id");
    const QString limit = QStringLiteral(" LIMIT ") + p(qMax(1, query.limit));
    // The page is chosen first (inner query, by index), and only its rows get their facts.
    QString pageIds;
    if (!where.isSearch()) {
        pageIds = QStringLiteral("SELECT c.id AS pageId FROM client c WHERE ") + where.common +
                  order + limit;
    } else {
        // The first page of each branch, then the first page of their union. A branch in list
        // order (last name first) reads its first page off its index range. Another branch
        // with few matches sorts them; with many (a first letter of a first name, a city) its
        // matches are scattered through the list, so those branches are found together by
        // walking the list index (which holds every searched column) for a few hundred entries.
        const auto firstPage = [&](const QString &from, const QString &condition) {
            return QStringLiteral("SELECT * FROM (SELECT c.id AS pageId, c.lastName AS ln, "
                                  "c.firstName AS fn FROM client c %1 WHERE %2 AND %3")
                       .arg(from, condition, where.common) +
                   order + limit + QLatin1Char(')');
        };
        QStringList firstPages, walk;
        for (const QString &branch : where.ordered)
            firstPages.append(firstPage(QString(), branch));
        for (const QString &branch : where.scattered) {
            if (countBranch(branch, where.common, params, m_walkFrom) >= m_walkFrom)
                walk.append(branch);
            else
                firstPages.append(firstPage(QString(), branch));
        }
        if (!walk.isEmpty())
            firstPages.append(
                firstPage(QStringLiteral("INDEXED BY client_name_nocase"),
                          QLatin1Char('(') + walk.join(QStringLiteral(" OR ")) + QLatin1Char(')')));
        pageIds = QStringLiteral("SELECT pageId FROM (%1) ORDER BY ln COLLATE NOCASE, fn COLLATE "
                                 "NOCASE, pageId")
                      .arg(firstPages.join(QStringLiteral(" UNION "))) +
                  limit;
    }
    // CROSS JOIN keeps the page as the outer loop (SQLite does not reorder it).
    const QString sql =
        select + QStringLiteral("(%1) AS pg CROSS JOIN client c ON c.id = pg.pageId").arg(pageIds) +
        order;

    SqliteStatement &st = m_db.prepare(sql);
    st.bindAll(p.values);
    QVector<CaseloadRow> rows;
    while (st.step()) {
        CaseloadRow r;
        r.clientId = st.text(0);
        r.firstName = st.text(1);
        r.lastName = st.text(2);
        r.phone = st.text(3);
        r.address = st.text(4);
        r.city = st.text(5);
        r.language = st.text(6);
        r.dateOfBirth = QDate::fromString(st.text(7), Qt::ISODate);
        r.status = st.text(8);
        for (const auto &flag : QJsonDocument::fromJson(st.text(9).toUtf8()).array())
            r.riskFlags.append(flag.toString());
        r.overdueFollowUps = int(st.int64(10));
        const QStringList followUp = splitFacts(st.text(11), 2);
        const QStringList visit = splitFacts(st.text(12), 3);
        const QStringList transport = splitFacts(st.text(13), 2);
        const int unsignedAssessments = int(st.int64(14));
        r.unsignedDocuments = unsignedAssessments + int(st.int64(15));
        r.openComplaints = int(st.int64(16));
        const QStringList benefit = splitFacts(st.text(17), 3);
        r.transportNeeded = !st.isNull(13);
        r.benefitActionDue = !st.isNull(17);
        r.needsAttention = r.overdueFollowUps > 0 || r.transportNeeded || r.openComplaints > 0 ||
                           r.benefitActionDue;

        // The most pressing thing first.
        using K = NextAction::Kind;
        NextAction &n = r.next;
        if (visit[0] == QLatin1String("in_progress")) {
            n = {K::VisitInProgress, visit[2], visit[1]};
        } else if (r.overdueFollowUps > 0) {
            n = {K::OverdueFollowUp, followUp[1], followUp[0]};
        } else if (!st.isNull(12)) {
            n = {K::VisitToday, visit[2], visit[1]};
        } else if (r.transportNeeded) {
            n = {K::TransportNeeded, transport[1], transport[0]};
        } else if (!st.isNull(11) && followUp[0] == t.today) {
            n = {K::FollowUpDueToday, followUp[1], followUp[0]};
        } else if (r.benefitActionDue) {
            n = {K::BenefitActionDue,
                 benefit[2].isEmpty() ? benefit[1] : benefit[1] + QStringLiteral(": ") + benefit[2],
                 benefit[0]};
        } else if (r.openComplaints > 0) {
            n = {K::ComplaintOpen, QString::number(r.openComplaints), QString()};
        } else if (r.unsignedDocuments > 0) {
            n = {K::SignatureNeeded,
                 unsignedAssessments > 0 ? QStringLiteral("assessment")
                                         : QStringLiteral("carePlan"),
                 QString()};
        } else if (!st.isNull(11)) {
            n = {K::FollowUpUpcoming, followUp[1], followUp[0]};
        }
        rows.append(r);
    }
    st.reset();
    return rows;
}

std::optional<CaseloadRow> CaseloadRepository::row(CaseloadQuery query, const QString &clientId)
{
    query.clientId = clientId;
    query.afterLastName = query.afterFirstName = query.afterId = QString();
    query.limit = 1;
    const QVector<CaseloadRow> rows = page(query);
    return rows.isEmpty() ? std::nullopt : std::optional<CaseloadRow>(rows.first());
}

qint64 CaseloadRepository::countBranch(const QString &branch, const QString &common,
                                       QVariantList params, qint64 atMost)
{
    params.append(atMost);
    return m_db
        .scalar(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM client c WHERE %1 AND %2 "
                               "LIMIT ?%3)")
                    .arg(branch, common)
                    .arg(params.size()),
                params)
        .toLongLong();
}

qint64 CaseloadRepository::count(const CaseloadQuery &query, qint64 atMost)
{
    QVariantList params;
    const Where where = whereSql(query, params);
    params.append(atMost);
    const QString limit = QStringLiteral(" LIMIT ?%1").arg(params.size());
    if (!where.isSearch())
        return m_db
            .scalar(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM client c WHERE %1%2)")
                        .arg(where.common, limit),
                    params)
            .toLongLong();
    // Each branch stops at atMost matches: when one reaches it, so does their union.
    QStringList branches;
    for (const QString &branch : where.branches())
        branches.append(
            QStringLiteral("SELECT r FROM (SELECT c.rowid AS r FROM client c WHERE %1 AND %2")
                .arg(branch, where.common) +
            limit + QLatin1Char(')'));
    const qint64 n = m_db.scalar(QStringLiteral("SELECT count(*) FROM (%1)")
                                     .arg(branches.join(QStringLiteral(" UNION "))),
                                 params)
                         .toLongLong();
    return qMin(n, atMost);
}

} // namespace careround
