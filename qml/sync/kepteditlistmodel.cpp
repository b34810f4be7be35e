#include "kepteditlistmodel.h"

#include "conflictlistmodel.h"
#include "devicestore.h"
#include "schema.h"

#include <QDateTime>
#include <QLocale>

namespace careround {

KeptEditListModel::KeptEditListModel(QObject *parent)
    : QAbstractListModel(parent),
      m_watcher(
          {"client"}, [this](const Change &) { reload(); }, [this] { reload(); })
{}

void KeptEditListModel::setSession(Session *session)
{
    if (m_session == session)
        return;
    m_session = session;
    emit sessionChanged();
    m_watcher.setSession(session);
}

void KeptEditListModel::reload()
{
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    beginResetModel();
    m_rows = store ? store->outbox().keptForReview() : QVector<OutboxEntry>();
    m_keptFrom = store ? store->meta().value(QStringLiteral("review.keptFrom")) : QString();
    // The records are gone from the tablet: a name comes from the kept edits themselves.
    m_names.clear();
    for (const OutboxEntry &e : m_rows) {
        const QString name = QStringLiteral("%1 %2")
                                 .arg(e.values.value(QStringLiteral("firstName")).toString(),
                                      e.values.value(QStringLiteral("lastName")).toString())
                                 .trimmed();
        if (!name.isEmpty())
            m_names.insert(e.recordId, name);
    }
    endResetModel();
    emit countChanged();
}

void KeptEditListModel::dismiss(qint64 seq)
{
    if (DeviceStore *store = m_session ? m_session->store() : nullptr) {
        auto tx = store->transaction();
        store->outbox().dismissKept(seq);
        tx.commit();
    }
    reload();
}

int KeptEditListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant KeptEditListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxEntry &e = m_rows.at(index.row());
    switch (role) {
    case SeqRole:
        return e.seq;
    case Qt::DisplayRole:
    case TitleRole: {
        const EntityDef *def = Schema::instance().entity(e.entity);
        const QString kind = def ? def->labelText() : e.entity;
        const QString name = m_names.value(e.recordId);
        return name.isEmpty() ? tr("%1 %2").arg(kind, e.recordId.left(8))
                              : tr("%1 %2").arg(kind, name);
    }
    case ValuesRole: {
        QStringList parts;
        for (auto it = e.values.begin(); it != e.values.end(); ++it)
            parts.append(QStringLiteral("%1: %2").arg(it.key(),
                                                      ConflictListModel::displayValue(it.value())));
        return parts.join(QStringLiteral("; "));
    }
    case WhenRole:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(e.hlc.millis())),
                                  QLocale::ShortFormat);
    }
    return {};
}

QHash<int, QByteArray> KeptEditListModel::roleNames() const
{
    return {{SeqRole, "seq"}, {TitleRole, "title"}, {ValuesRole, "values"}, {WhenRole, "when"}};
}

} // namespace careround
