// SPDX-License-Identifier: Apache-2.0
// Matching inside a batch run, on small synthetic sources: a CRM export and
// an MSL export of invented people, many of them in both.
#include "mdm/pipeline/match_runner.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "mdm/pipeline/batch_runner.h"
#include "mdm/store/sqlite_db.h"
#include "mdm/store/sqlite_store.h"
#include "tests/testing/fake_clock.h"
#include "tests/testing/sample_people.h"
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
              tel: phone, email: email, cp: address.postcode, ville: address.city}
  - name: msl
    type: msl
    files: msl*.csv
    mapping: {id: source_key, nom: family_name, prenom: given_name, rpps: rpps,
              tel: phone, email: email, cp: address.postcode, ville: address.city}
)";

constexpr char kHeader[] = "id,nom,prenom,rpps,tel,email,cp,ville\n";

using Row = testing::SampleRow;
using testing::Shuffled;
using testing::ValidRpps;

std::string Csv(const Row& r) {
  return absl::StrCat(absl::StrJoin({r.key, r.family, r.given, r.rpps, r.phone, r.email,
                                     r.postcode, r.city},
                                    ","),
                      "\n");
}

// The 30 sample people plus two namesakes who share their name, phone,
// e-mail and place but not their RPPS (a practice shared by two doctors).
std::vector<Row> SampleRows() {
  std::vector<Row> rows = testing::SamplePeopleRows();
  rows.push_back({"twin-a", "crm", "C900", "Lemonnier", "Paul", ValidRpps(9001), "0199099999",
                  "cabinet.lemonnier@example.org", "75011", "Paris"});
  rows.push_back({"twin-b", "msl", "M900", "Lemonnier", "Paul", ValidRpps(9002), "0199099999",
                  "cabinet.lemonnier@example.org", "75011", "Paris"});
  return rows;
}

// A record without an RPPS that fits both namesakes equally well.
Row Bridge() {
  return {"twin-?", "crm",  "C901",       "Lemonnier",
          "Paul",   "",     "0199099999", "cabinet.lemonnier@example.org",
          "75011",  "Paris"};
}

// The partition the rows' people give, written as Harness::Clusters() does.
std::string ExpectedClusters(const std::vector<Row>& rows) {
  std::map<std::string, std::vector<std::string>> members;
  for (const Row& r : rows) members[r.person].push_back(r.Name());
  std::vector<std::string> lines;
  for (auto& [person, names] : members) {
    std::sort(names.begin(), names.end());
    lines.push_back(absl::StrJoin(names, " "));
  }
  std::sort(lines.begin(), lines.end());
  return absl::StrJoin(lines, "\n");
}

struct Harness {
  testing::TempDir dir;
  testing::FakeClock clock;
  std::unique_ptr<store::Store> store;
  Config config;

  Harness() {
    store = *store::OpenSqliteStore(dir.File("mdm.db"), store::OpenMode::kCreate);
    config = *ParseConfig(kConfig, dir.File("mdm.yaml"));
  }

  // Writes the rows of each source to `<source><suffix>.csv`.
  void Write(const std::vector<Row>& rows, const std::string& suffix = "_1") {
    std::map<std::string, std::string> files;
    for (const Row& r : rows) {
      std::string& text = files[r.source];
      if (text.empty()) text = kHeader;
      absl::StrAppend(&text, Csv(r));
    }
    for (const auto& [source, text] : files) dir.Write(source + suffix + ".csv", text);
  }

  absl::StatusOr<RunReport> Run(int threads = 2, bool dry_run = false, bool skip_matching = false) {
    RunOptions options;
    options.dry_run = dry_run;
    options.skip_matching = skip_matching;
    clock.Advance(absl::Minutes(1));
    return RunBatch(config, options, *store, clock, threads, testing::KeyFile(dir));
  }

  // record id -> "source:key".
  std::map<int64_t, std::string> Names() {
    std::map<int64_t, std::string> names;
    REQUIRE(store
                ->ScanMatchKeys([&](int64_t id, absl::string_view source, absl::string_view key,
                                    absl::string_view) {
                  names[id] = absl::StrCat(source, ":", key);
                  return absl::OkStatus();
                })
                .ok());
    return names;
  }

