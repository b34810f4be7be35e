import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Session

// The always-visible strip at the top: offline or syncing (with progress), changes waiting
// to sync, last sync, open conflicts, changes the server refused (they need attention),
// "Sync now", and the text size. Everything it shows
// comes from the session's sync engine.
Rectangle {
    id: strip
    property SyncEngine sync: null
    property bool showSyncState: true
    readonly property int syncState: sync ? sync.state : SyncEngine.Local
    readonly property int pendingChanges: sync ? sync.pendingCount : 0
    readonly property int openConflicts: sync ? sync.openConflicts : 0
    readonly property int refusedChanges: sync ? sync.refusedCount : 0
    signal syncRequested()
    signal conflictsRequested()
    signal refusedRequested()
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
            visible: strip.showSyncState && strip.syncState !== SyncEngine.Local
            radius: height / 2
            implicitHeight: stateText.implicitHeight + 8
            implicitWidth: stateText.implicitWidth + 20
            color: strip.syncState === SyncEngine.Offline ? Theme.warning
                 : strip.syncState === SyncEngine.Error || strip.syncState === SyncEngine.Revoked
                   || strip.syncState === SyncEngine.Unrecognised ? Theme.urgent
                 : Theme.accent
            Text {
                id: stateText
                anchors.centerIn: parent
                text: strip.syncState === SyncEngine.Offline ? qsTr("Offline")
                    : strip.syncState === SyncEngine.Syncing ? qsTr("Syncing")
                    : strip.syncState === SyncEngine.Error ? qsTr("Sync problem")
                    : strip.syncState === SyncEngine.Revoked ? qsTr("Signed out")
                    : strip.syncState === SyncEngine.Unrecognised ? qsTr("Not recognised")
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
            visible: strip.syncState === SyncEngine.Syncing
            indeterminate: !strip.sync || strip.sync.progress < 0
            value: strip.sync ? Math.max(0, strip.sync.progress) : 0
            implicitWidth: 120
            Accessible.name: qsTr("Sync progress")
        }
        Text {
            objectName: "pendingChanges"
            visible: strip.showSyncState
            // A store with no agency server sends nothing: say where the data is.
            text: strip.syncState === SyncEngine.Local ? qsTr("Kept on this tablet only")
                : strip.pendingChanges === 0 ? qsTr("All changes synced")
                : qsTr("Changes waiting to sync: %1").arg(strip.pendingChanges)
            // It wraps onto a second line rather than push the buttons off a narrow strip.
            Layout.fillWidth: true
            Layout.minimumWidth: 0
            horizontalAlignment: Text.AlignRight
            wrapMode: Text.Wrap
            color: Theme.statusBarText
            font.pixelSize: Theme.fontBody
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text {
            objectName: "syncSummary"
            visible: strip.showSyncState && strip.syncState !== SyncEngine.Local && text.length > 0
            // It gives way to the buttons after it (the whole text is on the sync screen).
            Layout.fillWidth: true
            Layout.minimumWidth: 0
            horizontalAlignment: Text.AlignRight
            elide: Text.ElideRight
            property bool elideIntended: true
            text: strip.sync ? strip.sync.summary : ""
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
            objectName: "refusedButton"
            visible: strip.showSyncState && strip.refusedChanges > 0
            text: qsTr("Need attention: %1").arg(strip.refusedChanges)
            Accessible.name: qsTr("Changes not accepted by the agency server: %1").arg(strip.refusedChanges)
            onClicked: strip.refusedRequested()
        }
        TouchButton {
            objectName: "syncNowButton"
            visible: strip.showSyncState && strip.syncState !== SyncEngine.Local
            enabled: strip.syncState !== SyncEngine.Syncing && strip.syncState !== SyncEngine.Revoked
            text: qsTr("Sync now")
            onClicked: strip.syncRequested()
        }
        Switch {
            id: largeText
            objectName: "largeTextSwitch"
            checked: Theme.largeText
            onToggled: Theme.largeText = checked
            implicitHeight: Theme.touchTarget
            implicitWidth: Math.max(Theme.touchTarget, implicitIndicatorWidth + 8)
            Accessible.name: qsTr("Larger text")
        }
        Text {
            // The switch keeps its accessible name when a narrow strip leaves its label out.
            visible: strip.width >= 1000
            text: qsTr("Larger text")
            color: Theme.statusBarText
            font.pixelSize: Theme.fontSmall
            TapHandler { onTapped: Theme.largeText = !Theme.largeText }
        }
    }
}
