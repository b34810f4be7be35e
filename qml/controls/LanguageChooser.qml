import QtQuick
import QtQuick.Layouts

// The tablet's language: one chip per choice (the device's own, English, Español), each
// named in its own language. The choice applies at once and is remembered.
ColumnLayout {
    id: chooser
    /** The session's LanguageSetting. */
    required property QtObject language
    spacing: 4
    objectName: "languageChooser"

    Text {
        text: qsTr("Language")
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8
        Repeater {
            model: chooser.language.choices
            FilterChip {
                required property var modelData
                objectName: "language_" + (modelData.key.length > 0 ? modelData.key : "device")
                text: modelData.label
                checkable: false // checked follows the setting, not the tap
                checked: chooser.language.choice === modelData.key
                onClicked: chooser.language.choice = modelData.key
            }
        }
    }
}
