// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/blocking.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "mdm/match/match_keys.h"

namespace mdm::match {
namespace {

using F = MatchField;
using T = KeyTransform;

MatchKeys Person(const std::string& given, const std::string& family) {
  SourceRecord r;
  r.name.given_key = given;
  r.name.family_key = family;
  return ExtractMatchKeys(r);
}
MatchKeys With(MatchKeys k, std::vector<std::string> emails, std::string city = "",
               std::string birth_date = "") {
  k.emails = std::move(emails);
  if (!city.empty()) k.addresses = {{"", std::move(city), ""}};
  k.birth_date = std::move(birth_date);
  return k;
}
MatchKeys WithHandle(MatchKeys k, std::string handle) {
  k.handles = {std::move(handle)};
  return k;
}
MatchKeys WithPostcode(MatchKeys k, std::string postcode) {
  k.addresses = {{std::move(postcode), "", ""}};
  return k;
}
MatchKeys WithPhone(MatchKeys k, std::string phone) {
  k.phones = {std::move(phone)};
  return k;
}

FeatureTable Table(const std::vector<MatchKeys>& rows) {
  FeatureTable t;
  for (size_t i = 0; i < rows.size(); ++i) t.Add(static_cast<int64_t>(i + 1), rows[i]);
  return t;
}

BlockingRuleConfig Rule(std::string name, std::vector<BlockingKey> keys,
                        int64_t max_block_size = 0) {
  return BlockingRuleConfig{std::move(name), std::move(keys), max_block_size, 0};
}

struct Visit {
  uint32_t lo, hi;
  int rule;
  friend bool operator<(const Visit& a, const Visit& b) {
    return std::tie(a.lo, a.hi, a.rule) < std::tie(b.lo, b.hi, b.rule);
  }
  friend bool operator==(const Visit& a, const Visit& b) {
    return std::tie(a.lo, a.hi, a.rule) == std::tie(b.lo, b.hi, b.rule);
  }
};

}  // namespace
}  // namespace mdm::match

namespace Catch {
template <>
struct StringMaker<mdm::match::Visit> {
  static std::string convert(const mdm::match::Visit& v) {
    return "(" + std::to_string(v.lo) + ", " + std::to_string(v.hi) + ", rule " +
           std::to_string(v.rule) + ")";
  }
};
}  // namespace Catch

