#include "rowlistmodel.h"

namespace careround {

RowListModel::RowListModel(QStringList keys, QObject *parent)
    : QAbstractListModel(parent), m_keys(std::move(keys))
{}

void RowListModel::setRows(const QVector<QVariantMap> &rows)
{
    bool sameIds = rows.size() == m_rows.size();
    for (int i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows[i].value(QStringLiteral("recordId")) ==
                  m_rows[i].value(QStringLiteral("recordId"));
    if (!sameIds) {
        const bool countChanges = rows.size() != m_rows.size();
        beginResetModel();
        m_rows = rows;
        endResetModel();
        if (countChanges)
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

QVariant RowListModel::valueAt(int row, const QString &key) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].value(key) : QVariant(QString());
}

int RowListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RowListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int key = role - Qt::UserRole - 1;
    if (role == Qt::DisplayRole)
        return m_rows[index.row()].value(QStringLiteral("recordId"));
    if (key < 0 || key >= m_keys.size())
        return {};
    return m_rows[index.row()].value(m_keys[key]);
}

QHash<int, QByteArray> RowListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_keys.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, m_keys[i].toUtf8());
    return names;
}

} // namespace careround
