// Getting documents out on the tablet, offline (issue 13): "Save as PDF" on the sign-off
// screen and on the client page writes the PDF of the signed document into the app's
// documents folder (the same renderer as the server's, read back with pdftotext: the client,
// the hash the signature holds), the client's handout (goals, next appointment, every
// provider's phone) and the client's appointments as .ics (parsed by python3-icalendar).
// Renders go to <build>/screenshots/pdf/.
#include "demoagency.h"
#include "documentexportcontroller.h"
#include "documentpdf.h"
#include "pageharness.h"
#include "recordsource.h"
#include "signeddocument.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QQuickStyle>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_SignOffPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ClientPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_FormsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_AssessmentPlugin)

using namespace careround;
using namespace careround::test;

namespace {

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(-1);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pdfText(const QString &path)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")})
        .replace(space, QStringLiteral(" "));
}

QString oneLine(QString s)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return s.replace(space, QStringLiteral(" ")).trimmed();
}

QString pdfDir()
{
    QString dir = screenshotDir() + QStringLiteral("/pdf");
    QDir().mkpath(dir);
    return dir;
}

void render(const QString &pdf, const QString &name)
{
    run(QStringLiteral("pdftoppm"),
        {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("70"), pdf,
         pdfDir() + QLatin1Char('/') + name});
}

} // namespace

class TestDocumentsUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

    /** The client with the most goals on a signed current plan, and that plan. */
    static QPair<QString, QString> signedPlan(DeviceStore &store)
    {
        QPair<QString, QString> best;
        int most = -1;
        for (const Record &s : store.records().all(Schema::kind(QStringLiteral("signature")))) {
            if (s.text("recordEntity") != QLatin1String("carePlan"))
                continue;
            const QString client = s.text("clientId");
            if (store.plans().currentPlanId(client) != s.text("recordId"))
                continue;
            const int goals =
                int(liveRecords(store, "goal", "carePlanId", s.text("recordId")).size());
            if (goals > most) {
                most = goals;
                best = {client, s.text("recordId")};
            }
        }
        return best;
    }

