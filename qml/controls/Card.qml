import QtQuick
import QtQuick.Layouts

// A white panel holding a column of content.
Rectangle {
    default property alias content: column.data
    property alias spacing: column.spacing
    implicitHeight: column.implicitHeight + 2 * Theme.margin
    implicitWidth: column.implicitWidth + 2 * Theme.margin
    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.border
    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 6
    }
}
