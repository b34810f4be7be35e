// careround-bench: runs the benchmarks of issue 5 and prints one markdown table (and JSON).
// Benchmarks are not tests: a missed target is reported in the table, never an exit code.
#include "benchmarks.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <functional>

using namespace careround;
using namespace careround::bench;

QString BenchContext::scratch(const QString &name) const
{
    const QString dir = workDir + QLatin1Char('/') + name;
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    return dir;
}

QString BenchContext::serverDbCopy(const QString &name, const DatasetInfo &data) const
{
    QString path = scratch(name) + QStringLiteral("/server.db");
    QFile::copy(Datasets::serverDbPath(data.dir), path);
    return path;
}

namespace {

/** Runs one benchmark; a failure becomes a row that says so instead of stopping the run. */
void run(BenchContext &ctx, const QStringList &only, const QString &name,
         const std::function<void()> &benchmark)
{
    if (!only.isEmpty() && !only.contains(name))
        return;
    qInfo("bench: running %s", qPrintable(name));
    try {
        benchmark();
    } catch (const std::exception &e) {
        Row row;
        row.what = name;
        row.scale = ctx.scale.name;
        row.met = QStringLiteral("error");
        row.notes = QStringLiteral("did not complete: ") + QString::fromUtf8(e.what());
        ctx.table->add(row);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("careround-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CareRound benchmarks (issue 5)"));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("scale"), QStringLiteral("small, agency or large (agency)."),
         QStringLiteral("scale"), QStringLiteral("agency")},
        {QStringLiteral("json"), QStringLiteral("Also write the table as JSON to <file>."),
         QStringLiteral("file")},
        {QStringLiteral("cache"), QStringLiteral("Folder of the generated data sets."),
         QStringLiteral("dir"), QStringLiteral(CAREROUND_BENCH_BINARY_DIR "/bench-cache")},
        {QStringLiteral("work"), QStringLiteral("Scratch folder (emptied)."), QStringLiteral("dir"),
         QStringLiteral(CAREROUND_BENCH_BINARY_DIR "/bench-run")},
        {QStringLiteral("only"),
         QStringLiteral("Comma-separated benchmarks: edit, search, open, app, sync, load, "
                        "load-pg, load-pg2 (two server processes), office, export."),
         QStringLiteral("list")},
    });
    parser.process(app);

    Scale scale;
    if (!Scale::byName(parser.value(QStringLiteral("scale")), scale)) {
        std::fprintf(stderr, "careround-bench: --scale is small, agency or large\n");
        return 2;
    }
    Scale serverScale;
    Scale::byName(scale.name == QLatin1String("small") ? QStringLiteral("sync-small")
                                                       : QStringLiteral("sync"),
                  serverScale);
    Datasets datasets(parser.value(QStringLiteral("cache")));
    Table table;
    BenchContext ctx;
    ctx.scale = scale;
    ctx.serverScale = serverScale;
    ctx.workDir = parser.value(QStringLiteral("work"));
    ctx.serverPath = QStringLiteral(CAREROUND_SERVER_PATH);
    ctx.appPath = QStringLiteral(CAREROUND_APP_PATH);
    ctx.pgFixture = QStringLiteral(CAREROUND_SOURCE_DIR "/scripts/pg-fixture");
    ctx.datasets = &datasets;
    ctx.table = &table;
    QDir(ctx.workDir).removeRecursively();
    QDir().mkpath(ctx.workDir);

    const QStringList only =
        parser.value(QStringLiteral("only")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    // Generate (or find) the data first, so its time shows apart from the benchmarks.
    for (const bool server : {false, true}) {
        const QStringList deviceRows = {"edit", "search", "open", "app"};
        const bool wanted =
            only.isEmpty() ||
            (server ? only.contains(QStringLiteral("sync"))
                    : std::any_of(deviceRows.begin(), deviceRows.end(),
                                  [&](const QString &r) { return only.contains(r); }));
        if (!wanted)
            continue;
        const Scale &s = server ? serverScale : scale;
        try {
            const DatasetInfo data = server ? datasets.serverDb(s) : datasets.deviceStore(s);
            qInfo("bench: %s %s data: %lld records, %d clients (%s in %.0f s)", qPrintable(s.name),
                  server ? "server" : "device", data.records, data.clients,
                  data.generatedNow ? "generated" : "cached", data.generateSeconds);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "careround-bench: generating the %s data failed: %s\n",
                         qPrintable(s.name), e.what());
            return 1;
        }
    }

    run(ctx, only, QStringLiteral("edit"), [&] { benchFieldEdit(ctx); });
    run(ctx, only, QStringLiteral("search"), [&] { benchCaseloadSearch(ctx); });
    run(ctx, only, QStringLiteral("open"), [&] { benchOpenClient(ctx); });
    run(ctx, only, QStringLiteral("app"), [&] { benchAppStart(ctx); });
    run(ctx, only, QStringLiteral("sync"), [&] { benchSync(ctx); });
    run(ctx, only, QStringLiteral("load"), [&] { benchServerLoad(ctx, false); });
    run(ctx, only, QStringLiteral("load-pg"), [&] { benchServerLoad(ctx, true); });
    run(ctx, only, QStringLiteral("load-pg2"), [&] { benchServerLoad(ctx, true, 2); });
    run(ctx, only, QStringLiteral("office"), [&] { benchOffice(ctx); });
    run(ctx, only, QStringLiteral("export"), [&] { benchExport(ctx); });

    const QString cpu = cpuModel();
    const int cores = coreCount();
    const QString machine = QStringLiteral("CareRound benchmarks, scale %1, on %2 (%3 cores)")
                                .arg(scale.name, cpu)
                                .arg(cores);
    std::printf("%s", qPrintable(table.markdown(machine)));
    std::fflush(stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        QFile f(parser.value(QStringLiteral("json")));
        if (!f.open(QIODevice::WriteOnly) || f.write(table.json(cpu, cores, scale.name)) < 0) {
            std::fprintf(stderr, "careround-bench: cannot write %s\n",
                         qPrintable(parser.value(QStringLiteral("json"))));
            return 1;
        }
    }
    QDir(ctx.workDir).removeRecursively();
    return 0;
}
