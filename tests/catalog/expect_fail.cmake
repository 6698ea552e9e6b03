# expect_fail.cmake: runs the catalogue generator on the real data files plus
# one bad file (or on the bad file alone when its .expect file has a line
# "alone") and passes only when the generator fails, names the bad file, and
# prints the expected message (the first line of the .expect file).
#   cmake -DGEN=catalog_gen -DBAD=bad/x.json -DEXPECT=bad/x.expect
#         -DDATA=<data files;...> -P expect_fail.cmake
cmake_minimum_required(VERSION 3.25)
file(STRINGS ${EXPECT} lines)
list(GET lines 0 expected)
set(inputs ${DATA} ${BAD})
if("alone" IN_LIST lines)
  set(inputs ${BAD})
endif()
execute_process(COMMAND ${GEN} ${inputs} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
get_filename_component(name ${BAD} NAME)
if(rc EQUAL 0)
  message(FATAL_ERROR "the generator accepted ${name}:\n${err}")
endif()
string(FIND "${err}" "${expected}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "expected the message\n  ${expected}\nbut got:\n${err}")
endif()
string(FIND "${err}" "${name}" named)
if(named EQUAL -1 AND NOT "unnamed" IN_LIST lines)
  message(FATAL_ERROR "the messages do not name the file ${name}:\n${err}")
endif()
message(STATUS "rejected as expected: ${expected}")
