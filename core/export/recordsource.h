#pragma once

#include "record.h"

#include <QHash>
#include <QVector>

#include <optional>

namespace careround {

class RecordRepository;

/**
 * Where an export reads records: the tablet's device store (RepositoryRecordSource) or a set
 * the agency server loaded for one client (RecordSet). Exports read through this alone, so the
 * same document comes out on both sides.
 */
class RecordSource {
public:
    virtual ~RecordSource() = default;
    /** The record of the kind with this id (voided ones too). */
    virtual std::optional<Record> find(const EntityDef &def, const QString &id) = 0;
    /** The records of the kind whose field holds the value (voided ones too), in id order. */
    virtual QVector<Record> findBy(const EntityDef &def, const QString &field,
                                   const QString &value) = 0;
};

/** Records held in memory (what the server loaded for a client and the directory). */
class RecordSet : public RecordSource {
public:
    /** Adds or replaces a record (by kind and id). */
    void add(const Record &record);
    std::optional<Record> find(const EntityDef &def, const QString &id) override;
    /** find() without changing anything: safe from several threads at once. */
    std::optional<Record> lookup(const EntityDef &def, const QString &id) const;
    QVector<Record> findBy(const EntityDef &def, const QString &field,
                           const QString &value) override;
    /** Every record of a kind, in id order. */
    QVector<Record> all(const QString &entity) const;

private:
    QHash<QString, QHash<QString, Record>> m_byKind; ///< kind -> id -> record
};

/** The device store's records (core's RecordRepository) as a RecordSource. */
class RepositoryRecordSource : public RecordSource {
public:
    explicit RepositoryRecordSource(RecordRepository &records) : m_records(records) {}
    std::optional<Record> find(const EntityDef &def, const QString &id) override;
    QVector<Record> findBy(const EntityDef &def, const QString &field,
                           const QString &value) override;

private:
    RecordRepository &m_records;
};

} // namespace careround
