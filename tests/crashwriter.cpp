// crashwriter: a helper for tst_crashsafety. It makes local edits through LocalEditor in a loop
// and, after each edit has returned (its transaction committed), prints one acknowledgement line
// and flushes it, so the parent knows which edits it may expect to survive a SIGKILL.
//
// Usage: crashwriter <store-path> <key> [max-edits (0: until killed)] [seed]
//
// Output, one line per acknowledged edit (the JSON holds exactly the changes written):
//   ack <n> <action> <entity> <id> <compact-json-of-the-changes>
// Every text value the writer sets is "n<counter>", where the counter grows with every edit,
// also across runs on the same file (it starts after the outbox's last seq). So the value of a
// field only ever grows, and a value stored after a crash can be compared with the acked one.
#include "devicestore.h"
#include "localeditor.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMap>

#include <cstdio>
#include <random>

using namespace careround;

namespace {

struct Writer {
    DeviceStore &store;
    LocalEditor editor;
    std::mt19937 rng;
    qint64 counter = 0;
    qint64 written = 0;
    QStringList clients;           // not voided
    QStringList followUps;         // not voided
    QMap<QString, QString> visits; // visit id -> client id (visits of live clients)

    Writer(DeviceStore &s, quint32 seed)
        : store(s), editor(s, QStringLiteral("crashwriter")), rng(seed)
    {
        counter = store.outbox().lastSeq();
        const Schema &schema = Schema::instance();
        for (const Record &r : store.records().all(*schema.entity(QStringLiteral("client"))))
            if (!r.isVoided())
                clients.append(r.id);
        for (const Record &r : store.records().all(*schema.entity(QStringLiteral("followUp"))))
            if (!r.isVoided() &&
                clients.contains(r.values.value(QStringLiteral("clientId")).toString()))
                followUps.append(r.id);
        for (const Record &r : store.records().all(*schema.entity(QStringLiteral("visit")))) {
            const QString client = r.values.value(QStringLiteral("clientId")).toString();
            if (!r.isVoided() && clients.contains(client))
                visits.insert(r.id, client);
        }
    }

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
    QString value() const { return QStringLiteral("n%1").arg(counter); }

    void ack(const QString &action, const QString &entity, const QString &id,
             const QJsonObject &changes)
    {
        // One write() of a short line: a pipe never shows half of it.
        const QByteArray line = "ack " + QByteArray::number(++written) + ' ' + action.toUtf8() +
                                ' ' + entity.toUtf8() + ' ' + id.toUtf8() + ' ' +
                                QJsonDocument(changes).toJson(QJsonDocument::Compact) + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fflush(stdout);
    }

    void create(const QString &entity, const QJsonObject &values)
    {
        const QString id = editor.create(entity, values);
        if (entity == QLatin1String("client"))
            clients.append(id);
        else if (entity == QLatin1String("followUp"))
            followUps.append(id);
        else if (entity == QLatin1String("visit"))
            visits.insert(id, values.value(QStringLiteral("clientId")).toString());
        ack(QStringLiteral("create"), entity, id, values);
    }

    void update(const QString &entity, const QString &id, const QJsonObject &changes)
    {
        editor.update(entity, id, changes);
        ack(QStringLiteral("update"), entity, id, changes);
    }

    // id by value: the caller may pass an element of followUps, which this removes.
    void voidRecord(const QString &entity,
                    QString id) // NOLINT(performance-unnecessary-value-param)
    {
        editor.voidRecord(entity, id, value());
        if (entity == QLatin1String("client")) {
            clients.removeAll(id);
            for (auto it = visits.begin(); it != visits.end();)
                it = it.value() == id ? visits.erase(it) : std::next(it);
        } else {
            followUps.removeAll(id);
        }
        ack(QStringLiteral("void"), entity, id,
            QJsonObject{{"voided", true}, {"voidReason", value()}});
    }

    QString someClient() { return clients.at(pick(int(clients.size()))); }

    void createClient()
    {
        create(QStringLiteral("client"), {{"firstName", "Crash"},
                                          {"lastName", value()},
                                          {"status", "active"},
                                          {"notes", value()},
                                          {"phone", value()}});
    }

    void createVisit()
    {
        create(QStringLiteral("visit"),
               {{"clientId", someClient()}, {"status", "planned"}, {"purpose", value()}});
    }

    void createFollowUp()
    {
        create(QStringLiteral("followUp"), {{"clientId", someClient()},
                                            {"description", value()},
                                            {"dueOn", "2026-11-30"},
                                            {"status", "open"}});
    }

    /** One edit, chosen at random among those the current records allow. */
    void step()
    {
        ++counter;
        if (clients.isEmpty())
            return createClient();
        const int r = pick(100);
        if (r < 10)
            return createClient();
        if (r < 45) {
            static const QStringList fields{"notes", "phone", "address", "city"};
            QJsonObject changes{{fields.at(pick(4)), value()}};
            if (pick(3) == 0)
                changes.insert(fields.at(pick(4)), value());
            return update(QStringLiteral("client"), someClient(), changes);
        }
        if (r < 55 || (r < 70 && followUps.isEmpty()))
            return createFollowUp();
        if (r < 65)
            return update(QStringLiteral("followUp"), followUps.at(pick(int(followUps.size()))),
                          {{"description", value()}});
        if (r < 70)
            return voidRecord(QStringLiteral("followUp"),
                              followUps.at(pick(int(followUps.size()))));
        if (r < 77 || visits.isEmpty())
            return createVisit();
        const QStringList visitIds = visits.keys();
        const QString &visit = visitIds.at(pick(int(visitIds.size())));
        if (r < 88)
            return create(QStringLiteral("visitNote"), {{"visitId", visit},
                                                        {"clientId", visits.value(visit)},
                                                        {"text", value()},
                                                        {"writtenAt", "2026-11-22T10:00:00Z"}});
        if (r < 96 || clients.size() < 3)
            return update(QStringLiteral("visit"), visit, {{"purpose", value()}});
        // Voiding a client drops its follow-ups from the pool too: they are not edited again.
        const QString client = someClient();
        for (const Record &f : store.records().findBy(*Schema::instance().entity("followUp"),
                                                      QStringLiteral("clientId"), client))
            followUps.removeAll(f.id);
        voidRecord(QStringLiteral("client"), client);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: crashwriter <store-path> <key> [max-edits] [seed]\n");
        return 64;
    }
    const qint64 maxEdits = args.size() > 3 ? args.at(3).toLongLong() : 0;
    const quint32 seed = args.size() > 4 ? args.at(4).toUInt() : std::random_device{}();
    try {
        DeviceStore::Options options;
        options.path = args.at(1);
        options.key = args.at(2).toUtf8();
        // As the app's connection: a kill may land during a checkpoint on the other thread.
        options.backgroundCheckpoints = true;
        auto store = DeviceStore::open(options);
        Writer writer(*store, seed);
        while (maxEdits <= 0 || writer.written < maxEdits)
            writer.step();
    } catch (const StoreError &e) {
        std::fprintf(stderr, "crashwriter: %s\n", e.what());
        return 2;
    }
    return 0;
}
