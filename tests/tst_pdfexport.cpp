// The PDF of signed documents (issue 13): `careround-server admin export pdf` on the demo
// agency, read back with poppler: the client's name, the goals and the content hash are in
// the text, the hash is the signature's, a long plan has a sane page count, and each kind is
// rendered to <build>/screenshots/pdf/. Bad input fails clearly and leaves no file.
#include "contenthash.h"
#include "exportfixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <tuple>

using namespace careround;
using namespace careround::test;

class TestPdfExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_out;

    /** The first signature of a kind of record, as stored. */
    Record firstSignatureOf(ServerDatabase &db, const QString &entity)
    {
        for (const QString &id : storedIds(db, QStringLiteral("signature"))) {
            Record s = storedRecord(db, QStringLiteral("signature"), id);
            if (s.text("recordEntity") == entity && s.text("amendsId").isEmpty())
                return s;
        }
        return {};
    }

    /** Creates a record through the server's own writer; returns its id. */
    QString create(const QString &entity, const QJsonObject &values)
    {
        auto db = ServerDatabase::open(m_db);
        AgencyServer server(*db);
        return server.records.createRecord(entity, values);
    }

    /** Signs a care plan as the tablet does: the hash of core's contentHash over the store. */
    QString signPlan(const QString &planId, const QString &clientId)
    {
        auto db = ServerDatabase::open(m_db);
        AgencyServer server(*db);
        const EntityDef &plan = Schema::kind(QStringLiteral("carePlan"));
        const Record record = *server.store.load(plan, planId);
        QVector<Record> children;
        for (const EntityDef *kind : sealedChildKinds(plan))
            for (const StoredRecord &s : server.store.allOf(kind->name, {})) {
                const Record r = *server.store.load(*kind, s.id);
                if (r.text(kind->sealedVia.toLatin1().constData()) == planId)
                    children.append(r);
            }
        return server.records.createRecord(
            QStringLiteral("signature"),
            {{"clientId", clientId},
             {"recordEntity", "carePlan"},
             {"recordId", planId},
             {"signerName", "Dolores Abernathy"},
             {"relationship", "client"},
             {"signedAt", "2026-11-30T10:15:00Z"},
             {"strokes", QJsonArray{QJsonArray{10, 10, 40, 30, 80, 12}}},
             {"contentHash", contentHash(plan, record, children)}});
    }

