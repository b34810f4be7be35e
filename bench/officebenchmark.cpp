// The office console's reads at the agency scale: the dashboard and each report, asked of the
// real careround-server process over HTTP by a signed-in supervisor (the whole agency) and a
// coordinator (one caseload), on the agency server database of the benchmarks, on SQLite and
// on PostgreSQL (the same records copied in), with the server's peak RSS after them.
#include "benchmarks.h"
#include "benchserver.h"

#include "officereports.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>

namespace careround::bench {

namespace {

constexpr int kRuns = 3;
constexpr int kPerRun = 7;
constexpr double kTargetMs = 300;

/** A browser of the office: one cookie jar, requests one at a time. */
class OfficeClient {
public:
    explicit OfficeClient(QUrl base) : m_base(std::move(base))
    {
        m_net.setCookieJar(new QNetworkCookieJar(&m_net));
    }

    bool signIn(const QString &login)
    {
        QNetworkRequest request(m_base.resolved(QUrl(QStringLiteral("/v1/office/session"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        const QByteArray body =
            QJsonDocument(QJsonObject{{"login", login}, {"password", kBenchPassword}})
                .toJson(QJsonDocument::Compact);
        return wait(m_net.post(request, body)) == 200;
    }
    /** GETs the path; returns the HTTP status, and the time in ms through `ms`. */
    int get(const QString &path, double *ms)
    {
        Stopwatch watch;
        const int status = wait(m_net.get(QNetworkRequest(m_base.resolved(QUrl(path)))));
        *ms = watch.ms();
        return status;
    }

private:
    int wait(QNetworkReply *reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }
    QUrl m_base;
    QNetworkAccessManager m_net;
};

} // namespace

namespace {

/** The office's rows on one database: the dashboard and the reports, then the peak RSS. */
void officeRows(BenchContext &ctx, const DatasetInfo &data, const QString &dbUrl,
                const QString &backend)
{
    ServerProcess server(ctx.serverPath, dbUrl);
    server.start();
    QStringList pages{QStringLiteral("/v1/office/dashboard")};
    for (const QString &name : OfficeReports::names())
        pages.append(QStringLiteral("/v1/office/reports/") + name);
    const QString scale =
        QStringLiteral("%1 clients, %2 records").arg(data.clients).arg(data.records);
    for (const auto &[login, who] :
         {std::pair{Datasets::supervisorLogin(), QStringLiteral("supervisor")},
          std::pair{Datasets::coordinatorLogin(0), QStringLiteral("coordinator")}}) {
        OfficeClient client(server.url());
        if (!client.signIn(login)) {
            std::fprintf(stderr, "careround-bench: the office sign-in of %s failed\n",
                         qPrintable(login));
            return;
        }
        for (const QString &page : pages) {
            // A coordinator's dashboard and one report are enough to show the caseload's cost.
            if (who == QLatin1String("coordinator") && page != pages[0] && page != pages[2])
                continue;
            double first = 0;
            int failures = client.get(page, &first) == 200 ? 0 : 1;
            Runs runs;
            for (int r = 0; r < kRuns; ++r) {
                QVector<double> samples;
                for (int i = 0; i < kPerRun; ++i) {
                    double ms = 0;
                    failures += client.get(page, &ms) == 200 ? 0 : 1;
                    samples.append(ms);
                }
                runs.add(samples);
            }
            Row row;
            row.what = QStringLiteral("office %1 (%2, %3)")
                           .arg(page.section(QLatin1Char('/'), 3), who, backend);
            row.scale = scale;
            row.median = runs.medianOf(50);
            row.tail = runs.medianOf(95);
            row.tailName = QStringLiteral("p95");
            row.unit = QStringLiteral("ms");
            row.target = QStringLiteral("p95 <= 300 ms");
            row.met = failures ? QStringLiteral("NO") : verdict(row.tail, kTargetMs);
            row.notes = QStringLiteral("request time over HTTP on 127.0.0.1, %1; %2 runs of %3, "
                                       "after a first read of %4 ms (the server reads the "
                                       "records once after it starts)%5")
                            .arg(backend)
                            .arg(kRuns)
                            .arg(kPerRun)
                            .arg(qRound(first))
                            .arg(failures ? QStringLiteral("; %1 failed requests").arg(failures)
                                          : QString());
            ctx.table->add(row);
        }
    }
    Row rss;
    rss.what = QStringLiteral("office: server peak RSS (VmHWM) after every page (%1)").arg(backend);
    rss.scale = scale;
    rss.median = peakRssMb(server.pid());
    rss.unit = QStringLiteral("MB");
    rss.target = QStringLiteral("<= 200 MB");
    rss.met = verdict(rss.median, 200);
    rss.notes = QStringLiteral("the records the dashboard and the reports read, held in memory "
                               "(RecordViews)");
    ctx.table->add(rss);
}

} // namespace

void benchOffice(BenchContext &ctx)
{
    const DatasetInfo data = ctx.datasets->serverDb(ctx.scale);
    const QString dbPath = ctx.serverDbCopy(QStringLiteral("office"), data);
    officeRows(ctx, data, QStringLiteral("sqlite:") + dbPath, QStringLiteral("SQLite"));
    const BenchPostgres pg(ctx.pgFixture);
    Stopwatch copy;
    Datasets::copyServerDbTo(dbPath, pg.url());
    std::fprintf(stderr, "bench: the agency copied into PostgreSQL in %.0f s\n", copy.ms() / 1000);
    officeRows(ctx, data, pg.url(), QStringLiteral("PostgreSQL"));
}

} // namespace careround::bench
