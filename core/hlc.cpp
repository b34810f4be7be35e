#include "hlc.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

namespace careround {

QString Stamp::toString() const
{
    if (isNull())
        return {};
    return QStringLiteral("%1@%2").arg(hlc.packed, 16, 16, QLatin1Char('0')).arg(node);
}

Stamp Stamp::fromString(const QString &text)
{
    const int at = text.indexOf(QLatin1Char('@'));
    if (at != 16 || text.size() < 18)
        return {};
    bool ok = false;
    const quint64 packed = text.left(16).toULongLong(&ok, 16);
    if (!ok)
        return {};
    return Stamp{Hlc{packed}, text.mid(17)};
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
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    quint8 bytes[16];
    QRandomGenerator *rng = QRandomGenerator::global();
    for (int i = 0; i < 16; i += 4) {
        const quint32 r = rng->generate();
        bytes[i] = quint8(r);
        bytes[i + 1] = quint8(r >> 8);
        bytes[i + 2] = quint8(r >> 16);
        bytes[i + 3] = quint8(r >> 24);
    }
    for (int i = 0; i < 6; ++i)
        bytes[i] = quint8(ms >> (40 - 8 * i));
    bytes[6] = quint8(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = quint8(0x80 | (bytes[8] & 0x3f)); // RFC 4122 variant
    const QUuid uuid = QUuid::fromRfc4122(QByteArray(reinterpret_cast<const char *>(bytes), 16));
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace careround
