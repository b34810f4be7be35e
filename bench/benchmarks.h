#pragma once

#include "benchtable.h"
#include "datasets.h"

namespace careround::bench {

/** What every benchmark needs: the scale, where data and scratch files go, the programs. */
struct BenchContext {
    Scale scale;        ///< of the device rows (edit, search, open, cold start, RSS)
    Scale serverScale;  ///< of the server rows: agency, or small with --scale small
    QString workDir;    ///< scratch folder, emptied at start
    QString serverPath; ///< careround-server
    QString appPath;    ///< careround (the tablet app)
    QString pgFixture;  ///< scripts/pg-fixture
    Datasets *datasets = nullptr;
    Table *table = nullptr;
    QString scratch(const QString &name) const;
    /** A scratch copy (folder `name`) of a generated agency server database: its path. */
    QString serverDbCopy(const QString &name, const DatasetInfo &data) const;
};

// On-device rows (devicebenchmarks.cpp).
void benchFieldEdit(BenchContext &ctx);
void benchCaseloadSearch(BenchContext &ctx);
void benchOpenClient(BenchContext &ctx);
void benchAppStart(BenchContext &ctx);

// Sync rows against the real server process (syncbenchmarks.cpp): first loads, push of
// offline edits, bytes per change, sync with nothing to do, raw insert floor.
void benchSync(BenchContext &ctx);

// 200 devices at once against one server process, on SQLite and on PostgreSQL
// (loadbenchmark.cpp).
void benchServerLoad(BenchContext &ctx, bool postgres, int processes = 1);

// The office console's dashboard and reports over HTTP at the scale's agency
// (officebenchmark.cpp).
void benchOffice(BenchContext &ctx);
// Getting data out (exportbenchmarks.cpp): FHIR export of the agency, PDF of the longest plan.
void benchExport(BenchContext &ctx);

} // namespace careround::bench
