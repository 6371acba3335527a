// SPDX-License-Identifier: Apache-2.0
// File: mdm/config/matching_reader.h
//
// Reads the `matching:` section of mdm.yaml into an mdm::MatchingConfig,
// reporting every problem into ConfigErrors (file, line, key) like the rest
// of the loader. Each subsection that is absent keeps its default from
// DefaultMatchingConfig(), so a user may override only the decision bands.
#ifndef MDM_CONFIG_MATCHING_READER_H_
#define MDM_CONFIG_MATCHING_READER_H_

#include <yaml-cpp/yaml.h>

#include "mdm/config/config_errors.h"
#include "mdm/matching_config.h"

namespace mdm::config {

// Bounds the model's compact comparison vectors rely on: each comparison's
// level index (with null and else) fits in 4 bits of a 64-bit pattern.
inline constexpr int kMaxComparisons = 16;
inline constexpr int kMaxLevelsPerComparison = 14;

// Returns the matching setting described by `node` (a mapping), with
// defaults for what it leaves out. Problems go to `errors`.
MatchingConfig ReadMatching(const YAML::Node& node, ConfigErrors* errors);

}  // namespace mdm::config

#endif  // MDM_CONFIG_MATCHING_READER_H_
