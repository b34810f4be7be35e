import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Unlock

// Enrol this tablet again after the agency's server stopped recognising it (401). The data
// and the passphrase stay; the login decides what happens to the unsent changes.
Rectangle {
    id: page
    required property Session session
    color: Theme.background

    UnlockController {
        id: controller
        session: page.session
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
                text: qsTr("Enrol this tablet again")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Sign in with your agency account. With the login this tablet had, everything on it stays and your unsent changes are sent. With another login, the records on this tablet are removed and the unsent changes are kept here for review only, never sent.")
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
            TextField {
                id: server
                objectName: "reenrolServer"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 4
                font.pixelSize: Theme.fontBody
                text: page.session.serverAddress
                placeholderText: qsTr("Agency server, e.g. https://care.example.org")
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Agency server address")
            }
            TextField {
                id: login
                objectName: "reenrolLogin"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 4
                font.pixelSize: Theme.fontBody
                placeholderText: qsTr("Login")
                inputMethodHints: Qt.ImhNoAutoUppercase
                focus: true
                Accessible.name: qsTr("Login")
            }
            TextField {
                id: password
                objectName: "reenrolPassword"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 4
                font.pixelSize: Theme.fontBody
                echoMode: TextInput.Password
                placeholderText: qsTr("Password")
                Accessible.name: qsTr("Password")
                onAccepted: enrolButton.clicked()
            }
            Text {
                objectName: "reenrolError"
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
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                TouchButton {
                    objectName: "cancelReenrol"
                    text: qsTr("Not now")
                    enabled: !page.session.busy
                    onClicked: page.session.cancelReenrolment()
                }
                TouchButton {
                    id: enrolButton
                    objectName: "reenrolButton"
                    Layout.fillWidth: true
                    primary: true
                    enabled: !page.session.busy
                    text: page.session.busy ? qsTr("Enrolling…") : qsTr("Enrol again")
                    onClicked: controller.reenrol(server.text, login.text, password.text,
                                                  trust.checked ? controller.certificateFingerprint : "")
                }
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: page.session.busy
                visible: running
                Accessible.name: qsTr("Enrolling this tablet")
            }
        }
    }
}
