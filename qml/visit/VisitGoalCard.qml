import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Visit

// A goal of the current plan: progress (saved when the slider is let go) and status.
Card {
    id: card
    required property VisitController controller
    required property string recordId
    required property string statement
    required property string target
    required property int progress
    required property string status
    required property var statusOptions

    objectName: "goalCard"
    Accessible.name: qsTr("Goal: %1").arg(statement)

    Text {
        Layout.fillWidth: true
        text: card.statement
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
    }
    Text {
        Layout.fillWidth: true
        visible: card.target.length > 0
        text: card.target
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }
    RowLayout {
        Layout.fillWidth: true
        Slider {
            id: slider
            objectName: "goalProgress"
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget
            from: 0
            to: 100
            stepSize: 5
            snapMode: Slider.SnapAlways
            value: card.progress
            Accessible.name: qsTr("Progress of %1").arg(card.statement)
            onPressedChanged: if (!pressed) card.controller.setField("goal", card.recordId, "progress", value)
            Keys.onReleased: card.controller.setField("goal", card.recordId, "progress", value)
        }
        Text {
            Layout.preferredWidth: 56
            text: qsTr("%1%").arg(Math.round(slider.value))
            font.pixelSize: Theme.fontBody
            color: Theme.text
            horizontalAlignment: Text.AlignRight
        }
    }
    Flow {
        Layout.fillWidth: true
        spacing: 6
        Repeater {
            model: card.statusOptions
            delegate: FilterChip {
                required property var modelData
                objectName: "goalStatus_" + modelData.value
                text: modelData.label
                checked: modelData.value === card.status
                Accessible.name: qsTr("Goal status: %1").arg(modelData.label)
                onClicked: {
                    checked = Qt.binding(() => modelData.value === card.status)
                    card.controller.setField("goal", card.recordId, "status", modelData.value)
                }
            }
        }
    }
}
