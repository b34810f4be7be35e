# The demo agency, the caseload (repository and model) and the tablet app's QML.
careround_test(tst_demoagency SOURCES tst_demoagency.cpp LIBS careround_core)
careround_test(tst_caseloadmodel SOURCES tst_caseloadmodel.cpp LIBS careround_caseload)
careround_test(tst_appui SOURCES tst_appui.cpp
    LIBS careround_appui careround_appuiplugin careround_sessionplugin careround_controlsplugin
         careround_unlockplugin careround_caseloadplugin careround_clientplugin
         Qt6::Quick Qt6::QuickControls2
    ENV "QT_QPA_PLATFORM=offscreen")
