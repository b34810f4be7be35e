import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls

// One question answered by touch: the question and one button per option. The chosen option
// is the model's value; a tap forwards the choice (the controller saves it at once).
Rectangle {
    id: row
    property string group
    required property string key
    required property string text
    required property var options
    required property int value
    property bool readOnly: false
    property bool flagged: false
    property string flagText: ""
    signal chosen(int value)

    implicitHeight: column.implicitHeight + 16
    radius: Theme.radius
    color: flagged ? Theme.urgentSurface : "transparent"
    border.color: flagged ? Theme.urgent : "transparent"
    border.width: flagged ? 2 : 0

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 8
        spacing: 6
        Text {
            Layout.fillWidth: true
            text: row.text
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Text {
            Layout.fillWidth: true
            visible: row.flagged
            objectName: "flag_" + row.group + "_" + row.key
            text: row.flagText
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.urgent
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: row.options
                delegate: AbstractButton {
                    id: option
                    required property string modelData
                    required property int index
                    objectName: "answer_" + row.group + "_" + row.key + "_" + index
                    text: modelData
                    checkable: false
                    checked: row.value === index
                    enabled: !row.readOnly
                    implicitHeight: Theme.touchTarget
                    implicitWidth: Math.max(Theme.touchTarget + 24, label.implicitWidth + 32)
                    font.pixelSize: Theme.fontBody
                    Accessible.role: Accessible.RadioButton
                    Accessible.name: qsTr("%1: %2").arg(row.text).arg(modelData)
                    Accessible.checked: checked
                    onClicked: row.chosen(index)
                    contentItem: Text {
                        id: label
                        text: option.text
                        font: option.font
                        color: option.checked ? Theme.accentText : Theme.text
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        radius: Theme.radius
                        color: option.checked ? Theme.accent
                                              : (option.down ? Theme.selected : Theme.surface)
                        border.color: option.checked ? Theme.accent : Theme.border
                        opacity: option.enabled || option.checked ? 1 : 0.6
                    }
                }
            }
        }
    }
}
