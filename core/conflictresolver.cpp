#include "conflictresolver.h"

#include <QCoreApplication>
#include <QDateTime>

namespace careround {

QVector<Record> ConflictResolver::open()
{
    return m_store.conflicts().open();
}

void ConflictResolver::resolve(const QString &conflictId, Choice choice, const QJsonValue &merged)
{
    const EntityDef &def = *Schema::instance().entity(QStringLiteral("conflict"));
    const std::optional<Record> conflict = m_store.records().find(def, conflictId);
    if (!conflict)
        throw StoreError(StoreError::Code::NotFound,
                         QCoreApplication::translate("careround::ConflictResolver",
                                                     "There is no such conflict"));
    const QJsonObject c = conflict->values;
    const QString kind = c.value(QStringLiteral("kind")).toString();
    const QString entity = c.value(QStringLiteral("recordEntity")).toString();
    const QString recordId = c.value(QStringLiteral("recordId")).toString();
    const QString field = c.value(QStringLiteral("field")).toString();
    const QJsonValue kept =
        c.value(QStringLiteral("keptValue")).toObject().value(QStringLiteral("value"));
    const QJsonValue other =
        c.value(QStringLiteral("otherValue")).toObject().value(QStringLiteral("value"));
    QJsonValue chosen = choice == Choice::Kept ? kept : choice == Choice::Other ? other : merged;

    SqliteTransaction tx(m_store.db());
    if (kind == QLatin1String("concurrent_edit") && choice != Choice::Kept) {
        m_editor.update(entity, recordId, QJsonObject{{field, chosen}});
    } else if (kind == QLatin1String("void_vs_edit") && choice == Choice::Other) {
        m_editor.voidRecord(entity, recordId,
                            other.toObject()
                                .value(QStringLiteral("voidReason"))
                                .toString(QStringLiteral("void confirmed")));
    } else if (kind == QLatin1String("amendment") && choice != Choice::Kept) {
        throw StoreError(
            StoreError::Code::Sealed,
            QCoreApplication::translate("careround::ConflictResolver",
                                        "Signed content cannot change: record the amendment as "
                                        "a new document and have it signed"));
    } else if (kind == QLatin1String("future_stamp") && choice == Choice::Other) {
        m_editor.update(entity, recordId, other.toObject());
    }
    m_editor.update(
        QStringLiteral("conflict"), conflictId,
        QJsonObject{{"status", "resolved"},
                    {"resolvedValue", QJsonObject{{"value", chosen}}},
                    {"resolvedBy", m_editor.actorId()},
                    {"resolvedAt", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    tx.commit();
}

} // namespace careround
