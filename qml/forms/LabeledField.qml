import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls

// A labelled text field that saves when editing finishes (Enter or leaving the field): it
// emits edited(text) only when the text differs from the stored value. A multiline field wraps
// its text over as many lines as it needs (long statements are read whole, not scrolled); a
// single-line one shows the start of its value whenever it is not being edited.
ColumnLayout {
    id: root
    property string label: ""
    property string value: ""
    property string placeholderText: ""
    property bool readOnly: false
    property bool multiline: false
    property string fieldObjectName: ""
    signal edited(string text)
    spacing: 2

    function finish(text) {
        if (!root.readOnly && text !== root.value)
            root.edited(text)
    }

    Text {
        text: root.label
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
    // One editor, made for the kind of field (a hidden second one would be built for every
    // field of every goal and step).
    Loader {
        Layout.fillWidth: true
        sourceComponent: root.multiline ? areaEditor : lineEditor
    }

    component Frame: Rectangle {
        required property Item editor
        radius: Theme.radius
        color: root.readOnly ? Theme.background : Theme.surface
        border.color: editor.activeFocus ? Theme.accent : Theme.border
        border.width: editor.activeFocus ? 2 : 1
    }
    Component {
        id: lineEditor
        TextField {
            id: field
            objectName: root.fieldObjectName
            implicitHeight: Theme.touchTarget
            text: root.value
            readOnly: root.readOnly
            placeholderText: root.placeholderText
            font.pixelSize: Theme.fontBody
            color: root.readOnly ? Theme.mutedText : Theme.text
            Accessible.name: root.label
            background: Frame { editor: field }
            onTextChanged: if (!activeFocus) cursorPosition = 0
            onActiveFocusChanged: if (!activeFocus) cursorPosition = 0
            onEditingFinished: root.finish(text)
        }
    }
    Component {
        id: areaEditor
        TextArea {
            id: area
            objectName: root.fieldObjectName
            implicitHeight: Math.max(Theme.touchTarget, contentHeight + topPadding + bottomPadding)
            text: root.value
            readOnly: root.readOnly
            placeholderText: root.placeholderText
            wrapMode: TextEdit.Wrap
            font.pixelSize: Theme.fontBody
            color: root.readOnly ? Theme.mutedText : Theme.text
            Accessible.name: root.label
            background: Frame { editor: area }
            onEditingFinished: root.finish(text)
        }
    }
}
