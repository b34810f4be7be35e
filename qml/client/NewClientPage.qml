import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Client

// A new client on this coordinator's caseload: who they are and how to reach them.
Rectangle {
    id: page
    required property Session session
    property string clientId: ""
    property string recordId: ""
    signal closed()
    signal created(string clientId)
    color: Theme.background

    ClientController {
        id: controller
        session: page.session
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing
            RowLayout {
                Layout.fillWidth: true
                Layout.margins: Theme.margin
                TouchButton {
                    text: qsTr("Cancel")
                    onClicked: page.closed()
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("New client")
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
            }
            Repeater {
                id: fields
                model: [
                    { key: "firstName", label: qsTr("First name") },
                    { key: "lastName", label: qsTr("Last name") },
                    { key: "dateOfBirth", label: qsTr("Date of birth (YYYY-MM-DD)") },
                    { key: "phone", label: qsTr("Phone") },
                    { key: "address", label: qsTr("Address") },
                    { key: "city", label: qsTr("City") },
                    { key: "language", label: qsTr("Preferred language") }
                ]
                // A label above each field: a filled field keeps its name.
                delegate: ColumnLayout {
                    required property var modelData
                    readonly property alias text: input.text
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    spacing: 2
                    Text {
                        Layout.fillWidth: true
                        text: modelData.label
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                    TextField {
                        id: input
                        objectName: "newClient_" + modelData.key
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touchTarget
                        font.pixelSize: Theme.fontBody
                        Accessible.name: modelData.label
                    }
                }
            }
            Text {
                objectName: "newClientError"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                visible: text.length > 0
                text: controller.errorText
                color: Theme.urgent
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            TouchButton {
                objectName: "createClientButton"
                Layout.leftMargin: Theme.margin
                primary: true
                text: qsTr("Add to my caseload")
                onClicked: {
                    const v = (i) => fields.itemAt(i).text
                    const id = controller.createClient(v(0), v(1), v(2), v(3), v(4), v(5), v(6))
                    if (id.length > 0)
                        page.created(id)
                }
            }
        }
    }
}