namespace mdm::match {
namespace {

// Every visit of ForEachPair (or ForEachSampledPair), sorted; checks the
// orientation and the thread index on the way.
template <typename Run>
std::vector<Visit> Collect(int threads, Run run) {
  std::mutex mu;
  std::vector<Visit> visits;
  bool oriented = true, thread_ok = true;
  run(threads, [&](int thread, uint32_t lo, uint32_t hi, int rule) {
    std::lock_guard<std::mutex> lock(mu);
    oriented = oriented && lo < hi;
    thread_ok = thread_ok && thread >= 0 && thread < threads;
    visits.push_back({lo, hi, rule});
  });
  CHECK(oriented);
  CHECK(thread_ok);
  std::sort(visits.begin(), visits.end());
  return visits;
}

std::vector<Visit> AllPairs(Blocker& blocker, int threads) {
  return Collect(threads, [&](int n, const auto& visit) { blocker.ForEachPair(n, visit); });
}

std::vector<Visit> SampledPairs(const Blocker& blocker, int threads, int64_t max_pairs,
                                double* rate) {
  return Collect(threads, [&](int n, const auto& visit) {
    *rate = blocker.ForEachSampledPair(n, max_pairs, visit);
  });
}

// The brute-force blocker: every pair, every rule, from RowKeys() alone.
struct Expected {
  std::vector<Visit> pairs;  // (lo, hi, first rule), sorted
  std::vector<RuleReport> rules;
};

Expected BruteForce(const FeatureTable& t, const std::vector<MatchKeys>& rows,
                    const std::vector<BlockingRuleConfig>& rules, int64_t max_block_size) {
  Expected out;
  const size_t n = rows.size();
  std::vector<std::vector<std::vector<uint64_t>>> keys(rules.size());
  std::vector<std::map<uint64_t, int64_t>> counts(rules.size());
  std::vector<int64_t> caps(rules.size());
  for (size_t r = 0; r < rules.size(); ++r) {
    caps[r] = rules[r].max_block_size > 0 ? rules[r].max_block_size : max_block_size;
    for (uint32_t row = 0; row < n; ++row) {
      keys[r].push_back(RowKeys(t, row, rules[r]));
      for (uint64_t k : keys[r].back()) ++counts[r][k];
    }
    RuleReport report;
    report.rule = rules[r].name;
    for (const auto& [key, count] : counts[r]) {
      ++report.keys;
      report.largest_block = std::max(report.largest_block, count);
      if (count > caps[r]) {
        ++report.capped_blocks;
        report.cut_pairs += count * (count - 1) / 2;
      } else if (count >= 2) {
        ++report.blocks;
      }
    }
    out.rules.push_back(report);
  }
  auto crosses = [&](const BlockingRuleConfig& rule, uint32_t a, uint32_t b) {
    for (const BlockingKey& key : rule.keys) {
      if (key.transform == T::kSpelling && rows[a].handles.empty() == rows[b].handles.empty()) {
        return false;
      }
      if (key.transform == T::kNamePair &&
          (rows[a].given < rows[a].family) == (rows[b].given < rows[b].family)) {
        return false;
      }
    }
    return true;
  };
  for (uint32_t lo = 0; lo < n; ++lo) {
    for (uint32_t hi = lo + 1; hi < n; ++hi) {
      for (size_t r = 0; r < rules.size(); ++r) {
        if (!crosses(rules[r], lo, hi)) continue;
        bool shared = false;
        for (uint64_t k : keys[r][lo]) {
          const auto& other = keys[r][hi];
          shared = shared || (counts[r][k] <= caps[r] &&
                              std::find(other.begin(), other.end(), k) != other.end());
        }
        if (shared) {
          out.pairs.push_back({lo, hi, static_cast<int>(r)});
          ++out.rules[r].pairs;
          break;
        }
      }
    }
  }
  return out;
}

// A small table of synthetic people that share names, sounds, e-mails,
// places and handles often enough to form blocks, caps and swaps.
std::vector<MatchKeys> RandomRows(uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<std::string>& pool) {
    return pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(rng)];
  };
  const std::vector<std::string> givens = {"jeanne", "jean", "julie",   "claire", "marc",
                                           "j",      "",     "garnier", "roux"};
  const std::vector<std::string> families = {"garnier", "garnie", "roux",   "rousse", "martin",
                                             "marten",  "jeanne", "claire", ""};
  const std::vector<std::string> emails = {"jgarnier@example.org", "cabinet@example.org",
                                           "croux@example.org", "jgarnier+x@other.example"};
  const std::vector<std::string> cities = {"paris", "lyon", ""};
  const std::vector<std::string> dates = {"1970-02-14", "1970", "1981-03-04", ""};
  const std::vector<std::string> handles = {"drjgarnier", "claireroux", "jm", "marcmartin2"};
  const int rows = std::uniform_int_distribution<int>(2, 24)(rng);
  std::vector<MatchKeys> out;
  for (int i = 0; i < rows; ++i) {
    MatchKeys k = Person(pick(givens), pick(families));
    const int email_count = std::uniform_int_distribution<int>(0, 2)(rng);
    std::vector<std::string> e;
    for (int j = 0; j < email_count; ++j) e.push_back(pick(emails));
    std::sort(e.begin(), e.end());
    e.erase(std::unique(e.begin(), e.end()), e.end());
    k = With(std::move(k), e, pick(cities), pick(dates));
    if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) k.handles = {pick(handles)};
    // Now and then the same person again with given and family names
    // swapped, sharing everything else: swaps meet the other rules too.
    if (!out.empty() && std::uniform_int_distribution<int>(0, 3)(rng) == 0) {
      const MatchKeys& earlier = out[std::uniform_int_distribution<size_t>(0, out.size() - 1)(rng)];
      k = earlier;
      const MatchKeys swapped = Person(earlier.family, earlier.given);
      k.given = swapped.given;
      k.family = swapped.family;
      k.given_sounds = swapped.given_sounds;
      k.family_sounds = swapped.family_sounds;
      k.family_phonex = swapped.family_phonex;
    }
    out.push_back(std::move(k));
  }
  return out;
}

