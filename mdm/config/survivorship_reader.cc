// SPDX-License-Identifier: Apache-2.0
#include "mdm/config/survivorship_reader.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "mdm/config/yaml_fields.h"
#include "mdm/record.h"

namespace mdm::config {
namespace {

constexpr absl::string_view kPolicies =
    "source_priority, most_recent, most_frequent, most_complete, trust_decay, validated";

void ReadPriority(const YAML::Node& node, const std::vector<std::string>& source_names,
                  SurvivorshipConfig& s, ConfigErrors* errors) {
  const std::string path = "survivorship.source_priority";
  if (!node.IsSequence() || node.size() == 0) {
    errors->Add(LineOf(node), path, "expected a non-empty list of source names or types");
    return;
  }
  s.source_priority.clear();
  absl::flat_hash_set<std::string> seen;
  for (size_t i = 0; i < node.size(); ++i) {
    const std::string item = absl::StrCat(path, "[", i, "]");
    if (!node[i].IsScalar() || node[i].Scalar().empty()) {
      errors->Add(LineOf(node[i]), item, "expected a source name or type");
      continue;
    }
    const std::string& name = node[i].Scalar();
    if (!seen.insert(name).second) {
      errors->Add(LineOf(node[i]), item, absl::StrCat("'", name, "' listed twice"));
      continue;
    }
    if (!ParseSourceType(name) &&
        std::find(source_names.begin(), source_names.end(), name) == source_names.end()) {
      errors->Add(LineOf(node[i]), item,
                  absl::StrCat("'", name,
                               "' is neither a configured source nor a source type "
                               "(rep, msl, medinfo, social)"));
      continue;
    }
    s.source_priority.push_back(name);
  }
}

void ReadAttributes(const YAML::Node& node, SurvivorshipConfig& s, ConfigErrors* errors) {
  const std::string path = "survivorship.attributes";
  if (!node.IsMap()) {
    errors->Add(LineOf(node), path, "expected a mapping of attribute to policies");
    return;
  }
  for (const auto& entry : node) {
    const std::string attribute = entry.first.Scalar();
    const std::string at = absl::StrCat(path, ".", attribute);
    bool known = false;
    for (absl::string_view a : kGoldenAttributes) known = known || a == attribute;
    if (!known) {
      errors->Add(LineOf(entry.first), at,
                  absl::StrCat("unknown attribute (expected one of ",
                               absl::StrJoin(kGoldenAttributes, ", "), ")"));
      continue;
    }
    const YAML::Node& list = entry.second;
    if (!list.IsSequence() || list.size() == 0) {
      errors->Add(LineOf(list), at, "expected a non-empty list of policies");
      continue;
    }
    std::vector<SurvivorshipPolicy> policies;
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string item = absl::StrCat(at, "[", i, "]");
      const std::optional<SurvivorshipPolicy> p =
          ParseSurvivorshipPolicy(list[i].IsScalar() ? list[i].Scalar() : "");
      if (!p.has_value()) {
        errors->Add(LineOf(list[i]), item,
                    absl::StrCat("unknown policy (expected one of ", kPolicies, ")"));
      } else if (std::find(policies.begin(), policies.end(), p.value()) != policies.end()) {
        errors->Add(LineOf(list[i]), item, "policy listed twice");
      } else {
        policies.push_back(p.value());
      }
    }
    s.attributes[attribute] = std::move(policies);
  }
}

}  // namespace

SurvivorshipConfig ReadSurvivorship(const YAML::Node& node,
                                    const std::vector<std::string>& source_names,
                                    ConfigErrors* errors) {
  SurvivorshipConfig s;
  if (!node.IsMap()) {
    errors->Add(LineOf(node), "survivorship", "expected a mapping");
    return s;
  }
  YamlFields f(node, "survivorship", LineOf(node), errors);
  f.RejectUnknownKeys({"source_priority", "trust_half_life_days", "attributes"});
  if (YAML::Node priority = f.Get("source_priority")) {
    ReadPriority(priority, source_names, s, errors);
  }
  if (auto days = f.Double("trust_half_life_days", 1, 36500)) s.trust_half_life_days = *days;
  if (YAML::Node attributes = f.Get("attributes")) ReadAttributes(attributes, s, errors);
  return s;
}

}  // namespace mdm::config
