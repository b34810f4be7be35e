import QtQuick
import QtQuick.Layouts

// The title of a section of a page: as wide as its column, wrapping a long title.
Text {
    Layout.fillWidth: true
    color: Theme.text
    font.pixelSize: Theme.fontTitle
    font.bold: true
    topPadding: Theme.spacing
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
