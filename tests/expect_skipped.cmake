# Runs the [shared] test cases of each executable in TESTS with
# EVENTLOOM_SHARED_DIR set to MISSING, a directory that does not exist, and
# fails unless every executable exits with SKIP_CODE (all skipped, none
# failed) and says why. Run by CTest: see tests/CMakeLists.txt.
if(NOT TESTS)
  message(FATAL_ERROR "no test executable has a [shared] test case")
endif()
if(EXISTS "${MISSING}")
  message(FATAL_ERROR "${MISSING} should not exist")
endif()
set(failed "")
foreach(exe IN LISTS TESTS)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env "EVENTLOOM_SHARED_DIR=${MISSING}" "${exe}" "[shared]"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  get_filename_component(name "${exe}" NAME)
  string(FIND "${out}" "SKIPPED: " said)
  if(NOT rc EQUAL SKIP_CODE OR said EQUAL -1)
    message("${name} \"[shared]\" exited with ${rc}, not ${SKIP_CODE} (skipped):\n${out}")
    list(APPEND failed ${name})
  else()
    message("${name}: [shared] test cases skipped")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "not reported as skipped without the shared corpora: ${failed}")
endif()
