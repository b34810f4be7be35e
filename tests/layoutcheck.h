#pragma once

// The screen checks of tst_screens: a walk of a window's visible item tree that reports what a
// person would see as broken: text cut short (elided, or spilling out of its box), a single-line
// field scrolled so its start is hidden, an item lying outside the window (or outside the area
// that clips it), and a control smaller than a touch target.
#include <QAccessible>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRectF>
#include <QSet>
#include <QStringList>

namespace careround::test {

/** The smallest touch target (px), as the app's Theme.touchTarget. */
inline constexpr qreal kTouchTarget = 48;

inline bool shownInScene(const QQuickItem *item)
{
    for (const QQuickItem *i = item; i; i = i->parentItem())
        if (!i->isVisible() || i->opacity() == 0)
            return false;
    return item->width() > 0 && item->height() > 0;
}

/** Every visible item under item, item included. */
inline void collectShown(QQuickItem *item, QList<QQuickItem *> &out)
{
    if (!item->isVisible() || item->opacity() == 0)
        return;
    out.append(item);
    for (QQuickItem *child : item->childItems())
        collectShown(child, out);
}

/** A line naming an item for a failure message: its type, objectName, text and place. */
inline QString describeItem(const QQuickItem *item)
{
    const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    QString name = QString::fromLatin1(item->metaObject()->className());
    name = name.left(name.indexOf(QLatin1Char('_')) > 0 ? name.indexOf(QLatin1Char('_')) : -1);
    QString where;
    for (const QQuickItem *i = item; i && where.isEmpty(); i = i->parentItem())
        where = i->objectName();
    const QString text = item->property("text").toString().left(60);
    if (qEnvironmentVariableIsSet("CAREROUND_LAYOUT_DEBUG"))
        for (const QQuickItem *i = item; i; i = i->parentItem())
            qDebug() << "  " << i << i->childItems().size();
    return QStringLiteral("%1%2%3 at %4,%5 %6x%7")
        .arg(name, where.isEmpty() ? QString() : QStringLiteral(" in ") + where,
             text.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(text))
        .arg(r.x())
        .arg(r.y())
        .arg(r.width())
        .arg(r.height());
}

/** Whether the flickable scrolls along the axis (its content is larger than its view). */
inline bool scrolls(const QQuickItem *flickable, Qt::Orientation axis)
{
    if (axis == Qt::Horizontal)
        return flickable->property("contentWidth").toReal() > flickable->width() + 1;
    return flickable->property("contentHeight").toReal() > flickable->height() + 1;
}

/**
 * Items whose rectangle leaves the area they are shown in: the window, or the nearest ancestor
 * that clips. Content of a Flickable may run out of it along the axis it scrolls on (that is
 * what scrolling is for), never across it.
 */
inline QStringList outsideTheirArea(QQuickWindow *window, const QList<QQuickItem *> &shown)
{
    QStringList found;
    QSet<const QQuickItem *> reported; // an item out of its area, whose children are not listed
    const auto underReported = [&](const QQuickItem *item) {
        for (const QQuickItem *a = item->parentItem(); a; a = a->parentItem())
            if (reported.contains(a))
                return true;
        return false;
    };
    const QRectF windowRect(0, 0, window->width(), window->height());
    for (QQuickItem *item : shown) {
        if (!shownInScene(item) || item == window->contentItem() || underReported(item))
            continue;
        // An empty item with nothing under it shows nothing that could be cut.
        if (!item->flags().testFlag(QQuickItem::ItemHasContents) && item->childItems().isEmpty())
            continue;
        // A Flickable's content item is an invisible container: it may keep an old size after
        // a turn (Qt 6.4's ListView does), which shows nothing; what it holds is checked.
        if (QQuickItem *p = item->parentItem();
            p && p->inherits("QQuickFlickable") &&
            p->property("contentItem").value<QQuickItem *>() == item)
            continue;
        const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        bool freeX = false;
        bool freeY = false;
        QRectF area = windowRect;
        for (QQuickItem *a = item->parentItem(); a; a = a->parentItem()) {
            const bool flickable = a->inherits("QQuickFlickable");
            if (flickable) {
                freeX = freeX || scrolls(a, Qt::Horizontal);
                freeY = freeY || scrolls(a, Qt::Vertical);
            }
            if (flickable || a->clip()) {
                area = a->mapRectToScene(QRectF(0, 0, a->width(), a->height()));
                break;
            }
        }
        const qreal slack = 1;
        const bool outX = r.left() < area.left() - slack || r.right() > area.right() + slack;
        const bool outY = r.top() < area.top() - slack || r.bottom() > area.bottom() + slack;
        // Fully scrolled out of view is not cut; partly out along the scrolling axis neither.
        if ((outX && !freeX) || (outY && !freeY)) {
            reported.insert(item);
            found.append(describeItem(item) + QStringLiteral(": outside its area %1,%2 %3x%4")
                                                  .arg(area.x())
                                                  .arg(area.y())
                                                  .arg(area.width())
                                                  .arg(area.height()));
        }
    }
    return found;
}

/**
 * Text cut short: a Text elided or past its maximum line count (unless the item says
 * `elideIntended: true`), a Text whose words spill out of its box, and a single-line field
 * without focus that shows the end of its text instead of its start.
 */
inline QStringList cutText(const QList<QQuickItem *> &shown)
{
    QStringList found;
    for (QQuickItem *item : shown) {
        if (!shownInScene(item))
            continue;
        if (item->inherits("QQuickText")) {
            if (item->property("truncated").toBool() && !item->property("elideIntended").toBool())
                found.append(describeItem(item) + QStringLiteral(": elided"));
            else if (item->property("contentWidth").toReal() > item->width() + 1 &&
                     item->property("elide").toInt() == Qt::ElideNone)
                found.append(describeItem(item) + QStringLiteral(": text wider than its box"));
            else if (item->property("contentHeight").toReal() > item->height() + 1)
                found.append(describeItem(item) + QStringLiteral(": text taller than its box"));
        } else if (item->inherits("QQuickTextInput") && item->parentItem() &&
                   item->parentItem()->inherits("QQuickComboBox") &&
                   item->property("contentWidth").toReal() > item->width() + 1) {
            // A combo box shows its choice in a field it does not scroll: cut is cut.
            found.append(describeItem(item) + QStringLiteral(": choice wider than its box"));
        } else if (item->inherits("QQuickTextInput") && !item->hasActiveFocus()) {
            QRectF start;
            QMetaObject::invokeMethod(item, "positionToRectangle", Q_RETURN_ARG(QRectF, start),
                                      Q_ARG(int, 0));
            if (start.x() < -1)
                found.append(describeItem(item) + QStringLiteral(": shows the end, not the start"));
        }
    }
    return found;
}

/**
 * Whether a person can operate the item: a button of any kind (checkboxes, switches, tabs, list
 * rows), an editable text field, a combo box, slider or spin box. By type, not by accessible
 * role: Qt Quick gives an item an accessible interface only once a screen reader is running
 * (or the item sets Accessible properties), and none runs offscreen.
 */
inline bool isControl(const QQuickItem *item)
{
    if (!item->isEnabled())
        return false;
    if (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"))
        return !item->property("readOnly").toBool();
    return item->inherits("QQuickAbstractButton") || item->inherits("QQuickComboBox") ||
           item->inherits("QQuickSlider") || item->inherits("QQuickSpinBox");
}

/** Controls shown smaller than a touch target either way. */
inline QStringList smallTargets(const QList<QQuickItem *> &shown)
{
    QStringList found;
    for (QQuickItem *item : shown) {
        if (!shownInScene(item) || !isControl(item))
            continue;
        if (item->width() < kTouchTarget - 0.5 || item->height() < kTouchTarget - 0.5)
            found.append(describeItem(item) + QStringLiteral(": smaller than a touch target"));
    }
    return found;
}

/**
 * Controls shown without a name for screen readers: the accessible name where Qt Quick made an
 * interface, else the text a screen reader would read (a button's text, a field's placeholder).
 * checked counts the controls seen.
 */
inline QStringList unnamedControls(const QList<QQuickItem *> &shown, int &checked)
{
    checked = 0;
    QStringList missing;
    for (QQuickItem *item : shown) {
        if (!shownInScene(item) || !isControl(item))
            continue;
        ++checked;
        QString name;
        if (QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item))
            name = iface->text(QAccessible::Name);
        if (name.trimmed().isEmpty())
            name = item->property("text").toString() +
                   item->property("placeholderText").toString() +
                   item->property("displayText").toString();
        if (name.trimmed().isEmpty())
            missing.append(describeItem(item) + QStringLiteral(": no accessible name"));
    }
    return missing;
}

} // namespace careround::test
