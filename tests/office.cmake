# The office console in a real browser (headless Chromium + Selenium, Debian's packages)
# against the real server process and real tablet stores; on SQLite and on the PostgreSQL
# test cluster. Screenshots of every page go to build/screenshots/office/.
set(CAREROUND_OFFICE_ENV
    "CAREROUND_SERVER=$<TARGET_FILE:careround-server>"
    "SYNCDEVICE=$<TARGET_FILE:syncdevice>"
    "CAREROUND_SCREENSHOTS=${CMAKE_BINARY_DIR}/screenshots/office")
add_test(NAME tst_officeconsole
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/office/office_console_test.py)
set_tests_properties(tst_officeconsole PROPERTIES ENVIRONMENT "${CAREROUND_OFFICE_ENV}" TIMEOUT 900)
add_test(NAME tst_officeconsole_pg
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/office/office_console_test.py)
set_tests_properties(tst_officeconsole_pg PROPERTIES FIXTURES_REQUIRED pg TIMEOUT 900
    ENVIRONMENT "${CAREROUND_OFFICE_ENV};CAREROUND_TEST_PG_DIR=${CAREROUND_PG_DIR}")
