import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Assessment

// One assessment of a client: the domains with their questions, notes and instruments (scored
// live), progress through the domains and the completion check. Every answer saves at once.
Rectangle {
    id: page
    objectName: "assessmentPage"
    required property Session session
    property string clientId: ""
    property string recordId: ""
    signal closed()
    readonly property bool wide: width >= 1000

    // One domain: its state (done, partly done, empty), title and, in the list, a summary.
    component DomainButton: AbstractButton {
        id: domainButton
        required property string key
        required property string title
        required property string progressState
        required property string stateText
        required property string summary
        required property bool current
        objectName: "domain_" + key
        width: page.wide ? domainList.width : implicitWidth
        implicitWidth: domainText.implicitWidth + 64
        implicitHeight: Math.max(Theme.touchTarget + 16,
                                 domainText.implicitHeight + 16)
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("%1, %2").arg(title).arg(stateText)
        onClicked: assessment.currentDomain = key
        background: Rectangle {
            color: domainButton.current ? Theme.selected : Theme.surface
            border.color: domainButton.current ? Theme.accent : Theme.border
            radius: page.wide ? 0 : Theme.radius
        }
        contentItem: RowLayout {
            spacing: 8
            Rectangle {
                Layout.leftMargin: 8
                implicitWidth: 28
                implicitHeight: 28
                radius: 14
                color: domainButton.progressState === "done" ? Theme.ok
                       : domainButton.progressState === "partial" ? Theme.warningSurface
                                                          : Theme.surface
                border.color: domainButton.progressState === "done" ? Theme.ok
                              : domainButton.progressState === "partial" ? Theme.warning
                                                                 : Theme.border
                Text {
                    anchors.centerIn: parent
                    text: domainButton.progressState === "done" ? "\u2713"
                          : domainButton.progressState === "partial" ? "\u2026" : ""
                    color: domainButton.progressState === "done" ? Theme.accentText
                                                         : Theme.warning
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                }
            }
            ColumnLayout {
                id: domainText
                Layout.fillWidth: true
                spacing: 0
                Text {
                    Layout.fillWidth: true
                    text: domainButton.title
                    font.pixelSize: Theme.fontBody
                    font.bold: domainButton.current
                    color: Theme.text
                    elide: Text.ElideRight
                }
                Text {
                    Layout.fillWidth: true
                    visible: page.wide
                    text: domainButton.summary
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                    elide: Text.ElideRight
                }
            }
        }
    }

    color: Theme.background

    AssessmentController {
        id: assessment
        session: page.session
        clientId: page.clientId
        assessmentId: page.recordId
        onAssessmentIdChanged: page.recordId = assessmentId
    }
    Component.onDestruction: assessment.flush()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Header: who, which assessment, status, progress and the completion action.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: header.implicitHeight + 2 * Theme.spacing
            color: Theme.surface
            border.color: Theme.border
            ColumnLayout {
                id: header
                anchors.fill: parent
                anchors.margins: Theme.spacing
                anchors.leftMargin: Theme.margin
                anchors.rightMargin: Theme.margin
                spacing: 8
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    TouchButton {
                        objectName: "closeAssessment"
                        text: qsTr("Close")
                        onClicked: {
                            assessment.flush()
                            page.closed()
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Text {
                            objectName: "assessmentClientName"
                            Layout.fillWidth: true
                            text: assessment.clientName
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                            Accessible.role: Accessible.Heading
                            Accessible.name: text
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: assessment.found
                            text: qsTr("%1 · %2").arg(assessment.title).arg(assessment.statusText)
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                            elide: Text.ElideRight
                        }
                    }
                    TouchButton {
                        objectName: "completeButton"
                        visible: assessment.found && !assessment.sealed
                        primary: assessment.status !== "complete"
                        text: assessment.status === "complete" ? qsTr("Reopen")
                                                               : qsTr("Mark complete")
                        onClicked: assessment.status === "complete" ? assessment.reopen()
                                                                    : assessment.complete()
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    visible: assessment.found
                    spacing: Theme.spacing
                    ProgressBar {
                        objectName: "domainProgress"
                        Layout.fillWidth: true
                        from: 0
                        to: assessment.domainCount
                        value: assessment.domainsDone
                        Accessible.name: assessment.progressText
                    }
                    Text {
                        objectName: "progressText"
                        text: assessment.progressText
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                    }
                }
            }
        }

        // Banners: a self-harm answer at once, errors, why the record is read-only.
        Banner {
            objectName: "safetyAlert"
            visible: assessment.alertText.length > 0
            text: assessment.alertText
            urgent: true
        }
        Banner {
            objectName: "assessmentError"
            visible: assessment.errorText.length > 0
            text: assessment.errorText
            urgent: true
        }
        Banner {
            objectName: "readOnlyNotice"
            visible: assessment.readOnlyText.length > 0
            text: assessment.readOnlyText
        }
        // A finished assessment is followed by a new one: its notes start from this one's.
        Flow {
            objectName: "startNext"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.rightMargin: Theme.margin
            visible: assessment.found && (assessment.sealed || assessment.status === "complete")
            spacing: Theme.spacing
            TouchButton {
                objectName: "newReassessment"
                text: qsTr("Start a reassessment")
                onClicked: assessment.startNew("reassessment")
            }
            TouchButton {
                objectName: "newAnnual"
                text: qsTr("Start the annual assessment")
                onClicked: assessment.startNew("annual")
            }
        }

        // The completion check: what is missing, named.
        Rectangle {
            objectName: "completionCheck"
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            Layout.bottomMargin: 0
            visible: assessment.checkShown && assessment.missing.length > 0
            implicitHeight: Math.min(checkColumn.implicitHeight + 2 * Theme.spacing, 220)
            color: Theme.warningSurface
            border.color: Theme.warning
            radius: Theme.radius
            clip: true
            Flickable {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                contentHeight: checkColumn.implicitHeight
                boundsBehavior: Flickable.StopAtBounds
                ColumnLayout {
                    id: checkColumn
                    width: parent.width
                    spacing: 4
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Not complete yet. Still missing:")
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.warning
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: text
                    }
                    Repeater {
                        objectName: "missingList"
                        model: assessment.missing
                        delegate: Text {
                            required property string modelData
                            Layout.fillWidth: true
                            text: "• " + modelData
                            font.pixelSize: Theme.fontSmall
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
        }

        // No assessment yet: start one.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.margin
            visible: !assessment.found
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: page.clientId.length > 0
                      ? qsTr("Start a new assessment of %1").arg(assessment.clientName)
                      : qsTr("Choose a client to assess")
                font.pixelSize: Theme.fontTitle
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Flow {
                Layout.fillWidth: true
                visible: page.clientId.length > 0
                spacing: Theme.spacing
                TouchButton {
                    objectName: "startInitial"
                    primary: true
                    text: qsTr("Initial assessment")
                    onClicked: assessment.startNew("initial")
                }
                TouchButton {
                    objectName: "startReassessment"
                    text: qsTr("Reassessment")
                    onClicked: assessment.startNew("reassessment")
                }
                TouchButton {
                    objectName: "startAnnual"
                    text: qsTr("Annual assessment")
                    onClicked: assessment.startNew("annual")
                }
            }
            Item { Layout.fillHeight: true }
        }

        // The domains: a list beside the detail on a wide screen; above it otherwise, as
        // chips that wrap so that every domain and its state is in view. Plain geometry (Qt
        // 6.4's GridLayout kept its columns after a turn).
        Item {
            id: domainsAndDetail
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: assessment.found

            ListView {
                id: domainList
                objectName: "domainList"
                visible: page.wide
                width: 300
                height: parent.height
                clip: true
                spacing: 4
                model: page.wide ? assessment.domains : null
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Assessment domains")
                delegate: DomainButton {}
            }
            Flow {
                id: domainFlow
                objectName: "domainFlow"
                visible: !page.wide
                x: Theme.margin
                y: 4
                width: parent.width - 2 * Theme.margin
                height: visible ? implicitHeight : 0
                spacing: 4
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Assessment domains")
                Repeater {
                    model: page.wide ? null : assessment.domains
                    delegate: DomainButton {}
                }
            }

            ScrollView {
                id: detail
                objectName: "domainDetail"
                x: page.wide ? domainList.width : 0
                y: page.wide ? 0 : domainFlow.y + domainFlow.height + Theme.spacing
                width: parent.width - x
                height: parent.height - y
                contentWidth: availableWidth

                ColumnLayout {
                    width: detail.availableWidth
                    spacing: Theme.spacing

                    SectionHeader {
                        objectName: "currentDomainTitle"
                        Layout.leftMargin: Theme.margin
                        text: assessment.currentTitle
                    }

                    Card {
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.margin
                        Layout.rightMargin: Theme.margin
                        visible: assessment.questions.count > 0
                        Repeater {
                            model: assessment.questions
                            delegate: AnswerRow {
                                Layout.fillWidth: true
                                group: assessment.currentDomain
                                readOnly: assessment.readOnly
                                onChosen: (value) => assessment.answer(group, key, value)
                            }
                        }
                    }

                    Repeater {
                        model: assessment.instruments
                        delegate: Card {
                            id: instrumentCard
                            required property string instrumentId
                            required property string name
                            required property string domain
                            required property string scoreText
                            required property string bandLabel
                            required property bool complete
                            required property bool needed
                            required property bool severe
                            required property bool positive
                            required property bool selfHarmRisk
                            required property var answers
                            required property string previousText
                            Layout.fillWidth: true
                            Layout.leftMargin: Theme.margin
                            Layout.rightMargin: Theme.margin
                            visible: domain === assessment.currentDomain
                            border.color: severe || selfHarmRisk ? Theme.urgent : Theme.border
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing
                                Text {
                                    Layout.fillWidth: true
                                    text: instrumentCard.name
                                    font.pixelSize: Theme.fontTitle
                                    font.bold: true
                                    color: Theme.text
                                    Accessible.role: Accessible.Heading
                                    Accessible.name: text
                                }
                                Text {
                                    objectName: "score_" + instrumentCard.instrumentId
                                    text: instrumentCard.scoreText
                                    font.pixelSize: Theme.fontBody
                                    font.bold: instrumentCard.complete
                                    color: Theme.text
                                    Accessible.role: Accessible.StaticText
                                    Accessible.name: qsTr("%1 score: %2").arg(instrumentCard.name)
                                                                         .arg(text)
                                }
                            }
                            Text {
                                objectName: "band_" + instrumentCard.instrumentId
                                Layout.fillWidth: true
                                visible: text.length > 0
                                text: instrumentCard.bandLabel
                                font.pixelSize: Theme.fontBody
                                font.bold: true
                                color: instrumentCard.severe || instrumentCard.positive
                                       ? Theme.urgent : Theme.ok
                                wrapMode: Text.Wrap
                                Accessible.role: Accessible.StaticText
                                Accessible.name: text
                            }
                            Text {
                                // The score of the assessment before this one, beside the new.
                                objectName: "previous_" + instrumentCard.instrumentId
                                Layout.fillWidth: true
                                visible: text.length > 0
                                text: instrumentCard.previousText
                                font.pixelSize: Theme.fontBody
                                color: Theme.mutedText
                                wrapMode: Text.Wrap
                                Accessible.role: Accessible.StaticText
                                Accessible.name: text
                            }
                            Text {
                                Layout.fillWidth: true
                                visible: !instrumentCard.needed
                                text: qsTr("Needed when the PHQ-2 screen is positive (3 or more).")
                                font.pixelSize: Theme.fontSmall
                                color: Theme.mutedText
                                wrapMode: Text.Wrap
                            }
                            Repeater {
                                model: instrumentCard.answers
                                delegate: AnswerRow {
                                    Layout.fillWidth: true
                                    group: instrumentCard.instrumentId
                                    readOnly: assessment.readOnly
                                    flagged: group === "phq9" && key === "selfharm" && value > 0
                                    flagText: qsTr("Safety concern: ask about it today.")
                                    onChosen: (value) => assessment.answer(group, key, value)
                                }
                            }
                        }
                    }

                    Card {
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.margin
                        Layout.rightMargin: Theme.margin
                        Text {
                            text: qsTr("Notes on %1").arg(assessment.currentTitle.toLowerCase())
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: Theme.text
                        }
                        TextArea {
                            objectName: "domainNotes"
                            Layout.fillWidth: true
                            Layout.minimumHeight: 96
                            text: assessment.currentNotes
                            readOnly: assessment.readOnly
                            wrapMode: TextEdit.Wrap
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("Needs, challenges, what the client says")
                            Accessible.name: qsTr("Notes on %1").arg(assessment.currentTitle)
                            onTextChanged: assessment.editText(assessment.currentNotesField, text)
                            onActiveFocusChanged: if (!activeFocus) assessment.flush()
                            background: Rectangle {
                                color: Theme.background
                                border.color: parent.activeFocus ? Theme.accent : Theme.border
                                radius: Theme.radius
                            }
                        }
                    }

                    Card {
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.margin
                        Layout.rightMargin: Theme.margin
                        Text {
                            text: qsTr("Strengths (whole assessment)")
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: Theme.text
                        }
                        TextArea {
                            objectName: "strengths"
                            Layout.fillWidth: true
                            Layout.minimumHeight: 72
                            text: assessment.strengths
                            readOnly: assessment.readOnly
                            wrapMode: TextEdit.Wrap
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("What the client does well, who helps")
                            Accessible.name: qsTr("Strengths")
                            onTextChanged: assessment.editText("strengths", text)
                            onActiveFocusChanged: if (!activeFocus) assessment.flush()
                            background: Rectangle {
                                color: Theme.background
                                border.color: parent.activeFocus ? Theme.accent : Theme.border
                                radius: Theme.radius
                            }
                        }
                    }

                    TouchButton {
                        objectName: "nextDomain"
                        Layout.alignment: Qt.AlignRight
                        Layout.rightMargin: Theme.margin
                        Layout.bottomMargin: Theme.margin
                        visible: assessment.currentDomain !== "safety"
                        text: qsTr("Next domain")
                        onClicked: assessment.nextDomain()
                    }
                }
            }
        }
    }
}
