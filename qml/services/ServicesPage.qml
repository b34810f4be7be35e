import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Directory
import CareRound.Forms
import CareRound.Session
import CareRound.Services

// A client's services: referrals to providers chosen from the resource directory, benefit
// applications with their next action, and appointments with transport and preparation.
// Every field saves as it is edited; statuses offer only the allowed next steps.
Rectangle {
    id: page
    objectName: "servicesPage"
    required property Session session
    property string clientId: ""
    property string recordId: ""
    property alias currentTab: tabs.currentIndex
    signal closed()
    /** The outcome of a referral and the coordinator's rating of the service (a form). */
    signal outcomeRequested(string referralId)
    color: Theme.background

    ServicesController {
        id: services
        session: page.session
        clientId: page.clientId
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        visible: !picker.visible

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: services.clientName.length > 0 ? qsTr("Services for %1").arg(services.clientName)
                                                     : qsTr("Services")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            TouchButton {
                objectName: "closeServices"
                text: qsTr("Close")
                onClicked: page.closed()
            }
        }

        Rectangle {
            objectName: "servicesError"
            Layout.fillWidth: true
            visible: services.errorText.length > 0
            implicitHeight: Math.max(Theme.touchTarget, errorRow.implicitHeight + 8)
            radius: Theme.radius
            color: Theme.urgentSurface
            border.color: Theme.urgent
            property string text: services.errorText
            RowLayout {
                id: errorRow
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                Text {
                    Layout.fillWidth: true
                    text: services.errorText
                    color: Theme.urgent
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontBody
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                }
                TouchButton {
                    text: qsTr("Dismiss")
                    Accessible.name: qsTr("Dismiss the message")
                    onClicked: services.clearError()
                }
            }
        }

        // The chosen tab is the marked one (the Basic style's light selected tab over dark
        // others read inverted).
        component ServicesTab: TabButton {
            id: tab
            implicitHeight: Theme.touchTarget
            font.pixelSize: Theme.fontBody
            font.bold: checked
            Accessible.name: text
            contentItem: Text {
                text: tab.text
                font: tab.font
                color: tab.checked ? Theme.accentText : Theme.text
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
            }
            background: Rectangle {
                color: tab.checked ? Theme.accent : Theme.surface
                border.color: Theme.border
            }
        }
        TabBar {
            id: tabs
            Layout.fillWidth: true
            ServicesTab {
                objectName: "servicesTab0"
                text: qsTr("Referrals (%1)").arg(services.referrals.count)
            }
            ServicesTab {
                objectName: "servicesTab1"
                text: qsTr("Benefits (%1)").arg(services.benefits.count)
            }
            ServicesTab {
                objectName: "servicesTab2"
                text: qsTr("Appointments (%1)").arg(services.appointments.count)
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            // Referrals
            ScrollView {
                id: refScroll
                contentWidth: availableWidth
                clip: true
                ColumnLayout {
                    width: refScroll.availableWidth
                    spacing: Theme.spacing
                    Card {
                        Layout.fillWidth: true
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            ChoiceField {
                                id: referralGoal
                                Layout.fillWidth: true
                                boxObjectName: "referralGoal"
                                label: qsTr("Goal the service is for")
                                value: ""
                                choices: {
                                    const out = []
                                    for (let i = 0; i < services.goals.count; ++i) {
                                        const g = services.goals.get(i)
                                        out.push({ value: g.rowId, label: g.label })
                                    }
                                    return out
                                }
                                onChosen: v => value = v
                            }
                            TouchButton {
                                objectName: "referToProvider"
                                primary: true
                                Layout.alignment: Qt.AlignBottom
                                text: qsTr("Refer to a provider…")
                                onClicked: picker.visible = true
                            }
                        }
                    }
                    Repeater {
                        model: services.referrals
                        delegate: Card {
                            id: referral
                            required property string rowId
                            required property string providerName
                            required property bool providerDiscontinued
                            required property string serviceType
                            required property string goalText
                            required property string status
                            required property var statusChoices
                            required property string facts
                            required property string notes
                            required property string outcomeText
                            objectName: "referralCard"
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Referral to %1").arg(providerName)
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing
                                Text {
                                    Layout.fillWidth: true
                                    text: referral.serviceType.length > 0
                                          ? qsTr("%1: %2").arg(referral.serviceType).arg(referral.providerName)
                                          : referral.providerName
                                    font.pixelSize: Theme.fontBody
                                    font.bold: true
                                    color: Theme.text
                                    wrapMode: Text.Wrap
                                }
                                Text {
                                    visible: referral.providerDiscontinued
                                    text: qsTr("Provider discontinued")
                                    color: Theme.urgent
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                            Text {
                                Layout.fillWidth: true
                                text: referral.facts.length > 0 ? qsTr("%1 · %2").arg(referral.goalText).arg(referral.facts)
                                                                : referral.goalText
                                font.pixelSize: Theme.fontSmall
                                color: Theme.mutedText
                                wrapMode: Text.Wrap
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing
                                ChoiceField {
                                    Layout.preferredWidth: 220
                                    boxObjectName: "referralStatus"
                                    label: qsTr("Referral status")
                                    value: referral.status
                                    choices: referral.statusChoices
                                    onChosen: v => services.setField("referral", referral.rowId, "status", v)
                                }
                                LabeledField {
                                    Layout.fillWidth: true
                                    fieldObjectName: "referralNotes"
                                    label: qsTr("Notes")
                                    value: referral.notes
                                    onEdited: t => services.setField("referral", referral.rowId, "notes", t)
                                }
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing
                                Text {
                                    objectName: "referralOutcome"
                                    Layout.fillWidth: true
                                    text: referral.outcomeText.length > 0 ? referral.outcomeText
                                                                          : qsTr("No outcome recorded yet")
                                    font.pixelSize: Theme.fontSmall
                                    color: referral.outcomeText.length > 0 ? Theme.text : Theme.mutedText
                                    wrapMode: Text.Wrap
                                }
                                TouchButton {
                                    objectName: "recordOutcome"
                                    text: qsTr("Outcome and rating")
                                    onClicked: page.outcomeRequested(referral.rowId)
                                }
                            }
                        }
                    }
                }
            }

            // Benefit applications
            ScrollView {
                id: benScroll
                contentWidth: availableWidth
                clip: true
                ColumnLayout {
                    width: benScroll.availableWidth
                    spacing: Theme.spacing
                    Card {
                        Layout.fillWidth: true
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            TextField {
                                id: newProgram
                                objectName: "newBenefitProgram"
                                Layout.fillWidth: true
                                implicitHeight: Theme.touchTarget
                                font.pixelSize: Theme.fontBody
                                placeholderText: qsTr("Program, e.g. SNAP")
                                Accessible.name: qsTr("Benefit program")
                            }
                            TouchButton {
                                objectName: "addBenefit"
                                primary: true
                                text: qsTr("Start application")
                                enabled: newProgram.text.trim().length > 0
                                onClicked: if (services.addBenefit(newProgram.text) !== "") newProgram.clear()
                            }
                        }
                    }
                    Repeater {
                        model: services.benefits
                        delegate: Card {
                            id: benefit
                            required property string rowId
                            required property string program
                            required property string status
                            required property var statusChoices
                            required property string submittedOn
                            required property string decisionOn
                            required property string nextAction
                            required property string nextActionDue
                            required property bool nextActionOverdue
                            required property string notes
                            function save(field, value) { services.setField("benefitApplication", benefit.rowId, field, value) }
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Benefit application: %1").arg(program)
                            GridLayout {
                                Layout.fillWidth: true
                                columns: width > 900 * Theme.fontScale ? 4 : 2
                                columnSpacing: Theme.spacing
                                LabeledField {
                                    Layout.fillWidth: true
                                    label: qsTr("Program")
                                    value: benefit.program
                                    onEdited: t => benefit.save("program", t)
                                }
                                ChoiceField {
                                    Layout.fillWidth: true
                                    label: qsTr("Application status")
                                    value: benefit.status
                                    choices: benefit.statusChoices
                                    onChosen: v => benefit.save("status", v)
                                }
                                DateField {
                                    Layout.fillWidth: true
                                    label: qsTr("Submitted on")
                                    value: benefit.submittedOn
                                    onEdited: t => benefit.save("submittedOn", t)
                                }
                                DateField {
                                    Layout.fillWidth: true
                                    label: qsTr("Decision on")
                                    value: benefit.decisionOn
                                    onEdited: t => benefit.save("decisionOn", t)
                                }
                                LabeledField {
                                    Layout.fillWidth: true
                                    Layout.columnSpan: 2
                                    label: qsTr("Next action")
                                    value: benefit.nextAction
                                    onEdited: t => benefit.save("nextAction", t)
                                }
                                DateField {
                                    Layout.fillWidth: true
                                    label: benefit.nextActionOverdue ? qsTr("Next action due (now due)") : qsTr("Next action due")
                                    value: benefit.nextActionDue
                                    onEdited: t => benefit.save("nextActionDue", t)
                                }
                                LabeledField {
                                    Layout.fillWidth: true
                                    label: qsTr("Notes")
                                    value: benefit.notes
                                    onEdited: t => benefit.save("notes", t)
                                }
                            }
                        }
                    }
                }
            }

            // Appointments
            ScrollView {
                id: appScroll
                contentWidth: availableWidth
                clip: true
                ColumnLayout {
                    width: appScroll.availableWidth
                    spacing: Theme.spacing
                    Card {
                        Layout.fillWidth: true
                        // What and when on rows of their own, where and with whom side by side.
                        TextField {
                            id: newAppTitle
                            objectName: "newAppointmentTitle"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("What, e.g. Eye exam")
                            Accessible.name: qsTr("Appointment title")
                        }
                        DateField {
                            id: newAppWhen
                            fieldObjectName: "newAppointmentWhen"
                            Layout.fillWidth: true
                            withTime: true
                            label: qsTr("Appointment date and time")
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            TextField {
                                id: newAppWhere
                                objectName: "newAppointmentWhere"
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                implicitHeight: Theme.touchTarget
                                font.pixelSize: Theme.fontBody
                                placeholderText: qsTr("Where")
                                Accessible.name: qsTr("Appointment location")
                            }
                            TextField {
                                id: newAppWho
                                objectName: "newAppointmentWho"
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                implicitHeight: Theme.touchTarget
                                font.pixelSize: Theme.fontBody
                                placeholderText: qsTr("With whom")
                                Accessible.name: qsTr("Appointment with whom")
                            }
                        }
                        TouchButton {
                            objectName: "addAppointment"
                            primary: true
                            text: qsTr("Book")
                            Accessible.name: qsTr("Book the appointment")
                            enabled: newAppTitle.text.trim().length > 0 && newAppWhen.text.trim().length > 0
                            onClicked: {
                                if (services.addAppointment(newAppTitle.text, newAppWhen.text, newAppWhere.text, newAppWho.text) !== "") {
                                    newAppTitle.clear(); newAppWhen.text = ""; newAppWhere.clear(); newAppWho.clear()
                                }
                            }
                        }
                    }
                    Repeater {
                        model: services.appointments
                        delegate: Card {
                            id: appointment
                            required property string rowId
                            required property string title
                            required property string withWhom
                            required property string startsAt
                            required property string whenText
                            required property string location
                            required property bool transportArranged
                            required property string transportNotes
                            required property string preparationNotes
                            required property string status
                            required property var statusChoices
                            required property bool needsTransport
                            function save(field, value) { services.setField("appointment", appointment.rowId, field, value) }
                            objectName: "appointmentCard"
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Appointment: %1, %2").arg(title).arg(whenText)
                            RowLayout {
                                Layout.fillWidth: true
                                Text {
                                    Layout.fillWidth: true
                                    text: qsTr("%1 · %2").arg(appointment.whenText).arg(appointment.title)
                                    font.pixelSize: Theme.fontBody
                                    font.bold: true
                                    color: Theme.text
                                    wrapMode: Text.Wrap
                                }
                                Text {
                                    visible: appointment.needsTransport
                                    text: qsTr("No transport arranged")
                                    color: Theme.urgent
                                    font.pixelSize: Theme.fontSmall
                                    font.bold: true
                                }
                            }
                            GridLayout {
                                Layout.fillWidth: true
                                columns: width > 900 * Theme.fontScale ? 4 : 2
                                columnSpacing: Theme.spacing
                                DateField {
                                    Layout.fillWidth: true
                                    withTime: true
                                    label: qsTr("When")
                                    value: appointment.startsAt
                                    onEdited: t => appointment.save("startsAt", t)
                                }
                                LabeledField {
                                    Layout.fillWidth: true
                                    label: qsTr("Where")
                                    value: appointment.location
                                    onEdited: t => appointment.save("location", t)
                                }
                                LabeledField {
                                    Layout.fillWidth: true
                                    label: qsTr("With whom")
                                    value: appointment.withWhom
                                    onEdited: t => appointment.save("withWhom", t)
                                }
                                ChoiceField {
                                    Layout.fillWidth: true
                                    label: qsTr("Appointment status")
                                    value: appointment.status
                                    choices: appointment.statusChoices
                                    onChosen: v => appointment.save("status", v)
                                }
                                RowLayout {
                                    Layout.fillWidth: true
                                    Switch {
                                        objectName: "transportArranged"
                                        implicitHeight: Theme.touchTarget
                                        checked: appointment.transportArranged
                                        Accessible.name: qsTr("Transport arranged")
                                        onToggled: appointment.save("transportArranged", checked)
                                    }
                                    Text {
                                        Layout.fillWidth: true
                                        text: qsTr("Transport arranged")
                                        font.pixelSize: Theme.fontBody
                                        color: Theme.text
                                    }
                                }
                                LabeledField {
                                    Layout.fillWidth: true
                                    fieldObjectName: "transportNotes"
                                    label: qsTr("Transport notes")
                                    value: appointment.transportNotes
                                    onEdited: t => appointment.save("transportNotes", t)
                                }
                                LabeledField {
                                    Layout.fillWidth: true
                                    Layout.columnSpan: 2
                                    fieldObjectName: "preparationNotes"
                                    label: qsTr("What to prepare")
                                    value: appointment.preparationNotes
                                    onEdited: t => appointment.save("preparationNotes", t)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // Choosing the provider of a new referral from the directory.
    ResourceDirectoryPage {
        id: picker
        objectName: "providerPicker"
        anchors.fill: parent
        visible: false
        session: page.session
        clientId: page.clientId
        picking: true
        onClosed: visible = false
        onProviderChosen: providerId => {
            services.refer(providerId, referralGoal.value)
            visible = false
            tabs.currentIndex = 0
        }
    }
}
