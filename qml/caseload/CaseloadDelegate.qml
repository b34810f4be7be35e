import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls

// One client in the caseload list: name, facts, risks and what needs doing next.
ItemDelegate {
    id: row
    required property string clientId
    required property string name
    required property string details
    required property string address
    required property string statusText
    required property var riskFlags
    required property string nextAction
    required property bool urgent
    property bool selected: false

    implicitHeight: Math.max(Theme.touchTarget, column.implicitHeight + 2 * Theme.spacing)
    Accessible.name: qsTr("%1. Next: %2").arg(name).arg(nextAction)
    background: Rectangle {
        radius: Theme.radius
        color: row.selected ? Theme.selected : (row.down ? Theme.background : Theme.surface)
        border.color: row.selected ? Theme.accent : Theme.border
    }
    contentItem: ColumnLayout {
        id: column
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: row.name
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }
            Text {
                visible: row.statusText.length > 0
                text: row.statusText
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
        }
        Text {
            Layout.fillWidth: true
            text: row.details
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            elide: Text.ElideRight
        }
        Text {
            Layout.fillWidth: true
            text: row.address
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            elide: Text.ElideRight
        }
        Flow {
            Layout.fillWidth: true
            spacing: 4
            visible: row.riskFlags.length > 0
            Repeater {
                model: row.riskFlags
                delegate: RiskBadge {
                    required property string modelData
                    text: modelData
                }
            }
        }
        Text {
            objectName: "nextAction"
            Layout.fillWidth: true
            text: row.nextAction
            font.pixelSize: Theme.fontBody
            font.bold: row.urgent
            color: row.urgent ? Theme.urgent : Theme.accent
            wrapMode: Text.Wrap
        }
    }
}
