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
endif()
if(MDM_SANITIZE)
  target_compile_options(mdm_compile_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(mdm_compile_options INTERFACE -fsanitize=address,undefined)
endif()
