import QtQuick
import QtQuick.Controls.Basic

// A checkable chip for list filters; touch-sized.
AbstractButton {
    id: chip
    checkable: true
    implicitHeight: Theme.touchTarget
    implicitWidth: label.implicitWidth + 32
    font.pixelSize: Theme.fontBody
    Accessible.role: Accessible.CheckBox
    Accessible.name: text
    Accessible.checked: checked
    contentItem: Text {
        id: label
        text: chip.text
        font: chip.font
        color: chip.checked ? Theme.accentText : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: height / 2
        color: chip.checked ? Theme.accent : Theme.surface
        border.color: chip.checked ? Theme.accent : Theme.border
    }
}