std::vector<BlockingRuleConfig> DifferentialRules() {
  return {
      Rule("swap", {{F::kFamilyName, T::kNamePair, 0}}),
      Rule("email", {{F::kEmail, T::kExact, 0}}, 3),
      Rule("spelling", {{F::kSocialHandle, T::kSpelling, 0}}),
      Rule("sound_initial", {{F::kFamilyName, T::kPhonetic, 0}, {F::kGivenName, T::kInitial, 0}}),
      Rule("city_year", {{F::kCity, T::kExact, 0}, {F::kBirthDate, T::kYear, 0}}),
      Rule("local_part", {{F::kEmail, T::kLocalPart, 0}}, 8),
      Rule("family_prefix", {{F::kFamilyName, T::kPrefix, 3}}),
  };
}

TEST_CASE("Blocker: visits exactly the pairs brute force finds, each once", "[match]") {
  const uint32_t seed = GENERATE(take(60, random(0u, 1u << 30)));
  const int threads = GENERATE(1, 2);
  CAPTURE(seed, threads);
  const std::vector<MatchKeys> rows = RandomRows(seed);
  const FeatureTable t = Table(rows);
  const std::vector<BlockingRuleConfig> rules = DifferentialRules();
  constexpr int64_t kCap = 5;
  const Expected expected = BruteForce(t, rows, rules, kCap);

  Blocker blocker(t, rules, kCap, threads);
  const std::vector<Visit> visits = AllPairs(blocker, threads);
  CHECK(visits == expected.pairs);  // sorted: equal means each once, same rule

  const BlockingReport& report = blocker.report();
  CHECK(report.rows == static_cast<int64_t>(rows.size()));
  CHECK(report.candidate_pairs == static_cast<int64_t>(expected.pairs.size()));
  const double all = static_cast<double>(rows.size()) * (rows.size() - 1) / 2;
  CHECK_THAT(
      report.reduction_ratio,
      Catch::Matchers::WithinAbs(1 - static_cast<double>(expected.pairs.size()) / all, 1e-12));
  REQUIRE(report.rules.size() == rules.size());
  for (size_t r = 0; r < rules.size(); ++r) {
    CAPTURE(rules[r].name);
    const RuleReport& got = report.rules[r];
    const RuleReport& want = expected.rules[r];
    CHECK(got.rule == want.rule);
    CHECK(got.keys == want.keys);
    CHECK(got.blocks == want.blocks);
    CHECK(got.largest_block == want.largest_block);
    CHECK(got.pairs == want.pairs);
    CHECK(got.capped_blocks == want.capped_blocks);
    CHECK(got.cut_pairs == want.cut_pairs);
  }

  // PairingRule agrees for every pair, in both orientations.
  size_t next = 0;
  for (uint32_t lo = 0; lo < rows.size(); ++lo) {
    for (uint32_t hi = lo + 1; hi < rows.size(); ++hi) {
      std::optional<int> want;
      if (next < expected.pairs.size() && expected.pairs[next].lo == lo &&
          expected.pairs[next].hi == hi) {
        want = expected.pairs[next++].rule;
      }
      CAPTURE(lo, hi);
      CHECK(blocker.PairingRule(lo, hi) == want);
      CHECK(blocker.PairingRule(hi, lo) == want);
    }
  }

  // A sample larger than every block visits the same pairs.
  double rate = 0;
  CHECK(SampledPairs(blocker, threads, 1'000'000, &rate) == expected.pairs);
  CHECK(rate == 1.0);
}

