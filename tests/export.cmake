# Getting data out (issue 13): the PDF of signed documents, FHIR R4, CSV and iCalendar, read
# back by outside tools (poppler's pdftotext/pdfinfo/pdftoppm, Medplum's FHIR validator under
# node, Python's csv and icalendar). Server suites run on SQLite and PostgreSQL.
careround_server_test(tst_pdfexport SOURCES tst_pdfexport.cpp exportfixture.h
    LIBS careround_syncdevice careround_server)