  // The partition of the store's records by cluster, independent of record
  // ids: clusters as sorted member names, one per line, sorted.
  std::string Clusters() {
    std::map<int64_t, std::string> names = Names();
    std::map<int64_t, std::vector<std::string>> members;
    const std::vector<store::ClusterAssignment> clusters = *store->ListClusters();
    for (const store::ClusterAssignment& c : clusters) {
      members[c.cluster_id].push_back(names[c.record_id]);
    }
    std::vector<std::string> lines;
    for (auto& [id, list] : members) {
      std::sort(list.begin(), list.end());
      lines.push_back(absl::StrJoin(list, " "));
    }
    std::sort(lines.begin(), lines.end());
    return absl::StrJoin(lines, "\n");
  }

  // Open review items as "a b reason", sorted.
  std::string ReviewItems() {
    std::map<int64_t, std::string> names = Names();
    std::vector<std::string> lines;
    const std::vector<store::ReviewItemRow> items = *store->ListReviewItems("open", 1000);
    for (const store::ReviewItemRow& item : items) {
      std::string a = names[item.record_a], b = names[item.record_b];
      if (b < a) std::swap(a, b);
      lines.push_back(absl::StrCat(a, " ", b, " ", item.reason));
    }
    std::sort(lines.begin(), lines.end());
    return absl::StrJoin(lines, "\n");
  }

  // A second connection to the store, for what the Store interface hides.
  std::unique_ptr<store::SqliteDb> Raw() const {
    return *store::SqliteDb::Open(dir.File("mdm.db"), store::SqliteDb::kMustExist);
  }
  int64_t Count(const std::string& sql) const { return *Raw()->QueryInt(sql); }

  // "source:key" -> stored match keys, for records that have a keys row.
  std::map<std::string, std::string> KeyBlobs() {
    std::map<std::string, std::string> out;
    auto db = Raw();
    auto stmt = *db->Prepare(
        "SELECT r.source || ':' || r.source_key, k.keys FROM source_records r "
        "JOIN record_match_keys k ON k.record_id = r.record_id");
    while (*stmt.Step()) out[stmt.ColumnText(0)] = stmt.ColumnText(1);
    return out;
  }

  // "source:key" -> cluster id.
  std::map<std::string, int64_t> ClusterOf() {
    std::map<int64_t, std::string> names = Names();
    std::map<std::string, int64_t> out;
    const std::vector<store::ClusterAssignment> clusters = *store->ListClusters();
    for (const store::ClusterAssignment& c : clusters) {
      out[names[c.record_id]] = c.cluster_id;
    }
    return out;
  }
};

TEST_CASE("RunMatching: records of one person merge and no two people do", "[pipeline]") {
  Harness h;
  const std::vector<Row> rows = SampleRows();
  h.Write(rows);
  auto report = h.Run();
  REQUIRE(report.ok());
  const MatchReport& m = report->match;
  CHECK(m.ran);
  CHECK(m.skipped_reason.empty());
  CHECK(m.records == static_cast<int64_t>(rows.size()));
  CHECK(m.model_trained);
  CHECK(m.model_id > 0);
  CHECK(m.candidate_pairs > 0);
  CHECK(m.candidate_pairs == m.auto_merge_pairs + m.review_pairs + m.distinct_pairs);
  CHECK(m.reduction_ratio > 0.9);
  CHECK_FALSE(m.rules.empty());
  CHECK(h.Clusters() == ExpectedClusters(rows));
  CHECK(m.clusters == 32);                    // 30 people and two namesakes
  CHECK(m.multi_record_clusters == 20);       // the people in both sources
  CHECK(m.records_reclustered == m.records);  // every record is new
  for (const char* stage : {"load_keys", "block_train", "score", "cluster", "persist_matches"}) {
    CAPTURE(stage);
    CHECK(report->stage_seconds.count(stage) == 1);
  }
  // Records that share a valid RPPS are together (every even person has one).
  const std::map<std::string, int64_t> cluster_of = h.ClusterOf();
  int shared_rpps = 0;
  for (const Row& crm : rows) {
    for (const Row& msl : rows) {
      if (crm.source != "crm" || msl.source != "msl" || crm.rpps.empty() || crm.rpps != msl.rpps) {
        continue;
      }
      CAPTURE(crm.key, msl.key);
      CHECK(cluster_of.at(crm.Name()) == cluster_of.at(msl.Name()));
      ++shared_rpps;
    }
  }
  CHECK(shared_rpps == 10);
}

