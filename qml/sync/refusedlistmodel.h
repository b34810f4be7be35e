#pragma once

#include "session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * The edits the agency server refused, for the Sync page: what record, why (the server's
 * reason in plain words), the values that were sent and when they were made. Nothing typed is
 * lost: the server keeps each one for the office to apply or discard, and the list keeps them
 * readable until the coordinator dismisses one (an audit event says so).
 */
class RefusedListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(careround::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        SeqRole = Qt::UserRole + 1,
        TitleRole,  ///< "Change to a client"
        ReasonRole, ///< why, in plain words
        ValuesRole, ///< "phone: 555-0101; notes: …"
        WhenRole,   ///< when the edit was made
    };

    explicit RefusedListModel(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** Dismisses one refused edit (OutboxRepository::refused). True when it was there. */
    Q_INVOKABLE bool dismiss(qint64 seq);
    Q_INVOKABLE void reload();

    /** The refusal's reason in words a coordinator acts on. */
    static QString reasonText(const QString &reason, const QString &serverMessage);

signals:
    void sessionChanged();
    void countChanged();

private:
    struct Row {
        qint64 seq = 0;
        QString title, reason, values, when;
    };
    void watchEngine();

    QPointer<Session> m_session;
    QVector<Row> m_rows;
};

} // namespace careround
