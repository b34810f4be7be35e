#pragma once

#include <QByteArray>
#include <QStringList>

namespace careround {

/**
 * A CSV file as RFC 4180 says (CRLF line ends, a field with a comma, quote, CR or LF quoted,
 * quotes doubled), in UTF-8 with a byte-order mark so spreadsheets read accented names right,
 * a header row first. A cell that a spreadsheet would take for a formula (it starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) is neutralised by a leading apostrophe: a
 * client named `=HYPERLINK(...)` stays text.
 */
class CsvWriter {
public:
    explicit CsvWriter(const QStringList &header);
    void addRow(const QStringList &cells);
    /** The file so far. */
    const QByteArray &data() const { return m_data; }
    int rowCount() const { return m_rows; }

    /** One cell as written: neutralised, then quoted when it must be. */
    static QString cell(const QString &value);
    /** The cell with a formula's first character made harmless (an apostrophe before it). */
    static QString neutralised(const QString &value);

private:
    void line(const QStringList &cells);
    QByteArray m_data;
    int m_columns = 0;
    int m_rows = 0;
};

} // namespace careround
