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

    /** What the server granted to an enrolment request: a token and the account it is for. */
    struct Grant {
        QUrl server;
        QString login;
        QByteArray pinnedCertificate;
        QString token;
        QString accountId;
        QString role;
        QString name;
    };
    /** Whose data the tablet keeps after enrolling again. */
    enum class Reenrolment {
        SameCoordinator,  ///< everything kept; the unsent edits are sent to the new server
        OtherCoordinator, ///< records wiped; the unsent edits kept for review, never sent
    };

    /** storePath: the store file; the wrapped key is kept beside it (storePath + ".key"). */
    explicit DeviceAccount(QString storePath);

    QString storePath() const;
    QString keyPath() const;
    /** True once a tablet was enrolled in this folder (a wrapped key exists). */
    bool isEnrolled() const;

    /** Enrols and creates the store; on failure nothing is left behind. */
    std::optional<Failure> enrol(const Enrolment &enrolment);
    /**
     * Asks the server to enrol the device deviceId for the login (network only, any thread;
     * the store is not touched). The passphrase of the enrolment is not used.
     */
    static std::optional<Failure> requestGrant(const Enrolment &enrolment, const QString &deviceId,
                                               Grant &grant);
    /**
     * Enrols the open store again with a grant from requestGrant (the server answered 401 for
     * the old token), in one transaction: the new token and account replace the old, the sync
     * state starts over (cursor 0, epoch and caseload forgotten, the outbox rebased at the
     * next hello). Same coordinator when the login is the one this tablet was enrolled with
     * (a tablet enrolled before logins were kept: the same account name): nothing else
     * changes, and the pending edits naming the old account id name the new one. Another
     * coordinator: the pending edits are kept for review, and every record and the rest of
     * the sync state are wiped. Throws StoreError (nothing changed).
     */
    Reenrolment reenrol(const Grant &grant);
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
    /** The login and name of the coordinator this tablet is enrolled for. */
    QString login() const;
    QString name() const;
    QByteArray pinnedCertificate() const;

    static constexpr int kPassphraseMinLength = 8;

private:
    /** Writes the grant's account into the store (inside the caller's transaction). */
    static void writeGrant(DeviceStore &store, const Grant &grant);
    QString m_path;
    std::unique_ptr<DeviceStore> m_store;
    QByteArray m_storeKey;
};

} // namespace careround
