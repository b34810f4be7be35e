import QtQuick

// The title of a section of a page.
Text {
    color: Theme.text
    font.pixelSize: Theme.fontTitle
    font.bold: true
    topPadding: Theme.spacing
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
