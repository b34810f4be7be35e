import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Unlock

// Asks for the passphrase that opens this tablet's encrypted data (or sets it on first use).
Rectangle {
    id: page
    required property Session session
    color: Theme.background

    UnlockController {
        id: controller
        session: page.session
    }

    function submit() {
        if (controller.unlock(passphrase.text, confirmation.text))
            passphrase.clear()
        else
            passphrase.forceActiveFocus()
        confirmation.clear()
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 480)
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
                  ? qsTr("Choose a passphrase. It encrypts the client data kept on this tablet; without it nobody can read the data.")
                  : qsTr("Enter your passphrase to open the client data on this tablet.")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }
        TextField {
            id: passphrase
            objectName: "passphrase"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget + 4
            font.pixelSize: Theme.fontBody
            echoMode: TextInput.Password
            placeholderText: qsTr("Passphrase")
            focus: true
            Accessible.name: qsTr("Passphrase")
            onAccepted: controller.firstUse ? confirmation.forceActiveFocus() : page.submit()
        }
        TextField {
            id: confirmation
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
        TouchButton {
            objectName: "unlockButton"
            Layout.fillWidth: true
            primary: true
            text: controller.firstUse ? qsTr("Set passphrase and open") : qsTr("Unlock")
            onClicked: page.submit()
        }
    }
}
