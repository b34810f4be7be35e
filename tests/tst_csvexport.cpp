// CSV out of the agency server (issue 13): every report of `admin export csv`, read back by
// Python's csv module: RFC 4180 quoting of commas, quotes and newlines, UTF-8 with accented
// names intact, a header row, ISO dates; a cell that a spreadsheet would run as a formula is
// neutralised; access is the caller's; bad input writes nothing.
#include "csvwriter.h"
#include "exportfixture.h"

using namespace careround;
using namespace careround::test;

class TestCsvExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_hostile; ///< the id of the client with a hostile name

    QString path(const QString &name) const { return m_dir.filePath(name); }
    /** The rows of a CSV file as Python's csv module reads them. */
    static QVector<QStringList> readBack(const QString &file)
    {
        const Run r = runProgram(QStringLiteral("/usr/bin/python3"),
                                 {QStringLiteral(CAREROUND_EXPORT_TOOLS "/read_csv.py"), file});
        if (r.exitCode != 0)
            qWarning("read_csv.py: %s", qPrintable(r.err));
        QVector<QStringList> rows;
        for (const auto &row : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            QStringList cells;
            for (const auto &c : row.toArray())
                cells.append(c.toString());
            rows.append(cells);
        }
        return rows;
    }

private slots:
    void initTestCase()
    {
        qInfo("server database: %s", usePostgres() ? "PostgreSQL" : "SQLite");
        m_db = freshServerDb(m_dir);
        QVERIFY(serverAdmin(m_db, {"seed-demo", "6"}).exitCode == 0);
        auto db = ServerDatabase::open(m_db);
        AgencyServer server(*db);
        m_hostile = server.records.createRecord(
            QStringLiteral("client"),
            {{"firstName", "=HYPERLINK(\"http://evil.example\",\"click\")"},
             {"lastName", "Łukasiewicz-Núñez, \"Jr\"\nsecond line"},
             {"city", "Zürich"},
             {"phone", "+1 555 0100"},
             {"status", "active"},
             {"language", "@SUM(A1:A9)"},
             {"coordinatorId", accountIdOf(*db, QStringLiteral("alicia"))}});
        server.records.createRecord(QStringLiteral("followUp"),
                                    {{"clientId", m_hostile},
                                     {"description", "-2+3, call back\r\nabout \"meals\""},
                                     {"dueOn", "2020-01-15"},
                                     {"status", "open"}});
    }

    void cellsAreQuotedAndNeutralised()
    {
        QCOMPARE(CsvWriter::cell(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(CsvWriter::cell(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(CsvWriter::cell(QStringLiteral("say \"hi\"")),
                 QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(CsvWriter::cell(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        for (const QString &start :
             {QStringLiteral("="), QStringLiteral("+"), QStringLiteral("-"), QStringLiteral("@"),
              QStringLiteral("\t"), QStringLiteral("\r")})
            QCOMPARE(CsvWriter::neutralised(start + QStringLiteral("1+1")),
                     QStringLiteral("'") + start + QStringLiteral("1+1"));
        QCOMPARE(CsvWriter::neutralised(QStringLiteral("a=1")), QStringLiteral("a=1"));
        QCOMPARE(CsvWriter::neutralised(QString()), QString());
    }

    void everyReportReadsBack_data()
    {
        QTest::addColumn<QString>("report");
        for (const char *r :
             {"caseload", "followups", "overdue", "visits", "referrals", "benefits", "complaints"})
            QTest::newRow(r) << QString::fromLatin1(r);
    }
    void everyReportReadsBack()
    {
        QFETCH(QString, report);
        const QString file = path(report + QStringLiteral(".csv"));
        const Run r = serverAdmin(m_db, {"export", "csv", report, "--out", file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QVector<QStringList> rows = readBack(file);
        QVERIFY2(rows.size() >= 2, qPrintable(report)); // a header and the demo's rows
        QVERIFY(rows[0].value(0).endsWith(QStringLiteral("_id")));
        // Dates and times are ISO 8601.
        static const QRegularExpression iso(
            QStringLiteral("^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2}))?$"));
        for (int c = 0; c < rows[0].size(); ++c)
            if (rows[0][c].endsWith(QStringLiteral("_on")) ||
                rows[0][c].endsWith(QStringLiteral("_at")) ||
                rows[0][c].endsWith(QStringLiteral("_due")) ||
                rows[0][c] == QStringLiteral("date_of_birth"))
                for (int i = 1; i < rows.size(); ++i)
                    QVERIFY2(rows[i][c].isEmpty() || iso.match(rows[i][c]).hasMatch(),
                             qPrintable(rows[0][c] + QStringLiteral(": ") + rows[i][c]));
    }

    void hostileValuesStayText()
    {
        const QString file = path(QStringLiteral("caseload.csv"));
        QVERIFY(serverAdmin(m_db, {"export", "csv", "caseload", "--out", file}).exitCode == 0);
        const QVector<QStringList> rows = readBack(file);
        const int last = int(rows[0].indexOf(QStringLiteral("last_name")));
        const int first = int(rows[0].indexOf(QStringLiteral("first_name")));
        const int language = int(rows[0].indexOf(QStringLiteral("language")));
        const int city = int(rows[0].indexOf(QStringLiteral("city")));
        bool found = false;
        for (const QStringList &row : rows)
            if (row[0] == m_hostile) {
                found = true;
                QCOMPARE(row[last], QStringLiteral("Łukasiewicz-Núñez, \"Jr\"\nsecond line"));
                QCOMPARE(row[first],
                         QStringLiteral("'=HYPERLINK(\"http://evil.example\",\"click\")"));
                QCOMPARE(row[language], QStringLiteral("'@SUM(A1:A9)"));
                QCOMPARE(row[city], QStringLiteral("Zürich"));
            }
        QVERIFY(found);
        // No cell of any row starts a formula.
        for (const QStringList &row : rows)
            for (const QString &cell : row)
                QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()),
                         qPrintable(cell));

        const QString overdue = path(QStringLiteral("overdue-hostile.csv"));
        QVERIFY(serverAdmin(m_db, {"export", "csv", "overdue", "--out", overdue}).exitCode == 0);
        bool call = false;
        for (const QStringList &row : readBack(overdue))
            call = call || row.contains(QStringLiteral("'-2+3, call back\r\nabout \"meals\""));
        QVERIFY(call);
    }

    void aCoordinatorGetsTheirCaseloadOnly()
    {
        const QString file = path(QStringLiteral("daniel.csv"));
        QVERIFY(serverAdmin(m_db, {"export", "csv", "caseload", "--out", file, "--as", "daniel"})
                    .exitCode == 0);
        const QVector<QStringList> rows = readBack(file);
        QVERIFY(rows.size() >= 2);
        const int coordinator = int(rows[0].indexOf(QStringLiteral("coordinator")));
        for (int i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows[i][coordinator], QStringLiteral("Daniel Okoye"));
            QVERIFY(rows[i][0] != m_hostile);
        }
    }

    void badInputWritesNothing()
    {
        const QString file = path(QStringLiteral("nope.csv"));
        Run r = serverAdmin(m_db, {"export", "csv", "salaries", "--out", file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No report is called")), qPrintable(r.err));
        QVERIFY(!QFile::exists(file));
        r = serverAdmin(m_db, {"export", "csv", "visits", "--out", "/nonexistent-dir/v.csv"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("Cannot write")));
        r = serverAdmin(m_db, {"export", "csv", "visits", "--out", file, "--as", "nobody"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFile::exists(file));
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
