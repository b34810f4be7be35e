import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The always-visible strip at the top: changes waiting to sync, last sync, text size.
Rectangle {
    id: strip
    property int pendingChanges: 0
    property string syncText: ""
    property bool showSyncState: true
    implicitHeight: Math.max(Theme.touchTarget, row.implicitHeight) + 8
    color: Theme.statusBar

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing * 2
        Text {
            text: qsTr("CareRound")
            color: Theme.statusBarText
            font.pixelSize: Theme.fontTitle
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Item { Layout.fillWidth: true }
        Text {
            objectName: "pendingChanges"
            visible: strip.showSyncState
            text: strip.pendingChanges === 0 ? qsTr("All changes synced")
                                             : qsTr("Changes waiting to sync: %1")
                                                   .arg(strip.pendingChanges)
            color: Theme.statusBarText
            font.pixelSize: Theme.fontBody
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text {
            visible: strip.showSyncState && strip.syncText.length > 0
            text: strip.syncText
            color: Theme.statusBarText
            opacity: 0.8
            font.pixelSize: Theme.fontSmall
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Switch {
            id: largeText
            checked: Theme.largeText
            onToggled: Theme.largeText = checked
            implicitHeight: Theme.touchTarget
            implicitWidth: Math.max(Theme.touchTarget, implicitIndicatorWidth + 8)
            Accessible.name: qsTr("Larger text")
        }
        Text {
            text: qsTr("Larger text")
            color: Theme.statusBarText
            font.pixelSize: Theme.fontSmall
            TapHandler { onTapped: Theme.largeText = !Theme.largeText }
        }
    }
}
