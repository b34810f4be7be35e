#pragma once

#include <QString>
#include <QVector>

#include <chrono>
#include <cmath>

namespace careround::bench {

/** Wall time in milliseconds since construction (steady clock). */
class Stopwatch {
public:
    Stopwatch() : m_start(std::chrono::steady_clock::now()) {}
    double ms() const
    {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start)
            .count();
    }
    void restart() { m_start = std::chrono::steady_clock::now(); }

private:
    std::chrono::steady_clock::time_point m_start;
};

/** The nearest-rank percentile (0-100) of the samples; NaN when there are none. */
double percentile(QVector<double> samples, double p);
/** The median of the samples; NaN when there are none. */
double median(const QVector<double> &samples);

/**
 * Several timed runs of one benchmark (after its warm-up): each run is a list of samples.
 * A row's figures are the median over runs of each run's statistic.
 */
struct Runs {
    QVector<QVector<double>> runs;
    void add(QVector<double> samples) { runs.append(std::move(samples)); }
    /** The median over runs of the p-th percentile of each run. */
    double medianOf(double p) const;
    /** All samples of all runs. */
    int sampleCount() const;
};

/** One line of the result table. A target that is not met says so: nothing is hidden. */
struct Row {
    QString what;
    QString scale;
    double median = NAN;
    double tail = NAN; ///< p95 or p99 (see tailName); NaN: not a distribution
    QString tailName;  ///< "p95", "p99" or empty
    QString unit;
    QString target;
    QString met; ///< "yes", "NO", "report" (no target) or "n/a"
    QString notes;
};

/** The table of every benchmark run, printed as markdown and written as JSON. */
class Table {
public:
    void add(const Row &row);
    QString markdown(const QString &machine) const;
    QByteArray json(const QString &cpu, int cores, const QString &scale) const;
    const QVector<Row> &rows() const { return m_rows; }

private:
    QVector<Row> m_rows;
};

/** "yes" or "NO" for a figure against an upper (or, with atLeast, lower) bound. */
QString verdict(double value, double bound, bool atLeast = false);

/** The machine's CPU model name and online core count (from /proc/cpuinfo). */
QString cpuModel();
int coreCount();

/** The peak resident set (VmHWM) of a process in MB, or NaN when it cannot be read. */
double peakRssMb(qint64 pid);

} // namespace careround::bench
