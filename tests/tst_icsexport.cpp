// iCalendar out of the agency server (issue 13): a coordinator's calendar of visits,
// appointments and open follow-ups, parsed by Python's icalendar: the agency's time zone as a
// VTIMEZONE, timed events at the stored instants, follow-ups as all-day events, stable UIDs and
// a SEQUENCE that grows when a visit moves; no health details and no names. The feed is served
// at /v1/calendar/SECRET.ics; a revoked or replaced secret gets 404.
#include "exportfixture.h"

#include <QThread>

using namespace careround;
using namespace careround::test;

class TestIcsExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_alicia;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QJsonObject parse(const QString &file)
    {
        const Run r = runProgram(QStringLiteral("/usr/bin/python3"),
                                 {QStringLiteral(CAREROUND_EXPORT_TOOLS "/read_ics.py"), file});
        if (r.exitCode != 0)
            qWarning("read_ics.py: %s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    static QJsonObject event(const QJsonObject &cal, const QString &recordId)
    {
        for (const auto &e : cal[QLatin1String("events")].toArray())
            if (e.toObject()[QLatin1String("uid")].toString() ==
                recordId + QStringLiteral("@careround"))
                return e.toObject();
        return {};
    }
    /** Moves a stored record's field to a new value, as an edit the server applied. */
    void edit(const QString &entity, const QString &id, const QString &field,
              const QJsonValue &value)
    {
        auto db = ServerDatabase::open(m_db);
        AgencyServer server(*db);
        const EntityDef &def = Schema::kind(entity);
        ServerTransaction tx = server.store.transaction(ServerTransaction::Write);
        ServerStore::Writes writes = server.store.startWrites();
        QString clientId;
        const std::optional<Record> before = server.store.load(def, id, &clientId);
        Record after = *before;
        after.values.insert(field, value);
        after.stamps.insert(field, writes.stamp());
        server.store.write(writes, def, after, clientId, before, Provenance::admin());
        server.store.finishWrites(writes);
        tx.commit();
    }

private slots:
    void initTestCase()
    {
        qInfo("server database: %s", usePostgres() ? "PostgreSQL" : "SQLite");
        m_db = freshServerDb(m_dir);
        QVERIFY(serverAdmin(m_db, {"seed-demo", "8"}).exitCode == 0);
        QCOMPARE(serverAdmin(m_db, {"set-time-zone", "America/Chicago"}).exitCode, 0);
        QCOMPARE(serverAdmin(m_db, {"set-time-zone", "Mars/Olympus_Mons"}).exitCode, 2);
        auto db = ServerDatabase::open(m_db);
        m_alicia = accountIdOf(*db, QStringLiteral("alicia"));
    }

    void aCoordinatorsCalendar()
    {
        const QString file = path(QStringLiteral("alicia.ics"));
        const Run r =
            serverAdmin(m_db, {"export", "ics", "--coordinator", "alicia", "--out", file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject cal = parse(file);
        QCOMPARE(cal["timezones"].toArray().size(), 1);
        QCOMPARE(cal["timezones"].toArray()[0].toObject()["tzid"].toString(),
                 QStringLiteral("America/Chicago"));
        QVERIFY(cal["timezones"].toArray()[0].toObject()["parts"].toInt() >= 2); // DST and back
        const QJsonArray events = cal["events"].toArray();
        QVERIFY(events.size() > 5);

        auto db = ServerDatabase::open(m_db);
        QStringList clientsOfAlicia;
        QStringList lastNames;
        for (const QString &id : storedIds(*db, QStringLiteral("client"))) {
            const Record c = storedRecord(*db, QStringLiteral("client"), id);
            lastNames.append(c.text("lastName"));
            if (c.text("coordinatorId") == m_alicia)
                clientsOfAlicia.append(id);
        }
        int timed = 0, allDay = 0;
        for (const QString &id : storedIds(*db, QStringLiteral("appointment"))) {
            const Record a = storedRecord(*db, QStringLiteral("appointment"), id);
            const QJsonObject e = event(cal, id);
            if (!clientsOfAlicia.contains(a.text("clientId"))) {
                QVERIFY2(e.isEmpty(), "another caseload's appointment");
                continue;
            }
            QVERIFY(!e.isEmpty());
            // The stored instant, written in the agency's zone.
            QCOMPARE(e["start"].toString(), QDateTime::fromString(a.text("startsAt"), Qt::ISODate)
                                                .toUTC()
                                                .toString(Qt::ISODate));
            QCOMPARE(e["tzid"].toString(), QStringLiteral("America/Chicago"));
            QCOMPARE(e["location"].toString(), a.text("location"));
            ++timed;
        }
        for (const QString &id : storedIds(*db, QStringLiteral("followUp"))) {
            const Record f = storedRecord(*db, QStringLiteral("followUp"), id);
            const QJsonObject e = event(cal, id);
            if (!clientsOfAlicia.contains(f.text("clientId")) || f.text("status") != "open") {
                QVERIFY(e.isEmpty());
                continue;
            }
            QVERIFY(e["allDay"].toBool());
            QCOMPARE(e["start"].toString(), f.text("dueOn"));
            QCOMPARE(
                e["end"].toString(),
                QDate::fromString(f.text("dueOn"), Qt::ISODate).addDays(1).toString(Qt::ISODate));
            // No health details: the follow-up's description stays out.
            QVERIFY(!e["summary"].toString().contains(f.text("description")));
            ++allDay;
        }
        QVERIFY(timed > 0 && allDay > 0);
        // No client's last name anywhere in the file: initials only.
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(raw.readAll());
        for (const QString &name : lastNames)
            QVERIFY2(!text.contains(name), qPrintable(name));
        QVERIFY(!text.contains(QStringLiteral("DESCRIPTION")));
    }

    void aMovedVisitKeepsItsUidAndRaisesItsSequence()
    {
        auto db = ServerDatabase::open(m_db);
        QString visitId;
        qint64 stampedAt = 0;
        for (const QString &id : storedIds(*db, QStringLiteral("visit"))) {
            const Record v = storedRecord(*db, QStringLiteral("visit"), id);
            if (v.text("coordinatorId") == m_alicia && v.text("status") == "planned")
                visitId = id;
        }
        {
            AgencyServer server(*db);
            const auto visit = server.store.load(Schema::kind(QStringLiteral("visit")), visitId);
            QVERIFY(visit);
            for (const Stamp &stamp : visit->stamps)
                stampedAt = qMax(stampedAt, qint64(stamp.hlc.millis()));
        }
        db.reset();
        // SEQUENCE counts in seconds of the stamps (docs/export.md): the move below is stamped
        // in a later second than the visit was, as any edit a person makes by hand. Waits for
        // the clock to get there (a state, not a length of time).
        while (QDateTime::currentMSecsSinceEpoch() / 1000 <= stampedAt / 1000)
            QThread::msleep(20);
        QVERIFY(!visitId.isEmpty());
        const QString before = path(QStringLiteral("before.ics")),
                      after = path(QStringLiteral("after.ics"));
        QVERIFY(serverAdmin(m_db, {"export", "ics", "--coordinator", "alicia", "--out", before})
                    .exitCode == 0);
        edit(QStringLiteral("visit"), visitId, QStringLiteral("plannedAt"),
             QStringLiteral("2027-02-03T15:30:00Z"));
        QVERIFY(serverAdmin(m_db, {"export", "ics", "--coordinator", "alicia", "--out", after})
                    .exitCode == 0);
        const QJsonObject was = event(parse(before), visitId), is = event(parse(after), visitId);
        QVERIFY(!was.isEmpty() && !is.isEmpty());
        QVERIFY2(is["sequence"].toInt() > was["sequence"].toInt(),
                 qPrintable(QStringLiteral("%1 -> %2")
                                .arg(was["sequence"].toInt())
                                .arg(is["sequence"].toInt())));
        QCOMPARE(is["start"].toString(), QStringLiteral("2027-02-03T15:30:00Z"));
        QCOMPARE(is["end"].toString(), QStringLiteral("2027-02-03T16:30:00Z"));
        // 15:30 UTC in February is 09:30 in Chicago (CST, UTC-6).
        QFile raw(after);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(raw.readAll().contains("DTSTART;TZID=America/Chicago:20270203T093000"));
    }

    void theFeedBehindARevocableSecret()
    {
        ServerProcess server(m_db);
        QVERIFY(server.start());
        const Run made = serverAdmin(m_db, {"calendar-feed", "alicia"});
        QCOMPARE(made.exitCode, 0);
        const QString feed = made.out.trimmed();
        QVERIFY2(QRegularExpression(QStringLiteral("^/v1/calendar/[A-Za-z0-9_-]{43}\\.ics$"))
                     .match(feed)
                     .hasMatch(),
                 qPrintable(feed));
        QUrl url = server.url();
        url.setPath(feed);
        HttpFile got = httpRequest(url, {});
        QCOMPARE(got.status, 200);
        QVERIFY(got.contentType.startsWith("text/calendar"));
        QFile f(path(QStringLiteral("feed.ics")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(got.body);
        f.close();
        QVERIFY(parse(path(QStringLiteral("feed.ics")))["events"].toArray().size() > 5);

        // A new secret replaces the old one; a revoked one is gone.
        const QString second = serverAdmin(m_db, {"calendar-feed", "alicia"}).out.trimmed();
        QCOMPARE(httpRequest(url, {}).status, 404);
        url.setPath(second);
        QCOMPARE(httpRequest(url, {}).status, 200);
        QCOMPARE(serverAdmin(m_db, {"revoke-calendar-feed", "alicia"}).exitCode, 0);
        QCOMPARE(httpRequest(url, {}).status, 404);
        QCOMPARE(serverAdmin(m_db, {"revoke-calendar-feed", "alicia"}).exitCode, 1);
        url.setPath(QStringLiteral("/v1/calendar/not-a-secret.ics"));
        QCOMPARE(httpRequest(url, {}).status, 404);

        // From the tablet: a coordinator makes and revokes their own feed.
        TestDevice tablet(path(QStringLiteral("tablet.db")), server.url(),
                          QStringLiteral("alicia"));
        QVERIFY(tablet.enrolled());
        url.setPath(QStringLiteral("/v1/calendar/feed"));
        const HttpFile mine = httpRequest(url, tablet.token, true);
        QCOMPARE(mine.status, 200);
        const QString path = QJsonDocument::fromJson(mine.body).object()["path"].toString();
        url.setPath(path);
        QCOMPARE(httpRequest(url, {}).status, 200);
        url.setPath(QStringLiteral("/v1/calendar/revoke"));
        QCOMPARE(httpRequest(url, tablet.token, true).status, 200);
        url.setPath(path);
        QCOMPARE(httpRequest(url, {}).status, 404);
        url.setPath(QStringLiteral("/v1/calendar/feed"));
        QCOMPARE(httpRequest(url, {}, true).status, 401);
        // A coordinator downloads only their own calendar.
        url.setPath(QStringLiteral("/v1/export/ics"));
        auto db = ServerDatabase::open(m_db);
        url.setQuery(QStringLiteral("coordinator=") + accountIdOf(*db, QStringLiteral("daniel")));
        QCOMPARE(httpRequest(url, tablet.token).status, 403);
        url.setQuery(QString());
        QCOMPARE(httpRequest(url, tablet.token).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestIcsExport)
#include "tst_icsexport.moc"
