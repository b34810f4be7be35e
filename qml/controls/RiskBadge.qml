import QtQuick

// A small label for a risk flag ("falls risk"), readable and named for screen readers.
Rectangle {
    property alias text: label.text
    implicitWidth: label.implicitWidth + 16
    implicitHeight: label.implicitHeight + 6
    radius: height / 2
    color: Theme.warningSurface
    border.color: Theme.warning
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Risk: %1").arg(label.text)
    Text {
        id: label
        anchors.centerIn: parent
        color: Theme.warning
        font.pixelSize: Theme.fontSmall
    }
}
