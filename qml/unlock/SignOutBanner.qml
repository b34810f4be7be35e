import QtQuick
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session

// Over every section while the agency's server no longer takes this tablet: revoked (data
// wiped) or not recognised (401, data kept). Says so in plain words and offers to enrol again.
Rectangle {
    id: banner
    required property Session session
    objectName: "signOutBanner"
    visible: session.signOut !== Session.None
    implicitHeight: visible ? row.implicitHeight + 2 * Theme.spacing : 0
    color: Theme.warningSurface
    border.color: Theme.warning

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.spacing
        anchors.leftMargin: Theme.margin
        spacing: Theme.spacing
        Text {
            objectName: "signOutText"
            Layout.fillWidth: true
            text: banner.session.signOutText
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        TouchButton {
            objectName: "enrolAgainButton"
            primary: true
            text: qsTr("Enrol again")
            onClicked: banner.session.enrolAgain()
        }
    }
}
