// SPDX-License-Identifier: Apache-2.0
// Names and built-in policies of mdm/survivorship_config.h.
#include "mdm/survivorship_config.h"

#include <array>
#include <utility>

namespace mdm {
namespace {

using P = SurvivorshipPolicy;

constexpr std::array<std::pair<P, absl::string_view>, 6> kPolicyNames = {{
    {P::kSourcePriority, "source_priority"},
    {P::kMostRecent, "most_recent"},
    {P::kMostFrequent, "most_frequent"},
    {P::kMostComplete, "most_complete"},
    {P::kTrustDecay, "trust_decay"},
    {P::kValidated, "validated"},
}};

}  // namespace

absl::string_view SurvivorshipPolicyName(SurvivorshipPolicy policy) {
  for (const auto& [p, name] : kPolicyNames) {
    if (p == policy) return name;
  }
  return "unknown";
}

std::optional<SurvivorshipPolicy> ParseSurvivorshipPolicy(absl::string_view name) {
  for (const auto& [p, n] : kPolicyNames) {
    if (n == name) return p;
  }
  return std::nullopt;
}

const std::vector<SurvivorshipPolicy>& DefaultPolicies(absl::string_view attribute) {
  // A spelling several sources agree on beats one fresh typo, so names and
  // gender count votes before trust; a full birth date beats a year and a
  // full postal address a city; a valid identifier, phone or e-mail beats
  // any invalid one.
  static const auto* const kName =
      new std::vector<P>{P::kMostFrequent, P::kTrustDecay, P::kMostComplete, P::kMostRecent};
  static const auto* const kVote =
      new std::vector<P>{P::kMostFrequent, P::kTrustDecay, P::kMostRecent};
  static const auto* const kBirthDate =
      new std::vector<P>{P::kMostComplete, P::kMostFrequent, P::kTrustDecay};
  static const auto* const kContact =
      new std::vector<P>{P::kValidated, P::kTrustDecay, P::kMostFrequent, P::kMostRecent};
  static const auto* const kAddress =
      new std::vector<P>{P::kMostComplete, P::kTrustDecay, P::kMostFrequent, P::kMostRecent};
  static const auto* const kRecent =
      new std::vector<P>{P::kTrustDecay, P::kMostRecent, P::kMostFrequent};
  if (attribute == "name") return *kName;
  if (attribute == "birth_date") return *kBirthDate;
  if (attribute == "identifiers" || attribute == "phones" || attribute == "emails") {
    return *kContact;
  }
  if (attribute == "addresses") return *kAddress;
  if (attribute == "affiliations") return *kRecent;
  return *kVote;  // gender, language, specialties, social_handles
}

const std::vector<SurvivorshipPolicy>& SurvivorshipConfig::PoliciesOf(
    absl::string_view attribute) const {
  auto it = attributes.find(std::string(attribute));
  return it != attributes.end() ? it->second : DefaultPolicies(attribute);
}

}  // namespace mdm
