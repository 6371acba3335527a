// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/feature_table.h"
#include "mdm/match/term_frequencies.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "mdm/match/handle_spelling.h"

namespace mdm::match {
namespace {

using Catch::Matchers::WithinAbs;

MatchKeys Person(std::string given, std::string family) {
  MatchKeys k;
  k.given = std::move(given);
  k.family = std::move(family);
  return k;
}

std::vector<std::string> Texts(const FeatureTable& t, uint32_t row, Slot slot) {
  std::vector<std::string> out;
  for (const FeatureValue& v : t.Values(row, slot)) out.emplace_back(t.Text(v));
  return out;
}

MatchKeys Full() {
  MatchKeys k = Person("jeanne", "garnier");
  k.maiden = "roux";
  k.given_sounds = {"JN", "AN"};
  k.family_sounds = {"KRN", "KRNR"};
  k.family_phonex = "KORNIYR";
  k.birth_date = "1970-02-14";
  k.gender = "F";
  k.emails = {"jgarnier@example.org", "jeanne.garnier@cabinet.example"};
  k.phones = {"+33199000001"};
  k.addresses = {{"75009", "paris", "12 boulevard haussmann"},
                 {"75009", "paris", "3 rue de la paix"},
                 {"", "lyon", ""}};
  k.specialties = {"cardiology"};
  k.affiliations = {"chu de lyon"};
  k.handles = {"drjgarnier"};
  k.identifiers = {{"rpps", "10000000009", true}, {"crm", "C-1", false}};
  return k;
}

TEST_CASE("FeatureTable: a row holds every key in its slot", "[match]") {
  FeatureTable t;
  CHECK(t.size() == 0);
  REQUIRE(t.Add(42, Full()) == 0);
  REQUIRE(t.size() == 1);
  CHECK(t.record_id(0) == 42);
  struct Case {
    Slot slot;
    std::vector<std::string> texts;
  };
  // clang-format off
  const Case c = GENERATE(values<Case>({
      {Slot::kGiven, {"jeanne"}},
      {Slot::kFamily, {"garnier"}},
      {Slot::kMaiden, {"roux"}},
      {Slot::kGivenSounds, {"JN", "AN"}},
      {Slot::kFamilySounds, {"KRN", "KRNR"}},
      {Slot::kFamilyPhonex, {"KORNIYR"}},
      {Slot::kBirthDate, {"1970-02-14"}},
      {Slot::kGender, {"F"}},
      {Slot::kEmail, {"jgarnier@example.org", "jeanne.garnier@cabinet.example"}},
      {Slot::kPhone, {"+33199000001"}},
      // Each distinct part once, empty parts left out.
      {Slot::kPostcode, {"75009"}},
      {Slot::kCity, {"paris", "lyon"}},
      {Slot::kStreet, {"12 boulevard haussmann", "3 rue de la paix"}},
      {Slot::kAddress, {"75009\x1fparis\x1f" "12 boulevard haussmann",
       "75009\x1fparis\x1f" "3 rue de la paix", "\x1flyon\x1f"}},
      {Slot::kSpecialty, {"cardiology"}},
      {Slot::kAffiliation, {"chu de lyon"}},
      {Slot::kHandle, {"drjgarnier"}},
      {Slot::kIdentifier, {"10000000009", "C-1"}},
      {Slot::kHandleSpellings, {"drjgarnier", "jgarnier"}},
  }));
  // clang-format on
  CAPTURE(static_cast<int>(c.slot));
  CHECK(Texts(t, 0, c.slot) == c.texts);
  CHECK(t.First(0, c.slot) == c.texts.front());
}

TEST_CASE("FeatureTable: contact spellings come from the e-mails and the name", "[match]") {
  FeatureTable t;
  const MatchKeys k = Full();
  t.Add(1, k);
  CHECK(Texts(t, 0, Slot::kContactSpellings) == ContactSpellings(k.emails, k.given, k.family));
  CHECK(Texts(t, 0, Slot::kHandleSpellings) == HandleSpellings(k.handles));
}

TEST_CASE("FeatureTable: a row without a value has an empty slot", "[match]") {
  FeatureTable t;
  t.Add(7, Person("", "roux"));
  t.Add(8, Full());
  for (Slot slot : {Slot::kGiven, Slot::kMaiden, Slot::kGivenSounds, Slot::kBirthDate, Slot::kEmail,
                    Slot::kPostcode, Slot::kAddress, Slot::kIdentifier, Slot::kHandle,
                    Slot::kHandleSpellings}) {
    CAPTURE(static_cast<int>(slot));
    CHECK(t.Values(0, slot).empty());
    CHECK(t.First(0, slot).empty());
    CHECK_FALSE(t.Values(1, slot).empty());  // the next row's values stay its own
  }
  CHECK(t.First(0, Slot::kFamily) == "roux");
  CHECK(t.First(1, Slot::kFamily) == "garnier");
}

TEST_CASE("FeatureTable: rows are numbered in the order they are added", "[match]") {
  FeatureTable t;
  const std::vector<std::string> families = {"garnier", "roux", "martin", "fontaine"};
  for (size_t i = 0; i < families.size(); ++i) {
    CHECK(t.Add(100 + static_cast<int64_t>(i), Person("claire", families[i])) == i);
  }
  REQUIRE(t.size() == families.size());
  for (uint32_t row = 0; row < t.size(); ++row) {
    CHECK(t.record_id(row) == 100 + row);
    CHECK(t.First(row, Slot::kFamily) == families[row]);
  }
  CHECK(t.memory_bytes() > 0);
}

TEST_CASE("FeatureTable: a value longer than 65,535 bytes is cut", "[match]") {
  FeatureTable t;
  MatchKeys k = Person("jeanne", std::string(70000, 'g'));
  k.emails = {std::string(65535, 'e'), "j@example.org"};
  t.Add(1, k);
  CHECK(t.First(0, Slot::kFamily) == std::string(65535, 'g'));
  CHECK(Texts(t, 0, Slot::kEmail) ==
        std::vector<std::string>{std::string(65535, 'e'), "j@example.org"});
}

TEST_CASE("FeatureTable: identifiers keep their scheme and validity", "[match]") {
  FeatureTable t;
  MatchKeys a = Person("jeanne", "garnier");
  a.identifiers = {{"rpps", "10000000009", true}, {"npi", "1234567893", false}};
  MatchKeys b = Person("claire", "roux");
  b.identifiers = {{"npi", "1234567893", true}, {"gmc", "7000001", true}};
  t.Add(1, a);
  t.Add(2, b);
  CHECK(t.schemes() == std::vector<std::string>{"rpps", "npi", "gmc"});
  CHECK(t.SchemeIndex("npi") == 1);
  CHECK(t.SchemeIndex("adeli") == -1);
  const auto ids = t.Values(1, Slot::kIdentifier);
  REQUIRE(ids.size() == 2);
  CHECK(t.schemes()[ids[0].scheme] == "npi");
  CHECK(ids[0].valid == 1);
  CHECK(t.schemes()[ids[1].scheme] == "gmc");
  CHECK(t.Values(0, Slot::kIdentifier)[1].valid == 0);
}

TEST_CASE("FeatureTable: schemes beyond 255 share the last index", "[match]") {
  FeatureTable t;
  for (int i = 0; i < 300; ++i) {
    MatchKeys k = Person("jeanne", "garnier");
    k.identifiers = {{"scheme" + std::to_string(i), "V" + std::to_string(i), false}};
    t.Add(i, k);
  }
  REQUIRE(t.schemes().size() == 255);
  CHECK(t.schemes().back() == "scheme254");
  CHECK(t.SchemeIndex("scheme254") == 254);
  CHECK(t.SchemeIndex("scheme299") == -1);
  CHECK(t.Values(100, Slot::kIdentifier)[0].scheme == 100);
  for (uint32_t row : {254u, 255u, 299u}) {
    CAPTURE(row);
    CHECK(t.Values(row, Slot::kIdentifier)[0].scheme == 254);
    CHECK(t.First(row, Slot::kIdentifier) == "V" + std::to_string(row));
  }
}

TEST_CASE("FeatureTable: term frequencies are shares of the slot's values", "[match]") {
  FeatureTable t;
  for (const char* family : {"martin", "martin", "martin", "garnier"}) {
    t.Add(1, Person("claire", family));
  }
  t.Add(2, Person("claire", ""));  // no value: not counted
  CHECK(t.term_frequency_total(Slot::kFamily) == 0);
  CHECK(t.Values(0, Slot::kFamily)[0].tf == 0);
  ApplyTermFrequencies(CountTermFrequencies(t, {Slot::kFamily}), t);
  CHECK(t.term_frequency_total(Slot::kFamily) == 4);
  CHECK_THAT(t.Values(0, Slot::kFamily)[0].tf, WithinAbs(0.75, 1e-6));
  CHECK_THAT(t.Values(2, Slot::kFamily)[0].tf, WithinAbs(0.75, 1e-6));
  CHECK_THAT(t.Values(3, Slot::kFamily)[0].tf, WithinAbs(0.25, 1e-6));
  // Other slots are left alone.
  CHECK(t.term_frequency_total(Slot::kGiven) == 0);
  CHECK(t.Values(0, Slot::kGiven)[0].tf == 0);
}

TEST_CASE("FeatureTable: multi-valued slots count every value", "[match]") {
  FeatureTable t;
  MatchKeys a = Person("jeanne", "garnier");
  a.emails = {"cabinet@example.org", "jgarnier@example.org"};
  MatchKeys b = Person("claire", "roux");
  b.emails = {"cabinet@example.org"};
  t.Add(1, a);
  t.Add(2, b);
  t.Add(3, Person("marc", "martin"));
  ApplyTermFrequencies(CountTermFrequencies(t, {Slot::kEmail}), t);
  CHECK(t.term_frequency_total(Slot::kEmail) == 3);
  CHECK_THAT(t.Values(0, Slot::kEmail)[0].tf, WithinAbs(2.0 / 3, 1e-6));
  CHECK_THAT(t.Values(0, Slot::kEmail)[1].tf, WithinAbs(1.0 / 3, 1e-6));
  CHECK_THAT(t.Values(1, Slot::kEmail)[0].tf, WithinAbs(2.0 / 3, 1e-6));
}

TEST_CASE("FeatureTable: with only_if_in, values absent from the other slot keep 0", "[match]") {
  FeatureTable t;
  MatchKeys with_handle = Person("", "");
  with_handle.handles = {"drjgarnier"};  // spellings drjgarnier, jgarnier
  t.Add(1, with_handle);
  t.Add(2, Person("jeanne", "garnier"));  // spells jgarnier among 4 spellings
  t.Add(3, Person("julie", "garnier"));   // spells jgarnier too
  t.Add(4, Person("claire", "roux"));     // spells nothing a handle spells
  ApplyTermFrequencies(CountTermFrequencies(t, {Slot::kContactSpellings}), t);
  const size_t total = t.term_frequency_total(Slot::kContactSpellings);
  // Every contact spelling counts in the total, whether a handle spells it or not.
  size_t values = 0;
  for (uint32_t row = 0; row < t.size(); ++row) {
    values += t.Values(row, Slot::kContactSpellings).size();
  }
  CHECK(total == values);
  REQUIRE(total == 12);
  for (uint32_t row = 1; row < t.size(); ++row) {
    for (const FeatureValue& v : t.Values(row, Slot::kContactSpellings)) {
      CAPTURE(row, t.Text(v));
      const float expected = t.Text(v) == "jgarnier" ? 2.0F / 12 : 0.0F;
      CHECK_THAT(v.tf, WithinAbs(expected, 1e-6));
    }
  }
  CHECK(t.term_frequency_total(Slot::kHandleSpellings) == 0);
}

TEST_CASE("FeatureTable: Append joins tables and maps their schemes", "[match]") {
  MatchKeys a = Person("jeanne", "garnier");
  a.identifiers = {{"rpps", "10000000009", true}};
  a.emails = {"jgarnier@example.org"};
  MatchKeys b = Person("claire", "roux");
  b.identifiers = {{"npi", "1234567893", true}, {"rpps", "10000000017", false}};
  b.addresses = {{"69003", "lyon", "5 rue garibaldi"}};
  MatchKeys c = Full();

  FeatureTable whole;
  whole.Add(1, a);
  whole.Add(2, b);
  whole.Add(3, c);

  FeatureTable first;
  first.Add(1, a);
  ApplyTermFrequencies(CountTermFrequencies(first, {Slot::kFamily}), first);
  FeatureTable second;  // schemes interned in another order: npi, rpps, crm
  second.Add(2, b);
  second.Add(3, c);
  ApplyTermFrequencies(CountTermFrequencies(second, {Slot::kFamily}), second);
  first.Append(second);

  REQUIRE(first.size() == 3);
  CHECK(first.schemes() == std::vector<std::string>{"rpps", "npi", "crm"});
  for (uint32_t row = 0; row < 3; ++row) {
    CHECK(first.record_id(row) == whole.record_id(row));
    for (int s = 0; s < kSlotCount; ++s) {
      const Slot slot = static_cast<Slot>(s);
      CAPTURE(row, s);
      CHECK(Texts(first, row, slot) == Texts(whole, row, slot));
    }
    const auto joined = first.Values(row, Slot::kIdentifier);
    const auto alone = whole.Values(row, Slot::kIdentifier);
    REQUIRE(joined.size() == alone.size());
    for (size_t i = 0; i < joined.size(); ++i) {
      CHECK(first.schemes()[joined[i].scheme] == whole.schemes()[alone[i].scheme]);
      CHECK(joined[i].valid == alone[i].valid);
    }
  }
  // The appended rows' term frequencies are not carried over.
  CHECK(first.Values(1, Slot::kFamily)[0].tf == 0);
  CHECK(first.Values(2, Slot::kFamily)[0].tf == 0);
}

TEST_CASE("FeatureTable: Append to an empty table copies the rows", "[match]") {
  FeatureTable other;
  other.Add(5, Full());
  FeatureTable t;
  t.Append(other);
  REQUIRE(t.size() == 1);
  CHECK(t.record_id(0) == 5);
  CHECK(t.schemes() == other.schemes());
  CHECK(Texts(t, 0, Slot::kAddress) == Texts(other, 0, Slot::kAddress));
}

TEST_CASE("EncodeAddress: DecodeAddress gives back the parts", "[match]") {
  // clang-format off
  const AddressKey a = GENERATE(values<AddressKey>({
      {"75009", "paris", "12 boulevard haussmann"},
      {"", "lyon", ""},
      {"SW1A 1AA", "", ""},
      {"", "", "3 rue de la paix"},
      {"", "", ""},
  }));
  // clang-format on
  CAPTURE(a.postcode, a.city, a.street);
  const std::string value = EncodeAddress(a);  // the parts are views into it
  const AddressParts p = DecodeAddress(value);
  CHECK(p.postcode == a.postcode);
  CHECK(p.city == a.city);
  CHECK(p.street == a.street);
}

TEST_CASE("DecodeAddress: a value without two separators has no parts", "[match]") {
  for (const char* value : {"", "75009", "75009\x1fparis"}) {
    CAPTURE(value);
    const AddressParts p = DecodeAddress(value);
    CHECK(p.postcode.empty());
    CHECK(p.city.empty());
    CHECK(p.street.empty());
  }
}

TEST_CASE("SlotOf: each field reads its own slot", "[match]") {
  struct Case {
    MatchField field;
    Slot slot;
  };
  // clang-format off
  const Case c = GENERATE(values<Case>({
      {MatchField::kGivenName, Slot::kGiven},
      {MatchField::kFamilyName, Slot::kFamily},
      {MatchField::kBirthDate, Slot::kBirthDate},
      {MatchField::kGender, Slot::kGender},
      {MatchField::kEmail, Slot::kEmail},
      {MatchField::kPhone, Slot::kPhone},
      {MatchField::kPostcode, Slot::kPostcode},
      {MatchField::kCity, Slot::kCity},
      {MatchField::kStreet, Slot::kStreet},
      {MatchField::kAddress, Slot::kAddress},
      {MatchField::kSpecialty, Slot::kSpecialty},
      {MatchField::kAffiliation, Slot::kAffiliation},
      {MatchField::kSocialHandle, Slot::kHandle},
      {MatchField::kIdentifier, Slot::kIdentifier},
  }));
  // clang-format on
  CAPTURE(MatchFieldName(c.field));
  CHECK(SlotOf(c.field) == c.slot);
}

}  // namespace
}  // namespace mdm::match
