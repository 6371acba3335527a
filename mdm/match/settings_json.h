// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/settings_json.h
//
// JSON form of the matching setting (mdm/matching_config.h). A run stores
// the setting it matched with, so that `mdm explain` and MatchOne decide
// with the same rules, bands and comparisons as the run that made the
// clusters, without the config file at hand; models store their
// comparisons the same way.
#ifndef MDM_MATCH_SETTINGS_JSON_H_
#define MDM_MATCH_SETTINGS_JSON_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/matching_config.h"

namespace mdm::match {

nlohmann::json ComparisonsToJsonValue(const std::vector<ComparisonConfig>& comparisons);
// False when `value` is not such a list.
bool ComparisonsFromJsonValue(const nlohmann::json& value,
                              std::vector<ComparisonConfig>* comparisons);

std::string MatchingConfigToJson(const MatchingConfig& config);
// DataLoss when the text is not a setting written by MatchingConfigToJson().
absl::StatusOr<MatchingConfig> MatchingConfigFromJson(absl::string_view json);

}  // namespace mdm::match

#endif  // MDM_MATCH_SETTINGS_JSON_H_
