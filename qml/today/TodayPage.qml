import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Today

// The coordinator's day: alerts, visits and appointments in time order, follow-ups due.
// Landscape: the schedule beside alerts and follow-ups; portrait: one column.
Rectangle {
    id: page
    required property Session session
    property string clientId: ""
    property string recordId: ""
    property bool showBack: false
    signal closed()
    signal clientChosen(string clientId)
    signal visitChosen(string visitId)
    color: Theme.background

    readonly property bool wide: width > height

    function choose(kind, clientId, recordId) {
        page.clientChosen(clientId)
        if (kind === "visit")
            page.visitChosen(recordId)
    }

    TodayModel {
        id: scheduleModel
        objectName: "scheduleModel"
        session: page.session
        list: TodayModel.Schedule
    }
    TodayModel {
        id: followUpModel
        objectName: "followUpModel"
        session: page.session
        list: TodayModel.FollowUps
    }
    TodayModel {
        id: alertModel
        objectName: "alertModel"
        session: page.session
        list: TodayModel.Alerts
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TouchButton {
                visible: page.showBack
                text: qsTr("Back")
                onClicked: page.closed()
            }
            Text {
                objectName: "todayHeading"
                text: qsTr("Today")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                Layout.fillWidth: true
                text: scheduleModel.dayText
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                elide: Text.ElideRight
            }
            TouchButton {
                text: qsTr("Refresh")
                onClicked: {
                    scheduleModel.reload()
                    followUpModel.reload()
                    alertModel.reload()
                }
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: page.wide ? 2 : 1
            columnSpacing: Theme.margin
            rowSpacing: Theme.spacing

            TodaySection {
                id: schedule
                objectName: "scheduleSection"
                Layout.row: page.wide ? 0 : 1
                Layout.column: 0
                Layout.rowSpan: page.wide ? 2 : 1
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: page.wide ? 2 : 3
                todayModel: scheduleModel
                title: qsTr("Visits and appointments")
                listName: "todaySchedule"
                emptyText: qsTr("No visits or appointments today")
                onChosen: (kind, clientId, recordId) => page.choose(kind, clientId, recordId)
            }
            TodaySection {
                id: alerts
                objectName: "alertSection"
                Layout.row: 0
                Layout.column: page.wide ? 1 : 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: page.wide ? 1 : 2
                todayModel: alertModel
                title: qsTr("Alerts")
                listName: "todayAlerts"
                emptyText: qsTr("No alerts: no severe PHQ-9 and transport is arranged")
                onChosen: (kind, clientId, recordId) => page.choose(kind, clientId, recordId)
            }
            TodaySection {
                id: followUps
                objectName: "followUpSection"
                Layout.row: page.wide ? 1 : 2
                Layout.column: page.wide ? 1 : 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Layout.preferredHeight: page.wide ? 1 : 2
                todayModel: followUpModel
                title: qsTr("Follow-ups due")
                listName: "todayFollowUps"
                emptyText: qsTr("No follow-ups overdue or due today")
                onChosen: (kind, clientId, recordId) => page.choose(kind, clientId, recordId)
            }
        }
    }
}