private slots:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_path = m_dir.filePath(QStringLiteral("tablet.db"));
        createDemoStore(m_path, "documents key", 8);
    }

    void saveAsPdfOnTheSignOffScreen()
    {
        Session session(m_path);
        session.setToday(kPageToday);
        session.open("documents key");
        const auto [clientId, planId] = signedPlan(*session.store());
        QVERIFY(!planId.isEmpty());
        const Record signature =
            liveRecords(*session.store(), "signature", "recordId", planId).constFirst();
        PageHarness w(&session, "CareRound.SignOff", "SignOffPage", clientId, planId);
        QVERIFY(w.window && w.page);
        QQuickItem *save = item(w.page, "savePdf");
        QVERIFY2(save, "a sealed record offers Save as PDF");
        click(save);
        auto *documents = w.page->findChild<DocumentExportController *>();
        QVERIFY(documents);
        QVERIFY2(documents->errorText().isEmpty(), qPrintable(documents->errorText()));
        const QString saved = documents->savedPath();
        QVERIFY(saved.startsWith(QFileInfo(m_path).dir().filePath(QStringLiteral("documents"))));
        QVERIFY(QFile::exists(saved));
        // The path is shown.
        QQuickItem *shownPath = item(w.page, "savedPdfPath");
        QVERIFY(shownPath && shownPath->property("text").toString().contains(saved));

        const QString text = pdfText(saved);
        QVERIFY(text.contains(DemoAgency::agencyName())); // whose document it is
        const Record client = *session.store()->records().find(Schema::kind("client"), clientId);
        QVERIFY(
            text.contains(client.text("firstName") + QLatin1Char(' ') + client.text("lastName")));
        QVERIFY2(text.count(signature.text("contentHash")) >= 2, qPrintable(text.right(600)));
        for (const Record &g : liveRecords(*session.store(), "goal", "carePlanId", planId))
            QVERIFY(text.contains(oneLine(g.text("statement"))));
        render(saved, QStringLiteral("tablet-carePlan"));
        saveScreenshot(w.window, QStringLiteral("SignOffSavedPdf"));
    }

    void theClientPageSavesDocumentsHandoutAndAppointments()
    {
        Session session(m_path);
        session.setToday(kPageToday);
        session.open("documents key");
        DeviceStore &store = *session.store();
        const auto [clientId, planId] = signedPlan(store);
        PageHarness w(m_path, "documents key",
                      QStringLiteral("qrc:/CareRound/Client/ClientPage.qml"),
                      {{"clientId", clientId}});
        QVERIFY(w.window && w.page);
        w.session->setToday(kPageToday);
        QVERIFY(QTest::qWaitForWindowExposed(w.window));

        QQuickItem *planPdf = item(w.page, "savePlanPdf");
        QVERIFY2(planPdf, "a signed plan offers its PDF on the client page");
        click(planPdf);
        QQuickItem *said = item(w.page, "savedDocumentPath");
        QVERIFY(said && said->property("text").toString().contains(QStringLiteral(".pdf")));

        click(item(w.page, "saveHandout"));
        const QString handout = said->property("text").toString().section(QStringLiteral(": "), 1);
        QVERIFY2(handout.contains(QStringLiteral("handout-")), qPrintable(handout));
        QVERIFY(QFile::exists(handout));
        const QString text = pdfText(handout);
        QVERIFY(text.contains(QStringLiteral("My care plan")));
        int goals = 0;
        for (const Record &g : liveRecords(store, "goal", "carePlanId", planId))
            if (g.text("status") != QLatin1String("dropped")) {
                QVERIFY2(text.contains(oneLine(g.text("statement"))),
                         qPrintable(g.text("statement")));
                ++goals;
            }
        QVERIFY(goals > 0);
        // The next appointment, and every provider's phone.
        QVector<Record> upcoming;
        for (const Record &a : liveRecords(store, "appointment", "clientId", clientId))
            if (a.text("status") == QLatin1String("scheduled") &&
                QDateTime::fromString(a.text("startsAt"), Qt::ISODate) >=
                    kPageToday.startOfDay().toUTC())
                upcoming.append(a);
        std::sort(upcoming.begin(), upcoming.end(), [](const Record &a, const Record &b) {
            return a.text("startsAt") < b.text("startsAt");
        });
        if (!upcoming.isEmpty())
            QVERIFY(text.contains(oneLine(upcoming.first().text("title"))));
        QStringList providers;
        for (const Record &r : liveRecords(store, "referral", "clientId", clientId))
            if (QStringList{"sent", "accepted", "in_service"}.contains(r.text("status")))
                providers.append(r.text("providerId"));
        for (const Record &a : upcoming)
            providers.append(a.text("providerId"));
        for (const Record &s : liveRecords(store, "actionStep", "carePlanId", planId))
            providers.append(s.text("providerId"));
        providers.removeAll(QString());
        QVERIFY(!providers.isEmpty());
        for (const QString &id : providers) {
            const Record p = *store.records().find(Schema::kind("provider"), id);
            QVERIFY2(text.contains(p.text("phone")), qPrintable(p.text("name")));
        }
        render(handout, QStringLiteral("handout"));
        QFile::remove(pdfDir() + QStringLiteral("/handout.pdf"));
        QFile::copy(handout, pdfDir() + QStringLiteral("/handout.pdf"));

        click(item(w.page, "saveAppointments"));
        const QString ics = said->property("text").toString().section(QStringLiteral(": "), 1);
        QVERIFY2(ics.endsWith(QStringLiteral(".ics")), qPrintable(ics));
        int exit = -1;
        const QJsonObject cal =
            QJsonDocument::fromJson(
                run(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral(CAREROUND_EXPORT_TOOLS "/read_ics.py"), ics}, &exit)
                    .toUtf8())
                .object();
        QCOMPARE(exit, 0);
        QCOMPARE(cal["events"].toArray().size(), upcoming.size());
        for (const auto &e : cal["events"].toArray()) {
            const QString uid = e.toObject()["uid"].toString();
            const auto a = std::find_if(upcoming.cbegin(), upcoming.cend(), [&](const Record &r) {
                return uid == r.id + QStringLiteral("@careround");
            });
            QVERIFY(a != upcoming.cend());
            QCOMPARE(e.toObject()["start"].toString(),
                     QDateTime::fromString(a->text("startsAt"), Qt::ISODate)
                         .toUTC()
                         .toString(Qt::ISODate));
            QVERIFY(e.toObject()["description"].toString().contains(QStringLiteral("Transport:")));
        }
        saveScreenshot(w.window, QStringLiteral("ClientDocuments"));
    }

    void badInputSaysWhyAndWritesNothing()
    {
        Session session(m_path);
        session.open("documents key");
        DocumentExportController documents;
        documents.setSession(&session);
        documents.setRecordId(QStringLiteral("0190c0de-0000-7000-8000-000000000000"));
        QVERIFY(!documents.savePdf());
        QVERIFY(
            documents.errorText().contains(QStringLiteral("No assessment, care plan or visit")));
        const QString unsignedPlan = session.editor()->create(
            "carePlan",
            {{"clientId",
              liveRecords(*session.store(), "client", "status", "active").constFirst().id},
             {"title", "Not signed yet"},
             {"status", "draft"}});
        documents.setRecordId(unsignedPlan);
        QVERIFY(!documents.isSignedDocument());
        QVERIFY(!documents.savePdf());
        QVERIFY(documents.errorText().contains(QStringLiteral("not signed")));
        QVERIFY(documents.savedPath().isEmpty());
    }

    void theLongestDemoPlanRendersQuickly()
    {
        Session session(m_path);
        session.open("documents key");
        const auto [clientId, planId] = signedPlan(*session.store());
        RepositoryRecordSource source(session.store()->records());
        QString error;
        const auto doc = SignedDocument::load(source, planId, &error);
        QVERIFY2(doc, qPrintable(error));
        DocumentPdf::render(*doc); // fonts loaded once
        QElapsedTimer timer;
        timer.start();
        const QByteArray pdf = DocumentPdf::render(*doc);
        qInfo("PDF of the demo plan with the most goals: %lld ms, %lld bytes", timer.elapsed(),
              qint64(pdf.size()));
        QVERIFY(pdf.startsWith("%PDF-"));
    }
};

QTEST_MAIN(TestDocumentsUi)
#include "tst_documentsui.moc"
