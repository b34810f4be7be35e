import QtQuick
import QtQuick.Controls.Basic
import CareRound.Controls
import CareRound.Today

// A titled list of the Today screen (schedule, follow-ups or alerts).
Rectangle {
    id: section
    required property TodayModel todayModel
    property alias title: header.text
    property string emptyText: ""
    property alias listName: list.objectName
    signal chosen(string kind, string clientId, string recordId)

    color: Theme.background
    implicitHeight: header.implicitHeight + summary.implicitHeight + Theme.touchTarget * 2

    // Anchors, not Qt Quick Layouts (see TodayPage).
    Item {
        id: titleRow
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: Math.max(header.implicitHeight, summary.implicitHeight)
        SectionHeader {
            id: header
            topPadding: 0
            anchors.left: parent.left
            anchors.right: summary.left
            anchors.rightMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            id: summary
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            text: section.todayModel.summaryText
            color: Theme.mutedText
            font.pixelSize: Theme.fontSmall
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
    ListView {
        id: list
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: titleRow.bottom
        anchors.topMargin: 6
        anchors.bottom: parent.bottom
        clip: true
        spacing: 6
        model: section.todayModel
        reuseItems: true
        Accessible.role: Accessible.List
        Accessible.name: header.text
        delegate: TodayDelegate {
            width: ListView.view.width
            onClicked: section.chosen(kind, clientId, recordId)
        }
        Text {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            horizontalAlignment: Text.AlignHCenter
            visible: list.count === 0
            text: section.emptyText
            color: Theme.mutedText
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
        }
        ScrollBar.vertical: ScrollBar { }
    }
}
