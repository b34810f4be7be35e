import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A search box with a clear button; text changes are forwarded as typed.
Rectangle {
    id: root
    property alias text: field.text
    property alias placeholderText: field.placeholderText
    property string accessibleName: placeholderText
    implicitHeight: Theme.touchTarget + 4
    implicitWidth: 320
    radius: Theme.radius
    color: Theme.surface
    border.color: field.activeFocus ? Theme.accent : Theme.border
    border.width: field.activeFocus ? 2 : 1

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        spacing: 4
        TextField {
            id: field
            Layout.fillWidth: true
            Layout.fillHeight: true
            font.pixelSize: Theme.fontBody
            color: Theme.text
            background: null
            inputMethodHints: Qt.ImhNoPredictiveText
            Accessible.name: root.accessibleName
        }
        ToolButton {
            visible: field.text.length > 0
            text: "\u2715"
            font.pixelSize: Theme.fontBody
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            Accessible.name: qsTr("Clear search")
            onClicked: field.clear()
        }
    }
}
