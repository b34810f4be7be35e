// A tablet as a child process, for crash tests: enrols (when new) and syncs a store once.
// usage: syncdevice STORE SERVER_URL LOGIN PASSWORD [--die-after-page | --loop N]
// With --die-after-page it kills itself (SIGKILL) after applying the first pulled page,
// before the page's cursor is stored. With --loop N it makes an edit and syncs, N times,
// printing "ack create ENTITY ID" / "ack update ENTITY ID FIELD VALUE" once each edit is
// committed and "ack sync" after each sync, until it is killed.
#include "devicestore.h"
#include "devicesyncer.h"
#include "localeditor.h"
#include "synctransport.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <csignal>
#include <cstdio>

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
        store->meta().setValue("test.account", r.body.value("accountId").toString());
    }
    const int loop = args.contains("--loop") ? args.value(args.indexOf("--loop") + 1).toInt() : 0;
    if (loop > 0) {
        const QString account = store->meta().value("test.account");
        LocalEditor editor(*store, account);
        QString client = store->meta().value("test.client");
        const auto ack = [](const QString &line) {
            std::fputs(qPrintable(line + "\n"), stdout);
            std::fflush(stdout);
        };
        for (int i = 0; i < loop; ++i) {
            const QString n = QString::number(store->outbox().lastSeq() + 1);
            if (client.isEmpty()) {
                client = editor.create("client", {{"firstName", "Crash"},
                                                  {"lastName", "Test"},
                                                  {"status", "active"},
                                                  {"coordinatorId", account}});
                store->meta().setValue("test.client", client);
                ack("ack create client " + client);
            } else if (i % 2 == 0) {
                editor.update("client", client, {{"notes", n}});
                ack("ack update client " + client + " notes " + n);
            } else {
                const QString f = editor.create("followUp", {{"clientId", client},
                                                             {"description", n},
                                                             {"dueOn", "2026-12-01"},
                                                             {"status", "open"}});
                ack("ack create followUp " + f);
            }
            HttpSyncTransport transport(QUrl(args[2]), token);
            DeviceSyncer syncer(*store, transport);
            syncer.pullPageSize = 3;
            syncer.syncOnce();
            ack("ack sync");
        }
        return 0;
    }
    HttpSyncTransport transport(QUrl(args[2]), token);
    DeviceSyncer syncer(*store, transport);
    syncer.pullPageSize = 3;
    if (args.contains("--die-after-page"))
        syncer.setCrashAfterApplyingPage([] { ::raise(SIGKILL); });
    return syncer.syncOnce().ok() ? 0 : 1;
}
