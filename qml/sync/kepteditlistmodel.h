#pragma once

#include "changewatcher.h"
#include "outboxrepository.h"
#include "session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * The edits kept for review on this tablet: unsent edits of an earlier sign-in, kept when the
 * tablet was enrolled again for another coordinator (DeviceAccount::reenrol). They are never
 * sent; the Sync screen lists them, readable (what record, the values typed, when), until the
 * coordinator dismisses each one.
 */
class KeptEditListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(careround::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString keptFrom READ keptFrom NOTIFY countChanged)

public:
    enum Role {
        SeqRole = Qt::UserRole + 1,
        TitleRole,  ///< "client Rosa Diaz" (a name from the kept edits), or kind and id
        ValuesRole, ///< "phone: 555-0142; address: 12 Elm St"
        WhenRole,   ///< when the edit was made
    };

    explicit KeptEditListModel(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    /** The name of the coordinator whose edits these are. */
    QString keptFrom() const { return m_keptFrom; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** Forgets one kept edit for good. */
    Q_INVOKABLE void dismiss(qint64 seq);
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void countChanged();

private:
    QPointer<Session> m_session;
    ChangeWatcher m_watcher;
    QVector<OutboxEntry> m_rows;
    QHash<QString, QString> m_names; ///< record id -> the name a kept edit gave it
    QString m_keptFrom;
};

} // namespace careround
