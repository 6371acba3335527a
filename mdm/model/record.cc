// SPDX-License-Identifier: Apache-2.0
#include "mdm/record.h"

namespace mdm {

absl::string_view SourceTypeName(SourceType type) {
  switch (type) {
    case SourceType::kRep: return "rep";
    case SourceType::kMsl: return "msl";
    case SourceType::kMedinfo: return "medinfo";
    case SourceType::kSocial: return "social";
  }
  return "unknown";
}

std::optional<SourceType> ParseSourceType(absl::string_view name) {
  for (SourceType type : {SourceType::kRep, SourceType::kMsl,
                          SourceType::kMedinfo, SourceType::kSocial}) {
    if (SourceTypeName(type) == name) return type;
  }
  return std::nullopt;
}

absl::string_view ValidityName(Validity validity) {
  switch (validity) {
    case Validity::kUnchecked: return "unchecked";
    case Validity::kValid: return "valid";
    case Validity::kInvalid: return "invalid";
  }
  return "unknown";
}

}  // namespace mdm