TEST_CASE("RunMatching: two different valid RPPS never merge", "[pipeline]") {
  Harness h;
  std::vector<Row> rows = SampleRows();
  SECTION("the namesakes alone: their pair is queued as an identifier conflict") {
    h.Write(rows);
    auto report = h.Run();
    REQUIRE(report.ok());
    const std::map<std::string, int64_t> cluster_of = h.ClusterOf();
    CHECK(cluster_of.at("crm:C900") != cluster_of.at("msl:M900"));
    CHECK(report->match.conflict_pairs == 1);  // scored as a merge, refused
    CHECK(h.ReviewItems() == "crm:C900 msl:M900 identifier_conflict");
    CHECK(report->match.review_items == 1);
    CHECK(report->match.records_in_review == 2);
  }
  SECTION("a third record fitting both joins one of them, never both") {
    rows.push_back(Bridge());
    h.Write(rows);
    auto report = h.Run();
    REQUIRE(report.ok());
    const std::map<std::string, int64_t> cluster_of = h.ClusterOf();
    const int64_t a = cluster_of.at("crm:C900");
    const int64_t b = cluster_of.at("msl:M900");
    const int64_t bridge = cluster_of.at("crm:C901");
    CHECK(a != b);
    CHECK((bridge == a || bridge == b));
    CHECK(report->match.refused_unions >= 1);
    // One question per pair of clusters: the strongest pair between them.
    const std::string items = h.ReviewItems();
    CHECK(items.find("\n") == std::string::npos);
    CHECK(items.find(bridge == a ? "msl:M900" : "crm:C900") != std::string::npos);
    CHECK(items.find("crm:C901") != std::string::npos);
    CHECK(items.find(" cannot_link") != std::string::npos);
  }
  SECTION("with rpps out of cannot_link_schemes, the namesakes merge") {
    h.config.matching.cannot_link_schemes = {"npi"};
    h.Write(rows);
    auto report = h.Run();
    REQUIRE(report.ok());
    const std::map<std::string, int64_t> cluster_of = h.ClusterOf();
    CHECK(cluster_of.at("crm:C900") == cluster_of.at("msl:M900"));
    CHECK(report->match.conflict_pairs == 0);
    CHECK(h.ReviewItems().empty());
  }
}

TEST_CASE("RunMatching: the model is trained once and reused by the next run", "[pipeline]") {
  Harness h;
  h.Write(SampleRows());
  auto first = h.Run();
  REQUIRE(first.ok());
  REQUIRE(first->match.model_trained);
  h.Write({{"P1", "crm", "C201", "Carpentier", "Paul", "", "0199010001", "", "69003", "Lyon"}},
          "_2");
  auto second = h.Run();
  REQUIRE(second.ok());
  CHECK(second->totals.inserted == 1);
  CHECK_FALSE(second->match.model_trained);
  CHECK(second->match.model_id == first->match.model_id);
  CHECK(h.Count("SELECT count(*) FROM match_models") == 1);
  // The new record joins its person.
  const std::map<std::string, int64_t> cluster_of = h.ClusterOf();
  CHECK(cluster_of.at("crm:C201") == cluster_of.at("crm:C101"));

  SECTION("other comparisons need another model") {
    h.config.matching.comparisons.pop_back();  // social_handle
    auto third = h.Run();
    REQUIRE(third.ok());
    CHECK(third->match.model_trained);
    CHECK(third->match.model_id > first->match.model_id);
    CHECK(h.Count("SELECT count(*) FROM match_models") == 2);
  }
  SECTION("a model trained on demand is the one the next run uses") {
    REQUIRE(h.store->BeginWrite().ok());
    auto trained = TrainAndStoreModel(h.config.matching, *h.store, h.clock, 2);
    REQUIRE(trained.ok());
    REQUIRE(h.store->Commit().ok());
    CHECK(trained->model_id > first->match.model_id);
    auto third = h.Run();
    REQUIRE(third.ok());
    CHECK_FALSE(third->match.model_trained);
    CHECK(third->match.model_id == trained->model_id);
  }
}

