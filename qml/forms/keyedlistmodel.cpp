#include "keyedlistmodel.h"

namespace careround {

KeyedListModel::KeyedListModel(QStringList roles, QObject *parent)
    : QAbstractListModel(parent), m_keys(std::move(roles))
{
    if (!m_keys.contains(QLatin1String("rowId")))
        m_keys.prepend(QStringLiteral("rowId"));
}

namespace {
// A row's identity: its "rowId", else its "recordId"; rows with neither match by position.
QVariant rowKey(const QVariantMap &row)
{
    const auto it = row.constFind(QStringLiteral("rowId"));
    return it != row.constEnd() ? *it : row.value(QStringLiteral("recordId"));
}
} // namespace

void KeyedListModel::setRows(const QVector<QVariantMap> &rows)
{
    bool sameIds = rows.size() == m_rows.size();
    for (int i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rowKey(rows[i]) == rowKey(m_rows[i]);
    if (!sameIds) {
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

int KeyedListModel::indexOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (rowKey(m_rows[i]).toString() == id)
            return i;
    return -1;
}

QVariant KeyedListModel::get(int row, const QString &role) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].value(role) : QVariant();
}

QVariantMap KeyedListModel::get(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row] : QVariantMap();
}

int KeyedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant KeyedListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantMap &row = m_rows[index.row()];
    if (role == Qt::DisplayRole)
        return row.value(m_keys.value(1));
    const int key = role - Qt::UserRole - 1;
    if (key < 0 || key >= m_keys.size())
        return {};
    return row.value(m_keys[key]);
}

QHash<int, QByteArray> KeyedListModel::roleNames() const
{
    QHash<int, QByteArray> names{{Qt::DisplayRole, "display"}};
    for (int i = 0; i < m_keys.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, m_keys[i].toUtf8());
    return names;
}

} // namespace careround
