// SPDX-License-Identifier: Apache-2.0
// File: mdm/config/config_errors.h
//
// Collects every problem found while validating a config file so that one
// InvalidArgument status can list them all ("file:line: key: problem"), the
// way splink's ErrorLogger does: users fix a broken file in one pass.
#ifndef MDM_CONFIG_CONFIG_ERRORS_H_
#define MDM_CONFIG_CONFIG_ERRORS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace mdm::config {

class ConfigErrors {
 public:
  explicit ConfigErrors(absl::string_view file) : file_(file) {}

  // Records a problem at 1-based `line` (0 = whole file) under `key`.
  void Add(int line, absl::string_view key, absl::string_view problem);

  bool empty() const { return lines_.empty(); }

  // OK when nothing was added; otherwise InvalidArgument whose message is a
  // summary line followed by one line per problem, in the order added.
  absl::Status ToStatus() const;

 private:
  std::string file_;
  std::vector<std::string> lines_;
};

}  // namespace mdm::config

#endif  // MDM_CONFIG_CONFIG_ERRORS_H_
