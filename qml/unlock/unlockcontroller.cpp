#include "unlockcontroller.h"

#include "sqlitedatabase.h"

namespace careround {

namespace {
constexpr int kMinimumNewPassphrase = 8;
}

void UnlockController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &Session::enrolFinished, this,
                [this](const QString &error, const QString &fingerprint) {
                    m_fingerprint = fingerprint;
                    setError(error.isEmpty() ? QString()
                             : fingerprint.isEmpty()
                                 ? error
                                 : tr("%1. If the fingerprint below is the one your agency "
                                      "gave you, tick \"Trust\" and enrol again.")
                                       .arg(error));
                    if (error.isEmpty())
                        emit sessionChanged();
                });
    emit sessionChanged();
}

bool UnlockController::checkSignIn(const QString &server, const QString &login,
                                   const QString &password)
{
    if (!m_session) {
        setError(tr("The app is not ready yet. Close it and open it again."));
        return false;
    }
    if (server.trimmed().isEmpty() || login.trimmed().isEmpty() || password.isEmpty()) {
        setError(tr("Enter the agency server's address, your login and your password."));
        return false;
    }
    return true;
}

bool UnlockController::enrol(const QString &server, const QString &login, const QString &password,
                             const QString &passphrase, const QString &confirmation,
                             const QString &pin)
{
    if (!checkSignIn(server, login, password))
        return false;
    if (passphrase.size() < kMinimumNewPassphrase) {
        setError(tr("Choose a passphrase of at least %1 characters.").arg(kMinimumNewPassphrase));
        return false;
    }
    if (passphrase != confirmation) {
        setError(tr("The two passphrases are not the same. Type them again."));
        return false;
    }
    setError(QString());
    m_session->enrol(server, login, password, passphrase, pin);
    return true;
}

bool UnlockController::reenrol(const QString &server, const QString &login, const QString &password,
                               const QString &pin)
{
    if (!checkSignIn(server, login, password))
        return false;
    setError(QString());
    m_session->reenrol(server, login, password, pin);
    return true;
}

bool UnlockController::isFirstUse() const
{
    return m_session && !m_session->storeExists();
}

void UnlockController::setError(const QString &text)
{
    if (m_error != text) {
        m_error = text;
        emit errorTextChanged();
    }
}

bool UnlockController::unlock(const QString &passphrase, const QString &confirmation)
{
    if (!m_session) {
        setError(tr("The app is not ready yet. Close it and open it again."));
        return false;
    }
    if (passphrase.isEmpty()) {
        setError(tr("Enter your passphrase."));
        return false;
    }
    const bool firstUse = isFirstUse();
    if (firstUse && passphrase.size() < kMinimumNewPassphrase) {
        setError(tr("Choose a passphrase of at least %1 characters.").arg(kMinimumNewPassphrase));
        return false;
    }
    if (firstUse && passphrase != confirmation) {
        setError(tr("The two passphrases are not the same. Type them again."));
        return false;
    }
    try {
        m_session->open(passphrase.toUtf8());
    } catch (const StoreError &e) {
        switch (e.code()) {
        case StoreError::Code::WrongKey:
            setError(tr("This passphrase does not open the data on this tablet. Check for typing "
                        "mistakes (and Caps Lock) and try again."));
            break;
        case StoreError::Code::TooNew:
            setError(tr("The data on this tablet was saved by a newer version of CareRound. "
                        "Update the app to open it."));
            break;
        default:
            setError(tr("The data on this tablet could not be opened: %1").arg(e.message()));
            break;
        }
        return false;
    }
    setError(QString());
    if (firstUse)
        emit sessionChanged();
    return true;
}

} // namespace careround
