#pragma once

#include "caseloadrepository.h"
#include "changewatcher.h"
#include "session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace careround {

/**
 * The caseload list: the clients of the session's store matching the search text and filter,
 * in name order, each with what needs doing next. Loads page by page (fetchMore) through
 * the store's CaseloadRepository, so a caseload of any size opens at once. After an edit of one
 * client only that client's row is read again and signalled (dataChanged); the list is read
 * again only when the edit may change who is on it.
 */
class CaseloadModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(careround::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(Filter filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY totalCountChanged)

public:
    enum Filter { All, NeedsAttention, OverdueFollowUp, UnsignedDocuments };
    Q_ENUM(Filter)
    enum Role {
        ClientIdRole = Qt::UserRole + 1,
        NameRole,
        DetailsRole, ///< age, language, phone
        AddressRole,
        StatusRole,         ///< "" when active, else "On hold" / "Discharged"
        RiskFlagsRole,      ///< QStringList
        NextActionRole,     ///< what needs doing next, for people
        NextActionKindRole, ///< "overdue", "visit", "transport", ... (for icons and colours)
        UrgentRole,         ///< the next action is overdue or happening now
        NeedsAttentionRole,
        OverdueCountRole,
        UnsignedCountRole,
    };

    explicit CaseloadModel(QObject *parent = nullptr);
    ~CaseloadModel() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString searchText() const { return m_search; }
    void setSearchText(const QString &text);
    Filter filter() const { return m_filter; }
    void setFilter(Filter filter);
    int totalCount() const { return m_total; }
    QString summaryText() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /** Reads the list again from the first page. */
    Q_INVOKABLE void reload();
    /** How many times the whole list has been read (tests count them). */
    int loadCount() const { return m_loads; }
    /** The client id of a row ("" when out of range). */
    Q_INVOKABLE QString clientIdAt(int row) const;

    static constexpr int kPageSize = 25;
    /** As you type, matches are counted up to this ("1000 or more"). */
    static constexpr int kCountUpTo = 1000;
    /** The sentence a row shows for its next action (translated). */
    static QString describe(const NextAction &next, const QDate &today);

signals:
    void sessionChanged();
    void searchTextChanged();
    void filterChanged();
    void totalCountChanged();

private:
    CaseloadQuery query() const;
    CaseloadRepository *repository() const;
    void onChange(const Change &change);
    QPointer<Session> m_session;
    ChangeWatcher m_watcher;
    QString m_search;
    Filter m_filter = All;
    QVector<CaseloadRow> m_rows;
    bool m_hasMore = false;
    bool m_changing = false; ///< inside a reset or insert: views must not fetch meanwhile
    int m_total = 0;
    int m_loads = 0;
};

} // namespace careround
