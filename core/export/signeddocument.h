#pragma once

#include "recordsource.h"
#include "signoffrepository.h"

#include <QJsonArray>
#include <QTimeZone>

#include <optional>

namespace careround {

/** One signature of a signed document: the first seals it, later ones sign an amendment. */
struct DocumentSignature {
    QString id;
    QString signerName;
    QString relationship; ///< "client" or "representative"
    QString relation;     ///< a representative's relation to the client (a contact's), or empty
    QString signedAt;     ///< UTC ISO
    QJsonArray strokes;
    QString contentHash; ///< the hash the signature holds
    QString amendsId;    ///< the signature it amends, or empty
};

/**
 * Everything the PDF of a signed assessment, care plan or visit record shows: the agency, the
 * client, the content that was signed (the record and the children its signature covers,
 * instrument scores and bands), the signatures, the amendments proposed since, and the
 * content hash as core's contentHash() gives it now. Built from any RecordSource, so the
 * tablet and the server print the same document.
 */
struct SignedDocument {
    QString agencyName;
    const EntityDef *def = nullptr;
    Record record;
    Record client;
    QString coordinatorName;
    QVector<SignedChildren> children;      ///< sealed child kinds with rows, schema order
    QVector<DocumentSignature> signatures; ///< in the order signed; the first sealed it
    QVector<AmendmentEntry> amendments;    ///< proposed changes after signing
    QString contentHash; ///< checkContentHash() of the record and children now (its hashNow)
    QHash<QString, QString> providerNames;        ///< provider id -> name (action steps)
    QTimeZone zone = QTimeZone::systemTimeZone(); ///< how times are printed

    /** The signature the current content must match: the latest (an amendment's, if any). */
    const DocumentSignature &currentSignature() const { return signatures.constLast(); }
    /** True when the hash of the content now equals the hash the latest signature holds. */
    bool hashMatches() const { return contentHash == currentSignature().contentHash; }

    /**
     * Loads the signed record with this id (or the record a signature with this id signed).
     * None, with a sentence in error, when there is no such record, it is voided, or it is
     * not signed.
     */
    static std::optional<SignedDocument> load(RecordSource &source, const QString &id,
                                              QString *error);
};

} // namespace careround
