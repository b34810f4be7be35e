#pragma once

#include "recordrepository.h"

namespace careround {

/**
 * The conflicts sync could not settle alone, as the screens and the sync status read them.
 * "Open" is defined here once: status open and not voided.
 */
class ConflictRepository {
public:
    ConflictRepository(SqliteDatabase &db, RecordRepository &records) : m_db(db), m_records(records)
    {}

    /** Open conflicts, oldest first (by the stamp of the value sync kept aside). */
    QVector<Record> open();
    /** The number of open conflicts (without reading them). */
    qint64 openCount();

private:
    SqliteDatabase &m_db;
    RecordRepository &m_records;
};

} // namespace careround
