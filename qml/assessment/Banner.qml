import QtQuick
import QtQuick.Layouts
import CareRound.Controls

// A full-width message under the header: urgent (red) or informative.
Rectangle {
    property alias text: label.text
    property bool urgent: false
    Layout.fillWidth: true
    implicitHeight: label.implicitHeight + 2 * Theme.spacing
    color: urgent ? Theme.urgentSurface : Theme.selected
    border.color: urgent ? Theme.urgent : Theme.accent
    Accessible.role: Accessible.AlertMessage
    Accessible.name: label.text
    Text {
        id: label
        anchors.fill: parent
        anchors.margins: Theme.spacing
        anchors.leftMargin: Theme.margin
        font.pixelSize: Theme.fontBody
        font.bold: parent.urgent
        color: parent.urgent ? Theme.urgent : Theme.text
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
    }
}
