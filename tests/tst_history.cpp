// The agency's audit trail: every field a write changes gets a history entry in the same
// transaction (author, device, stamp, before and after, outcome); GET /v1/history returns a
// client's entries to a supervisor or to the coordinator holding the client; nothing can
// update or delete them. Real server process and tablets over HTTP, on SQLite and
// (tst_history_pg) PostgreSQL.
#include "serverfixture.h"

using namespace careround;
using namespace careround::test;

namespace {

using Entries = QVector<QJsonObject>;

/** The entries about one field of one record, in history order. */
Entries about(const Entries &all, const QString &entity, const QString &recordId,
              const QString &field)
{
    Entries out;
    for (const QJsonObject &e : all)
        if (e.value("entity").toString() == entity && e.value("recordId").toString() == recordId &&
            e.value("field").toString() == field)
            out.append(e);
    return out;
}

/** The one entry of `entries` with this stamp; fails the test when not exactly one. */
QJsonObject stamped(const Entries &entries, const Stamp &stamp)
{
    Entries out;
    for (const QJsonObject &e : entries)
        if (e.value("stamp").toString() == stamp.toString())
            out.append(e);
    if (out.size() != 1)
        qWarning("%d entries with the stamp %s", int(out.size()), qPrintable(stamp.toString()));
    return out.size() == 1 ? out.first() : QJsonObject();
}

} // namespace

class TestHistory : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<TestDevice> m_ana, m_ben, m_sam;
    QString m_client;
    int m_n = 0;

    QString path() { return m_dir.filePath(QStringLiteral("d%1.db").arg(++m_n)); }

    SyncResponse get(TestDevice &device, const QString &query)
    {
        HttpSyncTransport transport(m_server->url(), device.token);
        return transport.get(QStringLiteral("/v1/history?") + query);
    }
    /** Every entry of the client's history as the device's account reads it, page by page. */
    Entries history(TestDevice &device, const QString &client, int limit = 3)
    {
        Entries out;
        qint64 cursor = 0;
        for (;;) {
            const SyncResponse r = get(
                device,
                QStringLiteral("client=%1&cursor=%2&limit=%3").arg(client).arg(cursor).arg(limit));
            if (r.status != 200) {
                qWarning("history: %d %s", r.status,
                         qPrintable(r.body.value("message").toString()));
                return {};
            }
            const QJsonArray page = r.body.value("entries").toArray();
            for (const auto &e : page) {
                // In history order, each page after the one before.
                if (e.toObject().value("seq").toDouble() <= double(cursor))
                    qWarning("history out of order");
                cursor = qint64(e.toObject().value("seq").toDouble());
                out.append(e.toObject());
            }
            if (qint64(r.body.value("nextCursor").toDouble()) != cursor)
                qWarning("nextCursor is not the last entry's seq");
            if (!r.body.value("hasMore").toBool())
                return out;
        }
    }
    qint64 historyRows()
    {
        auto db = ServerDatabase::open(m_server->db());
        return db->scalar(QStringLiteral("SELECT count(*) FROM history")).toLongLong();
    }

