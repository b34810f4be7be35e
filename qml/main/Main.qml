import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Unlock
import CareRound.Caseload
import CareRound.Client
import CareRound.Today
import CareRound.Visit
import CareRound.Assessment
import CareRound.SignOff
import CareRound.Plan
import CareRound.Services
import CareRound.Directory
import CareRound.Sync

// The window: the status strip on top; the unlock (or enrol) screen; then the sections
// (Today, Caseload, Directory, Sync, Conflicts). Caseload is master-detail: the list and,
// beside it (landscape) or instead of it (portrait), a stack with the client and the screens
// opened from it (visit, assessment, plan, services, sign-off).
ApplicationWindow {
    id: window
    required property Session session
    property string selectedClientId: ""
    property string section: "today"
    readonly property bool wide: width >= 1000 && width > height

    width: 1280
    height: 800

    // A new language: QQmlApplicationEngine retranslates every qsTr() when Qt.uiLanguage
    // changes (the translator itself is installed by the session's LanguageSetting).
    Connections {
        target: window.session.language
        function onChanged() { Qt.uiLanguage = window.session.language.language }
    }
    // Larger text as chosen last time, and remembered when it is switched.
    Connections {
        target: Theme
        function onLargeTextChanged() { window.session.largeText = Theme.largeText }
    }
    Connections {
        target: window.session
        function onLargeTextChanged() { Theme.largeText = window.session.largeText }
    }
    Component.onCompleted: {
        Qt.uiLanguage = window.session.language.language
        Theme.largeText = window.session.largeText
    }
    visible: true
    title: qsTr("CareRound")
    color: Theme.background

    header: StatusStrip {
        objectName: "statusStrip"
        sync: window.session.sync
        // A wiped or signed-out tablet has nothing to sync: the screen below says what happened.
        showSyncState: window.session.unlocked && !window.session.wiped
                       && window.session.signOut !== Session.Revoked && !window.session.reenrolling
        // Under the PIN lock nothing of the app can be touched, the strip included.
        enabled: !pinLayer.visible
        onSyncRequested: window.session.syncNow()
        onConflictsRequested: window.section = "conflicts"
        onRefusedRequested: window.section = "sync"
    }

    /** Shows a client in the caseload section (from Today or elsewhere). */
    function showClient(clientId) {
        window.selectedClientId = clientId
        window.section = "caseload"
    }

    Loader {
        anchors.fill: parent
        sourceComponent: !window.session.unlocked ? unlock
                         : window.session.reenrolling ? reenrol : workspace
    }

    // Over everything once unlocked: choose a PIN (first time), or the PIN after idle time.
    Rectangle {
        id: pinLayer
        objectName: "pinLayer"
        anchors.fill: parent
        visible: window.session.unlocked && (window.session.locked || !window.session.hasPin)
        color: Theme.background
        MouseArea { anchors.fill: parent } // nothing behind it can be touched
        ColumnLayout {
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.margin, 420)
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: window.session.wiped ? qsTr("This tablet was wiped")
                    : window.session.hasPin ? qsTr("Locked: enter your PIN")
                    : qsTr("Choose a PIN")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                Layout.fillWidth: true
                visible: !window.session.wiped
                text: window.session.hasPin
                      ? qsTr("CareRound locked itself after a while without use, to protect your clients' data.")
                      : qsTr("The PIN unlocks CareRound after a while without use: 4 to 8 digits.")
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
            TextField {
                id: pin
                objectName: "pinField"
                visible: !window.session.wiped
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 4
                font.pixelSize: Theme.fontTitle
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                placeholderText: qsTr("PIN")
                Accessible.name: qsTr("PIN")
                onAccepted: pinButton.clicked()
            }
            Text {
                id: pinError
                objectName: "pinError"
                Layout.fillWidth: true
                visible: text.length > 0
                color: Theme.urgent
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            TouchButton {
                id: pinButton
                objectName: "pinButton"
                visible: !window.session.wiped
                Layout.fillWidth: true
                primary: true
                text: window.session.hasPin ? qsTr("Unlock") : qsTr("Set PIN")
                onClicked: {
                    pinError.text = window.session.hasPin ? window.session.unlockWithPin(pin.text)
                                                          : window.session.setPin(pin.text)
                    pin.clear()
                }
            }
        }
    }

    Component {
        id: unlock
        UnlockPage {
            session: window.session
        }
    }

    Component {
        id: reenrol
        ReenrolPage {
            session: window.session
        }
    }

    Component {
        id: workspace
        ColumnLayout {
            spacing: 0
            SignOutBanner {
                Layout.fillWidth: true
                session: window.session
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: tabs.implicitHeight + 8
                color: Theme.surface
                // The sections wrap onto a second line when they do not fit (portrait, larger
                // text, longer words in Spanish) instead of running off the window.
                Flow {
                    id: tabs
                    anchors.fill: parent
                    anchors.leftMargin: Theme.margin
                    anchors.rightMargin: Theme.margin
                    anchors.topMargin: 4
                    spacing: Theme.spacing
                    Repeater {
                        model: [
                            { key: "today", label: qsTr("Today") },
                            { key: "caseload", label: window.session.role === "supervisor" ? qsTr("Agency caseloads") : qsTr("Caseload") },
                            { key: "directory", label: qsTr("Resource directory") },
                            { key: "sync", label: qsTr("Sync") },
                            { key: "conflicts", label: qsTr("Conflicts") }
                        ]
                        delegate: FilterChip {
                            required property var modelData
                            objectName: "section_" + modelData.key
                            text: modelData.label
                            checked: window.section === modelData.key
                            onClicked: window.section = modelData.key
                        }
                    }
                }
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: ["today", "caseload", "directory", "sync", "conflicts"].indexOf(window.section)

                TodayPage {
                    objectName: "todayPage"
                    session: window.session
                    onClientChosen: (clientId) => window.showClient(clientId)
                    onVisitChosen: (visitId) => {
                        window.section = "caseload"
                        caseload.openScreen("visit", visitId, "visit")
                    }
                }

                RowLayout {
                    id: caseload
                    spacing: 0

                    function openScreen(screen, recordId, recordEntity) {
                        if (screen === "record") { // recordEntity names the form
                            detail.push(recordFormPage, { clientId: window.selectedClientId,
                                                          recordId: recordId, form: recordEntity })
                            return
                        }
                        const pages = { visit: visitPage, assessment: assessmentPage, plan: planPage,
                                        services: servicesPage, signoff: signOffPage }
                        detail.push(pages[screen], { clientId: window.selectedClientId,
                                                     recordId: recordId, recordEntity: recordEntity })
                    }

                    CaseloadPage {
                        objectName: "caseloadPage"
                        session: window.session
                        visible: window.wide || window.selectedClientId.length === 0
                        Layout.fillHeight: true
                        Layout.fillWidth: !window.wide
                        Layout.preferredWidth: window.wide ? Math.round(window.width * 0.38) : -1
                        selectedClientId: window.selectedClientId
                        onClientChosen: (clientId) => {
                            window.selectedClientId = clientId
                            detail.pop(null)
                        }
                        onNewClientRequested: {
                            window.selectedClientId = "new"
                            detail.push(newClientPage)
                        }
                    }
                    Rectangle {
                        visible: window.wide
                        Layout.fillHeight: true
                        implicitWidth: 1
                        color: Theme.border
                    }
                    StackView {
                        id: detail
                        objectName: "detailStack"
                        visible: window.wide || window.selectedClientId.length > 0
                        Layout.fillHeight: true
                        Layout.fillWidth: true
                        initialItem: ClientPage {
                            objectName: "clientPage"
                            session: window.session
                            clientId: window.selectedClientId
                            showBack: !window.wide
                            onBackRequested: window.selectedClientId = ""
                            onOpenRequested: (screen, recordId, recordEntity) => caseload.openScreen(screen, recordId, recordEntity)
                        }
                    }
                }

                ResourceDirectoryPage {
                    objectName: "directoryPage"
                    session: window.session
                    onClosed: window.section = "caseload"
                }

                SyncPage {
                    objectName: "syncPage"
                    session: window.session
                    onClosed: window.section = "caseload"
                }

                ConflictsPage {
                    objectName: "conflictsPage"
                    session: window.session
                    onClosed: window.section = "caseload"
                }
            }
        }
    }

    Component {
        id: newClientPage
        NewClientPage {
            objectName: "newClientPage"
            session: window.session
            onClosed: {
                StackView.view.pop()
                window.selectedClientId = ""
            }
            onCreated: (clientId) => {
                StackView.view.pop()
                window.selectedClientId = clientId
            }
        }
    }

    // Screens opened from a client; each closes back to the client.
    Component {
        id: visitPage
        VisitPage {
            objectName: "visitPage"
            session: window.session
            property string recordEntity: ""
            onClosed: StackView.view.pop()
            onSignOffRequested: (visitId) => StackView.view.push(signOffPage, {
                clientId: window.selectedClientId, recordId: visitId, recordEntity: "visit" })
        }
    }
    Component {
        id: assessmentPage
        AssessmentPage {
            objectName: "assessmentPage"
            session: window.session
            property string recordEntity: ""
            onClosed: StackView.view.pop()
        }
    }
    Component {
        id: planPage
        CarePlanPage {
            objectName: "carePlanPage"
            session: window.session
            property string recordEntity: ""
            onClosed: StackView.view.pop()
        }
    }
    Component {
        id: servicesPage
        ServicesPage {
            objectName: "servicesPage"
            session: window.session
            property string recordEntity: ""
            onClosed: StackView.view.pop()
            onOutcomeRequested: (referralId) => StackView.view.push(recordFormPage, {
                clientId: window.selectedClientId, recordId: referralId, form: "referralOutcome" })
        }
    }
    Component {
        id: recordFormPage
        RecordFormPage {
            objectName: "recordFormPage"
            session: window.session
            onClosed: StackView.view.pop()
            onSaved: StackView.view.pop()
        }
    }
    Component {
        id: signOffPage
        SignOffPage {
            objectName: "signOffPage"
            session: window.session
            onClosed: StackView.view.pop()
        }
    }
}
