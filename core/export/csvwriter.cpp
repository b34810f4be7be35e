#include "csvwriter.h"

namespace careround {

CsvWriter::CsvWriter(const QStringList &header)
    : m_data("\xEF\xBB\xBF"), m_columns(int(header.size()))
{
    line(header);
}

void CsvWriter::addRow(const QStringList &cells)
{
    QStringList padded = cells;
    while (padded.size() < m_columns)
        padded.append(QString());
    line(padded);
    ++m_rows;
}

QString CsvWriter::neutralised(const QString &value)
{
    if (value.isEmpty())
        return value;
    const QChar first = value.front();
    if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
        first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
        return QLatin1Char('\'') + value;
    return value;
}

QString CsvWriter::cell(const QString &value)
{
    QString v = neutralised(value);
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) ||
        v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

void CsvWriter::line(const QStringList &cells)
{
    QStringList out;
    out.reserve(cells.size());
    for (const QString &c : cells)
        out.append(cell(c));
    m_data += out.join(QLatin1Char(',')).toUtf8();
    m_data += "\r\n";
}

} // namespace careround
