// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/handle_spelling.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace mdm::match {
namespace {

using Spellings = std::vector<std::string>;

TEST_CASE("HandleSpellings: letters and digits, without dr and without trailing digits",
          "[match]") {
  struct Case {
    std::string name;
    Spellings handles;
    Spellings spellings;
  };
  // clang-format off
  const Case c = GENERATE(values<Case>({
      {"a doctor's handle", {"drjgarnier"}, {"drjgarnier", "jgarnier"}},
      {"punctuation and spaces dropped", {"claire.roux"}, {"claireroux"}},
      {"trailing digits dropped", {"andre bernard3"}, {"andrebernard", "andrebernard3"}},
      {"both", {"dr_marc_martin75"},
       {"drmarcmartin", "drmarcmartin75", "marcmartin", "marcmartin75"}},
      {"upper case folded", {"JGarnier"}, {"jgarnier"}},
      {"shorter than three letters left out", {"jm", "dr12"}, {"dr12"}},
      {"digits only", {"123"}, {"123"}},
      {"several handles, sorted and distinct", {"rouxc", "drrouxc", "rouxc2"},
       {"drrouxc", "rouxc", "rouxc2"}},
      {"none", {}, {}},
  }));
  // clang-format on
  CAPTURE(c.name);
  CHECK(HandleSpellings(c.handles) == c.spellings);
}

TEST_CASE("SpellingHoldsGiven: the first given name in full, not only its initial",
          "[match]") {
  struct Case {
    std::string name;
    std::string spelling;
    std::string given;
    std::string family;
    bool holds;
  };
  // clang-format off
  const Case c = GENERATE(values<Case>({
      {"given then family", "jeannegarnier", "jeanne", "garnier", true},
      {"family then given", "garnierjeanne", "jeanne", "garnier", true},
      {"initial then family", "jgarnier", "jeanne", "garnier", false},
      {"family then initial", "garnierj", "jeanne", "garnier", false},
      {"first of two given names", "jeangarnier", "jean pierre", "garnier", true},
      {"both given names", "jeanpierregarnier", "jean pierre", "garnier", true},
      {"an e-mail with the given name", "jeanneg", "jeanne", "garnier", true},
      {"an e-mail with the initial", "jgarnier75", "jeanne", "garnier", false},
      {"family name starting with the given name", "marchandm", "marc", "marchand", false},
      {"a one-letter given name is all there is", "jgarnier", "j", "garnier", true},
      {"no given name", "jgarnier", "", "garnier", true},
  }));
  // clang-format on
  CAPTURE(c.name);
  CHECK(SpellingHoldsGiven(c.spelling, c.given, c.family) == c.holds);
}

TEST_CASE("ContactSpellings: e-mail local parts and the name in the usual orders", "[match]") {
  struct Case {
    std::string name;
    Spellings emails;
    std::string given, family;
    Spellings spellings;
  };
  // clang-format off
  const Case c = GENERATE(values<Case>({
      {"name only", {}, "jeanne", "garnier",
       {"garnierj", "garnierjeanne", "jeannegarnier", "jgarnier"}},
      {"e-mail only, tag and dots dropped", {"j.garnier+news@example.org"}, "", "", {"jgarnier"}},
      {"e-mail and name share a spelling", {"jgarnier@example.org"}, "jeanne", "garnier",
       {"garnierj", "garnierjeanne", "jeannegarnier", "jgarnier"}},
      {"compound given name also alone", {}, "marie claire", "de la fontaine", {"delafontainem",
       "delafontainemarie", "delafontainemarieclaire", "marieclairedelafontaine",
       "mariedelafontaine", "mdelafontaine"}},
      {"a given name without family name spells nothing", {}, "jeanne", "", {}},
      {"a family name without given name spells nothing", {}, "", "garnier", {}},
      {"too short", {"jg@example.org"}, "a", "b", {}},
      {"not an address", {"garnier"}, "", "", {}},
  }));
  // clang-format on
  CAPTURE(c.name);
  CHECK(ContactSpellings(c.emails, c.given, c.family) == c.spellings);
}

TEST_CASE("HandleSpellings: a handle meets its owner's contact spellings", "[match]") {
  struct Case {
    std::string handle;
    std::string given, family;
    bool meets;
  };
  // clang-format off
  const Case c = GENERATE(values<Case>({
      {"drjgarnier", "jeanne", "garnier", true},
      {"garnierjeanne", "jeanne", "garnier", true},
      {"jeanne garnier2", "jeanne", "garnier", true},
      {"elodie roux", "elodie", "roux", true},
      {"drjgarnier", "julie", "garnier", true},  // one initial for two names
      {"drjgarnier", "claire", "garnier", false},
      {"elodie roux", "elodie", "rousse", false},
  }));
  // clang-format on
  CAPTURE(c.handle, c.given, c.family);
  const Spellings h = HandleSpellings({c.handle});
  const Spellings s = ContactSpellings({}, c.given, c.family);
  Spellings common;
  std::set_intersection(h.begin(), h.end(), s.begin(), s.end(), std::back_inserter(common));
  CHECK(common.empty() != c.meets);
}

}  // namespace
}  // namespace mdm::match
