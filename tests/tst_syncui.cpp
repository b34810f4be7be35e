// The Sync and Conflicts screens over a real store: both values side by side, resolving by
// touch writes the chosen value and closes the conflict (an ordinary edit that syncs), and a
// value written by hand is typed by its field. Screenshots of both screens.
#include "conflictlistmodel.h"
#include "devicestore.h"
#include "kepteditlistmodel.h"
#include "localeditor.h"
#include "refusedlistmodel.h"
#include "session.h"
#include "syncengine.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_SyncPlugin)

using namespace careround;

namespace {

void collect(QQuickItem *item, const QString &name, QList<QQuickItem *> &out)
{
    if (item->objectName() == name && item->isVisible())
        out.append(item);
    for (QQuickItem *child : item->childItems())
        collect(child, name, out);
}

QList<QQuickItem *> visualItems(QQuickWindow *window, const char *name)
{
    QList<QQuickItem *> out;
    collect(window->contentItem(), QString::fromLatin1(name), out);
    return out;
}

void tap(QQuickWindow *window, QQuickItem *item)
{
    const QPointF c = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, c.toPoint());
}

void saveScreenshot(QQuickWindow *window, const QString &name)
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/../screenshots");
    QDir().mkpath(dir);
    QVERIFY(window->grabWindow().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

/**
 * A concurrent edit the office won over another tablet. `names`: keptBy and otherBy as the
 * server gives them (schema 8); none for a conflict opened before. `otherStamp`: the other
 * side's stamp (another tablet's unless given).
 */
QString
conflictAbout(LocalEditor &editor, const QString &client, const QString &field,
              const QJsonValue &kept, const QJsonValue &other, const QJsonObject &names = {},
              const QString &otherStamp = "0190a0000009ffff@0190a000-0000-7000-8000-00000000000b")
{
    QJsonObject values{{"recordEntity", "client"},
                       {"recordId", client},
                       {"clientId", client},
                       {"field", field},
                       {"kind", "concurrent_edit"},
                       {"keptValue", QJsonObject{{"value", kept}}},
                       {"keptStamp", "0190a000000a0000@server"},
                       {"otherValue", QJsonObject{{"value", other}}},
                       {"otherStamp", otherStamp},
                       {"status", "open"}};
    for (auto it = names.begin(); it != names.end(); ++it)
        values.insert(it.key(), it.value());
    return editor.create("conflict", values);
}

} // namespace

class TestSyncUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Session> m_session;
    QString m_client;

    QQuickWindow *load(QQmlApplicationEngine &engine, const char *page)
    {
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.setInitialProperties({{"session", QVariant::fromValue(m_session.get())}});
        engine.loadData(
            QStringLiteral("import QtQuick\nimport QtQuick.Window\nimport CareRound.Session\n"
                           "import CareRound.Sync\nWindow { id: root; width: 1280; height: 800; "
                           "visible: true\n"
                           "required property Session session\n%1 { anchors.fill: parent; session: "
                           "root.session } }")
                .arg(QString::fromLatin1(page))
                .toUtf8());
        return engine.rootObjects().isEmpty()
                   ? nullptr
                   : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    }

