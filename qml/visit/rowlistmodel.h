#pragma once

#include <QAbstractListModel>
#include <QVariantMap>
#include <QVector>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * A small list of rows (maps with the same keys, one of them "recordId") for the lists of a screen
 * that change a row at a time: setRows() keeps the rows whose ids stay in place and only
 * reports their changed values, so a delegate being edited is not recreated under the finger.
 */
class RowListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Lists are owned by their screen's controller")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    /** keys: the row keys, each becoming a role of the same name. */
    explicit RowListModel(QStringList keys, QObject *parent = nullptr);

    void setRows(const QVector<QVariantMap> &rows);
    const QVector<QVariantMap> &rows() const { return m_rows; }
    /** A value of a row ("" when out of range). */
    Q_INVOKABLE QVariant valueAt(int row, const QString &key) const;

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
