#pragma once

#include <QColor>
#include <QJsonArray>
#include <QPolygonF>
#include <QQuickPaintedItem>
#include <QVector>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * A signature pad: collects finger, stylus or mouse strokes as vectors (touch and tablet
 * input arrive as synthesized mouse events) and draws them. `strokes` is the JSON form a
 * signature record stores: an array of strokes, each a flat array [x, y, x, y, ...] in the
 * pad's pixels. Read-only, it shows stored strokes, scaled down to fit when drawn larger.
 */
class SignaturePad : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QJsonArray strokes READ strokes WRITE setStrokes NOTIFY strokesChanged)
    Q_PROPERTY(bool empty READ isEmpty NOTIFY strokesChanged)
    Q_PROPERTY(int strokeCount READ strokeCount NOTIFY strokesChanged)
    Q_PROPERTY(bool readOnly READ readOnly WRITE setReadOnly NOTIFY readOnlyChanged)
    Q_PROPERTY(QColor penColor READ penColor WRITE setPenColor NOTIFY penColorChanged)

public:
    explicit SignaturePad(QQuickItem *parent = nullptr);

    QJsonArray strokes() const;
    void setStrokes(const QJsonArray &strokes);
    bool isEmpty() const { return m_strokes.isEmpty(); }
    int strokeCount() const { return int(m_strokes.size()); }
    bool readOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);
    QColor penColor() const { return m_pen; }
    void setPenColor(const QColor &color);

    Q_INVOKABLE void clear();

    void paint(QPainter *painter) override;

signals:
    void strokesChanged();
    void readOnlyChanged();
    void penColorChanged();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseUngrabEvent() override;

private:
    void addPoint(const QPointF &point);

    QVector<QPolygonF> m_strokes;
    bool m_drawing = false;
    bool m_readOnly = false;
    QColor m_pen = QColor(0x1f, 0x23, 0x28);
};

} // namespace careround
