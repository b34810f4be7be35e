#pragma once

#include "instruments.h"
#include "recordrepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVector>

#include <optional>

namespace careround {

/** The records of one kind a signature covers (sealed via a reference to the signed record). */
struct SignedChildren {
    const EntityDef *kind = nullptr;
    QVector<Record> rows;             ///< not voided, as stored
    QVector<InstrumentResult> scores; ///< assessment answers: each answered instrument, in order
};

/** The signature that sealed a record (the first one). */
struct SignatureEntry {
    QString signerName;
    QString relationship; ///< "client" or "representative"
    QString signedAt;     ///< UTC ISO
    QJsonArray strokes;
    QString contentHash;
};

/** An amendment proposed to a sealed record (a conflict record of kind "amendment"). */
struct AmendmentEntry {
    QString conflictId;
    QJsonObject proposed; ///< field -> proposed value
    QString status;       ///< "open" until a supervisor settles it
};

/** Everything the sign-off screen shows about a signable record. */
struct SignOffView {
    bool found = false;             ///< a signable record, not voided
    const EntityDef *def = nullptr; ///< the record's kind
    Record record;
    QString clientName; ///< "First Last"
    bool sealed = false;
    std::optional<SignatureEntry> signature;
    QVector<SignedChildren> children; ///< each sealed child kind with rows, in schema order
    QVector<AmendmentEntry> amendments;
};

/**
 * The read side of the sign-off screen: a signable record, what its signature covers, who
 * signed and the amendments proposed since.
 */
class SignOffRepository {
public:
    explicit SignOffRepository(RecordRepository &records) : m_records(records) {}

    /** entity empty: the first signable kind that has a record with this id. */
    SignOffView view(const QString &entity, const QString &id);

private:
    RecordRepository &m_records;
};

} // namespace careround
