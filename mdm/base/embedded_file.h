// SPDX-License-Identifier: Apache-2.0
// File: mdm/base/embedded_file.h
//
// A file compiled into the binary by cmake/MdmEmbed.cmake (SQL migrations,
// reference lists), so that an installed `mdm` needs no data directory.
#ifndef MDM_BASE_EMBEDDED_FILE_H_
#define MDM_BASE_EMBEDDED_FILE_H_

#include <cstddef>
#include <string_view>

namespace mdm::base {

struct EmbeddedFile {
  std::string_view name;      // file name without folders: "0001_core.sql"
  std::string_view contents;  // the file's bytes
};

}  // namespace mdm::base

#endif  // MDM_BASE_EMBEDDED_FILE_H_
