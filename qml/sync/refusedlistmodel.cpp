#include "refusedlistmodel.h"

#include "devicestore.h"
#include "localeditor.h"
#include "syncengine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace careround {

namespace {

QString valueText(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return RefusedListModel::tr("(empty)");
    if (v.isBool())
        return v.toBool() ? RefusedListModel::tr("yes") : RefusedListModel::tr("no");
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QLocale().toString(v.toDouble());
    return QString::fromUtf8(v.isArray()
                                 ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

RefusedListModel::RefusedListModel(QObject *parent) : QAbstractListModel(parent) {}

void RefusedListModel::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, &RefusedListModel::reload);
        connect(m_session, &Session::syncChanged, this, &RefusedListModel::watchEngine);
    }
    watchEngine();
    emit sessionChanged();
    reload();
}

void RefusedListModel::watchEngine()
{
    if (m_session && m_session->syncEngine())
        connect(m_session->syncEngine(), &SyncEngine::countsChanged, this,
                &RefusedListModel::reload, Qt::UniqueConnection);
    reload();
}

QString RefusedListModel::reasonText(const QString &reason, const QString &serverMessage)
{
    if (reason == QLatin1String("client_moved"))
        return tr("This client was moved to another coordinator before you made this change. "
                  "The office has it and will decide whether to apply it.");
    if (reason == QLatin1String("forbidden"))
        return tr("Your account may not change this record. The office has the change and will "
                  "decide what to do with it.");
    if (reason == QLatin1String("unknown_entity"))
        return tr("The agency server does not know this kind of record yet. The office has "
                  "the change.");
    return tr("The agency server could not accept this change (%1). The office has it and will "
              "decide what to do with it.")
        .arg(serverMessage);
}

void RefusedListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_session && m_session->store()) {
        for (const RefusedEntry &r : m_session->store()->outbox().refused()) {
            Row row;
            row.seq = r.entry.seq;
            const EntityDef *def = Schema::instance().entity(r.entry.entity);
            row.title = tr("Change to a %1").arg(def ? def->labelText() : r.entry.entity);
            row.reason = reasonText(r.reason, r.message);
            QStringList parts;
            for (auto it = r.entry.values.begin(); it != r.entry.values.end(); ++it)
                parts.append(QStringLiteral("%1: %2").arg(it.key(), valueText(it.value())));
            row.values = parts.join(QStringLiteral("; "));
            row.when = QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(qint64(r.entry.hlc.millis())), QLocale::ShortFormat);
            m_rows.append(row);
        }
    }
    endResetModel();
    emit countChanged();
}

bool RefusedListModel::dismiss(qint64 seq)
{
    if (!m_session || !m_session->editor() || !m_session->editor()->dismissRefused(seq))
        return false;
    if (m_session->syncEngine())
        m_session->syncEngine()->refreshCounts();
    reload();
    return true;
}

int RefusedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RefusedListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return r.title;
    case SeqRole:
        return r.seq;
    case ReasonRole:
        return r.reason;
    case ValuesRole:
        return r.values;
    case WhenRole:
        return r.when;
    }
    return {};
}

QHash<int, QByteArray> RefusedListModel::roleNames() const
{
    return {{SeqRole, "seq"},
            {TitleRole, "title"},
            {ReasonRole, "reason"},
            {ValuesRole, "values"},
            {WhenRole, "when"}};
}

} // namespace careround
