// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/comparison.h
//
// The Compare step of scoring: for one pair of FeatureTable rows, the level
// each configured comparison puts the pair in. Level 0 is "null" (a side has
// no value: no evidence), levels 1..n are the configured ones in order, and
// n + 1 is "else" (values present, no level holds). For multi-valued fields
// every value of one row is compared with every value of the other and the
// best level wins. Identifier values compare only within one scheme;
// addresses only when both sides have a postcode or both a city.
//
// A given/family swap is one piece of evidence: when a family-name
// comparison puts a pair at its `swapped` level, the given-name comparisons
// of that pair are null, so the swap is not counted twice. So is a social
// handle that spells the other record's name with the given name in full
// (`handle_like`): the handle already agreed on the given name. A handle
// that holds only the initial (`handle_initial`, "@jgarnier") leaves the
// given names to count.
//
// Example:
//   Comparator comparator(config.comparisons, table, DefaultNicknames());
//   ComparisonVector v;
//   comparator.Compare(lo, hi, &v);
//   // v.levels[c] in [0, levels + 1]; v.tf[c] > 0 when an exact level of a
//   // term-frequency comparison held.
//
// Thread-safety: const; Compare() may run from many threads.
#ifndef MDM_MATCH_COMPARISON_H_
#define MDM_MATCH_COMPARISON_H_

#include <array>
#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "matchers/name_equivalence.h"
#include "mdm/config/matching_reader.h"
#include "mdm/match/feature_table.h"
#include "mdm/matching_config.h"

namespace mdm::match {

inline constexpr uint8_t kNullLevel = 0;

struct ComparisonVector {
  std::array<uint8_t, config::kMaxComparisons> levels{};
  // Per comparison: the term frequency of the value an exact (or
  // handle_like, handle_initial) level agreed on, 0 when the comparison has no
  // term-frequency adjustment or the level has none.
  std::array<float, config::kMaxComparisons> tf{};

  // The levels packed 4 bits each: the key EM counts patterns by.
  uint64_t Pattern(size_t comparisons) const;
};

// The slot whose term frequencies adjust a level of `kind` on `field`, or
// nullopt when such a level has no adjustment: the field's own slot for
// exact levels, the city or postcode slot for address levels, the contact
// spellings for handle_like and handle_initial.
std::optional<Slot> TermFrequencySlot(MatchField field, LevelKind kind);

// The nickname relation built from the embedded US list
// (schemas/reference/nicknames_us.csv) and the French built-ins.
const matchers::NicknameIndex& DefaultNicknames();

class Comparator {
 public:
  // REQUIRES: `table` and `nicknames` outlive the comparator; `comparisons`
  // passed config validation (at most kMaxComparisons, levels that fit
  // their field).
  Comparator(const std::vector<ComparisonConfig>& comparisons, const FeatureTable& table,
             const matchers::NicknameIndex& nicknames);

  void Compare(uint32_t a, uint32_t b, ComparisonVector* out) const {
    CompareUntil(a, b, out, [](size_t, uint8_t, float) { return false; });
  }

  // CompareUntil()
  //
  // As Compare(), one comparison at a time in evaluation order (family
  // names first, so a swap is known before given names are read; then the
  // cheap exact fields; then the string-heavy ones), calling
  // stop(comparison, level, tf) after each. Returns false, leaving *out
  // partly filled, as soon as `stop` returns true; true when all were
  // compared. Scoring uses it to drop a pair once no remaining comparison
  // could lift it into the review band.
  template <typename StopFn>
  bool CompareUntil(uint32_t a, uint32_t b, ComparisonVector* out, StopFn&& stop) const {
    bool given_counted = false;
    for (size_t c : order_) {
      const Compiled& compiled = comparisons_[c];
      out->tf[c] = 0;
      // A swap or a handle spelling the name is one piece of evidence,
      // counted by the family name.
      out->levels[c] = given_counted && compiled.config.field == MatchField::kGivenName
                           ? kNullLevel
                           : Evaluate(compiled, a, b, &out->tf[c]);
      given_counted = given_counted || ((compiled.given_levels >> out->levels[c]) & 1) != 0;
      if (stop(c, out->levels[c], out->tf[c])) return false;
    }
    return true;
  }

  size_t size() const { return comparisons_.size(); }
  // Levels of comparison `c` including null and else.
  int level_count(size_t c) const {
    return static_cast<int>(comparisons_[c].config.levels.size()) + 2;
  }
  const ComparisonConfig& config(size_t c) const { return comparisons_[c].config; }
  // "null", the configured level's label, or "else".
  std::string LevelLabel(size_t c, int level) const;

  // Sets the evaluation order of CompareUntil() to the comparisons by
  // decreasing `priority` (family names always first, for the swap rule,
  // then hard comparisons):
  // scoring puts the comparisons that can move a weight most first, so a
  // pair that cannot reach the review band is dropped sooner.
  void PrioritizeBy(const std::vector<double>& priority);

 private:
  struct Compiled {
    ComparisonConfig config;
    Slot slot;
    // Identifier comparisons: allowed[scheme index of the table].
    std::vector<bool> allowed_schemes;
    // Bit l set: level l (`swapped`, `handle_like`) already counts the given
    // name.
    uint32_t given_levels = 0;
  };
  // Evaluation order rank of a comparison: lower first.
  static int Rank(const ComparisonConfig& c);
  uint8_t Evaluate(const Compiled& c, uint32_t a, uint32_t b, float* tf) const;
  uint8_t EvaluateAddress(const Compiled& c, uint32_t a, absl::Span<const FeatureValue> va,
                          absl::Span<const FeatureValue> vb, float* tf) const;
  // The term frequency behind a value level that held on `value` of `row`:
  // the value's own for exact levels, its city's or postcode's for address
  // levels, 0 for others.
  float LevelTermFrequency(LevelKind kind, uint32_t row, const FeatureValue& value) const;
  // True when a handle of row `with` spells row `without`'s name or e-mail
  // with `without`'s given name in full (`full_given`) or with only its
  // initial (not `full_given`); `tf` gets the term frequency of the
  // spelling.
  bool HandleSpellsName(uint32_t with, uint32_t without, bool full_given, float* tf) const;
  // Levels that read both names of both rows. `tf` gets a term frequency
  // when the level has one (handle_like, handle_initial: of the spelling).
  bool NameLevelHolds(const LevelConfig& level, MatchField field, uint32_t a, uint32_t b,
                      float* tf) const;

  std::vector<Compiled> comparisons_;
  std::vector<size_t> order_;  // comparison indices in evaluation order
  const FeatureTable& table_;
  const matchers::NicknameIndex& nicknames_;
};

}  // namespace mdm::match

#endif  // MDM_MATCH_COMPARISON_H_