TEST_CASE("Blocker: a pair shared by two rules is visited once", "[match]") {
  const std::vector<MatchKeys> rows = {
      WithPhone(With(Person("jeanne", "garnier"), {"cabinet@example.org", "jg@example.org"}),
                "+33199000001"),
      WithPhone(With(Person("claire", "roux"), {"cabinet@example.org", "jg@example.org"}),
                "+33199000001"),
      WithPhone(Person("marc", "martin"), "+33199000001"),
  };
  const FeatureTable t = Table(rows);
  Blocker blocker(
      t, {Rule("email", {{F::kEmail, T::kExact, 0}}), Rule("phone", {{F::kPhone, T::kExact, 0}})},
      500);
  CHECK(AllPairs(blocker, 1) == std::vector<Visit>{{0, 1, 0}, {0, 2, 1}, {1, 2, 1}});
  const BlockingReport& report = blocker.report();
  CHECK(report.rules[0].blocks == 2);  // two e-mails shared: two blocks, one pair
  CHECK(report.rules[0].pairs == 1);
  CHECK(report.rules[1].blocks == 1);
  CHECK(report.rules[1].pairs == 2);
  CHECK(report.candidate_pairs == 3);
  CHECK(report.reduction_ratio == 0.0);
  CHECK(blocker.PairingRule(0, 1) == 0);
  CHECK(blocker.PairingRule(2, 0) == 1);
  // Visiting again counts the pairs again, not on top of the first count.
  CHECK(AllPairs(blocker, 2).size() == 3);
  CHECK(blocker.report().candidate_pairs == 3);
  CHECK(blocker.report().rules[1].pairs == 2);
}

std::vector<MatchKeys> SharedSwitchboard(int n) {
  std::vector<MatchKeys> rows;
  for (int i = 0; i < n; ++i) {
    rows.push_back(With(Person("claire", "roux" + std::to_string(i)), {"cabinet@example.org"}));
  }
  return rows;
}

TEST_CASE("Blocker: a block larger than the cap is cut and counted", "[match]") {
  struct Case {
    std::string name;
    int64_t rule_cap, global_cap;
    bool capped;
  };
  // clang-format off
  const Case c = GENERATE(values<Case>({
      {"rule cap", 4, 500, true},
      {"global cap when the rule has none", 0, 4, true},
      {"the rule's cap before the global one", 5, 4, false},
      {"a block of exactly the cap", 0, 5, false},
  }));
  // clang-format on
  CAPTURE(c.name);
  std::vector<MatchKeys> rows = SharedSwitchboard(5);
  rows[0] = WithPhone(rows[0], "+33199000001");
  rows[3] = WithPhone(rows[3], "+33199000001");
  const FeatureTable t = Table(rows);
  Blocker blocker(t,
                  {Rule("email", {{F::kEmail, T::kExact, 0}}, c.rule_cap),
                   Rule("phone", {{F::kPhone, T::kExact, 0}})},
                  c.global_cap);
  const std::vector<Visit> visits = AllPairs(blocker, 2);
  const RuleReport& email = blocker.report().rules[0];
  CHECK(email.keys == 1);
  CHECK(email.largest_block == 5);
  if (c.capped) {
    // The capped key pairs nothing; the phone still pairs rows 0 and 3.
    CHECK(visits == std::vector<Visit>{{0, 3, 1}});
    CHECK(email.capped_blocks == 1);
    CHECK(email.cut_pairs == 10);
    CHECK(email.blocks == 0);
    CHECK(email.pairs == 0);
    CHECK(blocker.PairingRule(0, 3) == 1);
    CHECK_FALSE(blocker.PairingRule(1, 2).has_value());
  } else {
    CHECK(visits.size() == 10);
    CHECK(email.capped_blocks == 0);
    CHECK(email.cut_pairs == 0);
    CHECK(email.blocks == 1);
    CHECK(email.pairs == 10);
    CHECK(blocker.report().rules[1].pairs == 0);
    CHECK(blocker.PairingRule(0, 3) == 0);
  }
}

