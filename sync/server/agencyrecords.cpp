#include "agencyrecords.h"

#include "recordvalidator.h"
#include "sqlitedatabase.h"

namespace careround {

void AgencyRecords::createAgency(const QString &name)
{
    if (name.trimmed().isEmpty())
        throw StoreError(StoreError::Code::InvalidInput, QStringLiteral("The agency needs a name"));
    ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
    m_store.setMeta(QStringLiteral("agency"), name);
    tx.commit();
}

QString AgencyRecords::newEpoch()
{
    QString e = newUuid7();
    ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
    m_store.setMeta(QStringLiteral("epoch"), e);
    tx.commit();
    return e;
}

QString AgencyRecords::epoch()
{
    return m_store.epoch();
}

qint64 AgencyRecords::maxSeq()
{
    return m_store.maxSeq();
}

QString AgencyRecords::createRecord(const QString &entity, const QJsonObject &values)
{
    const EntityDef *def = Schema::instance().entity(entity);
    if (!def || !def->replicated)
        throw StoreError(StoreError::Code::InvalidInput, QStringLiteral("Unknown record kind"));
    const QString error = RecordValidator::checkEdit(*def, {}, values, true);
    if (!error.isEmpty())
        throw StoreError(StoreError::Code::InvalidInput, error);
    ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
    ServerStore::Writes writes = m_store.startWrites();
    Record r;
    r.entity = def->name;
    r.id = newUuid7();
    const Stamp stamp = writes.stamp();
    for (auto it = values.begin(); it != values.end(); ++it) {
        r.values.insert(it.key(), it.value());
        r.stamps.insert(it.key(), stamp);
    }
    m_store.write(writes, *def, r, r.clientId(*def), std::nullopt, Provenance::admin());
    m_store.finishWrites(writes);
    tx.commit();
    return r.id;
}

void AgencyRecords::updateStaffRecord(const QString &coordinatorId, const QJsonObject &values,
                                      const QString &actor)
{
    const EntityDef &def = *Schema::instance().entity(QStringLiteral("coordinator"));
    ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
    const std::optional<Record> before = m_store.load(def, coordinatorId);
    if (!before)
        throw StoreError(StoreError::Code::NotFound, QStringLiteral("There is no such account"));
    const QString error = RecordValidator::checkEdit(def, before->values, values, false);
    if (!error.isEmpty())
        throw StoreError(StoreError::Code::InvalidInput, error);
    ServerStore::Writes writes = m_store.startWrites();
    const Stamp stamp = writes.stamp();
    Record staff = *before;
    for (auto it = values.begin(); it != values.end(); ++it) {
        staff.values.insert(it.key(), it.value());
        staff.stamps.insert(it.key(), stamp);
    }
    m_store.write(writes, def, staff, {}, before,
                  Provenance{actor, QStringLiteral("office"), HistoryOutcome::Admin});
    m_store.finishWrites(writes);
    tx.commit();
}

void AgencyRecords::assignClient(const QString &clientId, const QString &coordinatorId)
{
    const EntityDef &def = *Schema::instance().entity(QStringLiteral("client"));
    ServerTransaction tx = m_store.transaction(ServerTransaction::Write);
    const std::optional<Record> before = m_store.load(def, clientId);
    if (!before)
        throw StoreError(StoreError::Code::NotFound, QStringLiteral("There is no such client"));
    ServerStore::Writes writes = m_store.startWrites();
    const Stamp stamp = writes.stamp();
    Record client = *before;
    client.values.insert(def.caseloadField, coordinatorId);
    client.stamps.insert(def.caseloadField, stamp);
    m_store.write(writes, def, client, clientId, before, Provenance::admin());
    m_store.finishWrites(writes);
    tx.commit();
}

} // namespace careround
