import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls

// A date ("YYYY-MM-DD") or date and time ("YYYY-MM-DD HH:MM", local) that is picked by touch
// from a month calendar that opens below the field (with hour and minute wheels), or typed;
// what is typed is checked by the controller that stores it. text is the value as edited;
// edited(text) tells a form that saves field by field when a typed or picked value differs
// from the stored one.
ColumnLayout {
    id: root
    property string label: ""
    property string value: ""
    property bool withTime: false
    property alias text: field.text
    property alias fieldObjectName: field.objectName
    property bool readOnly: false
    signal edited(string text)
    spacing: 2

    function finish() {
        if (!root.readOnly && field.text !== root.value)
            root.edited(field.text)
    }

    function pad(n) { return (n < 10 ? "0" : "") + n }
    function parsed() {
        const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(field.text)
        if (!m)
            return null
        return { year: +m[1], month: +m[2] - 1, day: +m[3], hour: m[4] ? +m[4] : 9, minute: m[5] ? +m[5] : 0 }
    }
    function compose(year, month, day, hour, minute) {
        const date = year + "-" + pad(month + 1) + "-" + pad(day)
        return withTime ? date + " " + pad(hour) + ":" + pad(minute) : date
    }

    TextMetrics {
        id: dateWidth
        font: field.font
        text: root.withTime ? "0000-00-00 00:00" : "0000-00-00"
    }
    Text {
        visible: root.label.length > 0
        text: root.label
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 6
        TextField {
            id: field
            Layout.fillWidth: true
            // Never so narrow that a date (and time) is scrolled out of view.
            Layout.minimumWidth: dateWidth.advanceWidth + leftPadding + rightPadding + 4
            implicitHeight: Theme.touchTarget
            text: root.value
            font.pixelSize: Theme.fontBody
            inputMethodHints: Qt.ImhPreferNumbers
            placeholderText: root.withTime ? qsTr("YYYY-MM-DD HH:MM") : qsTr("YYYY-MM-DD")
            readOnly: root.readOnly
            color: root.readOnly ? Theme.mutedText : Theme.text
            Accessible.name: root.label
            onEditingFinished: root.finish()
        }
        TouchButton {
            visible: !root.readOnly
            objectName: field.objectName.length > 0 ? field.objectName + "_pick" : ""
            text: qsTr("Pick")
            Accessible.name: qsTr("Pick %1").arg(root.label)
            onClicked: {
                const p = root.parsed()
                const now = new Date()
                grid.year = p ? p.year : now.getFullYear()
                grid.month = p ? p.month : now.getMonth()
                picker.day = p ? p.day : now.getDate()
                hours.currentIndex = p ? p.hour : 9
                minutes.currentIndex = p ? Math.round(p.minute / 5) % 12 : 0
                picker.visible = true
            }
        }
    }

    Rectangle {
        id: picker
        objectName: field.objectName.length > 0 ? field.objectName + "_picker" : ""
        property int day: 1
        visible: false
        Layout.fillWidth: true
        Layout.maximumWidth: 9 * Theme.touchTarget
        implicitHeight: pickerColumn.implicitHeight + 2 * Theme.margin
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border

        ColumnLayout {
            id: pickerColumn
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.spacing
            RowLayout {
                Layout.fillWidth: true
                TouchButton {
                    text: "‹"
                    Accessible.name: qsTr("Previous month")
                    onClicked: {
                        if (grid.month === 0) { grid.month = 11; grid.year -= 1 } else grid.month -= 1
                    }
                }
                Text {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    text: Qt.locale().standaloneMonthName(grid.month) + " " + grid.year
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: Theme.text
                }
                TouchButton {
                    text: "›"
                    Accessible.name: qsTr("Next month")
                    onClicked: {
                        if (grid.month === 11) { grid.month = 0; grid.year += 1 } else grid.month += 1
                    }
                }
            }
            DayOfWeekRow {
                Layout.fillWidth: true
                locale: grid.locale
                font.pixelSize: Theme.fontSmall
            }
            MonthGrid {
                id: grid
                objectName: "monthGrid"
                Layout.fillWidth: true
                implicitWidth: 7 * Theme.touchTarget
                font.pixelSize: Theme.fontBody
                delegate: Rectangle {
                    required property var model
                    implicitWidth: Theme.touchTarget
                    implicitHeight: Theme.touchTarget
                    radius: Theme.radius
                    color: model.month === grid.month && model.day === picker.day ? Theme.accent : "transparent"
                    Accessible.role: Accessible.Button
                    Accessible.name: Qt.formatDate(model.date, Qt.DefaultLocaleLongDate)
                    Text {
                        anchors.centerIn: parent
                        text: parent.model.day
                        font.pixelSize: Theme.fontBody
                        color: parent.model.month === grid.month && parent.model.day === picker.day
                               ? Theme.accentText
                               : parent.model.month === grid.month ? Theme.text : Theme.mutedText
                    }
                }
                onClicked: date => {
                    grid.year = date.getFullYear()
                    grid.month = date.getMonth()
                    picker.day = date.getDate()
                }
            }
            RowLayout {
                visible: root.withTime
                spacing: Theme.spacing
                Text {
                    text: qsTr("Time")
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                Tumbler {
                    id: hours
                    model: 24
                    visibleItemCount: 3
                    implicitHeight: 3 * Theme.touchTarget
                    Accessible.name: qsTr("Hour")
                    delegate: Text {
                        required property int index
                        text: root.pad(index)
                        font.pixelSize: Theme.fontBody
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        color: Theme.text
                    }
                }
                Tumbler {
                    id: minutes
                    model: 12
                    visibleItemCount: 3
                    implicitHeight: 3 * Theme.touchTarget
                    Accessible.name: qsTr("Minute")
                    delegate: Text {
                        required property int index
                        text: root.pad(index * 5)
                        font.pixelSize: Theme.fontBody
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        color: Theme.text
                    }
                }
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                spacing: Theme.spacing
                TouchButton {
                    text: qsTr("Cancel")
                    onClicked: picker.visible = false
                }
                TouchButton {
                    objectName: field.objectName.length > 0 ? field.objectName + "_choose" : ""
                    primary: true
                    text: qsTr("Choose")
                    onClicked: {
                        field.text = root.compose(grid.year, grid.month, picker.day,
                                                  hours.currentIndex, minutes.currentIndex * 5)
                        picker.visible = false
                        root.finish()
                    }
                }
            }
        }
    }
}
