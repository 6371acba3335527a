# SPDX-License-Identifier: Apache-2.0
# cmake -DBUILD_DIR=... -DWORK_DIR=... -DCONSUMER_DIR=... -DSOURCE_DIR=...
#       -DCXX_COMPILER=... -DGENERATOR=... -DCONFIG=... -P run_consumer.cmake
#
# Installs the build in BUILD_DIR (no rebuild) into WORK_DIR/prefix, checks
# that no path of the source or build tree leaked into the installed package,
# then configures, builds and runs the consumer project against that prefix.
# Any failing step fails the test.
foreach(var BUILD_DIR WORK_DIR CONSUMER_DIR SOURCE_DIR CXX_COMPILER GENERATOR CONFIG)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_consumer.cmake: -D${var}= is required")
  endif()
endforeach()

set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# step(<name> <command>...) runs the command, shows its output, stops on failure.
function(step name)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  message("== ${name}\n${out}")
  if(NOT rc STREQUAL "0")
    message(FATAL_ERROR "${name} failed (${rc})")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

step(install ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --config ${CONFIG})

file(GLOB_RECURSE package_files ${prefix}/*.cmake)
if(NOT package_files)
  message(FATAL_ERROR "no CMake package file installed under ${prefix}")
endif()
foreach(file IN LISTS package_files)
  file(READ ${file} text)
  foreach(tree ${SOURCE_DIR} ${BUILD_DIR})
    string(FIND "${text}" "${tree}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${file} names the build machine's tree ${tree}")
    endif()
  endforeach()
endforeach()

step(configure ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
  -DCMAKE_BUILD_TYPE=${CONFIG} -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
  -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
string(FIND "${step_output}" "found in ${prefix}/" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the consumer did not find mdm under ${prefix}")
endif()
step(build ${CMAKE_COMMAND} --build ${WORK_DIR}/build --config ${CONFIG})
set(consumer ${WORK_DIR}/build/consumer)
if(NOT EXISTS ${consumer})
  set(consumer ${WORK_DIR}/build/${CONFIG}/consumer)  # multi-config generators
endif()
step(run ${consumer} ${WORK_DIR}/scratch)

if(EXISTS ${prefix}/bin/mdm)
  step("installed mdm --help" ${prefix}/bin/mdm --help)
endif()
