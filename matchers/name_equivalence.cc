// SPDX-License-Identifier: Apache-2.0
#include "matchers/name_equivalence.h"

#include <algorithm>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "matchers/string_similarity.h"

namespace mdm::matchers {
namespace {

struct NicknamePair {
  const char* canonical;
  const char* nickname;
};

// French given names and the short forms that stand for them in HCP data.
// Selection rule: compound names whose initials are written as such on forms
// and in signatures, and diminutives a French speaker would recognise without
// context. Pet names used only within a family ("fanfan", "titi") and
// separate names sometimes related by etymology (Guillaume and Guy) are left
// out: they would merge different people more often than they find the same
// one.
constexpr NicknamePair kFrenchNicknames[] = {
    // Compound given names and their initials.
    {"jean pierre", "jp"},     {"jean paul", "jp"},
    {"jean philippe", "jp"},   {"jean baptiste", "jb"},
    {"jean claude", "jc"},     {"jean charles", "jc"},
    {"jean christophe", "jc"}, {"jean francois", "jf"},
    {"jean jacques", "jj"},    {"jean louis", "jl"},
    {"jean luc", "jl"},        {"jean marc", "jm"},
    {"jean marie", "jm"},      {"jean michel", "jm"},
    {"jean noel", "jn"},       {"jean yves", "jy"},
    {"marie christine", "mc"}, {"marie claude", "mc"},
    {"marie helene", "mh"},    {"marie france", "mf"},
    {"marie josee", "mj"},     {"marie laure", "ml"},
    {"marie noelle", "mn"},    {"marie odile", "mo"},
    {"marie pierre", "mp"},    {"marie therese", "mt"},
    {"anne marie", "am"},      {"anne sophie", "as"},
    {"pierre yves", "py"},     {"pierre louis", "pl"},
    {"paul henri", "ph"},
    // Diminutives.
    {"alexandre", "alex"},     {"alexandra", "alex"},
    {"benjamin", "ben"},       {"caroline", "caro"},
    {"catherine", "cathy"},    {"christian", "chris"},
    {"christine", "chris"},    {"christophe", "chris"},
    {"daniel", "dany"},        {"danielle", "dany"},
    {"dominique", "dom"},      {"elisabeth", "babeth"},
    {"emmanuel", "manu"},      {"emmanuelle", "manu"},
    {"frederic", "fred"},      {"frederique", "fred"},
    {"gabriel", "gaby"},       {"gabrielle", "gaby"},
    {"isabelle", "isa"},       {"jacqueline", "jacky"},
    {"joseph", "jo"},          {"marguerite", "margot"},
    {"maxime", "max"},         {"maximilien", "max"},
    {"nicolas", "nico"},       {"patricia", "pat"},
    {"patrick", "pat"},        {"philippe", "phil"},
    {"pierre", "pierrot"},     {"raphael", "raph"},
    {"sebastien", "seb"},      {"stephane", "steph"},
    {"stephanie", "steph"},    {"thomas", "tom"},
    {"valerie", "val"},        {"veronique", "vero"},
};

constexpr absl::string_view kCsvHeader = "name1,relationship,name2";
constexpr absl::string_view kCsvRelation = "has_nickname";

bool Contains(const std::vector<uint32_t>& sorted, uint32_t id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

// --- InitialsCompatible ---

bool IsVowelLetter(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// A 2-3 letter token with no vowel is written initials ("jp", "jpm").
bool IsInitialsCluster(absl::string_view token) {
  return token.size() >= 2 && token.size() <= 3 &&
         std::none_of(token.begin(), token.end(), IsVowelLetter);
}

using Units = absl::InlinedVector<absl::string_view, 6>;

Units GivenNameUnits(absl::string_view key) {
  Units units;
  for (absl::string_view token :
       absl::StrSplit(key, absl::ByAnyChar(" \t"), absl::SkipEmpty())) {
    if (!IsInitialsCluster(token)) {
      units.push_back(token);
      continue;
    }
    for (size_t i = 0; i < token.size(); ++i) units.push_back(token.substr(i, 1));
  }
  return units;
}

bool UnitsCompatible(absl::string_view x, absl::string_view y) {
  if (x.size() == 1 || y.size() == 1) return x[0] == y[0];
  return x == y;
}

enum class SwapCrossing { kNone, kInitial, kName };

// How a key of the given-name field matches a key of the family-name field
// of the other record: by name (Jaro-Winkler on the whole key, or on its
// first name when the other record lacks the middle name), by a lone
// initial ("c" for "carla": an agent typed "C. Vincent" for Carla Vincent),
// or not at all.
SwapCrossing CrossGivenFamily(absl::string_view given, absl::string_view family,
                              double threshold) {
  if (JaroWinkler(given, family) >= threshold) return SwapCrossing::kName;
  const size_t space = given.find(' ');
  if (space != absl::string_view::npos &&
      JaroWinkler(given.substr(0, space), family) >= threshold) {
    return SwapCrossing::kName;
  }
  if (given.size() == 1 && family.front() == given.front()) return SwapCrossing::kInitial;
  return SwapCrossing::kNone;
}

}  // namespace

void NicknameIndex::Add(absl::string_view canonical,
                        absl::string_view nickname) {
  if (canonical.empty() || nickname.empty() || canonical == nickname) return;
  const uint32_t canonical_id = Intern(canonical);
  const uint32_t nickname_id = Intern(nickname);
  std::vector<uint32_t>& list = canonicals_[nickname_id];
  const auto it = std::lower_bound(list.begin(), list.end(), canonical_id);
  if (it == list.end() || *it != canonical_id) list.insert(it, canonical_id);
}

void NicknameIndex::AddFrenchBuiltins() {
  for (const NicknamePair& pair : kFrenchNicknames) {
    Add(pair.canonical, pair.nickname);
  }
}

absl::Status NicknameIndex::AddCsv(absl::string_view csv_text) {
  size_t line_number = 0;
  for (absl::string_view line : absl::StrSplit(csv_text, '\n')) {
    ++line_number;
    absl::ConsumeSuffix(&line, "\r");
    if (line.empty() || (line_number == 1 && line == kCsvHeader)) continue;
    const std::vector<absl::string_view> fields = absl::StrSplit(line, ',');
    if (fields.size() != 3 || fields[0].empty() || fields[2].empty() ||
        fields[1] != kCsvRelation) {
      return absl::InvalidArgumentError(absl::StrCat(
          "nicknames: line ", line_number,
          ": expected name1,has_nickname,name2"));
    }
    Add(fields[0], fields[2]);
  }
  return absl::OkStatus();
}

NameRelation NicknameIndex::Relation(absl::string_view a,
                                     absl::string_view b) const {
  if (a == b) return NameRelation::kSame;
  const auto id_a = ids_.find(a);
  const auto id_b = ids_.find(b);
  if (id_a == ids_.end() || id_b == ids_.end()) return NameRelation::kNone;
  const std::vector<uint32_t>& of_a = canonicals_[id_a->second];
  const std::vector<uint32_t>& of_b = canonicals_[id_b->second];
  if (Contains(of_a, id_b->second) || Contains(of_b, id_a->second)) {
    return NameRelation::kNickname;
  }
  return SharesCanonical(id_a->second, id_b->second)
             ? NameRelation::kSharedCanonical
             : NameRelation::kNone;
}

// A pair listed both ways ("bill" has_nickname "robert" and the reverse, as
// the US dataset does) says two names are interchangeable. Two names linked
// to a shared name only by such pairs are two full names ("robert" and
// "william" through "bill"), not two nicknames of one name, so at least one
// of them must be a one-way nickname of the shared name.
bool NicknameIndex::SharesCanonical(uint32_t a, uint32_t b) const {
  for (const uint32_t canonical : canonicals_[a]) {
    if (!Contains(canonicals_[b], canonical)) continue;
    const std::vector<uint32_t>& back = canonicals_[canonical];
    if (!Contains(back, a) || !Contains(back, b)) return true;
  }
  return false;
}

bool NicknameIndex::AreNicknames(absl::string_view a,
                                 absl::string_view b) const {
  return Relation(a, b) != NameRelation::kNone;
}

uint32_t NicknameIndex::Intern(absl::string_view name) {
  const auto [it, inserted] =
      ids_.try_emplace(name, static_cast<uint32_t>(canonicals_.size()));
  if (inserted) canonicals_.emplace_back();
  return it->second;
}

bool InitialsCompatible(absl::string_view a, absl::string_view b) {
  Units short_side = GivenNameUnits(a);
  Units long_side = GivenNameUnits(b);
  if (short_side.size() > long_side.size()) std::swap(short_side, long_side);
  if (short_side.empty()) return false;
  for (size_t i = 0; i < short_side.size(); ++i) {
    if (!UnitsCompatible(short_side[i], long_side[i])) return false;
  }
  return short_side.size() == long_side.size() || short_side.back().size() == 1;
}

bool IsSwapped(absl::string_view given_a, absl::string_view family_a,
               absl::string_view given_b, absl::string_view family_b,
               double threshold) {
  if (given_a.empty() || family_a.empty() || given_b.empty() ||
      family_b.empty()) {
    return false;
  }
  const SwapCrossing a_to_b = CrossGivenFamily(given_a, family_b, threshold);
  const SwapCrossing b_to_a = CrossGivenFamily(given_b, family_a, threshold);
  const bool crossed = (a_to_b == SwapCrossing::kName && b_to_a != SwapCrossing::kNone) ||
                       (b_to_a == SwapCrossing::kName && a_to_b != SwapCrossing::kNone);
  const bool straight = JaroWinkler(given_a, given_b) >= threshold &&
                        JaroWinkler(family_a, family_b) >= threshold;
  return crossed && !straight;
}

}  // namespace mdm::matchers
