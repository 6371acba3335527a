// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/noise.h"

#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "mdm/base/utf8.h"
#include "tools/gen/random.h"
#include "tools/gen/text.h"

namespace mdm::gen {
namespace {

TEST_CASE("Typo: one edit after the first letter, valid UTF-8", "[gen]") {
  const std::string word = GENERATE(as<std::string>{}, "Martin", "Lefèvre", "Hélène");
  Random rng(StreamSeed(3, word.size()));
  for (int draw = 0; draw < 200; ++draw) {
    const std::string typed = Typo(word, rng);
    REQUIRE(base::IsValidUtf8(typed));
    CHECK(FirstLetter(typed) == FirstLetter(word));
    // Substitution and swap keep the length; a drop removes one code point.
    const auto length = [](const std::string& s) {
      size_t count = 0;
      for (char ch : s) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
      return count;
    };
    CHECK(length(word) - length(typed) <= 1);
  }
  CHECK(Typo("Li", rng) == "Li");
}

TEST_CASE("FormatPhone: every variant keeps the digits", "[gen]") {
  Random rng(9);
  for (int draw = 0; draw < 100; ++draw) {
    std::string digits;
    for (char ch : FormatPhone("0199001234", Country::kFr, rng)) {
      if (ch >= '0' && ch <= '9') digits.push_back(ch);
    }
    // National, +33 or 0033 forms of the same number.
    CHECK((digits == "0199001234" || digits == "33199001234" ||
           digits == "0033199001234"));
  }
  CHECK(CanonicalPhone("0199001234", Country::kFr) == "01 99 00 12 34");
  CHECK(CanonicalPhone("2125550123", Country::kUs) == "(212) 555-0123");
}

TEST_CASE("SpecialtyLabel: a man never gets a feminine French form", "[gen]") {
  Person person;
  person.country = Country::kFr;
  while (absl::string_view(person.specialty_info().code) != "nurse") ++person.specialty;
  Random rng(12);
  std::set<std::string> labels[2];
  for (int draw = 0; draw < 400; ++draw) {
    person.sex = draw % 2 == 0 ? kMale : kFemale;
    labels[person.sex].insert(SpecialtyLabel(person, rng));
  }
  CHECK(labels[kMale].count("Infirmière") == 0);
  CHECK(labels[kFemale].count("Infirmière") == 1);
  person.country = Country::kUs;
  CHECK(absl::string_view(SpecialtyLabel(person, rng)).find("N") != absl::string_view::npos);
}

TEST_CASE("DrawDate and DrawInstant: ISO-8601 inside the sample period", "[gen]") {
  Random rng(4);
  for (int draw = 0; draw < 500; ++draw) {
    const bool recent = draw % 2 == 0;
    const std::string date = DrawDate(rng, recent);
    REQUIRE(date.size() == 10);
    CHECK(date >= (recent ? "2025-03-31" : "2019-01-01"));
    CHECK(date <= "2026-03-31");
    const std::string instant = DrawInstant(rng, recent);
    REQUIRE(instant.size() == 20);
    CHECK(instant[10] == 'T');
    CHECK(absl::EndsWith(instant, "Z"));
  }
}

}  // namespace
}  // namespace mdm::gen
