# SPDX-License-Identifier: Apache-2.0
# Warnings and sanitizers shared by every target of the project.
add_library(mdm_compile_options INTERFACE)
target_compile_options(mdm_compile_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wunused -Woverloaded-virtual -Wimplicit-fallthrough
  # RE2 asks for -pthread; every target takes it so precompiled headers match.
  -pthread)
target_link_options(mdm_compile_options INTERFACE -pthread)
if(MDM_WERROR)
  target_compile_options(mdm_compile_options INTERFACE -Werror)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 reports std::string concatenation inlined at -O2 as out of
    # bounds (GCC PR 105329, 105651): keep these visible, not fatal.
    target_compile_options(mdm_compile_options INTERFACE
      -Wno-error=array-bounds -Wno-error=restrict -Wno-error=stringop-overflow)
  endif()
endif()
if(MDM_SANITIZE)
  target_compile_options(mdm_compile_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(mdm_compile_options INTERFACE -fsanitize=address,undefined)
endif()