TEST_CASE("TrainAndStoreModel: nothing to learn is FailedPrecondition", "[pipeline]") {
  Harness h;
  h.Write({SampleRows()[0]});
  REQUIRE(h.Run(2, false, /*skip_matching=*/true).ok());
  REQUIRE(h.store->BeginWrite().ok());
  auto model = TrainAndStoreModel(h.config.matching, *h.store, h.clock, 2);
  CHECK(model.status().code() == absl::StatusCode::kFailedPrecondition);
  REQUIRE(h.store->Rollback().ok());
  // A run with one record does not fail: it says why it did not score.
  auto report = h.Run();
  REQUIRE(report.ok());
  CHECK_FALSE(report->match.ran);
  CHECK_FALSE(report->match.skipped_reason.empty());
  CHECK(report->match.clusters == 1);
}

struct Outcome {
  std::string clusters;
  std::string review_items;
  std::string counts;
};

Outcome RunOnce(const std::vector<Row>& rows, int threads) {
  Harness h;
  h.Write(rows);
  auto report = h.Run(threads);
  REQUIRE(report.ok());
  const MatchReport& m = report->match;
  return {h.Clusters(), h.ReviewItems(),
          absl::StrCat(m.candidate_pairs, "/", m.auto_merge_pairs, "/", m.review_pairs, "/",
                       m.distinct_pairs, "/", m.conflict_pairs, "/", m.refused_unions, "/",
                       m.clusters)};
}

TEST_CASE("RunMatching: results do not depend on row order or thread count", "[pipeline]") {
  std::vector<Row> rows = SampleRows();
  rows.push_back(Bridge());  // the order of merges decides where it goes
  const Outcome base = RunOnce(rows, 1);
  CHECK_FALSE(base.review_items.empty());
  for (const auto& [name, outcome] :
       {std::pair<const char*, Outcome>{"2 threads", RunOnce(rows, 2)},
        {"shuffled rows, 1 thread", RunOnce(Shuffled(rows), 1)},
        {"shuffled rows, 2 threads", RunOnce(Shuffled(rows), 2)}}) {
    CAPTURE(name);
    CHECK(outcome.clusters == base.clusters);
    CHECK(outcome.review_items == base.review_items);
    CHECK(outcome.counts == base.counts);
  }
}

TEST_CASE("RunMatching: rerunning the same files changes no cluster", "[pipeline]") {
  Harness h;
  std::vector<Row> rows = SampleRows();
  rows.push_back(Bridge());
  h.Write(rows);
  auto first = h.Run();
  REQUIRE(first.ok());
  const std::vector<store::ClusterAssignment> clusters = *h.store->ListClusters();
  const std::vector<store::ReviewItemRow> items = *h.store->ListReviewItems("", 100);
  auto again = h.Run();
  REQUIRE(again.ok());
  CHECK(again->totals.rows_read == 0);  // files skipped, records matched again
  CHECK(again->match.ran);
  CHECK(again->match.delta);  // nothing changed: nothing to match
  CHECK(again->match.changed_records == 0);
  CHECK(again->match.records_reclustered == 0);
  CHECK(again->golden.active == first->golden.active);
  const std::vector<store::ClusterAssignment> now = *h.store->ListClusters();
  REQUIRE(now.size() == clusters.size());
  for (size_t i = 0; i < now.size(); ++i) {
    CHECK(now[i].record_id == clusters[i].record_id);
    CHECK(now[i].cluster_id == clusters[i].cluster_id);
  }
  // Review items keep their ids and the run that last changed them.
  const std::vector<store::ReviewItemRow> items_now = *h.store->ListReviewItems("", 100);
  REQUIRE(items_now.size() == items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    CHECK(items_now[i].item_id == items[i].item_id);
    CHECK(items_now[i].updated_run == first->run_id);
  }
  CHECK(h.Count(absl::StrCat("SELECT count(*) FROM golden_members WHERE run_id = ",
                             again->run_id)) == 0);
}

