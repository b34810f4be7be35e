// Getting data out (issue 13): the FHIR export of the whole agency and the PDF of its longest
// signed care plan, each through the real `careround-server admin export` on the generated
// server database. The time is the one the command reports for the export itself (the process
// start and the migration check are not counted); memory is the command's peak RSS.
#include "benchmarks.h"

#include "serverdatabase.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <cmath>

namespace careround::bench {

namespace {

/** Runs careround-server admin ARGS; returns the "in N ms" it printed (NaN on failure) and
    its peak RSS in MB. */
QPair<double, double> exportRun(const BenchContext &ctx, const QString &db, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(ctx.serverPath, QStringList{QStringLiteral("admin"), QStringLiteral("--db"), db,
                                        QStringLiteral("--log-level"), QStringLiteral("error")} +
                                args);
    // The process's own peak (VmHWM only grows), read while it runs: getrusage's
    // RUSAGE_CHILDREN would give the largest child of the whole run (an office server).
    const qint64 pid = p.processId();
    double peakMb = 0;
    while (!p.waitForFinished(50))
        peakMb = qMax(peakMb, peakRssMb(pid));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    static const QRegularExpression took(QStringLiteral("in (\\d+) ms"));
    const auto m = took.match(out);
    const bool ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 && m.hasMatch();
    return {ok ? m.captured(1).toDouble() : NAN, peakMb};
}

/** The signed care plan with the most goals, action steps and contingencies. */
QString longestSignedPlan(const QString &dbUrl)
{
    auto db = ServerDatabase::open(dbUrl);
    QHash<QString, int> children;
    for (const auto &row : db->query(QStringLiteral(
             "SELECT vals FROM record WHERE entity IN ('goal', 'actionStep', 'contingency')")))
        ++children[QJsonDocument::fromJson(row[0].toString().toUtf8())
                       .object()
                       .value(QStringLiteral("carePlanId"))
                       .toString()];
    QString best;
    for (const auto &row : db->query(QStringLiteral("SELECT record_id FROM seal")))
        if (children.contains(row[0].toString()) &&
            (best.isEmpty() || children.value(row[0].toString()) > children.value(best)))
            best = row[0].toString();
    return best;
}

} // namespace

void benchExport(BenchContext &ctx)
{
    const DatasetInfo data = ctx.datasets->serverDb(ctx.scale);
    const QString db = QStringLiteral("sqlite:") + Datasets::serverDbPath(data.dir);

    Row fhir;
    fhir.what = QStringLiteral("FHIR export of the agency (%1 clients, NDJSON per type)")
                    .arg(QLocale::c().toString(data.clients));
    fhir.scale = ctx.scale.name;
    fhir.unit = QStringLiteral("ms");
    fhir.target = QStringLiteral("≤ 10,000");
    QVector<double> times, rss;
    for (int i = 0; i < 3; ++i) {
        // A folder that does not exist yet (the export makes it).
        const QString out =
            ctx.scratch(QStringLiteral("fhir-%1").arg(i)) + QStringLiteral("/export");
        const auto [ms, mb] = exportRun(ctx, db, {"export", "fhir", "--out", out});
        times.append(ms);
        rss.append(mb);
        QDir(out).removeRecursively();
        if (std::isnan(ms)) // the export failed
            break;
    }
    fhir.median = median(times);
    fhir.met = verdict(fhir.median, 10000);
    fhir.notes =
        QStringLiteral("peak RSS %1 MB (streamed client by client)").arg(median(rss), 0, 'f', 1);
    ctx.table->add(fhir);

    Row pdf;
    pdf.what = QStringLiteral("PDF of the longest signed care plan (admin export pdf)");
    pdf.scale = ctx.scale.name;
    pdf.unit = QStringLiteral("ms");
    pdf.target = QStringLiteral("≤ 200");
    const QString plan = longestSignedPlan(db);
    QVector<double> pdfTimes;
    const QString pdfFile = ctx.scratch(QStringLiteral("pdf")) + QStringLiteral("/plan.pdf");
    for (int i = 0; i < 10 && !plan.isEmpty(); ++i)
        pdfTimes.append(exportRun(ctx, db, {"export", "pdf", plan, "--out", pdfFile}).first);
    pdf.median = median(pdfTimes);
    pdf.tail = percentile(pdfTimes, 95);
    pdf.tailName = QStringLiteral("p95");
    pdf.met = verdict(pdf.median, 200);
    pdf.notes = QStringLiteral("the client's records read, laid out, written; fonts loaded");
    ctx.table->add(pdf);
}

} // namespace careround::bench
