#pragma once

#include "sqlitedatabase.h"

#include <QDate>
#include <QDateTime>
#include <QStringList>
#include <QVector>

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
};

/**
 * The SQL behind the caseload list: search as you type, filters, and per row what needs doing
 * next. Pages by keyset (never OFFSET) and computes the per-row facts only for the rows of the
 * page, so it stays fast with 100,000 clients (given the indexes of indexSql()).
 */
class CaseloadRepository {
public:
    /** Creates the indexes of indexSql() when missing (IF NOT EXISTS, once). */
    explicit CaseloadRepository(SqliteDatabase &db);

    QVector<CaseloadRow> page(const CaseloadQuery &query);
    /** The number of clients the query matches (ignores paging). */
    qint64 count(const CaseloadQuery &query);

    /** The indexes the caseload queries rely on (CREATE INDEX IF NOT EXISTS ...). */
    static QStringList indexSql();
    /** The SQL expression of a client's phone number with its punctuation removed. */
    static QString phoneDigitsSql(const QString &column);

private:
    QString whereSql(const CaseloadQuery &query, QVariantList &params) const;
    SqliteDatabase &m_db;
};

} // namespace careround
