// SPDX-License-Identifier: Apache-2.0
// BuildGolden: one golden record from the member records of a cluster, by
// the survivorship policies of mdm/survivorship_config.h. Every fixture is
// synthetic (made-up names, numbers and identifiers).
#include "mdm/survive/golden_builder.h"

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "mdm/model/golden_json.h"

namespace mdm::survive {
namespace {

using P = SurvivorshipPolicy;

SourceRecord Rec(const std::string& source, SourceType type, const std::string& key,
                 const std::string& observed_at) {
  SourceRecord r;
  r.source = source;
  r.source_type = type;
  r.source_key = key;
  r.observed_at = observed_at;
  return r;
}

PersonName Name(const std::string& given, const std::string& family) {
  PersonName n;
  n.display = absl::StrCat(given, " ", family);
  n.given_names = given;
  n.family_name = family;
  n.given_key = absl::AsciiStrToLower(given);
  n.family_key = absl::AsciiStrToLower(family);
  return n;
}

Phone PhoneOf(const std::string& raw, const std::string& e164,
              Validity validity = Validity::kUnchecked) {
  return Phone{raw, e164, validity};
}

Email EmailOf(const std::string& normalized, Validity validity = Validity::kUnchecked) {
  return Email{normalized, normalized, validity};
}

Identifier Rpps(const std::string& value, Validity validity) {
  return Identifier{"rpps", value, validity};
}

// A config whose attribute `attribute` uses exactly `policies`.
SurvivorshipConfig Only(const std::string& attribute, std::vector<P> policies) {
  SurvivorshipConfig config;
  config.attributes[attribute] = std::move(policies);
  return config;
}

template <typename T>
std::vector<std::string> Rules(const std::vector<Survived<T>>& items) {
  std::vector<std::string> out;
  for (const Survived<T>& s : items) out.push_back(s.lineage.rule);
  return out;
}

template <typename T>
std::vector<bool> Primaries(const std::vector<Survived<T>>& items) {
  std::vector<bool> out;
  for (const Survived<T>& s : items) out.push_back(s.primary);
  return out;
}

std::vector<std::string> E164s(const std::vector<Survived<Phone>>& phones) {
  std::vector<std::string> out;
  for (const Survived<Phone>& p : phones) out.push_back(p.value.e164);
  return out;
}

using Records = std::vector<std::string>;

// --- source_priority ------------------------------------------------------

TEST_CASE("BuildGolden: source_priority ranks a value by its source's name", "[survive]") {
  SourceRecord crm = Rec("crm_fr", SourceType::kRep, "C1", "2024-01-01");
  crm.gender = "F";
  SourceRecord kol = Rec("kol_fr", SourceType::kMsl, "K1", "2024-01-01");
  kol.gender = "M";
  const std::vector<Member> members = {{crm, 0.5}, {kol, 0.5}};
  SurvivorshipConfig config = Only("gender", {P::kSourcePriority});

  SECTION("the named source listed first wins") {
    config.source_priority = {"kol_fr", "rep"};
    const GoldenRecord g = BuildGolden(members, config);
    CHECK(g.gender.value == "M");
    CHECK(g.gender.lineage.rule == "source_priority");
    CHECK(g.gender.lineage.records == Records{"kol_fr:K1"});
  }
  SECTION("listed the other way round, the other source wins") {
    config.source_priority = {"crm_fr", "kol_fr"};
    const GoldenRecord g = BuildGolden(members, config);
    CHECK(g.gender.value == "F");
    CHECK(g.gender.lineage.rule == "source_priority");
    CHECK(g.gender.lineage.records == Records{"crm_fr:C1"});
  }
  SECTION("a source listed by name ahead of the other's type wins") {
    // crm_fr is a rep source: listing it by name first puts it ahead of msl.
    config.source_priority = {"crm_fr", "msl", "rep"};
    const GoldenRecord g = BuildGolden(members, config);
    CHECK(g.gender.value == "F");
    CHECK(g.gender.lineage.rule == "source_priority");
  }
}

TEST_CASE("BuildGolden: source_priority ranks a value by its source's type", "[survive]") {
  SourceRecord crm = Rec("crm_fr", SourceType::kRep, "C1", "2024-01-01");
  crm.language = "en";
  SourceRecord inquiry = Rec("medinfo_fr", SourceType::kMedinfo, "I1", "2024-01-01");
  inquiry.language = "fr";
  const std::vector<Member> members = {{crm, 0.9}, {inquiry, 0.1}};
  SurvivorshipConfig config = Only("language", {P::kSourcePriority});

  SECTION("the type listed first wins") {
    config.source_priority = {"medinfo", "rep"};
    const GoldenRecord g = BuildGolden(members, config);
    CHECK(g.language.value == "fr");
    CHECK(g.language.lineage.rule == "source_priority");
    CHECK(g.language.lineage.records == Records{"medinfo_fr:I1"});
  }
  SECTION("the default order puts rep before medinfo") {
    const GoldenRecord g = BuildGolden(members, config);
    CHECK(g.language.value == "en");
    CHECK(g.language.lineage.rule == "source_priority");
  }
  SECTION("a source matching no entry ranks after every listed one") {
    config.source_priority = {"medinfo"};
    const GoldenRecord g = BuildGolden(members, config);
    CHECK(g.language.value == "fr");
    CHECK(g.language.lineage.rule == "source_priority");
  }
  SECTION("two unlisted sources tie, and the smaller key wins") {
    config.source_priority = {"social"};
    const GoldenRecord g = BuildGolden(members, config);
    CHECK(g.language.value == "en");
    CHECK(g.language.lineage.rule == "tie");
  }
}

// --- most_recent, most_frequent, most_complete ------------------------------

TEST_CASE("BuildGolden: most_recent prefers the latest observation", "[survive]") {
  SourceRecord old_record = Rec("a", SourceType::kRep, "1", "2022-03-01");
  old_record.gender = "F";
  SourceRecord new_record = Rec("b", SourceType::kRep, "2", "2024-07-15T08:00:00Z");
  new_record.gender = "M";
  const SurvivorshipConfig config = Only("gender", {P::kMostRecent});

  SECTION("dated values") {
    const GoldenRecord g = BuildGolden({{old_record, 0.9}, {new_record, 0.1}}, config);
    CHECK(g.gender.value == "M");
    CHECK(g.gender.lineage.rule == "most_recent");
    CHECK(g.gender.lineage.records == Records{"b:2"});
  }
  SECTION("an undated record is older than any dated one") {
    new_record.observed_at = "";
    const GoldenRecord g = BuildGolden({{old_record, 0.1}, {new_record, 0.9}}, config);
    CHECK(g.gender.value == "F");
    CHECK(g.gender.lineage.rule == "most_recent");
  }
  SECTION("a value counts its latest carrier") {
    SourceRecord newest = Rec("c", SourceType::kRep, "3", "2025-01-01");
    newest.gender = "F";
    const GoldenRecord g =
        BuildGolden({{old_record, 0.5}, {new_record, 0.5}, {newest, 0.5}}, config);
    CHECK(g.gender.value == "F");
    CHECK(g.gender.lineage.rule == "most_recent");
    CHECK(g.gender.lineage.records == Records{"a:1", "c:3"});
  }
}

TEST_CASE("BuildGolden: most_recent orders a list newest first", "[survive]") {
  SourceRecord a = Rec("a", SourceType::kRep, "1", "2021-01-01");
  a.phones = {PhoneOf("01", "+33100000001")};
  SourceRecord b = Rec("b", SourceType::kRep, "2", "2023-01-01");
  b.phones = {PhoneOf("03", "+33100000003")};
  SourceRecord c = Rec("c", SourceType::kRep, "3", "2022-01-01");
  c.phones = {PhoneOf("02", "+33100000002")};
  const GoldenRecord g =
      BuildGolden({{a, 0.5}, {b, 0.5}, {c, 0.5}}, Only("phones", {P::kMostRecent}));
  CHECK(E164s(g.phones) == Records{"+33100000003", "+33100000002", "+33100000001"});
  CHECK(Rules(g.phones) == Records{"most_recent", "aggregate", "aggregate"});
  CHECK(Primaries(g.phones) == std::vector<bool>{true, false, false});
  CHECK(g.phones[0].lineage.records == Records{"b:2"});
  CHECK(g.phones[2].lineage.records == Records{"a:1"});
}

TEST_CASE("BuildGolden: most_frequent prefers the value most records carry", "[survive]") {
  // "en" sorts first, so only the count can put "fr" ahead.
  SourceRecord a = Rec("a", SourceType::kSocial, "1", "2020-01-01");
  a.language = "fr";
  SourceRecord b = Rec("b", SourceType::kSocial, "2", "2020-01-01");
  b.language = "fr";
  SourceRecord c = Rec("c", SourceType::kRep, "3", "2024-01-01");
  c.language = "en";
  const GoldenRecord g =
      BuildGolden({{a, 0.1}, {b, 0.1}, {c, 1.0}}, Only("language", {P::kMostFrequent}));
  CHECK(g.language.value == "fr");
  CHECK(g.language.lineage.rule == "most_frequent");
  CHECK(g.language.lineage.records == Records{"a:1", "b:2"});
}

TEST_CASE("BuildGolden: most_complete prefers the value with the most parts", "[survive]") {
  SECTION("a full birth date beats a year, by default, however many carry the year") {
    SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
    a.birth_date = "1970";
    SourceRecord b = Rec("b", SourceType::kRep, "2", "2024-01-01");
    b.birth_date = "1970";
    SourceRecord c = Rec("c", SourceType::kSocial, "3", "2019-01-01");
    c.birth_date = "1970-05-12";
    const GoldenRecord g = BuildGolden({{a, 0.9}, {b, 0.9}, {c, 0.1}}, SurvivorshipConfig());
    CHECK(g.birth_date.value == "1970-05-12");
    CHECK(g.birth_date.lineage.rule == "most_complete");
    CHECK(g.birth_date.lineage.records == Records{"c:3"});
  }
  SECTION("an address with a street beats one without") {
    SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
    a.addresses = {Address{"", "", "69003", "Lyon", "FR", "", "lyon", Validity::kValid}};
    SourceRecord b = Rec("b", SourceType::kRep, "2", "2024-01-01");
    b.addresses = {Address{"12 rue Exemple", "", "75009", "Paris", "FR", "12 rue exemple",
                           "paris", Validity::kValid}};
    const GoldenRecord g =
        BuildGolden({{a, 0.9}, {b, 0.1}}, Only("addresses", {P::kMostComplete}));
    REQUIRE(g.addresses.size() == 2);
    CHECK(g.addresses[0].value.street == "12 rue Exemple");
    CHECK(g.addresses[0].lineage.rule == "most_complete");
    CHECK(g.addresses[0].primary);
    CHECK(g.addresses[1].value.city == "Lyon");
    CHECK(g.addresses[1].lineage.rule == "aggregate");
    CHECK_FALSE(g.addresses[1].primary);
  }
  SECTION("a name with a middle name beats one without") {
    SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
    a.name = Name("Jean", "Exemple");
    SourceRecord b = Rec("b", SourceType::kRep, "2", "2024-01-01");
    b.name = Name("Jean Paul", "Exemple");
    const GoldenRecord g = BuildGolden({{a, 0.9}, {b, 0.1}}, Only("name", {P::kMostComplete}));
    CHECK(g.name.value.given_names == "Jean Paul");
    CHECK(g.name.lineage.rule == "most_complete");
  }
}

// --- trust_decay ------------------------------------------------------------

TEST_CASE("BuildGolden: trust_decay halves trust every half-life of age", "[survive]") {
  // 2021-03-01 to 2024-03-01 is 1096 days: three half-lives of 365 days.
  SourceRecord trusted_old = Rec("crm", SourceType::kRep, "1", "2021-03-01");
  trusted_old.name = Name("Jean", "Exemple");
  SourceRecord fresh = Rec("social", SourceType::kSocial, "2", "2024-03-01");
  fresh.name = Name("Jeanne", "Exemple");
  const std::vector<Member> members = {{trusted_old, 0.9}, {fresh, 0.5}};

  SECTION("a trusted but 3-year-old value loses to a fresher lower-trust one (defaults)") {
    // Default name policies: most_frequent ties (one record each), trust decides:
    // 0.9 / 2^3 = 0.11 < 0.5.
    const GoldenRecord g = BuildGolden(members, SurvivorshipConfig());
    CHECK(g.name.value.given_names == "Jeanne");
    CHECK(g.name.lineage.rule == "trust_decay");
    CHECK(g.name.lineage.records == Records{"social:2"});
  }
  SECTION("with a 100-year half-life the trusted value keeps its lead") {
    SurvivorshipConfig config;
    config.trust_half_life_days = 36500;  // 0.9 * 2^(-0.03) = 0.88 > 0.5
    const GoldenRecord g = BuildGolden(members, config);
    CHECK(g.name.value.given_names == "Jean");
    CHECK(g.name.lineage.rule == "trust_decay");
    CHECK(g.name.lineage.records == Records{"crm:1"});
  }
  SECTION("just over one half-life: 0.9 / 2 = 0.45 < 0.5") {
    trusted_old.observed_at = "2023-02-28";  // 367 days before 2024-03-01
    const GoldenRecord g =
        BuildGolden({{trusted_old, 0.9}, {fresh, 0.5}}, Only("name", {P::kTrustDecay}));
    CHECK(g.name.value.given_names == "Jeanne");
  }
  SECTION("just under one half-life: 0.9 / 2^(363/365) is still above 0.45") {
    trusted_old.observed_at = "2023-03-04";  // 363 days before 2024-03-01
    const GoldenRecord g =
        BuildGolden({{trusted_old, 0.9}, {fresh, 0.45}}, Only("name", {P::kTrustDecay}));
    CHECK(g.name.value.given_names == "Jean");
  }
  SECTION("observed the same day, the higher trust wins") {
    trusted_old.observed_at = fresh.observed_at;
    const GoldenRecord g =
        BuildGolden({{trusted_old, 0.9}, {fresh, 0.5}}, Only("name", {P::kTrustDecay}));
    CHECK(g.name.value.given_names == "Jean");
    CHECK(g.name.lineage.rule == "trust_decay");
  }
  SECTION("an undated record counts as ten half-lives old") {
    trusted_old.observed_at = "";  // 0.9 / 1024 < 0.001
    const GoldenRecord g =
        BuildGolden({{trusted_old, 0.9}, {fresh, 0.001}}, Only("name", {P::kTrustDecay}));
    CHECK(g.name.value.given_names == "Jeanne");
    CHECK(g.name.lineage.rule == "trust_decay");
  }
}

// --- validated --------------------------------------------------------------

TEST_CASE("BuildGolden: validated puts a valid identifier first whatever the source",
          "[survive]") {
  // Verifies the header's promise: a valid RPPS beats an invalid one.
  SourceRecord crm = Rec("crm_fr", SourceType::kRep, "C1", "2024-06-01");
  crm.identifiers = {Rpps("10000000019", Validity::kInvalid)};
  SourceRecord social = Rec("listening", SourceType::kSocial, "S1", "2019-06-01");
  social.identifiers = {Rpps("10000000028", Validity::kValid)};
  SurvivorshipConfig config;
  config.source_priority = {"rep", "social"};

  SECTION("by default") {
    const GoldenRecord g = BuildGolden({{crm, 1.0}, {social, 0.05}}, config);
    REQUIRE(g.identifiers.size() == 2);
    CHECK(g.identifiers[0].value.value == "10000000028");
    CHECK(g.identifiers[0].value.validity == Validity::kValid);
    CHECK(g.identifiers[0].lineage.rule == "validated");
    CHECK(g.identifiers[0].lineage.records == Records{"listening:S1"});
    CHECK(g.identifiers[1].value.value == "10000000019");
    CHECK(g.identifiers[1].lineage.rule == "aggregate");
    CHECK(Primaries(g.identifiers) == std::vector<bool>{true, false});
  }
  SECTION("before source_priority when configured first") {
    config.attributes["identifiers"] = {P::kValidated, P::kSourcePriority};
    const GoldenRecord g = BuildGolden({{crm, 1.0}, {social, 0.05}}, config);
    REQUIRE(g.identifiers.size() == 2);
    CHECK(g.identifiers[0].value.value == "10000000028");
    CHECK(g.identifiers[0].lineage.rule == "validated");
  }
  SECTION("source_priority first lets the invalid one win: the order is the config's") {
    config.attributes["identifiers"] = {P::kSourcePriority, P::kValidated};
    const GoldenRecord g = BuildGolden({{crm, 1.0}, {social, 0.05}}, config);
    REQUIRE(g.identifiers.size() == 2);
    CHECK(g.identifiers[0].value.value == "10000000019");
    CHECK(g.identifiers[0].lineage.rule == "source_priority");
  }
}

TEST_CASE("BuildGolden: validated ranks valid, then unchecked, then invalid", "[survive]") {
  SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
  a.phones = {PhoneOf("1", "+33100000001", Validity::kInvalid)};
  SourceRecord b = Rec("b", SourceType::kRep, "2", "2024-01-01");
  b.phones = {PhoneOf("3", "+33100000003", Validity::kUnchecked)};
  SourceRecord c = Rec("c", SourceType::kRep, "3", "2024-01-01");
  c.phones = {PhoneOf("2", "+33100000002", Validity::kValid)};
  const GoldenRecord g =
      BuildGolden({{a, 0.9}, {b, 0.5}, {c, 0.1}}, Only("phones", {P::kValidated}));
  CHECK(E164s(g.phones) == Records{"+33100000002", "+33100000003", "+33100000001"});
  CHECK(Rules(g.phones) == Records{"validated", "aggregate", "aggregate"});
}

TEST_CASE("BuildGolden: a value is as valid as its best carrier", "[survive]") {
  // One source validated the e-mail, another did not check it: it is valid.
  SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
  a.emails = {EmailOf("zz@example.org", Validity::kUnchecked)};
  SourceRecord b = Rec("b", SourceType::kRep, "2", "2024-01-01");
  b.emails = {EmailOf("zz@example.org", Validity::kValid)};
  SourceRecord c = Rec("c", SourceType::kRep, "3", "2024-01-01");
  c.emails = {EmailOf("aa@example.org", Validity::kUnchecked)};
  const GoldenRecord g = BuildGolden({{a, 0.5}, {b, 0.5}, {c, 0.5}},
                                     Only("emails", {P::kValidated}));
  REQUIRE(g.emails.size() == 2);
  CHECK(g.emails[0].value.normalized == "zz@example.org");
  CHECK(g.emails[0].lineage.rule == "validated");
  CHECK(g.emails[0].lineage.records == Records{"a:1", "b:2"});
}

// --- lineage, ties, lists ---------------------------------------------------

TEST_CASE("BuildGolden: lineage lists the carrying records sorted", "[survive]") {
  SourceRecord z = Rec("z_src", SourceType::kRep, "9", "2024-01-01");
  z.emails = {EmailOf("same@example.org")};
  SourceRecord a = Rec("a_src", SourceType::kRep, "1", "2023-01-01");
  a.emails = {EmailOf("same@example.org")};
  SourceRecord m = Rec("m_src", SourceType::kMsl, "5", "2022-01-01");
  m.emails = {EmailOf("same@example.org")};
  const GoldenRecord g = BuildGolden({{z, 0.9}, {a, 0.1}, {m, 0.5}}, SurvivorshipConfig());
  REQUIRE(g.emails.size() == 1);
  CHECK(g.emails[0].lineage.records == Records{"a_src:1", "m_src:5", "z_src:9"});
  CHECK(g.emails[0].lineage.rule == "only_value");
  CHECK(g.emails[0].primary);
}

TEST_CASE("BuildGolden: rule names say what decided", "[survive]") {
  SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
  SourceRecord b = Rec("b", SourceType::kRep, "2", "2024-01-01");

  SECTION("one distinct value: only_value, even when several records carry it") {
    a.gender = "F";
    b.gender = "F";
    const GoldenRecord g = BuildGolden({{a, 0.9}, {b, 0.1}}, SurvivorshipConfig());
    CHECK(g.gender.value == "F");
    CHECK(g.gender.lineage.rule == "only_value");
    CHECK(g.gender.lineage.records == Records{"a:1", "b:2"});
  }
  SECTION("every policy ties: tie, and the smaller key wins whatever the order") {
    a.gender = "M";
    b.gender = "F";
    for (const auto& members : {std::vector<Member>{{a, 0.5}, {b, 0.5}},
                                std::vector<Member>{{b, 0.5}, {a, 0.5}}}) {
      const GoldenRecord g = BuildGolden(members, SurvivorshipConfig());
      CHECK(g.gender.value == "F");
      CHECK(g.gender.lineage.rule == "tie");
      CHECK(g.gender.lineage.records == Records{"b:2"});
    }
  }
  SECTION("the first policy that separates the two best values names the rule") {
    a.gender = "M";
    b.gender = "F";
    b.observed_at = "2023-01-01";  // trust_decay: 0.5 vs 0.5 / 2
    SurvivorshipConfig config =
        Only("gender", {P::kMostFrequent, P::kSourcePriority, P::kTrustDecay, P::kMostRecent});
    const GoldenRecord g = BuildGolden({{a, 0.5}, {b, 0.5}}, config);
    CHECK(g.gender.value == "M");
    CHECK(g.gender.lineage.rule == "trust_decay");
  }
}

TEST_CASE("BuildGolden: only the first list item is primary, the others are aggregate",
          "[survive]") {
  SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
  a.emails = {EmailOf("c@example.org", Validity::kValid), EmailOf("b@example.org")};
  a.specialties = {Specialty{"Cardiologie", "cardiology"}, Specialty{"Gériatrie", "geriatrics"}};
  SourceRecord b = Rec("b", SourceType::kRep, "2", "2024-01-01");
  b.emails = {EmailOf("a@example.org", Validity::kInvalid)};
  b.specialties = {Specialty{"Cardiologue", "cardiology"}};
  const GoldenRecord g = BuildGolden({{a, 0.5}, {b, 0.5}}, SurvivorshipConfig());
  REQUIRE(g.emails.size() == 3);
  CHECK(g.emails[0].value.normalized == "c@example.org");
  CHECK(g.emails[1].value.normalized == "b@example.org");
  CHECK(g.emails[2].value.normalized == "a@example.org");
  CHECK(Rules(g.emails) == Records{"validated", "aggregate", "aggregate"});
  CHECK(Primaries(g.emails) == std::vector<bool>{true, false, false});
  // cardiology is carried by both records: most_frequent (the default's first).
  REQUIRE(g.specialties.size() == 2);
  CHECK(g.specialties[0].value.code == "cardiology");
  CHECK(g.specialties[0].lineage.records == Records{"a:1", "b:2"});
  CHECK(Rules(g.specialties) == Records{"most_frequent", "aggregate"});
  CHECK(Primaries(g.specialties) == std::vector<bool>{true, false});
}

TEST_CASE("BuildGolden: list values are de-duplicated by key", "[survive]") {
  SECTION("the same E.164 number from two records is one phone with two records") {
    SourceRecord a = Rec("crm", SourceType::kRep, "1", "2024-01-01");
    a.phones = {PhoneOf("01 42 00 00 01", "+33142000001", Validity::kValid)};
    SourceRecord b = Rec("kol", SourceType::kMsl, "2", "2024-01-01");
    b.phones = {PhoneOf("+33 1 42 00 00 01", "+33142000001", Validity::kValid)};
    const GoldenRecord g = BuildGolden({{b, 0.3}, {a, 0.8}}, SurvivorshipConfig());
    REQUIRE(g.phones.size() == 1);
    CHECK(g.phones[0].value.e164 == "+33142000001");
    // The display form is the most trusted carrier's.
    CHECK(g.phones[0].value.raw == "01 42 00 00 01");
    CHECK(g.phones[0].lineage.records == Records{"crm:1", "kol:2"});
    CHECK(g.phones[0].lineage.rule == "only_value");
    CHECK(g.phones[0].primary);
  }
  SECTION("a phone without E.164 is keyed by its raw text") {
    SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
    a.phones = {PhoneOf("poste 12", ""), PhoneOf("0142000001", "+33142000001")};
    SourceRecord b = Rec("b", SourceType::kRep, "2", "2024-01-01");
    b.phones = {PhoneOf("poste 12", "")};
    const GoldenRecord g = BuildGolden({{a, 0.5}, {b, 0.5}}, SurvivorshipConfig());
    REQUIRE(g.phones.size() == 2);
    // Validity and trust tie; two records carry "poste 12".
    CHECK(g.phones[0].value.raw == "poste 12");
    CHECK(g.phones[0].lineage.records == Records{"a:1", "b:2"});
    CHECK(g.phones[0].lineage.rule == "most_frequent");
  }
  SECTION("identifiers by scheme and value, e-mails by normalized form") {
    SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
    a.identifiers = {Rpps("10000000028", Validity::kValid), {"adeli", "10000000028", {}}};
    a.emails = {Email{" Dr.X@Example.org", "dr.x@example.org", Validity::kValid}};
    SourceRecord b = Rec("b", SourceType::kMsl, "2", "2024-01-01");
    b.identifiers = {Rpps("10000000028", Validity::kValid)};
    b.emails = {Email{"DR.X@EXAMPLE.ORG", "dr.x@example.org", Validity::kValid}};
    const GoldenRecord g = BuildGolden({{a, 0.5}, {b, 0.5}}, SurvivorshipConfig());
    REQUIRE(g.identifiers.size() == 2);
    CHECK(g.identifiers[0].value.scheme == "rpps");
    CHECK(g.identifiers[0].lineage.records == Records{"a:1", "b:2"});
    CHECK(g.identifiers[1].value.scheme == "adeli");
    CHECK(g.identifiers[1].lineage.records == Records{"a:1"});
    REQUIRE(g.emails.size() == 1);
    CHECK(g.emails[0].lineage.records == Records{"a:1", "b:2"});
  }
  SECTION("a social handle and its profile URL are one handle") {
    SourceRecord a = Rec("a", SourceType::kSocial, "1", "2024-01-01");
    a.social_handles = {"@DrExemple"};
    SourceRecord b = Rec("b", SourceType::kSocial, "2", "2023-01-01");
    b.social_handles = {"https://x.com/drexemple/"};
    const GoldenRecord g = BuildGolden({{a, 0.5}, {b, 0.5}}, SurvivorshipConfig());
    REQUIRE(g.social_handles.size() == 1);
    CHECK(g.social_handles[0].value == "@DrExemple");  // the fresher carrier's form
    CHECK(g.social_handles[0].lineage.records == Records{"a:1", "b:2"});
  }
  SECTION("affiliations by organisation id, else by folded name") {
    SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
    a.affiliations = {Affiliation{"CHU Exemple", "FINESS0001", "chu exemple"},
                      Affiliation{"Clinique Y", "", "clinique y"}};
    SourceRecord b = Rec("b", SourceType::kRep, "2", "2024-01-01");
    b.affiliations = {Affiliation{"C.H.U. Exemple", "FINESS0001", "c h u exemple"},
                      Affiliation{"CLINIQUE Y", "", "clinique y"}};
    const GoldenRecord g = BuildGolden({{a, 0.5}, {b, 0.5}}, SurvivorshipConfig());
    REQUIRE(g.affiliations.size() == 2);
    for (const auto& s : g.affiliations) CHECK(s.lineage.records == Records{"a:1", "b:2"});
  }
}

TEST_CASE("BuildGolden: a partial address folds into the complete one containing it",
          "[survive]") {
  // "75009 Paris" is a part of "12 rue Exemple, 75009 Paris": one place.
  // "Lyon" is not: a second address.
  SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
  a.addresses = {Address{"", "", "75009", "Paris", "FR", "", "paris", Validity::kValid}};
  SourceRecord b = Rec("b", SourceType::kSocial, "2", "2020-01-01");
  b.addresses = {Address{"12 rue Exemple", "", "75009", "Paris", "FR", "12 rue exemple", "paris",
                         Validity::kUnchecked}};
  SourceRecord c = Rec("c", SourceType::kRep, "3", "2024-01-01");
  c.addresses = {Address{"", "", "", "Lyon", "FR", "", "lyon", Validity::kUnchecked}};
  const GoldenRecord g = BuildGolden({{a, 0.9}, {b, 0.1}, {c, 0.9}}, SurvivorshipConfig());
  REQUIRE(g.addresses.size() == 2);
  CHECK(g.addresses[0].value.street == "12 rue Exemple");
  CHECK(g.addresses[0].lineage.records == Records{"a:1", "b:2"});
  CHECK(g.addresses[0].lineage.rule == "most_complete");
  CHECK(g.addresses[1].value.city == "Lyon");
  CHECK(g.addresses[1].lineage.records == Records{"c:3"});
  CHECK(Primaries(g.addresses) == std::vector<bool>{true, false});
}

TEST_CASE("BuildGolden: most_frequent counts records, not repeats inside one record",
          "[survive]") {
  SourceRecord a = Rec("a", SourceType::kRep, "1", "2024-01-01");
  a.phones = {PhoneOf("01 00 00 00 02", "+33100000002"), PhoneOf("0100000002", "+33100000002")};
  SourceRecord b = Rec("b", SourceType::kRep, "2", "2024-01-01");
  b.phones = {PhoneOf("01 00 00 00 01", "+33100000001")};
  const GoldenRecord g = BuildGolden({{a, 0.5}, {b, 0.5}}, Only("phones", {P::kMostFrequent}));
  REQUIRE(g.phones.size() == 2);
  CHECK(g.phones[0].value.e164 == "+33100000001");
  CHECK(g.phones[0].lineage.rule == "tie");
  CHECK(g.phones[1].lineage.records == Records{"a:1"});
}

// --- configuration ----------------------------------------------------------

TEST_CASE("BuildGolden: a configured attribute list overrides the default", "[survive]") {
  // Two low-trust social records agree on a name and a gender; one trusted
  // CRM record says otherwise.
  SourceRecord s1 = Rec("listening", SourceType::kSocial, "1", "2024-01-01");
  s1.name = Name("Jeanne", "Exemple");
  s1.gender = "M";
  SourceRecord s2 = Rec("listening", SourceType::kSocial, "2", "2024-01-01");
  s2.name = Name("Jeanne", "Exemple");
  s2.gender = "M";
  SourceRecord crm = Rec("crm_fr", SourceType::kRep, "9", "2024-01-01");
  crm.name = Name("Jean", "Exemple");
  crm.gender = "F";
  const std::vector<Member> members = {{s1, 0.2}, {s2, 0.2}, {crm, 0.9}};

  SECTION("default: the spelling two records agree on wins") {
    const GoldenRecord g = BuildGolden(members, SurvivorshipConfig());
    CHECK(g.name.value.given_names == "Jeanne");
    CHECK(g.name.lineage.rule == "most_frequent");
    CHECK(g.gender.value == "M");
    CHECK(g.gender.lineage.rule == "most_frequent");
  }
  SECTION("name: [source_priority] puts the rep source first; gender keeps its default") {
    SurvivorshipConfig config = Only("name", {P::kSourcePriority});
    const GoldenRecord g = BuildGolden(members, config);
    CHECK(g.name.value.given_names == "Jean");
    CHECK(g.name.lineage.rule == "source_priority");
    CHECK(g.name.lineage.records == Records{"crm_fr:9"});
    CHECK(g.gender.value == "M");
    CHECK(g.gender.lineage.rule == "most_frequent");
  }
  SECTION("PoliciesOf gives the configured list, else the default") {
    SurvivorshipConfig config = Only("name", {P::kSourcePriority});
    CHECK(config.PoliciesOf("name") == std::vector<P>{P::kSourcePriority});
    CHECK(config.PoliciesOf("gender") == DefaultPolicies("gender"));
    CHECK(DefaultPolicies("identifiers").front() == P::kValidated);
    CHECK(DefaultPolicies("birth_date").front() == P::kMostComplete);
    CHECK(DefaultPolicies("name").front() == P::kMostFrequent);
  }
}

TEST_CASE("BuildGolden: empty values are ignored", "[survive]") {
  // Record a carries nothing usable: each of its values is empty.
  SourceRecord a = Rec("a", SourceType::kRep, "1", "2025-01-01");
  a.name.display = "Dr";
  a.name.title = "Dr";  // no family key: no name
  a.identifiers = {Identifier{"rpps", "", Validity::kInvalid}};
  a.phones = {PhoneOf("", "", Validity::kValid)};
  a.emails = {Email{"", "", Validity::kValid}};
  a.addresses = {Address{"", "", "", "", "FR", "", "", Validity::kUnchecked}};
  a.social_handles = {"", "@"};
  a.affiliations = {Affiliation{}};
  SourceRecord b = Rec("b", SourceType::kSocial, "2", "2020-01-01");
  b.name = Name("Jean", "Exemple");
  b.gender = "M";
  b.identifiers = {Rpps("10000000028", Validity::kInvalid)};
  b.phones = {PhoneOf("01", "+33100000001", Validity::kInvalid)};

  const GoldenRecord g = BuildGolden({{a, 1.0}, {b, 0.1}}, SurvivorshipConfig());
  CHECK(g.name.value.given_names == "Jean");
  CHECK(g.name.lineage.rule == "only_value");
  CHECK(g.name.lineage.records == Records{"b:2"});
  CHECK(g.gender.value == "M");
  CHECK(g.gender.lineage.rule == "only_value");
  REQUIRE(g.identifiers.size() == 1);
  CHECK(g.identifiers[0].value.value == "10000000028");
  CHECK(g.identifiers[0].lineage.rule == "only_value");
  REQUIRE(g.phones.size() == 1);
  CHECK(g.phones[0].lineage.records == Records{"b:2"});
  CHECK(g.emails.empty());
  CHECK(g.addresses.empty());
  CHECK(g.social_handles.empty());
  CHECK(g.affiliations.empty());
  // Attributes nobody carries stay empty, with an empty lineage.
  CHECK(g.birth_date.value.empty());
  CHECK(g.birth_date.lineage.records.empty());
  CHECK(g.birth_date.lineage.rule.empty());
  CHECK(g.language.lineage.records.empty());
  // The empty record is still a member.
  CHECK(g.members == Records{"a:1", "b:2"});
}

TEST_CASE("BuildGolden: members are sorted and identity fields are left to the caller",
          "[survive]") {
  const GoldenRecord g = BuildGolden({{Rec("b", SourceType::kRep, "2", ""), 0.5},
                                      {Rec("a", SourceType::kRep, "10", ""), 0.5},
                                      {Rec("a", SourceType::kRep, "1", ""), 0.5}},
                                     SurvivorshipConfig());
  CHECK(g.members == Records{"a:1", "a:10", "b:2"});
  CHECK(g.golden_id.empty());
  CHECK(g.status == GoldenStatus::kActive);
  CHECK(g.created_run == 0);
  CHECK(g.updated_run == 0);
  CHECK(model::GoldenContentToJson(g) == R"({"members":["a:1","a:10","b:2"]})");
}

// --- member order -----------------------------------------------------------

std::vector<Member> RichCluster() {
  SourceRecord m1 = Rec("crm_fr", SourceType::kRep, "C-1", "2024-01-10");
  m1.name = Name("Jean", "Exemple");
  m1.gender = "M";
  m1.birth_date = "1970-05-12";
  m1.language = "fr";
  m1.identifiers = {Rpps("10000000028", Validity::kValid), {"crm", "C1", Validity::kUnchecked}};
  m1.addresses = {Address{"12 rue Exemple", "", "75009", "Paris", "FR", "12 rue exemple",
                          "paris", Validity::kValid}};
  m1.phones = {PhoneOf("01 42 00 00 01", "+33142000001", Validity::kValid)};
  m1.emails = {EmailOf("j.exemple@example.org", Validity::kValid)};
  m1.specialties = {Specialty{"Cardiologie", "cardiology"}};
  m1.affiliations = {Affiliation{"CHU Exemple", "FINESS0001", "chu exemple"}};
  m1.social_handles = {"@jexemple"};

  SourceRecord m2 = Rec("kol", SourceType::kMsl, "K-7", "2023-05-01");
  m2.name = Name("Jean Paul", "Exemple");
  m2.gender = "M";
  m2.birth_date = "1970";
  m2.identifiers = {Rpps("10000000028", Validity::kValid)};
  m2.phones = {PhoneOf("+33 1 42 00 00 01", "+33142000001", Validity::kValid),
               PhoneOf("06 00 00 00 02", "+33600000002", Validity::kValid)};
  m2.emails = {Email{"J.Exemple@Example.org", "j.exemple@example.org", Validity::kValid}};
  m2.specialties = {Specialty{"Cardiologue", "cardiology"}};
  m2.affiliations = {Affiliation{"CHU Exemple", "", "chu exemple"}};
  m2.social_handles = {"https://x.com/jexemple/"};

  SourceRecord m3 = Rec("inquiries", SourceType::kMedinfo, "I-3", "");
  m3.name = Name("Jean", "Exemple");
  m3.gender = "F";
  m3.identifiers = {Rpps("10000000019", Validity::kInvalid)};
  m3.emails = {EmailOf("other@example.net", Validity::kInvalid)};
  m3.specialties = {Specialty{"Rhumato", ""}};
  m3.addresses = {Address{"", "", "75009", "Paris", "FR", "", "paris", Validity::kValid}};

  SourceRecord m4 = Rec("listening", SourceType::kSocial, "S-1", "2024-01-10");
  m4.name = Name("J", "Exemple");
  m4.language = "en";
  m4.phones = {PhoneOf("06.00.00.00.02", "+33600000002", Validity::kValid)};
  m4.social_handles = {"@drje"};

  // Same trust and day as m1: display forms are decided by reference.
  SourceRecord m5 = Rec("crm_fr", SourceType::kRep, "C-2", "2024-01-10");
  m5.phones = {PhoneOf("01.42.00.00.01", "+33142000001", Validity::kValid)};
  m5.gender = "M";
  m5.language = "en";
  return {{m1, 0.9}, {m2, 0.7}, {m3, 0.5}, {m4, 0.2}, {m5, 0.9}};
}

TEST_CASE("BuildGolden: the golden record does not depend on member order", "[survive]") {
  std::vector<Member> members = RichCluster();
  SurvivorshipConfig config;
  config.source_priority = {"crm_fr", "msl", "rep"};
  config.attributes["language"] = {P::kSourcePriority, P::kMostRecent};
  const GoldenRecord reference = BuildGolden(members, config);
  const std::string expected = model::GoldenContentToJson(reference);

  // Spot checks, so that the comparison below compares something real.
  CHECK(reference.name.value.given_names == "Jean");  // two records out of four
  CHECK(reference.name.lineage.records == Records{"crm_fr:C-1", "inquiries:I-3"});
  CHECK(reference.gender.value == "M");
  CHECK(reference.birth_date.value == "1970-05-12");
  // fr (crm_fr:C-1) and en (crm_fr:C-2) tie on source and date: the smaller key.
  CHECK(reference.language.value == "en");
  CHECK(reference.language.lineage.rule == "tie");
  REQUIRE(reference.phones.size() == 2);
  CHECK(reference.phones[0].value.e164 == "+33142000001");
  CHECK(reference.phones[0].value.raw == "01 42 00 00 01");  // crm_fr:C-1 < crm_fr:C-2
  CHECK(reference.phones[0].lineage.records == Records{"crm_fr:C-1", "crm_fr:C-2", "kol:K-7"});
  // "75009 Paris" (inquiries:I-3) is a part of crm_fr:C-1's address.
  REQUIRE(reference.addresses.size() == 1);
  CHECK(reference.addresses[0].lineage.records == Records{"crm_fr:C-1", "inquiries:I-3"});
  CHECK(reference.identifiers.size() == 3);
  CHECK(reference.specialties.size() == 2);
  CHECK(reference.social_handles.size() == 2);
  CHECK(reference.members ==
        Records{"crm_fr:C-1", "crm_fr:C-2", "inquiries:I-3", "kol:K-7", "listening:S-1"});

  // Every one of the 120 orders gives the same content, byte for byte.
  std::vector<size_t> order = {0, 1, 2, 3, 4};
  int orders = 0;
  do {
    std::vector<Member> shuffled;
    for (size_t index : order) shuffled.push_back(members[index]);
    const std::string json = model::GoldenContentToJson(BuildGolden(shuffled, config));
    if (json != expected) {
      CAPTURE(order, json, expected);
      FAIL("member order changed the golden record");
    }
    ++orders;
  } while (std::next_permutation(order.begin(), order.end()));
  CHECK(orders == 120);
}

}  // namespace
}  // namespace mdm::survive
