#include "localeditor.h"

#include "contenthash.h"
#include "recordvalidator.h"

#include <QCoreApplication>
#include <QDateTime>

#include <utility>

namespace careround {

const EntityDef &LocalEditor::entityDef(const QString &entity) const
{
    const EntityDef *def = Schema::instance().entity(entity);
    if (!def || !def->replicated)
        throw StoreError(
            StoreError::Code::InvalidInput,
            QCoreApplication::translate("careround::LocalEditor", "There is no record kind \"%1\"")
                .arg(entity.left(64)));
    return *def;
}

Record LocalEditor::load(const EntityDef &def, const QString &id)
{
    std::optional<Record> r = m_store.records().find(def, id);
    if (!r)
        throw StoreError(
            StoreError::Code::NotFound,
            QCoreApplication::translate("careround::LocalEditor", "There is no %1 with this id")
                .arg(def.labelText()));
    return *r;
}

QString LocalEditor::create(const QString &entity, const QJsonObject &values)
{
    const EntityDef &def = entityDef(entity);
    const QString error = RecordValidator::checkEdit(def, {}, values, true);
    if (!error.isEmpty())
        throw StoreError(StoreError::Code::InvalidInput, error);
    Record r;
    r.entity = def.name;
    r.id = newUuid7();
    SqliteTransaction tx(m_store.db());
    if (!def.sealedVia.isEmpty() &&
        m_store.records().isSealed(def, Record{def.name, r.id, values, {}}))
        throw StoreError(
            StoreError::Code::Sealed,
            QCoreApplication::translate("careround::LocalEditor",
                                        "The record this %1 belongs to is signed; propose an "
                                        "amendment instead")
                .arg(def.labelText()));
    commit(def, r, values, QStringLiteral("create"));
    tx.commit();
    r.values = values;
    publish(def, r);
    return r.id;
}

void LocalEditor::update(const QString &entity, const QString &id, const QJsonObject &changes)
{
    const EntityDef &def = entityDef(entity);
    if (def.isAppendOnly())
        throw StoreError(
            StoreError::Code::InvalidInput,
            QCoreApplication::translate("careround::LocalEditor",
                                        "A %1 is never edited; add a correction instead")
                .arg(def.labelText()));
    SqliteTransaction tx(m_store.db());
    Record r = load(def, id);
    const QString error = RecordValidator::checkEdit(def, r.values, changes, false);
    if (!error.isEmpty())
        throw StoreError(StoreError::Code::InvalidInput, error);
    if (r.isVoided() && !changes.contains(QStringLiteral("voided")))
        throw StoreError(StoreError::Code::InvalidInput,
                         QCoreApplication::translate("careround::LocalEditor",
                                                     "This %1 was voided and cannot be edited")
                             .arg(def.labelText()));
    QJsonObject effective;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        if (r.values.value(it.key()) != it.value())
            effective.insert(it.key(), it.value());
    if (effective.isEmpty())
        return;
    if (m_store.records().isSealed(def, r)) {
        for (auto it = effective.begin(); it != effective.end(); ++it)
            if (!def.field(it.key())->editableWhenSealed)
                throw StoreError(
                    StoreError::Code::Sealed,
                    QCoreApplication::translate("careround::LocalEditor",
                                                "This %1 is signed and cannot be edited; propose "
                                                "an amendment instead")
                        .arg(def.labelText()));
    }
    commit(def, r, effective, QStringLiteral("update"));
    tx.commit();
    publish(def, r);
}

void LocalEditor::voidRecord(const QString &entity, const QString &id, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        throw StoreError(StoreError::Code::InvalidInput,
                         QCoreApplication::translate("careround::LocalEditor",
                                                     "A reason is required to void a record"));
    const EntityDef &def = entityDef(entity);
    if (def.isAppendOnly())
        throw StoreError(
            StoreError::Code::InvalidInput,
            QCoreApplication::translate("careround::LocalEditor",
                                        "A %1 cannot be voided; add a correction instead")
                .arg(def.labelText()));
    SqliteTransaction tx(m_store.db());
    Record r = load(def, id);
    if (r.isVoided())
        return;
    if (m_store.records().isSealed(def, r))
        throw StoreError(StoreError::Code::Sealed,
                         QCoreApplication::translate("careround::LocalEditor",
                                                     "This %1 is signed and cannot be voided")
                             .arg(def.labelText()));
    commit(def, r, QJsonObject{{"voided", true}, {"voidReason", reason}}, QStringLiteral("void"),
           true);
    tx.commit();
    publish(def, r);
}

QString LocalEditor::contentHash(const QString &entity, const QString &id)
{
    const EntityDef &def = entityDef(entity);
    const Record r = load(def, id);
    QVector<Record> children;
    for (const EntityDef *child : sealedChildKinds(def))
        children += m_store.records().findBy(*child, child->sealedVia, r.id);
    return careround::contentHash(def, r, children);
}

QString LocalEditor::sign(const QString &entity, const QString &id, const QString &signerName,
                          const QString &relationship, const QJsonArray &strokes)
{
    const EntityDef &def = entityDef(entity);
    if (!def.signable)
        throw StoreError(
            StoreError::Code::InvalidInput,
            QCoreApplication::translate("careround::LocalEditor", "A %1 cannot be signed")
                .arg(def.labelText()));
    if (strokes.isEmpty())
        throw StoreError(
            StoreError::Code::InvalidInput,
            QCoreApplication::translate("careround::LocalEditor",
                                        "The signature pad is empty: ask the signer to sign"));
    const EntityDef &sigDef = entityDef(QStringLiteral("signature"));
    SqliteTransaction tx(m_store.db());
    const Record r = load(def, id);
    if (r.isVoided())
        throw StoreError(
            StoreError::Code::InvalidInput,
            QCoreApplication::translate("careround::LocalEditor", "A voided %1 cannot be signed")
                .arg(def.labelText()));
    if (m_store.records().isSealed(def, r))
        throw StoreError(
            StoreError::Code::Sealed,
            QCoreApplication::translate("careround::LocalEditor", "This %1 is already signed")
                .arg(def.labelText()));
    const QJsonObject values{
        {"clientId", r.clientId(def)},
        {"recordEntity", def.name},
        {"recordId", r.id},
        {"signerName", signerName},
        {"relationship", relationship},
        {"signedAt", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {"strokes", strokes},
        {"contentHash", contentHash(entity, id)},
    };
    const QString error = RecordValidator::checkEdit(sigDef, {}, values, true);
    if (!error.isEmpty())
        throw StoreError(StoreError::Code::InvalidInput, error);
    Record sig;
    sig.entity = sigDef.name;
    sig.id = newUuid7();
    commit(sigDef, sig, values, QStringLiteral("sign"));
    tx.commit();
    // The signature seals the record: screens showing either are told.
    Change change;
    change.kinds = QStringList{sigDef.name, def.name};
    change.recordIds = QStringList{sig.id, r.id};
    change.clientId = r.clientId(def);
    m_store.changes().publish(change);
    return sig.id;
}

void LocalEditor::together(const std::function<void()> &edits)
{
    SqliteTransaction tx(m_store.db());
    ++m_together;
    try {
        edits();
    } catch (...) {
        if (--m_together == 0)
            m_unpublished.clear();
        throw;
    }
    tx.commit();
    if (--m_together > 0)
        return;
    const QVector<Change> changes = std::exchange(m_unpublished, {});
    for (const Change &change : changes)
        m_store.changes().publish(change);
}

void LocalEditor::publish(const EntityDef &def, const Record &record)
{
    Change change;
    change.kinds = QStringList{def.name};
    change.recordIds = QStringList{record.id};
    change.clientId = record.clientId(def);
    if (m_together > 0)
        m_unpublished.append(change);
    else
        m_store.changes().publish(change);
}

void LocalEditor::commit(const EntityDef &def, Record record, const QJsonObject &changes,
                         const QString &action, bool baseOnWholeRecord)
{
    const Hlc hlc = m_store.nextHlc();
    const Stamp stamp{hlc, m_store.deviceId()};
    OutboxEntry entry;
    entry.entity = def.name;
    entry.recordId = record.id;
    entry.hlc = hlc;
    entry.values = changes;
    // A void carries the stamps of every field it saw, so the server can tell an edit made
    // elsewhere meanwhile (void vs concurrent edit is a conflict, never a silent delete).
    if (baseOnWholeRecord)
        for (auto it = record.stamps.cbegin(); it != record.stamps.cend(); ++it)
            entry.bases.insert(it.key(), it.value().toString());
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const Stamp base = record.stamps.value(it.key());
        if (!base.isNull())
            entry.bases.insert(it.key(), base.toString());
        record.values.insert(it.key(), it.value());
        record.stamps.insert(it.key(), stamp);
    }
    m_store.records().write(def, record);
    m_store.outbox().append(entry);

    // The audit event names the fields, never their values: values may be client data.
    const EntityDef &auditDef = *Schema::instance().entity(QStringLiteral("auditEvent"));
    Record audit;
    audit.entity = auditDef.name;
    audit.id = newUuid7();
    audit.values = QJsonObject{
        {"action", action},
        {"recordEntity", def.name},
        {"recordId", record.id},
        {"actorId", m_actor},
        {"deviceId", m_store.deviceId()},
        {"at", QDateTime::fromMSecsSinceEpoch(qint64(hlc.millis()), Qt::UTC).toString(Qt::ISODate)},
        {"detail", QStringList(changes.keys()).join(QLatin1Char(','))},
    };
    m_store.records().write(auditDef, audit);
}

bool LocalEditor::dismissRefused(qint64 seq)
{
    SqliteTransaction tx(m_store.db());
    const std::optional<RefusedEntry> dismissed = m_store.outbox().dismissRefused(seq);
    if (!dismissed)
        return false;
    const EntityDef &auditDef = *Schema::instance().entity(QStringLiteral("auditEvent"));
    Record audit;
    audit.entity = auditDef.name;
    audit.id = newUuid7();
    audit.values = QJsonObject{
        {"action", "refused_change_dismissed"},
        {"recordEntity", dismissed->entry.entity},
        {"recordId", dismissed->entry.recordId},
        {"actorId", m_actor},
        {"deviceId", m_store.deviceId()},
        {"at", QDateTime::fromMSecsSinceEpoch(m_store.wallMillis(), Qt::UTC).toString(Qt::ISODate)},
        {"detail", dismissed->reason + QLatin1Char(':') +
                       QStringList(dismissed->entry.values.keys()).join(QLatin1Char(','))},
    };
    m_store.records().write(auditDef, audit);
    tx.commit();
    return true;
}

} // namespace careround
