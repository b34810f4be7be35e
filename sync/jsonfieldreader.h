#pragma once

#include <QByteArrayView>
#include <QStringList>
#include <QVariantList>

#include <memory>

namespace careround {

/**
 * Reads a few named top-level fields out of the text of JSON objects, one object after
 * another, in one pass over each and without building the object (simdjson's on-demand
 * parser): what a read of a few fields of many stored records needs (the office's dashboard
 * and reports). A string is read as a QString, a whole number as a qint64, another number as
 * a double, a boolean as a bool, null or an absent field as a null QVariant, an object or an
 * array as its JSON text (a QString). The first occurrence of a repeated key wins.
 */
class JsonFieldReader {
public:
    explicit JsonFieldReader(const QStringList &fields);
    ~JsonFieldReader();
    JsonFieldReader(const JsonFieldReader &) = delete;
    JsonFieldReader &operator=(const JsonFieldReader &) = delete;

    /**
     * Reads the fields of the object in `json` (UTF-8) into `values`, in the order given to
     * the constructor. False, with `values` all null, when the text is not a JSON object.
     */
    bool read(QByteArrayView json, QVariantList &values);

private:
    struct Parser;
    std::unique_ptr<Parser> m_parser;
    QList<QByteArray> m_fields;
};

} // namespace careround
