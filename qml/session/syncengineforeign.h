#pragma once

#include "syncengine.h"

#include <QtQml/qqml.h>

namespace careround {

/**
 * Shows the sync engine (sync/device, which knows no QML) to QML as the type SyncEngine of
 * CareRound.Session, with its State enum (SyncEngine.Offline, SyncEngine.Syncing, ...).
 * The session creates the engine; QML only binds to it.
 */
struct SyncEngineForeign {
    Q_GADGET
    QML_FOREIGN(careround::SyncEngine)
    QML_NAMED_ELEMENT(SyncEngine)
    QML_UNCREATABLE("The sync engine is created by the session")
};

} // namespace careround
