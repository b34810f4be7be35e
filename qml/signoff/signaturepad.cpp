#include "signaturepad.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace careround {

SignaturePad::SignaturePad(QQuickItem *parent) : QQuickPaintedItem(parent)
{
    setAcceptedMouseButtons(Qt::LeftButton);
    setAntialiasing(true);
}

QJsonArray SignaturePad::strokes() const
{
    QJsonArray out;
    for (const QPolygonF &stroke : m_strokes) {
        QJsonArray points;
        for (const QPointF &p : stroke) {
            points.append(qRound(p.x() * 10) / 10.0);
            points.append(qRound(p.y() * 10) / 10.0);
        }
        out.append(points);
    }
    return out;
}

void SignaturePad::setStrokes(const QJsonArray &strokes)
{
    m_strokes.clear();
    m_drawing = false;
    for (const auto &stroke : strokes) {
        const QJsonArray points = stroke.toArray();
        QPolygonF polygon;
        for (int i = 0; i + 1 < points.size(); i += 2)
            polygon.append(QPointF(points[i].toDouble(), points[i + 1].toDouble()));
        if (!polygon.isEmpty())
            m_strokes.append(polygon);
    }
    emit strokesChanged();
    update();
}

void SignaturePad::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    setAcceptedMouseButtons(readOnly ? Qt::NoButton : Qt::LeftButton);
    emit readOnlyChanged();
}

void SignaturePad::setPenColor(const QColor &color)
{
    if (m_pen == color)
        return;
    m_pen = color;
    emit penColorChanged();
    update();
}

void SignaturePad::clear()
{
    if (m_strokes.isEmpty())
        return;
    m_strokes.clear();
    m_drawing = false;
    emit strokesChanged();
    update();
}

void SignaturePad::paint(QPainter *painter)
{
    // Strokes captured on a bigger pad are scaled down to fit (never up).
    qreal maxX = 1, maxY = 1;
    for (const QPolygonF &stroke : m_strokes)
        for (const QPointF &p : stroke) {
            maxX = qMax(maxX, p.x());
            maxY = qMax(maxY, p.y());
        }
    const qreal scale = qMin<qreal>(1.0, qMin(width() / maxX, height() / maxY));
    painter->setRenderHint(QPainter::Antialiasing);
    painter->scale(scale, scale);
    QPen pen(m_pen, 3.0 / qMax<qreal>(scale, 0.2), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(pen);
    for (const QPolygonF &stroke : m_strokes) {
        if (stroke.size() == 1)
            painter->drawPoint(stroke.first());
        else
            painter->drawPolyline(stroke);
    }
}

void SignaturePad::addPoint(const QPointF &point)
{
    const QPointF p(qBound<qreal>(0, point.x(), width()), qBound<qreal>(0, point.y(), height()));
    QPolygonF &stroke = m_strokes.last();
    // Skip jitter below half a pixel: it adds bytes, not shape.
    if (!stroke.isEmpty() && (stroke.last() - p).manhattanLength() < 0.5)
        return;
    stroke.append(p);
}

void SignaturePad::mousePressEvent(QMouseEvent *event)
{
    if (m_readOnly) {
        event->ignore();
        return;
    }
    m_drawing = true;
    setKeepMouseGrab(true); // a surrounding Flickable must not take the stroke
    m_strokes.append(QPolygonF());
    addPoint(event->position());
    event->accept();
    emit strokesChanged();
    update();
}

void SignaturePad::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_drawing)
        return;
    addPoint(event->position());
    update();
}

void SignaturePad::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_drawing)
        return;
    addPoint(event->position());
    m_drawing = false;
    emit strokesChanged();
    update();
}

void SignaturePad::mouseUngrabEvent()
{
    if (m_drawing) {
        m_drawing = false;
        emit strokesChanged();
    }
}

} // namespace careround
