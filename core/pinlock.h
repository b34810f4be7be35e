#pragma once

#include <QString>

namespace careround {

class DeviceStore;

/**
 * The PIN that unlocks the app after idle time. The PIN is stored only as a salted
 * PBKDF2 hash in the store; failed attempts are counted in the store too, so restarting the
 * app does not reset them. After maxAttempts failures in a row the caller must wipe the
 * local data (pushing pending edits first when online).
 */
class PinLock {
public:
    enum class Result { Unlocked, Wrong, WipeRequired };

    explicit PinLock(DeviceStore &store, int maxAttempts = 5) : m_store(store), m_max(maxAttempts)
    {}

    bool hasPin() const;
    /** Sets the PIN: 4 to 8 digits. Returns an error for a person, or empty. */
    QString setPin(const QString &pin);
    Result verify(const QString &pin);
    int attemptsLeft() const;

private:
    DeviceStore &m_store;
    int m_max;
};

} // namespace careround
