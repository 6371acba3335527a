// SPDX-License-Identifier: Apache-2.0
// EvaluateStore() on stores whose clusters are set by hand, so every count
// is known in advance, and on a store matched by a run, against brute-force
// pair counting.
#include "mdm/pipeline/evaluate_runner.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "mdm/pipeline/batch_runner.h"
#include "mdm/store/sqlite_store.h"
#include "tests/testing/fake_clock.h"
#include "tests/testing/key_file.h"
#include "tests/testing/temp_dir.h"

namespace mdm::pipeline {
namespace {

constexpr char kConfig[] = R"(version: 1
sources:
  - name: crm
    type: rep
    files: crm*.csv
    mapping: {id: source_key, nom: family_name, prenom: given_name, rpps: rpps,
              tel: phone, email: email, ville: address.city}
  - name: msl
    type: msl
    files: msl*.csv
    mapping: {id: source_key, nom: family_name, prenom: given_name, rpps: rpps,
              tel: phone, email: email, ville: address.city}
)";

constexpr char kHeader[] = "id,nom,prenom,rpps,tel,email,ville\n";

// Invented people. K1/M1 share an RPPS, K2/M2 a phone, K4/M4 their names
// only; K5/M5 are one person under two family names in two cities (no
// blocking rule pairs them); K3 and K6 are alone.
constexpr char kCrm[] =
    "K1,Aubertin,Claire,10000010008,,claire.aubertin@example.org,Paris\n"
    "K2,Vasseur,Luc,,0199010002,,Nantes\n"
    "K3,Delorme,Anne,,,,Lyon\n"
    "K4,Fournel,Marc,,,marc.fournel@example.org,Toulouse\n"
    "K5,Garnaud,Julie,,,,Paris\n"
    "K6,Jolivet,Hugo,,,,Lille\n";
constexpr char kMsl[] =
    "M1,Aubertin,Claire,10000010008,,,Paris\n"
    "M2,Vasseur,Luc,,0199010002,,Nantes\n"
    "M4,Fournel,Marc,,,,Rennes\n"
    "M5,Hebrard,Julie,,,,Marseille\n";

// The truth: K1+M1, K2+M2, K4+M4, K5+M5 are people, K3 another; K6 has no
// row; K99 was never loaded.
constexpr char kTruth[] =
    "source,source_key,person_id\n"
    "crm,K1,X\nmsl,M1,X\n"
    "crm,K2,Y\nmsl,M2,Y\n"
    "crm,K3,Z\n"
    "crm,K4,W\nmsl,M4,W\n"
    "crm,K5,V\nmsl,M5,V\n"
    "crm,K99,U\n";

struct Harness {
  testing::TempDir dir;
  testing::FakeClock clock;
  std::unique_ptr<store::Store> store;
  Config config;
  int64_t run_id = 0;

  Harness() {
    store = *store::OpenSqliteStore(dir.File("mdm.db"), store::OpenMode::kCreate);
    config = *ParseConfig(kConfig, dir.File("mdm.yaml"));
  }

  // Loads the files written so far; `match` = a normal run, else load only.
  void Load(bool match) {
    RunOptions options;
    options.skip_matching = !match;
    clock.Advance(absl::Minutes(1));
    auto report = RunBatch(config, options, *store, clock, 2, testing::KeyFile(dir));
    REQUIRE(report.ok());
    run_id = report->run_id;
  }

  // "source:key" -> record id.
  std::map<std::string, int64_t> Ids() {
    std::map<std::string, int64_t> ids;
    REQUIRE(store
                ->ScanMatchKeys([&](int64_t id, absl::string_view source, absl::string_view key,
                                    absl::string_view) {
                  ids[absl::StrCat(source, ":", key)] = id;
                  return absl::OkStatus();
                })
                .ok());
    return ids;
  }

