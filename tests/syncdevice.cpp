// A tablet as a child process, for crash tests: enrols (when new) and syncs a store once.
// usage: syncdevice STORE SERVER_URL LOGIN PASSWORD [--die-after-page | --loop N]
// With --die-after-page it kills itself (SIGKILL) after applying the first pulled page,
// before the page's cursor is stored. With --loop N it makes an edit and syncs, N times,
// printing "ack create ENTITY ID" / "ack update ENTITY ID FIELD VALUE" once each edit is
// committed and "ack sync" after each sync, until it is killed.
// --set ENTITY ID FIELD VALUE (repeatable) makes a local edit before the sync (VALUE is JSON
// when it parses as JSON, else text); --dump ENTITY (repeatable) prints each record of the
// kind after the sync as one JSON line {"entity", "id", "values"}. The sync's outcome is
// printed on stderr as "sync: STATE MESSAGE" (the office console's browser test reads both).
#include "devicestore.h"
#include "devicesyncer.h"
#include "localeditor.h"
#include "synctransport.h"

#include <QCoreApplication>
#include <QJsonDocument>
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
    for (qsizetype i = args.indexOf("--set"); i >= 0 && i + 4 < args.size();
         i = args.indexOf("--set", i + 1)) {
        const QByteArray text = args[i + 4].toUtf8();
        const QJsonDocument parsed = QJsonDocument::fromJson("[" + text + "]");
        const QJsonValue value =
            parsed.isArray() ? parsed.array().first() : QJsonValue(QString::fromUtf8(text));
        LocalEditor(*store, store->meta().value("test.account"))
            .update(args[i + 1], args[i + 2], {{args[i + 3], value}});
    }
    HttpSyncTransport transport(QUrl(args[2]), token);
    DeviceSyncer syncer(*store, transport);
    syncer.pullPageSize = 3;
    if (args.contains("--die-after-page"))
        syncer.setCrashAfterApplyingPage([] { ::raise(SIGKILL); });
    const SyncOutcome outcome = syncer.syncOnce();
    static const char *const states[] = {"up_to_date", "offline", "error", "revoked",
                                         "unrecognised"};
    std::fprintf(stderr, "sync: %s %s\n", states[int(outcome.state)], qPrintable(outcome.message));
    for (qsizetype i = args.indexOf("--dump"); i >= 0 && i + 1 < args.size();
         i = args.indexOf("--dump", i + 1)) {
        const EntityDef *def = Schema::instance().entity(args[i + 1]);
        if (!def)
            return 2;
        for (const Record &r : store->records().all(*def))
            std::puts(
                QJsonDocument(QJsonObject{{"entity", r.entity}, {"id", r.id}, {"values", r.values}})
                    .toJson(QJsonDocument::Compact)
                    .constData());
    }
    std::fflush(stdout);
    return outcome.ok() ? 0 : 1;
}
