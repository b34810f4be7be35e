#pragma once

#include "sqlitedatabase.h"

#include <QDate>
#include <QDateTime>
#include <QStringList>
#include <QVector>

#include <limits>
#include <optional>

namespace careround {

/** Which clients of the caseload to list. */
enum class CaseloadFilter {
    All,
    /** Overdue follow-up, appointment within 7 days without transport, unresolved complaint,
        or a benefit application whose next action is due. */
    NeedsAttention,
    OverdueFollowUp,
    /** A completed assessment or an active care plan that nobody has signed. */
    UnsignedDocuments,
};

/** What a coordinator should do next for a client, most pressing first. */
struct NextAction {
    enum class Kind {
        None,
        VisitInProgress,  ///< detail: visit purpose; when: check-in or planned time
        OverdueFollowUp,  ///< detail: description; when: due date
        VisitToday,       ///< detail: visit purpose; when: planned time (UTC ISO)
        TransportNeeded,  ///< detail: appointment title; when: its start (UTC ISO)
        FollowUpDueToday, ///< detail: description; when: due date
        BenefitActionDue, ///< detail: "program: next action"; when: due date
        ComplaintOpen,    ///< detail: count of unresolved complaints
        SignatureNeeded,  ///< detail: "assessment" or "carePlan"
        FollowUpUpcoming, ///< detail: description; when: due date
    };
    Kind kind = Kind::None;
    QString detail;
    QString when;
};

/** One row of the caseload list: who, and what needs doing. */
struct CaseloadRow {
    QString clientId;
    QString firstName;
    QString lastName;
    QString phone;
    QString address;
    QString city;
    QString language;
    QDate dateOfBirth;
    QString status;
    QStringList riskFlags;
    int overdueFollowUps = 0;
    int unsignedDocuments = 0;
    int openComplaints = 0;
    bool transportNeeded = false;
    bool benefitActionDue = false;
    bool needsAttention = false;
    NextAction next;
};

/** A page request. Rows are in name order (last name, first name, id). */
struct CaseloadQuery {
    /** As typed: a prefix of a first or last name, "first last", a phone number (digits are
        compared, punctuation ignored), or a prefix of the street address or city. */
    QString search;
    CaseloadFilter filter = CaseloadFilter::All;
    QDate today = QDate::currentDate();
    int limit = 50;
    /** Keyset paging: the page starts after this row (empty id: from the start). */
    QString afterLastName, afterFirstName, afterId;
    /** Only this client (a row refreshed after an edit); empty: every client. */
    QString clientId;
};

/**
 * The SQL behind the caseload list: search as you type, filters, and per row what needs doing
 * next. Pages by keyset (never OFFSET) and computes the per-row facts only for the rows of the
 * page, so it stays fast with 100,000 clients (given the indexes of migrationSql()).
 */
class CaseloadRepository {
public:
    /** Queries the store (its indexes come with its migrations, see migrationSql()). From
        walkFrom matches a search branch outside list order is found by walking the list
        instead of sorting its matches (the default suits 1,000 to 100,000 clients). */
    explicit CaseloadRepository(SqliteDatabase &db, qint64 walkFrom = 1000);

    QVector<CaseloadRow> page(const CaseloadQuery &query);
    /** One client's row as the query shows it, or nothing when the query leaves it out (the
        query's paging is ignored): after an edit of one client, its row alone is read again. */
    std::optional<CaseloadRow> row(CaseloadQuery query, const QString &clientId);
    /** The number of clients the query matches (ignores paging), at most atMost: as you type,
        a short prefix matching thousands is counted only up to what a screen says. */
    qint64 count(const CaseloadQuery &query, qint64 atMost = std::numeric_limits<qint64>::max());

    /** The statements of the store's migration to a schema version that the caseload queries
        rely on (its indexes; empty for the other versions). */
    static QStringList migrationSql(int version);
    /** The SQL expression of a client's phone number with its punctuation removed. */
    static QString phoneDigitsSql(const QString &column);

private:
    /** What selects the clients: the conditions every row meets (not voided, the filter, the
        keyset) and, when searching, the ways the text can match, each an index range. */
    struct Where {
        QString common;
        QStringList ordered;   ///< branches whose index is in list order (last name first)
        QStringList scattered; ///< the other branches
        QStringList branches() const { return ordered + scattered; }
        bool isSearch() const { return !ordered.isEmpty() || !scattered.isEmpty(); }
    };
    Where whereSql(const CaseloadQuery &query, QVariantList &params) const;
    /** The matches of one branch, counted up to atMost. */
    qint64 countBranch(const QString &branch, const QString &common, QVariantList params,
                       qint64 atMost);
    SqliteDatabase &m_db;
    qint64 m_walkFrom;
};

} // namespace careround
