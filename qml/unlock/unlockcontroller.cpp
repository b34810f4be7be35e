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
    m_session = session;
    emit sessionChanged();
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
