# SPDX-License-Identifier: Apache-2.0
# Every dependency comes from a Debian 12 package; tools/install_deps.sh names them.
find_package(Threads REQUIRED)
find_package(absl REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(SQLite3 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(simdjson REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)

# libphonenumber ships neither a CMake package nor a pkg-config file on Debian 12:
# cmake/MdmPhonenumber.cmake finds it, for the build and for the installed package.
include(${CMAKE_CURRENT_LIST_DIR}/MdmPhonenumber.cmake)
if(NOT TARGET mdm::phonenumber)
  message(FATAL_ERROR "libphonenumber not found (phonenumbers/phonenumberutil.h, "
    "libphonenumber): install libphonenumber-dev")
endif()
add_library(mdm_phonenumber ALIAS mdm::phonenumber)

if(MDM_BUILD_TOOLS)
  find_package(CLI11 REQUIRED)
  # `mdm serve`; Debian builds it as a shared library with TLS, zlib and
  # brotli, and its pkg-config file carries the matching definitions.
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  # The executables (not the library: an application picks its allocator)
  # use jemalloc; the batch pipeline's threads allocate many small strings and
  # glibc malloc costs ~20% of a run there. Sanitizer builds keep the default
  # allocator so that ASan can track every allocation.
  add_library(mdm_allocator INTERFACE)
  if(NOT MDM_SANITIZE)
    find_library(JEMALLOC_LIBRARY NAMES jemalloc REQUIRED)
    target_link_libraries(mdm_allocator INTERFACE ${JEMALLOC_LIBRARY})
  endif()
endif()
if(MDM_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()
