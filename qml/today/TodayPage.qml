import QtQuick
import QtQuick.Controls.Basic
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

    // Plain geometry throughout, no Qt Quick Layouts: in Qt 6.4 a layout told of new text
    // sizes while hidden (larger text chosen on another screen, then a turn) could keep the
    // old sizes when shown, cutting the headings.
    Item {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin
        implicitHeight: Math.max(back.visible ? back.implicitHeight : 0, heading.implicitHeight,
                                 refresh.implicitHeight)
        height: implicitHeight
        TouchButton {
            id: back
            visible: page.showBack
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Back")
            onClicked: page.closed()
        }
        Text {
            id: heading
            objectName: "todayHeading"
            anchors.left: back.visible ? back.right : parent.left
            anchors.leftMargin: back.visible ? Theme.spacing : 0
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Today")
            font.pixelSize: Theme.fontHeading
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            anchors.left: heading.right
            anchors.right: refresh.left
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: scheduleModel.dayText
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }
        TouchButton {
            id: refresh
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Refresh")
            onClicked: {
                scheduleModel.reload()
                followUpModel.reload()
                alertModel.reload()
            }
        }
    }

    // The three sections by plain geometry: landscape, the schedule on the left and the
    // alerts over the follow-ups on the right; portrait, one column (alerts first). (Qt
    // 6.4's GridLayout did not lay out again when its cells moved: a turned tablet kept
    // the landscape layout squeezed into portrait.)
    Item {
        id: sectionArea
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.top: header.bottom
        anchors.margins: Theme.margin
        anchors.topMargin: Theme.spacing
        readonly property real gap: page.wide ? Theme.margin : Theme.spacing
        readonly property real halfWidth: (width - gap) / 2
        // Portrait: alerts 2, schedule 3, follow-ups 2 parts of the height.
        readonly property real part: (height - 2 * Theme.spacing) / 7

        TodaySection {
            id: schedule
            x: 0
            y: page.wide ? 0 : alerts.height + Theme.spacing
            width: page.wide ? sectionArea.halfWidth : sectionArea.width
            height: page.wide ? sectionArea.height : 3 * sectionArea.part
            objectName: "scheduleSection"
            todayModel: scheduleModel
            title: qsTr("Visits and appointments")
            listName: "todaySchedule"
            emptyText: qsTr("No visits or appointments today")
            onChosen: (kind, clientId, recordId) => page.choose(kind, clientId, recordId)
        }
        TodaySection {
            id: alerts
            x: page.wide ? sectionArea.halfWidth + sectionArea.gap : 0
            y: 0
            width: page.wide ? sectionArea.halfWidth : sectionArea.width
            height: page.wide ? (sectionArea.height - Theme.spacing) / 2 : 2 * sectionArea.part
            objectName: "alertSection"
            todayModel: alertModel
            title: qsTr("Alerts")
            listName: "todayAlerts"
            emptyText: qsTr("No alerts: no severe PHQ-9 and transport is arranged")
            onChosen: (kind, clientId, recordId) => page.choose(kind, clientId, recordId)
        }
        TodaySection {
            id: followUps
            x: alerts.x
            y: page.wide ? alerts.height + Theme.spacing : schedule.y + schedule.height + Theme.spacing
            width: alerts.width
            height: page.wide ? alerts.height : 2 * sectionArea.part
            objectName: "followUpSection"
            todayModel: followUpModel
            title: qsTr("Follow-ups due")
            listName: "todayFollowUps"
            emptyText: qsTr("No follow-ups overdue or due today")
            onChosen: (kind, clientId, recordId) => page.choose(kind, clientId, recordId)
        }
    }
}
