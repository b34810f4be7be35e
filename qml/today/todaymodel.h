#pragma once

#include "changewatcher.h"
#include "session.h"
#include "todayrepository.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace careround {

/**
 * One list of the Today screen, chosen by `list`: the day's schedule (visits and appointments
 * in time order), the follow-ups overdue or due today, or the alerts (thoughts of self-harm or
 * severe depression on the latest PHQ-9, appointments soon with no transport, consents that ran
 * out). Each list is read a page at a time (fetchMore), its summary counts the whole list. Reads
 * through the store's TodayRepository, again only when a record of a kind the list shows changes;
 * rows whose ids stay the same are updated in place (dataChanged).
 */
class TodayModel : public QAbstractListModel, public QQmlParserStatus {
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    Q_PROPERTY(careround::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(List list READ list WRITE setList NOTIFY listChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY countChanged)
    Q_PROPERTY(QString dayText READ dayText NOTIFY countChanged)

public:
    enum List { Schedule, FollowUps, Alerts };
    Q_ENUM(List)
    enum Role {
        KindRole = Qt::UserRole + 1, ///< "visit", "appointment", "overdue", "dueToday",
                                     ///< "selfHarm", "severeDepression", "transport"
        RecordIdRole,
        ClientIdRole,
        ClientNameRole,
        PlaceRole,
        TimeTextRole, ///< "09:30", "Overdue since Mon 16 Nov", "Tue 24 Nov 10:00"
        TitleRole,    ///< what it is, for people
        DetailRole,   ///< status, with whom, score and band...
        UrgentRole,
    };

    explicit TodayModel(QObject *parent = nullptr);
    ~TodayModel() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    List list() const { return m_list; }
    void setList(List list);
    QString summaryText() const;
    QString dayText() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    Q_INVOKABLE void reload();
    /** How many times the list has read the store (tests count them). */
    int loadCount() const { return m_loads; }
    /** The record kinds a list shows. */
    static QStringList kindsOf(List list);
    /** Made by QML: the first load waits until every property is set (one load, not one per
        property). */
    void classBegin() override;
    void componentComplete() override;
    /** The kind key of a row (see KindRole), "" when out of range. */
    Q_INVOKABLE QString kindAt(int row) const;

    static constexpr int kPageSize = 100;

signals:
    void sessionChanged();
    void listChanged();
    void countChanged();

private:
    QDate today() const;
    TodayRepository *repository() const;
    void setRows(QVector<TodayItem> rows);
    /** A page of the list after a row (from the start without one); counts on the first. */
    TodayPage page(int limit, const TodayItem *after);
    QPointer<Session> m_session;
    ChangeWatcher m_watcher;
    List m_list = Schedule;
    QVector<TodayItem> m_rows;
    bool m_hasMore = false;
    bool m_changing = false;
    bool m_creating = false;
    qint64 m_overdue = 0, m_dueToday = 0;
    qint64 m_total = 0; ///< rows of the whole list (the summary's count)
    int m_loads = 0;
};

} // namespace careround