TEST_CASE("RunBatch: a dry run matches but stores no clusters, model or review item",
          "[pipeline]") {
  Harness h;
  h.Write(SampleRows());
  auto report = h.Run(2, /*dry_run=*/true);
  REQUIRE(report.ok());
  CHECK(report->match.ran);
  CHECK(report->match.model_trained);
  CHECK(report->match.clusters == 32);
  CHECK(report->match.review_items == 1);
  CHECK((*h.store->ListClusters()).empty());
  CHECK_FALSE((*h.store->LatestModel("")).has_value());
  CHECK((*h.store->ListReviewItems("", 100)).empty());
  CHECK_FALSE((*h.store->LatestRunMatching()).has_value());
  CHECK(h.Count("SELECT count(*) FROM record_match_keys") == 0);
}

TEST_CASE("RunBatch: a load-only run leaves clusters, review items and models alone",
          "[pipeline]") {
  Harness h;
  h.Write(SampleRows());
  auto first = h.Run();
  REQUIRE(first.ok());
  const std::string clusters = h.Clusters();
  const std::string items = h.ReviewItems();
  // A new delivery: another record of person 1, and the bridge record.
  h.Write({{"P1", "crm", "C201", "Carpentier", "Paul", "", "0199010001", "", "69003", "Lyon"},
           Bridge()},
          "_2");
  auto load_only = h.Run(2, false, /*skip_matching=*/true);
  REQUIRE(load_only.ok());
  CHECK(load_only->totals.inserted == 2);
  CHECK_FALSE(load_only->match.ran);
  CHECK_FALSE(load_only->match.skipped_reason.empty());
  CHECK(h.Clusters() == clusters);  // the new records have no cluster yet
  CHECK(h.ReviewItems() == items);
  CHECK(h.Count("SELECT count(*) FROM match_models") == 1);
  CHECK(**h.store->LatestRunMatching() != "");  // the first run's setting stays

  auto matched = h.Run();
  REQUIRE(matched.ok());
  CHECK(matched->match.ran);
  // A delta run: the two records loaded since the last match, and the
  // records around them.
  CHECK(matched->match.delta);
  CHECK(matched->match.changed_records == 2);
  CHECK(matched->match.records >= 2);
  CHECK(matched->match.records < first->match.records);
  // C201 joins person 1; the bridge joins one of the namesakes.
  CHECK(matched->golden.active == first->golden.active);
  CHECK(matched->match.records_reclustered >= 2);
  const std::map<std::string, int64_t> cluster_of = h.ClusterOf();
  CHECK(cluster_of.at("crm:C201") == cluster_of.at("crm:C101"));
  CHECK((cluster_of.at("crm:C901") == cluster_of.at("crm:C900") ||
         cluster_of.at("crm:C901") == cluster_of.at("msl:M900")));

  // The delta gives what one full run over all the rows gives.
  Harness full;
  std::vector<Row> all = SampleRows();
  all.push_back({"P1", "crm", "C201", "Carpentier", "Paul", "", "0199010001", "", "69003", "Lyon"});
  all.push_back(Bridge());
  full.Write(all);
  REQUIRE(full.Run().ok());
  CHECK(h.Clusters() == full.Clusters());
  CHECK(h.ReviewItems() == full.ReviewItems());
}

TEST_CASE("RunMatching: records stored before match keys existed are matched, keys refreshed",
          "[pipeline]") {
  const std::vector<Row> rows = SampleRows();
  Harness fresh;
  fresh.Write(rows);
  REQUIRE(fresh.Run().ok());
  const std::map<std::string, std::string> fresh_keys = fresh.KeyBlobs();

  Harness old;
  old.Write(rows);
  REQUIRE(old.Run(2, false, /*skip_matching=*/true).ok());
  REQUIRE(old.Raw()->Exec("DELETE FROM record_match_keys").ok());
  auto report = old.Run();
  REQUIRE(report.ok());
  CHECK(report->match.ran);
  CHECK(report->match.records == static_cast<int64_t>(rows.size()));
  CHECK(old.Clusters() == fresh.Clusters());
  CHECK(old.ReviewItems() == fresh.ReviewItems());
  // The keys were extracted again from the stored records and written back,
  // exactly as loading writes them.
  const std::map<std::string, std::string> refreshed = old.KeyBlobs();
  CHECK(refreshed.size() == rows.size());
  CHECK(refreshed == fresh_keys);
}

