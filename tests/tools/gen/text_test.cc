// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/text.h"

#include <string>

#include <catch2/catch.hpp>


namespace mdm::gen {
namespace {

struct TextCase {
  std::string input;
  std::string expected;
};

TEST_CASE("NaturalCase: renders INSEE upper-case names", "[gen]") {
  const TextCase c = GENERATE(values<TextCase>({
      {"HÉLÈNE", "Hélène"},
      {"JEAN-PIERRE", "Jean-Pierre"},
      {"MARIE-ÈVE", "Marie-Ève"},
      {"D'AMICO", "D'Amico"},
      {"ŒDIPE", "Œdipe"},
      {"LE GALL", "Le Gall"},
      {"", ""},
  }));
  CHECK(NaturalCase(c.input) == c.expected);
}

TEST_CASE("UpperCase and LowerCase: keep accents", "[gen]") {
  CHECK(UpperCase("Lefèvre") == "LEFÈVRE");
  CHECK(UpperCase("cœur ÿ") == "CŒUR Ÿ");
  CHECK(LowerCase("BÉRARD Œ Š") == "bérard œ š");
  CHECK(UpperCase("straße") == "STRAßE");  // ß has no one-letter capital here
}

TEST_CASE("StripAccents and AsciiSlug: drop diacritics", "[gen]") {
  const TextCase c = GENERATE(values<TextCase>({
      {"Bérard", "Berard"},
      {"Lecœur", "Lecoeur"},
      {"Ñúñez", "Nunez"},
      {"Ægir", "AEgir"},
      {"plain", "plain"},
  }));
  CHECK(StripAccents(c.input) == c.expected);
  CHECK(AsciiSlug("D'Amico-Bérard Jr 2") == "damicoberardjr2");
}

TEST_CASE("EncodeWindows1252: one byte per Latin letter, '?' otherwise", "[gen]") {
  const TextCase c = GENERATE(values<TextCase>({
      {"é", "\xE9"},
      {"Hélène", "H\xE9l\xE8ne"},
      {"cœur", "c\x9Cur"},
      {"€ Ÿ", "\x80 \x9F"},
      {"ł", "?"},
      {"Ő", "?"},
      {"abc;\r\n", "abc;\r\n"},
  }));
  CHECK(EncodeWindows1252(c.input) == c.expected);
}

TEST_CASE("FirstLetter: never splits a code point", "[gen]") {
  CHECK(FirstLetter("Élise") == "É");
  CHECK(FirstLetter("x") == "x");
  CHECK(FirstLetter("") == "");
}

}  // namespace
}  // namespace mdm::gen
