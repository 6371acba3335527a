# SPDX-License-Identifier: Apache-2.0
# `cmake --install` puts the public headers, libmdm (every stage's objects)
# with libmdm_matchers, the `mdm` CLI and a CMake package into the prefix, so
# that another project can write
#
#   find_package(mdm REQUIRED)
#   target_link_libraries(app PRIVATE mdm::mdm)
#
# tests/install builds such a project against an installed copy.
include(CMakePackageConfigHelpers)
set(MDM_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/mdm)

install(TARGETS mdm mdm_matchers EXPORT mdmTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Public = mdm/include/mdm/*.h and matchers/*.h (not matchers/internal/).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/mdm/include/mdm
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
file(GLOB mdm_matchers_headers CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/matchers/*.h)
install(FILES ${mdm_matchers_headers} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/matchers)

install(EXPORT mdmTargets NAMESPACE mdm:: FILE mdmTargets.cmake
  DESTINATION ${MDM_INSTALL_CMAKEDIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/mdmConfig.cmake.in
  ${PROJECT_BINARY_DIR}/mdmConfig.cmake INSTALL_DESTINATION ${MDM_INSTALL_CMAKEDIR})
# 0.x: a new minor version may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/mdmConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/mdmConfig.cmake
  ${PROJECT_BINARY_DIR}/mdmConfigVersion.cmake
  ${CMAKE_CURRENT_LIST_DIR}/MdmPhonenumber.cmake
  DESTINATION ${MDM_INSTALL_CMAKEDIR})

if(TARGET mdm_cli)
  install(TARGETS mdm_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
