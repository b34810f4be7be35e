// One way for changes to reach the screens: an edit is published on the store's ChangeFeed
// and only the screens showing that kind (and client) read again. An edit of one row is one
// dataChanged of that row, never a model reset; an edit on the visit screen leaves Today, the
// caseload and the directory unread.
#include "caseloadmodel.h"
#include "devicestore.h"
#include "directorycontroller.h"
#include "localeditor.h"
#include "session.h"
#include "todaymodel.h"
#include "visitcontroller.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace careround;

namespace {

const QDate kToday(2026, 11, 22);

} // namespace

class TestChangeScope : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Session> m_session;
    QString m_ada, m_ben, m_visit, m_goal;

    LocalEditor &editor() { return *m_session->editor(); }

private slots:
    void initTestCase()
    {
        DeviceStore::Options o;
        o.path = m_dir.filePath("scope.db");
        o.key = "test";
        auto store = DeviceStore::open(o);
        LocalEditor e(*store, "test");
        m_ada = e.create("client", {{"firstName", "Ada"},
                                    {"lastName", "Novak"},
                                    {"phone", "555-0100"},
                                    {"status", "active"}});
        m_ben = e.create("client", {{"firstName", "Ben"},
                                    {"lastName", "Ortiz"},
                                    {"phone", "555-0101"},
                                    {"status", "active"}});
        e.create("client", {{"firstName", "Cy"}, {"lastName", "Park"}, {"status", "active"}});
        m_visit = e.create("visit", {{"clientId", m_ada},
                                     {"plannedAt", "2026-11-22T09:00:00Z"},
                                     {"status", "in_progress"},
                                     {"checkInAt", "2026-11-22T09:05:00Z"},
                                     {"purpose", "Weekly check"}});
        e.create("followUp", {{"clientId", m_ben},
                              {"description", "Call the pharmacy"},
                              {"dueOn", "2026-11-20"},
                              {"status", "open"}});
        const QString plan = e.create("carePlan", {{"clientId", m_ada},
                                                   {"title", "Stay at home"},
                                                   {"status", "active"},
                                                   {"startDate", "2026-11-01"}});
        m_goal = e.create("goal", {{"carePlanId", plan},
                                   {"clientId", m_ada},
                                   {"statement", "Walk to the shop"},
                                   {"status", "open"},
                                   {"progress", 10}});
        e.create("provider", {{"name", "Meals on Wheels"}, {"status", "active"}});
        m_session = std::make_unique<Session>(o.path);
        m_session->setToday(kToday);
        m_session->adopt(std::move(store));
    }

    void anEditOfOneRowSignalsThatRowOnly()
    {
        CaseloadModel caseload;
        QAbstractItemModelTester tester(&caseload,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        caseload.setSession(m_session.get());
        QCOMPARE(caseload.rowCount(), 3);
        const int row = 1;
        QCOMPARE(caseload.clientIdAt(row), m_ben);
        QSignalSpy resets(&caseload, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&caseload, &QAbstractItemModel::dataChanged);
        const int loads = caseload.loadCount();

        editor().update("client", m_ben, {{"phone", "555-0199"}});

        QCOMPARE(resets.count(), 0);
        QCOMPARE(caseload.loadCount(), loads);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), row);
        QVERIFY(
            caseload.index(row).data(CaseloadModel::DetailsRole).toString().contains("555-0199"));

        // The same in a screen's list: the goal's row, not the list.
        VisitController visit;
        visit.setSession(m_session.get());
        visit.setVisitId(m_visit);
        QAbstractItemModelTester goalsTester(
            visit.goals(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(visit.goals()->count(), 1);
        QSignalSpy goalResets(visit.goals(), &QAbstractItemModel::modelReset);
        QSignalSpy goalChanged(visit.goals(), &QAbstractItemModel::dataChanged);
        QVERIFY(visit.setField("goal", m_goal, "progress", 30));
        QCOMPARE(goalResets.count(), 0);
        QCOMPARE(goalChanged.count(), 1);
        QCOMPARE(goalChanged.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(visit.goals()->get(0, "progress").toInt(), 30);
    }

    void anEditOnTheVisitScreenReloadsNothingElse()
    {
        TodayModel schedule, followUps, alerts;
        followUps.setList(TodayModel::FollowUps);
        alerts.setList(TodayModel::Alerts);
        CaseloadModel caseload;
        DirectoryController directory;
        VisitController visit;
        for (QObject *screen : std::initializer_list<QObject *>{&schedule, &followUps, &alerts,
                                                                &caseload, &directory, &visit})
            QVERIFY(screen->setProperty("session", QVariant::fromValue(m_session.get())));
        visit.setVisitId(m_visit);
        QCOMPARE(schedule.rowCount(), 1);
        QCOMPARE(followUps.rowCount(), 1);
        QCOMPARE(directory.providers()->rowCount(), 1);
        const auto loads = [&] {
            return QVector<int>{schedule.loadCount(), followUps.loadCount(), alerts.loadCount(),
                                caseload.loadCount(), directory.loadCount()};
        };
        const QVector<int> before = loads();
        const int visitLoads = visit.loadCount();

        QVERIFY(visit.addNote("Talked about the stairs"));
        QVERIFY(visit.recordSatisfaction(4, "Happy with the aide"));
        QVERIFY(visit.setField("goal", m_goal, "progress", 50));

        // The visit screen sees every change...
        QCOMPARE(visit.notes()->count(), 1);
        QCOMPARE(visit.satisfaction()->count(), 1);
        QCOMPARE(visit.goals()->get(0, "progress").toInt(), 50);
        QVERIFY(visit.loadCount() > visitLoads);
        // ...and none of the others read the store again.
        QCOMPARE(loads(), before);

        // The purpose shows on Today's schedule and in the caseload's next action: the
        // schedule reads again, the caseload only Ada's row, the rest nothing.
        QSignalSpy caseloadResets(&caseload, &QAbstractItemModel::modelReset);
        QSignalSpy caseloadRows(&caseload, &QAbstractItemModel::dataChanged);
        QVERIFY(visit.setField("visit", m_visit, "purpose", "Review the stairs"));
        const QVector<int> after = loads();
        QCOMPARE(after[0], before[0] + 1);
        QCOMPARE(after[1], before[1]);
        QCOMPARE(after[2], before[2]);
        QCOMPARE(after[3], before[3]);
        QCOMPARE(after[4], before[4]);
        QCOMPARE(caseloadResets.count(), 0);
        QVERIFY(schedule.index(0).data(TodayModel::TitleRole).toString().contains("stairs"));
        QCOMPARE(caseloadRows.count(), 1); // Ada's next action names the visit's purpose
        QCOMPARE(caseloadRows.at(0).at(0).value<QModelIndex>().row(), 0);

        // An edit of another client's records does not reach the visit screen.
        const int visitBefore = visit.loadCount();
        editor().update("client", m_ben, {{"phone", "555-0142"}});
        QCOMPARE(visit.loadCount(), visitBefore);
    }
};

QTEST_MAIN(TestChangeScope)
#include "tst_changescope.moc"
