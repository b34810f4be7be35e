import QtQuick
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Sync

// Edits of an earlier sign-in, kept on this tablet when it was enrolled again for another
// coordinator: never sent, readable here until dismissed. Hidden when there are none.
Card {
    id: card
    required property Session session
    objectName: "keptEditsCard"
    visible: kept.count > 0

    KeptEditListModel {
        id: kept
        session: card.session
    }

    Text {
        objectName: "keptEditsHeading"
        Layout.fillWidth: true
        text: kept.keptFrom.length > 0
              ? qsTr("Changes kept from %1's sign-in, not sent: %2").arg(kept.keptFrom).arg(kept.count)
              : qsTr("Changes kept from an earlier sign-in, not sent: %1").arg(kept.count)
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.warning
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Text {
        Layout.fillWidth: true
        text: qsTr("This tablet was enrolled again with another login. These changes were typed before and never reached the agency; they are not sent for the new login. Read them, pass on what matters to your supervisor, then dismiss them.")
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }
    Repeater {
        model: kept
        delegate: RowLayout {
            id: keptRow
            required property var model
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                objectName: "keptRow"
                Layout.fillWidth: true
                text: qsTr("%1 (%2): %3").arg(keptRow.model.title).arg(keptRow.model.when).arg(keptRow.model.values)
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.name: text
            }
            TouchButton {
                objectName: "dismissKept"
                text: qsTr("Dismiss")
                onClicked: kept.dismiss(keptRow.model.seq)
            }
        }
    }
}
