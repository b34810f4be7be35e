// Keeping a client's record current on the tablet (issue 14), through the forms of the client
// page offscreen over a real encrypted store: the client's details, risk flags and status
// with a reason; contacts added, edited and voided; follow-ups and complaints outside a visit;
// a call logged with its follow-up; a consent to share information signed, in force, expired
// and revoked, and what it means for a referral and for Today. A bad value is shown on its
// field and nothing is stored. Several edits made as one (LocalEditor::together) are all
// stored or none: one SQLite transaction, so a process killed in the middle leaves none of
// them (the store's journal rolls the transaction back on the next open).
#include "clientcontroller.h"
#include "pageharness.h"
#include "recordformcontroller.h"

#include <QJsonArray>
#include <QQuickStyle>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_FormsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_SignOffPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_AssessmentPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ClientPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ServicesPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_DirectoryPlugin)

using namespace careround;
using namespace careround::test;

namespace {

const EntityDef &kind(const char *name)
{
    return *Schema::instance().entity(QString::fromLatin1(name));
}

} // namespace

class TestRecordUpkeep : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Session> m_session;
    QString m_client;

    DeviceStore &store() { return *m_session->store(); }
    Record record(const char *entity, const QString &id)
    {
        return store().records().find(kind(entity), id).value_or(Record{});
    }
    /** The form page for `form` of the client (a new record when recordId is empty). */
    std::unique_ptr<PageHarness> openForm(const QString &form, const QString &recordId = {})
    {
        auto w =
            std::make_unique<PageHarness>(m_session.get(), QStringLiteral("CareRound.Client"),
                                          QStringLiteral("RecordFormPage"), m_client, recordId);
        w->page->setProperty("form", form);
        return w;
    }
    static RecordFormController *controllerOf(const PageHarness &w)
    {
        return w.page->findChild<RecordFormController *>();
    }
    /** Saves the form as the Save button does; returns the saved id (empty when refused). */
    static QString save(const PageHarness &w)
    {
        QSignalSpy saved(w.page, SIGNAL(saved(QString)));
        click(item(w.page, "recordFormSave"));
        return saved.isEmpty() ? QString() : saved.constFirst().constFirst().toString();
    }
    ClientOverview overview() { return store().clients().overview(m_client, kPageToday); }

