import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Unlock
import CareRound.Caseload
import CareRound.Client

// The window: status strip on top; the unlock screen, then caseload and client side by side
// (landscape) or one at a time (portrait).
ApplicationWindow {
    id: window
    required property Session session
    property string selectedClientId: ""
    readonly property bool wide: width >= 1000 && width > height

    width: 1280
    height: 800
    visible: true
    title: qsTr("CareRound")
    color: Theme.background

    header: StatusStrip {
        pendingChanges: window.session.pendingChanges
        syncText: window.session.syncText
        showSyncState: window.session.unlocked
        syncState: window.session.syncState
        syncProgress: window.session.syncProgress
        openConflicts: window.session.openConflicts
        onSyncRequested: window.session.syncNow()
    }

    Loader {
        anchors.fill: parent
        sourceComponent: window.session.unlocked ? workspace : unlock
    }

    Component {
        id: unlock
        UnlockPage {
            session: window.session
        }
    }

    Component {
        id: workspace
        RowLayout {
            spacing: 0
            CaseloadPage {
                objectName: "caseloadPage"
                session: window.session
                visible: window.wide || window.selectedClientId.length === 0
                Layout.fillHeight: true
                Layout.fillWidth: !window.wide
                Layout.preferredWidth: window.wide ? Math.round(window.width * 0.42) : -1
                selectedClientId: window.selectedClientId
                onClientChosen: (clientId) => window.selectedClientId = clientId
            }
            Rectangle {
                visible: window.wide
                Layout.fillHeight: true
                implicitWidth: 1
                color: Theme.border
            }
            ClientPage {
                objectName: "clientPage"
                session: window.session
                visible: window.wide || window.selectedClientId.length > 0
                Layout.fillHeight: true
                Layout.fillWidth: true
                clientId: window.selectedClientId
                showBack: !window.wide
                onBackRequested: window.selectedClientId = ""
            }
        }
    }
}
