import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Sync

// Sync: online or offline, changes waiting, last sync, progress while syncing, errors in
// plain words, "Sync now", the changes the server refused (why, and what was sent), and the
// tablet's language.
Rectangle {
    id: page
    required property Session session
    readonly property SyncEngine sync: session.sync
    readonly property int syncState: sync ? sync.state : SyncEngine.Local
    readonly property int pendingChanges: sync ? sync.pendingCount : 0
    readonly property int openConflicts: sync ? sync.openConflicts : 0
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
                    text: page.syncState === SyncEngine.Offline ? qsTr("Offline: the agency server cannot be reached. Everything you do is saved on this tablet.")
                        : page.syncState === SyncEngine.Syncing ? qsTr("Syncing now…")
                        : page.syncState === SyncEngine.UpToDate ? qsTr("Online and up to date.")
                        : page.syncState === SyncEngine.Error ? qsTr("Sync needs attention.")
                        : page.syncState === SyncEngine.Revoked ? qsTr("The agency signed this tablet out.")
                        : page.syncState === SyncEngine.Unrecognised ? qsTr("The agency no longer recognises this tablet.")
                        : qsTr("This tablet keeps its data locally (no agency server).")
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: page.syncState === SyncEngine.Error || page.syncState === SyncEngine.Revoked
                           || page.syncState === SyncEngine.Unrecognised ? Theme.urgent : Theme.text
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Text {
                    objectName: "syncDetail"
                    Layout.fillWidth: true
                    visible: page.syncState !== SyncEngine.Local && text.length > 0
                    text: page.sync ? page.sync.summary : ""
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                ProgressBar {
                    Layout.fillWidth: true
                    visible: page.syncState === SyncEngine.Syncing
                    indeterminate: !page.sync || page.sync.progress < 0
                    value: page.sync ? Math.max(0, page.sync.progress) : 0
                    Accessible.name: qsTr("Sync progress")
                }
                Text {
                    objectName: "pendingText"
                    Layout.fillWidth: true
                    visible: page.syncState !== SyncEngine.Local
                    text: page.pendingChanges === 0 ? qsTr("No changes waiting to be sent.")
                                                    : qsTr("Changes waiting to be sent: %1").arg(page.pendingChanges)
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Text {
                    Layout.fillWidth: true
                    text: page.openConflicts === 0 ? qsTr("No conflicts to settle.")
                                                   : qsTr("Conflicts to settle: %1").arg(page.openConflicts)
                    font.pixelSize: Theme.fontBody
                    color: page.openConflicts === 0 ? Theme.text : Theme.warning
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                TouchButton {
                    objectName: "syncPageSyncNow"
                    primary: true
                    text: qsTr("Sync now")
                    enabled: page.syncState !== SyncEngine.Syncing && page.syncState !== SyncEngine.Local && page.syncState !== SyncEngine.Revoked
                    onClicked: page.session.syncNow()
                }
            }
        }
        KeptEditsCard {
            Layout.fillWidth: true
            session: page.session
        }
        Card {
            Layout.fillWidth: true
            LanguageChooser {
                Layout.fillWidth: true
                language: page.session.language
            }
        }
        CalendarFeedController {
            id: calendarFeed
            session: page.session
        }
        // The coordinator's visits and appointments in a phone's calendar: a secret address
        // made (and stopped) here; the server keeps only its hash.
        Card {
            objectName: "calendarFeedCard"
            Layout.fillWidth: true
            visible: calendarFeed.available
            Text {
                Layout.fillWidth: true
                text: qsTr("Your visits in your phone's calendar")
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            TextEdit {
                id: feedAddress
                objectName: "calendarFeedAddress"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(Theme.touchTarget, contentHeight)
                visible: calendarFeed.address.length > 0
                text: calendarFeed.address
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.WrapAnywhere
                verticalAlignment: TextEdit.AlignVCenter
                font.pixelSize: Theme.fontBody
                color: Theme.text
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Calendar address")
            }
            Text {
                objectName: "calendarFeedMessage"
                Layout.fillWidth: true
                text: calendarFeed.errorText.length > 0 ? calendarFeed.errorText
                      : calendarFeed.message.length > 0 ? calendarFeed.message
                      : calendarFeed.address.length > 0 ? qsTr("Subscribe to this address in your phone's calendar.")
                      : qsTr("Make an address and subscribe to it in your phone's calendar: your visits and appointments, with the client's initials only.")
                font.pixelSize: Theme.fontBody
                color: calendarFeed.errorText.length > 0 ? Theme.urgent : Theme.mutedText
                wrapMode: Text.Wrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                TouchButton {
                    objectName: "makeCalendarFeed"
                    text: calendarFeed.address.length > 0 ? qsTr("Make a new address")
                                                          : qsTr("Make a calendar address")
                    enabled: !calendarFeed.busy
                    onClicked: calendarFeed.make()
                }
                TouchButton {
                    objectName: "copyCalendarFeed"
                    visible: calendarFeed.address.length > 0
                    text: qsTr("Copy the address")
                    onClicked: {
                        feedAddress.selectAll()
                        feedAddress.copy()
                        feedAddress.deselect()
                    }
                }
                TouchButton {
                    objectName: "stopCalendarFeed"
                    visible: calendarFeed.address.length > 0
                    text: qsTr("Stop the calendar feed")
                    enabled: !calendarFeed.busy
                    onClicked: calendarFeed.stop()
                }
            }
        }
        RefusedListModel {
            id: refusedModel
            session: page.session
        }
        Text {
            objectName: "refusedHeading"
            Layout.fillWidth: true
            visible: refusedModel.count > 0
            text: qsTr("Changes the agency server did not accept: %1").arg(refusedModel.count)
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.warning
            wrapMode: Text.Wrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        ListView {
            id: refusedList
            objectName: "refusedList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: refusedModel
            delegate: Card {
                id: refusedCard
                required property var seq
                required property string title
                required property string reason
                required property string values
                required property string when
                width: ListView.view.width
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing / 2
                    Text {
                        Layout.fillWidth: true
                        text: refusedCard.title + " · " + refusedCard.when
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    Text {
                        objectName: "refusedReason"
                        Layout.fillWidth: true
                        text: refusedCard.reason
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    Text {
                        objectName: "refusedValues"
                        Layout.fillWidth: true
                        text: qsTr("What was sent: %1").arg(refusedCard.values)
                        font.pixelSize: Theme.fontBody
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    TouchButton {
                        objectName: "dismissRefused"
                        text: qsTr("Dismiss")
                        Accessible.name: qsTr("Dismiss %1").arg(refusedCard.title)
                        onClicked: refusedModel.dismiss(refusedCard.seq)
                    }
                }
            }
        }
        Item {
            Layout.fillHeight: true
            visible: refusedModel.count === 0
        }
    }
}
