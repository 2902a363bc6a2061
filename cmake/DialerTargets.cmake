# Helpers shared by every folder: warnings, library and test targets.

function(dialer_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Woverloaded-virtual)
  if(DIALER_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(DIALER_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# dialer_library(NAME SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# Headers are included as "folder/file.h" from the repository root.
function(dialer_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
  dialer_warnings(${name})
endfunction()

# dialer_executable(NAME SOURCES ... [LIBS ...])
function(dialer_executable name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  dialer_warnings(${name})
endfunction()

# dialer_test(NAME SOURCES ... LIBS ... [LABEL unit] [PROPERTIES ...] [EXTRA_ARGS ...] [PREFIX p])
# One GoogleTest executable whose cases are discovered into ctest under LABEL.
function(dialer_test name)
  cmake_parse_arguments(ARG "" "LABEL;PREFIX" "SOURCES;LIBS;PROPERTIES;EXTRA_ARGS" ${ARGN})
  if(NOT ARG_LABEL)
    set(ARG_LABEL unit)
  endif()
  if(NOT TARGET ${name})
    add_executable(${name} ${ARG_SOURCES})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gmock GTest::gtest GTest::gtest_main)
    dialer_warnings(${name})
  endif()
  gtest_discover_tests(${name}
    TEST_PREFIX "${ARG_PREFIX}"
    EXTRA_ARGS ${ARG_EXTRA_ARGS}
    DISCOVERY_TIMEOUT 60
    PROPERTIES LABELS ${ARG_LABEL} ${ARG_PROPERTIES})
endfunction()
