#pragma once

#include "demoagency.h"
#include "devicestore.h"

#include <memory>

namespace careround {

/**
 * A device store holding a demo agency: the one way the app's --demo, the tests and the
 * benchmarks make one. The agency is written fast (DeviceStore::BulkLoad: its commits do not
 * wait for the disk) and the store is back at full durability when create() returns.
 */
class DemoStore {
public:
    /** How the records get into the store. */
    enum class Origin {
        /** As edits on this tablet (LocalEditor: outbox, audit, signatures as the device signs). */
        LocalEdits,
        /** As a tablet holds what it pulled: server stamps, nothing in the outbox (benchmarks). */
        Pulled,
    };

    struct Options {
        QString path;
        QByteArray key = DemoAgency::demoPassphrase().toUtf8();
        DemoAgency::Options agency;
        Origin origin = Origin::LocalEdits;
        /** Who makes the edits (the actor in the audit log), for Origin::LocalEdits. */
        QString actorId = QStringLiteral("demo-setup");
        /** Makes the store the first coordinator's tablet (meta coordinatorId), as --demo does. */
        bool asFirstCoordinator = false;
    };

    /** Creates the store at options.path (which holds no store yet). Throws StoreError. */
    static DemoStore create(const Options &options);

    std::unique_ptr<DeviceStore> store;
    DemoAgency::Summary summary;
};

} // namespace careround
