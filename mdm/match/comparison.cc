// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/comparison.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <cstdlib>

#include "absl/status/statusor.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "matchers/date_similarity.h"
#include "matchers/email_similarity.h"
#include "matchers/identifier_match.h"
#include "matchers/phonetic.h"
#include "matchers/string_similarity.h"
#include "mdm/base/embedded_file.h"
#include "mdm/match/handle_spelling.h"

namespace mdm::embedded {
extern const base::EmbeddedFile kNicknamesCsv[];
}  // namespace mdm::embedded

namespace mdm::match {
namespace {

// Lazily computed similarities of one value pair, shared by the levels of a
// comparison so that two Jaro-Winkler thresholds cost one computation.
// Lazily computed similarities of the value pairs of one comparison, shared
// by its levels so that two Jaro-Winkler thresholds cost one computation.
// Only the masks are initialized: most comparisons never read a similarity.
struct SimilarityCache {
  uint16_t jaro_winkler_done = 0;
  uint16_t jaro_done = 0;
  double jaro_winkler[16];
  double jaro[16];
};

// Bounded cache: pairs beyond it are computed again per level (only records
// with many e-mails or addresses reach it).
constexpr size_t kCachedValues = 4;

bool PrefixEqual(absl::string_view x, absl::string_view y, size_t n) {
  return x.size() >= n && y.size() >= n && x.substr(0, n) == y.substr(0, n);
}

std::optional<absl::CivilDay> FullDate(const matchers::PartialDate& d) {
  if (!d.has_day()) return std::nullopt;
  return absl::CivilDay(d.year, d.month, d.day);
}

bool DateLevelHolds(const LevelConfig& level, absl::string_view x, absl::string_view y) {
  absl::StatusOr<matchers::PartialDate> a = matchers::ParsePartialDate(x);
  absl::StatusOr<matchers::PartialDate> b = matchers::ParsePartialDate(y);
  if (!a.ok() || !b.ok()) return false;
  switch (level.kind) {
    case LevelKind::kDateTypo: {
      const matchers::DateCloseness c = matchers::CompareDates(*a, *b, -1);
      return c == matchers::DateCloseness::kDayMonthSwapped ||
             c == matchers::DateCloseness::kOneDigitTypo;
    }
    case LevelKind::kWithinDays: {
      std::optional<absl::CivilDay> da = FullDate(*a), db = FullDate(*b);
      return da && db && std::abs(*da - *db) <= static_cast<int64_t>(level.threshold);
    }
    case LevelKind::kSameYear:
      return a->year == b->year;
    default:
      return false;
  }
}

// One value of each row, with its cached similarities.
struct ValuePair {
  absl::string_view x, y;
  SimilarityCache* cache = nullptr;
  int slot = -1;  // index in the cache; -1 beyond it

