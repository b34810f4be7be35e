import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Visit

// A complaint: subject, status (the allowed next ones), resolution and the steps taken.
Card {
    id: card
    required property VisitController controller
    required property string recordId
    required property string subject
    required property string description
    required property string status
    required property var statusOptions
    required property string resolution
    required property string raisedText
    required property bool thisVisit
    required property var actions

    objectName: "complaintCard"
    Accessible.name: qsTr("Complaint: %1").arg(subject)

    RowLayout {
        Layout.fillWidth: true
        Text {
            Layout.fillWidth: true
            text: card.subject
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Text {
            text: card.thisVisit ? qsTr("Raised in this visit") : card.raisedText
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
        }
    }
    Text {
        Layout.fillWidth: true
        visible: card.description.length > 0
        text: card.description
        font.pixelSize: Theme.fontSmall
        color: Theme.text
        wrapMode: Text.Wrap
    }
    Flow {
        Layout.fillWidth: true
        spacing: 6
        Repeater {
            model: card.statusOptions
            delegate: FilterChip {
                required property var modelData
                objectName: "complaintStatus_" + modelData.value
                text: modelData.label
                checked: modelData.value === card.status
                Accessible.name: qsTr("Complaint status: %1").arg(modelData.label)
                onClicked: {
                    checked = Qt.binding(() => modelData.value === card.status)
                    card.controller.setField("complaint", card.recordId, "status", modelData.value)
                }
            }
        }
    }
    TextField {
        Layout.fillWidth: true
        visible: card.status === "resolved" || card.status === "closed"
                 || card.resolution.length > 0
        implicitHeight: Theme.touchTarget
        font.pixelSize: Theme.fontBody
        text: card.resolution
        placeholderText: qsTr("How it was resolved")
        Accessible.name: qsTr("Resolution of %1").arg(card.subject)
        onEditingFinished: card.controller.setField("complaint", card.recordId, "resolution", text)
    }
    Text {
        text: qsTr("Steps taken")
        visible: card.actions.length > 0
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.mutedText
    }
    Repeater {
        model: card.actions
        delegate: Text {
            required property var modelData
            objectName: "complaintActionText"
            Layout.fillWidth: true
            text: qsTr("%1 · %2").arg(modelData.whenText).arg(modelData.text)
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            wrapMode: Text.Wrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
    RowLayout {
        Layout.fillWidth: true
        visible: card.status !== "closed"
        TextField {
            id: step
            objectName: "complaintActionField"
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("A step taken, e.g. called the provider")
            Accessible.name: qsTr("Step taken for %1").arg(card.subject)
        }
        TouchButton {
            objectName: "addComplaintActionButton"
            text: qsTr("Add step")
            enabled: step.text.trim().length > 0
            onClicked: if (card.controller.addComplaintAction(card.recordId, step.text)) step.clear()
        }
    }
}
