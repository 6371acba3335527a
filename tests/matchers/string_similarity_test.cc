// SPDX-License-Identifier: Apache-2.0
#include "matchers/string_similarity.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include <catch2/catch.hpp>

namespace mdm::matchers {
namespace {

using Catch::Matchers::WithinAbs;

constexpr double kPublishedPrecision = 0.0005;  // tables give three decimals

struct JaroCase {
  std::string a;
  std::string b;
  double jaro;
  double jaro_winkler;
};

// Winkler, "Overview of Record Linkage and Current Research Directions"
// (US Census Bureau, 2006), Table 6: Jaro and Jaro-Winkler values of name
// pairs, upper-cased in the paper. These are textbook vectors, not people.
TEST_CASE("JaroWinkler: matches Winkler's published table", "[matchers]") {
  const JaroCase c = GENERATE(values<JaroCase>({
      {"shackleford", "shackelford", 0.970, 0.982},
      {"dunningham", "cunnigham", 0.896, 0.896},
      {"nichleson", "nichulson", 0.926, 0.956},
      {"jones", "johnson", 0.790, 0.832},
      {"massey", "massie", 0.889, 0.933},
      {"abroms", "abrams", 0.889, 0.922},
      {"hardin", "martinez", 0.722, 0.722},
      {"itman", "smith", 0.467, 0.467},
      {"jeraldine", "geraldine", 0.926, 0.926},
      {"marhta", "martha", 0.944, 0.961},
      {"michelle", "michael", 0.869, 0.921},
      {"julies", "julius", 0.889, 0.933},
      {"tanya", "tonya", 0.867, 0.880},
      {"dwayne", "duane", 0.822, 0.840},
      {"sean", "susan", 0.783, 0.805},
      {"jon", "john", 0.917, 0.933},
      {"jon", "jan", 0.778, 0.800},
      {"dixon", "dicksonx", 0.767, 0.813},
  }));
  CAPTURE(c.a, c.b);
  CHECK_THAT(Jaro(c.a, c.b), WithinAbs(c.jaro, kPublishedPrecision));
  CHECK_THAT(JaroWinkler(c.a, c.b), WithinAbs(c.jaro_winkler, kPublishedPrecision));
}

TEST_CASE("JaroWinkler: empty inputs and no common unit", "[matchers]") {
  CHECK(Jaro("", "") == 1.0);
  CHECK(JaroWinkler("", "") == 1.0);
  CHECK(Jaro("", "abc") == 0.0);
  CHECK(JaroWinkler("abc", "") == 0.0);
  CHECK(Jaro("abc", "xyz") == 0.0);
  // Beyond the match window: nothing matches even though letters are shared.
  CHECK(Jaro("ab", "ba") == 0.0);
}

TEST_CASE("JaroWinkler: no prefix boost at or below the threshold",
          "[matchers]") {
  // Jaro("abcxyz", "abcuvw") == 0.667 <= 0.7: the shared "abc" adds nothing.
  const double jaro = Jaro("abcxyz", "abcuvw");
  REQUIRE(jaro <= kWinklerBoostThreshold);
  CHECK(JaroWinkler("abcxyz", "abcuvw") == jaro);
  // The boost counts at most four prefix units.
  const double long_prefix = Jaro("abcdefgh", "abcdefgx");
  CHECK_THAT(JaroWinkler("abcdefgh", "abcdefgx"),
             WithinAbs(long_prefix + 4 * 0.1 * (1 - long_prefix), 1e-12));
}

TEST_CASE("Jaro: counts code points when an input is not ASCII", "[matchers]") {
  // "é" is one unit: replacing it by any other single unit scores the same.
  CHECK(Jaro("josé", "jose") == Jaro("josx", "jose"));
  CHECK(JaroWinkler("héloïse", "heloise") ==
        JaroWinkler("hxloxse", "heloise"));
  CHECK(LevenshteinDistance("zoë", "zoe") == 1);
  CHECK(LevenshteinDistance("é", "") == 1);
  CHECK(OsaDistance("ñandú", "nandu") == 2);
  CHECK(IndelDistance("über", "uber") == 2);
}

struct DistanceCase {
  std::string a;
  std::string b;
  size_t levenshtein;
  size_t osa;
  size_t indel;
};

// Levenshtein (1966) kitten/sitting and the usual textbook pairs; OSA
// ca/abc is the example that tells OSA from unrestricted Damerau-Levenshtein.
TEST_CASE("LevenshteinDistance: textbook vectors", "[matchers]") {
  const DistanceCase c = GENERATE(values<DistanceCase>({
      {"kitten", "sitting", 3, 3, 5},
      {"flaw", "lawn", 2, 2, 2},
      {"saturday", "sunday", 3, 3, 4},
      {"gumbo", "gambol", 2, 2, 3},
      {"ca", "abc", 3, 3, 3},
      {"abcd", "acbd", 2, 1, 2},
      {"martha", "marhta", 2, 1, 2},
      {"", "abc", 3, 3, 3},
      {"", "", 0, 0, 0},
      {"same", "same", 0, 0, 0},
  }));
  CAPTURE(c.a, c.b);
  CHECK(LevenshteinDistance(c.a, c.b) == c.levenshtein);
  CHECK(LevenshteinDistance(c.b, c.a) == c.levenshtein);
  CHECK(OsaDistance(c.a, c.b) == c.osa);
  CHECK(IndelDistance(c.a, c.b) == c.indel);
}

TEST_CASE("LevenshteinWithin: returns max + 1 past the bound", "[matchers]") {
  CHECK(LevenshteinWithin("kitten", "sitting", 3) == 3);
  CHECK(LevenshteinWithin("kitten", "sitting", 10) == 3);
  CHECK(LevenshteinWithin("kitten", "sitting", 2) == 3);
  CHECK(LevenshteinWithin("kitten", "sitting", 1) == 2);
  CHECK(LevenshteinWithin("kitten", "sitting", 0) == 1);
  CHECK(LevenshteinWithin("same", "same", 0) == 0);
  // Rejected on length alone.
  CHECK(LevenshteinWithin("a", "abcdef", 2) == 3);
  CHECK(LevenshteinWithin("abc", "xyz", SIZE_MAX) == 3);
}

TEST_CASE("LevenshteinDistance: strings longer than one machine word",
          "[matchers]") {
  const std::string a(100, 'a');
  std::string b = a;
  b[10] = 'b';
  b.insert(50, "cc");
  CHECK(LevenshteinDistance(a, b) == 3);
  CHECK(LevenshteinWithin(a, b, 2) == 3);
  CHECK(LevenshteinDistance(std::string(70, 'x'), std::string(80, 'y')) == 80);
  CHECK(IndelDistance(a, b) == 4);
  CHECK(OsaDistance(a, b) == 3);
}

TEST_CASE("NormalizedSimilarity: one minus distance over length", "[matchers]") {
  CHECK(NormalizedSimilarity(0, 0) == 1.0);
  CHECK(NormalizedSimilarity(1, 4) == 0.75);
  CHECK(NormalizedSimilarity(9, 4) == 0.0);
  CHECK_THAT(LevenshteinSimilarity("kitten", "sitting"), WithinAbs(4.0 / 7, 1e-12));
  CHECK_THAT(OsaSimilarity("martha", "marhta"), WithinAbs(5.0 / 6, 1e-12));
  CHECK(LevenshteinSimilarity("", "") == 1.0);
  CHECK(LevenshteinSimilarity("", "x") == 0.0);
}

struct RatioCase {
  std::string a;
  std::string b;
  double expected;
};

// The first three rows are rapidfuzz's documented examples (fuzz.ratio
// 96.55, token_sort_ratio 100); the others are worked by hand from the
// definitions in the header, shown in the comments.
TEST_CASE("IndelSimilarity and TokenSortRatio: reference values", "[matchers]") {
  CHECK_THAT(IndelSimilarity("this is a test", "this is a test!"),
             WithinAbs(28.0 / 29, 1e-12));
  CHECK(TokenSortRatio("fuzzy wuzzy was a bear", "wuzzy fuzzy was a bear") == 1.0);
  CHECK(TokenSortRatio("dupont marie", "marie  dupont") == 1.0);
  // "jean martin pierre" vs "jean martin paul": LCS 13 of 18 + 16 units.
  CHECK_THAT(TokenSortRatio("pierre jean martin", "martin jean paul"),
             WithinAbs(26.0 / 34, 1e-12));
  CHECK(TokenSortRatio("", " ") == 1.0);
  CHECK(TokenSortRatio("", "x") == 0.0);
}

TEST_CASE("TokenSetRatio: reference values", "[matchers]") {
  const RatioCase c = GENERATE(values<RatioCase>({
      // rapidfuzz's documented example: one token set contains the other.
      {"fuzzy was a bear", "fuzzy fuzzy was a bear", 1.0},
      {"marie claire dupont", "dupont marie", 1.0},
      // Common "jean martin" (11), only_a "pierre" (6), only_b "paul" (4):
      // best is common vs "common paul", 1 - 5 / 27.
      {"jean pierre martin", "jean paul martin", 22.0 / 27},
      // Nothing in common: Indel("abc", "xyz") = 6 over 6.
      {"abc", "xyz", 0.0},
      {"", "", 1.0},
      {"", "abc", 0.0},
  }));
  CAPTURE(c.a, c.b);
  CHECK_THAT(TokenSetRatio(c.a, c.b), WithinAbs(c.expected, 1e-12));
  CHECK_THAT(TokenSetRatio(c.b, c.a), WithinAbs(c.expected, 1e-12));
}

TEST_CASE("QGramJaccard: padded q-gram sets", "[matchers]") {
  // ^m ma ar rt th ha a$ vs ^m ma ar rh ht ta a$: 4 shared of 10.
  CHECK_THAT(QGramJaccard("martha", "marhta"), WithinAbs(0.4, 1e-12));
  // Sets, so repeats and order of unigrams do not count.
  CHECK(QGramJaccard("ab", "ba", 1) == 1.0);
  CHECK(QGramJaccard("aab", "ab", 1) == 1.0);
  // ^^a ^ab abc bc$ c$$ vs ^^a ^ab abd bd$ d$$: 2 of 8.
  CHECK_THAT(QGramJaccard("abc", "abd", 3), WithinAbs(0.25, 1e-12));
  // q is clamped to [1, 3].
  CHECK(QGramJaccard("abc", "abd", 9) == QGramJaccard("abc", "abd", 3));
  CHECK(QGramJaccard("", "") == 1.0);
  CHECK(QGramJaccard("", "", 1) == 1.0);
  CHECK(QGramJaccard("", "a") == 0.0);
  CHECK(QGramJaccard("a", "", 1) == 0.0);
}

}  // namespace
}  // namespace mdm::matchers