private slots:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_session = std::make_unique<Session>(m_dir.filePath("tablet.db"));
        m_session->open("passphrase-of-the-test");
        m_client = m_session->editor()->create("client", {{"firstName", "Maria"},
                                                          {"lastName", "Gonzalez"},
                                                          {"status", "active"},
                                                          {"phone", "555-2222"}});
    }

    void modelPassesTheTester()
    {
        // Opened by a server of schema 8: it names the person behind the other tablet.
        const QString named =
            conflictAbout(*m_session->editor(), m_client, "address", "12 Elm St", "14 Oak Ave",
                          {{"keptBy", "the agency office"}, {"otherBy", "Dana Whitfield"}});
        // Opened before: no names.
        const QString unnamed =
            conflictAbout(*m_session->editor(), m_client, "city", "Springfield", "Shelbyville");
        // This tablet's own edit is its user's: "this tablet", whatever name the server gave.
        const QString own =
            conflictAbout(*m_session->editor(), m_client, "postalCode", "62701", "62702",
                          {{"otherBy", "Ana Ortiz"}},
                          QStringLiteral("0190a0000009ffff@") + m_session->store()->deviceId());
        ConflictListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session.get());
        QCOMPARE(model.rowCount(), 3);
        QHash<QString, QModelIndex> rows;
        for (int row = 0; row < model.rowCount(); ++row)
            rows.insert(model.index(row).data(ConflictListModel::ConflictIdRole).toString(),
                        model.index(row));
        const QModelIndex i = rows.value(named);
        QCOMPARE(i.data(ConflictListModel::KeptTextRole).toString(), QStringLiteral("12 Elm St"));
        QCOMPARE(i.data(ConflictListModel::OtherTextRole).toString(), QStringLiteral("14 Oak Ave"));
        QCOMPARE(i.data(ConflictListModel::KeptWhoRole).toString(),
                 QStringLiteral("the agency office"));
        QCOMPARE(i.data(ConflictListModel::OtherWhoRole).toString(),
                 QStringLiteral("Dana Whitfield"));
        // The field by its name for people, not its key.
        QCOMPARE(i.data(ConflictListModel::TitleRole).toString(),
                 QStringLiteral("Address of client “Maria Gonzalez”"));
        const QModelIndex old = rows.value(unnamed);
        QCOMPARE(old.data(ConflictListModel::KeptWhoRole).toString(),
                 QStringLiteral("the agency office"));
        QCOMPARE(old.data(ConflictListModel::OtherWhoRole).toString(),
                 QStringLiteral("another tablet"));
        QCOMPARE(rows.value(own).data(ConflictListModel::OtherWhoRole).toString(),
                 QStringLiteral("this tablet"));
        for (const QString &id : {named, unnamed, own})
            QVERIFY(model.resolve(id, "kept"));
        QCOMPARE(model.rowCount(), 0);
    }

    void resolveAConflictByTouch()
    {
        const QString conflict =
            conflictAbout(*m_session->editor(), m_client, "phone", "555-2222", "555-1111");
        QQmlApplicationEngine engine;
        QQuickWindow *window = load(engine, "ConflictsPage");
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_COMPARE(visualItems(window, "takeOtherButton").size(), 1);
        saveScreenshot(window, "Conflicts");
        const qint64 pendingBefore = m_session->store()->outbox().count();
        tap(window, visualItems(window, "takeOtherButton").first());
        // The chosen value is in the record, the conflict is closed, and both are edits to sync.
        QTRY_COMPARE(visualItems(window, "takeOtherButton").size(), 0);
        const EntityDef &clientDef = *Schema::instance().entity("client");
        QCOMPARE(m_session->store()
                     ->records()
                     .find(clientDef, m_client)
                     ->values.value("phone")
                     .toString(),
                 QStringLiteral("555-1111"));
        const auto closed =
            m_session->store()->records().find(*Schema::instance().entity("conflict"), conflict);
        QCOMPARE(closed->values.value("status").toString(), QStringLiteral("resolved"));
        QCOMPARE(closed->values.value("resolvedValue").toObject().value("value").toString(),
                 QStringLiteral("555-1111"));
        QCOMPARE(m_session->store()->outbox().count(), pendingBefore + 2);
    }

    void aValueWrittenByHand()
    {
        const QString conflict =
            conflictAbout(*m_session->editor(), m_client, "livesAlone", true, false);
        ConflictListModel model;
        model.setSession(m_session.get());
        QVERIFY(model.resolve(conflict, "merged", "yes"));
        QCOMPARE(m_session->store()
                     ->records()
                     .find(*Schema::instance().entity("client"), m_client)
                     ->values.value("livesAlone"),
                 QJsonValue(true));
    }

    void syncScreenShowsALocalStore()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = load(engine, "SyncPage");
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        // No agency server: no count of changes "waiting" that will never be sent.
        QTRY_VERIFY(!visualItems(window, "syncStateText").isEmpty());
        QVERIFY(visualItems(window, "syncStateText")
                    .first()
                    ->property("text")
                    .toString()
                    .contains(QStringLiteral("no agency server")));
        QVERIFY(m_session->syncEngine()->pendingCount() > 0);
        QVERIFY(visualItems(window, "pendingText").isEmpty()); // (only shown items are found)
        QVERIFY(visualItems(window, "syncDetail").isEmpty());
        QVERIFY(visualItems(window, "calendarFeedCard").isEmpty()); // no server to make one
        saveScreenshot(window, "Sync");
    }

    void statusStripFollowsTheEngine()
    {
        // The strip binds to the engine's own enum and counts (a local store: state Local).
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.setInitialProperties({{"session", QVariant::fromValue(m_session.get())}});
        engine.loadData(QByteArrayLiteral(
            "import QtQuick\nimport QtQuick.Window\nimport CareRound.Session\n"
            "import CareRound.Controls\nWindow { id: root; width: 1280; height: 120; "
            "visible: true\nrequired property Session session\n"
            "readonly property bool local: session.sync.state === SyncEngine.Local\n"
            "StatusStrip { anchors.fill: parent; sync: root.session.sync } }"));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(window->property("local").toBool());
        QTRY_VERIFY(!visualItems(window, "pendingChanges").isEmpty());
        QQuickItem *pending = visualItems(window, "pendingChanges").first();
        const int before = m_session->syncEngine()->pendingCount();
        // Local: where the data is, not a count that will never go down.
        QCOMPARE(pending->property("text").toString(), QStringLiteral("Kept on this tablet only"));
        QVERIFY(visualItems(window, "connectionState").isEmpty());
        QVERIFY(visualItems(window, "syncNowButton").isEmpty());
        m_session->editor()->update("client", m_client, {{"phone", "555-3333"}});
        QCOMPARE(m_session->syncEngine()->pendingCount(), before + 1);
        QCOMPARE(pending->property("text").toString(), QStringLiteral("Kept on this tablet only"));
    }

    void aRefusedChangeIsListedCountedAndDismissed()
    {
        // The server refused an edit (as a sync's reply marks it): the Sync page lists it with
        // the reason and the value sent, and the strip says it needs attention.
        m_session->editor()->update("client", m_client, {{"phone", "555-4444"}});
        const qint64 seq = m_session->store()->outbox().lastSeq();
        {
            auto tx = m_session->store()->transaction();
            m_session->store()->outbox().markRefused(seq, "client_moved", "moved");
            tx.commit();
        }
        m_session->syncEngine()->refreshCounts();
        QCOMPARE(m_session->syncEngine()->refusedCount(), 1);
        QQmlApplicationEngine stripEngine;
        stripEngine.addImportPath(QStringLiteral("qrc:/"));
        stripEngine.setInitialProperties({{"session", QVariant::fromValue(m_session.get())}});
        stripEngine.loadData(QByteArrayLiteral(
            "import QtQuick\nimport QtQuick.Window\nimport CareRound.Session\n"
            "import CareRound.Controls\nWindow { id: root; width: 1280; height: 120; "
            "visible: true\nrequired property Session session\n"
            "StatusStrip { anchors.fill: parent; sync: root.session.sync } }"));
        auto *strip = qobject_cast<QQuickWindow *>(stripEngine.rootObjects().value(0));
        QVERIFY(strip);
        QVERIFY(QTest::qWaitForWindowExposed(strip));
        QTRY_COMPARE(visualItems(strip, "refusedButton").size(), 1);
        QVERIFY(
            visualItems(strip, "refusedButton").first()->property("text").toString().contains("1"));

        QQmlApplicationEngine engine;
        QQuickWindow *window = load(engine, "SyncPage");
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_COMPARE(visualItems(window, "refusedReason").size(), 1);
        QVERIFY(visualItems(window, "refusedReason")
                    .first()
                    ->property("text")
                    .toString()
                    .contains("moved to another coordinator"));
        QVERIFY(visualItems(window, "refusedValues")
                    .first()
                    ->property("text")
                    .toString()
                    .contains("555-4444"));
        saveScreenshot(window, "SyncRefused");
        tap(window, visualItems(window, "dismissRefused").first());
        QTRY_COMPARE(visualItems(window, "refusedReason").size(), 0);
        QCOMPARE(m_session->syncEngine()->refusedCount(), 0);
        QTRY_COMPARE(visualItems(strip, "refusedButton").size(), 0);
        RefusedListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session.get());
        QCOMPARE(model.rowCount(), 0);
    }

    void keptEditsModelPassesTheTester()
    {
        // Last: it moves every pending edit of the session's store into the kept list.
        DeviceStore &store = *m_session->store();
        {
            auto tx = store.transaction();
            store.outbox().keepPendingForReview();
            tx.commit();
        }
        KeptEditListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session.get());
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.rowCount(), int(store.outbox().keptForReview().size()));
        m_session->refreshStatus();
        QCOMPARE(m_session->syncEngine()->pendingCount(), 0);
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(KeptEditListModel::TitleRole).toString(),
                 QStringLiteral("client Maria Gonzalez"));
        QVERIFY(first.data(KeptEditListModel::ValuesRole).toString().contains("phone: 555-2222"));
        const int before = model.rowCount();
        model.dismiss(first.data(KeptEditListModel::SeqRole).toLongLong());
        QCOMPARE(model.rowCount(), before - 1);
    }
};

QTEST_MAIN(TestSyncUi)
#include "tst_syncui.moc"
