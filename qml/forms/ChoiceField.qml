import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls

// A labelled picker over choices ({value, label} maps). For a status the choices are the
// current status first and then only the statuses it may move to. chosen(value) is emitted
// when the person picks a different value.
ColumnLayout {
    id: root
    property string label: ""
    property string value: ""
    property var choices: []
    property bool readOnly: false
    property alias boxObjectName: box.objectName
    signal chosen(string value)
    spacing: 2

    function indexOfValue(v) {
        for (let i = 0; i < choices.length; ++i)
            if (choices[i].value === v)
                return i
        return -1
    }

    Text {
        visible: root.label.length > 0
        text: root.label
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
    ComboBox {
        id: box
        Layout.fillWidth: true
        implicitHeight: Theme.touchTarget
        font.pixelSize: Theme.fontBody
        enabled: !root.readOnly
        model: root.choices
        textRole: "label"
        valueRole: "value"
        currentIndex: count > 0 ? root.indexOfValue(root.value) : -1
        displayText: currentIndex < 0 ? qsTr("Choose…") : currentText
        Accessible.name: root.label
        delegate: ItemDelegate {
            required property var modelData
            required property int index
            width: box.width
            implicitHeight: Theme.touchTarget
            text: modelData.label
            font.pixelSize: Theme.fontBody
            highlighted: box.highlightedIndex === index
            Accessible.name: modelData.label
        }
        onActivated: index => {
            const v = root.choices[index].value
            if (v !== root.value)
                root.chosen(v)
        }
    }
}
