// A tablet as a child process, for crash tests: enrols (when new) and syncs a store once.
// usage: syncdevice STORE SERVER_URL LOGIN PASSWORD [--die-after-page]
// With --die-after-page it kills itself (SIGKILL) after applying the first pulled page,
// before the page's cursor is stored.
#include "devicestore.h"
#include "devicesyncer.h"
#include "synctransport.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <csignal>

using namespace careround;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5)
        return 2;
    DeviceStore::Options o;
    o.path = args[1];
    o.key = DeviceStore::rawKey(QByteArray(32, '\x42'));
    auto store = DeviceStore::open(o);
    QByteArray token = store->meta().value("test.token").toUtf8();
    if (token.isEmpty()) {
        HttpSyncTransport anonymous(QUrl(args[2]), {});
        const SyncResponse r =
            anonymous.post("/v1/enroll", QJsonObject{{"login", args[3]},
                                                     {"password", args[4]},
                                                     {"deviceId", store->deviceId()},
                                                     {"label", "child"}});
        token = r.body.value("token").toString().toUtf8();
        store->meta().setValue("test.token", QString::fromUtf8(token));
    }
    HttpSyncTransport transport(QUrl(args[2]), token);
    DeviceSyncer syncer(*store, transport);
    syncer.pullPageSize = 3;
    if (args.contains("--die-after-page"))
        syncer.setCrashAfterApplyingPage([] { ::raise(SIGKILL); });
    return syncer.syncOnce().ok() ? 0 : 1;
}
