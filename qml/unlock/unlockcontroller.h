#pragma once

#include "session.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * Backs the unlock screen: opens the session's encrypted store with the passphrase typed in,
 * or, on a tablet with no data yet, sets the passphrase. Explains a wrong key plainly.
 */
class UnlockController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(careround::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(bool firstUse READ isFirstUse NOTIFY sessionChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QString certificateFingerprint READ certificateFingerprint NOTIFY errorTextChanged)

public:
    explicit UnlockController(QObject *parent = nullptr) : QObject(parent) {}

    Session *session() const { return m_session; }
    void setSession(Session *session);
    /** No store yet: the passphrase typed now becomes the store's passphrase. */
    bool isFirstUse() const;
    QString errorText() const { return m_error; }

    /** Opens the store; false (with errorText set) when it cannot. */
    Q_INVOKABLE bool unlock(const QString &passphrase, const QString &confirmation = {});
    /**
     * First start: checks the form and enrols the tablet with the agency server (the session
     * works off the UI thread; errors arrive in errorText). pin: a certificate fingerprint the
     * coordinator compared with the agency's and accepted, or empty.
     */
    Q_INVOKABLE bool enrol(const QString &server, const QString &login, const QString &password,
                           const QString &passphrase, const QString &confirmation,
                           const QString &pin = {});
    /**
     * Enrols the tablet again after a 401 (Session::reenrol): the store and its passphrase
     * stay. Errors arrive in errorText.
     */
    Q_INVOKABLE bool reenrol(const QString &server, const QString &login, const QString &password,
                             const QString &pin = {});
    QString certificateFingerprint() const { return m_fingerprint; }

signals:
    void sessionChanged();
    void errorTextChanged();

private:
    void setError(const QString &text);
    /** Checks what both enrolments need (a session, the server, login and password), else sets the
     * error. */
    bool checkSignIn(const QString &server, const QString &login, const QString &password);
    QPointer<Session> m_session;
    QString m_error;
    QString m_fingerprint;
};

} // namespace careround
