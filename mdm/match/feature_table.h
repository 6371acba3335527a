// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/feature_table.h
//
// The records a match run compares, held as one contiguous table: every
// record's match keys (mdm/match/match_keys.h) laid out record after record
// in one text arena, each value addressed by offset. Blocking reads keys
// from it and scoring compares two rows of it; neither allocates per pair,
// and the rows of a block stay close in memory.
//
// Rows are numbered 0..size()-1 in the order they were added. The engine adds
// records sorted by (source, source_key), so row order, and everything
// derived from it, does not depend on load order.
//
// Lifecycle: Add() every record, then SetTermFrequencies() for the slots
// that need it, then read from any number of threads.
#ifndef MDM_MATCH_FEATURE_TABLE_H_
#define MDM_MATCH_FEATURE_TABLE_H_

#include <array>
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "mdm/match/match_keys.h"
#include "mdm/matching_config.h"

namespace mdm::match {

// One column of the table. Single-valued slots hold zero or one value.
enum class Slot : uint8_t {
  kGiven,
  kFamily,
  kMaiden,
  kGivenSounds,
  kFamilySounds,
  kFamilyPhonex,
  kBirthDate,
  kGender,
  kEmail,
  kPhone,
  kPostcode,
  kCity,
  kStreet,
  kAddress,  // "postcode\x1fcity\x1fstreet" per address (EncodeAddress())
  kSpecialty,
  kAffiliation,
  kHandle,
  kIdentifier,
  kHandleSpellings,   // HandleSpellings() of the handles
  kContactSpellings,  // ContactSpellings() of the e-mails and name
};
inline constexpr int kSlotCount = static_cast<int>(Slot::kContactSpellings) + 1;

// The slot that holds a MatchField's values.
Slot SlotOf(MatchField field);

// One address as a kAddress value, and back. Parts never hold the separator
// (keys are folded: control characters become spaces).
std::string EncodeAddress(const AddressKey& address);
struct AddressParts {
  absl::string_view postcode, city, street;
};
AddressParts DecodeAddress(absl::string_view value);

struct FeatureValue {
  uint64_t offset : 48 = 0;  // into the arena
  uint64_t size : 16 = 0;
  uint8_t scheme = 0;   // kIdentifier: index into schemes()
  uint8_t valid = 0;    // kIdentifier: 1 when check-digit valid
  // Share of the slot's values equal to this one (0 until
  // SetTermFrequencies() ran for the slot).
  float tf = 0;
};

class FeatureTable {
 public:
  FeatureTable();

  // Appends a row for `keys` and returns its index. `record_id` is the
  // store's id of the record. Values longer than 65,535 bytes are cut (a
  // key that long is not a name or an address). Identifier schemes beyond
  // 255 distinct ones share the last index.
  uint32_t Add(int64_t record_id, const MatchKeys& keys);

  // Appends every row of `other` after the rows of this table (tables built
  // in parallel from chunks of records, joined in order). Term frequencies
  // are not carried over: compute them on the joined table.
  void Append(const FeatureTable& other);

  // Appends a copy of row `row` of `other` (term frequencies not carried
  // over, as with Append()): a small table of a few rows of a large one.
  uint32_t AppendRow(const FeatureTable& other, uint32_t row);

  // Sets FeatureValue::tf of every value of `slot` to tf_of(its text), and
  // the slot's total: the number of values the frequencies were counted
  // over (see mdm/match/term_frequencies.h).
  void SetTermFrequencies(Slot slot, size_t total,
                          absl::FunctionRef<float(absl::string_view)> tf_of);
  // The total SetTermFrequencies() gave `slot` (1 / it is the smallest term
  // frequency there); 0 before.
  size_t term_frequency_total(Slot slot) const {
    return tf_totals_[static_cast<size_t>(slot)];
  }

  uint32_t size() const { return static_cast<uint32_t>(record_ids_.size()); }
  int64_t record_id(uint32_t row) const { return record_ids_[row]; }

  absl::Span<const FeatureValue> Values(uint32_t row, Slot slot) const {
    const size_t cell = static_cast<size_t>(row) * kSlotCount + static_cast<size_t>(slot);
    return absl::MakeConstSpan(values_.data() + starts_[cell],
                               starts_[cell + 1] - starts_[cell]);
  }
  absl::string_view Text(const FeatureValue& v) const {
    return absl::string_view(arena_.data() + v.offset, v.size);
  }
  // The first value of `slot`, or "" when the row has none.
  absl::string_view First(uint32_t row, Slot slot) const {
    absl::Span<const FeatureValue> v = Values(row, slot);
    return v.empty() ? absl::string_view() : Text(v[0]);
  }
  const std::vector<std::string>& schemes() const { return schemes_; }
  // Index of `scheme` in schemes(), or -1 when no row has it.
  int SchemeIndex(absl::string_view scheme) const;

  // Approximate heap bytes held, for the run report.
  size_t memory_bytes() const;

 private:
  void Push(absl::string_view text, uint8_t scheme = 0, bool valid = false);
  void PushAll(const std::vector<std::string>& list);
  uint8_t InternScheme(absl::string_view scheme);

  std::vector<int64_t> record_ids_;
  // starts_[row * kSlotCount + slot] .. starts_[... + 1] index values_.
  std::vector<uint32_t> starts_;
  std::vector<FeatureValue> values_;
  std::string arena_;
  std::vector<std::string> schemes_;
  std::array<size_t, kSlotCount> tf_totals_{};
};

}  // namespace mdm::match

#endif  // MDM_MATCH_FEATURE_TABLE_H_
