import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
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

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        RowLayout {
            Layout.fillWidth: true
            SectionHeader {
                id: header
                topPadding: 0
                Layout.fillWidth: true
            }
            Text {
                id: summary
                text: section.todayModel.summaryText
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
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
}
