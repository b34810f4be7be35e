// libFuzzer target: the whole server path. The input is a push body; "$ANA", "$SAM" and
// "$NOW" in it are replaced by the coordinator's and the supervisor's account ids and by the
// server's clock as an hlc (so seeds can name real accounts and times). On a throwaway SQLite
// store in a temporary folder, the body is decoded as the HTTP layer does (Protocol::decodeBody)
// and pushed into the real SyncService by the supervisor's device and then by the
// coordinator's; then both pull every page, and /v1/conflicts is read. Invariants: no crash, no
// undefined behaviour; every reply is a status the protocol lists, an error with its code;
// every pull page decodes with the tablet's decoder (one JSON object, each record through
// Protocol::decodeRecord), nests no deeper than kMaxPageDepth and pages on to the end; the
// review list of the changes refused decodes and nests no deeper either.
#include "fuzzsupport.h"
#include "throwawayserver.h"

#include <QCoreApplication>

using namespace careround;

namespace {

void checkReply(const ServiceReply &reply)
{
    static const QVector<int> listed{200, 400, 403, 409, 413};
    FUZZ_ASSERT(listed.contains(reply.status), "a status the protocol lists");
    if (reply.status != 200)
        FUZZ_ASSERT(!reply.object().value(QStringLiteral("error")).toString().isEmpty(),
                    "an error has its code");
}

void pullEverything(test::ThrowawayServer &server, const Caller &caller)
{
    const QVector<QByteArray> pages = server.pullAll(caller, 7);
    FUZZ_ASSERT(!pages.isEmpty() && pages.size() < 10000, "the pull ends");
    for (const QByteArray &page : pages) {
        const QString error = test::decodeOnTablet(page);
        if (!error.isEmpty())
            std::fprintf(stderr, "page: %s\n", qPrintable(error));
        FUZZ_ASSERT(error.isEmpty(), "every pull page decodes on the tablet");
        const QJsonObject doc = QJsonDocument::fromJson(page).object();
        FUZZ_ASSERT(RecordValidator::jsonDepth(doc, 1024) <= ProtocolLimits::kMaxPageDepth,
                    "a page nests within kMaxPageDepth");
    }
    const ServiceReply conflicts = server.server().sync.conflicts(caller, QUrlQuery());
    FUZZ_ASSERT(conflicts.status == 200, "the conflicts are listed");
    FUZZ_ASSERT(!QJsonDocument::fromJson(conflicts.encoded()).isNull(), "the list decodes");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv); // QTemporaryDir, QSqlDatabase
    qputenv("QT_LOGGING_RULES", "*.debug=false;*.info=false;*.warning=false");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    // In memory-backed /dev/shm when there is one: the store syncs every commit to disk.
    static const QString parent =
        QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    test::ThrowawayServer server(parent);
    const Caller ana = server.enrol(QStringLiteral("ana"), QStringLiteral("coordinator"));
    const Caller sam = server.enrol(QStringLiteral("sam"), QStringLiteral("supervisor"));
    QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    raw.replace("$ANA", ana.accountId.toLatin1())
        .replace("$SAM", sam.accountId.toLatin1())
        .replace("$NOW", test::hlcAt(test::ThrowawayServer::kNow).toText().toLatin1());
    QJsonObject body;
    if (!Protocol::decodeBody(raw, body).isEmpty())
        return 0;
    checkReply(server.server().sync.push(sam, body));
    checkReply(server.server().sync.push(ana, body));
    checkReply(server.server().sync.hello(ana, body));
    pullEverything(server, sam);
    pullEverything(server, ana);
    // Every change refused is kept whole: the supervisors' review list still decodes.
    const ServiceReply review =
        server.server().review.list(sam, QUrlQuery(QStringLiteral("limit=500")));
    FUZZ_ASSERT(review.status == 200, "the review store is listed");
    const QJsonDocument reviewPage = QJsonDocument::fromJson(review.encoded());
    FUZZ_ASSERT(reviewPage.isObject(), "the review list decodes");
    FUZZ_ASSERT(RecordValidator::jsonDepth(reviewPage.object(), 1024) <=
                    ProtocolLimits::kMaxPageDepth,
                "the review list nests within kMaxPageDepth");
    return 0;
}
