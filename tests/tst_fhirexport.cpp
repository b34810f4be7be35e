// FHIR R4 out of the agency server (issue 13): `admin export fhir` writes Bulk Data NDJSON
// that a real FHIR validator accepts (Medplum's validateResource with the R4 definitions, and
// the codes of the official R4 JSON schema), whose references resolve inside the export and
// whose LOINC codes sit where they belong (tests/fhir/check-fhir.cjs, run under node). Ids are
// stable across exports; access is the caller's; bad input writes nothing. The per-client
// Bundle of the console is checked the same way over HTTP.
#include "exportfixture.h"

using namespace careround;
using namespace careround::test;

class TestFhirExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    /** Runs the checker on an export; its output is printed either way. */
    bool check(const QStringList &args)
    {
        const Run r = runProgram(QStringLiteral(CAREROUND_NODE),
                                 QStringList{QStringLiteral(CAREROUND_FHIR_CHECK)} + args);
        qInfo().noquote() << r.out.trimmed() << r.err.trimmed();
        return r.exitCode == 0 && r.out.contains(QStringLiteral("all valid"));
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    /** The lines of one NDJSON file of an export (none when it is missing). */
    static QList<QJsonObject> resources(const QString &dir, const QString &type)
    {
        QFile f(dir + QLatin1Char('/') + type + QStringLiteral(".ndjson"));
        QList<QJsonObject> out;
        if (!f.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.isEmpty())
                out.append(QJsonDocument::fromJson(line).object());
        return out;
    }

private slots:
    void initTestCase()
    {
        qInfo("server database: %s", usePostgres() ? "PostgreSQL" : "SQLite");
        QVERIFY2(QFile::exists(QStringLiteral(CAREROUND_FHIR_MODULES)),
                 "the FHIR validator is not installed: run scripts/install-deps");
        QVERIFY2(
            runProgram(QStringLiteral(CAREROUND_NODE), {QStringLiteral("--version")}).exitCode == 0,
            "node is not installed: run scripts/install-deps");
        m_db = freshServerDb(m_dir);
        const Run seeded = serverAdmin(m_db, {"seed-demo", "8"});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
    }

    void theAgencyExportIsValidAndResolves()
    {
        const Run r = serverAdmin(m_db, {"export", "fhir", "--out", path("all")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Patient.ndjson\t8")));
        QVERIFY(check({path("all")}));
        // Every kind the issue maps is there.
        for (const char *type :
             {"Patient", "RelatedPerson", "Practitioner", "PractitionerRole", "Organization",
              "HealthcareService", "Questionnaire", "QuestionnaireResponse", "Observation",
              "CarePlan", "Goal", "Task", "ServiceRequest", "Appointment", "Encounter",
              "Provenance", "Communication", "Consent"})
            QVERIFY2(!resources(path("all"), QString::fromLatin1(type)).isEmpty(), type);
        // The care plans carry US Core's category and a narrative.
        for (const QJsonObject &cp : resources(path("all"), QStringLiteral("CarePlan"))) {
            const QJsonObject category = cp["category"].toArray().at(0).toObject();
            QCOMPARE(category["coding"].toArray().at(0).toObject()["code"].toString(),
                     QStringLiteral("assess-plan"));
            QVERIFY(cp["text"]["div"].toString().startsWith(
                QStringLiteral("<div xmlns=\"http://www.w3.org/1999/xhtml\">")));
        }
        // Each consent to share: a privacy consent permitting its recipient for its period,
        // and a signed one is the target of its signature's Provenance.
        QSet<QString> provenanceTargets;
        for (const QJsonObject &p : resources(path("all"), QStringLiteral("Provenance")))
            for (const QJsonValue t : p["target"].toArray())
                provenanceTargets.insert(t["reference"].toString().section(QLatin1Char('/'), 0, 1));
        int signedConsents = 0;
        for (const QJsonObject &c : resources(path("all"), QStringLiteral("Consent"))) {
            QCOMPARE(c["scope"]["coding"][0]["code"].toString(), QStringLiteral("patient-privacy"));
            QCOMPARE(c["provision"]["type"].toString(), QStringLiteral("permit"));
            QVERIFY(!c["provision"]["period"]["end"].toString().isEmpty());
            QCOMPARE(c["provision"]["actor"][0]["role"]["coding"][0]["code"].toString(),
                     QStringLiteral("IRCP"));
            if (c["status"].toString() == QLatin1String("active")) {
                ++signedConsents;
                QVERIFY(
                    provenanceTargets.contains(QStringLiteral("Consent/") + c["id"].toString()));
            }
        }
        QVERIFY(signedConsents > 0);
        // The contact log: Communications with their medium, between the coordinator and a
        // contact or a provider.
        int contactLog = 0;
        for (const QJsonObject &m : resources(path("all"), QStringLiteral("Communication"))) {
            if (m["category"][0]["text"].toString() != QLatin1String("Contact log"))
                continue;
            ++contactLog;
            QCOMPARE(m["medium"][0]["coding"][0]["system"].toString(),
                     QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ParticipationMode"));
            const QString sender = m["sender"]["reference"].toString();
            const QString recipient = m["recipient"][0]["reference"].toString();
            QVERIFY2(sender.startsWith(QLatin1String("Practitioner/")) !=
                         recipient.startsWith(QLatin1String("Practitioner/")),
                     qPrintable(sender + QLatin1Char(' ') + recipient));
        }
        QVERIFY(contactLog > 0);

        // Each referral is a ServiceRequest followed by a Task.
        for (const QJsonObject &sr : resources(path("all"), QStringLiteral("ServiceRequest"))) {
            bool followed = false;
            for (const QJsonObject &t : resources(path("all"), QStringLiteral("Task")))
                followed = followed || t["focus"]["reference"].toString() ==
                                           QStringLiteral("ServiceRequest/") + sr["id"].toString();
            QVERIFY(followed);
        }
    }

    void idsAreStableAcrossExports()
    {
        QVERIFY(serverAdmin(m_db, {"export", "fhir", "--out", path("one")}).exitCode == 0);
        QVERIFY(serverAdmin(m_db, {"export", "fhir", "--out", path("two")}).exitCode == 0);
        const QStringList files = QDir(path("one")).entryList(QDir::Files, QDir::Name);
        QCOMPARE(QDir(path("two")).entryList(QDir::Files, QDir::Name), files);
        for (const QString &f : files) {
            QFile a(path("one/") + f), b(path("two/") + f);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QCOMPARE(a.readAll(), b.readAll());
        }
    }

    void oneClientAndACoordinatorsCaseload()
    {
        auto db = ServerDatabase::open(m_db);
        const QString alicia = accountIdOf(*db, QStringLiteral("alicia"));
        QString hers, other;
        for (const QString &id : storedIds(*db, QStringLiteral("client"))) {
            const QString holder =
                storedRecord(*db, QStringLiteral("client"), id).text("coordinatorId");
            (holder == alicia ? hers : other) = id;
        }
        QVERIFY(!hers.isEmpty() && !other.isEmpty());
        const int caseload = int(db->query(QStringLiteral("SELECT client_id FROM caseload WHERE "
                                                          "coordinator_id = ? AND current = 1"),
                                           {alicia})
                                     .size());
        db.reset();

        Run r = serverAdmin(m_db, {"export", "fhir", "--out", path("client"), "--client", hers});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto patients = resources(path("client"), QStringLiteral("Patient"));
        QCOMPARE(patients.size(), 1);
        QCOMPARE(patients[0]["id"].toString(), hers);
        QVERIFY(check({path("client")}));

        r = serverAdmin(m_db, {"export", "fhir", "--out", path("alicia"), "--as", "alicia"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(resources(path("alicia"), QStringLiteral("Patient")).size(), caseload);
        for (const QJsonObject &p : resources(path("alicia"), QStringLiteral("Patient")))
            QVERIFY(p["id"].toString() != other);
        QVERIFY(check({path("alicia")}));

        // Another caseload's client: refused, nothing written.
        r = serverAdmin(m_db, {"export", "fhir", "--out", path("refused"), "--client", other,
                               "--as", "alicia"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not on your caseload")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path("refused")));
        QVERIFY(!QFileInfo::exists(path("refused.partial")));
    }

    void sinceAndBadInput()
    {
        Run r = serverAdmin(
            m_db, {"export", "fhir", "--out", path("future"), "--since", "2999-01-01T00:00:00Z"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(resources(path("future"), QStringLiteral("Patient")).isEmpty());
        QVERIFY(!resources(path("future"), QStringLiteral("Questionnaire")).isEmpty());

        r = serverAdmin(m_db, {"export", "fhir", "--out", path("x"), "--since", "yesterday"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFileInfo::exists(path("x")));
        r = serverAdmin(m_db, {"export", "fhir", "--out", path("x"), "--client",
                               "0190c0de-0000-7000-8000-000000000000"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No client has the id")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path("x")));
        // An existing export is never overwritten.
        r = serverAdmin(m_db, {"export", "fhir", "--out", path("all")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not an empty folder")), qPrintable(r.err));
        r = serverAdmin(m_db, {"export", "fhir", "--out", "/proc/careround-cannot/x"});
        QCOMPARE(r.exitCode, 1);
    }

    void theClientBundleOverHttp()
    {
        ServerProcess server(m_db);
        QVERIFY(server.start());
        auto db = ServerDatabase::open(m_db);
        const QString alicia = accountIdOf(*db, QStringLiteral("alicia"));
        QString hers, other;
        for (const QString &id : storedIds(*db, QStringLiteral("client")))
            (storedRecord(*db, QStringLiteral("client"), id).text("coordinatorId") == alicia
                 ? hers
                 : other) = id;
        db.reset();
        const QString devicePath = path("tablet.db");
        TestDevice tablet(devicePath, server.url(), QStringLiteral("alicia"));
        QVERIFY(tablet.enrolled());

        QUrl url = server.url();
        url.setPath(QStringLiteral("/v1/export/fhir"));
        url.setQuery(QStringLiteral("client=") + hers);
        const HttpFile bundle = httpRequest(url, tablet.token);
        QCOMPARE(bundle.status, 200);
        QCOMPARE(bundle.contentType, QByteArrayLiteral("application/fhir+json"));
        QFile f(path("bundle.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bundle.body);
        f.close();
        QVERIFY(check({QStringLiteral("--bundle"), path("bundle.json")}));

        url.setQuery(QStringLiteral("client=") + other);
        QCOMPARE(httpRequest(url, tablet.token).status, 403);
        url.setQuery(QStringLiteral("client=nope"));
        QCOMPARE(httpRequest(url, tablet.token).status, 404);
        url.setQuery(QStringLiteral("client=") + hers);
        QCOMPARE(httpRequest(url, {}).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestFhirExport)
#include "tst_fhirexport.moc"
