// SPDX-License-Identifier: Apache-2.0
// Property and differential tests of matchers/string_similarity.h: the
// contracts the header states (range, symmetry, identity) on random strings,
// and each fast implementation against its textbook twin. Each case draws
// a seed from Catch's generator (so --rng-seed changes the sample) and
// reports it on failure; the strings are a pure function of that seed.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "matchers/internal/string_similarity_internal.h"
#include "matchers/string_similarity.h"

namespace mdm::matchers {
namespace {

// Few distinct units so random strings share letters and runs; some
// non-ASCII letters, a space for the token comparators, and a lone invalid
// byte to exercise the lenient decoder.
const std::vector<std::string>& Alphabet() {
  static const std::vector<std::string> kUnits = {
      "a", "b", "c", "d", "e", " ", "é", "ü", "ß", "\xff"};
  return kUnits;
}

std::string RandomString(std::mt19937* rng, size_t max_units, bool ascii) {
  std::uniform_int_distribution<size_t> length(0, max_units);
  std::uniform_int_distribution<size_t> pick(0, ascii ? 5 : Alphabet().size() - 1);
  std::string out;
  for (size_t n = length(*rng); n > 0; --n) out += Alphabet()[pick(*rng)];
  return out;
}

// A pair of related strings: `b` is `a` with a few random edits, so the
// distances stay small and the bounded paths get exercised.
std::pair<std::string, std::string> RandomPair(uint32_t seed, size_t max_units) {
  std::mt19937 rng(seed);
  const bool ascii = rng() % 2 == 0;
  std::string a = RandomString(&rng, max_units, ascii);
  std::string b = rng() % 3 == 0 ? RandomString(&rng, max_units, ascii) : a;
  for (size_t edits = rng() % 4; edits > 0 && !b.empty(); --edits) {
    const size_t pos = rng() % b.size();
    if (static_cast<unsigned char>(b[pos]) >= 0x80) continue;  // keep UTF-8
    b[pos] = "abcxyz"[rng() % 6];
  }
  return {a, b};
}

using Similarity = std::function<double(const std::string&, const std::string&)>;

const std::vector<std::pair<const char*, Similarity>>& Similarities() {
  static const std::vector<std::pair<const char*, Similarity>> kAll = {
      {"Jaro", [](auto& a, auto& b) { return Jaro(a, b); }},
      {"JaroWinkler", [](auto& a, auto& b) { return JaroWinkler(a, b); }},
      {"LevenshteinSimilarity",
       [](auto& a, auto& b) { return LevenshteinSimilarity(a, b); }},
      {"OsaSimilarity", [](auto& a, auto& b) { return OsaSimilarity(a, b); }},
      {"IndelSimilarity", [](auto& a, auto& b) { return IndelSimilarity(a, b); }},
      {"TokenSortRatio", [](auto& a, auto& b) { return TokenSortRatio(a, b); }},
      {"TokenSetRatio", [](auto& a, auto& b) { return TokenSetRatio(a, b); }},
      {"QGramJaccard1", [](auto& a, auto& b) { return QGramJaccard(a, b, 1); }},
      {"QGramJaccard2", [](auto& a, auto& b) { return QGramJaccard(a, b, 2); }},
      {"QGramJaccard3", [](auto& a, auto& b) { return QGramJaccard(a, b, 3); }},
  };
  return kAll;
}

TEST_CASE("Similarities: symmetric, within [0, 1], identity gives 1",
          "[matchers][property]") {
  const uint32_t seed = GENERATE(take(200, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  const auto [a, b] = RandomPair(seed, 20);
  for (const auto& [name, similarity] : Similarities()) {
    CAPTURE(name);
    const double forward = similarity(a, b);
    CHECK(forward >= 0.0);
    CHECK(forward <= 1.0);
    CHECK(forward == similarity(b, a));
    CHECK(similarity(a, a) == 1.0);
  }
}

TEST_CASE("Distances: symmetric, zero only for equal strings, ordered",
          "[matchers][property]") {
  const uint32_t seed = GENERATE(take(200, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  const auto [a, b] = RandomPair(seed, 90);
  const size_t levenshtein = LevenshteinDistance(a, b);
  const size_t osa = OsaDistance(a, b);
  const size_t indel = IndelDistance(a, b);
  CHECK(levenshtein == LevenshteinDistance(b, a));
  CHECK(osa == OsaDistance(b, a));
  CHECK(indel == IndelDistance(b, a));
  CHECK((levenshtein == 0) == (a == b));
  CHECK((osa == 0) == (a == b));
  CHECK((indel == 0) == (a == b));
  // Each distance allows a superset of the next one's edits.
  CHECK(osa <= levenshtein);
  CHECK(levenshtein <= indel);
  CHECK(levenshtein <= std::max(a.size(), b.size()));
}

TEST_CASE("LevenshteinWithin: equals the unbounded distance within the bound",
          "[matchers][property]") {
  const uint32_t seed = GENERATE(take(200, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  const auto [a, b] = RandomPair(seed, 90);
  const size_t distance = LevenshteinDistance(a, b);
  for (size_t max = 0; max <= distance + 1; ++max) {
    CAPTURE(max);
    CHECK(LevenshteinWithin(a, b, max) == std::min(distance, max + 1));
  }
}

TEST_CASE("Levenshtein: bit-parallel equals the classic programme",
          "[matchers][property]") {
  const uint32_t seed = GENERATE(take(200, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  // Up to 64 units on the shorter side, the bit-parallel precondition.
  const auto [a, b] = RandomPair(seed, 64);
  const size_t classic = internal::LevenshteinClassic(a, b, SIZE_MAX - 1);
  CHECK(internal::LevenshteinBitParallel(a, b, SIZE_MAX - 1) == classic);
  for (size_t max = 0; max <= classic + 1; ++max) {
    CAPTURE(max);
    CHECK(internal::LevenshteinBitParallel(a, b, max) ==
          internal::LevenshteinClassic(a, b, max));
  }
}

TEST_CASE("Jaro: bit-parallel equals the classic scan", "[matchers][property]") {
  const uint32_t seed = GENERATE(take(200, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  const auto [a, b] = RandomPair(seed, 64);
  CHECK(internal::JaroBitParallel(a, b) == internal::JaroClassic(a, b));
  CHECK(internal::JaroBitParallel(b, a) == internal::JaroClassic(b, a));
}

}  // namespace
}  // namespace mdm::matchers
