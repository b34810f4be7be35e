import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The always-visible strip at the top: offline or syncing (with progress), changes waiting
// to sync, last sync, open conflicts, "Sync now", and the text size.
Rectangle {
    id: strip
    property int pendingChanges: 0
    property string syncText: ""
    property bool showSyncState: true
    property string syncState: "local" // local, offline, syncing, upToDate, error, revoked
    property real syncProgress: -1
    property int openConflicts: 0
    signal syncRequested()
    signal conflictsRequested()
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
        Rectangle {
            objectName: "connectionState"
            visible: strip.showSyncState && strip.syncState !== "local"
            radius: height / 2
            implicitHeight: stateText.implicitHeight + 8
            implicitWidth: stateText.implicitWidth + 20
            color: strip.syncState === "offline" ? Theme.warning
                 : strip.syncState === "error" || strip.syncState === "revoked" ? Theme.urgent
                 : Theme.accent
            Text {
                id: stateText
                anchors.centerIn: parent
                text: strip.syncState === "offline" ? qsTr("Offline")
                    : strip.syncState === "syncing" ? qsTr("Syncing")
                    : strip.syncState === "error" ? qsTr("Sync problem")
                    : strip.syncState === "revoked" ? qsTr("Revoked")
                    : qsTr("Online")
                color: "white"
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
            Accessible.role: Accessible.StaticText
            Accessible.name: stateText.text
        }
        ProgressBar {
            objectName: "syncProgress"
            visible: strip.syncState === "syncing"
            indeterminate: strip.syncProgress < 0
            value: Math.max(0, strip.syncProgress)
            implicitWidth: 120
            Accessible.name: qsTr("Sync progress")
        }
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
        TouchButton {
            objectName: "conflictsButton"
            visible: strip.showSyncState && strip.openConflicts > 0
            text: qsTr("Conflicts: %1").arg(strip.openConflicts)
            onClicked: strip.conflictsRequested()
        }
        TouchButton {
            objectName: "syncNowButton"
            visible: strip.showSyncState && strip.syncState !== "local"
            enabled: strip.syncState !== "syncing" && strip.syncState !== "revoked"
            text: qsTr("Sync now")
            onClicked: strip.syncRequested()
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
