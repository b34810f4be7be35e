import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls

// A list of short texts (risk flags, what a consent shares): each shown as a chip that can be
// removed, a field to add one, and suggestions added with one tap. items is the list as edited.
ColumnLayout {
    id: root
    property string label: ""
    property var value: []
    property var suggestions: []
    property var items: value.slice()
    property alias fieldObjectName: field.objectName
    spacing: 4

    function add(text) {
        const t = text.trim()
        if (t.length === 0 || items.indexOf(t) >= 0)
            return
        items = items.concat([t])
    }

    Text {
        visible: root.label.length > 0
        text: root.label
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
    Flow {
        Layout.fillWidth: true
        spacing: 6
        Repeater {
            model: root.items
            delegate: TouchButton {
                required property string modelData
                required property int index
                text: modelData + "  ×"
                Accessible.name: qsTr("Remove %1").arg(modelData)
                onClicked: {
                    const copy = root.items.slice()
                    copy.splice(index, 1)
                    root.items = copy
                }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 6
        TextField {
            id: field
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("Add another")
            Accessible.name: qsTr("Add to %1").arg(root.label)
            onAccepted: { root.add(text); text = "" }
        }
        TouchButton {
            text: qsTr("Add")
            Accessible.name: qsTr("Add to %1").arg(root.label)
            onClicked: { root.add(field.text); field.text = "" }
        }
    }
    Flow {
        Layout.fillWidth: true
        spacing: 6
        visible: root.suggestions.length > 0
        Repeater {
            model: root.suggestions.filter(s => root.items.indexOf(s) < 0)
            delegate: FilterChip {
                required property string modelData
                text: "+ " + modelData
                Accessible.name: qsTr("Add %1").arg(modelData)
                onClicked: root.add(modelData)
            }
        }
    }
}
