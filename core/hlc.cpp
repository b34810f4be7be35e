#include "hlc.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <mutex>

namespace careround {

namespace {
constexpr int kHlcDigits = 16;
constexpr int kMaxNodeLength = 64;

/** The text form's digits, by hand: QString::arg parses its pattern on every call, and
    stamps are written for every field of every stored record. */
void writeDigits(quint64 packed, char (&out)[kHlcDigits])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < kHlcDigits; ++i)
        out[i] = hex[(packed >> (4 * (kHlcDigits - 1 - i))) & 0xf];
}

bool isNodeCharacter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
           c == QLatin1Char('_') || c == QLatin1Char('.');
}
} // namespace

QString Hlc::toText() const
{
    char digits[kHlcDigits];
    writeDigits(packed, digits);
    return QString::fromLatin1(digits, kHlcDigits);
}

void Hlc::appendText(QByteArray &out) const
{
    char digits[kHlcDigits];
    writeDigits(packed, digits);
    out.append(digits, kHlcDigits);
}

Hlc Hlc::fromText(QStringView text)
{
    // QString::toULongLong would take "0x", "+", spaces and upper case: a second spelling
    // of one time, or another time, stored as given. Parsed by hand instead.
    if (text.size() != kHlcDigits)
        return {};
    quint64 packed = 0;
    for (const QChar c : text) {
        quint64 digit = 0;
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digit = c.unicode() - '0';
        else if (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
            digit = c.unicode() - 'a' + 10;
        else
            return {};
        packed = (packed << 4) | digit;
    }
    return Hlc{packed};
}

QString Stamp::toString() const
{
    if (isNull())
        return {};
    return hlc.toText() + QLatin1Char('@') + node;
}

Stamp Stamp::fromString(const QString &text, const QString &sameNode)
{
    if (text.size() < kHlcDigits + 2 || text.at(kHlcDigits) != QLatin1Char('@'))
        return {};
    const QStringView node = QStringView(text).mid(kHlcDigits + 1);
    if (node.size() > kMaxNodeLength || !std::all_of(node.begin(), node.end(), isNodeCharacter))
        return {};
    const Hlc hlc = Hlc::fromText(QStringView(text).left(kHlcDigits));
    if (hlc.isNull())
        return {};
    return Stamp{hlc, node == sameNode ? sameNode : node.toString()};
}

WallClock systemWallClock()
{
    return [] { return QDateTime::currentMSecsSinceEpoch(); };
}

Hlc HybridLogicalClock::now()
{
    const quint64 wall = quint64(qMax<qint64>(0, m_wall())) & 0xffffffffffffULL;
    if (wall > m_last.millis()) {
        m_last = Hlc::fromParts(wall, 0);
    } else if (m_last.counter() < 0xffff) {
        m_last = Hlc{m_last.packed + 1};
    } else {
        // Counter exhausted within one millisecond: borrow the next millisecond.
        m_last = Hlc::fromParts(m_last.millis() + 1, 0);
    }
    return m_last;
}

void HybridLogicalClock::observe(Hlc remote)
{
    if (m_last < remote)
        m_last = remote;
}

QString newUuid7()
{
    // RFC 9562 section 6.2, method 1: the 12 bits after the version hold a counter, so ids made
    // in one process are strictly increasing even within one millisecond ("newest by id" rules
    // such as the current plan rely on it). The counter starts at a random value below 2048 so
    // it rarely overflows; when it does, the timestamp moves on by one millisecond.
    static std::mutex mutex;
    static quint64 lastMs = 0;
    static quint32 counter = 0;
    QRandomGenerator *rng = QRandomGenerator::global();
    quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    {
        const std::lock_guard<std::mutex> lock(mutex);
        if (ms > lastMs) {
            counter = rng->bounded(2048u);
        } else if (++counter > 0xfff) {
            ++lastMs;
            counter = 0;
        }
        ms = std::max(ms, lastMs);
        lastMs = ms;
        quint8 bytes[16];
        for (int i = 8; i < 16; i += 4) {
            const quint32 r = rng->generate();
            bytes[i] = quint8(r);
            bytes[i + 1] = quint8(r >> 8);
            bytes[i + 2] = quint8(r >> 16);
            bytes[i + 3] = quint8(r >> 24);
        }
        for (int i = 0; i < 6; ++i)
            bytes[i] = quint8(ms >> (40 - 8 * i));
        bytes[6] = quint8(0x70 | (counter >> 8)); // version 7, counter's high bits
        bytes[7] = quint8(counter);
        bytes[8] = quint8(0x80 | (bytes[8] & 0x3f)); // RFC 4122 variant
        const QUuid uuid =
            QUuid::fromRfc4122(QByteArray(reinterpret_cast<const char *>(bytes), 16));
        return uuid.toString(QUuid::WithoutBraces);
    }
}

} // namespace careround
