#include "referencecheck.h"

namespace careround {

QString ReferenceCheck::check(const Caller &caller, const EntityDef &def, const QString &clientId,
                              const QJsonObject &current, const Edit &edit) const
{
    for (const FieldDef *fd : def.referenceFields()) {
        // A kind named by another field is checked when either of the two changes.
        if (!edit.values.contains(fd->name) &&
            (fd->kindField.isEmpty() || !edit.values.contains(fd->kindField)))
            continue;
        const QJsonValue value =
            edit.values.contains(fd->name) ? edit.values.value(fd->name) : current.value(fd->name);
        if (value.isNull() || value.isUndefined())
            continue; // clearing an optional reference (the validator refuses a required one)
        QString kind = fd->references;
        if (!fd->kindField.isEmpty())
            kind = (edit.values.contains(fd->kindField) ? edit.values.value(fd->kindField)
                                                        : current.value(fd->kindField))
                       .toString();
        QString error = checkOne(caller, def, *fd, kind, value.toString(), clientId);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QString ReferenceCheck::checkOne(const Caller &caller, const EntityDef &def, const FieldDef &field,
                                 const QString &kind, const QString &id,
                                 const QString &clientId) const
{
    const QString where = QStringLiteral("%1.%2").arg(def.name, field.name);
    const EntityDef *target = Schema::instance().entity(kind);
    if (!target || !target->replicated)
        return QStringLiteral("%1 names a kind of record the server does not keep").arg(where);
    QString targetClient;
    if (!m_store.load(*target, id, &targetClient))
        return QStringLiteral("%1 names no %2 the server has").arg(where, target->label);
    if (!target->clientField.isEmpty()) {
        // Same client as the record the change is about: the caller passed the access check
        // for that client, so it may write this record too.
        if (targetClient != clientId)
            return QStringLiteral("%1 names a %2 of another client").arg(where, target->label);
        return {};
    }
    if (!m_policy.mayRead(caller, AccessTarget{target, {}, true}))
        return QStringLiteral("%1 names a %2 this account may not see").arg(where, target->label);
    return {};
}

} // namespace careround