TEST_CASE("Blocker: a spelling rule pairs a handle only with a record without one", "[match]") {
  const std::vector<MatchKeys> rows = {
      WithHandle(Person("jeanne", "g"), "drjgarnier"),  // spells jgarnier
      Person("jeanne", "garnier"),                      // spells jgarnier
      WithHandle(Person("", "x"), "jgarnier"),          // spells jgarnier
      Person("julie", "garnier"),                       // spells jgarnier
  };
  const FeatureTable t = Table(rows);
  Blocker blocker(t, {Rule("spelling", {{F::kSocialHandle, T::kSpelling, 0}})}, 500);
  CHECK(AllPairs(blocker, 1) == std::vector<Visit>{{0, 1, 0}, {0, 3, 0}, {1, 2, 0}, {2, 3, 0}});
  CHECK_FALSE(blocker.PairingRule(0, 2).has_value());  // two handles
  CHECK_FALSE(blocker.PairingRule(1, 3).has_value());  // two names
  // The two handle rows and the two name rows do share a key.
  const BlockingRuleConfig rule = Rule("s", {{F::kSocialHandle, T::kSpelling, 0}});
  std::vector<uint64_t> a = RowKeys(t, 1, rule), b = RowKeys(t, 3, rule);
  std::vector<uint64_t> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  CHECK_FALSE(common.empty());
}

// 2026-11-29: a row whose handle spells nothing usable ("jm", under three
// characters) fell back to its name spellings and met its namesakes by name
// alone, though it sits on the handle side of the rule.
TEST_CASE("Blocker: a handle too short to spell anything pairs with no one", "[match]") {
  const FeatureTable t =
      Table({WithHandle(Person("jeanne", "garnier"), "jm"), Person("jeanne", "garnier")});
  Blocker blocker(t, {Rule("spelling", {{F::kSocialHandle, T::kSpelling, 0}})}, 500);
  CHECK(AllPairs(blocker, 1).empty());
  CHECK(RowKeys(t, 0, Rule("s", {{F::kSocialHandle, T::kSpelling, 0}})).empty());
}

TEST_CASE("Blocker: a name_pair rule pairs only names in opposite orders", "[match]") {
  const std::vector<MatchKeys> rows = {
      Person("jeanne", "garnier"), Person("garnier", "jeanne"), Person("jeanne", "garnier"),
      Person("garnier", "jeanne"), Person("jeanne", "roux"),
  };
  const FeatureTable t = Table(rows);
  Blocker blocker(t, {Rule("swap", {{F::kFamilyName, T::kNamePair, 0}})}, 500);
  CHECK(AllPairs(blocker, 2) == std::vector<Visit>{{0, 1, 0}, {0, 3, 0}, {1, 2, 0}, {2, 3, 0}});
  CHECK(blocker.report().rules[0].blocks == 1);
  CHECK(blocker.report().rules[0].largest_block == 4);
}

TEST_CASE("Blocker: an earlier rule that cannot pair two rows leaves them to later rules",
          "[match]") {
  // Both rows spell "jgarnier" but neither has a handle: the spelling rule
  // does not pair them, the e-mail rule after it does.
  const std::vector<MatchKeys> rows = {
      With(Person("jeanne", "garnier"), {"cabinet@example.org"}),
      With(Person("julie", "garnier"), {"cabinet@example.org"}),
  };
  const FeatureTable t = Table(rows);
  Blocker blocker(t,
                  {Rule("spelling", {{F::kSocialHandle, T::kSpelling, 0}}),
                   Rule("email", {{F::kEmail, T::kExact, 0}})},
                  500);
  CHECK(AllPairs(blocker, 1) == std::vector<Visit>{{0, 1, 1}});
  CHECK(blocker.PairingRule(0, 1) == 1);
}

