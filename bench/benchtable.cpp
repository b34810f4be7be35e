#include "benchtable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>

namespace careround::bench {

double percentile(QVector<double> samples, double p)
{
    if (samples.isEmpty())
        return NAN;
    std::sort(samples.begin(), samples.end());
    const int rank = int(std::ceil(p / 100.0 * samples.size()));
    return samples.at(qBound(0, rank - 1, int(samples.size()) - 1));
}

double median(const QVector<double> &samples)
{
    if (samples.isEmpty())
        return NAN;
    QVector<double> s = samples;
    std::sort(s.begin(), s.end());
    const int n = int(s.size());
    return n % 2 ? s.at(n / 2) : (s.at(n / 2 - 1) + s.at(n / 2)) / 2;
}

double Runs::medianOf(double p) const
{
    QVector<double> perRun;
    for (const QVector<double> &run : runs)
        perRun.append(percentile(run, p));
    return median(perRun);
}

int Runs::sampleCount() const
{
    int n = 0;
    for (const QVector<double> &run : runs)
        n += int(run.size());
    return n;
}

void Table::add(const Row &row)
{
    m_rows.append(row);
    // Progress on stderr, so a long run shows where it is; the table goes to stdout at the end.
    qInfo("bench: %s (%s): median %g %s%s", qPrintable(row.what), qPrintable(row.scale), row.median,
          qPrintable(row.unit),
          qPrintable(row.met.isEmpty() ? QString() : QStringLiteral(", met: ") + row.met));
}

namespace {

QString number(double v)
{
    if (std::isnan(v))
        return QStringLiteral("–");
    const double a = std::fabs(v);
    const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    return QString::number(v, 'f', decimals);
}

QJsonValue jsonNumber(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

} // namespace

QString Table::markdown(const QString &machine) const
{
    QString out = machine + QStringLiteral("\n\n");
    out += QStringLiteral("| what | scale | median | p95/p99 | unit | target | met? | notes |\n");
    out += QStringLiteral("| --- | --- | ---: | ---: | --- | --- | --- | --- |\n");
    for (const Row &r : m_rows) {
        const QString tail = r.tailName.isEmpty() ? QStringLiteral("–")
                                                  : r.tailName + QLatin1Char(' ') + number(r.tail);
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n")
                   .arg(r.what, r.scale, number(r.median), tail, r.unit, r.target,
                        r.met == QLatin1String("NO") ? QStringLiteral("**NO**") : r.met, r.notes);
    }
    return out;
}

QByteArray Table::json(const QString &cpu, int cores, const QString &scale) const
{
    QJsonArray rows;
    for (const Row &r : m_rows)
        rows.append(QJsonObject{{"what", r.what},
                                {"scale", r.scale},
                                {"median", jsonNumber(r.median)},
                                {"tail", jsonNumber(r.tail)},
                                {"tailName", r.tailName},
                                {"unit", r.unit},
                                {"target", r.target},
                                {"met", r.met},
                                {"notes", r.notes}});
    return QJsonDocument(
               QJsonObject{{"cpu", cpu}, {"cores", cores}, {"scale", scale}, {"rows", rows}})
        .toJson();
}

QString verdict(double value, double bound, bool atLeast)
{
    if (std::isnan(value))
        return QStringLiteral("n/a");
    return (atLeast ? value >= bound : value <= bound) ? QStringLiteral("yes")
                                                       : QStringLiteral("NO");
}

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        static const QRegularExpression re(QStringLiteral("^model name\\s*:\\s*(.+)$"),
                                           QRegularExpression::MultilineOption);
        const auto m = re.match(QString::fromUtf8(f.readAll()));
        if (m.hasMatch())
            return m.captured(1).trimmed();
    }
    return QStringLiteral("unknown CPU");
}

int coreCount()
{
    return QThread::idealThreadCount();
}

double peakRssMb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return NAN;
    static const QRegularExpression re(QStringLiteral("^VmHWM:\\s*(\\d+) kB"),
                                       QRegularExpression::MultilineOption);
    const auto m = re.match(QString::fromLatin1(f.readAll()));
    return m.hasMatch() ? m.captured(1).toDouble() / 1024.0 : NAN;
}

} // namespace careround::bench
