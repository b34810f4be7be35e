import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls

// A labelled text field that saves when editing finishes (Enter or leaving the field): it
// emits edited(text) only when the text differs from the stored value.
ColumnLayout {
    id: root
    property string label: ""
    property string value: ""
    property string placeholderText: ""
    property bool readOnly: false
    property bool multiline: false
    property alias fieldObjectName: field.objectName
    signal edited(string text)
    spacing: 2

    Text {
        text: root.label
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        Layout.fillWidth: true
        elide: Text.ElideRight
    }
    TextField {
        id: field
        Layout.fillWidth: true
        implicitHeight: Theme.touchTarget
        text: root.value
        readOnly: root.readOnly
        placeholderText: root.placeholderText
        font.pixelSize: Theme.fontBody
        color: root.readOnly ? Theme.mutedText : Theme.text
        Accessible.name: root.label
        background: Rectangle {
            radius: Theme.radius
            color: root.readOnly ? Theme.background : Theme.surface
            border.color: field.activeFocus ? Theme.accent : Theme.border
            border.width: field.activeFocus ? 2 : 1
        }
        onEditingFinished: {
            if (!root.readOnly && text !== root.value)
                root.edited(text)
        }
    }
}
