// The services screen offscreen over a real encrypted store: refer a client to a provider
// chosen in the resource directory (for a goal of the plan), start a benefit application and
// book an appointment with transport arranged; the store holds each change.
#include "directorycontroller.h"
#include "pageharness.h"
#include "servicescontroller.h"

#include <QAbstractItemModelTester>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_FormsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_DirectoryPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ServicesPlugin)

using namespace careround;
using namespace careround::test;

class TestServicesUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void referFromDirectoryAndBookAppointmentWithTransport()
    {
        const QString path = m_dir.filePath("services.db");
        createDemoStore(path, "services key", 4);
        Session session(path);
        session.setToday(kPageToday);
        session.open("services key");
        const Record client =
            session.store()->records().all(*Schema::instance().entity("client")).constFirst();
        const int referralsBefore =
            liveRecords(*session.store(), "referral", "clientId", client.id).size();

        PageHarness w(&session, "CareRound.Services", "ServicesPage", client.id);
        QVERIFY(w.window && w.page);
        auto *services = w.page->findChild<ServicesController *>();
        QVERIFY(services);
        QAbstractItemModelTester referralsTester(services->referrals());
        QAbstractItemModelTester benefitsTester(services->benefits());
        QAbstractItemModelTester appointmentsTester(services->appointments());
        QAbstractItemModelTester goalsTester(services->goals());
        QTRY_COMPARE(services->referrals()->rowCount(), referralsBefore);

        // The goal the referral is for (the first goal of the current plan).
        QVERIFY(services->goals()->rowCount() >= 2);
        const QString goalId = services->goals()->index(1, 0).data(Qt::UserRole + 1).toString();
        QQuickItem *goalBox = item(w.page, "referralGoal");
        QVERIFY(goalBox);
        goalBox->setProperty("currentIndex", 1);
        QMetaObject::invokeMethod(goalBox, "activated", Q_ARG(int, 1));

        // Refer: the directory opens to choose from; search by service type.
        click(item(w.page, "referToProvider"));
        QQuickItem *picker = nullptr;
        QTRY_VERIFY((picker = item(w.page, "providerPicker")));
        QTRY_VERIFY(!visibleItems(picker, "providerRow").isEmpty());
        item(picker, "directorySearch")->setProperty("text", "transportation");
        QTRY_VERIFY(item(picker, "providerList")->property("count").toInt() <
                    int(session.store()->records().count(*Schema::instance().entity("provider"))));
        QQuickItem *chosenRow = nullptr;
        QTRY_VERIFY(!visibleItems(picker, "providerRow").isEmpty());
        for (QQuickItem *row : visibleItems(picker, "providerRow")) {
            QVERIFY(row->property("serviceTypes").toString().contains("transportation"));
            if (!chosenRow && !row->property("discontinued").toBool())
                chosenRow = row;
        }
        QVERIFY(chosenRow);
        const QString providerId = chosenRow->property("rowId").toString();
        click(chosenRow);
        QTRY_VERIFY(item(picker, "chooseProvider") &&
                    item(picker, "chooseProvider")->property("enabled").toBool());
        click(item(picker, "chooseProvider"));
        QTRY_VERIFY(!picker->isVisible());
        QTRY_COMPARE(services->referrals()->rowCount(), referralsBefore + 1);
        Record referral;
        for (const Record &r : liveRecords(*session.store(), "referral", "clientId", client.id))
            if (r.values.value("providerId").toString() == providerId)
                referral = r;
        QCOMPARE(referral.values.value("status").toString(), QString("draft"));
        QCOMPARE(referral.values.value("goalId").toString(), goalId);
        QCOMPARE(referral.values.value("serviceType").toString(), QString("transportation"));

        // Send it: the status moves along an allowed transition and the referral is dated.
        QVERIFY(services->setField("referral", referral.id, "status", "sent"));
        QVERIFY(!services->setField("referral", referral.id, "status", "closed"));
        QVERIFY(services->errorText().contains("cannot move"));
        const Record sent =
            *session.store()->records().find(*Schema::instance().entity("referral"), referral.id);
        QCOMPARE(sent.values.value("status").toString(), QString("sent"));
        QCOMPARE(sent.values.value("sentOn").toString(), QString("2026-11-22"));

        // A benefit application.
        w.page->setProperty("currentTab", 1);
        QTRY_VERIFY(item(w.page, "newBenefitProgram"));
        item(w.page, "newBenefitProgram")->setProperty("text", "SNAP");
        click(item(w.page, "addBenefit"));
        QTRY_VERIFY([&] {
            for (const Record &b :
                 liveRecords(*session.store(), "benefitApplication", "clientId", client.id))
                if (b.values.value("program").toString() == "SNAP" &&
                    b.values.value("status").toString() == "preparing")
                    return true;
            return false;
        }());

        // Book an appointment, then arrange transport and say what to prepare.
        w.page->setProperty("currentTab", 2);
        QTRY_VERIFY(item(w.page, "newAppointmentTitle"));
        item(w.page, "newAppointmentTitle")->setProperty("text", "Audiology check");
        item(w.page, "newAppointmentWhen")->setProperty("text", "2026-11-25 10:30");
        item(w.page, "newAppointmentWhere")->setProperty("text", "Riverton Medical Group");
        item(w.page, "newAppointmentWho")->setProperty("text", "Dr. Reyes");
        click(item(w.page, "addAppointment"));
        Record appointment;
        QTRY_VERIFY([&] {
            for (const Record &a :
                 liveRecords(*session.store(), "appointment", "clientId", client.id))
                if (a.values.value("title").toString() == "Audiology check")
                    appointment = a;
            return !appointment.id.isEmpty();
        }());
        QCOMPARE(appointment.values.value("status").toString(), QString("scheduled"));
        QCOMPARE(appointment.values.value("transportArranged").toBool(), false);
        QCOMPARE(appointment.values.value("withWhom").toString(), QString("Dr. Reyes"));
        QCOMPARE(QDateTime::fromString(appointment.values.value("startsAt").toString(), Qt::ISODate)
                     .toLocalTime(),
                 QDateTime(QDate(2026, 11, 25), QTime(10, 30)));

        QQuickItem *card = nullptr;
        QTRY_VERIFY([&] {
            for (QQuickItem *c : visibleItems(w.page, "appointmentCard"))
                if (c->property("rowId").toString() == appointment.id)
                    card = c;
            return card != nullptr;
        }());
        QVERIFY(card->property("needsTransport").toBool());
        QQuickItem *transport = item(card, "transportArranged");
        QVERIFY(transport);
        transport->setProperty("checked", true);
        QMetaObject::invokeMethod(transport, "toggled");
        typeInto(item(card, "transportNotes"), "Senior Ride, pick-up 9:45");
        typeInto(item(card, "preparationNotes"), "Bring the hearing aids");
        QTRY_VERIFY([&] {
            const Record a = *session.store()->records().find(
                *Schema::instance().entity("appointment"), appointment.id);
            return a.values.value("transportArranged").toBool() &&
                   a.values.value("transportNotes").toString() == "Senior Ride, pick-up 9:45" &&
                   a.values.value("preparationNotes").toString() == "Bring the hearing aids";
        }());
        QTRY_VERIFY(!card->property("needsTransport").toBool());
        QVERIFY(services->errorText().isEmpty() || services->errorText().contains("cannot move"));
        saveScreenshot(w.window, "Services");

        w.page->setProperty("currentTab", 0);
        QTRY_VERIFY(!visibleItems(w.page, "referralCard").isEmpty());
        saveScreenshot(w.window, "Services-referrals");
    }
};

QTEST_MAIN(TestServicesUi)
#include "tst_servicesui.moc"
