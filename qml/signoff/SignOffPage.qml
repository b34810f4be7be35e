import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.SignOff

// Sign-off of an assessment, care plan or visit: exactly what is signed, the signature pad,
// signer and relationship; once signed, the sealed record and the way to propose an amendment.
Rectangle {
    id: page
    objectName: "signOffPage"
    required property Session session
    property string clientId: ""
    property string recordId: ""
    // "assessment", "carePlan" or "visit"; empty: found from the id.
    property string recordEntity: ""
    signal closed()
    readonly property bool wide: width >= 1000
    color: Theme.background

    SignOffController {
        id: signOff
        session: page.session
        recordEntity: page.recordEntity
        recordId: page.recordId
    }
    DocumentExportController {
        id: documents
        session: page.session
        recordId: page.recordId
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: headerRow.implicitHeight + 2 * Theme.spacing
            color: Theme.surface
            border.color: Theme.border
            RowLayout {
                id: headerRow
                anchors.fill: parent
                anchors.margins: Theme.spacing
                anchors.leftMargin: Theme.margin
                anchors.rightMargin: Theme.margin
                spacing: Theme.spacing
                TouchButton {
                    objectName: "closeSignOff"
                    text: qsTr("Close")
                    onClicked: page.closed()
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Text {
                        Layout.fillWidth: true
                        text: signOff.found ? qsTr("Sign-off: %1").arg(signOff.kindLabel)
                                            : qsTr("Nothing to sign")
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                        color: Theme.text
                        elide: Text.ElideRight
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: signOff.found
                        text: qsTr("%1 · %2").arg(signOff.title).arg(signOff.clientName)
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        elide: Text.ElideRight
                    }
                }
                Rectangle {
                    visible: signOff.found
                    implicitWidth: stateLabel.implicitWidth + 24
                    implicitHeight: 36
                    radius: 18
                    color: signOff.sealed ? Theme.ok : Theme.warningSurface
                    border.color: signOff.sealed ? Theme.ok : Theme.warning
                    Text {
                        id: stateLabel
                        objectName: "signState"
                        anchors.centerIn: parent
                        text: signOff.sealed ? qsTr("Signed and sealed")
                                             : qsTr("Not signed yet")
                        color: signOff.sealed ? Theme.accentText : Theme.warning
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                }
            }
        }

        Rectangle {
            objectName: "signOffError"
            Layout.fillWidth: true
            visible: signOff.errorText.length > 0 || signOff.noticeText.length > 0
            implicitHeight: messageText.implicitHeight + 2 * Theme.spacing
            color: signOff.errorText.length > 0 ? Theme.urgentSurface : Theme.selected
            Text {
                id: messageText
                anchors.fill: parent
                anchors.margins: Theme.spacing
                anchors.leftMargin: Theme.margin
                text: signOff.errorText.length > 0 ? signOff.errorText : signOff.noticeText
                color: signOff.errorText.length > 0 ? Theme.urgent : Theme.text
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
        }

        // In a narrow pane everything scrolls, the text to sign at a readable height; a wide
        // one keeps the text beside the signature, filling the height.
        ScrollView {
            id: pageScroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: signOff.found
            contentWidth: availableWidth
            contentHeight: grid.height + 2 * Theme.margin
            clip: true
            GridLayout {
                id: grid
                x: Theme.margin
                y: Theme.margin
                width: pageScroll.availableWidth - 2 * Theme.margin
                height: page.wide ? pageScroll.availableHeight - 2 * Theme.margin : implicitHeight
                columns: page.wide ? 2 : 1
                columnSpacing: Theme.margin
                rowSpacing: Theme.margin

                // Exactly what is signed.
                Rectangle {
                    Layout.fillWidth: true
                    Layout.fillHeight: page.wide
                    Layout.minimumHeight: 200
                    Layout.preferredHeight: page.wide ? -1 : Math.max(280, pageScroll.availableHeight / 2)
                    color: Theme.surface
                    border.color: Theme.border
                    radius: Theme.radius
                    ColumnLayout {
                        anchors.fill: parent
                        anchors.margins: Theme.margin
                        spacing: 8
                        Text {
                            Layout.fillWidth: true
                            text: signOff.sealed ? qsTr("What was signed") : qsTr("What is being signed")
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            color: Theme.text
                            Accessible.role: Accessible.Heading
                            Accessible.name: text
                        }
                        ScrollView {
                            id: contentScroll
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            contentWidth: availableWidth
                            clip: true
                            // The bar stays shown while there is more below: the whole is read.
                            ScrollBar.vertical.policy: contentHeight > height ? ScrollBar.AlwaysOn
                                                                              : ScrollBar.AsNeeded
                            Text {
                                objectName: "signedContent"
                                width: contentScroll.availableWidth
                                text: signOff.contentText
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                                wrapMode: Text.Wrap
                                lineHeight: 1.15
                                Accessible.role: Accessible.StaticText
                                Accessible.name: qsTr("Content to sign")
                                Accessible.description: text
                            }
                        }
                        Text {
                            objectName: "moreBelow"
                            Layout.fillWidth: true
                            visible: contentScroll.contentHeight > contentScroll.height
                                     && contentScroll.ScrollBar.vertical.position + contentScroll.ScrollBar.vertical.size < 0.999
                            text: qsTr("More below: scroll to read all of it before signing")
                            font.pixelSize: Theme.fontSmall
                            font.italic: true
                            color: Theme.accent
                        }
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("Content fingerprint: %1…").arg(signOff.fingerprint)
                            font.pixelSize: Theme.fontSmall
                            font.family: "monospace"
                            color: Theme.mutedText
                            elide: Text.ElideRight
                        }
                    }
                }

                // Signing, or the sealed record and amendments.
                ColumnLayout {
                    Layout.preferredWidth: page.wide ? 540 : -1
                    Layout.fillWidth: !page.wide
                    Layout.fillHeight: page.wide
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacing

                    // Before signing.
                    ColumnLayout {
                        Layout.fillWidth: true
                        visible: !signOff.sealed
                        spacing: Theme.spacing
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("Signature of the client or their representative")
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                        Rectangle {
                            Layout.fillWidth: true
                            Layout.preferredHeight: 220
                            color: "#fffdf5"
                            border.color: Theme.border
                            radius: Theme.radius
                            Rectangle {
                                anchors.left: parent.left
                                anchors.right: parent.right
                                anchors.bottom: parent.bottom
                                anchors.margins: 24
                                anchors.bottomMargin: 48
                                height: 1
                                color: Theme.border
                            }
                            Text {
                                anchors.left: parent.left
                                anchors.bottom: parent.bottom
                                anchors.margins: 24
                                anchors.bottomMargin: 20
                                visible: pad.empty
                                text: qsTr("Sign here with a finger or stylus")
                                font.pixelSize: Theme.fontSmall
                                color: Theme.mutedText
                            }
                            SignaturePad {
                                id: pad
                                objectName: "signaturePad"
                                anchors.fill: parent
                                Accessible.role: Accessible.Canvas
                                Accessible.name: qsTr("Signature pad")
                                Accessible.description: pad.empty ? qsTr("Empty")
                                                                  : qsTr("%n stroke(s)", "", pad.strokeCount)
                            }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            TouchButton {
                                objectName: "clearSignature"
                                text: qsTr("Clear signature")
                                enabled: !pad.empty
                                onClicked: pad.clear()
                            }
                            Item { Layout.fillWidth: true }
                            FilterChip {
                                id: asClient
                                objectName: "relationClient"
                                text: qsTr("Client")
                                checked: true
                                autoExclusive: true
                                onClicked: nameField.text = signOff.clientName
                            }
                            FilterChip {
                                id: asRepresentative
                                objectName: "relationRepresentative"
                                text: qsTr("Representative")
                                autoExclusive: true
                                onClicked: if (nameField.text === signOff.clientName) nameField.text = ""
                            }
                        }
                        TextField {
                            id: nameField
                            objectName: "signerName"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget + 4
                            font.pixelSize: Theme.fontBody
                            text: signOff.clientName
                            placeholderText: qsTr("Name of the person signing")
                            Accessible.name: qsTr("Name of the person signing")
                        }
                        TouchButton {
                            objectName: "signButton"
                            Layout.fillWidth: true
                            primary: true
                            enabled: !pad.empty && nameField.text.trim().length > 0
                            text: qsTr("Sign %1").arg(signOff.kindLabel.toLowerCase())
                            onClicked: signOff.sign(nameField.text,
                                                    asRepresentative.checked ? "representative"
                                                                             : "client",
                                                    pad.strokes)
                        }
                    }

                    // Once signed: sealed.
                    Rectangle {
                        objectName: "sealedNotice"
                        Layout.fillWidth: true
                        visible: signOff.sealed
                        implicitHeight: sealedColumn.implicitHeight + 2 * Theme.margin
                        color: Theme.surface
                        border.color: Theme.ok
                        border.width: 2
                        radius: Theme.radius
                        ColumnLayout {
                            id: sealedColumn
                            anchors.fill: parent
                            anchors.margins: Theme.margin
                            spacing: 6
                            Text {
                                objectName: "sealedText"
                                Layout.fillWidth: true
                                text: signOff.sealedText
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                                wrapMode: Text.Wrap
                                Accessible.role: Accessible.StaticText
                                Accessible.name: text
                            }
                            SignaturePad {
                                objectName: "signedSignature"
                                Layout.fillWidth: true
                                Layout.preferredHeight: amendPanel.visible ? 0 : 150
                                visible: !amendPanel.visible
                                readOnly: true
                                strokes: signOff.signedStrokes
                                Accessible.role: Accessible.Graphic
                                Accessible.name: qsTr("Signature of %1").arg(signOff.signedBy)
                            }
                        }
                    }
                    TouchButton {
                        objectName: "savePdf"
                        visible: signOff.sealed && documents.signedDocument
                        text: qsTr("Save as PDF")
                        onClicked: documents.savePdf()
                    }
                    Text {
                        objectName: "savedPdfPath"
                        Layout.fillWidth: true
                        visible: documents.savedPath.length > 0 || documents.errorText.length > 0
                        text: documents.errorText.length > 0 ? documents.errorText
                                                             : qsTr("Saved: %1").arg(documents.savedPath)
                        color: documents.errorText.length > 0 ? Theme.warning : Theme.text
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WrapAnywhere
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    TouchButton {
                        objectName: "proposeAmendment"
                        visible: signOff.sealed && !amendPanel.visible
                        text: qsTr("Propose an amendment")
                        onClicked: amendPanel.visible = true
                    }
                    Rectangle {
                        id: amendPanel
                        objectName: "amendmentPanel"
                        Layout.fillWidth: true
                        visible: false
                        implicitHeight: amendColumn.implicitHeight + 2 * Theme.margin
                        color: Theme.surface
                        border.color: Theme.border
                        radius: Theme.radius
                        ColumnLayout {
                            id: amendColumn
                            anchors.fill: parent
                            anchors.margins: Theme.margin
                            spacing: 8
                            Text {
                                Layout.fillWidth: true
                                text: qsTr("Propose an amendment")
                                font.pixelSize: Theme.fontBody
                                font.bold: true
                                color: Theme.text
                                Accessible.role: Accessible.Heading
                                Accessible.name: text
                            }
                            ComboBox {
                                id: amendField
                                objectName: "amendField"
                                Layout.fillWidth: true
                                implicitHeight: Theme.touchTarget
                                font.pixelSize: Theme.fontBody
                                model: signOff.amendableFields.concat([{ field: "",
                                         label: qsTr("Something else (describe it)"), current: "" }])
                                textRole: "label"
                                valueRole: "field"
                                Accessible.name: qsTr("What to change")
                                onActivated: amendText.text = model[currentIndex].current
                            }
                            TextArea {
                                id: amendText
                                objectName: "amendText"
                                Layout.fillWidth: true
                                Layout.minimumHeight: 96
                                wrapMode: TextEdit.Wrap
                                font.pixelSize: Theme.fontBody
                                placeholderText: qsTr("The proposed text")
                                Accessible.name: qsTr("Proposed change")
                                background: Rectangle {
                                    color: Theme.background
                                    border.color: amendText.activeFocus ? Theme.accent : Theme.border
                                    radius: Theme.radius
                                }
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing
                                TouchButton {
                                    objectName: "cancelAmendment"
                                    text: qsTr("Cancel")
                                    onClicked: amendPanel.visible = false
                                }
                                Item { Layout.fillWidth: true }
                                TouchButton {
                                    objectName: "sendAmendment"
                                    primary: true
                                    enabled: amendText.text.trim().length > 0
                                    text: qsTr("Send for review")
                                    onClicked: {
                                        if (signOff.proposeAmendment(amendField.currentValue,
                                                                     amendText.text)) {
                                            amendText.text = ""
                                            amendPanel.visible = false
                                        }
                                    }
                                }
                            }
                        }
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: signOff.amendments.count > 0
                        text: qsTr("Proposed amendments")
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                    }
                    Repeater {
                        objectName: "amendmentList"
                        model: signOff.amendments
                        delegate: Text {
                            required property string change
                            required property string statusText
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2").arg(change).arg(statusText)
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                            wrapMode: Text.Wrap
                            maximumLineCount: 2
                            elide: Text.ElideRight
                        }
                    }
                    Item { Layout.fillHeight: true }
                }
            }
        }
    }
}
