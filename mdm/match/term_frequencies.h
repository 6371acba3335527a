// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/term_frequencies.h
//
// How common each value is in the slots that term-frequency adjustments
// read ("martin" is common, "szczepanski" is not), counted once when a model
// is trained and kept with it. Runs and MatchOne apply the model's counts
// instead of counting again: a pair's weight then depends on the two
// records and the model only, so matching a night's delta gives exactly the
// clusters a full rebuild would (see pipeline/delta_matching.h). A
// value the model never saw counts as seen once: as rare as a value can be.
//
// Values are kept by their 64-bit stable hash; only counts of 2 or more are
// stored (the rest are implied), so the table of a million records stays a
// few megabytes.
//
// Example:
//   TermFrequencies tf = CountTermFrequencies(table, TermFrequencySlots(comparisons));
//   ApplyTermFrequencies(tf, table);   // FeatureValue::tf filled
//   std::string blob = EncodeTermFrequencies(tf);  // stored with the model
#ifndef MDM_MATCH_TERM_FREQUENCIES_H_
#define MDM_MATCH_TERM_FREQUENCIES_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/match/feature_table.h"
#include "mdm/matching_config.h"

namespace mdm::match {

struct SlotFrequencies {
  Slot slot = Slot::kFamily;
  uint64_t total = 0;  // values counted in the slot
  // The count of a value missing from `counts`: 1, or 0 for a slot counted
  // only where another slot has the value (contact spellings count only
  // where a handle spells them).
  uint32_t absent_count = 1;
  std::vector<std::pair<uint64_t, uint32_t>> counts;  // (hash, count), by hash

  uint32_t CountOf(absl::string_view value) const;
};

struct TermFrequencies {
  std::vector<SlotFrequencies> slots;  // by slot
  bool operator==(const TermFrequencies&) const = default;
};

inline bool operator==(const SlotFrequencies& a, const SlotFrequencies& b) {
  return a.slot == b.slot && a.total == b.total && a.absent_count == b.absent_count &&
         a.counts == b.counts;
}

// The slots term-frequency levels of `comparisons` read, in slot order.
std::vector<Slot> TermFrequencySlots(const std::vector<ComparisonConfig>& comparisons);

// Counts the values of `slots` in `table`, slots spread over `threads`.
TermFrequencies CountTermFrequencies(const FeatureTable& table, const std::vector<Slot>& slots,
                                     int threads = 1);

// Sets FeatureValue::tf of every value of the counted slots: count / total.
void ApplyTermFrequencies(const TermFrequencies& frequencies, FeatureTable& table);

std::string EncodeTermFrequencies(const TermFrequencies& frequencies);
// DataLoss when `blob` is not an EncodeTermFrequencies() result.
absl::StatusOr<TermFrequencies> DecodeTermFrequencies(absl::string_view blob);

}  // namespace mdm::match

#endif  // MDM_MATCH_TERM_FREQUENCIES_H_