private slots:
    void initTestCase() { qInfo("server database: %s", usePostgres() ? "PostgreSQL" : "SQLite"); }
    void init()
    {
        m_server = std::make_unique<ServerProcess>(freshServerDb(m_dir));
        QVERIFY(!m_server->admin({"create-account", "ana", "Ana Ortiz", "coordinator"}).isEmpty());
        QVERIFY(!m_server->admin({"create-account", "ben", "Ben Okafor", "coordinator"}).isEmpty());
        QVERIFY(!m_server->admin({"create-account", "sam", "Sam Lee", "supervisor"}).isEmpty());
        QVERIFY(m_server->start());
        m_ana = std::make_unique<TestDevice>(path(), m_server->url(), "ana");
        m_ben = std::make_unique<TestDevice>(path(), m_server->url(), "ben");
        m_sam = std::make_unique<TestDevice>(path(), m_server->url(), "sam");
        QVERIFY(m_ana->enrolled() && m_ben->enrolled() && m_sam->enrolled());
        m_client = m_ana->editor->create("client", {{"firstName", "Maria"},
                                                    {"lastName", "Gonzalez"},
                                                    {"status", "active"},
                                                    {"phone", "555-0101"},
                                                    {"coordinatorId", m_ana->accountId}});
        QVERIFY(m_ana->sync().ok());
        QVERIFY(m_sam->sync().ok());
    }
    void cleanup()
    {
        m_ana.reset();
        m_ben.reset();
        m_sam.reset();
        m_server.reset();
    }

    void aNewRecordHasOneEntryPerFieldByItsAuthor()
    {
        const Entries all = history(*m_ana, m_client);
        auto db = ServerDatabase::open(m_server->db());
        const auto row = db->query("SELECT vals, stamps FROM record WHERE entity = 'client' AND "
                                   "id = ?",
                                   {m_client})
                             .value(0);
        QCOMPARE(row.size(), 2);
        const QJsonObject values = QJsonDocument::fromJson(row[0].toString().toUtf8()).object();
        const QJsonObject stamps = QJsonDocument::fromJson(row[1].toString().toUtf8()).object();
        QCOMPARE(all.size(), values.size());
        for (const QJsonObject &e : all) {
            const QString field = e.value("field").toString();
            QCOMPARE(e.value("entity").toString(), QStringLiteral("client"));
            QCOMPARE(e.value("recordId").toString(), m_client);
            QVERIFY2(!e.contains("before"), "a new field has no value before");
            QCOMPARE(e.value("after"), values.value(field));
            QCOMPARE(e.value("accountId").toString(), m_ana->accountId);
            QCOMPARE(e.value("deviceId").toString(), m_ana->store->deviceId());
            QCOMPARE(e.value("stamp"), stamps.value(field));
            QVERIFY(e.value("stamp").toString().endsWith("@" + m_ana->store->deviceId()));
            QCOMPARE(e.value("outcome").toString(), QStringLiteral("applied"));
            QVERIFY(QDateTime::fromString(e.value("serverTime").toString(), Qt::ISODateWithMs)
                        .isValid());
        }
    }

    void valuesAreStoredAsQtWritesThem()
    {
        // The entries' values are the compact JSON QJsonDocument writes (strings written
        // directly): quotes, backslashes, control characters, accents and emoji alike.
        const QString notes = QStringLiteral("She said \"no\" \\ twice.\nTab\there, bell\u0007, "
                                             "\u00e9t\u00e9, \U0001F600 and \u2028.");
        m_ana->editor->update("client", m_client,
                              {{"notes", notes}, {"livesAlone", true}, {"phone", QJsonValue()}});
        QVERIFY(m_ana->sync().ok());
        auto db = ServerDatabase::open(m_server->db());
        for (const QJsonValue &value : {QJsonValue(notes), QJsonValue(true), QJsonValue()}) {
            const QString field = value.isString() ? QStringLiteral("notes")
                                  : value.isBool() ? QStringLiteral("livesAlone")
                                                   : QStringLiteral("phone");
            const QByteArray qt = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
            const QString stored =
                db->scalar("SELECT value_after FROM history WHERE record_id = ? AND field = ? "
                           "ORDER BY seq DESC LIMIT 1",
                           {m_client, field})
                    .toString();
            QCOMPARE(stored, QString::fromUtf8(qt.mid(1, qt.size() - 2)));
        }
        const Entries all = about(history(*m_sam, m_client), "client", m_client, "notes");
        QCOMPARE(all.constLast().value("after").toString(), notes);
    }

    void aPushOfManyChangesHasItsWholeHistory()
    {
        // More entries in one push than one INSERT of the history holds.
        const qint64 rows = historyRows();
        QStringList ids;
        for (int i = 0; i < 60; ++i)
            ids.append(m_ana->editor->create("followUp", {{"clientId", m_client},
                                                          {"description", "Call the pharmacy"},
                                                          {"dueOn", "2026-12-01"},
                                                          {"status", "open"}}));
        const SyncOutcome synced = m_ana->sync();
        QVERIFY2(synced.ok(), qPrintable(synced.message));
        const Entries all = history(*m_ana, m_client, 2000);
        for (const QString &id : ids)
            QCOMPARE(about(all, "followUp", id, "description").size(), 1);
        QVERIFY(historyRows() >= rows + qint64(60) * 4);
    }

    void coordinatorsReadTheirCaseloadSupervisorsEveryClient()
    {
        QVERIFY(!history(*m_ana, m_client).isEmpty());
        QVERIFY(!history(*m_sam, m_client).isEmpty());
        QCOMPARE(history(*m_sam, m_client), history(*m_ana, m_client));
        // Pages of 3 hand over without a gap or a repeat: the same as one page of all.
        QCOMPARE(history(*m_sam, m_client, 3), history(*m_sam, m_client, 2000));
        QVERIFY(history(*m_sam, m_client).size() > 3);
        QCOMPARE(get(*m_ben, "client=" + m_client).status, 403);

        // An unknown client: 404 for a supervisor; 403 for a coordinator, as for any client
        // not theirs (a coordinator learns nothing about which ids exist).
        const QString unknown = newUuid7();
        QCOMPARE(get(*m_sam, "client=" + unknown).status, 404);
        QCOMPARE(get(*m_ana, "client=" + unknown).status, 403);
        HttpSyncTransport anonymous(m_server->url(), {});
        QCOMPARE(anonymous.get("/v1/history?client=" + m_client).status, 401);

        // Moved by the office: the history follows the caseload, and the move is in it.
        m_server->admin({"assign-client", m_client, "ben"});
        QCOMPARE(get(*m_ana, "client=" + m_client).status, 403);
        const Entries moves = about(history(*m_ben, m_client), "client", m_client, "coordinatorId");
        QCOMPARE(moves.size(), 2);
        QCOMPARE(moves.last().value("before").toString(), m_ana->accountId);
        QCOMPARE(moves.last().value("after").toString(), m_ben->accountId);
        QCOMPARE(moves.last().value("outcome").toString(), QStringLiteral("admin"));
        QVERIFY(moves.last().value("accountId").isNull());
        QVERIFY(moves.last().value("deviceId").isNull());
    }

    void badQueriesAreRefused_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("no client") << QString();
        QTest::newRow("empty client") << QStringLiteral("client=");
        QTest::newRow("not an id") << QStringLiteral("client=maria");
        QTest::newRow("spaced client") << QStringLiteral("client=%20CLIENT");
        QTest::newRow("spaced cursor") << QStringLiteral("cursor=%200&client=CLIENT");
        QTest::newRow("negative cursor") << QStringLiteral("cursor=-1&client=CLIENT");
        QTest::newRow("plus cursor") << QStringLiteral("cursor=%2B1&client=CLIENT");
        QTest::newRow("spaced limit") << QStringLiteral("limit=%2010&client=CLIENT");
        QTest::newRow("zero limit") << QStringLiteral("limit=0&client=CLIENT");
        QTest::newRow("limit too large") << QStringLiteral("limit=2001&client=CLIENT");
        QTest::newRow("client twice") << QStringLiteral("client=CLIENT&client=CLIENT");
        QTest::newRow("cursor twice") << QStringLiteral("cursor=0&cursor=5&client=CLIENT");
    }
    void badQueriesAreRefused()
    {
        QFETCH(QString, query);
        query.replace("CLIENT", m_client);
        const SyncResponse r = get(*m_sam, query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body.value("error").toString(), QStringLiteral("bad_request"));
    }

    void twoTabletsEditTheSameFieldAndASupervisorResolves()
    {
        // Ana's tablet and Sam's edit the phone while neither has seen the other's edit.
        m_ana->editor->update("client", m_client, {{"phone", "555-1111"}});
        m_sam->editor->update("client", m_client, {{"phone", "555-2222"}});
        const Stamp anaStamp = m_ana->find("client", m_client)->stamps.value("phone");
        const Stamp samStamp = m_sam->find("client", m_client)->stamps.value("phone");
        const bool samWins = anaStamp < samStamp;
        const QString winner = samWins ? "555-2222" : "555-1111";
        const QString loser = samWins ? "555-1111" : "555-2222";
        QVERIFY(m_ana->sync().ok());
        QVERIFY(m_sam->sync().ok());
        QVERIFY(m_ana->sync().ok());

        // Sam keeps the losing value: two ordinary edits in one push.
        Record conflict;
        for (const Record &c : m_sam->all("conflict"))
            if (c.values.value("status").toString() == QLatin1String("open"))
                conflict = c;
        QVERIFY(!conflict.id.isEmpty());
        m_sam->editor->update("client", m_client, {{"phone", loser}});
        m_sam->editor->update("conflict", conflict.id,
                              {{"status", "resolved"},
                               {"resolvedValue", QJsonObject{{"value", loser}}},
                               {"resolvedBy", m_sam->accountId}});
        QVERIFY(m_sam->sync().ok());
        QCOMPARE(m_sam->find("client", m_client)->values.value("phone").toString(), loser);

        const Entries all = history(*m_ana, m_client);
        const Entries phone = about(all, "client", m_client, "phone");
        const QString ana = m_ana->accountId, sam = m_sam->accountId;
        const QString anaDevice = m_ana->store->deviceId(), samDevice = m_sam->store->deviceId();

        // Ana's edit arrived first and applied over the created value.
        const QJsonObject anaEdit = stamped(phone, anaStamp);
        QCOMPARE(anaEdit.value("after").toString(), QStringLiteral("555-1111"));
        QCOMPARE(anaEdit.value("before").toString(), QStringLiteral("555-0101"));
        QCOMPARE(anaEdit.value("accountId").toString(), ana);
        QCOMPARE(anaEdit.value("deviceId").toString(), anaDevice);
        QCOMPARE(anaEdit.value("stamp").toString(), anaStamp.toString());
        QCOMPARE(anaEdit.value("outcome").toString(), QStringLiteral("applied"));

        // Sam's edit: the winner when its stamp is greater; otherwise it changed nothing and
        // lives in the conflict the server opened in answer to Sam's push.
        if (samWins) {
            const QJsonObject samEdit = stamped(phone, samStamp);
            QCOMPARE(samEdit.value("after").toString(), QStringLiteral("555-2222"));
            QCOMPARE(samEdit.value("before").toString(), QStringLiteral("555-1111"));
            QCOMPARE(samEdit.value("accountId").toString(), sam);
            QCOMPARE(samEdit.value("deviceId").toString(), samDevice);
            QCOMPARE(samEdit.value("stamp").toString(), samStamp.toString());
            QCOMPARE(samEdit.value("outcome").toString(), QStringLiteral("conflict_winner"));
        }
        const Entries kept = about(all, "conflict", conflict.id, "keptValue");
        const Entries other = about(all, "conflict", conflict.id, "otherValue");
        QCOMPARE(kept.size(), 1);
        QCOMPARE(other.size(), 1);
        QCOMPARE(kept.first().value("after"), QJsonValue(QJsonObject{{"value", winner}}));
        QCOMPARE(other.first().value("after"), QJsonValue(QJsonObject{{"value", loser}}));
        QCOMPARE(about(all, "conflict", conflict.id, "otherStamp").first().value("after"),
                 QJsonValue((samWins ? anaStamp : samStamp).toString()));
        for (const QJsonObject &e : kept + other) {
            QCOMPARE(e.value("outcome").toString(), QStringLiteral("admin"));
            QCOMPARE(e.value("accountId").toString(), sam);
            QCOMPARE(e.value("deviceId").toString(), samDevice);
        }

        // The resolution: the field back to the chosen value, and the conflict closed.
        const QJsonObject &resolved = phone.last();
        QCOMPARE(resolved.value("after").toString(), loser);
        QCOMPARE(resolved.value("before").toString(), winner);
        QCOMPARE(resolved.value("accountId").toString(), sam);
        QCOMPARE(resolved.value("deviceId").toString(), samDevice);
        QCOMPARE(resolved.value("outcome").toString(), QStringLiteral("resolution"));
        const Entries status = about(all, "conflict", conflict.id, "status");
        QCOMPARE(status.size(), 2);
        QCOMPARE(status.last().value("before").toString(), QStringLiteral("open"));
        QCOMPARE(status.last().value("after").toString(), QStringLiteral("resolved"));
        QCOMPARE(status.last().value("outcome").toString(), QStringLiteral("resolution"));
        QCOMPARE(status.last().value("accountId").toString(), sam);

        // An edit of the same field after the conflict is closed is an ordinary one.
        QVERIFY(m_sam->sync().ok());
        m_sam->editor->update("client", m_client, {{"phone", "555-3333"}});
        QVERIFY(m_sam->sync().ok());
        QCOMPARE(about(history(*m_sam, m_client), "client", m_client, "phone")
                     .last()
                     .value("outcome")
                     .toString(),
                 QStringLiteral("applied"));
    }

    void theHistoryCannotBeChangedOrDeleted()
    {
        const qint64 rows = historyRows();
        QVERIFY(rows > 0);
        auto db = ServerDatabase::open(m_server->db());
        QStringList statements{
            QStringLiteral("UPDATE history SET value_after = '\"forged\"'"),
            QStringLiteral("UPDATE history SET account_id = NULL WHERE seq = 1"),
            QStringLiteral("DELETE FROM history"),
            QStringLiteral("DELETE FROM history WHERE seq = 1"),
        };
        if (usePostgres())
            statements.append(QStringLiteral("TRUNCATE history"));
        for (const QString &sql : statements) {
            bool refused = false;
            try {
                db->exec(sql);
            } catch (const StoreError &e) {
                refused = e.message().contains("append-only");
            }
            QVERIFY2(refused, qPrintable(sql));
        }
        QCOMPARE(historyRows(), rows);
        QVERIFY(!db->query("SELECT seq FROM history WHERE value_after = '\"forged\"'").size());
    }

    void aPushThatDiesBeforeItsCommitLeavesNoHistory()
    {
        m_ana->editor->update("client", m_client, {{"phone", "555-4040"}});
        const qint64 rows = historyRows();
        const auto counts = serverCounts(m_server->db());

        // The server process dies after the push's writes, before its commit.
        m_server->stop();
        QVERIFY(syncWithDyingServer(m_server->db(), *m_ana, "die-before-push-commit"));
        QCOMPARE(historyRows(), rows); // nothing of it: the history is in the push's transaction
        QCOMPARE(serverCounts(m_server->db()), counts);

        // The same, dying after the commit: the change and its history are there once.
        QVERIFY(syncWithDyingServer(m_server->db(), *m_ana, "die-after-push-commit"));
        QCOMPARE(historyRows(), rows + 1);

        // Sent again to a healthy server: a duplicate, which adds nothing.
        QVERIFY(m_server->start());
        m_ana->setServer(m_server->url());
        QVERIFY(m_ana->sync().ok());
        QCOMPARE(m_ana->store->outbox().count(), 0);
        QCOMPARE(historyRows(), rows + 1);
        const Entries phone = about(history(*m_ana, m_client), "client", m_client, "phone");
        QCOMPARE(phone.last().value("after").toString(), QStringLiteral("555-4040"));
        QCOMPARE(phone.last().value("before").toString(), QStringLiteral("555-0101"));
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
