// SPDX-License-Identifier: Apache-2.0
#include "mdm/golden.h"

namespace mdm {

absl::string_view GoldenStatusName(GoldenStatus status) {
  switch (status) {
    case GoldenStatus::kActive: return "active";
    case GoldenStatus::kMerged: return "merged";
    case GoldenStatus::kRetired: return "retired";
    case GoldenStatus::kErased: return "erased";
  }
  return "unknown";
}

std::optional<GoldenStatus> ParseGoldenStatus(absl::string_view name) {
  for (GoldenStatus s : {GoldenStatus::kActive, GoldenStatus::kMerged, GoldenStatus::kRetired,
                         GoldenStatus::kErased}) {
    if (GoldenStatusName(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace mdm
