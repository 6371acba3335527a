// SPDX-License-Identifier: Apache-2.0
// File: mdm/golden.h
//
// The golden record: one per real person, built from the source records of
// one cluster by the survivorship policies (mdm/survivorship_config.h).
// Every value keeps its lineage: which member records carry it and which
// policy chose it. Golden ids are opaque and stable: when two golden
// records merge, the older id survives and the other becomes `merged` with
// `merged_into` naming the survivor; when one splits, the id stays with the
// larger part and the other parts get new ids.
//
// Returned by Engine::Golden() and printed by `mdm golden show ID`.
#ifndef MDM_GOLDEN_H_
#define MDM_GOLDEN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "mdm/record.h"

namespace mdm {

struct Lineage {
  // "source:key" of every member record carrying the value, sorted; empty
  // for a value a steward pinned.
  std::vector<std::string> records;
  // The policy that ranked the value first ("trust_decay", "source_priority",
  // ...), "only_value" when no other value competed, "tie" when every
  // policy tied and the smallest key decided, "steward_override" for a
  // value a steward pinned (mdm/steward.h).
  std::string rule;
};

// One surviving value with where it came from. In lists, `primary` marks
// the first-ranked value.
template <typename T>
struct Survived {
  T value{};
  Lineage lineage;
  bool primary = false;
};

enum class GoldenStatus {
  kActive = 0,   // a current golden record
  kMerged = 1,   // absorbed by `merged_into` (still answers xref)
  kRetired = 2,  // every member record was deleted
  kErased = 3,   // the person's data was erased (mdm/privacy.h): a tombstone
};
// "active", "merged", "retired".
absl::string_view GoldenStatusName(GoldenStatus status);
std::optional<GoldenStatus> ParseGoldenStatus(absl::string_view name);

struct GoldenRecord {
  std::string golden_id;
  GoldenStatus status = GoldenStatus::kActive;
  std::string merged_into;  // for kMerged
  int64_t created_run = 0;
  int64_t updated_run = 0;
  // Restricted under GDPR Art. 18 (mdm/privacy.h): kept, but a downstream
  // system must not use it for anything but storage.
  bool restricted = false;

  // Single-valued attributes (an empty value has an empty lineage).
  Survived<PersonName> name;
  Survived<std::string> gender;
  Survived<std::string> birth_date;
  Survived<std::string> language;
  // Every distinct value of the members, best first; the first is primary.
  std::vector<Survived<Identifier>> identifiers;
  std::vector<Survived<Address>> addresses;
  std::vector<Survived<Phone>> phones;
  std::vector<Survived<Email>> emails;
  std::vector<Survived<Specialty>> specialties;
  std::vector<Survived<Affiliation>> affiliations;
  std::vector<Survived<std::string>> social_handles;

  // Member source records ("source:key"), sorted.
  std::vector<std::string> members;
};

// One change to a golden record, in the order they happened.
struct GoldenEvent {
  int64_t event_id = 0;
  int64_t run_id = 0;
  std::string at;      // ISO-8601 UTC
  std::string kind;    // created, updated, merged, merged_into, split, split_from, retired
  std::string detail;  // JSON: the other golden ids and the records that moved
};

// Where a source record stands now (Engine::Xref, `mdm xref`).
struct Crosswalk {
  std::string source;
  std::string source_key;
  bool deleted = false;     // its current version is a delete marker
  // The golden record it belongs to now, merges followed: an active one, or
  // the retired one it was last in.
  std::string golden_id;
  GoldenStatus status = GoldenStatus::kActive;
  // The ids it passed through to get there (a deleted record's golden
  // record merged since), oldest first; empty when direct.
  std::vector<std::string> merged_from;
};

}  // namespace mdm

#endif  // MDM_GOLDEN_H_
