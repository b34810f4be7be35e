import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls

// "Remove" asks for a reason first (records are voided, never deleted), then emits
// removeConfirmed(reason).
RowLayout {
    id: root
    property string what: ""
    property bool asking: false
    signal removeConfirmed(string reason)
    spacing: Theme.spacing / 2

    TouchButton {
        visible: !root.asking
        text: qsTr("Remove")
        Accessible.name: qsTr("Remove %1").arg(root.what)
        onClicked: root.asking = true
    }
    TextField {
        id: reason
        visible: root.asking
        Layout.fillWidth: true
        implicitHeight: Theme.touchTarget
        font.pixelSize: Theme.fontBody
        placeholderText: qsTr("Why remove it?")
        Accessible.name: qsTr("Reason for removing %1").arg(root.what)
    }
    TouchButton {
        visible: root.asking
        enabled: reason.text.trim().length > 0
        text: qsTr("Remove")
        Accessible.name: qsTr("Confirm removing %1").arg(root.what)
        onClicked: {
            root.removeConfirmed(reason.text)
            root.asking = false
            reason.clear()
        }
    }
    TouchButton {
        visible: root.asking
        text: qsTr("Keep")
        Accessible.name: qsTr("Keep %1").arg(root.what)
        onClicked: { root.asking = false; reason.clear() }
    }
}