TEST_CASE("ExplainPair: the waterfall adds up to the pair's match weight", "[pipeline]") {
  Harness h;
  h.Write(SampleRows());
  SECTION("without a model: FailedPrecondition") {
    REQUIRE(h.Run(2, false, /*skip_matching=*/true).ok());
    auto e = ExplainPair(*h.store, "crm", "C100", "msl", "M500", 2);
    CHECK(e.status().code() == absl::StatusCode::kFailedPrecondition);
  }
  SECTION("with a model") {
    auto report = h.Run();
    REQUIRE(report.ok());
    SECTION("an unknown record is NotFound, naming it") {
      auto e = ExplainPair(*h.store, "crm", "C100", "msl", "NOPE", 2);
      CHECK(e.status().code() == absl::StatusCode::kNotFound);
      CHECK(std::string(e.status().message()).find("msl:NOPE") != std::string::npos);
      CHECK(ExplainPair(*h.store, "nosuch", "C100", "msl", "M500", 2).status().code() ==
            absl::StatusCode::kNotFound);
    }
    SECTION("a merged pair") {
      auto e = ExplainPair(*h.store, "crm", "C100", "msl", "M500", 2);
      REQUIRE(e.ok());
      CHECK(e->record_a == "crm:C100");
      CHECK(e->record_b == "msl:M500");
      CHECK(e->model_id == report->match.model_id);
      CHECK(e->terms.size() == h.config.matching.comparisons.size());
      double sum = e->prior_weight;
      for (const ComparisonTerm& term : e->terms) {
        CAPTURE(term.comparison, term.level);
        sum += term.weight + term.tf_adjustment;
        if (term.level == "null") CHECK(term.weight == 0);
      }
      CHECK(sum == Approx(e->match_weight).margin(1e-9));
      CHECK(e->probability ==
            Approx(std::exp2(e->match_weight) / (1 + std::exp2(e->match_weight))));
      CHECK(e->decision == MatchDecision::kAutoMerge);
      CHECK(e->cannot_link_scheme.empty());
      CHECK(e->blocking_rule == "same_identifier");
      CHECK(e->terms[0].comparison == "identifier");
      CHECK(e->terms[0].level == "exact_valid");
    }
    SECTION("the namesakes: never merged automatically") {
      auto e = ExplainPair(*h.store, "msl", "M900", "crm", "C900", 2);
      REQUIRE(e.ok());
      CHECK(e->record_a == "msl:M900");
      CHECK(e->cannot_link_scheme == "rpps");
      CHECK(e->decision == MatchDecision::kReview);
      CHECK(e->probability >= h.config.matching.auto_merge);  // scored as a merge
    }
    SECTION("a pair no rule compares is explained and says so") {
      auto e = ExplainPair(*h.store, "crm", "C100", "crm", "C111", 2);
      REQUIRE(e.ok());
      CHECK(e->blocking_rule.empty());
      CHECK(e->decision == MatchDecision::kDistinct);
    }
  }
}

TEST_CASE("LatestRunSetting: the setting of the newest run that matched", "[pipeline]") {
  Harness h;
  auto none = LatestRunSetting(*h.store);
  REQUIRE(none.ok());
  CHECK(none->auto_merge == DefaultMatchingConfig().auto_merge);
  h.config.matching.auto_merge = 0.97;
  h.config.matching.review = 0.5;
  h.Write(SampleRows());
  REQUIRE(h.Run().ok());
  REQUIRE(h.Run(2, false, /*skip_matching=*/true).ok());
  auto setting = LatestRunSetting(*h.store);
  REQUIRE(setting.ok());
  CHECK(setting->auto_merge == 0.97);
  CHECK(setting->review == 0.5);
  CHECK(setting->blocking_rules.size() == h.config.matching.blocking_rules.size());
}

// RunOptions::on_progress calls, their views copied.
struct ProgressCall {
  std::string stage, item, unit;
  int64_t done = 0, total = 0;
  bool finished = false;
  std::thread::id thread;
};

