#pragma once

// Shared by the libFuzzer targets: the fuzz input read as JSON, and a loud failure for a
// broken invariant (libFuzzer keeps the input that caused it as a crash file).
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cstdio>
#include <cstdlib>

namespace careround::fuzz {

/** The input as a JSON document; an unparsable input gives null (the target returns). */
inline QJsonValue jsonInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20)
        return QJsonValue();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue();
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

#define FUZZ_ASSERT(condition, what)                                                               \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "invariant broken: %s (%s) at %s:%d\n", what, #condition,         \
                         __FILE__, __LINE__);                                                      \
            std::abort();                                                                          \
        }                                                                                          \
    } while (0)

} // namespace careround::fuzz
