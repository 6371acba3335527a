// SPDX-License-Identifier: Apache-2.0
// Tests of mdm/match/scorer.h: the Fellegi-Sunter sum (prior, level weights
// and term-frequency adjustments), the decision bands, explanations, the
// per-comparison bounds scoring relies on to drop pairs early, and
// WeighsLessThan() against the full weight on random tables (differential,
// seeded). Every record here is synthetic.
#include "mdm/match/scorer.h"
#include "mdm/match/term_frequencies.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "matchers/phonetic.h"
#include "mdm/match/comparison.h"
#include "mdm/match/feature_table.h"
#include "mdm/match/match_keys.h"
#include "mdm/match/model.h"
#include "mdm/matching_config.h"

namespace mdm::match {
namespace {

// --- Synthetic rows -------------------------------------------------------

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

// Small pools so that random rows agree on every kind of level often.
MatchKeys RandomKeys(std::mt19937* rng) {
  static const std::vector<std::string> kGiven = {
      "jean", "jeanne", "jean pierre", "j p", "j", "marie", "mario", "claire",
      "clara", "luc", "lucas", "martin", ""};
  static const std::vector<std::string> kFamily = {
      "martin", "martine", "marten", "durand", "durant", "petit", "lefebvre",
      "lefevre", "claire", "jean", "l", ""};
  static const std::vector<std::string> kDates = {
      "1970-02-13", "1970-13-02", "1970-02-14", "1970-02-31", "1970", "1971-02-13",
      "1980-06", ""};
  static const std::vector<std::string> kEmails = {
      "jean.martin@example.org", "jean.martin@example.net", "c.durand@example.org",
      "marie@example.com"};
  static const std::vector<std::string> kPhones = {"+33199000001", "+33199000002",
                                                   "+33199000010", "+15550100"};
  static const std::vector<AddressKey> kAddresses = {
      {"75009", "paris", "12 boulevard haussmann"}, {"75009", "paris", "3 rue de provence"},
      {"75010", "paris", "12 boulevard haussmann"}, {"69003", "lyon", "1 place guichard"},
      {"", "lyon", "1 place guichard"}, {"75001", "", ""}};
  static const std::vector<std::string> kSpecialties = {"cardiology", "oncology", "~chamane"};
  static const std::vector<std::string> kAffiliations = {
      "chu de lyon", "chu lyon", "hopital saint louis", "clinique du parc"};
  static const std::vector<std::string> kHandles = {"jeanmartin", "drmartin", "cdurand",
                                                    "marie_petit", "lucas42"};
  static const std::vector<IdentifierKey> kIds = {
      {"rpps", "10000000009", true}, {"rpps", "10000000017", true},
      {"rpps", "10000000019", false}, {"npi", "1234567893", true}, {"crm", "C1", false}};
  std::bernoulli_distribution often(0.6), sometimes(0.3);
  MatchKeys k = Person(Pick(rng, kGiven), Pick(rng, kFamily));
  if (sometimes(*rng)) k.maiden = Pick(rng, kFamily);
  k.birth_date = Pick(rng, kDates);
  if (often(*rng)) k.gender = sometimes(*rng) ? "F" : "M";
  for (int i = 0; i < 2; ++i) {
    if (sometimes(*rng)) k.emails.push_back(Pick(rng, kEmails));
    if (sometimes(*rng)) k.phones.push_back(Pick(rng, kPhones));
    if (often(*rng)) k.addresses.push_back(Pick(rng, kAddresses));
    if (sometimes(*rng)) k.identifiers.push_back(Pick(rng, kIds));
  }
  if (often(*rng)) k.specialties.push_back(Pick(rng, kSpecialties));
  if (sometimes(*rng)) k.affiliations.push_back(Pick(rng, kAffiliations));
  if (sometimes(*rng)) k.handles.push_back(Pick(rng, kHandles));
  return k;
}

// Term frequencies of every slot a term-frequency level reads, as training
// counts them.
void ComputeTermFrequencies(FeatureTable* table, const std::vector<ComparisonConfig>& cs) {
  ApplyTermFrequencies(CountTermFrequencies(*table, TermFrequencySlots(cs)), *table);
}

// A model for `cs` with random m and u in (0, 1] and a random prior.
MatchModel RandomModel(const std::vector<ComparisonConfig>& cs, std::mt19937* rng) {
  std::uniform_real_distribution<double> exponent(-12, 0);
  MatchModel model;
  model.prior = std::exp2(std::uniform_real_distribution<double>(-20, -2)(*rng));
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

// --- A small fixed setting ------------------------------------------------

LevelConfig Level(LevelKind kind, double threshold = 0) { return {kind, threshold, 0}; }

ComparisonConfig Comparison(const std::string& name, MatchField field,
                            std::vector<LevelConfig> levels, bool tf = false) {
  ComparisonConfig c;
  c.name = name;
  c.field = field;
  c.levels = std::move(levels);
  c.term_frequency = tf;
  return c;
}

// family_name (exact with term frequencies, jaro_winkler>=0.9), birth_date
// (exact, same_year), address (same_street, same_city with term
// frequencies).
std::vector<ComparisonConfig> SmallComparisons() {
  return {Comparison("family_name", MatchField::kFamilyName,
                     {Level(LevelKind::kExact), Level(LevelKind::kJaroWinkler, 0.9)}, true),
          Comparison("birth_date", MatchField::kBirthDate,
                     {Level(LevelKind::kExact), Level(LevelKind::kSameYear)}),
          Comparison("address", MatchField::kAddress,
                     {Level(LevelKind::kSameStreet), Level(LevelKind::kSameCity)}, true)};
}

MatchModel SmallModel() {
  MatchModel model;
  model.model_id = 3;
  model.prior = 1.0 / 1025.0;  // weight -10
  const std::vector<ComparisonConfig> cs = SmallComparisons();
  model.comparisons = {
      {cs[0], {{0, 0}, {0.8, 0.05}, {0.15, 0.15}, {0.05, 0.8}}},
      {cs[1], {{0, 0}, {0.9, 0.01}, {0.08, 0.16}, {0.02, 0.83}}},
      {cs[2], {{0, 0}, {0.5, 0.001}, {0.4, 0.2}, {0.1, 0.799}}},
  };
  model.fingerprint = ComparisonsFingerprint(cs);
  return model;
}

// Rows: 0 and 1 agree on everything (a common family name); 2 shares the
// family name with a typo; 3 is a rare family name with no address.
FeatureTable SmallTable() {
  FeatureTable table;
  MatchKeys a = Person("jean", "martin");
  a.birth_date = "1970-02-13";
  a.addresses = {{"75009", "paris", "12 boulevard haussmann"}};
  MatchKeys b = a;
  MatchKeys c = Person("jean", "martine");
  c.birth_date = "1970-05-01";
  c.addresses = {{"69003", "lyon", "1 place guichard"}};
  MatchKeys d = Person("claire", "quemeneur");
  d.birth_date = "1985-01-01";
  table.Add(10, a);
  table.Add(11, b);
  table.Add(12, c);
  table.Add(13, d);
  ComputeTermFrequencies(&table, SmallComparisons());
  return table;
}

double Log2Ratio(double m, double u) { return std::log2(m / u); }

TEST_CASE("Scorer: MatchWeight is the prior plus level weights plus tf adjustments",
          "[match][scorer]") {
  const MatchModel model = SmallModel();
  const Scorer scorer(model, 0.9, 0.5);
  ComparisonVector v;
  SECTION("all null: the prior alone") {
    CHECK(scorer.MatchWeight(v) == Approx(-10.0));
  }
  SECTION("levels without term frequencies") {
    v.levels[0] = 2;  // jaro_winkler
    v.levels[1] = 1;  // exact date
    v.levels[2] = 3;  // else
    const double want = -10 + Log2Ratio(0.15, 0.15) + Log2Ratio(0.9, 0.01) +
                        Log2Ratio(0.1, 0.799);
    CHECK(scorer.MatchWeight(v) == Approx(want));
  }
  SECTION("an exact family name on a value a quarter of the records carry") {
    v.levels[0] = 1;
    v.tf[0] = 0.25F;
    v.levels[1] = 3;
    // m/u becomes m/tf: log2(0.8/0.05) + log2(0.05/0.25) = log2(0.8/0.25).
    const double want = -10 + Log2Ratio(0.8, 0.25) + Log2Ratio(0.02, 0.83);
    CHECK(scorer.MatchWeight(v) == Approx(want));
  }
  SECTION("a tf on the null level adds nothing") {
    v.tf[0] = 0.5F;
    CHECK(scorer.MatchWeight(v) == Approx(-10.0));
  }
}

TEST_CASE("Scorer: TfAdjustment is log2(u / tf)", "[match][scorer]") {
  const MatchModel model = SmallModel();
  const Scorer scorer(model, 0.9, 0.5);
  CHECK(scorer.TfAdjustment(0, 1, 0.05F) == Approx(0.0).margin(1e-6));  // tf == u
  CHECK(scorer.TfAdjustment(0, 1, 0.5F) == Approx(std::log2(0.1)));     // common value
  CHECK(scorer.TfAdjustment(0, 1, 0.001F) == Approx(std::log2(50.0)));  // rare value
  CHECK(scorer.TfAdjustment(2, 2, 0.1F) == Approx(std::log2(2.0)));
  CHECK(scorer.TfAdjustment(0, 1, 0.0F) == 0);   // no term frequency
  CHECK(scorer.TfAdjustment(0, 0, 0.25F) == 0);  // null level
  // A tf too small to be real stays finite.
  CHECK(std::isfinite(scorer.TfAdjustment(0, 1, std::numeric_limits<float>::denorm_min())));
  // Contribution() is the level weight plus the adjustment.
  CHECK(scorer.Contribution(0, 1, 0.5F) ==
        Approx(Log2Ratio(0.8, 0.05) + std::log2(0.05 / 0.5)));
  CHECK(scorer.Contribution(1, 3, 0) == Approx(Log2Ratio(0.02, 0.83)));
  CHECK(scorer.Contribution(1, 0, 0) == 0);
}

struct Band {
  double probability;
  MatchDecision decision;
};

TEST_CASE("Scorer: Decide puts a probability in its band, edges included", "[match][scorer]") {
  const MatchModel model = SmallModel();
  const Scorer scorer(model, 0.9, 0.6);
  const Band band = GENERATE(values<Band>({
      {1.0, MatchDecision::kAutoMerge},
      {0.95, MatchDecision::kAutoMerge},
      {0.9, MatchDecision::kAutoMerge},
      {0.8999999, MatchDecision::kReview},
      {0.75, MatchDecision::kReview},
      {0.6, MatchDecision::kReview},
      {0.5999999, MatchDecision::kDistinct},
      {0.1, MatchDecision::kDistinct},
      {0.0, MatchDecision::kDistinct},
  }));
  CAPTURE(band.probability);
  CHECK(scorer.Decide(band.probability) == band.decision);
}

TEST_CASE("Scorer: ReviewWeight is where Decide starts to answer review", "[match][scorer]") {
  const MatchModel model = SmallModel();
  const Scorer scorer(model, 0.9, 0.6);
  const double w = scorer.ReviewWeight();
  CHECK(w == Approx(std::log2(0.6 / 0.4)));
  CHECK(scorer.Decide(ProbabilityOfWeight(w + 1e-9)) == MatchDecision::kReview);
  CHECK(scorer.Decide(ProbabilityOfWeight(w - 1e-9)) == MatchDecision::kDistinct);
  CHECK(Scorer(model, 0.9, 0.0).ReviewWeight() == -std::numeric_limits<double>::infinity());
  // A band of 1: weights from 53 up round to probability 1; the bound the
  // scoring shortcut uses must not lie above them.
  const Scorer certain(model, 1.0, 1.0);
  CHECK(certain.ReviewWeight() <= 53);
  CHECK(certain.Decide(ProbabilityOfWeight(53)) != MatchDecision::kDistinct);
  CHECK(certain.Decide(ProbabilityOfWeight(certain.ReviewWeight() - 1)) ==
        MatchDecision::kDistinct);
}

TEST_CASE("Scorer: hard evidence is reviewed at least, never dismissed", "[match][scorer]") {
  // A shared valid RPPS against a different name: weak by weight, but a
  // steward must see it. The same comparison not marked hard is dismissed.
  for (const bool hard : {true, false}) {
    CAPTURE(hard);
    ComparisonConfig id = Comparison("identifier", MatchField::kIdentifier,
                                     {Level(LevelKind::kExactValid)});
    id.hard = hard;
    const std::vector<ComparisonConfig> cs = {
        id, Comparison("family_name", MatchField::kFamilyName, {Level(LevelKind::kExact)})};
    MatchModel model;
    model.prior = 1.0 / 1025.0;  // weight -10
    model.comparisons = {{cs[0], {{0, 0}, {0.9, 0.001}, {0.1, 0.999}}},
                         {cs[1], {{0, 0}, {0.9, 0.01}, {0.1, 0.99}}}};
    FeatureTable table;
    MatchKeys a = Person("jean", "martin");
    a.identifiers = {{"rpps", "10000000001", true}};
    MatchKeys b = Person("jean", "durand");
    b.identifiers = {{"rpps", "10000000001", true}};
    table.Add(1, a);
    table.Add(2, b);
    const Comparator comparator(cs, table, DefaultNicknames());
    const Scorer scorer(model, 0.99, 0.9);
    ComparisonVector v;
    comparator.Compare(0, 1, &v);
    REQUIRE(v.levels[0] == 1);
    const double weight = scorer.MatchWeight(v);
    REQUIRE(scorer.Decide(ProbabilityOfWeight(weight)) == MatchDecision::kDistinct);
    CHECK(scorer.DecideVector(comparator, v, weight) ==
          (hard ? MatchDecision::kReview : MatchDecision::kDistinct));
    CHECK(scorer.Explain(comparator, table, 0, 1).decision ==
          scorer.DecideVector(comparator, v, weight));
  }
}

TEST_CASE("Scorer: Explain lists one term per comparison and the total", "[match][scorer]") {
  const MatchModel model = SmallModel();
  const FeatureTable table = SmallTable();
  const std::vector<ComparisonConfig> cs = SmallComparisons();
  const Comparator comparator(cs, table, DefaultNicknames());
  const Scorer scorer(model, 0.9, 0.5);

  SECTION("two copies of one record") {
    const Explanation e = scorer.Explain(comparator, table, 0, 1);
    CHECK(e.model_id == 3);
    CHECK(e.prior == model.prior);
    CHECK(e.prior_weight == Approx(-10.0));
    REQUIRE(e.terms.size() == 3);
    CHECK(e.terms[0].comparison == "family_name");
    CHECK(e.terms[0].level == "exact");
    CHECK(e.terms[0].m == 0.8);
    CHECK(e.terms[0].u == 0.05);
    CHECK(e.terms[0].weight == Approx(Log2Ratio(0.8, 0.05)));
    // "martin" is carried by 2 of the 4 family names.
    CHECK(e.terms[0].tf_adjustment == Approx(std::log2(0.05 / 0.5)));
    CHECK(e.terms[0].value_a == "martin");
    CHECK(e.terms[0].value_b == "martin");
    CHECK(e.terms[1].level == "exact");
    CHECK(e.terms[1].tf_adjustment == 0);  // no term frequencies on dates
    CHECK(e.terms[2].comparison == "address");
    CHECK(e.terms[2].level == "same_street");
    CHECK(e.terms[2].tf_adjustment == 0);  // same_street has no adjustment
    CHECK(e.terms[2].value_a == "12 boulevard haussmann, 75009, paris");
    double sum = e.prior_weight;
    for (const ComparisonTerm& t : e.terms) sum += t.weight + t.tf_adjustment;
    CHECK(e.match_weight == Approx(sum));
    ComparisonVector v;
    comparator.Compare(0, 1, &v);
    CHECK(e.match_weight == scorer.MatchWeight(v));
    CHECK(e.probability == ProbabilityOfWeight(e.match_weight));
    CHECK(e.decision == scorer.Decide(e.probability));
    CHECK(e.decision == MatchDecision::kAutoMerge);
  }
  SECTION("a null level has no parameters and no weight") {
    const Explanation e = scorer.Explain(comparator, table, 0, 3);
    REQUIRE(e.terms.size() == 3);
    CHECK(e.terms[0].level == "else");
    CHECK(e.terms[0].value_b == "quemeneur");
    CHECK(e.terms[1].level == "else");
    CHECK(e.terms[2].level == "null");
    CHECK(e.terms[2].m == 0);
    CHECK(e.terms[2].u == 0);
    CHECK(e.terms[2].weight == 0);
    CHECK(e.terms[2].value_b.empty());
    CHECK(e.decision == MatchDecision::kDistinct);
  }
  SECTION("a typo in the family name") {
    const Explanation e = scorer.Explain(comparator, table, 0, 2);
    CHECK(e.terms[0].level == "jaro_winkler>=0.9");
    CHECK(e.terms[0].tf_adjustment == 0);  // only the exact level is adjusted
    CHECK(e.terms[1].level == "same_year");
    CHECK(e.terms[2].level == "else");
  }
}

TEST_CASE("Scorer: bounds of a comparison follow its levels and term frequencies",
          "[match][scorer]") {
  const MatchModel model = SmallModel();
  const FeatureTable table = SmallTable();
  const Comparator comparator(SmallComparisons(), table, DefaultNicknames());
  const Scorer scorer(model, 0.9, 0.5);
  const std::vector<double> max = scorer.MaxContributions(comparator, table);
  const std::vector<double> min = scorer.MinContributions(comparator);
  REQUIRE(max.size() == 3);
  REQUIRE(min.size() == 3);
  // family_name: the exact level on the rarest possible value (1 of the 4
  // family names) beats its plain weight.
  REQUIRE(table.term_frequency_total(Slot::kFamily) == 4);
  CHECK(max[0] == Approx(Log2Ratio(0.8, 0.05) + std::log2(0.05 * 4)));
  // ... and at worst every record carries the value: log2(u / 1).
  CHECK(min[0] == Approx(std::min({0.0, Log2Ratio(0.8, 0.05) + std::log2(0.05),
                                   Log2Ratio(0.05, 0.8)})));
  // birth_date has no term frequencies.
  CHECK(max[1] == Approx(Log2Ratio(0.9, 0.01)));
  CHECK(min[1] == Approx(Log2Ratio(0.02, 0.83)));
  // address: same_street has no adjustment; same_city uses the city's.
  REQUIRE(table.term_frequency_total(Slot::kCity) == 3);  // paris, paris, lyon
  CHECK(max[2] == Approx(std::max(Log2Ratio(0.5, 0.001),
                                  Log2Ratio(0.4, 0.2) + std::log2(0.2 * 3))));
  CHECK(min[2] == Approx(Log2Ratio(0.1, 0.799)));
  const Scorer::Bounds bounds = scorer.Bound(comparator, table);
  CHECK(bounds.max == max);
  CHECK(bounds.min == min);
  CHECK(bounds.max_sum == Approx(max[0] + max[1] + max[2]));
  CHECK(bounds.min_sum == Approx(min[0] + min[1] + min[2]));
}

TEST_CASE("Scorer: every Contribution lies within the bounds on random data",
          "[match][scorer][property]") {
  const uint32_t seed = GENERATE(take(40, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  std::mt19937 rng(seed);
  const std::vector<ComparisonConfig> cs = DefaultMatchingConfig().comparisons;
  FeatureTable table;
  const int rows = std::uniform_int_distribution<int>(2, 30)(rng);
  for (int i = 0; i < rows; ++i) table.Add(i, RandomKeys(&rng));
  ComputeTermFrequencies(&table, cs);
  const MatchModel model = RandomModel(cs, &rng);
  const Comparator comparator(cs, table, DefaultNicknames());
  const Scorer scorer(model, 0.9, 0.5);
  const std::vector<double> max = scorer.MaxContributions(comparator, table);
  const std::vector<double> min = scorer.MinContributions(comparator);
  REQUIRE(max.size() == cs.size());
  REQUIRE(min.size() == cs.size());
  for (size_t c = 0; c < cs.size(); ++c) {
    CAPTURE(cs[c].name);
    CHECK(max[c] >= 0);  // the null level adds 0
    CHECK(min[c] <= 0);
    for (int level = 0; level < comparator.level_count(c); ++level) {
      CAPTURE(level);
      // An adjusted level always comes with a term frequency, between one
      // value of the slot and all of them; other levels come without.
      std::vector<float> tfs = {0.0F};
      const bool configured = level > 0 && level <= static_cast<int>(cs[c].levels.size());
      const std::optional<Slot> slot =
          configured && cs[c].term_frequency
              ? TermFrequencySlot(cs[c].field, cs[c].levels[level - 1].kind)
              : std::nullopt;
      if (slot && table.term_frequency_total(*slot) > 0) {
        const float rarest = 1.0F / static_cast<float>(table.term_frequency_total(*slot));
        tfs = {rarest, (rarest + 1.0F) / 2, 1.0F};
      }
      for (float tf : tfs) {
        CAPTURE(tf);
        CHECK(scorer.Contribution(c, level, tf) <= max[c]);
        CHECK(scorer.Contribution(c, level, tf) >= min[c]);
      }
    }
  }
  ComparisonVector v;
  for (uint32_t a = 0; a < table.size(); ++a) {
    for (uint32_t b = a + 1; b < table.size(); ++b) {
      comparator.Compare(a, b, &v);
      for (size_t c = 0; c < cs.size(); ++c) {
        CAPTURE(a, b, cs[c].name, static_cast<int>(v.levels[c]), v.tf[c]);
        const double contribution = scorer.Contribution(c, v.levels[c], v.tf[c]);
        CHECK(contribution <= max[c] + 1e-9);
        CHECK(contribution >= min[c] - 1e-9);
      }
    }
  }
}

TEST_CASE("Scorer: WeighsLessThan agrees with MatchWeight on random pairs",
          "[match][scorer][property]") {
  const uint32_t seed = GENERATE(take(60, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  std::mt19937 rng(seed);
  const std::vector<ComparisonConfig> cs = DefaultMatchingConfig().comparisons;
  FeatureTable table;
  const int rows = std::uniform_int_distribution<int>(2, 25)(rng);
  for (int i = 0; i < rows; ++i) table.Add(i, RandomKeys(&rng));
  ComputeTermFrequencies(&table, cs);
  const MatchModel model = RandomModel(cs, &rng);
  Comparator comparator(cs, table, DefaultNicknames());
  const Scorer scorer(model, 0.9, 0.5);
  if (rng() % 2 == 0) {  // the order scoring uses, or the default one
    comparator.PrioritizeBy(scorer.MaxContributions(comparator, table));
  }
  const Scorer::Bounds bounds = scorer.Bound(comparator, table);
  std::uniform_real_distribution<double> anywhere(bounds.min_sum + model.PriorWeight() - 5,
                                                  bounds.max_sum + model.PriorWeight() + 5);
  ComparisonVector v;
  int64_t checked = 0;
  for (uint32_t a = 0; a < table.size(); ++a) {
    for (uint32_t b = a + 1; b < table.size(); ++b) {
      comparator.Compare(a, b, &v);
      const double exact = scorer.MatchWeight(v);
      for (double w : {exact, exact + 1e-7, exact - 1e-7, exact + 0.01, exact - 0.01,
                       exact + 3, exact - 3, scorer.ReviewWeight(), anywhere(rng),
                       anywhere(rng)}) {
        CAPTURE(a, b, exact, w);
        CHECK(scorer.WeighsLessThan(comparator, bounds, a, b, w) == (exact < w));
        ++checked;
      }
    }
  }
  CHECK(checked == 10 * int64_t{rows} * (rows - 1) / 2);
}

}  // namespace
}  // namespace mdm::match