// A run with on_progress set; the calls grouped by stage (and file), in
// order.
std::vector<std::vector<ProgressCall>> RunWithProgress(Harness& h, RunReport* report) {
  std::vector<ProgressCall> calls;
  RunOptions options;
  options.on_progress = [&calls](const Progress& p) {
    calls.push_back({std::string(p.stage), std::string(p.item), std::string(p.unit), p.done,
                     p.total, p.finished, std::this_thread::get_id()});
  };
  h.clock.Advance(absl::Minutes(1));
  absl::StatusOr<RunReport> run = RunBatch(h.config, options, *h.store, h.clock, 4, testing::KeyFile(h.dir));
  REQUIRE(run.ok());
  *report = *std::move(run);
  std::vector<std::vector<ProgressCall>> stages;
  for (ProgressCall& c : calls) {
    if (stages.empty() || stages.back().back().finished) stages.emplace_back();
    stages.back().push_back(std::move(c));
  }
  return stages;
}

std::vector<std::string> StageNames(const std::vector<std::vector<ProgressCall>>& stages) {
  std::vector<std::string> names;
  for (const auto& calls : stages) names.push_back(calls.front().stage);
  return names;
}

// Starts at 0, never goes back, stays within a known total and reaches
// it, ends finished; one stage, one item, one unit, the caller's thread.
void CheckStage(const std::vector<ProgressCall>& calls) {
  INFO("stage " << calls.front().stage << " " << calls.front().item);
  CHECK(calls.front().done == 0);
  CHECK(calls.back().finished);
  int64_t previous = 0;
  for (size_t i = 0; i < calls.size(); ++i) {
    const ProgressCall& c = calls[i];
    CHECK(c.stage == calls.front().stage);
    CHECK(c.item == calls.front().item);
    CHECK(c.unit == calls.front().unit);
    CHECK(c.total == calls.front().total);
    CHECK(c.finished == (i + 1 == calls.size()));
    CHECK(c.done >= previous);
    if (c.total > 0) CHECK(c.done <= c.total);
    CHECK(c.thread == std::this_thread::get_id());
    previous = c.done;
  }
  if (calls.back().total > 0) CHECK(calls.back().done == calls.back().total);
}

TEST_CASE("RunBatch: on_progress hears each long stage start, advance and finish",
          "[pipeline]") {
  Harness h;
  h.Write(SampleRows());
  RunReport report;
  const std::vector<std::vector<ProgressCall>> stages = RunWithProgress(h, &report);
  CHECK(StageNames(stages) ==
        std::vector<std::string>{"ingest", "ingest", "load_keys", "block", "train", "score",
                                 "cluster", "persist_matches", "golden"});
  for (const auto& calls : stages) CheckStage(calls);
  // What each stage counts, against what the run did.
  std::map<std::string, const ProgressCall*> last;
  for (const auto& calls : stages) last[calls.front().stage] = &calls.back();
  for (size_t file = 0; file < 2; ++file) {
    const ProgressCall& ingest = stages[file].back();
    CHECK(ingest.unit == "bytes");
    CHECK(ingest.item == report.files[file].path);  // a path: no record data
    CHECK(ingest.total == static_cast<int64_t>(std::filesystem::file_size(ingest.item)));
  }
  CHECK(last["load_keys"]->unit == "records");
  CHECK(last["load_keys"]->total >= report.match.records);
  CHECK(last["score"]->unit == "blocks");
  CHECK(last["score"]->total > 0);
  CHECK(last["persist_matches"]->total == report.match.records);
  CHECK(last["golden"]->unit == "clusters");
  CHECK(last["golden"]->total == report.golden.rebuilt);
  for (const char* no_count : {"block", "train", "cluster"}) {
    CHECK(last[no_count]->total == 0);
    CHECK(last[no_count]->unit.empty());
  }

  SECTION("a delta run reports what it does: the new file, scoring, golden records") {
    h.Write({Bridge()}, "_2");
    const std::vector<std::vector<ProgressCall>> delta = RunWithProgress(h, &report);
    REQUIRE(report.match.delta);
    CHECK(StageNames(delta) == std::vector<std::string>{"ingest", "score", "golden"});
    for (const auto& calls : delta) CheckStage(calls);
  }
}
}  // namespace
}  // namespace mdm::pipeline
