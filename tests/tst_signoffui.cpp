// Sign-off through the UI over a real store: what is signed is shown, a signature drawn on the
// pad (strokes captured as vectors), signer and relationship, Sign; then the plan is sealed on
// screen and in the store (edits refused), and a change afterwards is an amendment proposal.
#include "devicestore.h"
#include "localeditor.h"
#include "session.h"

#include <QDir>
#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_SignOffPlugin)

using namespace careround;

namespace {

void collect(QQuickItem *item, const QString &name, QList<QQuickItem *> &out)
{
    if (item->objectName() == name && item->isVisible())
        out.append(item);
    for (QQuickItem *child : item->childItems())
        collect(child, name, out);
}

QQuickItem *find(QQuickWindow *w, const char *name)
{
    QList<QQuickItem *> out;
    collect(w->contentItem(), QString::fromLatin1(name), out);
    return out.isEmpty() ? nullptr : out.first();
}

} // namespace

class TestSignOffUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void signOffThePlanAndSeeItSealed()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        Session session(m_dir.filePath("tablet.db"));
        session.open("passphrase-of-the-test");
        LocalEditor &editor = *session.editor();
        const QString client = editor.create(
            "client", {{"firstName", "Rosa"}, {"lastName", "Diaz"}, {"status", "active"}});
        const QString plan = editor.create(
            "carePlan",
            {{"clientId", client}, {"title", "Stay safely at home"}, {"status", "active"}});
        editor.create("goal", {{"carePlanId", plan},
                               {"clientId", client},
                               {"statement", "Walk to the corner shop twice a week"},
                               {"status", "open"}});

        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.setInitialProperties({{"session", QVariant::fromValue(&session)}, {"planId", plan}});
        engine.loadData("import QtQuick\nimport QtQuick.Window\nimport CareRound.Session\nimport "
                        "CareRound.SignOff\n"
                        "Window { id: root; width: 1280; height: 800; visible: true\n"
                        "required property Session session; required property string planId\n"
                        "SignOffPage { anchors.fill: parent; session: root.session; recordEntity: "
                        "\"carePlan\"; recordId: root.planId } }");
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(QTest::qWaitForWindowExposed(window));

        // Exactly what is signed is on screen.
        QTRY_VERIFY(find(window, "signedContent"));
        QTRY_VERIFY(find(window, "signedContent")
                        ->property("text")
                        .toString()
                        .contains("Walk to the corner shop"));

        // A signature drawn with a finger: strokes become vectors.
        QQuickItem *pad = nullptr;
        QTRY_VERIFY((pad = find(window, "signaturePad")));
        const QPointF origin = pad->mapToScene(QPointF(20, pad->height() / 2));
        QTest::mousePress(window, Qt::LeftButton, {}, origin.toPoint());
        for (int i = 1; i <= 10; ++i)
            QTest::mouseMove(window, (origin + QPointF(i * 15, (i % 2) * 20)).toPoint());
        QTest::mouseRelease(window, Qt::LeftButton, {}, (origin + QPointF(150, 0)).toPoint());
        QTRY_COMPARE(pad->property("strokeCount").toInt(), 1);
        find(window, "signerName")->setProperty("text", "Rosa Diaz");
        QMetaObject::invokeMethod(find(window, "relationClient"), "clicked");
        QMetaObject::invokeMethod(find(window, "signButton"), "clicked");

        // Sealed on screen and in the store.
        QTRY_VERIFY(find(window, "sealedNotice"));
        QVERIFY(find(window, "sealedText")->property("text").toString().contains("Rosa Diaz"));
        const QVector<Record> sigs = session.store()->records().findBy(
            *Schema::instance().entity("signature"), "recordId", plan);
        QCOMPARE(sigs.size(), 1);
        QCOMPARE(sigs.first().values.value("signerName").toString(), QStringLiteral("Rosa Diaz"));
        QCOMPARE(sigs.first().values.value("relationship").toString(), QStringLiteral("client"));
        QVERIFY(sigs.first().values.value("strokes").toArray().first().toArray().size() >= 4);
        QCOMPARE(sigs.first().values.value("contentHash").toString(),
                 editor.contentHash("carePlan", plan));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 editor.update("carePlan", plan, {{"title", "Something else"}}));
        const QString dir = QCoreApplication::applicationDirPath() + "/../screenshots";
        QDir().mkpath(dir);
        QVERIFY(window->grabWindow().save(dir + "/SignOff-sealed.png"));

        // A change afterwards is an amendment proposal, kept for review.
        QMetaObject::invokeMethod(find(window, "proposeAmendment"), "clicked");
        QTRY_VERIFY(find(window, "amendText"));
        find(window, "amendText")->setProperty("text", "Walk to the shop three times a week");
        QMetaObject::invokeMethod(find(window, "sendAmendment"), "clicked");
        QTRY_VERIFY(session.store()->records().count(*Schema::instance().entity("conflict")) > 0);
        const QVector<Record> proposals =
            session.store()->records().all(*Schema::instance().entity("conflict"));
        QCOMPARE(proposals.size(), 1);
        QCOMPARE(proposals.first().values.value("kind").toString(), QStringLiteral("amendment"));
        QCOMPARE(session.store()
                     ->records()
                     .find(*Schema::instance().entity("carePlan"), plan)
                     ->values.value("title")
                     .toString(),
                 QStringLiteral("Stay safely at home"));
    }
};

QTEST_MAIN(TestSignOffUi)
#include "tst_signoffui.moc"
