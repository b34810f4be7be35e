import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Unlock

// First start: enrol this tablet with the agency (server, login, passphrase for the
// encrypted store). Afterwards: the passphrase that opens the data on this tablet.
Rectangle {
    id: page
    required property Session session
    color: Theme.background

    UnlockController {
        id: controller
        session: page.session
    }

    function submit() {
        if (controller.firstUse) {
            controller.enrol(server.text, login.text, password.text, passphrase.text,
                             confirmation.text, trust.checked ? controller.certificateFingerprint : "")
            return
        }
        if (controller.unlock(passphrase.text, confirmation.text))
            passphrase.clear()
        else
            passphrase.forceActiveFocus()
        confirmation.clear()
    }

    Flickable {
        anchors.fill: parent
        contentHeight: form.implicitHeight + 2 * Theme.margin
        clip: true

        ColumnLayout {
            id: form
            x: (parent.width - width) / 2
            y: Math.max(Theme.margin, (page.height - implicitHeight) / 2)
            width: Math.min(page.width - 2 * Theme.margin, 520)
            spacing: Theme.spacing

            Text {
                Layout.fillWidth: true
                text: controller.firstUse ? qsTr("Set up this tablet") : qsTr("Unlock CareRound")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                Layout.fillWidth: true
                text: controller.firstUse
                      ? qsTr("Sign in with the account your agency gave you, and choose a passphrase. The passphrase encrypts the client data kept on this tablet; without it nobody can read the data.")
                      : qsTr("Enter your passphrase to open the client data on this tablet.")
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
            TextField {
                id: server
                objectName: "serverAddress"
                visible: controller.firstUse
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 4
                font.pixelSize: Theme.fontBody
                placeholderText: qsTr("Agency server, e.g. https://care.example.org")
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Agency server address")
            }
            TextField {
                id: login
                objectName: "login"
                visible: controller.firstUse
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 4
                font.pixelSize: Theme.fontBody
                placeholderText: qsTr("Login")
                inputMethodHints: Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Login")
            }
            TextField {
                id: password
                objectName: "password"
                visible: controller.firstUse
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 4
                font.pixelSize: Theme.fontBody
                echoMode: TextInput.Password
                placeholderText: qsTr("Password")
                Accessible.name: qsTr("Password")
            }
            TextField {
                id: passphrase
                objectName: "passphrase"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 4
                font.pixelSize: Theme.fontBody
                echoMode: TextInput.Password
                placeholderText: controller.firstUse ? qsTr("New passphrase for this tablet")
                                                     : qsTr("Passphrase")
                focus: true
                Accessible.name: qsTr("Passphrase")
                onAccepted: controller.firstUse ? confirmation.forceActiveFocus() : page.submit()
            }
            TextField {
                id: confirmation
                objectName: "passphraseConfirmation"
                visible: controller.firstUse
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 4
                font.pixelSize: Theme.fontBody
                echoMode: TextInput.Password
                placeholderText: qsTr("Passphrase again")
                Accessible.name: qsTr("Passphrase again")
                onAccepted: page.submit()
            }
            Text {
                objectName: "unlockError"
                Layout.fillWidth: true
                visible: text.length > 0
                text: controller.errorText
                color: Theme.urgent
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Text {
                Layout.fillWidth: true
                visible: controller.certificateFingerprint.length > 0
                text: qsTr("Server certificate fingerprint (SHA-256): %1").arg(controller.certificateFingerprint)
                font.pixelSize: Theme.fontSmall
                font.family: "monospace"
                color: Theme.text
                wrapMode: Text.WrapAnywhere
                Accessible.name: text
            }
            CheckBox {
                id: trust
                visible: controller.certificateFingerprint.length > 0
                text: qsTr("Trust: it matches the fingerprint my agency gave me")
                font.pixelSize: Theme.fontBody
                implicitHeight: Theme.touchTarget
                Accessible.name: text
            }
            TouchButton {
                objectName: "unlockButton"
                Layout.fillWidth: true
                primary: true
                enabled: !page.session.busy
                text: controller.firstUse ? (page.session.busy ? qsTr("Enrolling…") : qsTr("Enrol this tablet"))
                                          : qsTr("Unlock")
                onClicked: page.submit()
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: page.session.busy
                visible: running
                Accessible.name: qsTr("Enrolling this tablet")
            }
            LanguageChooser {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                language: page.session.language
            }
        }
    }
}
