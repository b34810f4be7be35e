import QtQuick
import CareRound.Controls

// A goal's progress over time as a small line chart: each kept update (0-100), oldest on the
// left. Drawn only with two updates or more; the words beside it say the same for a reader.
Canvas {
    id: chart
    /** The values, oldest first. */
    property var points: []
    implicitHeight: 56
    implicitWidth: 200
    Accessible.role: Accessible.Graphic

    onPointsChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        ctx.strokeStyle = Theme.border
        ctx.lineWidth = 1
        ctx.strokeRect(0.5, 0.5, width - 1, height - 1)
        if (points.length < 2)
            return
        const x = i => 4 + i * (width - 8) / (points.length - 1)
        const y = v => height - 4 - Math.max(0, Math.min(100, v)) * (height - 8) / 100
        ctx.strokeStyle = Theme.accent
        ctx.lineWidth = 2
        ctx.beginPath()
        ctx.moveTo(x(0), y(points[0]))
        for (let i = 1; i < points.length; ++i)
            ctx.lineTo(x(i), y(points[i]))
        ctx.stroke()
        ctx.fillStyle = Theme.accent
        for (let i = 0; i < points.length; ++i) {
            ctx.beginPath()
            ctx.arc(x(i), y(points[i]), 3, 0, 2 * Math.PI)
            ctx.fill()
        }
    }
}
