# SPDX-License-Identifier: Apache-2.0
# libphonenumber ships neither a CMake package nor a pkg-config file on
# Debian 12. This file defines the imported target mdm::phonenumber when the
# header and the library are found, and leaves it undefined otherwise (the
# caller decides whether that is fatal). The build includes it from
# cmake/MdmDependencies.cmake and the installed package from mdmConfig.cmake,
# so both name the dependency the same way.
if(NOT TARGET mdm::phonenumber)
  find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h)
  find_library(PHONENUMBER_LIBRARY NAMES phonenumber)
  if(PHONENUMBER_INCLUDE_DIR AND PHONENUMBER_LIBRARY)
    add_library(mdm::phonenumber UNKNOWN IMPORTED)
    set_target_properties(mdm::phonenumber PROPERTIES
      IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}")
  endif()
endif()
