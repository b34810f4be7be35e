#pragma once

#include <QAbstractListModel>
#include <QVariantMap>
#include <QVector>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * A list model of rows of named values (the role names), refreshed in place: setRows() with
 * the same number of rows emits dataChanged for the rows that differ, so the views keep
 * their delegates (and a field being typed into keeps its focus). A different number of rows
 * resets the model.
 */
class RowModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Rows are provided by the screen's controller")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit RowModel(QStringList roles, QObject *parent = nullptr);

    int count() const { return int(m_rows.size()); }
    void setRows(const QVector<QVariantMap> &rows);
    const QVector<QVariantMap> &rows() const { return m_rows; }
    /** The value of a role in a row (invalid when out of range). */
    Q_INVOKABLE QVariant get(int row, const QString &role) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    QStringList m_roles;
    QVector<QVariantMap> m_rows;
};

} // namespace careround
