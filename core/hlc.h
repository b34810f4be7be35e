#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace careround {

/**
 * A hybrid logical clock value: 48 bits of wall-clock milliseconds and a 16-bit counter,
 * packed in one 64-bit integer so that comparing two values compares (millis, counter).
 */
struct Hlc {
    quint64 packed = 0;

    static Hlc fromParts(quint64 millis, quint16 counter) { return Hlc{(millis << 16) | counter}; }
    quint64 millis() const { return packed >> 16; }
    quint16 counter() const { return quint16(packed & 0xffff); }
    bool isNull() const { return packed == 0; }
    /** The text form: exactly 16 lower-case hex digits. */
    QString toText() const;
    /** Appends the same text as toText() (ASCII). */
    void appendText(QByteArray &out) const;
    /**
     * Parses the text form strictly: exactly 16 characters, each 0-9 or a-f. No sign, no
     * "0x", no spaces, no upper case: one value has one spelling. Anything else gives null.
     */
    static Hlc fromText(QStringView text);
    friend bool operator<(Hlc a, Hlc b) { return a.packed < b.packed; }
    friend bool operator==(Hlc a, Hlc b) { return a.packed == b.packed; }
    friend bool operator!=(Hlc a, Hlc b) { return a.packed != b.packed; }
};

/**
 * Who wrote a value and when: the HLC of the edit and the id of the device (or server) that
 * made it. Stamps are unique per edit and totally ordered: ties on HLC break by node id.
 * Text form: the HLC's 16 lower-case hex digits, '@', node id (1 to 64 characters of
 * A-Z a-z 0-9 . _ -).
 */
struct Stamp {
    Hlc hlc;
    QString node;

    bool isNull() const { return hlc.isNull(); }
    QString toString() const;
    /** Parses the text form strictly; a null stamp for an empty or malformed string. When
        the node is `sameNode`, the stamp shares its text (a record's stamps mostly name one
        device: one copy of it, not one per field). */
    static Stamp fromString(const QString &text, const QString &sameNode = {});
    friend bool operator==(const Stamp &a, const Stamp &b)
    {
        return a.hlc == b.hlc && a.node == b.node;
    }
    friend bool operator!=(const Stamp &a, const Stamp &b) { return !(a == b); }
    friend bool operator<(const Stamp &a, const Stamp &b)
    {
        return a.hlc < b.hlc || (a.hlc == b.hlc && a.node < b.node);
    }
};

/** The wall clock, injectable so tests can move it (backwards too). Returns milliseconds. */
using WallClock = std::function<qint64()>;
WallClock systemWallClock();

/**
 * A hybrid logical clock that never goes backwards, even when the wall clock does.
 * The owner persists last() and passes it back on restart.
 */
class HybridLogicalClock {
public:
    explicit HybridLogicalClock(WallClock wall, Hlc last = {})
        : m_wall(std::move(wall)), m_last(last)
    {}
    /** A new stamp for a local event: strictly greater than every value seen so far. */
    Hlc now();
    /** Takes a remote value into account, so the next local stamp is greater than it. */
    void observe(Hlc remote);
    Hlc last() const { return m_last; }
    qint64 wallMillis() const { return m_wall(); }

private:
    WallClock m_wall;
    Hlc m_last;
};

/**
 * A new UUID version 7 in canonical lower-case text form: time-ordered, with a counter so that
 * ids made by one process are strictly increasing (comparing the text compares the time), and
 * a random tail.
 */
QString newUuid7();

} // namespace careround
