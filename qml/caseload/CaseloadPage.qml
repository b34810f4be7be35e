import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Caseload

// The caseload: search as you type, filter chips, and each client with what to do next.
Rectangle {
    id: page
    required property Session session
    property string selectedClientId: ""
    signal clientChosen(string clientId)
    signal newClientRequested()
    color: Theme.background

    CaseloadModel {
        id: caseload
        session: page.session
        searchText: search.text
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            SearchField {
                id: search
                objectName: "caseloadSearch"
                Layout.fillWidth: true
                // Short enough for the narrow list column; the full hint is its accessible name.
                placeholderText: qsTr("Search clients")
                accessibleName: qsTr("Search by name, phone or address")
            }
            TouchButton {
                objectName: "newClientButton"
                text: qsTr("New client")
                onClicked: page.newClientRequested()
            }
        }

        Flow {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: [
                    { label: qsTr("All"), filter: CaseloadModel.All },
                    { label: qsTr("Needs attention"), filter: CaseloadModel.NeedsAttention },
                    { label: qsTr("Overdue follow-up"), filter: CaseloadModel.OverdueFollowUp },
                    { label: qsTr("Unsigned documents"), filter: CaseloadModel.UnsignedDocuments }
                ]
                delegate: FilterChip {
                    required property var modelData
                    text: modelData.label
                    checked: caseload.filter === modelData.filter
                    onClicked: caseload.filter = modelData.filter
                }
            }
        }

        Text {
            objectName: "caseloadSummary"
            text: caseload.summaryText
            color: Theme.mutedText
            font.pixelSize: Theme.fontSmall
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        ListView {
            id: list
            objectName: "caseloadList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: caseload
            reuseItems: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Clients")
            delegate: CaseloadDelegate {
                width: list.width
                selected: clientId === page.selectedClientId
                onClicked: page.clientChosen(clientId)
            }
            Text {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No clients match")
                color: Theme.mutedText
                font.pixelSize: Theme.fontBody
            }
            ScrollBar.vertical: ScrollBar { }
        }
    }
}