  double JaroWinkler() {
    if (slot < 0) return matchers::JaroWinkler(x, y);
    const uint16_t bit = static_cast<uint16_t>(1u << slot);
    if ((cache->jaro_winkler_done & bit) == 0) {
      cache->jaro_winkler[slot] = matchers::JaroWinkler(x, y);
      cache->jaro_winkler_done |= bit;
    }
    return cache->jaro_winkler[slot];
  }
  double Jaro() {
    if (slot < 0) return matchers::Jaro(x, y);
    const uint16_t bit = static_cast<uint16_t>(1u << slot);
    if ((cache->jaro_done & bit) == 0) {
      cache->jaro[slot] = matchers::Jaro(x, y);
      cache->jaro_done |= bit;
    }
    return cache->jaro[slot];
  }
};

bool AddressesComparable(const AddressParts& a, const AddressParts& b) {
  return (!a.postcode.empty() && !b.postcode.empty()) || (!a.city.empty() && !b.city.empty());
}

bool AddressLevelHolds(const LevelConfig& level, const AddressParts& a, const AddressParts& b) {
  auto same = [](absl::string_view p, absl::string_view q) { return !p.empty() && p == q; };
  switch (level.kind) {
    case LevelKind::kSameStreet:
      return same(a.street, b.street) && (same(a.postcode, b.postcode) || same(a.city, b.city));
    case LevelKind::kSamePostcode:
      return same(a.postcode, b.postcode);
    case LevelKind::kSameCity:
      return same(a.city, b.city);
    case LevelKind::kPrefix:
      return PrefixEqual(a.postcode, b.postcode, static_cast<size_t>(level.threshold));
    default:
      return false;
  }
}

bool ValueLevelHolds(const LevelConfig& level, ValuePair& p) {
  switch (level.kind) {
    case LevelKind::kExact:
    case LevelKind::kExactValid:
      return p.x == p.y;
    case LevelKind::kJaroWinkler:
      return p.JaroWinkler() >= level.threshold;
    case LevelKind::kJaro:
      return p.Jaro() >= level.threshold;
    case LevelKind::kLevenshtein: {
      const auto max = static_cast<size_t>(level.threshold);
      return matchers::LevenshteinWithin(p.x, p.y, max) <= max;
    }
    case LevelKind::kDamerau:
      return matchers::OsaWithin(p.x, p.y, static_cast<size_t>(level.threshold));
    case LevelKind::kJaccard:
      return matchers::QGramJaccard(p.x, p.y) >= level.threshold;
    case LevelKind::kTokenSet:
      return matchers::TokenSetRatio(p.x, p.y) >= level.threshold;
    case LevelKind::kPrefix:
      return PrefixEqual(p.x, p.y, static_cast<size_t>(level.threshold));
    case LevelKind::kDateTypo:
    case LevelKind::kWithinDays:
    case LevelKind::kSameYear:
      return DateLevelHolds(level, p.x, p.y);
    case LevelKind::kLocalPart: {
      matchers::EmailParts x = matchers::SplitEmail(p.x);
      return !x.local.empty() && x.local == matchers::SplitEmail(p.y).local;
    }
    default:
      return false;
  }
}

// True for keys made of one-letter words only: "j", "j p".
bool IsInitials(absl::string_view key) {
  for (size_t i = 0; i < key.size(); ++i) {
    if (key[i] == ' ') continue;
    if (i + 1 < key.size() && key[i + 1] != ' ') return false;
  }
  return !key.empty();
}

}  // namespace

uint64_t ComparisonVector::Pattern(size_t comparisons) const {
  uint64_t p = 0;
  for (size_t c = 0; c < comparisons; ++c) p |= static_cast<uint64_t>(levels[c]) << (4 * c);
  return p;
}

std::optional<Slot> TermFrequencySlot(MatchField field, LevelKind kind) {
  switch (kind) {
    case LevelKind::kExact:
    case LevelKind::kExactValid:
      return SlotOf(field);
    case LevelKind::kSameCity:
      return Slot::kCity;
    case LevelKind::kSamePostcode:
      return Slot::kPostcode;
    case LevelKind::kHandleLike:
    case LevelKind::kHandleInitial:
      return Slot::kContactSpellings;
    default:
      return std::nullopt;
  }
}

const matchers::NicknameIndex& DefaultNicknames() {
  static const matchers::NicknameIndex* const index = [] {
    auto* built = new matchers::NicknameIndex();
    built->AddFrenchBuiltins();
    const base::EmbeddedFile& csv = embedded::kNicknamesCsv[0];
    // The list is compiled in and checked by tests; a bad line cannot come
    // from user input, and the lines before it stay usable.
    (void)built->AddCsv(absl::string_view(csv.contents.data(), csv.contents.size()));
    return built;
  }();
  return *index;
}

Comparator::Comparator(const std::vector<ComparisonConfig>& comparisons,
                       const FeatureTable& table, const matchers::NicknameIndex& nicknames)
    : table_(table), nicknames_(nicknames) {
  for (const ComparisonConfig& config : comparisons) {
    Compiled c{config, SlotOf(config.field), {}, 0};
    for (size_t l = 0; l < config.levels.size(); ++l) {
      const LevelKind kind = config.levels[l].kind;
      if (kind == LevelKind::kSwapped || kind == LevelKind::kHandleLike) {
        c.given_levels |= 1u << (l + 1);
      }
    }
    c.allowed_schemes.assign(table.schemes().size(), config.schemes.empty());
    for (const std::string& scheme : config.schemes) {
      const int index = table.SchemeIndex(scheme);
      if (index >= 0) c.allowed_schemes[index] = true;
    }
    comparisons_.push_back(std::move(c));
  }
  order_.resize(comparisons_.size());
  std::iota(order_.begin(), order_.end(), size_t{0});
  std::stable_sort(order_.begin(), order_.end(), [this](size_t x, size_t y) {
    return Rank(comparisons_[x].config) < Rank(comparisons_[y].config);
  });
}

std::string Comparator::LevelLabel(size_t c, int level) const {
  const std::vector<LevelConfig>& levels = comparisons_[c].config.levels;
  if (level == kNullLevel) return "null";
  if (level > static_cast<int>(levels.size())) return "else";
  return levels[level - 1].Label();
}

void Comparator::PrioritizeBy(const std::vector<double>& priority) {
  // Family names first (the swap rule), then hard comparisons (a pair may
  // only be dropped once they are seen), then by priority.
  auto rank = [this](size_t c) {
    const ComparisonConfig& config = comparisons_[c].config;
    return config.field == MatchField::kFamilyName ? 0 : config.hard ? 1 : 2;
  };
  std::stable_sort(order_.begin(), order_.end(), [&](size_t x, size_t y) {
    if (rank(x) != rank(y)) return rank(x) < rank(y);
    return priority[x] > priority[y];
  });
}

int Comparator::Rank(const ComparisonConfig& c) {
  switch (c.field) {
    case MatchField::kFamilyName:
      return 0;
    case MatchField::kIdentifier:
    case MatchField::kEmail:
    case MatchField::kPhone:
    case MatchField::kSocialHandle:
    case MatchField::kGender:
    case MatchField::kBirthDate:
    case MatchField::kSpecialty:
    case MatchField::kPostcode:
      return 1;
    case MatchField::kGivenName:
      return 2;
    default:
      return 3;
  }
}

uint8_t Comparator::Evaluate(const Compiled& c, uint32_t a, uint32_t b, float* tf) const {
  absl::Span<const FeatureValue> va = table_.Values(a, c.slot);
  absl::Span<const FeatureValue> vb = table_.Values(b, c.slot);
  if (va.empty() || vb.empty()) return kNullLevel;
  if (c.config.field == MatchField::kAddress) return EvaluateAddress(c, a, va, vb, tf);
  const bool identifier = c.config.field == MatchField::kIdentifier;
  auto comparable = [&](const FeatureValue& x, const FeatureValue& y) {
    return !identifier || (x.scheme == y.scheme && c.allowed_schemes[x.scheme]);
  };
  if (identifier) {
    bool any = false;
    for (const FeatureValue& x : va) {
      for (const FeatureValue& y : vb) any = any || comparable(x, y);
    }
    if (!any) return kNullLevel;
  }
  SimilarityCache cache;
  const std::vector<LevelConfig>& levels = c.config.levels;
  for (size_t l = 0; l < levels.size(); ++l) {
    const LevelConfig& level = levels[l];
    const LevelKind kind = level.kind;
    if (kind == LevelKind::kPhonetic || kind == LevelKind::kNickname ||
        kind == LevelKind::kInitials || kind == LevelKind::kSwapped ||
        kind == LevelKind::kMaiden || kind == LevelKind::kHandleLike ||
        kind == LevelKind::kHandleInitial) {
      float level_tf = 0;
      if (NameLevelHolds(level, c.config.field, a, b, &level_tf)) {
        if (c.config.term_frequency) *tf = level_tf;
        return static_cast<uint8_t>(l + 1);
      }
      continue;
    }
    // "J." agreeing with "J." is an initial, not a given name: left to the
    // initials level.
    if (kind == LevelKind::kExact && c.config.field == MatchField::kGivenName &&
        IsInitials(table_.Text(va[0]))) {
      continue;
    }
    for (size_t i = 0; i < va.size(); ++i) {
      for (size_t j = 0; j < vb.size(); ++j) {
        if (!comparable(va[i], vb[j])) continue;
        ValuePair pair;
        pair.x = table_.Text(va[i]);
        pair.y = table_.Text(vb[j]);
        pair.cache = &cache;
        if (i < kCachedValues && j < kCachedValues) {
          pair.slot = static_cast<int>(i * kCachedValues + j);
        }
        if (kind == LevelKind::kExactValid &&
            !(va[i].valid && vb[j].valid)) {
          continue;
        }
        if (!ValueLevelHolds(level, pair)) continue;
        if (c.config.term_frequency) *tf = LevelTermFrequency(kind, a, va[i]);
        return static_cast<uint8_t>(l + 1);
      }
    }
  }
  return static_cast<uint8_t>(levels.size() + 1);
}

uint8_t Comparator::EvaluateAddress(const Compiled& c, uint32_t a,
                                    absl::Span<const FeatureValue> va,
                                    absl::Span<const FeatureValue> vb, float* tf) const {
  // Each address decoded once, not once per level and pair.
  absl::InlinedVector<AddressParts, 4> pa, pb;
  for (const FeatureValue& v : va) pa.push_back(DecodeAddress(table_.Text(v)));
  for (const FeatureValue& v : vb) pb.push_back(DecodeAddress(table_.Text(v)));
  bool comparable = false;
  for (const AddressParts& x : pa) {
    for (const AddressParts& y : pb) comparable = comparable || AddressesComparable(x, y);
  }
  if (!comparable) return kNullLevel;
  const std::vector<LevelConfig>& levels = c.config.levels;
  for (size_t l = 0; l < levels.size(); ++l) {
    for (size_t i = 0; i < pa.size(); ++i) {
      for (size_t j = 0; j < pb.size(); ++j) {
        if (!AddressLevelHolds(levels[l], pa[i], pb[j])) continue;
        if (c.config.term_frequency) *tf = LevelTermFrequency(levels[l].kind, a, va[i]);
        return static_cast<uint8_t>(l + 1);
      }
    }
  }
  return static_cast<uint8_t>(levels.size() + 1);
}

float Comparator::LevelTermFrequency(LevelKind kind, uint32_t row,
                                     const FeatureValue& value) const {
  if (kind == LevelKind::kExact || kind == LevelKind::kExactValid) return value.tf;
  const std::optional<Slot> slot = TermFrequencySlot(MatchField::kAddress, kind);
  if (!slot) return 0;
  // Address levels: the share of the agreeing part (a city of millions says
  // less than a village).
  const AddressParts parts = DecodeAddress(table_.Text(value));
  const absl::string_view part = *slot == Slot::kCity ? parts.city : parts.postcode;
  for (const FeatureValue& v : table_.Values(row, *slot)) {
    if (table_.Text(v) == part) return v.tf;
  }
  return 0;
}

bool Comparator::HandleSpellsName(uint32_t with, uint32_t without, bool full_given,
                                  float* tf) const {
  const absl::string_view given = table_.First(without, Slot::kGiven);
  const absl::string_view family = table_.First(without, Slot::kFamily);
  for (const FeatureValue& h : table_.Values(with, Slot::kHandleSpellings)) {
    for (const FeatureValue& c : table_.Values(without, Slot::kContactSpellings)) {
      if (table_.Text(h) == table_.Text(c) &&
          SpellingHoldsGiven(table_.Text(c), given, family) == full_given) {
        *tf = c.tf;
        return true;
      }
    }
  }
  return false;
}

bool Comparator::NameLevelHolds(const LevelConfig& level, MatchField field, uint32_t a,
                                uint32_t b, float* tf) const {
  const absl::string_view given_a = table_.First(a, Slot::kGiven);
  const absl::string_view given_b = table_.First(b, Slot::kGiven);
  const absl::string_view family_a = table_.First(a, Slot::kFamily);
  const absl::string_view family_b = table_.First(b, Slot::kFamily);
  const bool given = field == MatchField::kGivenName;
  switch (level.kind) {
    case LevelKind::kPhonetic: {
      const Slot sounds = given ? Slot::kGivenSounds : Slot::kFamilySounds;
      for (const FeatureValue& x : table_.Values(a, sounds)) {
        for (const FeatureValue& y : table_.Values(b, sounds)) {
          if (table_.Text(x) == table_.Text(y)) return true;
        }
      }
      if (given) return false;
      const absl::string_view pa = table_.First(a, Slot::kFamilyPhonex);
      return !pa.empty() && pa == table_.First(b, Slot::kFamilyPhonex);
    }
    case LevelKind::kNickname:
      return nicknames_.AreNicknames(given_a, given_b);
    case LevelKind::kInitials:
      return given ? matchers::InitialsCompatible(given_a, given_b)
                   : matchers::InitialsCompatible(family_a, family_b);
    case LevelKind::kSwapped:
      return matchers::IsSwapped(given_a, family_a, given_b, family_b);
    case LevelKind::kHandleLike:
      return HandleSpellsName(a, b, /*full_given=*/true, tf) ||
             HandleSpellsName(b, a, /*full_given=*/true, tf);
    case LevelKind::kHandleInitial:
      return HandleSpellsName(a, b, /*full_given=*/false, tf) ||
             HandleSpellsName(b, a, /*full_given=*/false, tf);
    case LevelKind::kMaiden: {
      const absl::string_view maiden_a = table_.First(a, Slot::kMaiden);
      const absl::string_view maiden_b = table_.First(b, Slot::kMaiden);
      return (!maiden_b.empty() && family_a == maiden_b) ||
             (!maiden_a.empty() && maiden_a == family_b) ||
             (!maiden_a.empty() && maiden_a == maiden_b);
    }
    default:
      return false;
  }
}

}  // namespace mdm::match
