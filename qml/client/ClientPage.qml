import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Client
import CareRound.SignOff

// One client at a glance: who, how to reach them and their people, risks, the plan, history.
Rectangle {
    id: page
    required property Session session
    property string clientId: ""
    property bool showBack: false
    signal backRequested()
    /** screen: visit, assessment, plan, services, signoff, or record (a form of the client's
        record: recordEntity names the form, see RecordFormPage); recordId may be empty (new). */
    signal openRequested(string screen, string recordId, string recordEntity)
    color: Theme.background

    ClientController {
        id: client
        session: page.session
        clientId: page.clientId
    }
    // Saving the signed plan and assessment, the handout and the appointments for the client.
    // What the last save said: where the file went, or why it could not be written.
    property string savedText: ""
    DocumentExportController {
        id: planDocument
        session: page.session
        recordId: client.planId
        clientId: page.clientId
        onSavedPathChanged: page.savedText = qsTr("Saved: %1").arg(savedPath)
        onErrorTextChanged: if (errorText.length > 0) page.savedText = errorText
    }
    DocumentExportController {
        id: assessmentDocument
        session: page.session
        recordId: client.assessmentId
        clientId: page.clientId
        onSavedPathChanged: page.savedText = qsTr("Saved: %1").arg(savedPath)
        onErrorTextChanged: if (errorText.length > 0) page.savedText = errorText
    }

    Text {
        anchors.centerIn: parent
        visible: !client.found
        text: qsTr("Choose a client from the caseload")
        color: Theme.mutedText
        font.pixelSize: Theme.fontBody
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        visible: client.found
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: Theme.margin
                Layout.bottomMargin: 0
                spacing: Theme.spacing
                TouchButton {
                    visible: page.showBack
                    text: qsTr("Back to caseload")
                    onClicked: page.backRequested()
                }
                Text {
                    objectName: "clientName"
                    Layout.fillWidth: true
                    text: client.fullName
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Text {
                    objectName: "clientStatus"
                    text: client.statusText
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                }
            }
            Text {
                objectName: "clientStatusReason"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                visible: client.status !== "active" && client.statusReason.length > 0
                text: qsTr("%1: %2").arg(client.statusText).arg(client.statusReason)
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }

            Flow {
                objectName: "clientActions"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                spacing: Theme.spacing
                TouchButton {
                    objectName: "openVisit"
                    primary: true
                    text: qsTr("Visit")
                    onClicked: page.openRequested("visit", "", "visit")
                }
                TouchButton {
                    objectName: "openAssessment"
                    text: client.assessmentId.length > 0 ? qsTr("Assessment") : qsTr("New assessment")
                    onClicked: page.openRequested("assessment", client.assessmentId, "assessment")
                }
                TouchButton {
                    objectName: "openPlan"
                    text: client.planId.length > 0 ? qsTr("Care plan") : qsTr("New care plan")
                    onClicked: page.openRequested("plan", client.planId, "carePlan")
                }
                TouchButton {
                    objectName: "openServices"
                    text: qsTr("Services")
                    onClicked: page.openRequested("services", "", "")
                }
                TouchButton {
                    objectName: "editClient"
                    text: qsTr("Edit details")
                    onClicked: page.openRequested("record", page.clientId, "client")
                }
                TouchButton {
                    objectName: "changeClientStatus"
                    text: qsTr("Change status")
                    onClicked: page.openRequested("record", page.clientId, "clientStatus")
                }
                TouchButton {
                    objectName: "logContact"
                    text: qsTr("Log a call or message")
                    onClicked: page.openRequested("record", "", "contactLog")
                }
                TouchButton {
                    objectName: "openSignOff"
                    visible: client.planId.length > 0 && !client.planSigned
                    text: qsTr("Sign off the plan")
                    onClicked: page.openRequested("signoff", client.planId, "carePlan")
                }
                TouchButton {
                    objectName: "openSignOffAssessment"
                    visible: client.assessmentId.length > 0
                    text: qsTr("Sign off the assessment")
                    onClicked: page.openRequested("signoff", client.assessmentId, "assessment")
                }
            }

            Flow {
                objectName: "clientDocuments"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                spacing: Theme.spacing
                TouchButton {
                    objectName: "savePlanPdf"
                    visible: planDocument.signedDocument
                    text: qsTr("Signed plan as PDF")
                    onClicked: planDocument.savePdf()
                }
                TouchButton {
                    objectName: "saveAssessmentPdf"
                    visible: assessmentDocument.signedDocument
                    text: qsTr("Signed assessment as PDF")
                    onClicked: assessmentDocument.savePdf()
                }
                TouchButton {
                    objectName: "saveHandout"
                    text: qsTr("Handout for the client")
                    onClicked: planDocument.saveHandout()
                }
                TouchButton {
                    objectName: "saveAppointments"
                    text: qsTr("Appointments (.ics)")
                    onClicked: planDocument.saveAppointments()
                }
            }
            Text {
                objectName: "savedDocumentPath"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                visible: page.savedText.length > 0
                text: page.savedText
                color: Theme.text
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WrapAnywhere
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }

            Card {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Text {
                    Layout.fillWidth: true
                    text: client.facts
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Phone: %1").arg(client.phone)
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Text {
                    Layout.fillWidth: true
                    text: client.address
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 6
                    visible: client.riskFlags.length > 0
                    Repeater {
                        model: client.riskFlags
                        delegate: RiskBadge {
                            required property string modelData
                            text: modelData
                        }
                    }
                }
                Text {
                    Layout.fillWidth: true
                    visible: client.notes.length > 0
                    text: client.notes
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                SectionHeader {
                    Layout.fillWidth: true
                    text: qsTr("Contacts and caregivers")
                }
                TouchButton {
                    objectName: "addContact"
                    text: qsTr("Add contact")
                    onClicked: page.openRequested("record", "", "contact")
                }
            }
            Repeater {
                model: client.contacts
                delegate: Card {
                    required property var modelData
                    objectName: "contact_" + modelData.name
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Accessible.name: modelData.name
                    TapHandler { onTapped: page.openRequested("record", modelData.id, "contact") }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("%1 (%2)").arg(modelData.name).arg(modelData.relationship)
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        text: [modelData.phone, modelData.email, modelData.roles].filter(s => s.length > 0).join(" · ")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                SectionHeader {
                    Layout.fillWidth: true
                    text: client.followUps.length > 0 ? qsTr("Follow-ups (%1 open)").arg(client.followUps.length)
                                                      : qsTr("Follow-ups")
                }
                TouchButton {
                    objectName: "addFollowUp"
                    text: qsTr("Add follow-up")
                    onClicked: page.openRequested("record", "", "followUp")
                }
            }
            Repeater {
                model: client.followUps
                delegate: Card {
                    required property var modelData
                    objectName: "followUp_" + modelData.id
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Accessible.name: modelData.description
                    TapHandler { onTapped: page.openRequested("record", modelData.id, "followUp") }
                    Text {
                        Layout.fillWidth: true
                        text: modelData.description
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("%1 · %2 priority").arg(modelData.due).arg(modelData.priority)
                        font.pixelSize: Theme.fontSmall
                        color: modelData.overdue ? Theme.urgent : Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                SectionHeader {
                    Layout.fillWidth: true
                    text: qsTr("Complaints")
                }
                TouchButton {
                    objectName: "addComplaint"
                    text: qsTr("Log a complaint")
                    onClicked: page.openRequested("record", "", "complaint")
                }
            }
            Repeater {
                model: client.complaints
                delegate: Card {
                    required property var modelData
                    objectName: "complaint_" + modelData.id
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Accessible.name: modelData.subject
                    TapHandler { onTapped: page.openRequested("record", modelData.id, "complaint") }
                    Text {
                        Layout.fillWidth: true
                        text: modelData.subject
                        font.pixelSize: Theme.fontBody
                        font.bold: modelData.open
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        text: modelData.detail
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                SectionHeader {
                    Layout.fillWidth: true
                    text: qsTr("Consent to share information")
                }
                TouchButton {
                    objectName: "addConsent"
                    text: qsTr("New consent")
                    onClicked: page.openRequested("record", "", "consent")
                }
            }
            Repeater {
                model: client.consents
                delegate: Card {
                    required property var modelData
                    objectName: "consent_" + modelData.id
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Accessible.name: qsTr("Consent to share with %1").arg(modelData.recipient)
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("With %1: %2").arg(modelData.recipient).arg(modelData.shares)
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        objectName: "consentState"
                        Layout.fillWidth: true
                        text: qsTr("%1 · %2").arg(modelData.dates).arg(modelData.stateText)
                        font.pixelSize: Theme.fontSmall
                        color: modelData.state === "expired" || modelData.state === "unsigned" ? Theme.urgent : Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        TouchButton {
                            objectName: "signConsent"
                            visible: modelData.canSign
                            text: qsTr("Sign")
                            onClicked: page.openRequested("signoff", modelData.id, "consent")
                        }
                        TouchButton {
                            objectName: "editConsent"
                            visible: modelData.canSign
                            text: qsTr("Edit")
                            onClicked: page.openRequested("record", modelData.id, "consent")
                        }
                        TouchButton {
                            objectName: "revokeConsent"
                            visible: modelData.canRevoke
                            text: qsTr("Revoke")
                            onClicked: page.openRequested("record", modelData.id, "consentRevoke")
                        }
                    }
                }
            }

            SectionHeader {
                Layout.leftMargin: Theme.margin
                text: client.planTitle.length > 0 ? qsTr("Care plan: %1").arg(client.planTitle)
                                                  : qsTr("No current care plan")
            }
            Text {
                Layout.leftMargin: Theme.margin
                visible: client.planFacts.length > 0
                text: client.planFacts
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
            Repeater {
                model: client.goals
                delegate: Card {
                    required property var modelData
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Accessible.name: modelData.statement
                    Text {
                        Layout.fillWidth: true
                        text: modelData.statement
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("%1 · %2% · %3").arg(modelData.status).arg(modelData.progress).arg(modelData.target)
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                    ProgressBar {
                        Layout.fillWidth: true
                        from: 0
                        to: 100
                        value: modelData.progress
                        Accessible.name: qsTr("Goal progress")
                    }
                }
            }

            SectionHeader {
                Layout.leftMargin: Theme.margin
                text: qsTr("Visits, assessments and contacts")
            }
            Repeater {
                model: client.history
                delegate: Card {
                    required property var modelData
                    objectName: "history_" + modelData.id
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    Accessible.name: modelData.title
                    TapHandler {
                        onTapped: {
                            if (modelData.kind === "assessment")
                                page.openRequested("assessment", modelData.id, "assessment")
                            else if (modelData.kind === "contact")
                                page.openRequested("record", modelData.id, "contactLog")
                            else
                                page.openRequested("visit", modelData.id, "visit")
                        }
                    }
                    Text {
                        Layout.fillWidth: true
                        text: [modelData.when, modelData.title, modelData.status].filter(s => s.length > 0).join(" · ")
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: modelData.detail
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                }
            }
            Item { implicitHeight: Theme.margin }
        }
    }
}
