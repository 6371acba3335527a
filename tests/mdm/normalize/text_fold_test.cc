// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/text_fold.h"

#include <array>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "mdm/base/utf8.h"

namespace mdm::normalize {
namespace {

struct FoldCase {
  std::string in;
  std::string out;
};

TEST_CASE("FoldKey: accents, case, punctuation and ligatures", "[normalize]") {
  const FoldCase c = GENERATE(values<FoldCase>({
      {"", ""},
      {"   ", ""},
      {"MARTIN", "martin"},
      {"  Émilie-Anne  O'Brien ", "emilie anne obrien"},
      {"STRAßE", "strasse"},
      {"Œuvre Lætitia", "oeuvre laetitia"},
      {"Søren Łukasz Đorđe", "soren lukasz dorde"},
      {"D’Alembert", "dalembert"},
      {"Ｆｕｌｌｗｉｄｔｈ", "fullwidth"},
      {"Saint-Étienne (42)", "saint etienne 42"},
  }));
  CAPTURE(c.in);
  CHECK(FoldKey(c.in) == c.out);
  CHECK(FoldKey(FoldKey(c.in)) == FoldKey(c.in));
}

TEST_CASE("FoldKey: table characters fold as ICU folds them", "[normalize]") {
  const FoldCase c = GENERATE(values<FoldCase>({
      {"Jean\u00A0Martin", "jean martin"},          // NBSP
      {"Jean\u202FMartin", "jean martin"},          // narrow NBSP
      {"Marie\u2010Christine", "marie christine"},  // hyphen
      {"Bordeaux \u2013 Lyon \u2014 Nice", "bordeaux lyon nice"},
      {"L\u2019Hôpital", "lhopital"},
      {"Nguy\u1EC5n V\u0103n \u0110\u1EE9c", "nguyen van duc"},
      {"Ｍａｒｔｉｎ－Ｄｕｐｏｎｔ", "martin dupont"},
      {"e\u0301le\u0300ve", "eleve"},  // combining accents
      {"Ǆuro ǅuro", "dzuro dzuro"},
      {"ﬁnance", "finance"},
      {"Ådne Ørsted Ærø", "adne orsted aero"},
      {"İstanbul ıspanak", "istanbul ispanak"},
  }));
  CAPTURE(c.in);
  CHECK(FoldKey(c.in) == c.out);
  CHECK(FoldKeyWithIcu(c.in) == c.out);
}

TEST_CASE("FoldKey: other scripts stay letters of their script, case-folded",
          "[normalize]") {
  const FoldCase c = GENERATE(values<FoldCase>({
      {"ΣΩΚΡΆΤΗΣ", "σωκρατησ"},
      {"Ελένη Παπαδοπούλου", "ελενη παπαδοπουλου"},
      {"ДМИТРИЙ Иванов", "дмитрии иванов"},
      {"Ёлкин", "елкин"},
      {"山田 太郎", "山田 太郎"},
      {"김민준", "김민준"},
      {"محمد", "محمد"},
      {"Jean ☃ Martin", "jean martin"},
      // Kana voicing marks are nonspacing marks, removed like accents.
      {"ガ\u3099ーコ", "カーコ"},
  }));
  CAPTURE(c.in);
  CHECK(FoldKey(c.in) == c.out);
  CHECK(FoldKey(c.in) == FoldKeyWithIcu(c.in));
}

// Code point ranges the random strings draw from: ASCII, every table range,
// and scripts that only ICU folds (with their combining marks, so runs that
// compose in context are exercised).
constexpr std::array<std::pair<char32_t, char32_t>, 13> kRandomRanges = {{
    {0x0020, 0x007F},    // ASCII
    {0x0080, 0x0530},    // Latin-1 .. Cyrillic
    {0x0300, 0x0370},    // combining diacritics, drawn more often
    {0x1E00, 0x2070},    // Latin Extended Additional, Greek Extended, punct.
    {0xFB00, 0xFB50},    // ligatures, Hebrew presentation forms
    {0xFF00, 0xFFF0},    // fullwidth and halfwidth forms
    {0x0590, 0x0700},    // Hebrew, Arabic
    {0x0900, 0x0980},    // Devanagari
    {0x1100, 0x1200},    // Hangul jamo
    {0xAC00, 0xAC40},    // Hangul syllables
    {0x3040, 0x3100},    // kana with voicing marks
    {0x4E00, 0x4E40},    // CJK
    {0x1F600, 0x1F650},  // emoji
}};

std::string RandomUtf8(std::mt19937* rng) {
  std::uniform_int_distribution<size_t> length(0, 24);
  std::uniform_int_distribution<size_t> pick(0, kRandomRanges.size() - 1);
  std::string text;
  for (size_t n = length(*rng); n > 0; --n) {
    const auto& [first, end] = kRandomRanges[pick(*rng)];
    std::uniform_int_distribution<char32_t> cp(first, end - 1);
    base::AppendUtf8(cp(*rng), &text);
  }
  return text;
}

TEST_CASE("FoldKey: equals the ICU reference and is idempotent on random UTF-8",
          "[normalize][property]") {
  const uint32_t seed = GENERATE(take(200, random(0u, 1000000u)));
  CAPTURE(seed);
  std::mt19937 rng(seed);
  for (int sample = 0; sample < 20; ++sample) {
    const std::string text = RandomUtf8(&rng);
    CAPTURE(text);
    REQUIRE(base::IsValidUtf8(text));
    const std::string key = FoldKey(text);
    CHECK(key == FoldKeyWithIcu(text));
    CHECK(FoldKey(key) == key);
  }
}

TEST_CASE("FoldKey: equals the ICU reference for every BMP code point alone",
          "[normalize]") {
  int mismatches = 0;
  for (char32_t cp = 1; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;  // surrogates are not text
    std::string text = "a";
    base::AppendUtf8(cp, &text);
    text += "b";
    const std::string key = FoldKey(text);
    if (key != FoldKeyWithIcu(text) || FoldKey(key) != key) {
      UNSCOPED_INFO("code point U+" << std::hex << static_cast<uint32_t>(cp));
      ++mismatches;
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("FoldKey: gives the same keys from concurrent threads",
          "[normalize]") {
  const std::vector<std::string> names = {"Hélène Lefèvre", "Ωμέγα", "Ǆ ﬁ ½",
                                          "François Ñúñez", "Дмитрий"};
  std::vector<std::string> expected;
  for (const std::string& name : names) {
    expected.push_back(FoldKeyWithIcu(name));
  }
  std::array<std::vector<std::string>, 2> results;
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&names, &result] {
      for (int round = 0; round < 200; ++round) {
        for (const std::string& name : names) result.push_back(FoldKey(name));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& result : results) {
    for (size_t idx = 0; idx < result.size(); ++idx) {
      REQUIRE(result[idx] == expected[idx % names.size()]);
    }
  }
}

}  // namespace
}  // namespace mdm::normalize
