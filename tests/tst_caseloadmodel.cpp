// The caseload list: model consistency (QAbstractItemModelTester), paging, search by name,
// phone and address prefix, and each filter checked against the records themselves.
#include "caseloadmodel.h"
#include "caseloadrepository.h"
#include "demostore.h"
#include "devicestore.h"
#include "localeditor.h"
#include "syncengine.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace careround;

namespace {

const QDate kToday(2026, 11, 22);

const EntityDef &def(const char *entity)
{
    return *Schema::instance().entity(QString::fromLatin1(entity));
}

QString s(const Record &r, const char *field)
{
    return r.values.value(QLatin1String(field)).toString();
}

QString utcMidnight(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::systemTimeZone()).toUTC().toString(Qt::ISODate);
}

/** Every row of the model, fetching all pages. */
QStringList allIds(CaseloadModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
    QStringList ids;
    for (int i = 0; i < model.rowCount(); ++i)
        ids.append(model.clientIdAt(i));
    return ids;
}

QString digits(QString text)
{
    return text.remove(QRegularExpression(QStringLiteral("[^0-9]")));
}

} // namespace

class TestCaseloadModel : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Session> m_session;
    QVector<Record> m_clients;

    /** The expected set of a filter, computed from the records (not from the SQL). */
    QSet<QString> expected(CaseloadModel::Filter filter)
    {
        RecordRepository &records = m_session->store()->records();
        const QString today = kToday.toString(Qt::ISODate);
        QSet<QString> overdue, transport, complaints, benefits, unsignedDocs;
        for (const Record &r : records.all(def("followUp")))
            if (!r.isVoided() && s(r, "status") == "open" && s(r, "dueOn") < today)
                overdue.insert(s(r, "clientId"));
        for (const Record &r : records.all(def("appointment")))
            if (!r.isVoided() && s(r, "status") == "scheduled" &&
                !r.values.value("transportArranged").toBool() &&
                s(r, "startsAt") >= utcMidnight(kToday) &&
                s(r, "startsAt") < utcMidnight(kToday.addDays(8)))
                transport.insert(s(r, "clientId"));
        for (const Record &r : records.all(def("complaint")))
            if (!r.isVoided() && QStringList{"open", "investigating"}.contains(s(r, "status")))
                complaints.insert(s(r, "clientId"));
        for (const Record &r : records.all(def("benefitApplication")))
            if (!r.isVoided() && s(r, "status") != "approved" && s(r, "status") != "withdrawn" &&
                !s(r, "nextActionDue").isEmpty() && s(r, "nextActionDue") <= today)
                benefits.insert(s(r, "clientId"));
        for (const char *kind : {"assessment", "carePlan"})
            for (const Record &r : records.all(def(kind)))
                if (!r.isVoided() &&
                    s(r, "status") == (QByteArray(kind) == "assessment" ? "complete" : "active") &&
                    !records.isSealed(def(kind), r))
                    unsignedDocs.insert(s(r, "clientId"));
        switch (filter) {
        case CaseloadModel::All:
            break;
        case CaseloadModel::OverdueFollowUp:
            return overdue;
        case CaseloadModel::UnsignedDocuments:
            return unsignedDocs;
        case CaseloadModel::NeedsAttention:
            return overdue + transport + complaints + benefits;
        }
        QSet<QString> all;
        for (const Record &c : m_clients)
            all.insert(c.id);
        return all;
    }

