import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Sync

// Conflicts sync could not settle alone: both values side by side with who and when; keep
// one, take the other, or write the right value. Resolved conflicts leave every tablet.
Rectangle {
    id: page
    required property Session session
    property string clientId: ""
    property string recordId: ""
    signal closed()
    color: Theme.background

    ConflictListModel {
        id: conflicts
        session: page.session
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            TouchButton {
                text: qsTr("Back")
                onClicked: page.closed()
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Conflicts to settle (%1)").arg(conflicts.count)
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
        }
        Text {
            objectName: "conflictError"
            Layout.fillWidth: true
            visible: text.length > 0
            text: conflicts.errorText
            color: Theme.urgent
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Text {
            Layout.fillWidth: true
            visible: conflicts.count === 0
            text: qsTr("Nothing to settle: every change was merged.")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
        ListView {
            id: list
            objectName: "conflictList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: conflicts
            delegate: Card {
                id: card
                required property string conflictId
                required property string title
                required property string explanation
                required property string keptText
                required property string keptWho
                required property string keptWhen
                required property string otherText
                required property string otherWho
                required property string otherWhen
                required property bool canTakeOther
                required property bool canMerge
                width: ListView.view.width
                ColumnLayout {
                    id: body
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Text {
                        Layout.fillWidth: true
                        text: card.title
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Text {
                        Layout.fillWidth: true
                        text: card.explanation
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        columns: page.width > 700 ? 2 : 1
                        columnSpacing: Theme.spacing
                        Repeater {
                            model: [
                                { side: "kept", heading: qsTr("In use now"), value: card.keptText, who: card.keptWho, when: card.keptWhen, enabled: true, label: qsTr("Keep this") },
                                { side: "other", heading: qsTr("Kept aside"), value: card.otherText, who: card.otherWho, when: card.otherWhen, enabled: card.canTakeOther, label: qsTr("Use this instead") }
                            ]
                            delegate: Rectangle {
                                required property var modelData
                                Layout.fillWidth: true
                                implicitHeight: side.implicitHeight + 2 * Theme.spacing
                                radius: 6
                                color: modelData.side === "kept" ? Theme.background : Theme.warningSurface
                                border.color: Theme.border
                                ColumnLayout {
                                    id: side
                                    anchors.fill: parent
                                    anchors.margins: Theme.spacing
                                    Text {
                                        text: modelData.heading
                                        font.pixelSize: Theme.fontSmall
                                        font.bold: true
                                        color: Theme.mutedText
                                    }
                                    Text {
                                        Layout.fillWidth: true
                                        text: modelData.value
                                        font.pixelSize: Theme.fontBody
                                        color: Theme.text
                                        wrapMode: Text.Wrap
                                        Accessible.role: Accessible.StaticText
                                        Accessible.name: modelData.heading + ": " + text
                                    }
                                    Text {
                                        text: qsTr("By %1, %2").arg(modelData.who).arg(modelData.when)
                                        font.pixelSize: Theme.fontSmall
                                        color: Theme.mutedText
                                    }
                                    TouchButton {
                                        objectName: modelData.side === "kept" ? "keepButton" : "takeOtherButton"
                                        visible: modelData.enabled
                                        text: modelData.label
                                        Accessible.name: modelData.label + ": " + modelData.value
                                        onClicked: conflicts.resolve(card.conflictId, modelData.side)
                                    }
                                }
                            }
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: card.canMerge
                        TextField {
                            id: merged
                            objectName: "mergedValue"
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("Or write the right value")
                            Accessible.name: qsTr("The right value, written by hand")
                        }
                        TouchButton {
                            objectName: "useMergedButton"
                            text: qsTr("Use my value")
                            enabled: merged.text.length > 0
                            onClicked: conflicts.resolve(card.conflictId, "merged", merged.text)
                        }
                    }
                }
            }
        }
    }
}
