# Sync: pure merge rules, and the real server process with real device stores over HTTP.
careround_test(tst_merge SOURCES tst_merge.cpp LIBS careround_sync)

add_executable(syncdevice syncdevice.cpp)
target_link_libraries(syncdevice PRIVATE careround_syncdevice)

# Each server suite runs twice: on SQLite, and on the PostgreSQL cluster of the pg fixture.
set(CAREROUND_PG_DIR ${CMAKE_BINARY_DIR}/pgtest)
add_test(NAME pg_start COMMAND ${PROJECT_SOURCE_DIR}/scripts/pg-fixture start ${CAREROUND_PG_DIR})
add_test(NAME pg_stop COMMAND ${PROJECT_SOURCE_DIR}/scripts/pg-fixture stop ${CAREROUND_PG_DIR})
set_tests_properties(pg_start PROPERTIES FIXTURES_SETUP pg)
set_tests_properties(pg_stop PROPERTIES FIXTURES_CLEANUP pg)

function(careround_server_test name)
    careround_test(${name} ${ARGN})
    target_compile_definitions(${name} PRIVATE
        CAREROUND_SERVER_PATH="$<TARGET_FILE:careround-server>"
        SYNCDEVICE_PATH="$<TARGET_FILE:syncdevice>")
    add_dependencies(${name} careround-server syncdevice)
    add_test(NAME ${name}_pg COMMAND ${name})
    set_tests_properties(${name}_pg PROPERTIES FIXTURES_REQUIRED pg
        ENVIRONMENT "CAREROUND_TEST_PG_DIR=${CAREROUND_PG_DIR}")
endfunction()

careround_server_test(tst_syncintegration SOURCES tst_syncintegration.cpp serverfixture.h LIBS careround_syncdevice careround_server)
careround_test(tst_syncconvergence SOURCES tst_syncconvergence.cpp LIBS careround_syncdevice careround_server)
careround_server_test(tst_serveraccess SOURCES tst_serveraccess.cpp serverfixture.h LIBS careround_syncdevice careround_server)
careround_server_test(tst_syncengine SOURCES tst_syncengine.cpp serverfixture.h LIBS careround_syncdevice careround_server)
careround_server_test(tst_servertls SOURCES tst_servertls.cpp serverfixture.h LIBS careround_syncdevice careround_server)
careround_server_test(tst_deviceaccount SOURCES tst_deviceaccount.cpp serverfixture.h LIBS careround_syncdevice careround_server)
careround_server_test(tst_synccrash SOURCES tst_synccrash.cpp serverfixture.h LIBS careround_syncdevice careround_server)
set_tests_properties(tst_synccrash tst_synccrash_pg PROPERTIES TIMEOUT 900)
careround_server_test(tst_servermigrations SOURCES tst_servermigrations.cpp serverfixture.h LIBS careround_syncdevice careround_server)
careround_server_test(tst_accesspolicy SOURCES tst_accesspolicy.cpp serverfixture.h LIBS careround_syncdevice careround_server)
careround_server_test(tst_history SOURCES tst_history.cpp serverfixture.h LIBS careround_syncdevice careround_server)
careround_test(tst_servercommand SOURCES tst_servercommand.cpp)
target_compile_definitions(tst_servercommand PRIVATE CAREROUND_SERVER_PATH="$<TARGET_FILE:careround-server>")
add_dependencies(tst_servercommand careround-server)
# The encrypted SQLite server store (--key-file): SQLite only, so no _pg twin.
careround_test(tst_serveratrest SOURCES tst_serveratrest.cpp serverfixture.h
    LIBS careround_syncdevice careround_server)
target_compile_definitions(tst_serveratrest PRIVATE
    CAREROUND_SERVER_PATH="$<TARGET_FILE:careround-server>")
add_dependencies(tst_serveratrest careround-server)
careround_server_test(tst_office SOURCES tst_office.cpp serverfixture.h LIBS careround_syncdevice careround_server careround_demo)
