#pragma once

// Loads one screen's Page QML offscreen over a real encrypted store, for the UI tests of a
// single screen: finds items by objectName, clicks them as a finger would and saves
// screenshots to <build>/screenshots/.
#include "demoagency.h"
#include "devicestore.h"
#include "localeditor.h"
#include "session.h"

#include <QCoreApplication>
#include <QDir>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QTest>

#include <memory>

namespace careround::test {

inline void createDemoStore(const QString &path, const QByteArray &key, int clients,
                            const QDate &today)
{
    DeviceStore::Options o;
    o.path = path;
    o.key = key;
    auto store = DeviceStore::open(o);
    store->db().exec("PRAGMA synchronous=OFF");
    LocalEditor editor(*store, "test");
    DemoAgency::Options demo;
    demo.today = today;
    demo.clientCount = clients;
    DemoAgency::generate(editor, demo);
}

struct PageHarness {
    std::unique_ptr<Session> session;
    std::unique_ptr<QQuickView> view;

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
    }
    bool ok() const { return view->status() == QQuickView::Ready && view->rootObject(); }
    QQuickItem *root() const { return view->rootObject(); }

    /** The first item of the visual tree with this objectName (delegates included). */
    QQuickItem *item(const QString &name, bool visibleOnly = true) const
    {
        QList<QQuickItem *> out;
        collect(view->contentItem(), name, out, visibleOnly);
        return out.value(0);
    }
    QList<QQuickItem *> items(const QString &prefix, bool visibleOnly = true) const
    {
        QList<QQuickItem *> out;
        collect(view->contentItem(), prefix, out, visibleOnly, true);
        return out;
    }
    /** Taps an item in its centre, as a finger would (it must be on screen). */
    void tap(QQuickItem *item) const
    {
        const QPointF c = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(view.get(), Qt::LeftButton, {}, c.toPoint());
    }
    /** Presses a button by its clicked() signal (when it may be scrolled out of view). */
    static void press(QObject *button) { QMetaObject::invokeMethod(button, "clicked"); }

    QString text(const QString &name) const
    {
        QQuickItem *i = item(name, false);
        return i ? i->property("text").toString() : QString();
    }

    void screenshot(const QString &name) const
    {
        const QString dir =
            QCoreApplication::applicationDirPath() + QStringLiteral("/../screenshots");
        QDir().mkpath(dir);
        const QImage image = view->grabWindow();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

private:
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
