#pragma once

#include "serverstore.h"

namespace careround {

/**
 * What the server writes itself, stamped as the server: the agency's name and epoch,
 * records it creates (seeding, office edits, the accounts' coordinator records) and the
 * assignment of a client to a caseload. Each call is one transaction; the history records
 * its writes with the outcome `admin`.
 */
class AgencyRecords {
public:
    explicit AgencyRecords(ServerStore &store) : m_store(store) {}

    /** Names the agency. Throws StoreError on an empty name. */
    void createAgency(const QString &name);
    /** Starts a new epoch (after a restore from backup): devices resend what may be lost. */
    QString newEpoch();
    QString epoch();
    /** The last sequence number given to a record. */
    qint64 maxSeq();
    /** Creates a record of a replicated kind; returns its id. Throws StoreError when invalid. */
    QString createRecord(const QString &entity, const QJsonObject &values);
    /**
     * Changes fields of a coordinator record (a staff record, which only the server writes),
     * in the name of `actor` (an office account). Throws StoreError when invalid or missing.
     */
    void updateStaffRecord(const QString &coordinatorId, const QJsonObject &values,
                           const QString &actor);
    /** Puts the client on the coordinator's caseload (and off any other). */
    void assignClient(const QString &clientId, const QString &coordinatorId);

private:
    ServerStore &m_store;
};

} // namespace careround
