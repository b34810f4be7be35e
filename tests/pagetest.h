#pragma once

// Loading one screen of the tablet app in a window, offscreen, over a real encrypted store,
// and finding its items the way a person does: by objectName and what they show.
#include "demoagency.h"
#include "devicestore.h"
#include "localeditor.h"
#include "session.h"

#include <QCoreApplication>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

namespace careround::test {

inline const QDate kPageToday(2026, 11, 22);

/** A demo agency store at path (encrypted with key). */
inline void createDemoStore(const QString &path, const QByteArray &key, int clients)
{
    DeviceStore::Options o;
    o.path = path;
    o.key = key;
    auto store = DeviceStore::open(o);
    store->db().exec("PRAGMA synchronous=OFF");
    LocalEditor editor(*store, "test");
    DemoAgency::Options demo;
    demo.today = kPageToday;
    demo.clientCount = clients;
    DemoAgency::generate(editor, demo);
}

/** A window holding one page: `import <module>` and `<Page> { ... }`. */
struct PageWindow {
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow *window = nullptr;
    QQuickItem *page = nullptr;

    PageWindow(Session *session, const QString &module, const QString &pageType,
               const QString &clientId, const QString &recordId = {})
    {
        engine = std::make_unique<QQmlApplicationEngine>();
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->setInitialProperties({{"session", QVariant::fromValue(session)},
                                      {"clientId", clientId},
                                      {"recordId", recordId}});
        const QString qml =
            QStringLiteral("import QtQuick\nimport QtQuick.Window\nimport CareRound.Session\n"
                           "import %1\n"
                           "Window {\n id: root\n width: 1280; height: 800; visible: true\n"
                           " required property Session session\n"
                           " property string clientId\n property string recordId\n"
                           " %2 { objectName: \"page\"; anchors.fill: parent; "
                           "session: root.session; clientId: root.clientId; "
                           "recordId: root.recordId }\n}\n")
                .arg(module, pageType);
        engine->loadData(qml.toUtf8());
        if (!engine->rootObjects().isEmpty())
            window = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
        if (window) {
            // Until the window is exposed its content has no size: wait for that state.
            if (!QTest::qWaitForWindowExposed(window))
                qWarning("The page's window was never exposed");
            page = window->contentItem()->childItems().value(0);
        }
    }
};

inline void collectItems(QQuickItem *item, const QString &name, QList<QQuickItem *> &out)
{
    if (item->objectName() == name)
        out.append(item);
    for (QQuickItem *child : item->childItems())
        collectItems(child, name, out);
}

/** Items of the visual tree under root with an objectName (delegates included). */
inline QList<QQuickItem *> items(QQuickItem *root, const char *name)
{
    QList<QQuickItem *> out;
    if (root)
        collectItems(root, QString::fromLatin1(name), out);
    return out;
}

inline QList<QQuickItem *> visibleItems(QQuickItem *root, const char *name)
{
    QList<QQuickItem *> out;
    for (QQuickItem *i : items(root, name))
        if (i->isVisible())
            out.append(i);
    return out;
}

/** The first visible item with this objectName (nullptr when none). */
inline QQuickItem *item(QQuickItem *root, const char *name)
{
    return visibleItems(root, name).value(0);
}

/** The first visible item with this objectName whose "text" property is text. */
inline QQuickItem *itemWithText(QQuickItem *root, const char *name, const QString &text)
{
    for (QQuickItem *i : visibleItems(root, name))
        if (i->property("text").toString() == text)
            return i;
    return nullptr;
}

/** Types into a field and finishes editing (what Enter or leaving the field does). */
inline void typeInto(QQuickItem *field, const QString &text)
{
    field->setProperty("text", text);
    QMetaObject::invokeMethod(field, "editingFinished");
}

inline void click(QQuickItem *button)
{
    QMetaObject::invokeMethod(button, "clicked");
}

/** Saves the window to <build>/screenshots/<name>.png; returns the path. */
inline QString saveScreenshot(QQuickWindow *window, const QString &name)
{
    QDir dir(QCoreApplication::applicationDirPath() + QStringLiteral("/../screenshots"));
    dir.mkpath(QStringLiteral("."));
    const QString path = dir.absoluteFilePath(name + QStringLiteral(".png"));
    window->grabWindow().save(path);
    return path;
}

/** Records of a kind matching a field value, not voided. */
inline QVector<Record> liveRecords(DeviceStore &store, const char *entity, const char *field,
                                   const QString &value)
{
    QVector<Record> out;
    for (const Record &r : store.records().findBy(*Schema::instance().entity(entity),
                                                  QString::fromLatin1(field), value))
        if (!r.isVoided())
            out.append(r);
    return out;
}

} // namespace careround::test
