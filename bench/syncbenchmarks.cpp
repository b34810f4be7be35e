// Sync rows against the real careround-server process over loopback: first load of a new
// device, pushing offline edits, bytes per pushed change, a sync with nothing to do, and the
// raw insert rate the apply rate is compared with.
#include "benchmarks.h"
#include "benchserver.h"

#include "localeditor.h"
#include "protocol.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace careround::bench {

namespace {

void removeStore(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

QString note(int run, int i)
{
    static const QStringList parts = {
        "Called the daughter about the pharmacy delivery; she will be home on Thursday.",
        "Client reports less knee pain since the physical therapy visits started.",
        "Meals on Wheels confirmed the new delivery window between 11 and 12.",
        "Asked the landlord again about the grab bars; waiting for an answer."};
    return QStringLiteral("%1 %2 (run %3, edit %4)")
        .arg(parts.at(i % parts.size()), parts.at((i / 4 + 1) % parts.size()))
        .arg(run)
        .arg(i);
}

struct FirstLoad {
    Runs ms;
    Runs requestMs; ///< of which waiting for HTTP requests (server, network, gzip, JSON parse)
    qint64 records = 0;
    std::unique_ptr<BenchDevice> device; ///< the device of the last run, synced
};

/** Enrols new devices for a login and times their first sync (warm-up + runs). */
FirstLoad firstLoad(BenchContext &ctx, const QUrl &server, const QString &login,
                    const QString &label, int runs)
{
    FirstLoad result;
    const QString dir = ctx.scratch(QStringLiteral("firstload-") + label);
    for (int r = 0; r <= runs; ++r) {
        const QString path = QStringLiteral("%1/device-%2.db").arg(dir).arg(r);
        result.device.reset();
        auto device = std::make_unique<BenchDevice>(path, server, login);
        QVector<TimedTransport::Request> log;
        Stopwatch watch;
        const SyncOutcome outcome = device->sync(&log);
        const double ms = watch.ms();
        if (!outcome.ok())
            throw StoreError(StoreError::Code::Sql,
                             QStringLiteral("first load failed: ") + outcome.message);
        double requests = 0;
        for (const auto &req : log)
            requests += req.ms;
        if (r > 0) { // run 0 is the warm-up
            result.ms.add({ms});
            result.requestMs.add({requests});
        }
        result.records = outcome.pulled;
        if (r > 0)
            removeStore(QStringLiteral("%1/device-%2.db").arg(dir).arg(r - 1));
        result.device = std::move(device);
    }
    return result;
}

Row firstLoadRow(const BenchContext &ctx, const FirstLoad &load, double targetMs,
                 const QString &nominal)
{
    Row row;
    row.what =
        QStringLiteral("first load of a new device: %1 records from the server").arg(load.records);
    row.scale = ctx.serverScale.name;
    row.median = load.ms.medianOf(50);
    row.unit = QStringLiteral("ms");
    row.target = QStringLiteral("≤ %1 s for %2 records").arg(targetMs / 1000).arg(nominal);
    // The target is per record count: scale it when the data set holds another count.
    const double nominalCount = nominal == QLatin1String("10,000") ? 10000 : 100000;
    row.met = verdict(row.median / qMax<qint64>(1, load.records) * nominalCount, targetMs);
    QVector<double> all;
    for (const QVector<double> &r : load.ms.runs)
        all += r;
    row.tail = percentile(all, 100);
    row.tailName = QStringLiteral("max");
    row.notes = QStringLiteral("%1 records/s end to end (enrol excluded, hello + pull pages of "
                               "2,000 + apply); of which in HTTP requests %3 ms, applying %4 ms; "
                               "runs: %2")
                    .arg(load.records / (row.median / 1000), 0, 'f', 0)
                    .arg([&] {
                        QStringList s;
                        for (double v : all)
                            s << QString::number(v, 'f', 0);
                        return s.join(QStringLiteral(", "));
                    }())
                    .arg(load.requestMs.medianOf(50), 0, 'f', 0)
                    .arg(row.median - load.requestMs.medianOf(50), 0, 'f', 0);
    if (load.records < nominalCount * 0.8 || load.records > nominalCount * 1.2)
        row.notes += QStringLiteral("; target scaled to this record count");
    return row;
}

struct Target {
    QString entity, id, field;
};

/** Records of the device a coordinator edits offline, each with a free-text field. */
QVector<Target> editableRecords(DeviceStore &store)
{
    const QVector<QPair<QString, QString>> kinds = {{"client", "notes"},
                                                    {"contact", "notes"},
                                                    {"referral", "notes"},
                                                    {"benefitApplication", "notes"}};
    QVector<Target> out;
    for (const auto &kind : kinds) {
        SqliteStatement &st = store.db().prepare(
            QStringLiteral("SELECT id FROM \"%1\" WHERE voided IS NOT 1 ORDER BY id")
                .arg(kind.first));
        while (st.step())
            out.append({kind.first, st.text(0), kind.second});
        st.reset();
    }
    return out;
}

/** Reads every row of the replicated tables of a store, column values as stored. */
QVector<QPair<QString, QVector<QVariantList>>> tableRows(DeviceStore &store, qint64 &count)
{
    QVector<QPair<QString, QVector<QVariantList>>> out;
    count = 0;
    for (const EntityDef &def : Schema::instance().entities()) {
        if (!def.replicated)
            continue;
        SqliteStatement &st =
            store.db().prepare(QStringLiteral("SELECT * FROM \"%1\"").arg(def.name));
        QVector<QVariantList> rows;
        while (st.step()) {
            QVariantList row;
            for (int i = 0; i < st.columnCount(); ++i)
                row.append(st.value(i));
            rows.append(row);
        }
        st.reset();
        count += rows.size();
        out.append({def.name, rows});
    }
    return out;
}

/** Inserts the rows into a new store in one transaction; returns rows per second. */
double rawInsertRate(const QString &path, const QByteArray &key,
                     const QVector<QPair<QString, QVector<QVariantList>>> &tables, qint64 count)
{
    removeStore(path);
    DeviceStore::Options o;
    o.path = path;
    o.key = key;
    auto store = DeviceStore::open(o);
    SqliteDatabase &db = store->db();
    Stopwatch watch;
    db.exec(QStringLiteral("BEGIN"));
    for (const auto &table : tables) {
        if (table.second.isEmpty())
            continue;
        const int columns = int(table.second.first().size());
        SqliteStatement &st = db.prepare(
            QStringLiteral("INSERT INTO \"%1\" VALUES (%2)")
                .arg(table.first, QString(QStringLiteral("?,")).repeated(columns).chopped(1)));
        for (const QVariantList &row : table.second)
            st.bindAll(row).exec();
    }
    db.exec(QStringLiteral("COMMIT"));
    const double seconds = watch.ms() / 1000;
    store.reset();
    removeStore(path);
    return count / seconds;
}

} // namespace

void benchSync(BenchContext &ctx)
{
    const DatasetInfo data = ctx.datasets->serverDb(ctx.serverScale);
    const QString dbPath = ctx.serverDbCopy(QStringLiteral("sync"), data);
    const QString dir = QFileInfo(dbPath).path();
    ServerProcess server(ctx.serverPath, QStringLiteral("sqlite:") + dbPath);
    server.start();

    // First loads: a coordinator's caseload (about 10,000 records at agency scale) and a
    // supervisor's whole agency (about 100,000).
    FirstLoad coordinator = firstLoad(ctx, server.url(), Datasets::coordinatorLogin(0),
                                      QStringLiteral("coordinator"), 5);
    ctx.table->add(firstLoadRow(ctx, coordinator, 350, QStringLiteral("10,000")));
    FirstLoad supervisor =
        firstLoad(ctx, server.url(), Datasets::supervisorLogin(), QStringLiteral("supervisor"), 3);
    ctx.table->add(firstLoadRow(ctx, supervisor, 3500, QStringLiteral("100,000")));

    // Push 10,000 offline edits from the coordinator's tablet, then pull them back.
    BenchDevice &device = *coordinator.device;
    const QVector<Target> targets = editableRecords(*device.store);
    constexpr int kEdits = 10000;
    Runs syncMs, pushMs;
    double wireBytes = 0, valueBytes = 0, changeBytes = 0;
    int pushedTotal = 0;
    for (int run = 0; run <= 3; ++run) {
        {
            // Making the edits is not what is measured: skip their fsyncs.
            DeviceStore::BulkLoad bulk(*device.store);
            LocalEditor editor(*device.store, device.accountId);
            for (int i = 0; i < kEdits; ++i) {
                const Target &t = targets.at(i % targets.size());
                editor.update(t.entity, t.id, QJsonObject{{t.field, note(run, i)}});
            }
        }
        qint64 values = 0, changes = 0;
        for (const OutboxEntry &e : device.store->outbox().pending(kEdits)) {
            values += QJsonDocument(e.values).toJson(QJsonDocument::Compact).size();
            changes += QJsonDocument(Protocol::encodeChange(e.seq, e.entity, e.recordId, e.hlc,
                                                            e.values, e.bases))
                           .toJson(QJsonDocument::Compact)
                           .size();
        }
        QVector<TimedTransport::Request> log;
        Stopwatch watch;
        const SyncOutcome outcome = device.sync(&log);
        const double ms = watch.ms();
        if (!outcome.ok() || outcome.pushed != kEdits)
            throw StoreError(StoreError::Code::Sql, QStringLiteral("push failed (%1 pushed): %2")
                                                        .arg(outcome.pushed)
                                                        .arg(outcome.message));
        if (run == 0)
            continue;
        double push = 0;
        qint64 bytes = 0;
        for (const auto &r : log)
            if (r.path.startsWith(QLatin1String("/v1/sync/push"))) {
                push += r.ms;
                bytes += r.bytesSent;
            }
        syncMs.add({ms});
        pushMs.add({push});
        wireBytes += bytes;
        valueBytes += values;
        changeBytes += changes;
        pushedTotal += outcome.pushed;
    }
    Row push;
    push.what = QStringLiteral("push 10,000 offline edits (whole sync: hello, 20 pushes of 500, "
                               "pull of the changed records)");
    push.scale = ctx.serverScale.name;
    push.median = syncMs.medianOf(50);
    push.unit = QStringLiteral("ms");
    push.target = QStringLiteral("≤ 0.5 s");
    push.met = verdict(push.median, 500);
    push.notes = QStringLiteral("push requests alone: %1 ms (%2 changes/s); edits to notes of "
                                "%3 records")
                     .arg(pushMs.medianOf(50), 0, 'f', 0)
                     .arg(kEdits / (pushMs.medianOf(50) / 1000), 0, 'f', 0)
                     .arg(targets.size());
    ctx.table->add(push);

    Row wire;
    wire.what = QStringLiteral("bytes on the wire per pushed change / its values' JSON (gzip)");
    wire.scale = ctx.serverScale.name;
    wire.median = wireBytes / valueBytes;
    wire.unit = QStringLiteral("ratio");
    wire.target = QStringLiteral("≤ 1.0");
    wire.met = verdict(wire.median, 1.0);
    wire.notes = QStringLiteral("%1 B on the wire per change, values JSON %2 B, whole encoded "
                                "change %3 B (ratio to it %4); ~150-char note edits")
                     .arg(wireBytes / pushedTotal, 0, 'f', 0)
                     .arg(valueBytes / pushedTotal, 0, 'f', 0)
                     .arg(changeBytes / pushedTotal, 0, 'f', 0)
                     .arg(wireBytes / changeBytes, 0, 'f', 2);
    ctx.table->add(wire);

    // A sync with nothing to do.
    device.sync();
    QVector<TimedTransport::Request> idleLog;
    for (int i = 0; i < 5; ++i)
        device.sync(&idleLog);
    idleLog.clear();
    Runs idle;
    int syncs = 0;
    for (int r = 0; r < 5; ++r) {
        QVector<double> samples;
        for (int i = 0; i < 20; ++i, ++syncs) {
            Stopwatch watch;
            device.sync(&idleLog);
            samples.append(watch.ms());
        }
        idle.add(samples);
    }
    Row nothing;
    nothing.what = QStringLiteral("sync with nothing to do");
    nothing.scale = ctx.serverScale.name;
    nothing.median = idle.medianOf(50);
    nothing.tail = idle.medianOf(95);
    nothing.tailName = QStringLiteral("p95");
    nothing.unit = QStringLiteral("ms");
    nothing.target = QStringLiteral("one round trip, ≤ 5 ms");
    const double perSync = double(idleLog.size()) / syncs;
    QMap<QString, QVector<double>> byPath;
    for (const auto &r : idleLog)
        byPath[r.path.section(QLatin1Char('?'), 0, 0)].append(r.ms);
    QStringList paths;
    for (auto it = byPath.cbegin(); it != byPath.cend(); ++it)
        paths << QStringLiteral("%1 median %2 ms").arg(it.key()).arg(median(it.value()), 0, 'f', 1);
    nothing.met =
        perSync <= 1.0 && nothing.median <= 5 ? QStringLiteral("yes") : QStringLiteral("NO");
    nothing.notes = QStringLiteral("%1 requests per sync (%2); a new transport (connection) per "
                                   "sync, as the app does")
                        .arg(perSync, 0, 'f', 1)
                        .arg(paths.join(QStringLiteral(", ")));
    ctx.table->add(nothing);
    server.stop();

    // The floor: the rows the supervisor's first load wrote, inserted raw in one transaction.
    qint64 count = 0;
    const auto tables = tableRows(*supervisor.device->store, count);
    const QString rawPath = dir + QStringLiteral("/raw.db");
    QVector<double> encrypted, plain;
    for (int r = 0; r <= 3; ++r) {
        const double rate =
            rawInsertRate(rawPath, DeviceStore::rawKey(QByteArray(32, '\x42')), tables, count);
        const double plainRate = rawInsertRate(rawPath, QByteArray(), tables, count);
        if (r > 0) {
            encrypted.append(rate);
            plain.append(plainRate);
        }
    }
    const double applyRate = supervisor.records / (supervisor.ms.medianOf(50) / 1000);
    Row raw;
    raw.what = QStringLiteral("raw SQLite insert of the same %1 rows, one transaction").arg(count);
    raw.scale = ctx.serverScale.name;
    raw.median = median(encrypted);
    raw.unit = QStringLiteral("rows/s");
    raw.target = QStringLiteral("first-load rate / this ≥ 0.5");
    raw.met = verdict(applyRate / raw.median, 0.5, true);
    raw.notes = QStringLiteral("SQLCipher-encrypted, WAL, synchronous=FULL, with the indexes; "
                               "unencrypted: %1 rows/s; first-load rate %2 records/s = %3 of the "
                               "encrypted floor")
                    .arg(median(plain), 0, 'f', 0)
                    .arg(applyRate, 0, 'f', 0)
                    .arg(applyRate / raw.median, 0, 'f', 2);
    ctx.table->add(raw);
}

} // namespace careround::bench
