#include "rowmodel.h"

namespace careround {

RowModel::RowModel(QStringList roles, QObject *parent)
    : QAbstractListModel(parent), m_roles(std::move(roles))
{}

void RowModel::setRows(const QVector<QVariantMap> &rows)
{
    if (rows.size() != m_rows.size()) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        emit countChanged();
        return;
    }
    for (int i = 0; i < rows.size(); ++i) {
        if (rows[i] == m_rows[i])
            continue;
        m_rows[i] = rows[i];
        emit dataChanged(index(i), index(i));
    }
}

QVariant RowModel::get(int row, const QString &role) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].value(role) : QVariant();
}

int RowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int r = role - Qt::UserRole - 1;
    if (role == Qt::DisplayRole)
        return m_rows[index.row()].value(m_roles.value(0));
    if (r < 0 || r >= m_roles.size())
        return {};
    return m_rows[index.row()].value(m_roles[r]);
}

QHash<int, QByteArray> RowModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, m_roles[i].toUtf8());
    return names;
}

} // namespace careround
