#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QVariantMap>
#include <QVector>

namespace careround {

/**
 * The list model of every screen: rows, each a map of named values (its "rowId" or
 * "recordId" identifies it), behind a QML view. The roles are fixed when the model is made.
 * setRows() replaces the rows: when the ids are the same in the same order (or, for rows
 * without ids, the count is the same) only the rows that changed are signalled
 * (dataChanged), so a view keeps its delegates (and the focus of a field being edited) while
 * every field saves as it is edited; otherwise the model resets.
 */
class KeyedListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    /** roles: the keys of each row; "rowId" (the record id) is added when missing. */
    explicit KeyedListModel(QStringList roles, QObject *parent = nullptr);

    void setRows(const QVector<QVariantMap> &rows);
    const QVector<QVariantMap> &rows() const { return m_rows; }
    int count() const { return int(m_rows.size()); }
    /** The row with this id, or -1. */
    Q_INVOKABLE int indexOf(const QString &id) const;
    /** A row's values by key (empty when out of range). */
    Q_INVOKABLE QVariantMap get(int row) const;
    /** One value of a row (invalid when out of range). */
    Q_INVOKABLE QVariant get(int row, const QString &role) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    QStringList m_keys;
    QVector<QVariantMap> m_rows;
};

} // namespace careround
