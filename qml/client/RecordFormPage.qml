import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Forms
import CareRound.Session
import CareRound.Client

// One form of the client's record, named by `form`: the client's details or status, a contact
// or caregiver, a follow-up, a complaint, a call or message for the contact log, a consent to
// share information or its revocation, a referral's outcome and rating. The fields and their
// labels are laid out here; the controller says what each takes, checks it and stores it
// (nothing when a field is wrong).
Rectangle {
    id: page
    required property Session session
    property string clientId: ""
    property string recordId: ""
    property string form: ""
    signal closed()
    signal saved(string recordId)
    color: Theme.background

    readonly property var riskSuggestions: [qsTr("falls risk"), qsTr("memory concerns"),
        qsTr("oxygen in home"), qsTr("dog in home"), qsTr("food insecurity"),
        qsTr("missed medications"), qsTr("recent hospital stay"), qsTr("hearing impaired"),
        qsTr("low vision"), qsTr("wandering risk"), qsTr("unsafe stairs")]
    readonly property var shareSuggestions: [qsTr("contact details"), qsTr("care plan"),
        qsTr("assessment results"), qsTr("medications"), qsTr("medical conditions"),
        qsTr("income and benefits"), qsTr("housing situation")]

    readonly property var forms: ({
        client: { entity: "client", newTitle: qsTr("New client"), title: qsTr("Edit details"),
            fields: [
                { name: "firstName", label: qsTr("First name") },
                { name: "lastName", label: qsTr("Last name") },
                { name: "dateOfBirth", label: qsTr("Date of birth") },
                { name: "phone", label: qsTr("Phone") },
                { name: "address", label: qsTr("Address") },
                { name: "city", label: qsTr("City") },
                { name: "postalCode", label: qsTr("Postal code") },
                { name: "language", label: qsTr("Preferred language") },
                { name: "livesAlone", label: qsTr("Lives alone") },
                { name: "riskFlags", label: qsTr("Risk flags") },
                { name: "notes", label: qsTr("Notes"), multiline: true }
            ] },
        clientStatus: { entity: "client", title: qsTr("Change status"), required: ["statusReason"],
            fields: [
                { name: "status", label: qsTr("Status") },
                { name: "statusReason", label: qsTr("Reason (for example: in hospital, moved away, service restarted)"), multiline: true }
            ] },
        contact: { entity: "contact", newTitle: qsTr("New contact or caregiver"), title: qsTr("Edit contact"),
            fields: [
                { name: "name", label: qsTr("Name") },
                { name: "relationship", label: qsTr("Relationship (daughter, neighbour, doctor...)") },
                { name: "phone", label: qsTr("Phone") },
                { name: "email", label: qsTr("Email") },
                { name: "isCaregiver", label: qsTr("Caregiver") },
                { name: "isEmergencyContact", label: qsTr("Emergency contact") },
                { name: "notes", label: qsTr("Notes"), multiline: true }
            ] },
        followUp: { entity: "followUp", newTitle: qsTr("New follow-up"), title: qsTr("Edit follow-up"),
            presets: { status: "open", priority: "normal" },
            fields: [
                { name: "description", label: qsTr("What needs doing"), multiline: true },
                { name: "dueOn", label: qsTr("Due on") },
                { name: "priority", label: qsTr("Priority") },
                { name: "status", label: qsTr("Status"), existingOnly: true }
            ] },
        complaint: { entity: "complaint", newTitle: qsTr("New complaint"), title: qsTr("Edit complaint"),
            presets: { status: "open", raisedOn: controller.todayText, escalation: "none" },
            fields: [
                { name: "subject", label: qsTr("Subject") },
                { name: "description", label: qsTr("What happened"), multiline: true },
                { name: "providerId", label: qsTr("About which provider") },
                { name: "handledBy", label: qsTr("Handled by") },
                { name: "dueOn", label: qsTr("To be resolved by") },
                { name: "escalation", label: qsTr("Escalation") },
                { name: "status", label: qsTr("Status"), existingOnly: true },
                { name: "resolution", label: qsTr("Resolution"), multiline: true, existingOnly: true }
            ] },
        contactLog: { entity: "contactLog", newTitle: qsTr("Log a call or message"), title: qsTr("Edit contact log entry"),
            presets: { channel: "phone", direction: "outgoing", at: controller.nowText },
            fields: [
                { name: "withWhom", label: qsTr("With whom") },
                { name: "contactId", label: qsTr("Which contact person (if any)") },
                { name: "providerId", label: qsTr("Which provider (if any)") },
                { name: "channel", label: qsTr("How") },
                { name: "direction", label: qsTr("Who got in touch") },
                { name: "at", label: qsTr("When") },
                { name: "summary", label: qsTr("What was said or arranged"), multiline: true },
                { name: "followUpOn", label: qsTr("Follow up on (leave empty if none)"), newOnly: true }
            ] },
        consent: { entity: "consent", newTitle: qsTr("New consent to share information"), title: qsTr("Edit consent"),
            presets: { status: "active", validFrom: controller.todayText },
            fields: [
                { name: "recipient", label: qsTr("Shared with (organisation or person)") },
                { name: "providerId", label: qsTr("Provider in the directory (if any)") },
                { name: "shares", label: qsTr("What may be shared") },
                { name: "purpose", label: qsTr("Purpose"), multiline: true },
                { name: "validFrom", label: qsTr("From") },
                { name: "validUntil", label: qsTr("Until") }
            ] },
        referralOutcome: { entity: "referral", title: qsTr("Outcome of the referral"), required: ["outcome"],
            fields: [
                { name: "outcome", label: qsTr("What came of it (service given, waiting list, declined...)"), multiline: true },
                { name: "rating", label: qsTr("Your rating of the service, 1 (poor) to 5 (excellent)") },
                { name: "closedOn", label: qsTr("Closed on (if the service has ended)") }
            ] },
        consentRevoke: { entity: "consent", title: qsTr("Revoke consent"), required: ["revokedReason"],
            fixed: { status: "revoked" },
            fields: [
                { name: "revokedReason", label: qsTr("Why the client revokes it"), multiline: true }
            ] }
    })
    readonly property var spec: forms[form] || { entity: "", title: "", fields: [] }
    readonly property bool isNew: recordId.length === 0

    RecordFormController {
        id: controller
        session: page.session
        entity: page.spec.entity
        clientId: page.clientId
        recordId: page.recordId
        required: page.spec.required || []
        presets: page.spec.presets || ({})
        fixedValues: page.spec.fixed || ({})
        fields: page.spec.fields.filter(f => !(page.isNew && f.existingOnly) && !(!page.isNew && f.newOnly))
    }

    function inputs() {
        const out = {}
        for (let i = 0; i < rows.count; ++i) {
            const item = rows.itemAt(i)
            if (item)
                out[item.row.name] = item.current()
        }
        return out
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
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
                    objectName: "recordFormCancel"
                    text: qsTr("Cancel")
                    onClicked: page.closed()
                }
                Text {
                    objectName: "recordFormTitle"
                    Layout.fillWidth: true
                    text: page.isNew ? (page.spec.newTitle || page.spec.title) : page.spec.title
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
            }
            Text {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                visible: !controller.found
                text: qsTr("This record is no longer on the tablet (it was removed or moved).")
                color: Theme.urgent
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                visible: controller.sealed
                text: qsTr("Signed: only what may change after signing is saved.")
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }

            Repeater {
                id: rows
                model: controller.rows
                delegate: ColumnLayout {
                    id: rowItem
                    required property var modelData
                    readonly property var row: modelData
                    Layout.fillWidth: true
                    Layout.leftMargin: Theme.margin
                    Layout.rightMargin: Theme.margin
                    spacing: 2
                    function current() {
                        switch (row.kind) {
                        case "boolean": return toggle.checked
                        case "choice": return choice.value
                        case "list": return list.items
                        case "date": case "dateTime": return date.text
                        default: return row.multiline ? area.text : line.text
                        }
                    }
                    Text {
                        visible: ["text", "number"].indexOf(rowItem.row.kind) >= 0
                        Layout.fillWidth: true
                        text: rowItem.row.label + (rowItem.row.required ? " *" : "")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                    TextField {
                        id: line
                        objectName: "field_" + rowItem.row.name
                        visible: ["text", "number"].indexOf(rowItem.row.kind) >= 0 && !rowItem.row.multiline
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget
                        text: rowItem.row.kind === "text" || rowItem.row.kind === "number" ? rowItem.row.value : ""
                        font.pixelSize: Theme.fontBody
                        inputMethodHints: rowItem.row.kind === "number" ? Qt.ImhDigitsOnly : Qt.ImhNone
                        Accessible.name: rowItem.row.label
                        // Long text shows its beginning, not its end.
                        Component.onCompleted: cursorPosition = 0
                    }
                    TextArea {
                        id: area
                        objectName: "area_" + rowItem.row.name
                        visible: rowItem.row.kind === "text" && rowItem.row.multiline
                        Layout.fillWidth: true
                        Layout.minimumHeight: 2 * Theme.touchTarget
                        text: rowItem.row.kind === "text" ? rowItem.row.value : ""
                        font.pixelSize: Theme.fontBody
                        wrapMode: TextEdit.Wrap
                        Accessible.name: rowItem.row.label
                        background: Rectangle {
                            radius: Theme.radius
                            color: Theme.surface
                            border.color: area.activeFocus ? Theme.accent : Theme.border
                        }
                    }
                    Switch {
                        id: toggle
                        objectName: "switch_" + rowItem.row.name
                        visible: rowItem.row.kind === "boolean"
                        implicitHeight: Theme.touchTarget
                        text: rowItem.row.label
                        checked: rowItem.row.kind === "boolean" && rowItem.row.value === true
                        font.pixelSize: Theme.fontBody
                        Accessible.name: rowItem.row.label
                    }
                    ChoiceField {
                        id: choice
                        boxObjectName: "choice_" + rowItem.row.name
                        visible: rowItem.row.kind === "choice"
                        Layout.fillWidth: true
                        label: rowItem.row.label + (rowItem.row.required ? " *" : "")
                        value: rowItem.row.kind === "choice" ? rowItem.row.value : ""
                        choices: rowItem.row.choices || []
                        onChosen: v => value = v
                    }
                    DateField {
                        id: date
                        fieldObjectName: "date_" + rowItem.row.name
                        visible: rowItem.row.kind === "date" || rowItem.row.kind === "dateTime"
                        Layout.fillWidth: true
                        withTime: rowItem.row.kind === "dateTime"
                        label: rowItem.row.label + (rowItem.row.required ? " *" : "")
                        value: visible ? rowItem.row.value : ""
                    }
                    ListField {
                        id: list
                        fieldObjectName: "list_" + rowItem.row.name
                        visible: rowItem.row.kind === "list"
                        Layout.fillWidth: true
                        label: rowItem.row.label + (rowItem.row.required ? " *" : "")
                        value: rowItem.row.kind === "list" ? rowItem.row.value : []
                        suggestions: rowItem.row.name === "riskFlags" ? page.riskSuggestions
                                   : rowItem.row.name === "shares" ? page.shareSuggestions : []
                    }
                    Text {
                        objectName: "error_" + rowItem.row.name
                        visible: text.length > 0
                        Layout.fillWidth: true
                        text: rowItem.row.error
                        color: Theme.urgent
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: text
                    }
                }
            }

            Text {
                objectName: "recordFormError"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                visible: text.length > 0
                text: controller.errorText
                color: Theme.urgent
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                spacing: Theme.spacing
                TouchButton {
                    objectName: "recordFormSave"
                    primary: true
                    enabled: controller.found
                    text: page.form === "consentRevoke" ? qsTr("Revoke") : qsTr("Save")
                    onClicked: {
                        const id = controller.save(page.inputs())
                        if (id.length > 0)
                            page.saved(id)
                    }
                }
                Item { Layout.fillWidth: true }
            }
            RemoveControl {
                objectName: "recordFormRemove"
                Layout.leftMargin: Theme.margin
                Layout.rightMargin: Theme.margin
                Layout.fillWidth: true
                visible: !page.isNew && controller.found && !controller.sealed &&
                         ["contact", "followUp", "complaint", "contactLog", "consent"].indexOf(page.form) >= 0
                what: controller.label
                onRemoveConfirmed: reason => {
                    if (controller.voidRecord(reason))
                        page.saved(page.recordId)
                }
            }
            Item { implicitHeight: Theme.margin }
        }
    }
}
