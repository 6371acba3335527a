// SPDX-License-Identifier: Apache-2.0
// File: mdm/survivorship_config.h
//
// The `survivorship:` section of mdm.yaml: how the golden record of a
// cluster is chosen from its member source records, attribute by attribute.
//
// Each attribute has an ordered list of policies. The candidate values of
// the attribute (distinct by key: "jean pierre|martin", "rpps:10003456789",
// an E.164 number ...) are ranked by the first policy; ties go to the next
// one, and so on; a last tie goes to the smallest key, so the result never
// depends on load order. Single-valued attributes (name, gender, birth date,
// language) keep the winner; list attributes (identifiers, addresses,
// phones, e-mails, specialties, affiliations, social handles) keep every
// distinct value in rank order, the first one marked primary. A steward
// override (see the steward issue) beats every policy.
//
// Example (YAML):
//   survivorship:
//     source_priority: [crm_fr, rep, msl]   # source names or types
//     trust_half_life_days: 365
//     attributes:
//       name: [source_priority, most_recent]
//       identifiers: [validated, source_priority]
#ifndef MDM_SURVIVORSHIP_CONFIG_H_
#define MDM_SURVIVORSHIP_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace mdm {

enum class SurvivorshipPolicy {
  kSourcePriority,  // the value's best source in source_priority wins
  kMostRecent,      // the latest observed_at among the records carrying it
  kMostFrequent,    // carried by the most records
  kMostComplete,    // the most parts filled (a full date over a year, a
                    // street over a city alone, a middle name over none)
  kTrustDecay,      // source trust halved every trust_half_life_days of age,
                    // age counted back from the cluster's latest observation
  kValidated,       // check-digit or syntax valid beats unchecked beats invalid
};

// "source_priority", "most_recent" ... as written in mdm.yaml.
absl::string_view SurvivorshipPolicyName(SurvivorshipPolicy policy);
std::optional<SurvivorshipPolicy> ParseSurvivorshipPolicy(absl::string_view name);

// The attributes a golden record has, as written in mdm.yaml.
inline constexpr const char* kGoldenAttributes[] = {
    "name",      "gender",      "birth_date",   "language",       "identifiers",
    "addresses", "phones",      "emails",       "specialties",    "affiliations",
    "social_handles"};

struct SurvivorshipConfig {
  // Source names or source types (rep, msl, medinfo, social), best first.
  // A source matches by name first, then by type; one matching neither
  // ranks after all. Default: rep, msl, medinfo, social.
  std::vector<std::string> source_priority = {"rep", "msl", "medinfo", "social"};
  // Age (days) at which kTrustDecay halves a source's trust. Default: 365.
  double trust_half_life_days = 365;
  // Policies per attribute (keys of kGoldenAttributes); an attribute not
  // listed uses DefaultPolicies().
  std::map<std::string, std::vector<SurvivorshipPolicy>> attributes;

  // The policies of `attribute`: its configured list, else the default.
  const std::vector<SurvivorshipPolicy>& PoliciesOf(absl::string_view attribute) const;
};

// The built-in policies of an attribute:
//   name:                          most_frequent, trust_decay, most_complete, most_recent
//   gender, language, specialties,
//   social_handles:                most_frequent, trust_decay, most_recent
//   birth_date:                    most_complete, most_frequent, trust_decay
//   identifiers, phones, emails:   validated, trust_decay, most_frequent, most_recent
//   addresses:                     most_complete, trust_decay, most_frequent, most_recent
//   affiliations:                  trust_decay, most_recent, most_frequent
// source_priority ranks only where an attribute's list names it.
const std::vector<SurvivorshipPolicy>& DefaultPolicies(absl::string_view attribute);

}  // namespace mdm

#endif  // MDM_SURVIVORSHIP_CONFIG_H_