private slots:
    void initTestCase()
    {
        DemoStore::Options demo;
        demo.path = m_dir.filePath("caseload.db");
        demo.key = "test";
        demo.actorId = "test";
        demo.agency.today = kToday;
        demo.agency.clientCount = 130; // more than two pages
        DemoStore created = DemoStore::create(demo);
        m_clients = created.store->records().all(def("client"));
        m_session = std::make_unique<Session>(demo.path);
        m_session->setToday(kToday);
        m_session->adopt(std::move(created.store));
    }

    void modelIsConsistentAndPages()
    {
        CaseloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setSession(m_session.get());
        QCOMPARE(model.rowCount(), CaseloadModel::kPageSize);
        QCOMPARE(model.totalCount(), 130);
        QVERIFY(model.canFetchMore({}));
        const QStringList ids = allIds(model);
        QCOMPARE(ids.size(), 130);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 130);
        QVERIFY(!model.canFetchMore({}));
        // Name order across pages, case-insensitive, as a coordinator reads a list.
        for (int i = 1; i < model.rowCount(); ++i) {
            const QString a = model.index(i - 1).data(CaseloadModel::NameRole).toString();
            const QString b = model.index(i).data(CaseloadModel::NameRole).toString();
            const QString lastA = a.section(' ', -1), lastB = b.section(' ', -1);
            QVERIFY2(lastA.compare(lastB, Qt::CaseInsensitive) <= 0 || a.count(' ') > 1 ||
                         b.count(' ') > 1,
                     qPrintable(a + " / " + b));
        }
        // Every row says what to do next, in words.
        for (int i = 0; i < model.rowCount(); ++i)
            QVERIFY(!model.index(i).data(CaseloadModel::NextActionRole).toString().isEmpty());
        model.setSearchText("zz");
        model.setFilter(CaseloadModel::OverdueFollowUp);
        model.setSearchText(QString());
        model.setSession(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void searchByNamePrefix()
    {
        CaseloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session.get());
        const Record &c = m_clients.at(7);
        const QString prefix = s(c, "lastName").left(3).toLower(); // case does not matter
        model.setSearchText(prefix);
        const QStringList ids = allIds(model);
        QVERIFY(ids.contains(c.id));
        QVERIFY(ids.size() < m_clients.size());
        QCOMPARE(model.totalCount(), ids.size());
        for (const Record &other : m_clients) {
            const bool matches = s(other, "lastName").startsWith(prefix, Qt::CaseInsensitive) ||
                                 s(other, "firstName").startsWith(prefix, Qt::CaseInsensitive) ||
                                 s(other, "address").startsWith(prefix, Qt::CaseInsensitive) ||
                                 s(other, "city").startsWith(prefix, Qt::CaseInsensitive);
            QCOMPARE(ids.contains(other.id), matches);
        }
        // "First Last" as typed, the last word still incomplete.
        model.setSearchText(s(c, "firstName") + " " + s(c, "lastName").left(2));
        QVERIFY(allIds(model).contains(c.id));
        model.setSearchText("Qqqqq");
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), 0);
    }

    void searchByPhoneAndAddress()
    {
        CaseloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session.get());
        const Record &c = m_clients.at(11);
        const QString phone = s(c, "phone"); // "(503) 555-1234"
        // Typed with or without punctuation: only the digits count.
        for (const QString &typed : {phone.left(10), digits(phone).left(8), phone}) {
            model.setSearchText(typed);
            const QStringList ids = allIds(model);
            QVERIFY2(ids.contains(c.id), qPrintable(typed));
            for (const Record &other : m_clients)
                if (ids.contains(other.id))
                    QVERIFY(digits(s(other, "phone")).startsWith(digits(typed)) ||
                            s(other, "address").startsWith(typed, Qt::CaseInsensitive));
        }
        model.setSearchText(digits(phone));
        QCOMPARE(allIds(model), QStringList{c.id});

        const QString address = s(c, "address").left(7);
        model.setSearchText(address);
        const QStringList ids = allIds(model);
        QVERIFY(ids.contains(c.id));
        for (const Record &other : m_clients)
            QCOMPARE(ids.contains(other.id),
                     s(other, "address").startsWith(address, Qt::CaseInsensitive));
    }

    void searchPagesInListOrderUnderEveryFilter_data()
    {
        QTest::addColumn<qint64>("walkFrom");
        QTest::newRow("sorted branches") << qint64(1000000);
        QTest::newRow("walked branches") << qint64(3);
    }

    void searchPagesInListOrderUnderEveryFilter()
    {
        // Small pages, so each search crosses many page boundaries (keyset paging through the
        // union of the search's branches), under every filter, against the records themselves;
        // with branches sorted from their index ranges and with dense ones found by walking.
        QFETCH(qint64, walkFrom);
        CaseloadRepository repo(m_session->store()->db(), walkFrom);
        const QSet<QString> anyClient = expected(CaseloadModel::All);
        for (const CaseloadModel::Filter filter :
             {CaseloadModel::All, CaseloadModel::NeedsAttention, CaseloadModel::OverdueFollowUp,
              CaseloadModel::UnsignedDocuments}) {
            const QSet<QString> inFilter = expected(filter);
            for (const char *typed : {"a", "M", "s", "1", "Po", "ro"}) {
                QVector<Record> want;
                for (const Record &c : m_clients)
                    if (inFilter.contains(c.id) && anyClient.contains(c.id) &&
                        (s(c, "lastName").startsWith(typed, Qt::CaseInsensitive) ||
                         s(c, "firstName").startsWith(typed, Qt::CaseInsensitive) ||
                         s(c, "address").startsWith(typed, Qt::CaseInsensitive) ||
                         s(c, "city").startsWith(typed, Qt::CaseInsensitive)))
                        want.append(c);
                std::sort(want.begin(), want.end(), [](const Record &x, const Record &y) {
                    const int last =
                        s(x, "lastName").compare(s(y, "lastName"), Qt::CaseInsensitive);
                    const int first =
                        s(x, "firstName").compare(s(y, "firstName"), Qt::CaseInsensitive);
                    return last != 0 ? last < 0 : first != 0 ? first < 0 : x.id < y.id;
                });
                QStringList wantIds;
                for (const Record &c : want)
                    wantIds.append(c.id);

                CaseloadQuery q;
                q.search = typed;
                q.filter = CaseloadFilter(filter);
                q.today = kToday;
                q.limit = 7;
                QStringList got;
                for (;;) {
                    const QVector<CaseloadRow> page = repo.page(q);
                    for (const CaseloadRow &row : page)
                        got.append(row.clientId);
                    if (page.size() < q.limit)
                        break;
                    q.afterLastName = page.last().lastName;
                    q.afterFirstName = page.last().firstName;
                    q.afterId = page.last().clientId;
                }
                const QString what = QStringLiteral("\"%1\", filter %2").arg(typed).arg(filter);
                QVERIFY2(got == wantIds, qPrintable(what));
                q.afterId.clear();
                QCOMPARE(repo.count(q), qint64(wantIds.size()));
                // Counted up to a bound: exact below it, the bound when more match.
                QCOMPARE(repo.count(q, 3), qint64(qMin(3, int(wantIds.size()))));
            }
        }
        QVERIFY(expected(CaseloadModel::All).size() > 50);
    }

    void filters_data()
    {
        QTest::addColumn<int>("filter");
        QTest::newRow("all") << int(CaseloadModel::All);
        QTest::newRow("needs attention") << int(CaseloadModel::NeedsAttention);
        QTest::newRow("overdue follow-up") << int(CaseloadModel::OverdueFollowUp);
        QTest::newRow("unsigned documents") << int(CaseloadModel::UnsignedDocuments);
    }

    void filters()
    {
        QFETCH(int, filter);
        CaseloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session.get());
        model.setFilter(CaseloadModel::Filter(filter));
        const QStringList ids = allIds(model);
        const QSet<QString> want = expected(CaseloadModel::Filter(filter));
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()), want);
        QCOMPARE(model.totalCount(), int(want.size()));
        QVERIFY(!want.isEmpty());
        if (filter != CaseloadModel::All)
            QVERIFY(want.size() < m_clients.size());
        for (int i = 0; i < model.rowCount(); ++i) {
            const QModelIndex index = model.index(i);
            if (filter == CaseloadModel::OverdueFollowUp) {
                QVERIFY(index.data(CaseloadModel::OverdueCountRole).toInt() > 0);
                // Overdue comes first unless a visit is under way right now.
                QVERIFY(QStringList({"overdue", "visitInProgress"})
                            .contains(index.data(CaseloadModel::NextActionKindRole).toString()));
            }
            if (filter == CaseloadModel::NeedsAttention)
                QVERIFY(index.data(CaseloadModel::NeedsAttentionRole).toBool());
            if (filter == CaseloadModel::UnsignedDocuments)
                QVERIFY(index.data(CaseloadModel::UnsignedCountRole).toInt() > 0);
        }
        // Search and filter combine.
        model.setSearchText(s(m_clients.first(), "lastName").left(1));
        for (const QString &id : allIds(model))
            QVERIFY(want.contains(id));
    }

    void followsEdits()
    {
        CaseloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session.get());
        model.setFilter(CaseloadModel::OverdueFollowUp);
        const int before = model.totalCount();
        const QString clientId = model.clientIdAt(0);
        // Marking the client's overdue follow-ups done takes the client off the list.
        for (const Record &f :
             m_session->store()->records().findBy(def("followUp"), "clientId", clientId))
            if (s(f, "status") == "open")
                m_session->editor()->update("followUp", f.id,
                                            {{"status", "done"}, {"doneOn", "2026-11-22"}});
        QCOMPARE(model.totalCount(), before - 1);
        QVERIFY(!allIds(model).contains(clientId));
        QVERIFY(m_session->syncEngine()->pendingCount() > 0);
    }
    // Speed at scale is measured in bench/ (scripts/bench), never asserted in a test.
};

QTEST_GUILESS_MAIN(TestCaseloadModel)
#include "tst_caseloadmodel.moc"
