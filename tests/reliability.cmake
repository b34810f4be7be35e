# Reliability: fault-injecting proxy between tablets and server, fuzz targets.

# Bad networks: tablets sync through a fault-injecting proxy on loopback (SQLite and PostgreSQL).
careround_server_test(tst_faultproxy
    SOURCES tst_faultproxy.cpp faultproxy.h faultproxy.cpp serverfixture.h
    LIBS careround_syncdevice careround_server)
set_tests_properties(tst_faultproxy tst_faultproxy_pg PROPERTIES TIMEOUT 900)

# Hostile input: libFuzzer targets, built only in a clang build (scripts/fuzz).
option(CAREROUND_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only; see scripts/fuzz)" OFF)
if(CAREROUND_FUZZ)
    add_subdirectory(fuzz)
endif()

# Hostile input: regressions found by the fuzz targets and the fault proxy, the strict parsers,
# and, generated from the schema over the real server service on a throwaway SQLite store, the
# limits with room for the server's wrapping and the reference checks.
careround_test(tst_hostileinput SOURCES tst_hostileinput.cpp throwawayserver.h
    LIBS careround_syncdevice careround_server)
