#pragma once

#include <QByteArray>

#include <optional>

namespace careround {

/** gzip (RFC 1952) for HTTP bodies, with a bound on what decompression may produce. */
namespace Gzip {
QByteArray compress(const QByteArray &data, int level = 6);
/** Empty optional when the input is not valid gzip or would inflate past maxBytes. */
std::optional<QByteArray> decompress(const QByteArray &data, qint64 maxBytes);
} // namespace Gzip

} // namespace careround
