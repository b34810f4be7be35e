#include "jsonfieldreader.h"

#include <simdjson.h>

#include <string>

namespace careround {

// The DOM parser: it picks the fastest kernel of this CPU when it runs (the on-demand one is
// fixed when it is compiled, to the kernel every x86-64 has).
struct JsonFieldReader::Parser {
    simdjson::dom::parser parser;
    std::string buffer; ///< the text with the padding simdjson reads past its end
};

JsonFieldReader::JsonFieldReader(const QStringList &fields) : m_parser(std::make_unique<Parser>())
{
    for (const QString &f : fields)
        m_fields.append(f.toUtf8());
}

JsonFieldReader::~JsonFieldReader() = default;

namespace {

QString textOf(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QVariant valueOf(simdjson::dom::element value)
{
    using Type = simdjson::dom::element_type;
    switch (value.type()) {
    case Type::STRING:
        return textOf(std::string_view(value));
    case Type::INT64:
        return qint64(int64_t(value));
    case Type::UINT64:
        return double(uint64_t(value));
    case Type::DOUBLE:
        return double(value);
    case Type::BOOL:
        return bool(value);
    case Type::NULL_VALUE:
        return QVariant();
    case Type::OBJECT:
    case Type::ARRAY:
        return QString::fromStdString(simdjson::minify(value));
    }
    return QVariant();
}

} // namespace

bool JsonFieldReader::read(QByteArrayView json, QVariantList &values)
{
    values = QVariantList(m_fields.size());
    std::string &buffer = m_parser->buffer;
    buffer.assign(json.data(), size_t(json.size()));
    buffer.resize(size_t(json.size()) + simdjson::SIMDJSON_PADDING);
    simdjson::dom::object object;
    if (m_parser->parser.parse(buffer.data(), size_t(json.size()), false).get(object))
        return false;
    QList<bool> seen(m_fields.size(), false);
    qsizetype found = 0;
    for (const auto [key, value] : object) {
        for (qsizetype i = 0; i < m_fields.size(); ++i) {
            if (seen[i] || QByteArrayView(key.data(), qsizetype(key.size())) != m_fields[i])
                continue;
            values[i] = valueOf(value);
            seen[i] = true;
            ++found;
            break;
        }
        if (found == m_fields.size())
            break;
    }
    return true;
}

} // namespace careround
