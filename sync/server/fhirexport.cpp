#include "fhirexport.h"

#include "exportservice.h"
#include "fhirmapper.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <deque>

#include <memory>

namespace careround {

namespace {

/** The files of one export, one per resource type, opened as resources arrive. */
class NdjsonFiles {
public:
    explicit NdjsonFiles(QString dir) : m_dir(std::move(dir)) {}
    bool write(const QJsonObject &resource)
    {
        return write(resource.value(QLatin1String("resourceType")).toString(), line(resource));
    }
    /** A resource as its NDJSON line (any thread). */
    static QByteArray line(const QJsonObject &resource)
    {
        return QJsonDocument(resource).toJson(QJsonDocument::Compact) + '\n';
    }
    bool write(const QString &type, const QByteArray &line)
    {
        std::unique_ptr<QFile> &file = m_files[type];
        if (!file) {
            file = std::make_unique<QFile>(m_dir + QLatin1Char('/') + type +
                                           QStringLiteral(".ndjson"));
            if (!file->open(QIODevice::WriteOnly))
                return m_ok = false;
        }
        m_ok = m_ok && file->write(line) == line.size();
        ++m_counts[type];
        return m_ok;
    }
    bool close()
    {
        for (auto &f : m_files)
            if (f.second) {
                m_ok = m_ok && f.second->flush();
                f.second->close();
            }
        return m_ok;
    }
    const QMap<QString, qint64> &counts() const { return m_counts; }

private:
    QString m_dir;
    std::map<QString, std::unique_ptr<QFile>> m_files;
    QMap<QString, qint64> m_counts;
    bool m_ok = true;
};

/** The clients an export covers: one, or every client the caller may read, by id. */
QStringList clientsOf(ServerStore &store, const Caller &caller)
{
    if (!caller.isSupervisor())
        return store.caseload(caller.accountId);
    QStringList ids;
    for (const StoredRecord &s : store.allOf(QStringLiteral("client"), {}))
        ids.append(s.id);
    return ids;
}

/** The resources every export carries (the agency, the Questionnaires) and the
    coordinators and providers the clients' resources refer to (from `shared` when the export
    read them already, else from the store). */
void sharedResources(ServerStore &store, const FhirMapper::Referenced &refs,
                     const FhirMapper::Sink &sink, const RecordSet *shared = nullptr)
{
    sink(FhirMapper::agency(store.meta(QStringLiteral("agency"))));
    for (const QJsonObject &q : FhirMapper::questionnaires())
        sink(q);
    const auto find = [&](const EntityDef &def, const QString &id) {
        return shared ? shared->lookup(def, id) : store.load(def, id);
    };
    const EntityDef &coordinator = Schema::kind(QStringLiteral("coordinator"));
    for (const QString &id : refs.coordinators)
        if (const auto r = find(coordinator, id))
            FhirMapper::coordinator(*r, sink);
    const EntityDef &provider = Schema::kind(QStringLiteral("provider"));
    for (const QString &id : refs.providers)
        if (const auto r = find(provider, id))
            FhirMapper::provider(*r, sink);
}

/** The coordinators and providers referred to so far, each once, in the order first met. */
struct Referred {
    FhirMapper::Referenced ids;
    QSet<QString> seen;
    void add(const FhirMapper::Referenced &more)
    {
        for (const QString &id : more.coordinators)
            if (!seen.contains(QStringLiteral("c:") + id)) {
                seen.insert(QStringLiteral("c:") + id);
                ids.coordinators.append(id);
            }
        for (const QString &id : more.providers)
            if (!seen.contains(QStringLiteral("p:") + id)) {
                seen.insert(QStringLiteral("p:") + id);
                ids.providers.append(id);
            }
    }
};

} // namespace

FhirExport::Summary FhirExport::writeNdjson(const Caller &caller, const QString &dir,
                                            const QString &clientId, const QDateTime &since,
                                            QString *error)
{
    error->clear();
    QStringList clients;
    if (!clientId.isEmpty()) {
        if (!m_store.load(Schema::kind(QStringLiteral("client")), clientId)) {
            *error = QStringLiteral("No client has the id %1").arg(clientId);
            return {};
        }
        if (!m_policy.mayReadClient(caller, clientId)) {
            *error = QStringLiteral("The client %1 is not on your caseload").arg(clientId);
            return {};
        }
        clients.append(clientId);
    } else {
        clients = clientsOf(m_store, caller);
    }
    const QFileInfo target(dir);
    if (target.exists() && (!target.isDir() || !QDir(dir).isEmpty())) {
        *error = QStringLiteral("%1 exists and is not an empty folder: say a new one").arg(dir);
        return {};
    }
    // Written into a folder beside the target, renamed into place when complete.
    const QString partial = QDir::cleanPath(dir) + QStringLiteral(".partial");
    QDir(partial).removeRecursively();
    if (!QDir().mkpath(partial)) {
        *error = QStringLiteral("Cannot write %1: cannot make the folder").arg(dir);
        return {};
    }
    NdjsonFiles files(partial);
    bool ok = true;
    const FhirMapper::Sink sink = [&](const QJsonObject &r) { ok = files.write(r) && ok; };
    const qint64 sinceMs = since.isValid() ? since.toMSecsSinceEpoch() : 0;
    const auto keep = [sinceMs](const Record &r) {
        return sinceMs == 0 || qint64(r.latestStamp().hlc.millis()) >= sinceMs;
    };
    Referred refs;
    // Clients are read here (the store is this thread's) and mapped and encoded on the pool's
    // threads, a few ahead; their lines are written in the clients' order, so an export is the
    // same file whoever finished first. Memory: the clients in flight, not the agency.
    struct Mapped {
        QVector<std::pair<QString, QByteArray>> lines; ///< resource type, NDJSON line
        FhirMapper::Referenced refs;
    };
    const RecordSet shared = ExportService::ClientSource::shared(m_store);
    const int ahead = 2 * qMax(1, QThreadPool::globalInstance()->maxThreadCount());
    std::deque<QFuture<Mapped>> inFlight;
    const auto writeOldest = [&] {
        const Mapped mapped = inFlight.front().result();
        inFlight.pop_front();
        for (const auto &[type, line] : mapped.lines)
            ok = files.write(type, line) && ok;
        refs.add(mapped.refs);
    };
    for (const QString &id : clients) {
        // The stamps only when --since needs them.
        auto source =
            std::make_shared<ExportService::ClientSource>(m_store, id, sinceMs != 0, &shared);
        inFlight.push_back(QtConcurrent::run([source, id, keep] {
            Mapped mapped;
            mapped.refs = FhirMapper::client(
                *source, id,
                [&mapped](const QJsonObject &r) {
                    mapped.lines.append(
                        {r.value(QLatin1String("resourceType")).toString(), NdjsonFiles::line(r)});
                },
                keep);
            return mapped;
        }));
        if (int(inFlight.size()) >= ahead)
            writeOldest();
        if (!ok)
            break;
    }
    while (!inFlight.empty())
        writeOldest();
    sharedResources(m_store, refs.ids, sink, &shared);
    ok = files.close() && ok;
    if (ok && target.exists())
        ok = QDir().rmdir(dir);
    if (!ok || !QDir().rename(partial, dir)) {
        QDir(partial).removeRecursively();
        *error = QStringLiteral("Cannot write %1").arg(dir);
        return {};
    }
    return {files.counts()};
}

QJsonObject FhirExport::clientBundle(const Caller &caller, const QString &clientId, int *status,
                                     QString *error)
{
    if (clientId.isEmpty() || !m_store.load(Schema::kind(QStringLiteral("client")), clientId)) {
        *status = 404;
        *error = QStringLiteral("No client has the id %1").arg(clientId);
        return {};
    }
    if (!m_policy.mayReadClient(caller, clientId)) {
        *status = 403;
        *error = QStringLiteral("The client %1 is not on your caseload").arg(clientId);
        return {};
    }
    QJsonArray entries;
    const FhirMapper::Sink sink = [&](const QJsonObject &r) {
        entries.append(
            QJsonObject{{"fullUrl", FhirMapper::baseUrl() + QLatin1Char('/') +
                                        r.value(QLatin1String("resourceType")).toString() +
                                        QLatin1Char('/') + r.value(QLatin1String("id")).toString()},
                        {"resource", r}});
    };
    ExportService::ClientSource source(m_store, clientId);
    sharedResources(m_store, FhirMapper::client(source, clientId, sink), sink);
    *status = 200;
    return QJsonObject{{"resourceType", "Bundle"},
                       {"id", QStringLiteral("client-") + clientId},
                       {"type", "collection"},
                       {"timestamp", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                       {"entry", entries}};
}

} // namespace careround