TEST_CASE("Blocker: no rows, no rules or no shared key give no pairs", "[match]") {
  SECTION("no rows") {
    const FeatureTable t;
    Blocker blocker(t, DifferentialRules(), 500);
    CHECK(AllPairs(blocker, 2).empty());
    CHECK(blocker.report().rows == 0);
    CHECK(blocker.report().reduction_ratio == 0);
  }
  SECTION("no rules") {
    const FeatureTable t = Table({Person("jeanne", "garnier"), Person("jeanne", "garnier")});
    Blocker blocker(t, {}, 500);
    CHECK(AllPairs(blocker, 1).empty());
    CHECK(blocker.report().rules.empty());
    CHECK(blocker.report().reduction_ratio == 1.0);
    CHECK_FALSE(blocker.PairingRule(0, 1).has_value());
  }
  SECTION("nothing shared") {
    const FeatureTable t =
        Table({Person("jeanne", "garnier"), Person("claire", "roux"), Person("marc", "martin")});
    Blocker blocker(t, {Rule("family", {{F::kFamilyName, T::kExact, 0}})}, 500);
    CHECK(AllPairs(blocker, 1).empty());
    CHECK(blocker.report().rules[0].keys == 3);
    CHECK(blocker.report().rules[0].blocks == 0);
    CHECK(blocker.report().rules[0].largest_block == 1);
    CHECK(blocker.report().reduction_ratio == 1.0);
  }
}