private slots:
    void initTestCase()
    {
        qInfo("server database: %s", usePostgres() ? "PostgreSQL" : "SQLite");
        m_db = freshServerDb(m_dir);
        const Run seeded = serverAdmin(m_db, {"seed-demo", "6"});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        QCOMPARE(serverAdmin(m_db, {"set-time-zone", "America/Chicago"}).exitCode, 0);
        m_out = screenshotDir(QStringLiteral("pdf"));
    }

    void eachKindOfSignedDocument_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::newRow("assessment") << "assessment";
        QTest::newRow("care plan") << "carePlan";
        QTest::newRow("visit") << "visit";
    }
    void eachKindOfSignedDocument()
    {
        QFETCH(QString, entity);
        auto db = ServerDatabase::open(m_db);
        const Record signature = firstSignatureOf(*db, entity);
        QVERIFY2(!signature.id.isEmpty(), "the demo agency signs every kind");
        const QString recordId = signature.text("recordId");
        const Record client =
            storedRecord(*db, QStringLiteral("client"), signature.text("clientId"));
        const QString pdf = m_out + QStringLiteral("/%1.pdf").arg(entity);
        QFile::remove(pdf);
        const Run r = serverAdmin(m_db, {"export", "pdf", recordId, "--out", pdf});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(pdf));

        const QString text = pdfText(pdf);
        QVERIFY2(
            text.contains(client.text("firstName") + QLatin1Char(' ') + client.text("lastName")),
            qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("Riverside Home Care")));
        // The hash printed is the signature's, and (nothing changed since) the recomputed one.
        const QString hash = signature.text("contentHash");
        QCOMPARE(hash.size(), 64);
        QVERIFY2(text.count(hash) >= 2, qPrintable(text.right(900)));
        QVERIFY(text.contains(QStringLiteral("This equals the hash of the signature")));
        QVERIFY(text.contains(QStringLiteral("To check:")));
        QVERIFY(text.contains(oneLine(signature.text("signerName"))));
        if (entity == QLatin1String("carePlan")) {
            const QStringList goals = storedIds(*db, QStringLiteral("goal"));
            int found = 0;
            for (const QString &id : goals) {
                const Record g = storedRecord(*db, QStringLiteral("goal"), id);
                if (g.text("carePlanId") != recordId || g.isVoided())
                    continue;
                QVERIFY2(text.contains(oneLine(g.text("statement"))),
                         qPrintable(g.text("statement")));
                ++found;
            }
            QVERIFY(found > 0);
            QVERIFY(text.contains(QStringLiteral("Action steps")));
        }
        if (entity == QLatin1String("assessment")) {
            QVERIFY(text.contains(QStringLiteral("Instrument scores")));
            QVERIFY(text.contains(QStringLiteral("Katz")));
        }
        QVERIFY(renderPdf(pdf, m_out + QLatin1Char('/') + entity));
        QVERIFY(QFile::exists(m_out + QLatin1Char('/') + entity + QStringLiteral("-1.png")));
    }

    void aSignatureIdExportsTheDocumentItSigned()
    {
        auto db = ServerDatabase::open(m_db);
        const Record signature = firstSignatureOf(*db, QStringLiteral("visit"));
        const QString pdf = m_dir.filePath(QStringLiteral("by-signature.pdf"));
        const Run r = serverAdmin(m_db, {"export", "pdf", signature.id, "--out", pdf});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(pdfText(pdf).contains(signature.text("contentHash")));
    }

    void aLongPlanHasASanePageCount()
    {
        // "ffi" and "fi" in the name, which the footer of every page repeats beside the hash.
        const QString clientId = create(
            "client", {{"firstName", "Fiona"}, {"lastName", "Griffin"}, {"status", "active"}});
        const QString planId = create("carePlan", {{"clientId", clientId},
                                                   {"title", "Long plan: every domain"},
                                                   {"status", "active"},
                                                   {"startDate", "2026-11-01"},
                                                   {"summary", "A plan with forty goals."}});
        for (int g = 0; g < 40; ++g) {
            const QString goalId =
                create("goal", {{"carePlanId", planId},
                                {"clientId", clientId},
                                {"statement", QStringLiteral("Goal number %1: walk to the corner "
                                                             "shop and back with the frame")
                                                  .arg(g + 1)},
                                {"domain", "daily_living"},
                                {"measure", "times a week"},
                                {"targetValue", "3"},
                                {"targetDate", "2027-03-01"},
                                {"status", "open"},
                                {"progress", 10}});
            for (int s = 0; s < 3; ++s)
                create("actionStep",
                       {{"goalId", goalId},
                        {"carePlanId", planId},
                        {"clientId", clientId},
                        {"description", QStringLiteral("Step %1 of goal %2").arg(s + 1).arg(g + 1)},
                        {"owner", "client"},
                        {"dueDate", "2026-12-15"},
                        {"status", "todo"}});
        }
        const QString unsignedPdf = m_dir.filePath(QStringLiteral("unsigned.pdf"));
        const Run notSigned = serverAdmin(m_db, {"export", "pdf", planId, "--out", unsignedPdf});
        QCOMPARE(notSigned.exitCode, 1);
        QVERIFY2(notSigned.err.contains(QStringLiteral("not signed")), qPrintable(notSigned.err));
        QVERIFY(!QFile::exists(unsignedPdf));

        const QString hash = [&] {
            signPlan(planId, clientId);
            auto d = ServerDatabase::open(m_db);
            for (const QString &id : storedIds(*d, QStringLiteral("signature"))) {
                const Record s = storedRecord(*d, QStringLiteral("signature"), id);
                if (s.text("recordId") == planId)
                    return s.text("contentHash");
            }
            return QString();
        }();
        const QString pdf = m_out + QStringLiteral("/long-plan.pdf");
        QElapsedTimer timer;
        timer.start();
        const Run r = serverAdmin(m_db, {"export", "pdf", planId, "--out", pdf});
        qInfo("long plan (40 goals, 120 steps): export pdf took %lld ms, process included",
              timer.elapsed());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const int pages = pdfPages(pdf);
        qInfo("long plan: %d pages", pages);
        QVERIFY2(pages >= 4 && pages <= 30, qPrintable(QString::number(pages)));
        const QString text = pdfText(pdf);
        for (int g = 1; g <= 40; ++g) // every goal, none lost at a page end
            QVERIFY2(
                text.contains(QStringLiteral("Goal number %1: walk to the corner shop").arg(g)),
                qPrintable(QString::number(g)));
        for (char16_t ligature = 0xFB00; ligature <= 0xFB06; ++ligature) // ff, fi, fl, ffi...
            QVERIFY2(!text.contains(QChar(ligature)), qPrintable(QString::number(ligature, 16)));
        QVERIFY(text.contains(hash));
        QCOMPARE(text.count(QStringLiteral("Fiona Griffin \u2014 SHA-256 ") + hash.left(16)),
                 pages);
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
        QVERIFY(renderPdf(pdf, m_out + QStringLiteral("/long-plan")));
    }

    void aPlanCarriedOutAfterSigningStillMatchesItsSignature()
    {
        const QString clientId = create(
            "client", {{"firstName", "Ines"}, {"lastName", "Carvalho"}, {"status", "active"}});
        const QString planId = create("carePlan", {{"clientId", clientId},
                                                   {"title", "Meals and rides"},
                                                   {"status", "active"},
                                                   {"startDate", "2026-11-01"}});
        const QString goalId = create("goal", {{"carePlanId", planId},
                                               {"clientId", clientId},
                                               {"statement", "Two warm meals a day"},
                                               {"domain", "daily_living"},
                                               {"status", "open"},
                                               {"progress", 10}});
        signPlan(planId, clientId);
        {
            // Then the plan is carried out: its status and the goal's progress move, as the
            // merge allows for a signed plan (the stored values rewritten).
            auto db = ServerDatabase::open(m_db);
            for (const auto &[entity, id, field, value] :
                 {std::tuple{"carePlan", planId, "status", QJsonValue("completed")},
                  std::tuple{"goal", goalId, "progress", QJsonValue(90)}}) {
                Record r = storedRecord(*db, QString::fromLatin1(entity), id);
                r.values.insert(QString::fromLatin1(field), value);
                db->exec("UPDATE record SET vals = ? WHERE entity = ? AND id = ?",
                         {QString::fromUtf8(QJsonDocument(r.values).toJson(QJsonDocument::Compact)),
                          QString::fromLatin1(entity), id});
            }
        }
        const QString pdf = m_out + QStringLiteral("/carePlan-carried-out.pdf");
        const Run r = serverAdmin(m_db, {"export", "pdf", planId, "--out", pdf});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("Completed")) || text.contains("completed"));
        QVERIFY(text.contains(QStringLiteral("This equals the hash of the signature")));
    }

    void badInputFailsClearlyAndWritesNothing()
    {
        auto db = ServerDatabase::open(m_db);
        const Record signature = firstSignatureOf(*db, QStringLiteral("carePlan"));
        db.reset();
        const QString pdf = m_dir.filePath(QStringLiteral("bad.pdf"));

        Run r = serverAdmin(
            m_db, {"export", "pdf", "0190c0de-0000-7000-8000-000000000000", "--out", pdf});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No record has the id")), qPrintable(r.err));

        r = serverAdmin(
            m_db, {"export", "pdf", signature.text("recordId"), "--out", "/nonexistent-dir/x.pdf"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Cannot write")), qPrintable(r.err));
        QVERIFY(!QFile::exists("/nonexistent-dir/x.pdf"));

        r = serverAdmin(m_db, {"export", "pdf", signature.text("recordId")});
        QCOMPARE(r.exitCode, 2);

        // A coordinator exports only their caseload.
        auto db2 = ServerDatabase::open(m_db);
        const Record client =
            storedRecord(*db2, QStringLiteral("client"), signature.text("clientId"));
        QString other;
        for (const QString &login : {QStringLiteral("alicia"), QStringLiteral("daniel")}) {
            const auto rows =
                db2->query(QStringLiteral("SELECT id FROM account WHERE login = ?"), {login});
            if (!rows.isEmpty() && rows[0][0].toString() != client.text("coordinatorId"))
                other = login;
        }
        QVERIFY(!other.isEmpty());
        r = serverAdmin(m_db,
                        {"export", "pdf", signature.text("recordId"), "--out", pdf, "--as", other});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not on your caseload")), qPrintable(r.err));
        QVERIFY(!QFile::exists(pdf));
        // No client data in what the CLI says: ids only.
        QVERIFY(!r.err.contains(client.text("lastName")));
    }
    void overHttpForTheConsoleAndTheTablet()
    {
        ServerProcess server(m_db);
        QVERIFY(server.start());
        TestDevice tablet(m_dir.filePath(QStringLiteral("tablet.db")), server.url(),
                          QStringLiteral("alicia"));
        QVERIFY(tablet.enrolled());
        auto db = ServerDatabase::open(m_db);
        QString hers, other;
        for (const QString &id : storedIds(*db, QStringLiteral("signature"))) {
            const Record s = storedRecord(*db, QStringLiteral("signature"), id);
            const Record c = storedRecord(*db, QStringLiteral("client"), s.text("clientId"));
            (c.text("coordinatorId") == tablet.accountId ? hers : other) = s.text("recordId");
        }
        const QString unsignedPlan = [&] {
            AgencyServer agency(*db);
            return agency.records.createRecord(
                QStringLiteral("carePlan"),
                {{"clientId", storedRecord(*db, QStringLiteral("signature"),
                                           storedIds(*db, QStringLiteral("signature")).value(0))
                                  .text("clientId")},
                 {"title", "A draft"},
                 {"status", "draft"}});
        }();
        db.reset();
        QVERIFY(!hers.isEmpty() && !other.isEmpty());
        QUrl url = server.url();
        url.setPath(QStringLiteral("/v1/export/pdf"));
        url.setQuery(QStringLiteral("record=") + hers);
        const HttpFile pdf = httpRequest(url, tablet.token);
        QCOMPARE(pdf.status, 200);
        QCOMPARE(pdf.contentType, QByteArrayLiteral("application/pdf"));
        QVERIFY(pdf.body.startsWith("%PDF-"));
        url.setQuery(QStringLiteral("record=") + other);
        QCOMPARE(httpRequest(url, tablet.token).status, 403);
        url.setQuery(QStringLiteral("record=0190c0de-0000-7000-8000-000000000000"));
        QCOMPARE(httpRequest(url, tablet.token).status, 404);
        url.setQuery(QStringLiteral("record=") + hers);
        QCOMPARE(httpRequest(url, {}).status, 401);
        // A supervisor's device reads the agency; an unsigned plan is a clear 400 (or 403 for a
        // coordinator whose caseload it is not on).
        TestDevice office(m_dir.filePath(QStringLiteral("office.db")), server.url(),
                          QStringLiteral("renee"));
        QVERIFY(office.enrolled());
        url.setQuery(QStringLiteral("record=") + other);
        QCOMPARE(httpRequest(url, office.token).status, 200);
        url.setQuery(QStringLiteral("record=") + unsignedPlan);
        const HttpFile draft = httpRequest(url, office.token);
        QCOMPARE(draft.status, 400);
        QVERIFY(draft.body.contains("not signed"));
    }

    void anAmendedDocumentShowsTheAmendmentAndItsSignature()
    {
        auto db = ServerDatabase::open(m_db);
        const Record first = firstSignatureOf(*db, QStringLiteral("carePlan"));
        db.reset();
        const QString recordId = first.text("recordId");
        const QString clientId = first.text("clientId");
        create("conflict",
               {{"recordEntity", "carePlan"},
                {"recordId", recordId},
                {"clientId", clientId},
                {"field", "summary"},
                {"kind", "amendment"},
                {"otherValue",
                 QJsonObject{{"value", QJsonObject{{"summary", "Corrected: the neighbour drives "
                                                               "her on Tuesdays"}}}}},
                {"status", "open"}});
        const QString amendedHash(64, QLatin1Char('c'));
        create("signature", {{"clientId", clientId},
                             {"recordEntity", "carePlan"},
                             {"recordId", recordId},
                             {"signerName", "Marisol Rep"},
                             {"relationship", "representative"},
                             {"signedAt", "2030-01-02T10:00:00Z"},
                             {"strokes", QJsonArray{QJsonArray{5, 5, 50, 40, 90, 10}}},
                             {"contentHash", amendedHash},
                             {"amendsId", first.id}});
        const QString pdf = m_out + QStringLiteral("/carePlan-amended.pdf");
        const Run r = serverAdmin(m_db, {"export", "pdf", recordId, "--out", pdf});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("Amendment (Open)")));
        QVERIFY(text.contains(QStringLiteral("Corrected: the neighbour drives her on Tuesdays")));
        QVERIFY(text.contains(QStringLiteral("Amendment signature")));
        QVERIFY(text.contains(QStringLiteral("Marisol Rep (representative)")));
        QVERIFY(text.contains(first.text("contentHash")));
        QVERIFY(text.contains(amendedHash));
        // The content now is not what the amendment's signature holds: the PDF says so.
        QVERIFY(text.contains(QStringLiteral("This differs from the hash of the signature")));
        QVERIFY(renderPdf(pdf, m_out + QStringLiteral("/carePlan-amended")));
    }
};

QTEST_GUILESS_MAIN(TestPdfExport)
#include "tst_pdfexport.moc"