private slots:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_path = m_dir.filePath(QStringLiteral("upkeep.db"));
        createDemoStore(m_path, "upkeep key", 3);
        m_session = std::make_unique<Session>(m_path);
        m_session->setToday(kPageToday);
        m_session->open("upkeep key");
        QVERIFY(m_session->store());
        m_client = store().records().all(kind("client")).constFirst().id;
    }

    void editClientDetailsAndRiskFlags()
    {
        auto w = openForm(QStringLiteral("client"), m_client);
        QTRY_VERIFY(item(w->page, "field_phone"));
        const Record before = record("client", m_client);
        QCOMPARE(item(w->page, "field_phone")->property("text").toString(), before.text("phone"));

        // A date of birth that is no date: shown on its field, nothing stored.
        item(w->page, "field_phone")->setProperty("text", "555-0199");
        item(w->page, "date_dateOfBirth")->setProperty("text", "1941-13-45");
        QVERIFY(save(*w).isEmpty());
        QTRY_VERIFY(item(w->page, "error_dateOfBirth"));
        QVERIFY(!item(w->page, "error_dateOfBirth")->property("text").toString().isEmpty());
        QCOMPARE(record("client", m_client).values, before.values);
        // What was typed stays on the form to be corrected.
        QTRY_VERIFY(item(w->page, "field_phone"));
        QCOMPARE(item(w->page, "field_phone")->property("text").toString(),
                 QStringLiteral("555-0199"));
        QCOMPARE(item(w->page, "date_dateOfBirth")->property("text").toString(),
                 QStringLiteral("1941-13-45"));

        // Fixed, with one risk flag removed and one added.
        item(w->page, "date_dateOfBirth")->setProperty("text", "1941-12-10");
        QQuickItem *flags = nullptr;
        for (QQuickItem *i : visibleItems(w->page, "list_riskFlags"))
            flags = i->parentItem()->parentItem(); // the ListField around its text field
        QVERIFY(flags);
        QStringList items = flags->property("items").toStringList();
        const QStringList beforeFlags = items;
        if (!items.isEmpty())
            items.removeFirst();
        items.append(QStringLiteral("unsafe stairs"));
        flags->setProperty("items", items);
        QCOMPARE(save(*w), m_client);
        const Record after = record("client", m_client);
        QCOMPARE(after.text("phone"), QStringLiteral("555-0199"));
        QCOMPARE(after.text("dateOfBirth"), QStringLiteral("1941-12-10"));
        QStringList stored;
        for (const auto &f : after.values.value("riskFlags").toArray())
            stored.append(f.toString());
        QCOMPARE(stored, items);
        QCOMPARE(after.text("firstName"), before.text("firstName")); // untouched fields stay
        QVERIFY(beforeFlags != stored);
    }

    void statusChangeNeedsAReasonAndIsDated()
    {
        auto w = openForm(QStringLiteral("clientStatus"), m_client);
        QTRY_VERIFY(item(w->page, "choice_status"));
        RecordFormController *form = controllerOf(*w);
        QVERIFY(form);
        // The status picker offers only the moves the schema allows from "active".
        QVariantList choices;
        for (const QVariant &row : form->rows())
            if (row.toMap().value("name") == QLatin1String("status"))
                choices = row.toMap().value("choices").toList();
        QStringList values;
        for (const QVariant &c : choices)
            values.append(c.toMap().value("value").toString());
        QCOMPARE(values, (QStringList{"active", "on_hold", "discharged"}));

        // On hold without a reason is refused.
        QVERIFY(form->save({{"status", "on_hold"}, {"statusReason", "  "}}).isEmpty());
        QCOMPARE(record("client", m_client).text("status"), QStringLiteral("active"));
        QVERIFY(!form->errorText().isEmpty());

        QCOMPARE(form->save({{"status", "on_hold"}, {"statusReason", "In hospital after a fall"}}),
                 m_client);
        const Record held = record("client", m_client);
        QCOMPARE(held.text("status"), QStringLiteral("on_hold"));
        QCOMPARE(held.text("statusReason"), QStringLiteral("In hospital after a fall"));
        QCOMPARE(held.text("statusChangedOn"), kPageToday.toString(Qt::ISODate));

        ClientController client;
        client.setSession(m_session.get());
        client.setClientId(m_client);
        QCOMPARE(client.status(), QStringLiteral("on_hold"));
        QVERIFY(client.statusReason().contains("In hospital after a fall"));

        // Reopened: on hold may go back to active.
        QCOMPARE(form->save({{"status", "active"}, {"statusReason", "Home again"}}), m_client);
        QCOMPARE(record("client", m_client).text("status"), QStringLiteral("active"));
    }

    void contactsAreAddedEditedAndVoided()
    {
        auto w = openForm(QStringLiteral("contact"));
        QTRY_VERIFY(item(w->page, "field_name"));
        // A contact needs a name.
        QVERIFY(save(*w).isEmpty());
        QTRY_VERIFY(item(w->page, "error_name"));
        const int before = liveRecords(store(), "contact", "clientId", m_client).size();
        QCOMPARE(liveRecords(store(), "contact", "clientId", m_client).size(), before);

        item(w->page, "field_name")->setProperty("text", "Rosa Marquez");
        item(w->page, "field_relationship")->setProperty("text", "niece");
        item(w->page, "field_phone")->setProperty("text", "555-0142");
        item(w->page, "switch_isCaregiver")->setProperty("checked", true);
        const QString id = save(*w);
        QVERIFY(!id.isEmpty());
        const Record added = record("contact", id);
        QCOMPARE(added.text("clientId"), m_client);
        QCOMPARE(added.text("name"), QStringLiteral("Rosa Marquez"));
        QVERIFY(added.values.value("isCaregiver").toBool());
        QVERIFY(added.values.value("email").isNull() || added.values.value("email").isUndefined());

        auto edit = openForm(QStringLiteral("contact"), id);
        QTRY_VERIFY(item(edit->page, "field_phone"));
        QCOMPARE(item(edit->page, "field_phone")->property("text").toString(),
                 QStringLiteral("555-0142"));
        item(edit->page, "field_phone")->setProperty("text", "555-0143");
        QCOMPARE(save(*edit), id);
        QCOMPARE(record("contact", id).text("phone"), QStringLiteral("555-0143"));

        bool listed = false;
        for (const ContactEntry &c : overview().contacts)
            listed = listed || c.id == id;
        QVERIFY(listed);

        // Voided with a reason (never deleted): it leaves the client page.
        RecordFormController *form = controllerOf(*edit);
        QVERIFY(!form->voidRecord(QStringLiteral(" ")));
        QVERIFY(!record("contact", id).isVoided());
        QVERIFY(form->voidRecord(QStringLiteral("No longer involved")));
        QVERIFY(record("contact", id).isVoided());
        QCOMPARE(record("contact", id).text("voidReason"), QStringLiteral("No longer involved"));
        for (const ContactEntry &c : overview().contacts)
            QVERIFY(c.id != id);
    }

    void followUpAndComplaintOutsideAVisit()
    {
        auto w = openForm(QStringLiteral("followUp"));
        QTRY_VERIFY(item(w->page, "area_description"));
        item(w->page, "area_description")->setProperty("text", "Call the pharmacy about refills");
        // The due date is picked by touch: the calendar opens below the field and a day is
        // chosen from it.
        QVERIFY(item(w->page, "date_dueOn_pick"));
        QVERIFY(!item(w->page, "date_dueOn_picker"));
        click(item(w->page, "date_dueOn_pick"));
        QQuickItem *picker = nullptr;
        QTRY_VERIFY((picker = item(w->page, "date_dueOn_picker")));
        picker->setProperty("day", 28);
        QQuickItem *grid = item(picker, "monthGrid");
        QVERIFY(grid);
        grid->setProperty("year", 2026);
        grid->setProperty("month", 10); // November
        click(item(picker, "date_dueOn_choose"));
        QTRY_COMPARE(item(w->page, "date_dueOn")->property("text").toString(),
                     QStringLiteral("2026-11-28"));
        QVERIFY(!picker->isVisible());
        const QString followUp = save(*w);
        QVERIFY(!followUp.isEmpty());
        const Record f = record("followUp", followUp);
        QCOMPARE(f.text("dueOn"), QStringLiteral("2026-11-28"));
        QCOMPARE(f.text("status"), QStringLiteral("open"));
        QCOMPARE(f.text("clientId"), m_client);
        bool open = false;
        for (const FollowUpEntry &e : overview().followUps)
            open = open || e.id == followUp;
        QVERIFY(open);

        // A complaint names the provider it is about, who handles it, when and its escalation.
        const QString provider = store().records().all(kind("provider")).constFirst().id;
        auto c = openForm(QStringLiteral("complaint"));
        QTRY_VERIFY(item(c->page, "field_subject"));
        RecordFormController *form = controllerOf(*c);
        const QString complaint = form->save({{"subject", "Aide arrived late three times"},
                                              {"providerId", provider},
                                              {"handledBy", "Renee Walsh"},
                                              {"dueOn", "2026-11-30"},
                                              {"escalation", "supervisor"}});
        QVERIFY2(!complaint.isEmpty(), qPrintable(form->errorText()));
        const Record k = record("complaint", complaint);
        QCOMPARE(k.text("providerId"), provider);
        QCOMPARE(k.text("handledBy"), QStringLiteral("Renee Walsh"));
        QCOMPARE(k.text("escalation"), QStringLiteral("supervisor"));
        QCOMPARE(k.text("status"), QStringLiteral("open"));
        QCOMPARE(k.text("raisedOn"), kPageToday.toString(Qt::ISODate));
        // An escalation that is not one of the schema's is refused.
        auto again = openForm(QStringLiteral("complaint"), complaint);
        QTRY_VERIFY(item(again->page, "field_subject"));
        QVERIFY(controllerOf(*again)->save({{"escalation", "the mayor"}}).isEmpty());
        QCOMPARE(record("complaint", complaint).text("escalation"), QStringLiteral("supervisor"));
        // Resolved: dated.
        QCOMPARE(controllerOf(*again)->save(
                     {{"status", "resolved"}, {"resolution", "Schedule changed"}}),
                 complaint);
        QCOMPARE(record("complaint", complaint).text("resolvedOn"),
                 kPageToday.toString(Qt::ISODate));
    }

    void aLoggedCallWithItsFollowUpIsOneEdit()
    {
        auto w = openForm(QStringLiteral("contactLog"));
        QTRY_VERIFY(item(w->page, "field_withWhom"));
        RecordFormController *form = controllerOf(*w);
        const int logsBefore = liveRecords(store(), "contactLog", "clientId", m_client).size();
        const int followUpsBefore = liveRecords(store(), "followUp", "clientId", m_client).size();
        // A bad follow-up date refuses the whole entry: neither is stored.
        QVERIFY(form->save({{"withWhom", "Daughter"},
                            {"summary", "Asked about the new aide"},
                            {"followUpOn", "next week"}})
                    .isEmpty());
        QCOMPARE(liveRecords(store(), "contactLog", "clientId", m_client).size(), logsBefore);
        QCOMPARE(liveRecords(store(), "followUp", "clientId", m_client).size(), followUpsBefore);

        const QString id = form->save({{"withWhom", "Daughter"},
                                       {"channel", "phone"},
                                       {"summary", "Asked about the new aide"},
                                       {"followUpOn", "2026-11-24"}});
        QVERIFY2(!id.isEmpty(), qPrintable(form->errorText()));
        const Record entry = record("contactLog", id);
        QCOMPARE(entry.text("channel"), QStringLiteral("phone"));
        QVERIFY(!entry.text("at").isEmpty());
        const Record followUp = record("followUp", entry.text("followUpId"));
        QCOMPARE(followUp.text("dueOn"), QStringLiteral("2026-11-24"));
        QVERIFY(followUp.text("description").contains("Asked about the new aide"));

        bool inTimeline = false;
        for (const HistoryEntry &h : overview().history)
            inTimeline = inTimeline || (h.kind == HistoryEntry::Kind::ContactLog && h.id == id);
        QVERIFY(inTimeline);
    }

    void togetherStoresAllOrNothing()
    {
        LocalEditor &editor = *m_session->editor();
        QSignalSpy published(&store().changes(), &ChangeFeed::changed);
        const int before = liveRecords(store(), "followUp", "clientId", m_client).size();
        QVERIFY_THROWS_EXCEPTION(StoreError, editor.together([&] {
            editor.create("followUp", {{"clientId", m_client},
                                       {"description", "First"},
                                       {"dueOn", "2026-12-01"},
                                       {"status", "open"}});
            editor.create("followUp", {{"clientId", m_client}, {"description", "No due date"}});
        }));
        QCOMPARE(liveRecords(store(), "followUp", "clientId", m_client).size(), before);
        QCOMPARE(published.size(), 0); // nothing was announced that did not happen
    }

    void consentGovernsReferralsAndShowsWhenExpired()
    {
        const QVector<Record> providers = store().records().all(kind("provider"));
        QVERIFY(providers.size() >= 2);
        const QString consented = providers[0].id;
        const QString other = providers[1].id;
        for (const QString &p : {consented, other})
            m_session->editor()->create(
                "referral", {{"clientId", m_client}, {"providerId", p}, {"status", "draft"}});
        const auto missing = [&](const QString &provider) {
            bool out = false;
            for (const ReferralEntry &r : store().services().view(m_client, kPageToday).referrals)
                if (r.providerId == provider)
                    out = out || r.consentMissing;
            return out;
        };
        QVERIFY(missing(consented));

        auto w = openForm(QStringLiteral("consent"));
        QTRY_VERIFY(item(w->page, "field_recipient"));
        RecordFormController *form = controllerOf(*w);
        // What may be shared is required.
        QVERIFY(form->save({{"recipient", "Riverton Home Care"}, {"validUntil", "2027-11-21"}})
                    .isEmpty());
        const QString id = form->save({{"recipient", "Riverton Home Care"},
                                       {"providerId", consented},
                                       {"shares", QStringList{"care plan", "medications"}},
                                       {"validUntil", "2027-11-21"}});
        QVERIFY2(!id.isEmpty(), qPrintable(form->errorText()));
        QCOMPARE(record("consent", id).text("validFrom"), kPageToday.toString(Qt::ISODate));
        // Not signed: nothing may be shared yet.
        QVERIFY(missing(consented));
        QCOMPARE(overview().consents.constFirst().state, CareRules::ConsentState::Unsigned);

        m_session->editor()->sign("consent", id, "Client", "client",
                                  QJsonArray{QJsonArray{1, 2, 3, 4}});
        QCOMPARE(overview().consents.constFirst().state, CareRules::ConsentState::Valid);
        QVERIFY(!missing(consented));
        QVERIFY(missing(other));

        // Signed: its content cannot change, but it can be revoked, with a reason, dated.
        auto edit = openForm(QStringLiteral("consent"), id);
        QTRY_VERIFY(item(edit->page, "field_recipient"));
        QVERIFY(controllerOf(*edit)->sealed());
        QVERIFY(controllerOf(*edit)->save({{"recipient", "Someone else"}}).isEmpty());
        QCOMPARE(record("consent", id).text("recipient"), QStringLiteral("Riverton Home Care"));

        // Run out on a later day: Today says so.
        bool expiredOnToday = false;
        for (const TodayItem &i : store().today().alerts(QDate(2027, 12, 1), 100000).rows)
            expiredOnToday =
                expiredOnToday || (i.kind == TodayItem::Kind::ConsentExpired && i.recordId == id);
        QVERIFY(expiredOnToday);
        for (const TodayItem &i : store().today().alerts(kPageToday, 100000).rows)
            QVERIFY(i.kind != TodayItem::Kind::ConsentExpired || i.recordId != id);

        auto revoke = openForm(QStringLiteral("consentRevoke"), id);
        QTRY_VERIFY(item(revoke->page, "area_revokedReason"));
        QVERIFY(save(*revoke).isEmpty()); // a reason is needed
        QCOMPARE(record("consent", id).text("status"), QStringLiteral("active"));
        item(revoke->page, "area_revokedReason")->setProperty("text", "Changed her mind");
        QCOMPARE(save(*revoke), id);
        const Record revoked = record("consent", id);
        QCOMPARE(revoked.text("status"), QStringLiteral("revoked"));
        QCOMPARE(revoked.text("revokedOn"), kPageToday.toString(Qt::ISODate));
        QCOMPARE(overview().consents.constFirst().state, CareRules::ConsentState::Revoked);
        QVERIFY(missing(consented));

        // An expired consent renewed (a newer one with the same recipient) leaves Today.
        const QString lapsing =
            m_session->editor()->create("consent", {{"clientId", m_client},
                                                    {"recipient", "Meals Network"},
                                                    {"shares", QJsonArray{"contact details"}},
                                                    {"validFrom", "2026-11-01"},
                                                    {"validUntil", "2026-11-20"},
                                                    {"status", "active"}});
        m_session->editor()->sign("consent", lapsing, "Client", "client",
                                  QJsonArray{QJsonArray{1, 2, 3, 4}});
        const auto expiredToday = [&](const QString &consent) {
            for (const TodayItem &i : store().today().alerts(kPageToday, 100000).rows)
                if (i.kind == TodayItem::Kind::ConsentExpired && i.recordId == consent)
                    return true;
            return false;
        };
        QVERIFY(expiredToday(lapsing));
        m_session->editor()->create("consent", {{"clientId", m_client},
                                                {"recipient", "Meals Network"},
                                                {"shares", QJsonArray{"contact details"}},
                                                {"validFrom", "2026-11-22"},
                                                {"validUntil", "2027-11-21"},
                                                {"status", "active"}});
        QVERIFY(!expiredToday(lapsing));
    }

    void aReferralRecordsItsOutcomeAndRating()
    {
        const QString provider = store().records().all(kind("provider")).constFirst().id;
        const QString referral = m_session->editor()->create(
            "referral",
            {{"clientId", m_client}, {"providerId", provider}, {"status", "in_service"}});
        auto w = openForm(QStringLiteral("referralOutcome"), referral);
        QTRY_VERIFY(item(w->page, "area_outcome"));
        const Record before = record("referral", referral);
        // The outcome is required, and a rating is 1 to 5: refused, nothing stored.
        QVERIFY(save(*w).isEmpty());
        item(w->page, "area_outcome")->setProperty("text", "Meals delivered five days a week");
        item(w->page, "field_rating")->setProperty("text", "6");
        QVERIFY(save(*w).isEmpty());
        QTRY_VERIFY(item(w->page, "error_rating"));
        QCOMPARE(item(w->page, "error_rating")->property("text").toString(),
                 QStringLiteral("Enter a number from 1 to 5"));
        QCOMPARE(record("referral", referral).values, before.values);
        item(w->page, "field_rating")->setProperty("text", "4");
        item(w->page, "date_closedOn")->setProperty("text", "2026-11-20");
        QCOMPARE(save(*w), referral);
        const Record after = record("referral", referral);
        QCOMPARE(after.text("outcome"), QStringLiteral("Meals delivered five days a week"));
        QCOMPARE(after.values.value("rating").toInt(), 4);
        QCOMPARE(after.text("closedOn"), QStringLiteral("2026-11-20"));
        QCOMPARE(after.text("status"), QStringLiteral("in_service")); // the status is its own

        // The services screen shows it on the referral.
        PageHarness services(m_session.get(), QStringLiteral("CareRound.Services"),
                             QStringLiteral("ServicesPage"), m_client);
        QTRY_VERIFY(itemWithText(services.page, "referralOutcome",
                                 QStringLiteral("Outcome: Meals delivered five days a week · "
                                                "your rating 4 of 5 · closed 20 Nov 2026")));
    }
};

QTEST_MAIN(TestRecordUpkeep)
#include "tst_recordupkeep.moc"