TEST_CASE("Blocker: a small sample is a subset at about the returned rate", "[match]") {
  // 300 people over a handful of family initials and given names: about
  // 13,000 candidate pairs in blocks of 40 to 60 rows.
  std::vector<MatchKeys> rows;
  const std::vector<std::string> families = {"garnier",  "roux",    "martin",
                                             "fontaine", "bernard", "petit"};
  const std::vector<std::string> givens = {"jeanne", "claire", "marc", "julie", "jean"};
  for (int i = 0; i < 300; ++i) {
    rows.push_back(
        Person(givens[(i / 7) % givens.size()], families[i % families.size()] + std::to_string(i)));
  }
  const FeatureTable t = Table(rows);
  const std::vector<BlockingRuleConfig> rules = {
      Rule("family_initial", {{F::kFamilyName, T::kInitial, 0}}),
      Rule("given", {{F::kGivenName, T::kExact, 0}}),
  };
  Blocker blocker(t, rules, 1000);
  const int threads = GENERATE(1, 2);
  CAPTURE(threads);
  double rate = 0;
  const int64_t max_pairs = 2000;
  const std::vector<Visit> sample = SampledPairs(blocker, threads, max_pairs, &rate);
  // Sampling leaves the report alone.
  CHECK(blocker.report().candidate_pairs == 0);
  CHECK(blocker.report().rules[0].pairs == 0);

  const std::vector<Visit> all = AllPairs(blocker, threads);
  REQUIRE(all.size() > 10'000);
  CHECK(rate > 0);
  CHECK(rate < 1);
  CHECK(std::includes(all.begin(), all.end(), sample.begin(), sample.end()));
  CHECK(std::adjacent_find(sample.begin(), sample.end()) == sample.end());
  const double expected = rate * static_cast<double>(all.size());
  CAPTURE(rate, sample.size(), all.size());
  CHECK(std::abs(static_cast<double>(sample.size()) - expected) < 0.15 * expected);
  CHECK(sample.size() <= static_cast<size_t>(max_pairs * 1.15));
  // Deterministic: the same sample again.
  double again = 0;
  CHECK(SampledPairs(blocker, threads, max_pairs, &again) == sample);
  CHECK(again == rate);
}

struct KeyCase {
  std::string name;
  std::vector<BlockingKey> keys;
  MatchKeys a, b;
  bool share;
};

TEST_CASE("RowKeys: each transform makes related rows share a key", "[match]") {
  const MatchKeys garnier = Person("jeanne", "garnier");
  // clang-format off
  const KeyCase c = GENERATE_COPY(values<KeyCase>({
      {"exact", {{F::kFamilyName, T::kExact, 0}}, garnier, Person("claire", "garnier"), true},
      {"exact differs", {{F::kFamilyName, T::kExact, 0}}, garnier, Person("jeanne", "garnie"),
       false},
      {"phonetic, alternate code", {{F::kFamilyName, T::kPhonetic, 0}}, Person("jeanne", "smith"),
       Person("jeanne", "schmidt"), true},
      {"phonetic differs", {{F::kFamilyName, T::kPhonetic, 0}}, garnier, Person("jeanne", "roux"),
       false},
      {"phonetic given name", {{F::kGivenName, T::kPhonetic, 0}}, Person("jeanne", "roux"),
       Person("jean", "martin"), true},
      {"initial", {{F::kGivenName, T::kInitial, 0}}, garnier, Person("julie", "roux"), true},
      {"initial differs", {{F::kGivenName, T::kInitial, 0}}, garnier, Person("claire", "garnier"),
       false},
      {"initial of a multi-byte letter", {{F::kFamilyName, T::kInitial, 0}},
       Person("", "\xc3\xa9lodie"), Person("", "\xc3\xa9ric"), true},
      {"initial, another multi-byte letter", {{F::kFamilyName, T::kInitial, 0}},
       Person("", "\xc3\xa9lodie"), Person("", "\xc3\xa8ve"), false},
      {"prefix3", {{F::kPostcode, T::kPrefix, 3}}, WithPostcode(garnier, "75009"),
       WithPostcode(garnier, "75011"), true},
      {"prefix3 differs", {{F::kPostcode, T::kPrefix, 3}}, WithPostcode(garnier, "75009"),
       WithPostcode(garnier, "76009"), false},
      {"prefix of a short value", {{F::kPostcode, T::kPrefix, 3}}, WithPostcode(garnier, "75"),
       WithPostcode(garnier, "75"), true},
      {"no postcode, no key", {{F::kPostcode, T::kPrefix, 3}}, With(garnier, {}, "paris"),
       With(garnier, {}, "paris"), false},
      {"year", {{F::kBirthDate, T::kYear, 0}}, With(garnier, {}, "", "1970-02-14"),
       With(garnier, {}, "", "1970"), true},
      {"year differs", {{F::kBirthDate, T::kYear, 0}}, With(garnier, {}, "", "1970-02-14"),
       With(garnier, {}, "", "1971-02-14"), false},
      {"local part, tag and domain ignored", {{F::kEmail, T::kLocalPart, 0}},
       With(garnier, {"jgarnier@example.org"}), With(garnier, {"jgarnier+cabinet@other.example"}),
       true},
      {"local part differs", {{F::kEmail, T::kLocalPart, 0}},
       With(garnier, {"jgarnier@example.org"}), With(garnier, {"jeanne.garnier@example.org"}),
       false},
      {"exact e-mail with a tag differs", {{F::kEmail, T::kExact, 0}},
       With(garnier, {"jgarnier@example.org"}), With(garnier, {"jgarnier+cabinet@example.org"}),
       false},
      {"spelling, handle against name", {{F::kSocialHandle, T::kSpelling, 0}},
       WithHandle(Person("", ""), "drjgarnier"), garnier, true},
      {"spelling, handle against e-mail", {{F::kSocialHandle, T::kSpelling, 0}},
       WithHandle(Person("", ""), "claire.roux"), With(Person("", ""), {"claireroux@example.org"}),
       true},
      {"spelling, another name", {{F::kSocialHandle, T::kSpelling, 0}},
       WithHandle(Person("", ""), "drjgarnier"), Person("claire", "roux"), false},
      {"name_pair, swapped", {{F::kFamilyName, T::kNamePair, 0}}, garnier,
       Person("garnier", "jeanne"), true},
      {"name_pair, same order", {{F::kFamilyName, T::kNamePair, 0}}, garnier,
       Person("jeanne", "garnier"), true},
      {"name_pair, other names", {{F::kFamilyName, T::kNamePair, 0}}, garnier,
       Person("jeanne", "roux"), false},
      {"name_pair needs both names", {{F::kFamilyName, T::kNamePair, 0}}, Person("", "garnier"),
       Person("", "garnier"), false},
      {"two parts, both shared", {{F::kEmail, T::kExact, 0}, {F::kCity, T::kExact, 0}},
       With(garnier, {"cabinet@example.org", "jg@example.org"}, "paris"),
       With(garnier, {"jg@example.org"}, "paris"), true},
      {"two parts, one differs", {{F::kEmail, T::kExact, 0}, {F::kCity, T::kExact, 0}},
       With(garnier, {"jg@example.org"}, "paris"), With(garnier, {"jg@example.org"}, "lyon"),
       false},
      // Without a city there is no key: an e-mail alone does not block here.
      {"two parts, one missing", {{F::kEmail, T::kExact, 0}, {F::kCity, T::kExact, 0}},
       With(garnier, {"jg@example.org"}), With(garnier, {"jg@example.org"}), false},
      // The same text in two parts of a rule is not the same key.
      {"parts are not interchangeable",
       {{F::kGivenName, T::kExact, 0}, {F::kFamilyName, T::kExact, 0}}, Person("martin", "claire"),
       Person("claire", "martin"), false},
  }));
  // clang-format on
  CAPTURE(c.name);
  const FeatureTable t = Table({c.a, c.b});
  const BlockingRuleConfig rule = Rule("r", c.keys);
  const std::vector<uint64_t> a = RowKeys(t, 0, rule), b = RowKeys(t, 1, rule);
  CHECK(std::is_sorted(a.begin(), a.end()));
  CHECK(std::adjacent_find(a.begin(), a.end()) == a.end());
  std::vector<uint64_t> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  CHECK(common.empty() != c.share);
}

TEST_CASE("RowKeys: identifiers are keyed by scheme and value", "[match]") {
  auto ids = [](std::vector<IdentifierKey> list) {
    MatchKeys k = Person("jeanne", "garnier");
    k.identifiers = std::move(list);
    return k;
  };
  const FeatureTable t =
      Table({ids({{"rpps", "10000000009", true}}), ids({{"npi", "10000000009", true}}),
             ids({{"rpps", "10000000009", false}})});
  const BlockingRuleConfig rule = Rule("id", {{F::kIdentifier, T::kExact, 0}});
  CHECK(RowKeys(t, 0, rule) != RowKeys(t, 1, rule));
  CHECK(RowKeys(t, 0, rule) == RowKeys(t, 2, rule));  // validity does not matter
}

TEST_CASE("RowKeys: one key per combination of a rule's values", "[match]") {
  MatchKeys k = With(Person("jeanne", "garnier"),
                     {"cabinet@example.org", "jg@example.org", "jg@example.org"}, "paris");
  k.addresses.push_back({"69003", "lyon", ""});
  k.given_sounds = {"JN", "AN"};
  const FeatureTable t = Table({k, Person("", "")});
  struct Case {
    std::vector<BlockingKey> keys;
    size_t count;
  };
  // clang-format off
  const Case c = GENERATE(values<Case>({
      {{{F::kEmail, T::kExact, 0}}, 2},  // the repeated e-mail is one key
      {{{F::kEmail, T::kExact, 0}, {F::kCity, T::kExact, 0}}, 4},
      {{{F::kGivenName, T::kPhonetic, 0}, {F::kCity, T::kExact, 0}}, 4},
      {{{F::kGivenName, T::kInitial, 0}}, 1},
  }));
  // clang-format on
  CAPTURE(c.keys.size());
  const BlockingRuleConfig rule = Rule("r", c.keys);
  CHECK(RowKeys(t, 0, rule).size() == c.count);
  CHECK(RowKeys(t, 1, rule).empty());
  // The buffered overload gives the same keys, whatever the buffers held.
  RowKeyBuffers buffers;
  buffers.part = {1, 2, 3};
  std::vector<uint64_t> keys = {42};
  RowKeys(t, 0, rule, &buffers, &keys);
  CHECK(keys == RowKeys(t, 0, rule));
}

}  // namespace
}  // namespace mdm::match
