import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls

// One line of the day: when, what, who and where. Urgent lines carry a red edge.
ItemDelegate {
    id: row
    required property string kind
    required property string recordId
    required property string clientId
    required property string clientName
    required property string place
    required property string timeText
    required property string title
    required property string detail
    required property bool urgent
    readonly property bool scheduled: kind === "visit" || kind === "appointment"

    objectName: "todayItem"
    implicitHeight: Math.max(Theme.touchTarget, content.implicitHeight + 2 * Theme.spacing)
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1. %2. %3, %4. %5").arg(timeText).arg(title).arg(clientName)
                         .arg(place).arg(detail)
    background: Rectangle {
        radius: Theme.radius
        color: row.down ? Theme.selected
                        : (row.kind === "selfHarm" || row.kind === "severeDepression")
                          ? Theme.urgentSurface
                          : row.kind === "transport" ? Theme.warningSurface : Theme.surface
        border.color: row.urgent ? Theme.urgent : Theme.border
        Rectangle {
            visible: row.urgent
            width: 6
            radius: 3
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 1 }
            color: Theme.urgent
        }
    }
    contentItem: RowLayout {
        id: content
        spacing: Theme.spacing
        // The schedule's clock time in a column of its own; other lines say when above the title.
        Text {
            objectName: "todayTime"
            visible: row.scheduled
            Layout.preferredWidth: clockWidth.width + 4
            Layout.alignment: Qt.AlignTop
            text: row.timeText
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: row.urgent ? Theme.urgent : Theme.text
            TextMetrics {
                id: clockWidth
                font.pixelSize: Theme.fontTitle
                font.bold: true
                text: "00:00"
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Text {
                Layout.fillWidth: true
                visible: !row.scheduled && text.length > 0
                text: row.timeText
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: row.urgent ? Theme.urgent : Theme.mutedText
                elide: Text.ElideRight
            }
            Text {
                objectName: "todayTitle"
                Layout.fillWidth: true
                text: row.title
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: row.urgent ? Theme.urgent : Theme.text
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Text {
                Layout.fillWidth: true
                text: row.place.length > 0 ? qsTr("%1 · %2").arg(row.clientName).arg(row.place)
                                           : row.clientName
                font.pixelSize: Theme.fontSmall
                color: Theme.text
                elide: Text.ElideRight
            }
            Text {
                Layout.fillWidth: true
                visible: text.length > 0
                text: row.detail
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
                elide: Text.ElideRight
            }
        }
    }
}
