#pragma once

// Imports every static QML module of the tablet app. Include it in exactly one source file of
// an executable that loads Main.qml (the app's main, the UI tests).
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CareRound_AppPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_UnlockPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_CaseloadPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ClientPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_TodayPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_VisitPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_AssessmentPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_SignOffPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_PlanPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ServicesPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_DirectoryPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_SyncPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_FormsPlugin)
