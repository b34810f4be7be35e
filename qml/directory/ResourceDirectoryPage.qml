import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import CareRound.Controls
import CareRound.Session
import CareRound.Directory

// The agency's resource directory: search as you type, filter by service type, language,
// area and funding; discontinued providers are marked; ratings. When picking, the chosen
// provider is handed back with providerChosen(providerId).
Rectangle {
    id: page
    objectName: "resourceDirectoryPage"
    required property Session session
    property string clientId: ""
    property string recordId: ""
    /** True when the page is open to choose a provider for a referral. */
    property bool picking: false
    signal closed()
    signal providerChosen(string providerId)
    color: Theme.background
    readonly property bool wide: width > height
    property bool filtersOpen: false

    DirectoryController {
        id: directory
        session: page.session
        searchText: search.text
        selectedId: page.recordId
    }

    component FacetRow: RowLayout {
        id: facet
        property string label: ""
        property var values: []
        property string current: ""
        signal picked(string value)
        Layout.fillWidth: true
        spacing: 8
        Text {
            Layout.preferredWidth: 110
            text: facet.label
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            elide: Text.ElideRight
        }
        Flickable {
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget
            contentWidth: chips.implicitWidth
            flickableDirection: Flickable.HorizontalFlick
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            Accessible.role: Accessible.List
            Accessible.name: facet.label
            Row {
                id: chips
                spacing: 8
                Repeater {
                    model: [""].concat(facet.values)
                    delegate: FilterChip {
                        required property string modelData
                        objectName: "filterChip"
                        text: modelData === "" ? qsTr("Any") : modelData
                        Accessible.name: modelData === "" ? qsTr("Any %1").arg(facet.label) : modelData
                        checkable: false
                        checked: facet.current === modelData
                        onClicked: facet.picked(facet.current === modelData ? "" : modelData)
                    }
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: page.picking ? qsTr("Choose a provider for the referral") : qsTr("Resource directory")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            TouchButton {
                objectName: "closeDirectory"
                text: page.picking ? qsTr("Cancel") : qsTr("Close")
                Accessible.name: page.picking ? qsTr("Cancel choosing a provider") : qsTr("Close the directory")
                onClicked: page.closed()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            SearchField {
                id: search
                objectName: "directorySearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search by name, service, language, area or funding")
            }
            // The facets fold away so that the list has the room; the button says how many
            // are in use while they are folded.
            TouchButton {
                objectName: "toggleFilters"
                readonly property int active: [directory.serviceType, directory.language,
                    directory.area, directory.funding].filter(v => v.length > 0).length
                text: page.filtersOpen ? qsTr("Hide filters")
                    : active > 0 ? qsTr("Filters (%1 in use)").arg(active) : qsTr("Filters")
                onClicked: page.filtersOpen = !page.filtersOpen
            }
        }
        FacetRow {
            visible: page.filtersOpen
            label: qsTr("Service")
            values: directory.serviceTypes
            current: directory.serviceType
            onPicked: value => directory.serviceType = value
        }
        FacetRow {
            visible: page.filtersOpen
            label: qsTr("Language")
            values: directory.languages
            current: directory.language
            onPicked: value => directory.language = value
        }
        FacetRow {
            visible: page.filtersOpen
            label: qsTr("Area")
            values: directory.areas
            current: directory.area
            onPicked: value => directory.area = value
        }
        FacetRow {
            visible: page.filtersOpen
            label: qsTr("Funding")
            values: directory.fundingSources
            current: directory.funding
            onPicked: value => directory.funding = value
        }
        // The count and the switch side by side, or the switch below when they do not fit.
        Flow {
            id: summaryRow
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                objectName: "directorySummary"
                width: Math.min(implicitWidth, summaryRow.width)
                height: Math.max(implicitHeight, Theme.touchTarget)
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.Wrap
                text: directory.summaryText
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Switch {
                // A switch reads as on or off (a chip did not).
                objectName: "showDiscontinued"
                text: qsTr("Show discontinued providers")
                font.pixelSize: Theme.fontBody
                implicitHeight: Theme.touchTarget
                checked: directory.includeDiscontinued
                onToggled: directory.includeDiscontinued = checked
                Accessible.name: text
            }
        }

        // The list beside the detail in landscape, above it in portrait: plain geometry, as
        // Qt 6.4's GridLayout kept its old columns after a turn while the page was hidden.
        Item {
            id: panes
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 6 * Theme.touchTarget

            ListView {
                id: list
                objectName: "providerList"
                x: 0
                y: 0
                width: page.wide ? Math.round(panes.width * 0.58) : panes.width
                height: page.wide ? panes.height : Math.round(panes.height * 0.6)
                clip: true
                spacing: 6
                model: directory.providers
                reuseItems: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Providers")
                ScrollBar.vertical: ScrollBar { }
                delegate: ItemDelegate {
                    id: row
                    required property string rowId
                    required property string name
                    required property string serviceTypes
                    required property string area
                    required property string languages
                    required property string funding
                    required property bool discontinued
                    required property string ratingText
                    objectName: "providerRow"
                    width: list.width
                    implicitHeight: Math.max(Theme.touchTarget, rowColumn.implicitHeight + 16)
                    highlighted: directory.selectedId === rowId
                    Accessible.name: discontinued ? qsTr("%1, discontinued").arg(name) : name
                    onClicked: directory.selectedId = rowId
                    background: Rectangle {
                        radius: Theme.radius
                        color: row.highlighted ? Theme.selected : Theme.surface
                        border.color: Theme.border
                    }
                    contentItem: ColumnLayout {
                        id: rowColumn
                        spacing: 2
                        RowLayout {
                            spacing: Theme.spacing
                            Text {
                                Layout.fillWidth: true
                                text: row.name
                                font.pixelSize: Theme.fontBody
                                font.bold: true
                                font.strikeout: row.discontinued
                                color: row.discontinued ? Theme.mutedText : Theme.text
                                wrapMode: Text.Wrap
                            }
                            Rectangle {
                                visible: row.discontinued
                                implicitWidth: discontinuedLabel.implicitWidth + 16
                                implicitHeight: discontinuedLabel.implicitHeight + 6
                                radius: height / 2
                                color: Theme.urgentSurface
                                border.color: Theme.urgent
                                Text {
                                    id: discontinuedLabel
                                    anchors.centerIn: parent
                                    text: qsTr("Discontinued")
                                    color: Theme.urgent
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                            Text {
                                text: row.ratingText
                                font.pixelSize: Theme.fontSmall
                                color: Theme.mutedText
                            }
                        }
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2 · %3").arg(row.serviceTypes).arg(row.area).arg(row.languages)
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                            wrapMode: Text.Wrap
                        }
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("Funding: %1").arg(row.funding)
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                            wrapMode: Text.Wrap
                        }
                    }
                }
                Text {
                    anchors.centerIn: parent
                    visible: list.count === 0
                    text: qsTr("No providers match")
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontBody
                }
            }

            ScrollView {
                id: detailScroll
                x: page.wide ? list.width + Theme.spacing : 0
                y: page.wide ? 0 : list.height + Theme.spacing
                width: page.wide ? panes.width - list.width - Theme.spacing : panes.width
                height: page.wide ? panes.height : panes.height - list.height - Theme.spacing
                contentWidth: availableWidth
                clip: true
                ColumnLayout {
                    width: detailScroll.availableWidth
                    spacing: Theme.spacing
                    Text {
                        visible: directory.selectedId === ""
                        Layout.fillWidth: true
                        text: qsTr("Choose a provider to see details and ratings")
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontBody
                        color: Theme.mutedText
                    }
                    Card {
                        Layout.fillWidth: true
                        visible: directory.selectedId !== ""
                        Text {
                            objectName: "selectedProviderName"
                            Layout.fillWidth: true
                            text: directory.selected.name || ""
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.Wrap
                            Accessible.role: Accessible.Heading
                            Accessible.name: text
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: directory.selected.discontinued === true
                            text: qsTr("Discontinued: do not refer new clients")
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: Theme.urgent
                            wrapMode: Text.Wrap
                        }
                        Repeater {
                            model: [
                                [qsTr("Services"), directory.selected.serviceTypes],
                                [qsTr("Area"), directory.selected.area],
                                [qsTr("Languages"), directory.selected.languages],
                                [qsTr("Funding"), directory.selected.funding],
                                [qsTr("Eligibility"), directory.selected.eligibility],
                                [qsTr("Phone"), directory.selected.phone],
                                [qsTr("Address"), directory.selected.address],
                                [qsTr("Notes"), directory.selected.notes],
                                [qsTr("Rating"), directory.selected.ratingText]
                            ]
                            delegate: Text {
                                required property var modelData
                                Layout.fillWidth: true
                                visible: (modelData[1] || "").length > 0
                                text: qsTr("%1: %2").arg(modelData[0]).arg(modelData[1] || "")
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                                wrapMode: Text.Wrap
                            }
                        }
                        TouchButton {
                            objectName: "chooseProvider"
                            visible: page.picking
                            primary: true
                            enabled: directory.selected.discontinued === false
                            text: qsTr("Refer to this provider")
                            onClicked: page.providerChosen(directory.selectedId)
                        }
                    }
                    Card {
                        Layout.fillWidth: true
                        visible: directory.selectedId !== ""
                        Text {
                            text: qsTr("Rate this provider")
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: Theme.text
                        }
                        RowLayout {
                            id: stars
                            property int score: 0
                            spacing: 6
                            Repeater {
                                model: 5
                                delegate: FilterChip {
                                    required property int index
                                    objectName: "ratingScore"
                                    text: String(index + 1)
                                    Accessible.name: qsTr("%1 of 5").arg(index + 1)
                                    implicitWidth: Theme.touchTarget
                                    checkable: false
                                    checked: stars.score === index + 1
                                    onClicked: stars.score = index + 1
                                }
                            }
                        }
                        TextField {
                            id: ratingComment
                            objectName: "ratingComment"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: Theme.fontBody
                            placeholderText: qsTr("Comment (optional)")
                            Accessible.name: qsTr("Rating comment")
                        }
                        TouchButton {
                            objectName: "addRating"
                            text: qsTr("Add rating")
                            enabled: stars.score > 0
                            onClicked: {
                                if (directory.addRating(directory.selectedId, stars.score, ratingComment.text)) {
                                    stars.score = 0
                                    ratingComment.clear()
                                }
                            }
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: directory.errorText.length > 0
                            text: directory.errorText
                            color: Theme.urgent
                            wrapMode: Text.Wrap
                            font.pixelSize: Theme.fontSmall
                        }
                        Repeater {
                            model: directory.ratings
                            delegate: Text {
                                required property int score
                                required property string comment
                                required property string byText
                                Layout.fillWidth: true
                                text: qsTr("%1 of 5 · %2 · %3").arg(score).arg(byText).arg(comment)
                                font.pixelSize: Theme.fontSmall
                                color: Theme.mutedText
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                }
            }
        }
    }
}