  absl::StatusOr<Evaluation> Evaluate(const std::string& truth, TruthOptions options = {}) {
    options.path = dir.Write("truth.csv", truth);
    return EvaluateStore(*store, options, 2);
  }
};

// The hand-made outcome: {K1, M1} right, K2 and M2 missed, {K3, K4} wrong;
// M4, K5 and M5 have no cluster row (a record loaded after the last match
// is alone). Two open review items over four records.
void SetHandClusters(Harness& h) {
  std::map<std::string, int64_t> id = h.Ids();
  REQUIRE(h.store->BeginWrite().ok());
  for (const auto& [record, cluster] :
       std::vector<std::pair<std::string, std::string>>{{"crm:K1", "crm:K1"},
                                                        {"msl:M1", "crm:K1"},
                                                        {"crm:K2", "crm:K2"},
                                                        {"msl:M2", "msl:M2"},
                                                        {"crm:K3", "crm:K3"},
                                                        {"crm:K4", "crm:K3"},
                                                        {"crm:K6", "crm:K6"}}) {
    REQUIRE(h.store->PutGoldenMember({id.at(record), id.at(cluster), true}, h.run_id).ok());
  }
  auto item = [&](const std::string& a, const std::string& b, const char* reason) {
    store::ReviewItemRow row;
    row.record_a = std::min(id.at(a), id.at(b));
    row.record_b = std::max(id.at(a), id.at(b));
    row.reason = reason;
    row.probability = 0.78;
    return row;
  };
  REQUIRE(h.store
              ->ReplaceOpenReviewItems(h.run_id, {item("crm:K2", "msl:M2", "review_band"),
                                                  item("crm:K3", "crm:K4", "cannot_link")},
                                       nullptr)
              .ok());
  REQUIRE(h.store->Commit().ok());
}

TEST_CASE("EvaluateStore: pairwise, B-cubed, blocking and review counts of a known outcome",
          "[pipeline]") {
  Harness h;
  h.dir.Write("crm_1.csv", absl::StrCat(kHeader, kCrm));
  h.dir.Write("msl_1.csv", absl::StrCat(kHeader, kMsl));
  h.Load(/*match=*/false);
  SetHandClusters(h);
  auto e = h.Evaluate(kTruth);
  REQUIRE(e.ok());
  CHECK(e->records == 9);
  CHECK(e->records_without_truth == 1);  // K6
  CHECK(e->truth_rows_not_loaded == 1);  // K99
  CHECK(e->true_entities == 5);
  CHECK(e->predicted_clusters == 7);
  CHECK(e->true_pairs == 4);
  CHECK(e->predicted_pairs == 2);
  CHECK(e->correct_pairs == 1);
  CHECK(e->precision == Approx(1.0 / 2));
  CHECK(e->recall == Approx(1.0 / 4));
  CHECK(e->f1 == Approx(1.0 / 3));
  // Per record |cluster & entity| / |cluster| and / |entity|, averaged.
  CHECK(e->bcubed_precision == Approx(8.0 / 9));
  CHECK(e->bcubed_recall == Approx(6.0 / 9));
  CHECK(e->bcubed_f1 == Approx(16.0 / 21));
  // Default rules pair K1/M1 (RPPS), K2/M2 (phone), K4/M4 (given name and
  // family-name sound), not K5/M5.
  CHECK(e->candidate_true_pairs == 3);
  CHECK(e->blocking_recall == Approx(3.0 / 4));
  CHECK(e->review_items == 2);
  CHECK(e->records_in_review == 4);
  CHECK(e->review_share == Approx(4.0 / 10));
}

TEST_CASE("EvaluateStore: a column-mapped truth with an entity pattern", "[pipeline]") {
  Harness h;
  h.dir.Write("crm_1.csv", absl::StrCat(kHeader, kCrm));
  h.dir.Write("msl_1.csv", absl::StrCat(kHeader, kMsl));
  h.Load(/*match=*/false);
  SetHandClusters(h);
  TruthOptions options;
  options.source = "crm";
  options.key_column = "rec_id";
  options.entity_column = "entity";
  options.entity_pattern = "^(e-\\d+)";
  options.delimiter = ';';
  // FEBRL-like: the entity is the id's stem. K3 and K4 are one person here.
  auto e =
      h.Evaluate("entity; rec_id\ne-1-org; K1\ne-3-org; K3\ne-3-dup-0; K4\ne-5-org; K5\n", options);
  REQUIRE(e.ok());
  CHECK(e->records == 4);
  CHECK(e->records_without_truth == 6);  // K2, K6 and every msl record
  CHECK(e->true_entities == 3);
  CHECK(e->true_pairs == 1);
  CHECK(e->predicted_pairs == 1);
  CHECK(e->correct_pairs == 1);
  CHECK(e->precision == 1);
  CHECK(e->recall == 1);
  CHECK(e->candidate_true_pairs == 0);  // Delorme Anne and Fournel Marc share nothing
  CHECK(e->blocking_recall == 0);
}

TEST_CASE("EvaluateStore: a truth giving one record two entities is refused, naming the line",
          "[pipeline]") {
  Harness h;
  h.dir.Write("crm_1.csv", absl::StrCat(kHeader, kCrm));
  h.Load(/*match=*/false);
  SECTION("two entities") {
    auto e = h.Evaluate("source,source_key,person_id\ncrm,K1,X\ncrm,K2,Y\ncrm,K1,Y\n");
    REQUIRE(e.status().code() == absl::StatusCode::kInvalidArgument);
    const std::string message(e.status().message());
    CAPTURE(message);
    CHECK(message.find(absl::StrCat(h.dir.File("truth.csv"), ":4:")) != std::string::npos);
    CHECK(message.find("crm:K1") != std::string::npos);
  }
  SECTION("the same entity twice is fine") {
    auto e = h.Evaluate("source,source_key,person_id\ncrm,K1,X\ncrm,K2,X\ncrm,K1,X\n");
    REQUIRE(e.ok());
    CHECK(e->records == 2);
    CHECK(e->true_pairs == 1);
  }
}

struct BrokenTruth {
  std::string name;
  std::string text;
  std::string expected;  // in the message
};

TEST_CASE("EvaluateStore: a malformed truth file is InvalidArgument naming file and line",
          "[pipeline]") {
  Harness h;
  h.dir.Write("crm_1.csv", absl::StrCat(kHeader, kCrm));
  h.Load(/*match=*/false);
  const BrokenTruth c = GENERATE(values<BrokenTruth>({
      {"no person column", "source,source_key\ncrm,K1\n", "no column 'person_id'"},
      {"empty entity", "source,source_key,person_id\ncrm,K1,X\ncrm,K2,\n",
       "truth.csv:3: empty source or entity"},
      {"empty source", "source,source_key,person_id\n,K1,X\n", "truth.csv:2: empty source"},
      {"unbalanced quote", "source,source_key,person_id\ncrm,K1,X\ncrm,\"K2,Y\n", "truth.csv:3:"},
  }));
  CAPTURE(c.name);
  auto e = h.Evaluate(c.text);
  REQUIRE(e.status().code() == absl::StatusCode::kInvalidArgument);
  CAPTURE(e.status().message());
  CHECK(std::string(e.status().message()).find(c.expected) != std::string::npos);
}

TEST_CASE("EvaluateStore: a missing truth file is NotFound", "[pipeline]") {
  Harness h;
  TruthOptions options;
  options.path = h.dir.File("absent.csv");
  CHECK(EvaluateStore(*h.store, options, 2).status().code() == absl::StatusCode::kNotFound);
}

TEST_CASE("EvaluateStore: a bad entity pattern or a key column without source is InvalidArgument",
          "[pipeline]") {
  Harness h;
  TruthOptions options;
  options.key_column = "rec_id";
  options.entity_column = "entity";
  CHECK(h.Evaluate("entity,rec_id\n", options).status().code() ==
        absl::StatusCode::kInvalidArgument);
  options.source = "crm";
  options.entity_pattern = "^e-\\d+";  // no capture group
  CHECK(h.Evaluate("entity,rec_id\n", options).status().code() ==
        absl::StatusCode::kInvalidArgument);
  options.entity_pattern = "^(e-\\d+)";
  auto e = h.Evaluate("entity,rec_id\nx-1,K1\n", options);
  CHECK(e.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(std::string(e.status().message()).find("truth.csv:2:") != std::string::npos);
}

// Invented people, two records each for most, for a store that a run
// matches; the truth is the person column.
std::string Rows(const std::string& prefix, int people, bool second) {
  constexpr const char* kFamily[] = {"Carpentier", "Lacombe", "Marchal", "Noiret",
                                     "Quentel",    "Sablon",  "Tardieu", "Urbain",
                                     "Valognes",   "Wattier", "Zeller",  "Brossard"};
  constexpr const char* kGiven[] = {"Paul", "Ines", "Theo", "Lea", "Remi", "Maud"};
  constexpr const char* kCity[] = {"Paris", "Lyon", "Nantes"};
  std::string out = kHeader;
  for (int i = 0; i < people; ++i) {
    if (second && i % 4 == 3) continue;
    const std::string given = kGiven[i % 6];
    const std::string family = kFamily[i % 12];
    absl::StrAppend(&out, prefix, i, ",", family, second && i % 5 == 1 ? "e" : "", ",", given, ",,",
                    absl::StrFormat("01990%05d", 20000 + i), ",",
                    second && i % 3 == 0 ? "" : absl::StrCat(given, ".", family, "@example.org"),
                    ",", kCity[i % 3], "\n");
  }
  return out;
}

TEST_CASE("EvaluateStore: the counts of a matched store equal brute-force pair counting",
          "[pipeline]") {
  Harness h;
  constexpr int kPeople = 12;
  h.dir.Write("crm_1.csv", Rows("K", kPeople, false));
  h.dir.Write("msl_1.csv", Rows("M", kPeople, true));
  h.Load(/*match=*/true);
  std::string truth = "source,source_key,person_id\n";
  // Person i is K<i> and M<i>; K0 is left out of the truth.
  for (int i = 1; i < kPeople; ++i) absl::StrAppend(&truth, "crm,K", i, ",P", i % 12, "\n");
  for (int i = 0; i < kPeople; ++i) absl::StrAppend(&truth, "msl,M", i, ",P", i % 12, "\n");
  auto e = h.Evaluate(truth);
  REQUIRE(e.ok());

  std::map<std::string, int64_t> id = h.Ids();
  std::map<int64_t, int64_t> cluster_of;
  const std::vector<store::ClusterAssignment> clusters = *h.store->ListClusters();
  for (const store::ClusterAssignment& c : clusters) cluster_of[c.record_id] = c.cluster_id;
  std::vector<std::pair<int64_t, std::string>> evaluated;  // (cluster, entity)
  for (int i = 1; i < kPeople; ++i) {
    evaluated.push_back({cluster_of.at(id.at(absl::StrCat("crm:K", i))), absl::StrCat(i)});
  }
  for (int i = 0; i < kPeople; ++i) {
    const auto it = id.find(absl::StrCat("msl:M", i));
    if (it != id.end()) evaluated.push_back({cluster_of.at(it->second), absl::StrCat(i)});
  }
  int64_t true_pairs = 0, predicted_pairs = 0, correct_pairs = 0;
  for (size_t x = 0; x < evaluated.size(); ++x) {
    for (size_t y = x + 1; y < evaluated.size(); ++y) {
      const bool same_entity = evaluated[x].second == evaluated[y].second;
      const bool same_cluster = evaluated[x].first == evaluated[y].first;
      true_pairs += same_entity;
      predicted_pairs += same_cluster;
      correct_pairs += same_entity && same_cluster;
    }
  }
  CHECK(e->records == static_cast<int64_t>(evaluated.size()));
  CHECK(e->records_without_truth == 1);            // K0
  CHECK(e->truth_rows_not_loaded == kPeople / 4);  // the M<i> never written
  CHECK(e->true_pairs == true_pairs);
  CHECK(e->predicted_pairs == predicted_pairs);
  CHECK(e->correct_pairs == correct_pairs);
  CHECK(true_pairs == 8);     // persons 1..11 minus 3, 7, 11 have both records
  CHECK(correct_pairs >= 1);  // matching found some
  REQUIRE(predicted_pairs > 0);
  CHECK(e->precision == Approx(static_cast<double>(correct_pairs) / predicted_pairs));
  CHECK(e->recall == Approx(static_cast<double>(correct_pairs) / true_pairs));
  CHECK(e->review_items == static_cast<int64_t>((*h.store->ListReviewItems("open", 100)).size()));
}

}  // namespace
}  // namespace mdm::pipeline
