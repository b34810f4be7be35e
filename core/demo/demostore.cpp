#include "demostore.h"

#include "localeditor.h"

namespace careround {

namespace {

/** Writes the agency as pulled from the server, one transaction per thousand clients. */
DemoAgency::Summary writePulled(DeviceStore &store, DemoAgency::Options agency)
{
    HybridLogicalClock clock(systemWallClock());
    auto batch = std::make_unique<SqliteTransaction>(store.db());
    const auto onClientDone = agency.onClientDone;
    agency.onClientDone = [&](int done) {
        if (done % 1000 == 0) {
            batch->commit();
            batch = std::make_unique<SqliteTransaction>(store.db());
        }
        if (onClientDone)
            onClientDone(done);
    };
    DemoAgency::Summary summary = DemoAgency::generate(
        [&](const QString &entity, const QJsonObject &values) {
            const EntityDef &def = *Schema::instance().entity(entity);
            Record r{def.name, newUuid7(), values, {}};
            const Stamp stamp{clock.now(), QStringLiteral("server")};
            for (auto it = values.begin(); it != values.end(); ++it)
                r.stamps.insert(it.key(), stamp);
            store.records().write(def, r);
            return r.id;
        },
        agency);
    batch->commit();
    return summary;
}

} // namespace

DemoStore DemoStore::create(const Options &options)
{
    DeviceStore::Options open;
    open.path = options.path;
    open.key = options.key;
    DemoStore demo;
    demo.store = DeviceStore::open(open);
    DeviceStore &store = *demo.store;
    if (options.origin == Origin::Pulled) {
        // A benchmark's cache: a crash only loses the cache, so nothing waits for the disk.
        DeviceStore::BulkLoad bulk(store);
        demo.summary = writePulled(store, options.agency);
    } else {
        // One transaction per record, as on the tablet; a crash here only loses demo data.
        DeviceStore::BulkLoad bulk(store, DeviceStore::Durability::MayLoseLatest);
        LocalEditor editor(store, options.actorId);
        demo.summary = DemoAgency::generate(editor, options.agency);
    }
    store.setAgencyName(DemoAgency::agencyName());
    if (options.asFirstCoordinator)
        store.meta().setValue(QStringLiteral("coordinatorId"),
                              demo.summary.coordinatorIds.value(0));
    return demo;
}

} // namespace careround
