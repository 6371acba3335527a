// SPDX-License-Identifier: Apache-2.0
#include "mdm/config/config_errors.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace mdm::config {

void ConfigErrors::Add(int line, absl::string_view key,
                       absl::string_view problem) {
  std::string location = line > 0 ? absl::StrCat(file_, ":", line) : file_;
  lines_.push_back(key.empty() ? absl::StrCat(location, ": ", problem)
                               : absl::StrCat(location, ": ", key, ": ", problem));
}

absl::Status ConfigErrors::ToStatus() const {
  if (lines_.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("config ", file_, " has ", lines_.size(),
                   lines_.size() == 1 ? " problem" : " problems", ":\n",
                   absl::StrJoin(lines_, "\n")));
}

}  // namespace mdm::config
