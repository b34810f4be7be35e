#include "record.h"

#include <QtEndian>

#include <QDataStream>
#include <QIODevice>
#include <QVarLengthArray>

#include <algorithm>

namespace careround {

QString Record::clientId(const EntityDef &def) const
{
    if (def.clientField.isEmpty())
        return {};
    if (def.clientField == QLatin1String("id"))
        return id;
    return values.value(def.clientField).toString();
}

Stamp Record::latestStamp() const
{
    Stamp latest;
    for (auto it = stamps.cbegin(); it != stamps.cend(); ++it)
        if (latest < it.value())
            latest = it.value();
    return latest;
}

// Layout: node count (u8), nodes as (u8 length, UTF-8); then per field: (u8 length, UTF-8 name,
// u64 hlc, u8 node index). Nodes are stored once, as a record is usually written by few devices.
QByteArray StampCodec::encode(const FieldStamps &stamps)
{
    // The layout QDataStream reads back in decode() (big-endian), written directly: this runs
    // for every record a sync applies, so nothing is allocated per field.
    QVarLengthArray<const QString *, 4> nodes;
    QVarLengthArray<std::pair<const QString *, const Stamp *>, 48> fields;
    for (auto it = stamps.cbegin(); it != stamps.cend(); ++it) {
        fields.append({&it.key(), &it.value()});
        if (std::none_of(nodes.cbegin(), nodes.cend(),
                         [&](const QString *n) { return *n == it.value().node; }))
            nodes.append(&it.value().node);
    }
    std::sort(fields.begin(), fields.end(),
              [](const auto &a, const auto &b) { return *a.first < *b.first; });
    QByteArray out;
    out.reserve(1 + int(nodes.size()) * 40 + int(fields.size()) * 30);
    const auto writeShort = [&out](const QString &text) {
        const bool ascii =
            std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
        const QByteArray utf8 = ascii ? QByteArray() : text.toUtf8().left(255);
        const qsizetype size = ascii ? qMin<qsizetype>(text.size(), 255) : utf8.size();
        out.append(char(quint8(size)));
        if (!ascii) {
            out.append(utf8);
            return;
        }
        for (qsizetype i = 0; i < size; ++i)
            out.append(char(text.at(i).unicode()));
    };
    out.append(char(quint8(nodes.size())));
    for (const QString *node : nodes)
        writeShort(*node);
    for (const auto &[name, stamp] : fields) {
        writeShort(*name);
        const quint64 packed = qToBigEndian(quint64(stamp->hlc.packed));
        out.append(reinterpret_cast<const char *>(&packed), sizeof packed);
        const QString &stampNode = stamp->node;
        const auto node = std::find_if(nodes.cbegin(), nodes.cend(),
                                       [&](const QString *n) { return *n == stampNode; });
        out.append(char(quint8(node - nodes.cbegin())));
    }
    return out;
}

FieldStamps StampCodec::decode(const QByteArray &blob)
{
    FieldStamps stamps;
    if (blob.isEmpty())
        return stamps;
    QDataStream s(blob);
    const auto readShort = [&s]() {
        quint8 len = 0;
        s >> len;
        QByteArray utf8(len, Qt::Uninitialized);
        if (s.readRawData(utf8.data(), len) != len)
            s.setStatus(QDataStream::ReadPastEnd);
        return QString::fromUtf8(utf8);
    };
    quint8 nodeCount = 0;
    s >> nodeCount;
    QStringList nodes;
    for (int i = 0; i < nodeCount && s.status() == QDataStream::Ok; ++i)
        nodes.append(readShort());
    while (!s.atEnd() && s.status() == QDataStream::Ok) {
        const QString name = readShort();
        quint64 hlc = 0;
        quint8 node = 0;
        s >> hlc >> node;
        if (s.status() != QDataStream::Ok || node >= nodes.size())
            break;
        stamps.insert(name, Stamp{Hlc{hlc}, nodes.at(node)});
    }
    return stamps;
}

} // namespace careround
