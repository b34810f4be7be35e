import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Forms
import CareRound.Plan

// One SMART goal: its parts (each saved as edited), the SMART check, linked services, its
// action steps and how to add one.
Card {
    id: goal
    required property PlanController controller
    required property string rowId
    required property string statement
    required property string domain
    required property string measure
    required property string targetValue
    required property string targetDate
    required property string achievable
    required property string relevance
    required property string status
    required property var statusChoices
    required property int progress
    required property bool smartComplete
    required property string smartText
    required property var services
    required property var trend
    required property string trendText
    required property string attainment
    required property string attainmentText
    required property var attainmentChoices
    readonly property bool sealed: controller.sealed
    function locked(field) { return goal.sealed && goal.controller.lockedWhenSigned("goal", field) }
    function save(field, value) { goal.controller.setField("goal", goal.rowId, field, value) }
    Accessible.name: qsTr("Goal: %1").arg(statement)

    LabeledField {
        Layout.fillWidth: true
        fieldObjectName: "goalStatement"
        multiline: true
        label: qsTr("Goal (specific: what the client wants to achieve)")
        value: goal.statement
        readOnly: goal.locked("statement")
        onEdited: text => goal.save("statement", text)
    }
    Text {
        objectName: "smartCheck"
        Layout.fillWidth: true
        text: goal.smartText
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontSmall
        font.bold: !goal.smartComplete
        color: goal.smartComplete ? Theme.ok : Theme.warning
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    // The goal's fields in columns by plain geometry (a Flow of equal cells): Qt 6.4's
    // GridLayout kept its first column count when the goal got narrower.
    Flow {
        id: fields
        Layout.fillWidth: true
        spacing: Theme.spacing
        readonly property int columns: width > 760 * Theme.fontScale ? 3 : 2
        readonly property real cellWidth: Math.floor((width - (columns - 1) * spacing) / columns)
        LabeledField {
            width: fields.cellWidth
            fieldObjectName: "goalMeasure"
            label: qsTr("Measure")
            placeholderText: qsTr("e.g. falls reported")
            value: goal.measure
            readOnly: goal.locked("measure")
            onEdited: text => goal.save("measure", text)
        }
        LabeledField {
            width: fields.cellWidth
            fieldObjectName: "goalTargetValue"
            label: qsTr("Target value")
            placeholderText: qsTr("e.g. 0")
            value: goal.targetValue
            readOnly: goal.locked("targetValue")
            onEdited: text => goal.save("targetValue", text)
        }
        DateField {
            width: fields.cellWidth
            fieldObjectName: "goalTargetDate"
            label: qsTr("Target date")
            value: goal.targetDate
            readOnly: goal.locked("targetDate")
            onEdited: text => goal.save("targetDate", text)
        }
        LabeledField {
            width: fields.cellWidth
            fieldObjectName: "goalAchievable"
            multiline: true
            label: qsTr("Achievable: why it can be done")
            value: goal.achievable
            readOnly: goal.locked("achievable")
            onEdited: text => goal.save("achievable", text)
        }
        LabeledField {
            width: fields.cellWidth
            fieldObjectName: "goalRelevance"
            multiline: true
            label: qsTr("Relevant: why it matters to the client")
            value: goal.relevance
            readOnly: goal.locked("relevance")
            onEdited: text => goal.save("relevance", text)
        }
        ChoiceField {
            width: fields.cellWidth
            boxObjectName: "goalDomain"
            label: qsTr("Domain")
            value: goal.domain
            choices: goal.controller.domainChoices
            readOnly: goal.locked("domain")
            onChosen: value => goal.save("domain", value)
        }
        ChoiceField {
            width: fields.cellWidth
            boxObjectName: "goalStatus"
            label: qsTr("Goal status")
            value: goal.status
            choices: goal.statusChoices
            onChosen: value => goal.save("status", value)
        }
        ChoiceField {
            width: fields.cellWidth
            boxObjectName: "goalAttainment"
            label: qsTr("Attainment at review")
            value: goal.attainment
            choices: [{ value: "", label: qsTr("Not reviewed yet") }].concat(goal.attainmentChoices)
            onChosen: value => goal.controller.setAttainment(goal.rowId, value)
        }
    }

    // Progress over time: every update is kept; the chart and the words show the trend.
    Text {
        Layout.fillWidth: true
        text: qsTr("Progress: %1%").arg(goal.progress)
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        GoalTrend {
            objectName: "goalTrend"
            visible: goal.trend.length >= 2
            Layout.preferredWidth: 200
            Layout.preferredHeight: 56
            points: goal.trend
            Accessible.name: goal.trendText
        }
        Text {
            objectName: "goalTrendText"
            Layout.fillWidth: true
            text: goal.trendText
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }
    }
    Text {
        objectName: "goalAttainmentText"
        Layout.fillWidth: true
        visible: text.length > 0
        text: goal.attainmentText
        font.pixelSize: Theme.fontSmall
        color: Theme.ok
        wrapMode: Text.Wrap
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        TextField {
            id: progressValue
            objectName: "progressValue"
            Layout.preferredWidth: 110
            implicitHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            inputMethodHints: Qt.ImhDigitsOnly
            placeholderText: qsTr("0-100")
            Accessible.name: qsTr("New progress in percent")
        }
        TextField {
            id: progressNote
            objectName: "progressNote"
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("What changed (optional)")
            Accessible.name: qsTr("Note on this progress update")
        }
        TouchButton {
            objectName: "recordProgress"
            text: qsTr("Record progress")
            enabled: progressValue.text.trim().length > 0
            onClicked: {
                if (goal.controller.recordProgress(goal.rowId, progressValue.text, progressNote.text)) {
                    progressValue.clear()
                    progressNote.clear()
                }
            }
        }
    }

    Text {
        Layout.fillWidth: true
        text: goal.services.length > 0 ? qsTr("Services for this goal: %1").arg(goal.services.join("; "))
                                       : qsTr("No services linked to this goal yet")
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
    }
    RowLayout {
        Layout.fillWidth: true
        visible: goal.controller.unlinkedServices.count > 0
        spacing: Theme.spacing
        ComboBox {
            id: serviceBox
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            model: goal.controller.unlinkedServices
            textRole: "label"
            valueRole: "rowId"
            Accessible.name: qsTr("Service to link to this goal")
        }
        TouchButton {
            text: qsTr("Link service")
            enabled: serviceBox.currentIndex >= 0
            onClicked: goal.controller.linkService(serviceBox.currentValue, goal.rowId)
        }
    }

    Text {
        text: qsTr("Action steps")
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Repeater {
        model: goal.controller.stepsFor(goal.rowId)
        delegate: GridLayout {
            id: step
            required property string rowId
            required property string description
            required property string owner
            required property string dueDate
            required property bool overdue
            required property string status
            required property var statusChoices
            Layout.fillWidth: true
            columns: width > 760 * Theme.fontScale ? 4 : 2
            columnSpacing: Theme.spacing / 2
            rowSpacing: 2
            function locked(field) { return goal.sealed && goal.controller.lockedWhenSigned("actionStep", field) }
            function save(field, value) { goal.controller.setField("actionStep", step.rowId, field, value) }
            LabeledField {
                Layout.fillWidth: true
                Layout.columnSpan: step.columns
                fieldObjectName: "stepDescription"
                multiline: true
                label: qsTr("Step")
                value: step.description
                readOnly: step.locked("description")
                onEdited: text => step.save("description", text)
            }
            ChoiceField {
                Layout.fillWidth: true
                boxObjectName: "stepOwner"
                label: qsTr("Who")
                value: step.owner
                choices: goal.controller.ownerChoices
                readOnly: step.locked("owner")
                onChosen: value => step.save("owner", value)
            }
            DateField {
                Layout.fillWidth: true
                fieldObjectName: "stepDueDate"
                label: step.overdue ? qsTr("Due (overdue)") : qsTr("Due")
                value: step.dueDate
                readOnly: step.locked("dueDate")
                onEdited: text => step.save("dueDate", text)
            }
            ChoiceField {
                Layout.fillWidth: true
                boxObjectName: "stepStatus"
                label: qsTr("Step status")
                value: step.status
                choices: step.statusChoices
                onChosen: value => step.save("status", value)
            }
            RemoveControl {
                visible: !goal.sealed
                what: qsTr("step")
                Layout.alignment: Qt.AlignBottom
                onRemoveConfirmed: reason => goal.controller.voidRecord("actionStep", step.rowId, reason)
            }
        }
    }
    // A new step: what, then who, when and the button on a row of their own (they wrap).
    TextField {
        id: newStep
        objectName: "newStepDescription"
        visible: !goal.sealed
        Layout.fillWidth: true
        implicitHeight: Theme.touchTarget
        font.pixelSize: Theme.fontBody
        placeholderText: qsTr("New step: what will be done")
        Accessible.name: qsTr("New step description")
    }
    Flow {
        Layout.fillWidth: true
        visible: !goal.sealed
        spacing: Theme.spacing / 2
        ComboBox {
            id: newStepOwner
            objectName: "newStepOwner"
            implicitHeight: Theme.touchTarget
            width: Math.min(parent.width, 10 * Theme.fontBody)
            font.pixelSize: Theme.fontBody
            model: goal.controller.ownerChoices
            textRole: "label"
            valueRole: "value"
            currentIndex: 1
            Accessible.name: qsTr("Who does the new step")
        }
        DateField {
            id: newStepDue
            fieldObjectName: "newStepDue"
            label: qsTr("Due date of the new step")
            width: Math.min(parent.width, 16 * Theme.fontBody)
        }
        TouchButton {
            objectName: "addStepButton"
            text: qsTr("Add step")
            enabled: newStep.text.trim().length > 0
            onClicked: {
                if (goal.controller.addStep(goal.rowId, newStep.text, newStepOwner.currentValue, newStepDue.text) !== "") {
                    newStep.clear()
                    newStepDue.text = ""
                }
            }
        }
    }
    RemoveControl {
        visible: !goal.sealed
        what: qsTr("goal")
        onRemoveConfirmed: reason => goal.controller.voidRecord("goal", goal.rowId, reason)
    }
}
