careround_test(tst_devicestore SOURCES tst_devicestore.cpp LIBS careround_core)
careround_test(tst_pinlock SOURCES tst_pinlock.cpp LIBS careround_core)
careround_test(tst_instruments SOURCES tst_instruments.cpp LIBS careround_core)
careround_test(tst_contenthash SOURCES tst_contenthash.cpp LIBS careround_core)

# crashwriter edits a store until killed; tst_crashsafety kills it with SIGKILL, round after round.
add_executable(crashwriter crashwriter.cpp)
target_link_libraries(crashwriter PRIVATE careround_core)
careround_test(tst_crashsafety SOURCES tst_crashsafety.cpp LIBS careround_core)
target_compile_definitions(tst_crashsafety PRIVATE CRASHWRITER_PATH="$<TARGET_FILE:crashwriter>")
add_dependencies(tst_crashsafety crashwriter)
set_tests_properties(tst_crashsafety PROPERTIES TIMEOUT 1200)
careround_test(tst_keyvault SOURCES tst_keyvault.cpp LIBS careround_core careround_platform)
# The read side's domain rules (current plan, open complaints, overdue) and the change feed.
careround_test(tst_readside SOURCES tst_readside.cpp LIBS careround_core)
