#pragma once

#include "changewatcher.h"
#include "record.h"
#include "session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * The open conflicts of this tablet, for the Conflicts screen: what record and field, both
 * values side by side with who wrote each and when, and their resolution (keep one, take the
 * other, or a value written by hand), which is an ordinary edit that syncs to every replica.
 */
class ConflictListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(careround::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    enum Role {
        ConflictIdRole = Qt::UserRole + 1,
        TitleRole,       ///< "Phone of client Maria Gonzalez"
        KindRole,        ///< concurrent_edit, void_vs_edit, amendment, future_stamp
        ExplanationRole, ///< what happened, in plain words
        KeptTextRole,
        KeptWhoRole,
        KeptWhenRole,
        OtherTextRole,
        OtherWhoRole,
        OtherWhenRole,
        CanTakeOtherRole, ///< false for an amendment to signed content
        CanMergeRole,     ///< a value can be written by hand (a concurrent edit)
    };

    explicit ConflictListModel(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString errorText() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /** choice: "kept", "other" or "merged" (then mergedText). True when resolved. */
    Q_INVOKABLE bool resolve(const QString &conflictId, const QString &choice,
                             const QString &mergedText = {});
    Q_INVOKABLE void reload();

    /** A field's value in words: yes/no, numbers in the locale, "(empty)". */
    static QString displayValue(const QJsonValue &value);

signals:
    void sessionChanged();
    void countChanged();
    void errorTextChanged();

private:
    struct Row {
        QString id, title, kind, explanation;
        QString keptText, keptWho, keptWhen, otherText, otherWho, otherWhen;
        bool canTakeOther = true, canMerge = false;
    };
    Row describe(const Record &conflict) const;
    /**
     * Who made one side, from its stamp and the name the server gave it (keptBy, otherBy):
     * the office, this tablet (its user), the person named, or "another tablet".
     */
    QString who(const QString &stampText, const QJsonValue &name) const;
    void setError(const QString &text);

    QPointer<Session> m_session;
    ChangeWatcher m_watcher;
    QVector<Row> m_rows;
    QString m_error;
};

} // namespace careround
