// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/comparison.h"
#include "mdm/match/term_frequencies.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "mdm/match/match_keys.h"

namespace mdm::match {
namespace {

using Catch::Matchers::WithinAbs;
using F = MatchField;
using L = LevelKind;

// Keys of a synthetic person, sounds computed as normalization would.
MatchKeys Person(const std::string& given, const std::string& family) {
  SourceRecord r;
  r.name.given_key = given;
  r.name.family_key = family;
  return ExtractMatchKeys(r);
}

MatchKeys WithMaiden(MatchKeys k, std::string maiden) {
  k.maiden = std::move(maiden);
  return k;
}
MatchKeys WithHandle(MatchKeys k, std::string handle) {
  k.handles = {std::move(handle)};
  return k;
}
MatchKeys Born(std::string date) {
  MatchKeys k = Person("jeanne", "garnier");
  k.birth_date = std::move(date);
  return k;
}
MatchKeys Emails(std::vector<std::string> emails) {
  MatchKeys k = Person("jeanne", "garnier");
  k.emails = std::move(emails);
  return k;
}
MatchKeys Phone(std::string phone) {
  MatchKeys k = Person("jeanne", "garnier");
  k.phones = {std::move(phone)};
  return k;
}
MatchKeys Places(std::vector<AddressKey> addresses) {
  MatchKeys k = Person("jeanne", "garnier");
  k.addresses = std::move(addresses);
  return k;
}
MatchKeys Works(std::string affiliation) {
  MatchKeys k = Person("jeanne", "garnier");
  k.affiliations = {std::move(affiliation)};
  return k;
}
MatchKeys Ids(std::vector<IdentifierKey> ids) {
  MatchKeys k = Person("jeanne", "garnier");
  k.identifiers = std::move(ids);
  return k;
}

LevelConfig Lv(LevelKind kind, double threshold = 0) { return {kind, threshold, 0}; }

ComparisonConfig Cmp(std::string name, MatchField field, std::vector<LevelConfig> levels,
                     bool tf = false) {
  ComparisonConfig c;
  c.name = std::move(name);
  c.field = field;
  c.levels = std::move(levels);
  c.term_frequency = tf;
  return c;
}

FeatureTable Table(const std::vector<MatchKeys>& rows) {
  FeatureTable t;
  for (size_t i = 0; i < rows.size(); ++i) t.Add(static_cast<int64_t>(i + 1), rows[i]);
  return t;
}

struct LevelCase {
  std::string name;
  MatchField field;
  std::vector<LevelConfig> levels;
  MatchKeys a, b;
  int level;
};

// The level one comparison puts (a, b) in, checked to be the same for (b, a).
int LevelOf(const LevelCase& c) {
  const FeatureTable t = Table({c.a, c.b});
  const Comparator comparator({Cmp("c", c.field, c.levels)}, t, DefaultNicknames());
  ComparisonVector ab, ba;
  comparator.Compare(0, 1, &ab);
  comparator.Compare(1, 0, &ba);
  CHECK(ab.levels[0] == ba.levels[0]);
  return ab.levels[0];
}

TEST_CASE("Comparator: string levels on names", "[match]") {
  const MatchKeys garnier = Person("jeanne", "garnier");
  // clang-format off
  const LevelCase c = GENERATE_COPY(values<LevelCase>({
      {"exact", F::kFamilyName, {Lv(L::kExact), Lv(L::kJaroWinkler, 0.92)}, garnier,
       Person("claire", "garnier"), 1},
      {"jaro_winkler holds", F::kFamilyName, {Lv(L::kExact), Lv(L::kJaroWinkler, 0.92)}, garnier,
       Person("jeanne", "garnie"), 2},
      {"jaro_winkler below threshold", F::kFamilyName, {Lv(L::kExact), Lv(L::kJaroWinkler, 0.99)},
       garnier, Person("jeanne", "garnie"), 3},
      // Jaro 0.952 without the prefix boost, 0.971 with it.
      {"jaro has no prefix boost", F::kFamilyName, {Lv(L::kJaro, 0.96), Lv(L::kJaroWinkler, 0.96)},
       garnier, Person("jeanne", "garnie"), 2},
      {"jaro holds", F::kFamilyName, {Lv(L::kExact), Lv(L::kJaro, 0.95)}, garnier,
       Person("jeanne", "garnie"), 2},
      {"levenshtein one substitution", F::kFamilyName, {Lv(L::kExact), Lv(L::kLevenshtein, 1)},
       garnier, Person("jeanne", "garnler"), 2},
      {"levenshtein counts a transposition twice", F::kFamilyName,
       {Lv(L::kExact), Lv(L::kLevenshtein, 1)}, garnier, Person("jeanne", "granier"), 3},
      {"damerau counts a transposition once", F::kFamilyName,
       {Lv(L::kLevenshtein, 1), Lv(L::kDamerau, 1)}, garnier, Person("jeanne", "granier"), 2},
      {"jaccard holds", F::kFamilyName, {Lv(L::kExact), Lv(L::kJaccard, 0.8)}, garnier,
       Person("jeanne", "garnierr"), 2},
      {"jaccard fails", F::kFamilyName, {Lv(L::kExact), Lv(L::kJaccard, 0.8)}, garnier,
       Person("jeanne", "roux"), 3},
      {"prefix on a name", F::kFamilyName, {Lv(L::kExact), Lv(L::kPrefix, 6)}, garnier,
       Person("jeanne", "garnie"), 2},
      {"prefix longer than a name", F::kFamilyName, {Lv(L::kExact), Lv(L::kPrefix, 7)}, garnier,
       Person("jeanne", "garnie"), 3},
  }));
  // clang-format on
  CAPTURE(c.name);
  CHECK(LevelOf(c) == c.level);
}

TEST_CASE("Comparator: name levels", "[match]") {
  const MatchKeys garnier = Person("jeanne", "garnier");
  // clang-format off
  const LevelCase c = GENERATE_COPY(values<LevelCase>({
      // "smith" SM0/XMT, "schmidt" XMT/SMT: agree on an alternate code.
      {"phonetic family, Double Metaphone", F::kFamilyName, {Lv(L::kExact), Lv(L::kPhonetic)},
       Person("jeanne", "smith"), Person("jeanne", "schmidt"), 2},
      // LFPF against LFFR, but the same Phonex code.
      {"phonetic family, Phonex", F::kFamilyName, {Lv(L::kExact), Lv(L::kPhonetic)},
       Person("jeanne", "lefebvre"), Person("jeanne", "lefevre"), 2},
      {"phonetic family fails", F::kFamilyName, {Lv(L::kExact), Lv(L::kPhonetic)}, garnier,
       Person("jeanne", "roux"), 3},
      {"phonetic given", F::kGivenName, {Lv(L::kExact), Lv(L::kPhonetic)}, Person("jeanne", "roux"),
       Person("jean", "roux"), 2},
      {"given names have no Phonex level", F::kGivenName, {Lv(L::kExact), Lv(L::kPhonetic)},
       Person("lefebvre", "roux"), Person("lefevre", "roux"), 3},
      {"nickname, French", F::kGivenName, {Lv(L::kExact), Lv(L::kNickname)},
       Person("sebastien", "roux"), Person("seb", "roux"), 2},
      {"nickname, US list", F::kGivenName, {Lv(L::kExact), Lv(L::kNickname)},
       Person("robert", "roux"), Person("bob", "roux"), 2},
      {"not nicknames", F::kGivenName, {Lv(L::kExact), Lv(L::kNickname)}, Person("robert", "roux"),
       Person("william", "roux"), 3},
      {"initials of a compound given name", F::kGivenName, {Lv(L::kExact), Lv(L::kInitials)},
       Person("j p", "roux"), Person("jean pierre", "roux"), 2},
      {"initial of another given name", F::kGivenName, {Lv(L::kExact), Lv(L::kInitials)},
       Person("p", "roux"), Person("jean", "roux"), 3},
      {"initial of a family name", F::kFamilyName, {Lv(L::kExact), Lv(L::kInitials)},
       Person("jeanne", "g"), garnier, 2},
      {"swapped", F::kFamilyName, {Lv(L::kExact), Lv(L::kSwapped)}, garnier,
       Person("garnier", "jeanne"), 2},
      {"not swapped", F::kFamilyName, {Lv(L::kExact), Lv(L::kSwapped)}, garnier,
       Person("claire", "roux"), 3},
      {"maiden name of the other", F::kFamilyName, {Lv(L::kExact), Lv(L::kMaiden)}, garnier,
       WithMaiden(Person("jeanne", "roux"), "garnier"), 2},
      {"same maiden name", F::kFamilyName, {Lv(L::kExact), Lv(L::kMaiden)},
       WithMaiden(Person("jeanne", "martin"), "garnier"),
       WithMaiden(Person("jeanne", "roux"), "garnier"), 2},
      {"no maiden name", F::kFamilyName, {Lv(L::kExact), Lv(L::kMaiden)}, garnier,
       Person("jeanne", "roux"), 3},
      // "Jeanne G." posting as @jeanne_garnier, or as @drjgarnier.
      {"handle spells the other's name", F::kFamilyName, {Lv(L::kExact), Lv(L::kHandleLike)},
       WithHandle(Person("jeanne", "g"), "jeanne_garnier"), garnier, 2},
      {"handle spells only the initial: not handle_like", F::kFamilyName,
       {Lv(L::kExact), Lv(L::kHandleLike)}, WithHandle(Person("jeanne", "g"), "drjgarnier"),
       garnier, 3},
      {"handle spells the initial and the family name", F::kFamilyName,
       {Lv(L::kExact), Lv(L::kHandleLike), Lv(L::kHandleInitial)},
       WithHandle(Person("jeanne", "g"), "drjgarnier"), garnier, 3},
      {"handle spells the full name: not handle_initial", F::kFamilyName,
       {Lv(L::kExact), Lv(L::kHandleInitial)},
       WithHandle(Person("jeanne", "g"), "jeanne_garnier"), garnier, 3},
      {"handle spells the initial of another name", F::kFamilyName,
       {Lv(L::kExact), Lv(L::kHandleInitial)}, WithHandle(Person("jeanne", "g"), "drjgarnier"),
       Person("claire", "roux"), 3},
      {"handle spells another name", F::kFamilyName, {Lv(L::kExact), Lv(L::kHandleLike)},
       WithHandle(Person("jeanne", "g"), "drjgarnier"), Person("claire", "roux"), 3},
      {"no handle", F::kFamilyName, {Lv(L::kExact), Lv(L::kHandleLike)}, Person("jeanne", "g"),
       garnier, 3},
  }));
  // clang-format on
  CAPTURE(c.name);
  CHECK(LevelOf(c) == c.level);
}

TEST_CASE("Comparator: single-letter given names skip the exact level", "[match]") {
  // clang-format off
  const LevelCase c = GENERATE_COPY(values<LevelCase>({
      {"initial against initial", F::kGivenName, {Lv(L::kExact), Lv(L::kInitials)},
       Person("j", "roux"), Person("j", "roux"), 2},
      {"initials against initials", F::kGivenName, {Lv(L::kExact), Lv(L::kInitials)},
       Person("j p", "roux"), Person("j p", "roux"), 2},
      {"no other level: else", F::kGivenName, {Lv(L::kExact)}, Person("j", "roux"),
       Person("j", "roux"), 2},
      {"a two-letter given name is a name", F::kGivenName, {Lv(L::kExact), Lv(L::kInitials)},
       Person("jo", "roux"), Person("jo", "roux"), 1},
      {"family names are not skipped", F::kFamilyName, {Lv(L::kExact), Lv(L::kInitials)},
       Person("jeanne", "g"), Person("jeanne", "g"), 1},
  }));
  // clang-format on
  CAPTURE(c.name);
  CHECK(LevelOf(c) == c.level);
}

TEST_CASE("Comparator: date, contact and affiliation levels", "[match]") {
  // clang-format off
  const LevelCase c = GENERATE_COPY(values<LevelCase>({
      {"same date", F::kBirthDate, {Lv(L::kExact), Lv(L::kDateTypo)}, Born("1970-02-14"),
       Born("1970-02-14"), 1},
      {"day and month swapped", F::kBirthDate, {Lv(L::kExact), Lv(L::kDateTypo)},
       Born("1970-03-04"), Born("1970-04-03"), 2},
      {"one digit wrong", F::kBirthDate, {Lv(L::kExact), Lv(L::kDateTypo)}, Born("1970-02-14"),
       Born("1970-02-15"), 2},
      {"no typo", F::kBirthDate, {Lv(L::kExact), Lv(L::kDateTypo)}, Born("1970-02-14"),
       Born("1981-07-30"), 3},
      {"within days", F::kBirthDate, {Lv(L::kExact), Lv(L::kWithinDays, 30)}, Born("1970-02-14"),
       Born("1970-03-01"), 2},
      {"within days across a year", F::kBirthDate, {Lv(L::kExact), Lv(L::kWithinDays, 30)},
       Born("1970-12-20"), Born("1971-01-05"), 2},
      {"too many days apart", F::kBirthDate, {Lv(L::kExact), Lv(L::kWithinDays, 30)},
       Born("1970-02-14"), Born("1970-06-01"), 3},
      {"within days needs full dates", F::kBirthDate, {Lv(L::kExact), Lv(L::kWithinDays, 30)},
       Born("1970-02"), Born("1970-02-14"), 3},
      {"same year, bare year", F::kBirthDate, {Lv(L::kExact), Lv(L::kSameYear)}, Born("1970"),
       Born("1970-02-14"), 2},
      {"another year", F::kBirthDate, {Lv(L::kExact), Lv(L::kSameYear)}, Born("1971"),
       Born("1970-02-14"), 3},
      {"not a date", F::kBirthDate, {Lv(L::kExact), Lv(L::kSameYear)}, Born("1970-13"),
       Born("1970-02-14"), 3},
      {"same e-mail", F::kEmail, {Lv(L::kExact), Lv(L::kLocalPart)},
       Emails({"jgarnier@example.org"}), Emails({"jgarnier@example.org"}), 1},
      {"same local part, tag dropped", F::kEmail, {Lv(L::kExact), Lv(L::kLocalPart)},
       Emails({"jgarnier@example.org"}), Emails({"jgarnier+cabinet@cabinet.example"}), 2},
      {"other local part", F::kEmail, {Lv(L::kExact), Lv(L::kLocalPart)},
       Emails({"jgarnier@example.org"}), Emails({"jeanne.garnier@example.org"}), 3},
      {"best of every e-mail pair", F::kEmail, {Lv(L::kExact), Lv(L::kLocalPart)},
       Emails({"cabinet@example.org", "jgarnier@example.org"}),
       Emails({"jgarnier@other.example", "jgarnier@example.org"}), 1},
      {"phone one transposition", F::kPhone, {Lv(L::kExact), Lv(L::kDamerau, 1)},
       Phone("+33199000001"), Phone("+33199000010"), 2},
      {"phone two digits wrong", F::kPhone, {Lv(L::kExact), Lv(L::kDamerau, 1)},
       Phone("+33199000001"), Phone("+33199000022"), 3},
      {"token set ignores word order", F::kAffiliation, {Lv(L::kExact), Lv(L::kTokenSet, 0.9)},
       Works("chu de lyon"), Works("lyon chu de"), 2},
      {"token set fails", F::kAffiliation, {Lv(L::kExact), Lv(L::kTokenSet, 0.9)},
       Works("chu de lyon"), Works("clinique pasteur"), 3},
  }));
  // clang-format on
  CAPTURE(c.name);
  CHECK(LevelOf(c) == c.level);
}

TEST_CASE("Comparator: address levels", "[match]") {
  const std::vector<LevelConfig> levels = {Lv(L::kSameStreet), Lv(L::kSamePostcode),
                                           Lv(L::kSameCity), Lv(L::kPrefix, 2)};
  const AddressKey haussmann = {"75009", "paris", "12 boulevard haussmann"};
  // clang-format off
  const LevelCase c = GENERATE_COPY(values<LevelCase>({
      {"same street and postcode", F::kAddress, levels, Places({haussmann}), Places({haussmann}),
       1},
      {"same street and city", F::kAddress, levels, Places({haussmann}),
       Places({{"75008", "paris", "12 boulevard haussmann"}}), 1},
      {"same street elsewhere", F::kAddress, levels, Places({haussmann}),
       Places({{"69003", "lyon", "12 boulevard haussmann"}}), 5},
      {"same postcode", F::kAddress, levels, Places({haussmann}),
       Places({{"75009", "paris", "3 rue de la paix"}}), 2},
      {"same city", F::kAddress, levels, Places({{"69003", "lyon", ""}}),
       Places({{"69007", "lyon", ""}}), 3},
      {"postcode prefix", F::kAddress, levels, Places({haussmann}),
       Places({{"75116", "neuilly", ""}}), 4},
      {"nothing in common", F::kAddress, levels, Places({haussmann}),
       Places({{"69003", "lyon", "5 rue garibaldi"}}), 5},
      {"best of every address pair", F::kAddress, levels,
       Places({{"69003", "lyon", "5 rue garibaldi"}, haussmann}),
       Places({{"13001", "marseille", ""}, haussmann}), 1},
      {"a street alone is not comparable", F::kAddress, levels,
       Places({{"", "", "12 boulevard haussmann"}}), Places({haussmann}), 0},
      {"no address", F::kAddress, levels, Places({haussmann}), Person("jeanne", "garnier"), 0},
      {"postcode against city only is not comparable", F::kAddress, levels,
       Places({{"75009", "", ""}}), Places({{"", "paris", ""}}), 0},
      {"postcode field, prefix", F::kPostcode, {Lv(L::kExact), Lv(L::kPrefix, 3)},
       Places({haussmann}), Places({{"75011", "paris", ""}}), 2},
      {"city field, exact", F::kCity, {Lv(L::kExact)}, Places({haussmann}),
       Places({{"75011", "paris", ""}}), 1},
      {"street field, jaro_winkler", F::kStreet, {Lv(L::kExact), Lv(L::kJaroWinkler, 0.9)},
       Places({haussmann}), Places({{"75011", "paris", "12 boulevard hausmann"}}), 2},
  }));
  // clang-format on
  CAPTURE(c.name);
  CHECK(LevelOf(c) == c.level);
}

TEST_CASE("Comparator: null when a side lacks the field", "[match]") {
  const MatchKeys full = [] {
    MatchKeys k = Person("jeanne", "garnier");
    k.birth_date = "1970-02-14";
    k.gender = "F";
    k.emails = {"jgarnier@example.org"};
    k.phones = {"+33199000001"};
    k.addresses = {{"75009", "paris", "12 boulevard haussmann"}};
    k.specialties = {"cardiology"};
    k.affiliations = {"chu de lyon"};
    k.handles = {"drjgarnier"};
    k.identifiers = {{"rpps", "10000000009", true}};
    return k;
  }();
  const MatchKeys bare = Person("", "");
  const MatchField field = GENERATE(
      F::kGivenName, F::kFamilyName, F::kBirthDate, F::kGender, F::kEmail, F::kPhone, F::kPostcode,
      F::kCity, F::kStreet, F::kSpecialty, F::kAffiliation, F::kSocialHandle, F::kIdentifier);
  CAPTURE(MatchFieldName(field));
  const LevelCase c{"", field, {Lv(L::kExact)}, full, bare, 0};
  CHECK(LevelOf(c) == kNullLevel);
  const LevelCase same{"", field, {Lv(L::kExact)}, full, full, 1};
  CHECK(LevelOf(same) == 1);
}

TEST_CASE("Comparator: the else level is the number of levels plus one", "[match]") {
  const size_t n = GENERATE(1, 3, 14);
  CAPTURE(n);
  std::vector<LevelConfig> levels(n, Lv(L::kExact));
  const FeatureTable t = Table({Person("jeanne", "garnier"), Person("claire", "roux")});
  const Comparator comparator({Cmp("family", F::kFamilyName, levels)}, t, DefaultNicknames());
  ComparisonVector v;
  comparator.Compare(0, 1, &v);
  CHECK(v.levels[0] == n + 1);
  CHECK(comparator.level_count(0) == static_cast<int>(n) + 2);
  CHECK(comparator.LevelLabel(0, static_cast<int>(n) + 1) == "else");
}

struct IdCase {
  std::string name;
  std::vector<std::string> schemes;
  std::vector<IdentifierKey> a, b;
  int level;
};

TEST_CASE("Comparator: identifiers compare within one allowed scheme", "[match]") {
  const IdentifierKey rpps_x{"rpps", "10000000009", true};
  const IdentifierKey rpps_y{"rpps", "10000000017", true};
  const IdentifierKey npi_x{"npi", "10000000009", true};
  const IdentifierKey npi_n{"npi", "1234567893", true};
  const IdentifierKey npi_m{"npi", "1234567801", true};
  // clang-format off
  const IdCase c = GENERATE_COPY(values<IdCase>({
      {"same scheme and value", {}, {rpps_x}, {rpps_x}, 1},
      {"same value, other scheme", {}, {rpps_x}, {npi_x}, 0},
      {"same scheme, other value", {}, {rpps_x}, {rpps_y}, 3},
      {"one invalid side", {}, {rpps_x}, {{"rpps", "10000000009", false}}, 2},
      {"a scheme not allowed", {"rpps"}, {npi_n}, {npi_n}, 0},
      {"an allowed scheme", {"rpps"}, {rpps_x}, {rpps_x}, 1},
      {"a scheme no row has", {"gmc"}, {rpps_x}, {rpps_x}, 0},
      {"an allowed scheme differs, another agrees", {"npi"}, {npi_n, rpps_x}, {npi_m, rpps_x}, 3},
      {"every scheme allowed: the agreeing one counts", {}, {npi_n, rpps_x}, {npi_m, rpps_x}, 1},
  }));
  // clang-format on
  CAPTURE(c.name);
  ComparisonConfig config = Cmp("identifier", F::kIdentifier, {Lv(L::kExactValid), Lv(L::kExact)});
  config.schemes = c.schemes;
  const FeatureTable t = Table({Ids(c.a), Ids(c.b)});
  const Comparator comparator({config}, t, DefaultNicknames());
  ComparisonVector v;
  comparator.Compare(0, 1, &v);
  CHECK(v.levels[0] == c.level);
}

TEST_CASE("Comparator: a swap counts on the family name only", "[match]") {
  // The given-name comparison comes first in the config: the family name is
  // still compared first.
  const std::vector<ComparisonConfig> configs = {
      Cmp("given", F::kGivenName, {Lv(L::kExact), Lv(L::kJaroWinkler, 0.8)}),
      Cmp("family", F::kFamilyName, {Lv(L::kExact), Lv(L::kSwapped)}),
  };
  const FeatureTable t = Table(
      {Person("jeanne", "garnier"), Person("garnier", "jeanne"), Person("jeanne", "garnier")});
  const Comparator comparator(configs, t, DefaultNicknames());
  ComparisonVector v;
  comparator.Compare(0, 1, &v);
  CHECK(v.levels[1] == 2);  // swapped
  CHECK(v.levels[0] == kNullLevel);
  comparator.Compare(0, 2, &v);
  CHECK(v.levels[1] == 1);
  CHECK(v.levels[0] == 1);
  // Without the family comparison the given names are compared (and differ).
  const Comparator given_only({configs[0]}, t, DefaultNicknames());
  given_only.Compare(0, 1, &v);
  CHECK(v.levels[0] == 3);
}

TEST_CASE("ComparisonVector: Pattern packs four bits per comparison", "[match]") {
  ComparisonVector v;
  CHECK(v.Pattern(config::kMaxComparisons) == 0);
  v.levels[0] = 1;
  v.levels[1] = 2;
  v.levels[2] = 15;
  v.levels[3] = 7;  // beyond the comparisons asked for
  CHECK(v.Pattern(3) == 0xF21);
  CHECK(v.Pattern(4) == 0x7F21);
  CHECK(v.Pattern(0) == 0);
  v.levels.fill(15);
  CHECK(v.Pattern(config::kMaxComparisons) == ~uint64_t{0});
  v.levels.fill(0);
  v.levels[15] = 9;
  CHECK(v.Pattern(16) == uint64_t{9} << 60);
}

TEST_CASE("Comparator: LevelLabel names null, each level and else", "[match]") {
  const FeatureTable t = Table({Person("jeanne", "garnier")});
  const Comparator comparator({Cmp("family", F::kFamilyName,
                                   {Lv(L::kExact), Lv(L::kJaroWinkler, 0.92), Lv(L::kDamerau, 1),
                                    Lv(L::kWithinDays, 365), Lv(L::kPrefix, 3), Lv(L::kSwapped)})},
                              t, DefaultNicknames());
  const std::vector<std::string> labels = {
      "null",    "exact", "jaro_winkler>=0.92", "damerau<=1", "within_days<=365", "prefix3",
      "swapped", "else"};
  REQUIRE(comparator.level_count(0) == static_cast<int>(labels.size()));
  for (int level = 0; level < comparator.level_count(0); ++level) {
    CAPTURE(level);
    CHECK(comparator.LevelLabel(0, level) == labels[level]);
  }
  CHECK(comparator.size() == 1);
  CHECK(comparator.config(0).name == "family");
}

TEST_CASE("TermFrequencySlot: exact levels read the field, address levels a part", "[match]") {
  struct Case {
    MatchField field;
    LevelKind kind;
    std::optional<Slot> slot;
  };
  // clang-format off
  const Case c = GENERATE(values<Case>({
      {F::kFamilyName, L::kExact, Slot::kFamily},
      {F::kIdentifier, L::kExactValid, Slot::kIdentifier},
      {F::kEmail, L::kExact, Slot::kEmail},
      {F::kAddress, L::kSameCity, Slot::kCity},
      {F::kAddress, L::kSamePostcode, Slot::kPostcode},
      {F::kFamilyName, L::kHandleLike, Slot::kContactSpellings},
      {F::kFamilyName, L::kHandleInitial, Slot::kContactSpellings},
      {F::kFamilyName, L::kJaroWinkler, std::nullopt},
      {F::kAddress, L::kSameStreet, std::nullopt},
      {F::kGivenName, L::kNickname, std::nullopt},
  }));
  // clang-format on
  CAPTURE(MatchFieldName(c.field), LevelKindName(c.kind));
  CHECK(TermFrequencySlot(c.field, c.kind) == c.slot);
}

TEST_CASE("Comparator: an exact level reports the term frequency of its value", "[match]") {
  FeatureTable t =
      Table({Person("claire", "martin"), Person("marc", "martin"), Person("julie", "martin"),
             Person("claire", "garnier"), Person("marc", "garnier"), Person("julie", "marten")});
  ApplyTermFrequencies(CountTermFrequencies(t, {Slot::kFamily}), t);
  const std::vector<LevelConfig> levels = {Lv(L::kExact), Lv(L::kJaroWinkler, 0.8)};
  const Comparator with_tf({Cmp("family", F::kFamilyName, levels, true)}, t, DefaultNicknames());
  const Comparator without_tf({Cmp("family", F::kFamilyName, levels, false)}, t,
                              DefaultNicknames());
  struct Case {
    uint32_t a, b;
    int level;
    double tf;
  };
  // clang-format off
  const Case c = GENERATE(values<Case>({
      {0, 1, 1, 3.0 / 6},  // martin: 3 of 6 values
      {3, 4, 1, 2.0 / 6},  // garnier: 2 of 6
      {0, 5, 2, 0.0},      // martin ~ marten: not an exact level
      {0, 3, 3, 0.0},      // else
  }));
  // clang-format on
  CAPTURE(c.a, c.b);
  ComparisonVector v;
  with_tf.Compare(c.a, c.b, &v);
  CHECK(v.levels[0] == c.level);
  CHECK_THAT(v.tf[0], WithinAbs(c.tf, 1e-6));
  without_tf.Compare(c.a, c.b, &v);
  CHECK(v.levels[0] == c.level);
  CHECK(v.tf[0] == 0);
}

TEST_CASE("Comparator: address levels report the share of the agreeing part", "[match]") {
  FeatureTable t =
      Table({Places({{"75009", "paris", "12 boulevard haussmann"}}),
             Places({{"75008", "paris", "3 rue de la paix"}}),
             Places({{"75009", "paris", "1 rue lafayette"}}), Places({{"69003", "lyon", ""}})});
  ApplyTermFrequencies(CountTermFrequencies(t, {Slot::kCity}), t);
  ApplyTermFrequencies(CountTermFrequencies(t, {Slot::kPostcode}), t);
  const Comparator comparator(
      {Cmp("address", F::kAddress, {Lv(L::kSameStreet), Lv(L::kSamePostcode), Lv(L::kSameCity)},
           true)},
      t, DefaultNicknames());
  ComparisonVector v;
  comparator.Compare(0, 2, &v);
  CHECK(v.levels[0] == 2);
  CHECK_THAT(v.tf[0], WithinAbs(2.0 / 4, 1e-6));  // 75009: 2 of 4 postcodes
  comparator.Compare(0, 1, &v);
  CHECK(v.levels[0] == 3);
  CHECK_THAT(v.tf[0], WithinAbs(3.0 / 4, 1e-6));  // paris: 3 of 4 cities
  comparator.Compare(0, 3, &v);
  CHECK(v.levels[0] == 4);
  CHECK(v.tf[0] == 0);
}

TEST_CASE("Comparator: handle_initial reports the share of the spelling", "[match]") {
  FeatureTable t = Table({WithHandle(Person("jeanne", "g"), "drjgarnier"),
                          Person("jeanne", "garnier"), Person("julie", "garnier")});
  ApplyTermFrequencies(CountTermFrequencies(t, {Slot::kContactSpellings}), t);
  const size_t total = t.term_frequency_total(Slot::kContactSpellings);
  REQUIRE(total > 0);
  const Comparator comparator(
      {Cmp("family", F::kFamilyName, {Lv(L::kExact), Lv(L::kHandleInitial)}, true)}, t,
      DefaultNicknames());
  ComparisonVector v;
  comparator.Compare(1, 0, &v);
  CHECK(v.levels[0] == 2);
  // "jgarnier" is spelled by rows 1 and 2 (row 0, "jeanne g", spells "jeanneg" ...).
  CHECK_THAT(v.tf[0], WithinAbs(2.0 / static_cast<double>(total), 1e-6));
}

TEST_CASE("Comparator: a handle spelling the name counts on the family name only",
          "[match]") {
  // "@jeanne_garnier" posting as "Jeanne G.": the handle already agreed on
  // the given name, so the given-name comparison is null.
  const std::vector<ComparisonConfig> configs = {
      Cmp("given", F::kGivenName, {Lv(L::kExact)}),
      Cmp("family", F::kFamilyName, {Lv(L::kExact), Lv(L::kHandleLike)}),
  };
  const FeatureTable t = Table({WithHandle(Person("jeanne", "g"), "jeanne_garnier"),
                                Person("jeanne", "garnier"), Person("jeanne", "g")});
  const Comparator comparator(configs, t, DefaultNicknames());
  ComparisonVector v;
  comparator.Compare(0, 1, &v);
  CHECK(v.levels[1] == 2);  // handle_like
  CHECK(v.levels[0] == kNullLevel);
  comparator.Compare(0, 2, &v);
  CHECK(v.levels[1] == 1);
  CHECK(v.levels[0] == 1);
}

TEST_CASE("Comparator: a handle spelling only the initial leaves the given names to count",
          "[match]") {
  // "@jgarnier" posting as "Jeanne G.": the handle holds the initial J, not
  // Jeanne, so the given names agreeing is more evidence.
  const std::vector<ComparisonConfig> configs = {
      Cmp("given", F::kGivenName, {Lv(L::kExact)}),
      Cmp("family", F::kFamilyName,
          {Lv(L::kExact), Lv(L::kHandleLike), Lv(L::kHandleInitial)}),
  };
  const FeatureTable t = Table({WithHandle(Person("jeanne", "g"), "jgarnier"),
                                Person("jeanne", "garnier"), Person("julie", "garnier")});
  const Comparator comparator(configs, t, DefaultNicknames());
  ComparisonVector v;
  comparator.Compare(0, 1, &v);
  CHECK(v.levels[1] == 3);  // handle_initial
  CHECK(v.levels[0] == 1);
  comparator.Compare(0, 2, &v);
  CHECK(v.levels[1] == 3);
  CHECK(v.levels[0] == 2);  // else: Jeanne is not Julie
}

// Every field and level of the default setting, and a swapped pair.
FeatureTable DefaultTable() {
  std::vector<MatchKeys> rows;
  MatchKeys a = Person("jeanne", "garnier");
  a.birth_date = "1970-02-14";
  a.gender = "F";
  a.emails = {"jgarnier@example.org"};
  a.phones = {"+33199000001"};
  a.addresses = {{"75009", "paris", "12 boulevard haussmann"}};
  a.specialties = {"cardiology"};
  a.affiliations = {"chu de lyon"};
  a.identifiers = {{"rpps", "10000000009", true}};
  rows.push_back(a);
  MatchKeys b = Person("garnier", "jeanne");
  b.birth_date = "1970-02-15";
  b.phones = {"+33199000010"};
  b.addresses = {{"75009", "paris", ""}};
  rows.push_back(b);
  MatchKeys c = WithHandle(Person("jeanne", "g"), "drjgarnier");
  c.emails = {"jgarnier+x@cabinet.example"};
  rows.push_back(c);
  MatchKeys d = Person("j", "garnie");
  d.birth_date = "1970";
  d.identifiers = {{"rpps", "10000000017", true}};
  d.affiliations = {"lyon chu de"};
  rows.push_back(d);
  rows.push_back(Person("claire", "roux"));
  return Table(rows);
}

std::vector<ComparisonVector> AllPairs(const Comparator& comparator, uint32_t rows) {
  std::vector<ComparisonVector> out;
  for (uint32_t a = 0; a < rows; ++a) {
    for (uint32_t b = a + 1; b < rows; ++b) {
      ComparisonVector v;
      comparator.Compare(a, b, &v);
      out.push_back(v);
    }
  }
  return out;
}

TEST_CASE("Comparator: Compare equals CompareUntil that never stops", "[match]") {
  const FeatureTable t = DefaultTable();
  const MatchingConfig m = DefaultMatchingConfig();
  const Comparator comparator(m.comparisons, t, DefaultNicknames());
  for (uint32_t a = 0; a < t.size(); ++a) {
    for (uint32_t b = 0; b < t.size(); ++b) {
      CAPTURE(a, b);
      ComparisonVector full, until;
      comparator.Compare(a, b, &full);
      size_t calls = 0;
      CHECK(comparator.CompareUntil(a, b, &until, [&](size_t, uint8_t, float) {
        ++calls;
        return false;
      }));
      CHECK(calls == m.comparisons.size());
      CHECK(until.levels == full.levels);
      CHECK(until.tf == full.tf);
    }
  }
}

TEST_CASE("Comparator: CompareUntil stops as soon as asked", "[match]") {
  const FeatureTable t = DefaultTable();
  const MatchingConfig m = DefaultMatchingConfig();
  const Comparator comparator(m.comparisons, t, DefaultNicknames());
  const size_t stop_after = GENERATE(1, 2, 5);
  CAPTURE(stop_after);
  ComparisonVector v;
  std::vector<size_t> seen;
  const bool done = comparator.CompareUntil(0, 1, &v, [&](size_t c, uint8_t level, float) {
    CHECK(level == v.levels[c]);  // reported as written
    seen.push_back(c);
    return seen.size() == stop_after;
  });
  CHECK_FALSE(done);
  CHECK(seen.size() == stop_after);
  // The family name is always compared first.
  CHECK(m.comparisons[seen[0]].field == F::kFamilyName);
}

TEST_CASE("Comparator: CompareUntil order is family, cheap fields, given, the rest", "[match]") {
  const std::vector<ComparisonConfig> configs = {
      Cmp("given", F::kGivenName, {Lv(L::kExact)}), Cmp("address", F::kAddress, {Lv(L::kSameCity)}),
      Cmp("email", F::kEmail, {Lv(L::kExact)}),     Cmp("family", F::kFamilyName, {Lv(L::kExact)}),
      Cmp("birth", F::kBirthDate, {Lv(L::kExact)}),
  };
  const FeatureTable t = DefaultTable();
  Comparator comparator(configs, t, DefaultNicknames());
  auto order = [&] {
    std::vector<size_t> seen;
    ComparisonVector v;
    comparator.CompareUntil(0, 3, &v, [&](size_t c, uint8_t, float) {
      seen.push_back(c);
      return false;
    });
    return seen;
  };
  CHECK(order() == std::vector<size_t>{3, 2, 4, 0, 1});
  const std::vector<ComparisonVector> before = AllPairs(comparator, t.size());
  comparator.PrioritizeBy({5, 9, 1, 0, 7});
  CHECK(order() == std::vector<size_t>{3, 1, 4, 0, 2});
  const std::vector<ComparisonVector> after = AllPairs(comparator, t.size());
  REQUIRE(before.size() == after.size());
  for (size_t i = 0; i < before.size(); ++i) {
    CAPTURE(i);
    CHECK(before[i].levels == after[i].levels);
    CHECK(before[i].tf == after[i].tf);
  }
}

TEST_CASE("Comparator: PrioritizeBy keeps family names, then hard comparisons, first and results unchanged", "[match]") {
  FeatureTable t = DefaultTable();
  ApplyTermFrequencies(
      CountTermFrequencies(t, {Slot::kFamily, Slot::kGiven, Slot::kEmail, Slot::kPhone,
                               Slot::kCity, Slot::kPostcode, Slot::kAffiliation,
                               Slot::kContactSpellings}),
      t);
  const MatchingConfig m = DefaultMatchingConfig();
  Comparator comparator(m.comparisons, t, DefaultNicknames());
  const std::vector<ComparisonVector> before = AllPairs(comparator, t.size());
  // Highest priority on the given name and lowest on the family name.
  std::vector<double> priority(m.comparisons.size());
  for (size_t c = 0; c < m.comparisons.size(); ++c) {
    priority[c] = m.comparisons[c].field == F::kGivenName    ? 100
                  : m.comparisons[c].field == F::kFamilyName ? -100
                                                             : static_cast<double>(c);
  }
  comparator.PrioritizeBy(priority);
  std::vector<size_t> seen;
  ComparisonVector v;
  comparator.CompareUntil(0, 1, &v, [&](size_t c, uint8_t, float) {
    seen.push_back(c);
    return false;
  });
  REQUIRE(seen.size() == m.comparisons.size());
  // Family names first, then the hard comparisons, then by priority.
  CHECK(m.comparisons[seen[0]].field == F::kFamilyName);
  size_t next = 1;
  while (next < seen.size() && m.comparisons[seen[next]].hard) ++next;
  CHECK(next == 3);  // identifier and social_handle are hard by default
  REQUIRE(next < seen.size());
  CHECK(m.comparisons[seen[next]].field == F::kGivenName);
  for (size_t i = next; i < seen.size(); ++i) CHECK_FALSE(m.comparisons[seen[i]].hard);
  const std::vector<ComparisonVector> after = AllPairs(comparator, t.size());
  REQUIRE(before.size() == after.size());
  for (size_t i = 0; i < before.size(); ++i) {
    CAPTURE(i);
    CHECK(before[i].levels == after[i].levels);
    CHECK(before[i].tf == after[i].tf);
  }
  // The swapped pair still leaves its given name null.
  comparator.Compare(0, 1, &v);
  for (size_t c = 0; c < m.comparisons.size(); ++c) {
    if (m.comparisons[c].field == F::kGivenName) CHECK(v.levels[c] == kNullLevel);
  }
}

TEST_CASE("DefaultNicknames: French built-ins and the US list", "[match]") {
  const matchers::NicknameIndex& index = DefaultNicknames();
  CHECK(&index == &DefaultNicknames());
  CHECK(index.AreNicknames("jean pierre", "jp"));
  CHECK(index.AreNicknames("william", "bill"));
  CHECK_FALSE(index.AreNicknames("jeanne", "claire"));
}

}  // namespace
}  // namespace mdm::match
