// SPDX-License-Identifier: Apache-2.0
// Tests of mdm/match/training.h: EM recovers a known two-class model from
// the pattern counts that model predicts, u is estimated from weighted
// samples, hard comparisons anchor EM's classes, sampling is exhaustive on
// small tables and deterministic, and TrainModel() refuses what it cannot
// learn from and gives one model whatever the number of threads. Every
// record here is synthetic.
#include "mdm/match/term_frequencies.h"
#include "mdm/match/training.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "matchers/phonetic.h"
#include "mdm/match/blocking.h"
#include "mdm/match/comparison.h"
#include "mdm/match/feature_table.h"
#include "mdm/match/match_keys.h"
#include "mdm/match/model.h"
#include "mdm/matching_config.h"

namespace mdm::match {
namespace {

LevelConfig Level(LevelKind kind, double threshold = 0) { return {kind, threshold, 0}; }

ComparisonConfig Comparison(const std::string& name, MatchField field,
                            std::vector<LevelConfig> levels, bool hard = false) {
  ComparisonConfig c;
  c.name = name;
  c.field = field;
  c.levels = std::move(levels);
  c.hard = hard;
  return c;
}

// Three comparisons of two levels each: level_count 4 (null, two, else).
std::vector<ComparisonConfig> ThreeComparisons() {
  return {Comparison("family_name", MatchField::kFamilyName,
                     {Level(LevelKind::kExact), Level(LevelKind::kJaroWinkler, 0.9)}),
          Comparison("given_name", MatchField::kGivenName,
                     {Level(LevelKind::kExact), Level(LevelKind::kJaroWinkler, 0.9)}),
          Comparison("birth_date", MatchField::kBirthDate,
                     {Level(LevelKind::kExact), Level(LevelKind::kSameYear)})};
}

uint64_t PatternOf(const std::vector<int>& levels) {
  ComparisonVector v;
  for (size_t c = 0; c < levels.size(); ++c) v.levels[c] = static_cast<uint8_t>(levels[c]);
  return v.Pattern(levels.size());
}

// Per comparison, per level (index 0 = null, unused here).
const LevelTable kTrueM = {{0, 0.85, 0.10, 0.05}, {0, 0.75, 0.15, 0.10}, {0, 0.80, 0.15, 0.05}};
const LevelTable kTrueU = {{0, 0.02, 0.08, 0.90}, {0, 0.05, 0.10, 0.85}, {0, 0.01, 0.14, 0.85}};
constexpr double kTrueLambda = 0.2;
// The birth date is missing from 30% of the pairs, whatever their class.
constexpr double kBirthNull = 0.3;

// The expected pattern counts of `pairs` candidate pairs under the true
// model, sorted by pattern.
std::vector<PatternCount> ExpectedCounts(double pairs) {
  std::vector<PatternCount> out;
  for (int a = 1; a <= 3; ++a) {
    for (int b = 1; b <= 3; ++b) {
      for (int c = 0; c <= 3; ++c) {
        const double birth_m = c == 0 ? kBirthNull : (1 - kBirthNull) * kTrueM[2][c];
        const double birth_u = c == 0 ? kBirthNull : (1 - kBirthNull) * kTrueU[2][c];
        const double p = kTrueLambda * kTrueM[0][a] * kTrueM[1][b] * birth_m +
                         (1 - kTrueLambda) * kTrueU[0][a] * kTrueU[1][b] * birth_u;
        out.push_back({PatternOf({a, b, c}), std::llround(pairs * p)});
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const PatternCount& x, const PatternCount& y) { return x.pattern < y.pattern; });
  return out;
}

TEST_CASE("RunEm: recovers m, u and the match share of a known model", "[match][training]") {
  const FeatureTable table;  // RunEm reads only the comparator's configs
  const std::vector<ComparisonConfig> cs = ThreeComparisons();
  const Comparator comparator(cs, table, DefaultNicknames());
  TrainingConfig config;
  config.max_iterations = 5000;
  config.tolerance = 1e-10;
  LevelTable u_start = kTrueU;
  SECTION("u seeded with the true u") {}
  SECTION("u seeded flat") {
    for (auto& levels : u_start) levels = {0, 1.0 / 3, 1.0 / 3, 1.0 / 3};
  }
  const EmResult em = RunEm(ExpectedCounts(1e7), comparator, u_start, config);
  CHECK(em.converged);
  CHECK(em.iterations < config.max_iterations);
  CHECK(em.match_share == Approx(kTrueLambda).margin(1e-3));
  REQUIRE(em.m.size() == 3);
  for (size_t c = 0; c < 3; ++c) {
    REQUIRE(em.m[c].size() == 4);
    CHECK(em.m[c][0] == 0);  // null levels are left out
    for (size_t l = 1; l < 4; ++l) {
      CAPTURE(c, l);
      CHECK(em.m[c][l] == Approx(kTrueM[c][l]).margin(2e-3));
    }
  }
  // RunEm() keeps its non-match class to itself; weighing the same pairs
  // by their non-match probability under EM's answer gives it back.
  LevelTable u = {{0, 1.0 / 3, 1.0 / 3, 1.0 / 3}, {0, 1.0 / 3, 1.0 / 3, 1.0 / 3},
                  {0, 1.0 / 3, 1.0 / 3, 1.0 / 3}};
  for (int round = 0; round < 200; ++round) {
    u = EstimateU(ExpectedCounts(1e7), comparator, em.match_share, em.m, u);
  }
  for (size_t c = 0; c < 3; ++c) {
    for (size_t l = 1; l < 4; ++l) {
      CAPTURE(c, l);
      CHECK(u[c][l] == Approx(kTrueU[c][l]).margin(2e-3));
    }
  }
}

TEST_CASE("RunEm: stops after max_iterations without claiming convergence",
          "[match][training]") {
  const FeatureTable table;
  const Comparator comparator(ThreeComparisons(), table, DefaultNicknames());
  TrainingConfig config;
  config.max_iterations = 2;
  config.tolerance = 1e-12;
  const EmResult em = RunEm(ExpectedCounts(1e6), comparator, kTrueU, config);
  CHECK(em.iterations == 2);
  CHECK_FALSE(em.converged);
  // Every non-null level keeps a positive m that sums to 1.
  for (const auto& levels : em.m) {
    double sum = 0;
    for (size_t l = 1; l < levels.size(); ++l) {
      CHECK(levels[l] > 0);
      sum += levels[l];
    }
    CHECK(sum == Approx(1.0));
  }
}

// An identifier comparison (hard) and an affiliation comparison, one level
// each: level_count 3 (null, exact, else).
std::vector<ComparisonConfig> AnchoredComparisons(bool second_hard) {
  return {Comparison("identifier", MatchField::kIdentifier, {Level(LevelKind::kExactValid)},
                     /*hard=*/true),
          Comparison("affiliation", MatchField::kAffiliation, {Level(LevelKind::kExact)},
                     second_hard)};
}

TEST_CASE("RunEm: a hard comparison decides the class of a pair", "[match][training]") {
  const FeatureTable table;
  TrainingConfig config;
  const LevelTable u_start = {{0, 0.5, 0.5}, {0, 0.5, 0.5}};

  SECTION("first level: a match; else level: a non-match") {
    const Comparator comparator(AnchoredComparisons(false), table, DefaultNicknames());
    // Same workplace is common among non-matches (500 pairs): left to
    // itself EM could take it for the match class. The identifier says no.
    const std::vector<PatternCount> patterns = {
        {PatternOf({1, 1}), 300}, {PatternOf({2, 1}), 500},
        {PatternOf({1, 2}), 100}, {PatternOf({2, 2}), 100}};
    const EmResult em = RunEm(patterns, comparator, u_start, config);
    // Every pair is anchored: the posteriors never move, so the second
    // iteration repeats the first.
    CHECK(em.converged);
    CHECK(em.iterations == 2);
    CHECK(em.match_share == Approx(0.4));
    // m counts only the 400 identifier matches, one pseudo-pair per level.
    CHECK(em.m[1][1] == Approx(301.0 / 402.0));
    CHECK(em.m[1][2] == Approx(101.0 / 402.0));
    CHECK(em.m[0][1] == Approx(401.0 / 402.0));
    CHECK(em.m[0][2] == Approx(1.0 / 402.0));
  }
  SECTION("one hard comparison at its first level outweighs another at else") {
    const Comparator comparator(AnchoredComparisons(true), table, DefaultNicknames());
    const std::vector<PatternCount> patterns = {
        {PatternOf({1, 2}), 50},   // identifier agrees, handle differs: match
        {PatternOf({2, 0}), 50},   // identifier differs, no handle: non-match
        {PatternOf({0, 2}), 100},  // no identifier, handles differ: non-match
    };
    const EmResult em = RunEm(patterns, comparator, u_start, config);
    CHECK(em.match_share == Approx(0.25));
    CHECK(em.m[0][1] == Approx(51.0 / 52.0));  // the 50 matches, plus one
  }
}

TEST_CASE("EstimateU: without a model, u is each level's share of the sample",
          "[match][training]") {
  const FeatureTable table;
  const Comparator comparator(ThreeComparisons(), table, DefaultNicknames());
  const std::vector<PatternCount> sample = {
      {PatternOf({1, 3, 0}), 10},
      {PatternOf({2, 3, 0}), 30},
      {PatternOf({3, 3, 2}), 60},
  };
  const LevelTable u = EstimateU(sample, comparator, 0, {}, {});
  REQUIRE(u.size() == 3);
  CHECK(u[0][0] == 0);
  CHECK(u[0][1] == Approx(0.1));
  CHECK(u[0][2] == Approx(0.3));
  CHECK(u[0][3] == Approx(0.6));
  // Levels never seen count half a pair: 0.5, 0.5, 100 out of 101.
  CHECK(u[1][1] == Approx(0.5 / 101));
  CHECK(u[1][2] == Approx(0.5 / 101));
  CHECK(u[1][3] == Approx(100.0 / 101));
  // Null levels are left out: 60 pairs at same_year, nothing else seen.
  CHECK(u[2][0] == 0);
  CHECK(u[2][1] == Approx(0.5 / 61));
  CHECK(u[2][2] == Approx(60.0 / 61));
  CHECK(u[2][3] == Approx(0.5 / 61));
}

TEST_CASE("EstimateU: a sampled pair counts by its probability of being a non-match",
          "[match][training]") {
  const FeatureTable table;
  const std::vector<ComparisonConfig> cs = {
      Comparison("family_name", MatchField::kFamilyName, {Level(LevelKind::kExact)})};
  const Comparator comparator(cs, table, DefaultNicknames());
  const std::vector<PatternCount> sample = {{PatternOf({1}), 100}, {PatternOf({2}), 900}};
  const LevelTable m = {{0, 0.9, 0.1}};
  const LevelTable u_previous = {{0, 0.1, 0.9}};
  // P(match | exact) = 0.45 / (0.45 + 0.05) = 0.9: the 100 exact pairs
  // count as 10. P(match | else) = 0.05 / 0.5 = 0.1: the 900 count as 810.
  const LevelTable u = EstimateU(sample, comparator, 0.5, m, u_previous);
  CHECK(u[0][1] == Approx(10.0 / 820.0));
  CHECK(u[0][2] == Approx(810.0 / 820.0));
  // A prior near 0 leaves the sample as it is.
  const LevelTable plain = EstimateU(sample, comparator, 1e-12, m, u_previous);
  CHECK(plain[0][1] == Approx(0.1));
}

// --- Tables ---------------------------------------------------------------

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

// `people` synthetic people, each with one to three records carrying the
// usual defects (a typo in the family name, missing e-mail, phone or birth
// date). Rows are added person by person.
FeatureTable SyntheticPeople(uint32_t seed, int people) {
  static const std::vector<std::string> kGiven = {"jean", "marie", "claire", "luc",
                                                  "sophie", "paul", "anne", "louis",
                                                  "julie", "marc", "nathalie", "pierre"};
  static const std::vector<std::string> kFamily = {
      "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit",
      "durand", "leroy", "moreau", "simon", "laurent", "lefebvre", "michel",
      "garcia", "david", "bertrand", "roux", "vincent", "fournier"};
  static const std::vector<AddressKey> kPlaces = {{"75009", "paris", "1 rue de provence"},
                                                  {"69003", "lyon", "2 place guichard"},
                                                  {"31000", "toulouse", "3 allee jean jaures"},
                                                  {"13001", "marseille", "4 la canebiere"}};
  std::mt19937 rng(seed);
  std::bernoulli_distribution typo(0.2), drop(0.3);
  FeatureTable table;
  int64_t id = 0;
  for (int p = 0; p < people; ++p) {
    const std::string given = Pick(&rng, kGiven);
    const std::string family = Pick(&rng, kFamily);
    const std::string birth = std::to_string(1950 + rng() % 50) + "-0" +
                              std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10);
    const std::string phone = "+331990" + std::to_string(10000 + rng() % 90000);
    const AddressKey place = Pick(&rng, kPlaces);
    const int records = 1 + static_cast<int>(rng() % 3);
    for (int r = 0; r < records; ++r) {
      std::string f = family;
      if (typo(rng)) f[rng() % f.size()] = 'x';
      MatchKeys k = Person(given, f);
      if (!drop(rng)) k.birth_date = birth;
      if (!drop(rng)) k.emails = {given + "." + family + "@example.org"};
      if (!drop(rng)) k.phones = {phone};
      k.addresses = {place};
      table.Add(id++, k);
    }
  }
  return table;
}

// Every pattern of the table's pairs, counted the slow way.
std::map<uint64_t, int64_t> AllPatterns(const FeatureTable& table,
                                        const Comparator& comparator) {
  std::map<uint64_t, int64_t> out;
  ComparisonVector v;
  for (uint32_t a = 0; a < table.size(); ++a) {
    for (uint32_t b = a + 1; b < table.size(); ++b) {
      comparator.Compare(a, b, &v);
      ++out[v.Pattern(comparator.size())];
    }
  }
  return out;
}

bool SamePatterns(const std::vector<PatternCount>& x, const std::vector<PatternCount>& y) {
  return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                    [](const PatternCount& a, const PatternCount& b) {
                      return a.pattern == b.pattern && a.count == b.count;
                    });
}

TEST_CASE("SamplePatterns: a small table is sampled exhaustively", "[match][training]") {
  const FeatureTable table = SyntheticPeople(7, 6);
  REQUIRE(table.size() >= 6);
  const std::vector<ComparisonConfig> cs = DefaultMatchingConfig().comparisons;
  const Comparator comparator(cs, table, DefaultNicknames());
  const int64_t all = int64_t{table.size()} * (table.size() - 1) / 2;
  const std::map<uint64_t, int64_t> want = AllPatterns(table, comparator);
  const int threads = GENERATE(1, 2, 3);
  for (const int64_t asked : {all, all + 1, int64_t{1} << 40}) {
    CAPTURE(threads, asked);
    const std::vector<PatternCount> got =
        SamplePatterns(table, comparator, asked, 99, threads);
    std::map<uint64_t, int64_t> counted;
    int64_t total = 0;
    for (size_t i = 0; i < got.size(); ++i) {
      if (i > 0) CHECK(got[i - 1].pattern < got[i].pattern);  // sorted, distinct
      counted[got[i].pattern] = got[i].count;
      total += got[i].count;
    }
    CHECK(total == all);
    CHECK(counted == want);
  }
}

TEST_CASE("SamplePatterns: a sample is deterministic and of distinct rows",
          "[match][training]") {
  // Unique family names: a row drawn against itself would be the only way
  // to reach the exact level.
  FeatureTable table;
  for (int i = 0; i < 400; ++i) table.Add(i, Person("jean", "name" + std::to_string(i)));
  const std::vector<ComparisonConfig> cs = {Comparison(
      "family_name", MatchField::kFamilyName,
      {Level(LevelKind::kExact), Level(LevelKind::kJaroWinkler, 0.95),
       Level(LevelKind::kJaroWinkler, 0.9)})};
  const Comparator comparator(cs, table, DefaultNicknames());
  // More than one chunk of 65,536 pairs, fewer than the 79,800 pairs.
  constexpr int64_t kPairs = 70'000;
  const std::vector<PatternCount> one = SamplePatterns(table, comparator, kPairs, 5, 1);
  int64_t total = 0;
  for (const PatternCount& p : one) {
    total += p.count;
    CHECK(p.pattern != PatternOf({1}));
  }
  CHECK(total == kPairs);
  REQUIRE(one.size() >= 3);
  CHECK(SamePatterns(SamplePatterns(table, comparator, kPairs, 5, 2), one));
  CHECK(SamePatterns(SamplePatterns(table, comparator, kPairs, 5, 1), one));
  CHECK_FALSE(SamePatterns(SamplePatterns(table, comparator, kPairs, 6, 1), one));
}

TEST_CASE("TrainModel: fewer than two records is FailedPrecondition", "[match][training]") {
  const MatchingConfig config = DefaultMatchingConfig();
  FeatureTable table;
  SECTION("no record") {}
  SECTION("one record") { table.Add(1, Person("jean", "martin")); }
  const Comparator comparator(config.comparisons, table, DefaultNicknames());
  Blocker blocker(table, config.blocking_rules, config.max_block_size);
  absl::StatusOr<MatchModel> model = TrainModel(table, blocker, comparator, config, 1);
  REQUIRE_FALSE(model.ok());
  CHECK(model.status().code() == absl::StatusCode::kFailedPrecondition);
}

TEST_CASE("TrainModel: no candidate pair is FailedPrecondition", "[match][training]") {
  MatchingConfig config = DefaultMatchingConfig();
  config.blocking_rules = {{"same_family", {{MatchField::kFamilyName, KeyTransform::kExact, 0}},
                            0, 0}};
  FeatureTable table;
  for (const char* family : {"martin", "bernard", "dubois", "thomas"}) {
    table.Add(table.size(), Person("jean", family));
  }
  const Comparator comparator(config.comparisons, table, DefaultNicknames());
  SECTION("rules that pair nothing") {}
  SECTION("no rule at all") { config.blocking_rules.clear(); }
  Blocker blocker(table, config.blocking_rules, config.max_block_size);
  absl::StatusOr<MatchModel> model = TrainModel(table, blocker, comparator, config, 2);
  REQUIRE_FALSE(model.ok());
  CHECK(model.status().code() == absl::StatusCode::kFailedPrecondition);
}

TEST_CASE("TrainModel: the model does not depend on the number of threads",
          "[match][training]") {
  const uint32_t seed = GENERATE(take(3, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  FeatureTable table = SyntheticPeople(seed, 120);
  MatchingConfig config = DefaultMatchingConfig();
  SECTION("every pair sampled") {}
  SECTION("u and candidate pairs sampled") {
    config.training.u_sample_pairs = 3000;
    config.training.max_candidate_pairs = 150;
  }
  ApplyTermFrequencies(CountTermFrequencies(table, TermFrequencySlots(config.comparisons)),
                       table);
  const Comparator comparator(config.comparisons, table, DefaultNicknames());
  std::vector<std::string> stored;
  MatchModel first;
  for (int threads : {1, 2, 3}) {
    CAPTURE(threads);
    Blocker blocker(table, config.blocking_rules, config.max_block_size, threads);
    absl::StatusOr<MatchModel> model = TrainModel(table, blocker, comparator, config, threads);
    REQUIRE(model.ok());
    model->training.seconds = 0;  // the one thing allowed to differ
    stored.push_back(ModelToJson(*model));
    if (threads == 1) first = *model;
  }
  CHECK(stored[1] == stored[0]);
  CHECK(stored[2] == stored[0]);

  // And the model is a sensible one.
  const int64_t n = table.size();
  CHECK(first.training.records == n);
  CHECK(first.training.u_sample_pairs ==
        std::min<int64_t>(n * (n - 1) / 2, config.training.u_sample_pairs));
  CHECK(first.training.sampled_candidate_pairs > 0);
  CHECK(first.training.em_iterations > 0);
  CHECK(first.fingerprint == ComparisonsFingerprint(config.comparisons));
  CHECK(first.prior > 0);
  CHECK(first.prior <= 0.5);
  REQUIRE(first.comparisons.size() == config.comparisons.size());
  for (size_t c = 0; c < first.comparisons.size(); ++c) {
    CAPTURE(config.comparisons[c].name);
    CHECK(first.comparisons[c].config.name == config.comparisons[c].name);
    REQUIRE(first.comparisons[c].levels.size() == config.comparisons[c].levels.size() + 2);
    for (size_t l = 1; l < first.comparisons[c].levels.size(); ++l) {
      CHECK(first.comparisons[c].levels[l].m > 0);
      CHECK(first.comparisons[c].levels[l].u > 0);
    }
  }
  // Agreeing on the family name is evidence for, disagreeing against.
  const size_t family = 1;
  REQUIRE(config.comparisons[family].name == "family_name");
  CHECK(first.LevelWeight(family, 1) > 0);
  CHECK(first.LevelWeight(family, static_cast<int>(first.comparisons[family].levels.size()) - 1) <
        0);
  // The stored text reads back.
  CHECK(ModelFromJson(stored[0]).ok());
}

}  // namespace
}  // namespace mdm::match
