#pragma once

#include "devicestore.h"

#include <QUrl>

#include <memory>

namespace careround {

/**
 * The tablet's account on disk: the encrypted store file and, beside it, the wrapped data
 * key. First start enrols the tablet (server, login, password) and creates both, with
 * the key wrapped by the coordinator's passphrase; later starts unwrap the key with the
 * passphrase and open the store. The server address, the device token, the account and a
 * pinned certificate fingerprint live inside the encrypted store.
 */
class DeviceAccount {
public:
    struct Enrolment {
        QUrl server;
        QString login;
        QString password;
        QString passphrase;
        QByteArray pinnedCertificate; ///< SHA-256 of a self-signed server certificate, if any
    };
    /** What a failed step means, for the screen that asked. */
    struct Failure {
        QString message;
        QByteArray certificateSeen; ///< set when the server's certificate is not trusted
    };

    /** storePath: the store file; the wrapped key is kept beside it (storePath + ".key"). */
    explicit DeviceAccount(QString storePath);

    QString storePath() const;
    QString keyPath() const;
    /** True once a tablet was enrolled in this folder (a wrapped key exists). */
    bool isEnrolled() const;

    /** Enrols and creates the store; on failure nothing is left behind. */
    std::optional<Failure> enrol(const Enrolment &enrolment);
    /** Opens the store with the passphrase (wrong passphrase: a Failure, nothing opened). */
    std::optional<Failure> unlock(const QString &passphrase);
    /**
     * Uses a store opened elsewhere, with the SQLCipher key that opened it (a demo store that
     * is not enrolled with a server).
     */
    void adopt(std::unique_ptr<DeviceStore> store, const QByteArray &sqlcipherKey);

    DeviceStore *store() const { return m_store.get(); }
    /** SQLCipher's raw key of the open store (for the sync worker's own connection). */
    QByteArray storeKey() const { return m_storeKey; }
    QUrl server() const;
    QByteArray token() const;
    QString accountId() const;
    QString role() const;
    QByteArray pinnedCertificate() const;

    static constexpr int kPassphraseMinLength = 8;

private:
    QString m_path;
    std::unique_ptr<DeviceStore> m_store;
    QByteArray m_storeKey;
};

} // namespace careround
