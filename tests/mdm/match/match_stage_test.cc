// SPDX-License-Identifier: Apache-2.0
// Tests of mdm/match/match_stage.h: ScoreCandidates() against scoring every
// candidate pair in full (differential, seeded: dropping pairs early must
// change no decision), the order of its output, and cannot-link demotion.
// Every record here is synthetic.
#include "mdm/match/match_stage.h"
#include "mdm/match/term_frequencies.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "matchers/phonetic.h"
#include "mdm/match/blocking.h"
#include "mdm/match/cannot_link.h"
#include "mdm/match/comparison.h"
#include "mdm/match/feature_table.h"
#include "mdm/match/match_keys.h"
#include "mdm/match/model.h"
#include "mdm/match/scorer.h"
#include "mdm/matching_config.h"

namespace mdm::match {
namespace {

std::vector<std::string> Sounds(const std::string& key) {
  if (key.empty()) return {};
  matchers::DoubleMetaphoneCodes codes = matchers::DoubleMetaphone(key);
  std::vector<std::string> out;
  if (!codes.primary.empty()) out.push_back(codes.primary);
  if (!codes.alternate.empty() && (out.empty() || codes.alternate != out[0])) {
    out.push_back(codes.alternate);
  }
  return out;
}

MatchKeys Person(const std::string& given, const std::string& family) {
  MatchKeys k;
  k.given = given;
  k.family = family;
  k.given_sounds = Sounds(given);
  k.family_sounds = Sounds(family);
  k.family_phonex = family.empty() ? "" : matchers::Phonex(family);
  return k;
}

template <typename T>
const T& Pick(std::mt19937* rng, const std::vector<T>& pool) {
  return pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(*rng)];
}

// Small pools, so that blocks form and pairs land in every band.
MatchKeys RandomKeys(std::mt19937* rng) {
  static const std::vector<std::string> kGiven = {"jean", "jeanne", "j p", "marie",
                                                  "mario", "claire", "luc", "lucas"};
  static const std::vector<std::string> kFamily = {"martin", "martine", "durand",
                                                   "durant", "petit", "claire"};
  static const std::vector<std::string> kDates = {"1970-02-13", "1970-13-02", "1970",
                                                  "1981-06-01", ""};
  static const std::vector<std::string> kEmails = {"jean.martin@example.org",
                                                   "jean.martin@example.net",
                                                   "c.durand@example.org"};
  static const std::vector<std::string> kPhones = {"+33199000001", "+33199000002"};
  static const std::vector<AddressKey> kAddresses = {
      {"75009", "paris", "12 boulevard haussmann"}, {"75010", "paris", "3 rue de provence"},
      {"69003", "lyon", "1 place guichard"}};
  static const std::vector<std::string> kHandles = {"jeanmartin", "drmartin", "cdurand"};
  static const std::vector<IdentifierKey> kIds = {
      {"rpps", "10000000009", true}, {"rpps", "10000000017", true},
      {"rpps", "10000000025", false}, {"npi", "1234567893", true}};
  std::bernoulli_distribution often(0.6), sometimes(0.3);
  MatchKeys k = Person(Pick(rng, kGiven), Pick(rng, kFamily));
  k.birth_date = Pick(rng, kDates);
  if (often(*rng)) k.gender = sometimes(*rng) ? "F" : "M";
  if (sometimes(*rng)) k.emails.push_back(Pick(rng, kEmails));
  if (sometimes(*rng)) k.phones.push_back(Pick(rng, kPhones));
  if (often(*rng)) k.addresses.push_back(Pick(rng, kAddresses));
  if (sometimes(*rng)) k.identifiers.push_back(Pick(rng, kIds));
  if (sometimes(*rng)) k.handles.push_back(Pick(rng, kHandles));
  return k;
}

void ComputeTermFrequencies(FeatureTable* table, const std::vector<ComparisonConfig>& cs) {
  ApplyTermFrequencies(CountTermFrequencies(*table, TermFrequencySlots(cs)), *table);
}

// Random m and u in (0, 1]: weights of both signs on every level.
MatchModel RandomModel(const std::vector<ComparisonConfig>& cs, std::mt19937* rng) {
  std::uniform_real_distribution<double> exponent(-10, 0);
  MatchModel model;
  model.prior = std::exp2(std::uniform_real_distribution<double>(-12, -2)(*rng));
  for (const ComparisonConfig& c : cs) {
    ComparisonParameters p{c, std::vector<LevelParameters>(c.levels.size() + 2)};
    for (size_t l = 1; l < p.levels.size(); ++l) {
      p.levels[l] = {std::exp2(exponent(*rng)), std::exp2(exponent(*rng))};
    }
    model.comparisons.push_back(p);
  }
  model.fingerprint = ComparisonsFingerprint(cs);
  return model;
}

std::tuple<uint32_t, uint32_t, double, MatchDecision, int> Key(const ScoredPair& p) {
  return {p.lo, p.hi, p.weight, p.decision, p.conflict_scheme};
}

// What ScoreCandidates() must give: every candidate pair compared in full.
ScoreOutput ScoreEveryPair(Blocker& blocker, const Comparator& comparator,
                           const Scorer& scorer, const CannotLink& cannot_link) {
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  blocker.ForEachPair(1, [&](int, uint32_t lo, uint32_t hi, int) { pairs.push_back({lo, hi}); });
  std::sort(pairs.begin(), pairs.end());
  ScoreOutput out;
  ComparisonVector v;
  for (const auto& [lo, hi] : pairs) {
    comparator.Compare(lo, hi, &v);
    const double weight = scorer.MatchWeight(v);
    MatchDecision decision = scorer.DecideVector(comparator, v, weight);
    if (decision == MatchDecision::kDistinct) {
      ++out.distinct;
      continue;
    }
    const int conflict = cannot_link.Conflict(lo, hi);
    if (decision == MatchDecision::kAutoMerge && conflict >= 0) {
      decision = MatchDecision::kReview;
      ++out.conflicts;
    }
    ++(decision == MatchDecision::kAutoMerge ? out.auto_merge : out.review);
    out.pairs.push_back({lo, hi, weight, decision, conflict});
  }
  return out;
}

// The weight at `quantile` of the candidate pairs' weights, as a probability.
double BandAt(const std::vector<double>& sorted_weights, double quantile) {
  const size_t i = static_cast<size_t>(quantile * static_cast<double>(sorted_weights.size() - 1));
  return ProbabilityOfWeight(sorted_weights[i]);
}

TEST_CASE("ScoreCandidates: early exit decides every pair as full scoring does",
          "[match][score][property]") {
  const uint32_t seed = GENERATE(take(40, random(0u, 0xFFFFFFFFu)));
  const int threads = GENERATE(1, 2);
  CAPTURE(seed, threads);
  std::mt19937 rng(seed);
  const MatchingConfig config = DefaultMatchingConfig();
  FeatureTable table;
  const int rows = std::uniform_int_distribution<int>(10, 60)(rng);
  for (int i = 0; i < rows; ++i) table.Add(100 + i, RandomKeys(&rng));
  ComputeTermFrequencies(&table, config.comparisons);
  const MatchModel model = RandomModel(config.comparisons, &rng);
  Comparator comparator(config.comparisons, table, DefaultNicknames());
  Blocker blocker(table, config.blocking_rules, config.max_block_size);
  const CannotLink cannot_link(table, config.cannot_link_schemes);

  // Bands at quantiles of the candidate pairs' weights, so each is used.
  std::vector<double> weights;
  {
    const Scorer probe(model, 0.5, 0.5);
    ComparisonVector v;
    blocker.ForEachPair(1, [&](int, uint32_t lo, uint32_t hi, int) {
      comparator.Compare(lo, hi, &v);
      weights.push_back(probe.MatchWeight(v));
    });
  }
  if (weights.size() < 2) return;  // too few candidate pairs to say anything
  std::sort(weights.begin(), weights.end());
  const double review = BandAt(weights, std::uniform_real_distribution<double>(0, 0.8)(rng));
  const double auto_merge = std::max(review, BandAt(weights, 0.8));
  CAPTURE(review, auto_merge);
  const Scorer scorer(model, auto_merge, review);
  if (rng() % 2 == 0) comparator.PrioritizeBy(scorer.MaxContributions(comparator, table));

  const ScoreOutput want = ScoreEveryPair(blocker, comparator, scorer, cannot_link);
  const ScoreOutput got =
      ScoreCandidates(blocker, table, comparator, scorer, cannot_link, threads);
  CHECK(got.auto_merge == want.auto_merge);
  CHECK(got.review == want.review);
  CHECK(got.distinct == want.distinct);
  CHECK(got.conflicts == want.conflicts);
  CHECK(got.auto_merge + got.review + got.distinct ==
        static_cast<int64_t>(weights.size()));
  CHECK(static_cast<int64_t>(got.pairs.size()) == got.auto_merge + got.review);
  REQUIRE(got.pairs.size() == want.pairs.size());
  for (size_t i = 0; i < want.pairs.size(); ++i) {
    CAPTURE(i, want.pairs[i].lo, want.pairs[i].hi);
    CHECK(Key(got.pairs[i]) == Key(want.pairs[i]));
  }
}

TEST_CASE("ScoreCandidates: pairs come back sorted by (lo, hi), each once",
          "[match][score]") {
  const uint32_t seed = GENERATE(take(10, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  std::mt19937 rng(seed);
  const MatchingConfig config = DefaultMatchingConfig();
  FeatureTable table;
  for (int i = 0; i < 80; ++i) table.Add(i, RandomKeys(&rng));
  ComputeTermFrequencies(&table, config.comparisons);
  const MatchModel model = RandomModel(config.comparisons, &rng);
  const Comparator comparator(config.comparisons, table, DefaultNicknames());
  Blocker blocker(table, config.blocking_rules, config.max_block_size);
  const CannotLink cannot_link(table, config.cannot_link_schemes);
  // A review band low enough that most candidate pairs are kept.
  const Scorer scorer(model, 0.5, 1e-6);
  const ScoreOutput one = ScoreCandidates(blocker, table, comparator, scorer, cannot_link, 1);
  const ScoreOutput two = ScoreCandidates(blocker, table, comparator, scorer, cannot_link, 2);
  REQUIRE(one.pairs.size() > 1);
  for (size_t i = 0; i < one.pairs.size(); ++i) {
    CAPTURE(i);
    CHECK(one.pairs[i].lo < one.pairs[i].hi);
    if (i > 0) {
      CHECK(std::make_pair(one.pairs[i - 1].lo, one.pairs[i - 1].hi) <
            std::make_pair(one.pairs[i].lo, one.pairs[i].hi));
    }
  }
  // The thread count changes nothing.
  REQUIRE(two.pairs.size() == one.pairs.size());
  for (size_t i = 0; i < one.pairs.size(); ++i) CHECK(Key(two.pairs[i]) == Key(one.pairs[i]));
  CHECK(two.distinct == one.distinct);
}

// Four records of "jean martin" sharing an e-mail; rows 0 and 2 hold RPPS
// A, row 1 RPPS B, row 3 none. Names and e-mail say "same person".
struct ConflictFixture {
  ConflictFixture() {
    const std::vector<IdentifierKey> ids[] = {
        {{"rpps", "10000000009", true}},
        {{"rpps", "10000000017", true}},
        {{"rpps", "10000000009", true}},
        {}};
    for (uint32_t row = 0; row < 4; ++row) {
      MatchKeys k = Person("jean", "martin");
      k.emails = {"jean.martin@example.org"};
      k.identifiers = ids[row];
      table.Add(row, k);
    }
    LevelConfig exact{LevelKind::kExact, 0, 0};
    comparisons = {{"family_name", MatchField::kFamilyName, {}, {exact}, false, false, 0},
                   {"given_name", MatchField::kGivenName, {}, {exact}, false, false, 0},
                   {"email", MatchField::kEmail, {}, {exact}, false, false, 0}};
    model.prior = 0.01;
    for (const ComparisonConfig& c : comparisons) {
      model.comparisons.push_back({c, {{0, 0}, {0.9, 0.001}, {0.1, 0.999}}});
    }
    model.fingerprint = ComparisonsFingerprint(comparisons);
    rules = {{"same_email", {{MatchField::kEmail, KeyTransform::kExact, 0}}, 0, 0}};
  }

  FeatureTable table;
  std::vector<ComparisonConfig> comparisons;
  std::vector<BlockingRuleConfig> rules;
  MatchModel model;
};

TEST_CASE("ScoreCandidates: a cannot-link conflict in the auto-merge band goes to review",
          "[match][score]") {
  ConflictFixture f;
  const Comparator comparator(f.comparisons, f.table, DefaultNicknames());
  Blocker blocker(f.table, f.rules, 500);
  const CannotLink cannot_link(f.table, {"rpps", "npi"});
  const int rpps = f.table.SchemeIndex("rpps");
  REQUIRE(rpps >= 0);
  const int threads = GENERATE(1, 2);
  CAPTURE(threads);

  SECTION("demoted and counted") {
    const Scorer scorer(f.model, 0.99, 0.5);  // every pair weighs ~20: auto-merge
    const ScoreOutput out =
        ScoreCandidates(blocker, f.table, comparator, scorer, cannot_link, threads);
    REQUIRE(out.pairs.size() == 6);
    CHECK(out.auto_merge == 4);
    CHECK(out.review == 2);
    CHECK(out.conflicts == 2);
    CHECK(out.distinct == 0);
    for (const ScoredPair& p : out.pairs) {
      CAPTURE(p.lo, p.hi);
      const bool conflict = (p.lo == 1) != (p.hi == 1) && p.lo != 3 && p.hi != 3;
      CHECK(p.decision == (conflict ? MatchDecision::kReview : MatchDecision::kAutoMerge));
      CHECK(p.conflict_scheme == (conflict ? rpps : -1));
      CHECK(ProbabilityOfWeight(p.weight) >= 0.99);
    }
  }
  SECTION("a conflict already in the review band is not counted as demoted") {
    const Scorer scorer(f.model, 0.9999999, 0.5);  // ~20 is review now
    const ScoreOutput out =
        ScoreCandidates(blocker, f.table, comparator, scorer, cannot_link, threads);
    REQUIRE(out.pairs.size() == 6);
    CHECK(out.auto_merge == 0);
    CHECK(out.review == 6);
    CHECK(out.conflicts == 0);
    // The conflict is still reported on the pair.
    CHECK(out.pairs[0].lo == 0);
    CHECK(out.pairs[0].hi == 1);
    CHECK(out.pairs[0].conflict_scheme == rpps);
  }
  SECTION("schemes outside the cannot-link list do not conflict") {
    const CannotLink npi_only(f.table, {"npi"});
    const Scorer scorer(f.model, 0.99, 0.5);
    const ScoreOutput out =
        ScoreCandidates(blocker, f.table, comparator, scorer, npi_only, threads);
    CHECK(out.auto_merge == 6);
    CHECK(out.conflicts == 0);
  }
}

TEST_CASE("ScoreCandidates: an invalid identifier never conflicts", "[match][score]") {
  FeatureTable table;
  for (uint32_t row = 0; row < 2; ++row) {
    MatchKeys k = Person("jean", "martin");
    k.emails = {"jean.martin@example.org"};
    k.identifiers = {{"rpps", row == 0 ? "10000000009" : "10000000010", row == 0}};
    table.Add(row, k);
  }
  ConflictFixture f;  // for its comparisons, model and rule
  const Comparator comparator(f.comparisons, table, DefaultNicknames());
  Blocker blocker(table, f.rules, 500);
  const CannotLink cannot_link(table, {"rpps"});
  const Scorer scorer(f.model, 0.99, 0.5);
  const ScoreOutput out = ScoreCandidates(blocker, table, comparator, scorer, cannot_link, 1);
  REQUIRE(out.pairs.size() == 1);
  CHECK(out.pairs[0].decision == MatchDecision::kAutoMerge);
  CHECK(out.pairs[0].conflict_scheme == -1);
  CHECK(out.conflicts == 0);
}

TEST_CASE("ScoreCandidates: pairs below the review band are only counted", "[match][score]") {
  ConflictFixture f;
  const Comparator comparator(f.comparisons, f.table, DefaultNicknames());
  Blocker blocker(f.table, f.rules, 500);
  const CannotLink cannot_link(f.table, {"rpps"});
  const Scorer scorer(f.model, 0.999999999, 0.99999999);  // every pair weighs ~22.8
  const ScoreOutput out = ScoreCandidates(blocker, f.table, comparator, scorer, cannot_link, 2);
  CHECK(out.pairs.empty());
  CHECK(out.distinct == 6);
  CHECK(out.review == 0);
  CHECK(out.auto_merge == 0);
  CHECK(out.conflicts == 0);
}

TEST_CASE("ScoreCandidates: a review band of 1.0 keeps what Decide keeps",
          "[match][score]") {
  ConflictFixture f;
  for (ComparisonParameters& c : f.model.comparisons) c.levels[1] = {1.0, std::exp2(-30)};
  const Comparator comparator(f.comparisons, f.table, DefaultNicknames());
  Blocker blocker(f.table, f.rules, 500);
  const CannotLink cannot_link(f.table, {});
  const Scorer scorer(f.model, 1.0, 1.0);
  const ScoreOutput want = ScoreEveryPair(blocker, comparator, scorer, cannot_link);
  REQUIRE(want.auto_merge == 6);  // weight ~83: probability 1.0
  const ScoreOutput got = ScoreCandidates(blocker, f.table, comparator, scorer, cannot_link, 1);
  CHECK(got.auto_merge == want.auto_merge);
  CHECK(got.pairs.size() == want.pairs.size());
}

}  // namespace
}  // namespace mdm::match
