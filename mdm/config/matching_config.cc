// SPDX-License-Identifier: Apache-2.0
// Names, labels and the default setting of mdm/matching_config.h.
#include "mdm/matching_config.h"

#include <array>
#include <utility>

#include "absl/strings/str_cat.h"

namespace mdm {
namespace {

constexpr std::array<std::pair<MatchField, absl::string_view>, 14> kFieldNames = {{
    {MatchField::kGivenName, "given_name"},
    {MatchField::kFamilyName, "family_name"},
    {MatchField::kBirthDate, "birth_date"},
    {MatchField::kGender, "gender"},
    {MatchField::kEmail, "email"},
    {MatchField::kPhone, "phone"},
    {MatchField::kPostcode, "postcode"},
    {MatchField::kCity, "city"},
    {MatchField::kStreet, "street"},
    {MatchField::kAddress, "address"},
    {MatchField::kSpecialty, "specialty"},
    {MatchField::kAffiliation, "affiliation"},
    {MatchField::kSocialHandle, "social_handle"},
    {MatchField::kIdentifier, "identifier"},
}};

constexpr std::array<std::pair<LevelKind, absl::string_view>, 23> kLevelNames = {{
    {LevelKind::kExact, "exact"},
    {LevelKind::kExactValid, "exact_valid"},
    {LevelKind::kJaroWinkler, "jaro_winkler"},
    {LevelKind::kJaro, "jaro"},
    {LevelKind::kLevenshtein, "levenshtein"},
    {LevelKind::kDamerau, "damerau"},
    {LevelKind::kJaccard, "jaccard"},
    {LevelKind::kTokenSet, "token_set"},
    {LevelKind::kPhonetic, "phonetic"},
    {LevelKind::kNickname, "nickname"},
    {LevelKind::kInitials, "initials"},
    {LevelKind::kSwapped, "swapped"},
    {LevelKind::kMaiden, "maiden"},
    {LevelKind::kPrefix, "prefix"},
    {LevelKind::kDateTypo, "date_typo"},
    {LevelKind::kWithinDays, "within_days"},
    {LevelKind::kSameYear, "same_year"},
    {LevelKind::kLocalPart, "local_part"},
    {LevelKind::kSameStreet, "same_street"},
    {LevelKind::kSamePostcode, "same_postcode"},
    {LevelKind::kSameCity, "same_city"},
    {LevelKind::kHandleLike, "handle_like"},
    {LevelKind::kHandleInitial, "handle_initial"},
}};

LevelConfig Level(LevelKind kind, double threshold = 0) {
  return LevelConfig{kind, threshold, 0};
}

ComparisonConfig Comparison(absl::string_view name, MatchField field,
                            std::vector<LevelConfig> levels, bool tf = false,
                            bool hard = false) {
  ComparisonConfig c;
  c.name = std::string(name);
  c.field = field;
  c.levels = std::move(levels);
  c.term_frequency = tf;
  c.hard = hard;
  return c;
}

BlockingRuleConfig Rule(absl::string_view name, std::vector<BlockingKey> keys,
                        int64_t max_block_size = 0) {
  return BlockingRuleConfig{std::string(name), std::move(keys), max_block_size, 0};
}

// A contact point shared by more records than this is a switchboard or a
// generic address, not a person.
constexpr int64_t kSharedContactBlock = 20;
// A handle spelled like a hundred records' names ("mariemartin") tells none
// of them apart.
constexpr int64_t kNameOnlyBlock = 100;
// A name shared by thirty records with no place to tell them apart is a
// namesake crowd, not a person's records.
constexpr int64_t kNameWithoutPlaceBlock = 30;

}  // namespace

absl::string_view MatchFieldName(MatchField field) {
  for (const auto& [f, name] : kFieldNames) {
    if (f == field) return name;
  }
  return "?";
}

std::optional<MatchField> ParseMatchField(absl::string_view name) {
  for (const auto& [field, n] : kFieldNames) {
    if (n == name) return field;
  }
  return std::nullopt;
}

absl::string_view LevelKindName(LevelKind kind) {
  for (const auto& [k, name] : kLevelNames) {
    if (k == kind) return name;
  }
  return "?";
}

std::optional<LevelKind> ParseLevelKind(absl::string_view name) {
  for (const auto& [kind, n] : kLevelNames) {
    if (n == name) return kind;
  }
  return std::nullopt;
}

std::string LevelConfig::Label() const {
  const absl::string_view name = LevelKindName(kind);
  switch (kind) {
    case LevelKind::kJaroWinkler:
    case LevelKind::kJaro:
    case LevelKind::kJaccard:
    case LevelKind::kTokenSet:
      return absl::StrCat(name, ">=", threshold);
    case LevelKind::kLevenshtein:
    case LevelKind::kDamerau:
    case LevelKind::kWithinDays:
      return absl::StrCat(name, "<=", threshold);
    case LevelKind::kPrefix:
      return absl::StrCat(name, threshold);
    default:
      return std::string(name);
  }
}

std::string BlockingKey::Label() const {
  const absl::string_view field_name = MatchFieldName(field);
  switch (transform) {
    case KeyTransform::kExact: return std::string(field_name);
    case KeyTransform::kPhonetic: return absl::StrCat(field_name, ".phonetic");
    case KeyTransform::kInitial: return absl::StrCat(field_name, ".initial");
    case KeyTransform::kPrefix: return absl::StrCat(field_name, ".prefix", length);
    case KeyTransform::kYear: return absl::StrCat(field_name, ".year");
    case KeyTransform::kLocalPart: return absl::StrCat(field_name, ".local_part");
    case KeyTransform::kNamePair: return "name_pair";
    case KeyTransform::kSpelling: return absl::StrCat(field_name, ".spelling");
  }
  return "?";
}

MatchingConfig DefaultMatchingConfig() {
  using F = MatchField;
  using L = LevelKind;
  using T = KeyTransform;
  MatchingConfig m;
  m.blocking_rules = {
      Rule("same_identifier", {{F::kIdentifier, T::kExact, 0}}),
      Rule("same_email", {{F::kEmail, T::kExact, 0}}, kSharedContactBlock),
      Rule("same_phone", {{F::kPhone, T::kExact, 0}}, kSharedContactBlock),
      Rule("name_sound_city", {{F::kFamilyName, T::kPhonetic, 0},
                               {F::kGivenName, T::kInitial, 0},
                               {F::kCity, T::kExact, 0}}),
      Rule("same_handle", {{F::kSocialHandle, T::kExact, 0}}),
      Rule("name_pair", {{F::kFamilyName, T::kNamePair, 0}}),
      Rule("given_family_sound", {{F::kGivenName, T::kExact, 0},
                                  {F::kFamilyName, T::kPhonetic, 0}},
           kNameWithoutPlaceBlock),
      Rule("handle_spelling", {{F::kSocialHandle, T::kSpelling, 0}}, kNameOnlyBlock),
      Rule("given_family_initial_city", {{F::kGivenName, T::kExact, 0},
                                         {F::kFamilyName, T::kInitial, 0},
                                         {F::kCity, T::kExact, 0}}),
  };
  m.comparisons = {
      Comparison("identifier", F::kIdentifier,
                 {Level(L::kExactValid), Level(L::kExact), Level(L::kDamerau, 1)},
                 /*tf=*/false, /*hard=*/true),
      Comparison("family_name", F::kFamilyName,
                 {Level(L::kExact), Level(L::kJaroWinkler, 0.92), Level(L::kMaiden),
                  Level(L::kPhonetic), Level(L::kSwapped), Level(L::kHandleLike),
                  Level(L::kHandleInitial), Level(L::kInitials), Level(L::kJaroWinkler, 0.8)},
                 true),
      Comparison("given_name", F::kGivenName,
                 {Level(L::kExact), Level(L::kNickname), Level(L::kJaroWinkler, 0.92),
                  Level(L::kInitials), Level(L::kJaroWinkler, 0.8)},
                 true),
      Comparison("birth_date", F::kBirthDate,
                 {Level(L::kExact), Level(L::kDateTypo), Level(L::kSameYear)}),
      // Shared addresses and practice numbers exist: agreeing on a value many
      // records carry counts for less.
      Comparison("email", F::kEmail, {Level(L::kExact), Level(L::kLocalPart)}, true),
      Comparison("phone", F::kPhone, {Level(L::kExact), Level(L::kDamerau, 1)}, true),
      Comparison("address", F::kAddress,
                 {Level(L::kSameStreet), Level(L::kSamePostcode), Level(L::kSameCity),
                  Level(L::kPrefix, 2)},
                 true),
      Comparison("specialty", F::kSpecialty, {Level(L::kExact)}),
      Comparison("affiliation", F::kAffiliation,
                 {Level(L::kExact), Level(L::kTokenSet, 0.8)}, true),
      Comparison("social_handle", F::kSocialHandle, {Level(L::kExact)}, /*tf=*/false,
                 /*hard=*/true),
  };
  return m;
}

}  // namespace mdm
