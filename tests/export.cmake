# Getting data out (issue 13): the PDF of signed documents, FHIR R4, CSV and iCalendar, read
# back by outside tools (poppler's pdftotext/pdfinfo/pdftoppm, Medplum's FHIR validator under
# node, Python's csv and icalendar). Server suites run on SQLite and PostgreSQL.
careround_server_test(tst_pdfexport SOURCES tst_pdfexport.cpp exportfixture.h
    LIBS careround_syncdevice careround_server)

# The FHIR validator: Medplum's packages from npm, installed by scripts/install-deps into
# tests/fhir/node_modules (pinned in tests/fhir/package-lock.json), run under Debian's node.
# Without node the suite still configures; tst_fhirexport then fails and says to install it.
find_program(CAREROUND_NODE_EXE NAMES node nodejs)
if(NOT CAREROUND_NODE_EXE)
    set(CAREROUND_NODE_EXE "node")
endif()
careround_server_test(tst_fhirexport SOURCES tst_fhirexport.cpp exportfixture.h
    LIBS careround_syncdevice careround_server)
target_compile_definitions(tst_fhirexport PRIVATE
    CAREROUND_NODE="${CAREROUND_NODE_EXE}"
    CAREROUND_FHIR_CHECK="${PROJECT_SOURCE_DIR}/tests/fhir/check-fhir.cjs"
    CAREROUND_FHIR_MODULES="${PROJECT_SOURCE_DIR}/tests/fhir/node_modules/@medplum/core/package.json")

# CSV and iCalendar, read back by Python (Debian's python3 and python3-icalendar; called as
# /usr/bin/python3, since a python3 on PATH may not see Debian's modules).
careround_server_test(tst_csvexport SOURCES tst_csvexport.cpp exportfixture.h
    LIBS careround_syncdevice careround_server)
target_compile_definitions(tst_csvexport PRIVATE
    CAREROUND_EXPORT_TOOLS="${PROJECT_SOURCE_DIR}/tests/exporttools")
careround_server_test(tst_icsexport SOURCES tst_icsexport.cpp exportfixture.h
    LIBS careround_syncdevice careround_server)
target_compile_definitions(tst_icsexport PRIVATE
    CAREROUND_EXPORT_TOOLS="${PROJECT_SOURCE_DIR}/tests/exporttools")

# The tablet's side, offline: Save as PDF, the client's handout, appointments as .ics.
careround_test(tst_documentsui SOURCES tst_documentsui.cpp pageharness.h
    LIBS careround_signoff careround_signoffplugin careround_client careround_clientplugin
         careround_formsplugin careround_assessmentplugin careround_sessionplugin
         careround_controlsplugin careround_demo Qt6::Quick Qt6::QuickControls2
    ENV "QT_QPA_PLATFORM=offscreen")
target_compile_definitions(tst_documentsui PRIVATE
    CAREROUND_EXPORT_TOOLS="${PROJECT_SOURCE_DIR}/tests/exporttools")
