# The installed package works for a project outside the tree: installs the
# build tree BUILD_DIR to WORK/prefix, configures and builds SOURCE (this
# folder) against it with find_package(eventloom), and runs the program on
# EXAMPLES. Run by CTest (tests/CMakeLists.txt) with GENERATOR, CXX (the
# compiler eventloom was built with) and BUILD_TYPE.
file(REMOVE_RECURSE "${WORK}")
set(prefix "${WORK}/prefix")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}")
  endif()
  message("${what}: ok")
endfunction()

run("cmake --install" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
run("configure the consumer" ${CMAKE_COMMAND} -S "${SOURCE}" -B "${WORK}/build" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" "-DCMAKE_PREFIX_PATH=${prefix}")
run("build the consumer" ${CMAKE_COMMAND} --build "${WORK}/build")
execute_process(COMMAND "${WORK}/build/consumer" "${EXAMPLES}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the consumer failed (${rc}):\n${out}${err}")
endif()
file(REMOVE_RECURSE "${WORK}")
