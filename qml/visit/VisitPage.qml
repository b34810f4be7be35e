import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Visit

// One visit in the client's home: check in, notes, check out; follow-ups, complaints and the
// steps taken, a satisfaction check and goal progress. Every change is saved as it is made.
Rectangle {
    id: page
    required property Session session
    property string clientId: ""
    property string recordId: ""
    property bool showBack: true
    signal closed()
    /** The client signs this visit record (a completed visit, not signed yet). */
    signal signOffRequested(string visitId)
    color: Theme.background

    // Two columns only where each keeps room for its fields at the chosen text size.
    readonly property bool wide: width >= 1000 * Theme.fontScale
    // The note being corrected (UI state only: the correction is a new note).
    property string correctingId: ""
    property int satisfactionScore: 0

    VisitController {
        id: visit
        objectName: "visitController"
        session: page.session
        clientId: page.clientId
        visitId: page.recordId
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.margin
            spacing: Theme.spacing
            TouchButton {
                visible: page.showBack
                text: qsTr("Back")
                onClicked: page.closed()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Text {
                    objectName: "visitClientName"
                    Layout.fillWidth: true
                    text: visit.clientFound ? qsTr("Visit with %1").arg(visit.clientName)
                                            : qsTr("Choose a client to start a visit")
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Text {
                    Layout.fillWidth: true
                    text: visit.clientPlace
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
            }
            Text {
                objectName: "visitStatus"
                text: visit.statusText
                font.pixelSize: Theme.fontTitle
                color: visit.status === "in_progress" ? Theme.ok : Theme.mutedText
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Visit status: %1").arg(text)
            }
        }

        Rectangle {
            objectName: "visitError"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            visible: visit.errorText.length > 0
            implicitHeight: Math.max(Theme.touchTarget, errorRow.implicitHeight + 8)
            radius: Theme.radius
            color: Theme.urgentSurface
            border.color: Theme.urgent
            RowLayout {
                id: errorRow
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                Text {
                    Layout.fillWidth: true
                    text: visit.errorText
                    color: Theme.urgent
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
                TouchButton {
                    text: qsTr("Dismiss")
                    onClicked: visit.clearError()
                }
            }
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth

            GridLayout {
                width: scroll.availableWidth - 2 * Theme.margin
                x: Theme.margin
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.margin
                rowSpacing: Theme.spacing

                // Left: the visit itself and its notes.
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacing

                    Card {
                        Layout.fillWidth: true
                        Text {
                            objectName: "visitTimes"
                            Layout.fillWidth: true
                            text: visit.hasVisit ? visit.timesText
                                                 : qsTr("Check in when you arrive: the visit starts now.")
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.Wrap
                            Accessible.role: Accessible.StaticText
                            Accessible.name: text
                        }
                        RowLayout {
                            spacing: Theme.spacing
                            TouchButton {
                                objectName: "checkInButton"
                                primary: true
                                visible: visit.canCheckIn
                                text: qsTr("Check in")
                                onClicked: visit.checkIn()
                            }
                            TouchButton {
                                objectName: "checkOutButton"
                                primary: true
                                visible: visit.canCheckOut
                                text: qsTr("Check out")
                                onClicked: visit.checkOut()
                            }
                            TouchButton {
                                objectName: "signVisitButton"
                                visible: visit.hasVisit && visit.status === "completed" && !visit.sealed
                                text: qsTr("Client signs the visit record")
                                onClicked: page.signOffRequested(visit.visitId)
                            }
                            Text {
                                objectName: "visitSignedText"
                                visible: visit.sealed
                                text: qsTr("Signed by the client: the record is sealed")
                                font.pixelSize: Theme.fontBody
                                color: Theme.ok
                                Layout.alignment: Qt.AlignVCenter
                            }
                        }
                        Text {
                            visible: visit.hasVisit
                            text: qsTr("Purpose")
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                            color: Theme.mutedText
                        }
                        TextField {
                            objectName: "visitPurpose"
                            Layout.fillWidth: true
                            visible: visit.hasVisit
                            enabled: !visit.sealed
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            text: visit.purpose
                            placeholderText: qsTr("Purpose of the visit")
                            Accessible.name: qsTr("Purpose of the visit")
                            onEditingFinished: visit.setField("visit", visit.visitId, "purpose", text)
                        }
                        Text {
                            visible: visit.hasVisit
                            text: qsTr("Summary")
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                            color: Theme.mutedText
                        }
                        TextArea {
                            objectName: "visitSummary"
                            Layout.fillWidth: true
                            visible: visit.hasVisit
                            enabled: !visit.sealed
                            Layout.minimumHeight: Theme.touchTarget * 2
                            font.pixelSize: Theme.fontBody
                            wrapMode: TextEdit.Wrap
                            text: visit.summary
                            placeholderText: qsTr("Summary of the visit")
                            Accessible.name: qsTr("Summary of the visit")
                            background: Rectangle {
                                color: Theme.surface
                                border.color: parent.activeFocus ? Theme.accent : Theme.border
                                radius: 4
                            }
                            onEditingFinished: visit.setField("visit", visit.visitId, "summary", text)
                        }
                    }

                    SectionHeader { text: qsTr("Notes") }
                    Text {
                        visible: visit.notes.count === 0
                        text: visit.hasVisit ? qsTr("No notes yet") : qsTr("Check in to write notes")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                    }
                    Repeater {
                        model: visit.notes
                        delegate: Card {
                            id: note
                            required property string recordId
                            required property string text
                            required property string whenText
                            required property bool corrected
                            required property string correctionOf
                            objectName: "noteCard"
                            Layout.fillWidth: true
                            opacity: corrected ? 0.6 : 1
                            Accessible.name: qsTr("Note of %1").arg(whenText)
                            RowLayout {
                                Layout.fillWidth: true
                                Text {
                                    Layout.fillWidth: true
                                    text: [note.whenText, note.correctionOf,
                                           note.corrected ? qsTr("corrected below") : ""]
                                          .filter(s => s.length > 0).join(" · ")
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.mutedText
                                    wrapMode: Text.Wrap
                                }
                                TouchButton {
                                    objectName: "correctNoteButton"
                                    visible: !note.corrected
                                    text: qsTr("Correct")
                                    Accessible.name: qsTr("Correct the note of %1").arg(note.whenText)
                                    onClicked: {
                                        page.correctingId = note.recordId
                                        noteField.text = note.text
                                        noteField.forceActiveFocus()
                                    }
                                }
                            }
                            Text {
                                objectName: "noteText"
                                Layout.fillWidth: true
                                text: note.text
                                font.pixelSize: Theme.fontBody
                                font.strikeout: note.corrected
                                color: Theme.text
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                    TextArea {
                        id: noteField
                        objectName: "noteField"
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touchTarget * 2
                        enabled: visit.hasVisit
                        font.pixelSize: Theme.fontBody
                        wrapMode: TextEdit.Wrap
                        placeholderText: page.correctingId.length > 0
                                         ? qsTr("The corrected note")
                                         : qsTr("What happened, what was said, what you saw")
                        Accessible.name: page.correctingId.length > 0 ? qsTr("Corrected note")
                                                                       : qsTr("New note")
                        background: Rectangle {
                            color: Theme.surface
                            border.color: noteField.activeFocus ? Theme.accent : Theme.border
                            radius: 4
                        }
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        TouchButton {
                            objectName: "addNoteButton"
                            enabled: visit.hasVisit && noteField.text.trim().length > 0
                            text: page.correctingId.length > 0 ? qsTr("Save correction")
                                                               : qsTr("Add note")
                            onClicked: {
                                if (visit.addNote(noteField.text, page.correctingId)) {
                                    noteField.clear()
                                    page.correctingId = ""
                                }
                            }
                        }
                        TouchButton {
                            visible: page.correctingId.length > 0
                            text: qsTr("Cancel correction")
                            onClicked: {
                                page.correctingId = ""
                                noteField.clear()
                            }
                        }
                    }
                }

                // Right: follow-ups, complaints, satisfaction, goals.
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacing

                    SectionHeader { text: qsTr("Follow-ups") }
                    Repeater {
                        model: visit.followUps
                        delegate: Card {
                            id: followUp
                            required property string recordId
                            required property string description
                            required property string dueText
                            required property bool done
                            required property bool linked
                            required property bool overdue
                            objectName: "followUpCard"
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Follow-up: %1").arg(description)
                            RowLayout {
                                Layout.fillWidth: true
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    Text {
                                        Layout.fillWidth: true
                                        text: followUp.description
                                        font.pixelSize: Theme.fontBody
                                        font.strikeout: followUp.done
                                        color: Theme.text
                                        wrapMode: Text.Wrap
                                    }
                                    Text {
                                        Layout.fillWidth: true
                                        text: followUp.linked ? followUp.dueText
                                                              : qsTr("%1 · from earlier").arg(followUp.dueText)
                                        font.pixelSize: Theme.fontSmall
                                        color: followUp.overdue ? Theme.urgent : Theme.mutedText
                                    }
                                }
                                TouchButton {
                                    objectName: "followUpDoneButton"
                                    text: followUp.done ? qsTr("Reopen") : qsTr("Mark done")
                                    Accessible.name: (followUp.done ? qsTr("Reopen %1")
                                                                    : qsTr("Mark done: %1"))
                                                     .arg(followUp.description)
                                    onClicked: visit.setFollowUpDone(followUp.recordId, !followUp.done)
                                }
                            }
                        }
                    }
                    Card {
                        Layout.fillWidth: true
                        enabled: visit.hasVisit
                        TextField {
                            id: followUpField
                            objectName: "followUpField"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("New follow-up, e.g. call the pharmacy")
                            Accessible.name: qsTr("New follow-up")
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 6
                            TextField {
                                id: dueField
                                objectName: "followUpDueField"
                                width: 170
                                implicitHeight: Theme.touchTarget
                                font.pixelSize: Theme.fontBody
                                text: visit.defaultDueDate
                                inputMethodHints: Qt.ImhDate
                                Accessible.name: qsTr("Due on (year-month-day)")
                            }
                            Repeater {
                                model: [
                                    { label: qsTr("Tomorrow"), days: 1 },
                                    { label: qsTr("In a week"), days: 7 },
                                    { label: qsTr("In 2 weeks"), days: 14 }
                                ]
                                delegate: FilterChip {
                                    required property var modelData
                                    text: modelData.label
                                    checkable: false
                                    Accessible.name: qsTr("Due %1").arg(modelData.label)
                                    onClicked: dueField.text = visit.dueDateIn(modelData.days)
                                }
                            }
                        }
                        TouchButton {
                            objectName: "addFollowUpButton"
                            enabled: followUpField.text.trim().length > 0
                            text: qsTr("Add follow-up")
                            onClicked: if (visit.addFollowUp(followUpField.text, dueField.text))
                                           followUpField.clear()
                        }
                    }

                    SectionHeader { text: qsTr("Complaints and issues") }
                    Repeater {
                        model: visit.complaints
                        delegate: VisitComplaintCard {
                            Layout.fillWidth: true
                            controller: visit
                        }
                    }
                    Card {
                        Layout.fillWidth: true
                        enabled: visit.hasVisit
                        TextField {
                            id: complaintSubject
                            objectName: "complaintSubjectField"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("Complaint or issue, e.g. aide arrives late")
                            Accessible.name: qsTr("Complaint subject")
                        }
                        TextField {
                            id: complaintDescription
                            objectName: "complaintDescriptionField"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("What the client said")
                            Accessible.name: qsTr("Complaint description")
                        }
                        TouchButton {
                            objectName: "raiseComplaintButton"
                            enabled: complaintSubject.text.trim().length > 0
                            text: qsTr("Record complaint")
                            onClicked: {
                                if (visit.raiseComplaint(complaintSubject.text,
                                                         complaintDescription.text)) {
                                    complaintSubject.clear()
                                    complaintDescription.clear()
                                }
                            }
                        }
                    }

                    SectionHeader { text: qsTr("Satisfaction") }
                    Repeater {
                        model: visit.satisfaction
                        delegate: Text {
                            required property int score
                            required property string comments
                            required property string whenText
                            objectName: "satisfactionText"
                            Layout.fillWidth: true
                            text: comments.length > 0
                                  ? qsTr("%1 · %2 of 5 · %3").arg(whenText).arg(score).arg(comments)
                                  : qsTr("%1 · %2 of 5").arg(whenText).arg(score)
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.Wrap
                            Accessible.role: Accessible.StaticText
                            Accessible.name: text
                        }
                    }
                    Card {
                        Layout.fillWidth: true
                        enabled: visit.hasVisit
                        Text {
                            text: qsTr("How satisfied is the client with the services? (1 = not at all, 5 = very)")
                            Layout.fillWidth: true
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                            wrapMode: Text.Wrap
                        }
                        Row {
                            spacing: 6
                            Repeater {
                                model: 5
                                delegate: FilterChip {
                                    required property int index
                                    objectName: "satisfactionScore" + (index + 1)
                                    implicitWidth: Theme.touchTarget + 8
                                    text: String(index + 1)
                                    checked: page.satisfactionScore === index + 1
                                    Accessible.name: qsTr("Satisfaction %1 of 5").arg(index + 1)
                                    onClicked: page.satisfactionScore = index + 1
                                }
                            }
                        }
                        TextField {
                            id: satisfactionComments
                            objectName: "satisfactionComments"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("Comments in the client's words")
                            Accessible.name: qsTr("Satisfaction comments")
                        }
                        TouchButton {
                            objectName: "recordSatisfactionButton"
                            enabled: page.satisfactionScore > 0
                            text: qsTr("Save satisfaction check")
                            onClicked: {
                                if (visit.recordSatisfaction(page.satisfactionScore,
                                                             satisfactionComments.text)) {
                                    page.satisfactionScore = 0
                                    satisfactionComments.clear()
                                }
                            }
                        }
                    }

                    SectionHeader {
                        text: visit.planTitle.length > 0 ? qsTr("Goal progress: %1").arg(visit.planTitle)
                                                         : qsTr("Goal progress")
                    }
                    Text {
                        visible: visit.goals.count === 0
                        text: qsTr("No current care plan with goals")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                    }
                    Repeater {
                        model: visit.goals
                        delegate: VisitGoalCard {
                            Layout.fillWidth: true
                            controller: visit
                        }
                    }
                    Item { implicitHeight: Theme.margin }
                }
            }
        }
    }
}
