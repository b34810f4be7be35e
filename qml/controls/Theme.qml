pragma Singleton
import QtQuick

// The one place for colours, sizes and spacing. largeText scales every font for reading at
// arm's length; touch targets never go below 48 px.
QtObject {
    property bool largeText: false
    readonly property real fontScale: largeText ? 1.3 : 1.0

    readonly property int touchTarget: 48
    readonly property int spacing: 12
    readonly property int margin: 16
    readonly property int radius: 8

    readonly property int fontSmall: Math.round(14 * fontScale)
    readonly property int fontBody: Math.round(17 * fontScale)
    readonly property int fontTitle: Math.round(22 * fontScale)
    readonly property int fontHeading: Math.round(28 * fontScale)

    readonly property color background: "#f4f6f8"
    readonly property color surface: "#ffffff"
    readonly property color selected: "#dbeafe"
    readonly property color border: "#d0d7de"
    readonly property color text: "#1f2328"
    readonly property color mutedText: "#57606a"
    readonly property color accent: "#0b5cad"
    readonly property color accentText: "#ffffff"
    readonly property color urgent: "#b42318"
    readonly property color urgentSurface: "#fdecea"
    readonly property color warning: "#8a5300"
    readonly property color warningSurface: "#fff4e0"
    readonly property color ok: "#1a7f37"
    readonly property color statusBar: "#24292f"
    readonly property color statusBarText: "#ffffff"
}
