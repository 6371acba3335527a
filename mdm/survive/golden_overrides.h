// SPDX-License-Identifier: Apache-2.0
// File: mdm/survive/golden_overrides.h
//
// A steward's pinned values beat every survivorship policy: applied to a
// golden record after BuildGolden, with lineage rule "steward_override" and
// no source records. Fields are those of mdm::OverridableFields().
#ifndef MDM_SURVIVE_GOLDEN_OVERRIDES_H_
#define MDM_SURVIVE_GOLDEN_OVERRIDES_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "mdm/golden.h"

namespace mdm::survive {

// (field, value) pairs, applied in order (a later pin of a field wins).
using Pins = std::vector<std::pair<std::string, std::string>>;

void ApplyPins(const Pins& pins, GoldenRecord& golden);

// Whether `value` may be pinned on `field`: InvalidArgument naming the
// field (never the value) otherwise. Names: 1-200 bytes of UTF-8 without
// control characters; gender: female, male, other, unknown; birth_date:
// a valid YYYY-MM-DD; language: two lowercase letters (ISO 639-1).
absl::Status CheckPin(absl::string_view field, absl::string_view value);

}  // namespace mdm::survive

#endif  // MDM_SURVIVE_GOLDEN_OVERRIDES_H_
