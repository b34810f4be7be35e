#pragma once

#include "serverstore.h"

#include <QSet>

#include <map>
#include <memory>

namespace careround {

/**
 * The office's reads of the whole agency, answered from memory and kept up to date by the
 * store's sequence. A view is what one FieldQuery reads (a kind's records, with a value of a
 * field or all, and the fields asked of them); the first read of a view reads the store
 * (ServerStore::fieldsOf), and every read after that first reads only the records written
 * since the last one: every write gives a record the next sequence number, in commit order,
 * in this process or another over the same database, so nothing written is ever passed over.
 * The answers are those of ServerStore::fieldsOf at the caller's transaction (a read
 * transaction the caller holds), in sequence order; the scope applies to the caseload now.
 * Queries with `afterSeq` or a `limit` (pages) go to the store.
 */
class RecordViews {
public:
    explicit RecordViews(ServerStore &store);
    ~RecordViews();
    RecordViews(const RecordViews &) = delete;
    RecordViews &operator=(const RecordViews &) = delete;

    QVector<RecordFields> fieldsOf(const ServerStore::FieldQuery &query, const ReadScope &scope);
    /** The records the views hold now, over all of them (what they cost in memory). */
    qsizetype heldRecords() const;

private:
    struct View;
    /** Brings every view up to the records written since the last read. */
    void catchUp();
    View &viewOf(const ServerStore::FieldQuery &query);
    /** The number of a short text in m_texts (added when new). */
    quint32 textNumber(const QString &text);
    QByteArray pack(QByteArrayView id, const QString &clientId, const QVariantList &values);
    RecordFields unpack(qint64 seq, const QByteArray &packed, qsizetype fields) const;

    ServerStore &m_store;
    qint64 m_seq = -1; ///< the views hold every record written up to this number
    QString m_epoch;   ///< of the records the views were read from
    std::map<QString, std::unique_ptr<View>> m_views; ///< by query
    QVector<QString> m_texts;                         ///< one copy of each short text, by number
    QHash<QString, quint32> m_textNumbers;            ///< and the number of each
};

} // namespace careround
