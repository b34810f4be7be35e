#pragma once

// The one harness of the UI tests: a demo agency store, a screen of the tablet app (one Page,
// or the whole Main.qml) loaded offscreen over a real encrypted store, and its items found the
// way a person does: by objectName and what they show, tapped as a finger would. Screenshots
// go to <build>/screenshots/.
#include "demostore.h"
#include "devicestore.h"
#include "localeditor.h"
#include "session.h"

#include <QCoreApplication>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QQuickWindow>
#include <QTest>

#include <memory>

namespace careround::test {

/** The "today" of the UI tests' demo agencies. */
inline const QDate kPageToday(2026, 11, 22);

/** A demo agency store at path (encrypted with key), made as edits on the tablet; returned open. */
inline DemoStore createDemoStore(const QString &path, const QByteArray &key, int clients,
                                 const QDate &today = kPageToday)
{
    DemoStore::Options options;
    options.path = path;
    options.key = key;
    options.actorId = QStringLiteral("test");
    options.agency.today = today;
    options.agency.clientCount = clients;
    return DemoStore::create(options);
}

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

/** Items of a visual tree with an objectName, shown or not. */
inline QList<QQuickItem *> visualItems(QQuickItem *root, const char *name)
{
    return items(root, name);
}

inline QList<QQuickItem *> visualItems(QQuickWindow *window, const char *name)
{
    return items(window->contentItem(), name);
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

/** True when the object is an item that is visible. */
inline bool shown(QObject *item)
{
    auto *q = qobject_cast<QQuickItem *>(item);
    return q && q->isVisible();
}

/** Types into a field and finishes editing (what Enter or leaving the field does). */
inline void typeInto(QQuickItem *field, const QString &text)
{
    field->setProperty("text", text);
    QMetaObject::invokeMethod(field, "editingFinished");
}

/** Presses a button by its clicked() signal (when it may be scrolled out of view). */
inline void click(QObject *button)
{
    QMetaObject::invokeMethod(button, "clicked");
}

/** <build>/screenshots, made when missing. */
inline QString screenshotDir()
{
    QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/../screenshots");
    QDir().mkpath(dir);
    return dir;
}

/** The path of a file in <build>/screenshots. */
inline QString screenshotPath(const QString &fileName)
{
    return QDir(screenshotDir()).absoluteFilePath(fileName);
}

/** Saves the window to <build>/screenshots/<name>.png; returns the path. */
inline QString saveScreenshot(QQuickWindow *window, const QString &name)
{
    QString path = screenshotPath(name + QStringLiteral(".png"));
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

/**
 * A screen in a window, offscreen: one Page by its QML file in a view (root() is the page),
 * one Page by its type inside a Window (page), or the whole app (Main.qml). The session is
 * the caller's, or the harness's own when it opens the store itself.
 */
struct PageHarness {
    std::unique_ptr<Session> session; ///< the harness's own session (empty when the caller's)
    std::unique_ptr<QQmlApplicationEngine> engine;
    std::unique_ptr<QQuickView> view;
    QQuickWindow *window = nullptr;
    QQuickItem *page = nullptr;

    /** The Page in pageUrl, in a 1280x800 view, over its own session unlocked with key. */
    PageHarness(const QString &storePath, const QByteArray &key, const QString &pageUrl,
                const QVariantMap &properties)
    {
        session = std::make_unique<Session>(storePath);
        session->open(key);
        view = std::make_unique<QQuickView>();
        view->engine()->addImportPath(QStringLiteral("qrc:/"));
        QVariantMap initial = properties;
        initial.insert(QStringLiteral("session"), QVariant::fromValue(session.get()));
        view->setInitialProperties(initial);
        view->setResizeMode(QQuickView::SizeRootObjectToView);
        view->resize(1280, 800);
        view->setSource(QUrl(pageUrl));
        view->show();
        window = view.get();
        page = view->rootObject();
    }

    /** `import <module>` and `<pageType> { ... }` filling a 1280x800 window; waits until shown. */
    PageHarness(Session *caller, const QString &module, const QString &pageType,
                const QString &clientId, const QString &recordId = {})
    {
        engine = std::make_unique<QQmlApplicationEngine>();
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->setInitialProperties({{"session", QVariant::fromValue(caller)},
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

    /** The whole app (Main.qml) over the caller's session. */
    static PageHarness app(Session *caller)
    {
        PageHarness h;
        h.engine = std::make_unique<QQmlApplicationEngine>();
        h.engine->addImportPath(QStringLiteral("qrc:/"));
        h.engine->setInitialProperties({{"session", QVariant::fromValue(caller)}});
        h.engine->load(QUrl(QStringLiteral("qrc:/CareRound/App/Main.qml")));
        if (!h.engine->rootObjects().isEmpty())
            h.window = qobject_cast<QQuickWindow *>(h.engine->rootObjects().constFirst());
        if (h.window)
            h.page = h.window->contentItem();
        return h;
    }

    /** The whole app over its own session of the store at storePath (still locked). */
    static PageHarness app(const QString &storePath, const QDate &today)
    {
        auto own = std::make_unique<Session>(storePath);
        own->setToday(today);
        PageHarness h = app(own.get());
        h.session = std::move(own);
        return h;
    }

    bool ok() const { return view && view->status() == QQuickView::Ready && view->rootObject(); }
    QQuickItem *root() const { return page; }

    /** An object of the window by objectName (QObject children, not delegates). */
    template <typename T = QObject> T *find(const char *name) const
    {
        return window ? window->findChild<T *>(QString::fromLatin1(name)) : nullptr;
    }

    /** The first item of the visual tree with this objectName (delegates included). */
    QQuickItem *item(const QString &name, bool visibleOnly = true) const
    {
        QList<QQuickItem *> out;
        collect(window->contentItem(), name, out, visibleOnly);
        return out.value(0);
    }
    QList<QQuickItem *> items(const QString &prefix, bool visibleOnly = true) const
    {
        QList<QQuickItem *> out;
        collect(window->contentItem(), prefix, out, visibleOnly, true);
        return out;
    }
    /** Taps an item in its centre, as a finger would (it must be on screen). */
    void tap(QQuickItem *item) const
    {
        const QPointF c = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(window, Qt::LeftButton, {}, c.toPoint());
    }
    /** Presses a button by its clicked() signal (when it may be scrolled out of view). */
    static void press(QObject *button) { click(button); }

    QString text(const QString &name) const
    {
        QQuickItem *i = item(name, false);
        return i ? i->property("text").toString() : QString();
    }

    void screenshot(const QString &name) const
    {
        const QImage image = window->grabWindow();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(screenshotDir() + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

private:
    PageHarness() = default;

    static void collect(QQuickItem *item, const QString &name, QList<QQuickItem *> &out,
                        bool visibleOnly, bool prefix = false)
    {
        if (visibleOnly && !item->isVisible())
            return;
        if (prefix ? item->objectName().startsWith(name) : item->objectName() == name)
            out.append(item);
        for (QQuickItem *child : item->childItems())
            collect(child, name, out, visibleOnly, prefix);
    }
};

} // namespace careround::test
