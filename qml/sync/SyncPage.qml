import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session

// Sync: online or offline, changes waiting, last sync, progress while syncing, errors in
// plain words, and "Sync now".
Rectangle {
    id: page
    required property Session session
    property string clientId: ""
    property string recordId: ""
    signal closed()
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            TouchButton {
                text: qsTr("Back")
                onClicked: page.closed()
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Sync with the agency")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
        }
        Card {
            Layout.fillWidth: true
            ColumnLayout {
                id: facts
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    objectName: "syncStateText"
                    Layout.fillWidth: true
                    text: page.session.syncState === "offline" ? qsTr("Offline: the agency server cannot be reached. Everything you do is saved on this tablet.")
                        : page.session.syncState === "syncing" ? qsTr("Syncing now…")
                        : page.session.syncState === "upToDate" ? qsTr("Online and up to date.")
                        : page.session.syncState === "error" ? qsTr("Sync needs attention.")
                        : page.session.syncState === "revoked" ? qsTr("This tablet was revoked by the agency.")
                        : qsTr("This tablet keeps its data locally (no agency server).")
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: page.session.syncState === "error" || page.session.syncState === "revoked" ? Theme.urgent : Theme.text
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Text {
                    objectName: "syncDetail"
                    Layout.fillWidth: true
                    text: page.session.syncText
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                ProgressBar {
                    Layout.fillWidth: true
                    visible: page.session.syncState === "syncing"
                    indeterminate: page.session.syncProgress < 0
                    value: Math.max(0, page.session.syncProgress)
                    Accessible.name: qsTr("Sync progress")
                }
                Text {
                    objectName: "pendingText"
                    Layout.fillWidth: true
                    text: page.session.pendingChanges === 0 ? qsTr("No changes waiting to be sent.")
                                                            : qsTr("Changes waiting to be sent: %1").arg(page.session.pendingChanges)
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Text {
                    Layout.fillWidth: true
                    text: page.session.openConflicts === 0 ? qsTr("No conflicts to settle.")
                                                           : qsTr("Conflicts to settle: %1").arg(page.session.openConflicts)
                    font.pixelSize: Theme.fontBody
                    color: page.session.openConflicts === 0 ? Theme.text : Theme.warning
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                TouchButton {
                    objectName: "syncPageSyncNow"
                    primary: true
                    text: qsTr("Sync now")
                    enabled: page.session.syncState !== "syncing" && page.session.syncState !== "local" && page.session.syncState !== "revoked"
                    onClicked: page.session.syncNow()
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
