import QtQuick
import QtQuick.Controls.Basic

// A button at least one touch target high and wide, named for screen readers by its text.
Button {
    id: control
    property bool primary: false
    implicitHeight: Math.max(Theme.touchTarget, contentItem.implicitHeight + 16)
    implicitWidth: Math.max(Theme.touchTarget, contentItem.implicitWidth + 32)
    font.pixelSize: Theme.fontBody
    Accessible.name: text
    contentItem: Text {
        text: control.text
        font: control.font
        color: control.primary ? Theme.accentText : Theme.accent
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.primary ? (control.down ? Qt.darker(Theme.accent, 1.2) : Theme.accent)
                               : (control.down ? Theme.selected : Theme.surface)
        border.color: control.primary ? Theme.accent : Theme.border
        opacity: control.enabled ? 1 : 0.5
    }
}
