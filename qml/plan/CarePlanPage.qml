import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Forms
import CareRound.Session
import CareRound.Plan

// A client's care plan: SMART goals with linked services and action steps, and contingencies
// (barrier -> alternative). Every field saves as it is edited; once the plan is signed, what
// can no longer change is read-only and a note says so.
Rectangle {
    id: page
    objectName: "carePlanPage"
    required property Session session
    property string clientId: ""
    property string recordId: ""
    signal closed()
    color: Theme.background
    // Two columns only where each keeps room for its fields at the chosen text size.
    readonly property bool wide: width >= 1000 * Theme.fontScale

    PlanController {
        id: plan
        session: page.session
        clientId: page.clientId
        recordId: page.recordId
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.margin
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: plan.found ? plan.title : qsTr("Care plan")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                visible: plan.smartSummary.length > 0
                text: plan.smartSummary
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
            TouchButton {
                objectName: "closePlan"
                text: qsTr("Close")
                onClicked: page.closed()
            }
        }

        Rectangle {
            objectName: "planError"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            visible: plan.errorText.length > 0
            implicitHeight: Math.max(Theme.touchTarget, errorRow.implicitHeight + 8)
            radius: Theme.radius
            color: Theme.urgentSurface
            border.color: Theme.urgent
            property string text: plan.errorText
            RowLayout {
                id: errorRow
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                Text {
                    Layout.fillWidth: true
                    text: plan.errorText
                    color: Theme.urgent
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontBody
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
                TouchButton {
                    text: qsTr("Dismiss")
                    Accessible.name: qsTr("Dismiss the message")
                    onClicked: plan.clearError()
                }
            }
        }

        // No plan yet: start one.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin
            visible: !plan.found
            spacing: Theme.spacing
            Text {
                text: page.clientId.length > 0 ? qsTr("This client has no care plan yet.")
                                               : qsTr("Choose a client from the caseload")
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
            RowLayout {
                visible: page.clientId.length > 0
                spacing: Theme.spacing
                TextField {
                    id: newPlanTitle
                    objectName: "newPlanTitle"
                    Layout.preferredWidth: 420
                    implicitHeight: Theme.touchTarget
                    font.pixelSize: Theme.fontBody
                    placeholderText: qsTr("Plan title, e.g. Staying well at home")
                    Accessible.name: qsTr("Title of the new care plan")
                }
                TouchButton {
                    objectName: "createPlan"
                    primary: true
                    text: qsTr("Start a care plan")
                    onClicked: plan.createPlan(newPlanTitle.text)
                }
            }
            Item { Layout.fillHeight: true }
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: plan.found
            contentWidth: availableWidth
            clip: true

            GridLayout {
                width: scroll.availableWidth
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing

                // Goals (the wide column).
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 3
                    Layout.alignment: Qt.AlignTop
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: page.wide ? 0 : Theme.margin
                    spacing: Theme.spacing
                    SectionHeader { text: qsTr("Goals") }
                    Repeater {
                        model: plan.goals
                        delegate: GoalEditor {
                            Layout.fillWidth: true
                            controller: plan
                        }
                    }
                    Text {
                        visible: plan.goals.count === 0
                        text: qsTr("No goals yet. Each goal needs a measure, a target and a date.")
                        font.pixelSize: Theme.fontBody
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: !plan.sealed
                        spacing: Theme.spacing
                        TextField {
                            id: newGoal
                            objectName: "newGoalStatement"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("New goal: what the client wants to achieve")
                            Accessible.name: qsTr("New goal statement")
                        }
                        TouchButton {
                            objectName: "addGoal"
                            text: qsTr("Add goal")
                            enabled: newGoal.text.trim().length > 0
                            onClicked: if (plan.addGoal(newGoal.text) !== "") newGoal.clear()
                        }
                    }
                    Item { implicitHeight: Theme.margin }
                }

                // The plan itself and its contingencies.
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 2
                    Layout.alignment: Qt.AlignTop
                    Layout.leftMargin: page.wide ? 0 : Theme.margin
                    Layout.rightMargin: Theme.margin
                    spacing: Theme.spacing
                    SectionHeader { text: qsTr("Plan") }
                    Card {
                        Layout.fillWidth: true
                        Text {
                            objectName: "sealedNote"
                            Layout.fillWidth: true
                            visible: plan.sealed
                            text: plan.sealedNote
                            wrapMode: Text.Wrap
                            font.pixelSize: Theme.fontSmall
                            color: Theme.warning
                            Accessible.role: Accessible.StaticText
                            Accessible.name: text
                        }
                        LabeledField {
                            Layout.fillWidth: true
                            fieldObjectName: "planTitle"
                            label: qsTr("Title")
                            value: plan.title
                            readOnly: plan.sealed && plan.lockedWhenSigned("carePlan", "title")
                            onEdited: text => plan.setField("carePlan", plan.planId, "title", text)
                        }
                        ChoiceField {
                            Layout.fillWidth: true
                            boxObjectName: "planStatus"
                            label: qsTr("Plan status")
                            value: plan.status
                            choices: plan.statusChoices
                            onChosen: value => plan.setField("carePlan", plan.planId, "status", value)
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            DateField {
                                Layout.fillWidth: true
                                fieldObjectName: "planStartDate"
                                label: qsTr("Start date")
                                value: plan.startDate
                                readOnly: plan.sealed && plan.lockedWhenSigned("carePlan", "startDate")
                                onEdited: text => plan.setField("carePlan", plan.planId, "startDate", text)
                            }
                            DateField {
                                Layout.fillWidth: true
                                fieldObjectName: "planReviewDate"
                                label: qsTr("Review date")
                                value: plan.reviewDate
                                onEdited: text => plan.setField("carePlan", plan.planId, "reviewDate", text)
                            }
                        }
                        LabeledField {
                            Layout.fillWidth: true
                            fieldObjectName: "planSummary"
                            multiline: true
                            label: qsTr("Summary")
                            value: plan.summary
                            readOnly: plan.sealed && plan.lockedWhenSigned("carePlan", "summary")
                            onEdited: text => plan.setField("carePlan", plan.planId, "summary", text)
                        }
                    }

                    // A new plan in place of this one, with the goals the coordinator keeps.
                    TouchButton {
                        objectName: "startReplacement"
                        visible: !replacement.visible && (plan.status === "active" || plan.status === "draft")
                        text: qsTr("Start a new plan in place of this one")
                        onClicked: replacement.visible = true
                    }
                    Card {
                        id: replacement
                        objectName: "replacementPanel"
                        Layout.fillWidth: true
                        visible: false
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("The new plan replaces this one, which is kept as superseded. Tick the goals to bring forward: their unfinished steps and linked services come with them.")
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                        Text {
                            text: qsTr("Title of the new plan")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                        }
                        TextField {
                            id: replacementTitle
                            objectName: "replacementTitle"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            text: plan.title
                            Accessible.name: qsTr("Title of the new plan")
                        }
                        Repeater {
                            id: keptGoals
                            model: plan.goals
                            delegate: CheckBox {
                                required property string rowId
                                required property string statement
                                required property string status
                                objectName: "keep_" + rowId
                                Layout.fillWidth: true
                                implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight)
                                text: statement
                                font.pixelSize: Theme.fontBody
                                // Goals still being worked on come forward unless unticked.
                                checked: status === "open" || status === "in_progress"
                                Accessible.name: qsTr("Bring forward: %1").arg(statement)
                            }
                        }
                        RowLayout {
                            spacing: Theme.spacing
                            TouchButton {
                                objectName: "confirmReplacement"
                                primary: true
                                text: qsTr("Start the new plan")
                                onClicked: {
                                    const kept = []
                                    for (let i = 0; i < keptGoals.count; ++i) {
                                        const box = keptGoals.itemAt(i)
                                        if (box.checked)
                                            kept.push(box.rowId)
                                    }
                                    if (plan.replacePlan(replacementTitle.text, kept))
                                        replacement.visible = false
                                }
                            }
                            TouchButton {
                                objectName: "cancelReplacement"
                                text: qsTr("Cancel")
                                onClicked: replacement.visible = false
                            }
                        }
                    }

                    SectionHeader { text: qsTr("Contingencies") }
                    Repeater {
                        model: plan.contingencies
                        delegate: Card {
                            id: contingency
                            required property string rowId
                            required property string barrier
                            required property string alternative
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Contingency: %1").arg(barrier)
                            LabeledField {
                                Layout.fillWidth: true
                                fieldObjectName: "contingencyBarrier"
                                multiline: true
                                label: qsTr("If this gets in the way")
                                value: contingency.barrier
                                readOnly: plan.sealed
                                onEdited: text => plan.setField("contingency", contingency.rowId, "barrier", text)
                            }
                            LabeledField {
                                Layout.fillWidth: true
                                fieldObjectName: "contingencyAlternative"
                                multiline: true
                                label: qsTr("Then do this instead")
                                value: contingency.alternative
                                readOnly: plan.sealed
                                onEdited: text => plan.setField("contingency", contingency.rowId, "alternative", text)
                            }
                            RemoveControl {
                                visible: !plan.sealed
                                what: qsTr("contingency")
                                onRemoveConfirmed: reason => plan.voidRecord("contingency", contingency.rowId, reason)
                            }
                        }
                    }
                    Card {
                        Layout.fillWidth: true
                        visible: !plan.sealed
                        TextField {
                            id: newBarrier
                            objectName: "newBarrier"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("Barrier: what could get in the way")
                            Accessible.name: qsTr("New contingency barrier")
                        }
                        TextField {
                            id: newAlternative
                            objectName: "newAlternative"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("Alternative: what to do then")
                            Accessible.name: qsTr("New contingency alternative")
                        }
                        TouchButton {
                            objectName: "addContingency"
                            text: qsTr("Add contingency")
                            enabled: newBarrier.text.trim().length > 0 && newAlternative.text.trim().length > 0
                            onClicked: {
                                if (plan.addContingency(newBarrier.text, newAlternative.text) !== "") {
                                    newBarrier.clear()
                                    newAlternative.clear()
                                }
                            }
                        }
                    }
                    Item { implicitHeight: Theme.margin }
                }
            }
        }
    }
}
