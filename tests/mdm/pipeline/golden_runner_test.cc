// SPDX-License-Identifier: Apache-2.0
// Golden records end to end, through mdm::Engine::Run on small synthetic
// sources (a CRM export and an MSL export of invented people): creation,
// reruns, merges, delete markers, changed versions, determinism across
// stores, survivorship changes and load-only runs; and the lookups
// Engine::Golden, GoldenHistory and Xref.
#include "mdm/pipeline/golden_runner.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "mdm/engine.h"
#include "mdm/json.h"
#include "mdm/store/sqlite_db.h"
#include "tests/testing/fake_clock.h"
#include "tests/testing/sample_people.h"
#include "tests/testing/temp_dir.h"

namespace mdm::pipeline {
namespace {

using Row = testing::SampleRow;
using testing::kSamplePeople;
using testing::SamplePeopleRows;
using testing::Shuffled;
using testing::ValidRpps;

// A row with the default time and no delete flag.
Row Person(std::vector<std::string> f) {
  Row r;
  r.source = f[0];
  r.key = f[1];
  r.family = f[2];
  r.given = f[3];
  r.rpps = f[4];
  r.phone = f[5];
  r.email = f[6];
  r.postcode = f[7];
  r.city = f[8];
  return r;
}

Row Delete(const std::string& source, const std::string& key, const std::string& observed) {
  return testing::SampleDeleteMarker(source, key, observed);
}

Row RowOf(const std::vector<Row>& rows, const std::string& name) {
  for (const Row& r : rows) {
    if (r.Name() == name) return r;
  }
  FAIL("no row " << name);
  return {};
}

struct Harness {
  testing::TempDir dir;
  testing::FakeClock clock;
  std::unique_ptr<Engine> engine;
  Config config;

  explicit Harness(bool msl_first = false) {
    const std::string yaml = absl::StrCat("version: 1\n", testing::SampleSourcesYaml(msl_first));
    config = *ParseConfig(yaml, dir.File("mdm.yaml"));
    EngineOptions options;
    options.db_path = dir.File("mdm.db");
    options.create_if_missing = true;
    options.clock = &clock;
    options.threads = 2;
    engine = *Engine::Open(options);
  }

  // Writes the rows of each source to `<source><suffix>.csv`.
  void Write(const std::vector<Row>& rows, const std::string& suffix) {
    for (const auto& [source, text] : testing::SampleCsvFiles(rows)) {
      dir.Write(source + suffix + ".csv", text);
    }
  }

  RunReport Run(bool skip_matching = false, bool dry_run = false) {
    RunOptions options;
    options.skip_matching = skip_matching;
    options.dry_run = dry_run;
    clock.Advance(absl::Minutes(1));
    absl::StatusOr<RunReport> report = engine->Run(config, options);
    REQUIRE(report.ok());
    return *std::move(report);
  }

  // The golden id `source:key` belongs to now.
  std::string GoldenOf(const std::string& source, const std::string& key) {
    absl::StatusOr<Crosswalk> x = engine->Xref(source, key);
    INFO(source << ":" << key << " " << x.status());
    REQUIRE(x.ok());
    return x->golden_id;
  }

  GoldenRecord Golden(const std::string& id) {
    absl::StatusOr<GoldenRecord> g = engine->Golden(id);
    INFO(id << " " << g.status());
    REQUIRE(g.ok());
    return *std::move(g);
  }

  std::vector<GoldenEvent> History(const std::string& id) {
    absl::StatusOr<std::vector<GoldenEvent>> events = engine->GoldenHistory(id);
    INFO(id << " " << events.status());
    REQUIRE(events.ok());
    return *std::move(events);
  }

  // "kind detail" of each event, oldest first.
  std::vector<std::string> Events(const std::string& id) {
    std::vector<std::string> out;
    for (const GoldenEvent& e : History(id)) out.push_back(absl::StrCat(e.kind, " ", e.detail));
    return out;
  }

  std::unique_ptr<store::SqliteDb> Raw() const {
    return *store::SqliteDb::Open(dir.File("mdm.db"), store::SqliteDb::kMustExist);
  }
  int64_t Count(const std::string& sql) const { return *Raw()->QueryInt(sql); }

  // Every golden id ever issued, in creation order.
  std::vector<std::string> GoldenIds() const {
    auto db = Raw();
    auto stmt = *db->Prepare("SELECT golden_id FROM golden_records ORDER BY seq");
    std::vector<std::string> out;
    while (*stmt.Step()) out.push_back(stmt.ColumnText(0));
    return out;
  }

  // golden id -> GoldenRecordToJson, for every golden id.
  std::map<std::string, std::string> GoldenJsons() {
    std::map<std::string, std::string> out;
    for (const std::string& id : GoldenIds()) out[id] = GoldenRecordToJson(Golden(id));
    return out;
  }
};

// The fields of a golden event's detail.
nlohmann::json Detail(const GoldenEvent& e) { return nlohmann::json::parse(e.detail); }

void CheckAddsUp(const GoldenReport& g, int64_t active_before) {
  // Every golden record active before is kept (updated or unchanged),
  // merged or retired; new ones are created.
  CHECK(g.active == g.updated + g.unchanged + g.created);
  CHECK(active_before == g.updated + g.unchanged + g.merged + g.retired);
}

TEST_CASE("Golden records: the first run creates one golden record per person", "[golden]") {
  Harness h;
  const std::vector<Row> rows = SamplePeopleRows();
  h.Write(rows, "_1");
  const RunReport report = h.Run();
  const GoldenReport& g = report.golden;
  CHECK(g.ran);
  CHECK(g.active == kSamplePeople);
  CHECK(g.created == kSamplePeople);
  CHECK(g.rebuilt == kSamplePeople);
  CHECK(g.updated == 0);
  CHECK(g.unchanged == 0);
  CHECK(g.merged == 0);
  CHECK(g.split == 0);
  CHECK(g.retired == 0);
  CheckAddsUp(g, 0);
  CHECK(report.match.clusters == kSamplePeople);
  CHECK(report.match.records_reclustered == static_cast<int64_t>(rows.size()));
  CHECK(report.stage_seconds.count("survive") == 1);
  CHECK(report.stage_seconds.count("persist_golden") == 1);
  CHECK(h.GoldenIds().size() == static_cast<size_t>(kSamplePeople));
  CHECK(h.Count("SELECT count(*) FROM golden_members WHERE active = 1") ==
        static_cast<int64_t>(rows.size()));

  // Both records of a person share a golden id; people do not.
  std::set<std::string> ids;
  for (const Row& r : rows) {
    CAPTURE(r.Name());
    const std::string id = h.GoldenOf(r.source, r.key);
    ids.insert(id);
    if (r.source == "msl") {
      CHECK(id == h.GoldenOf("crm", absl::StrCat("C", std::stoi(r.key.substr(1)) - 400)));
    }
  }
  CHECK(ids.size() == static_cast<size_t>(kSamplePeople));

  SECTION("a person in both sources: values with lineage and rules, both members") {
    const std::string id = h.GoldenOf("crm", "C100");
    CHECK(id.size() == 17);
    CHECK(id[0] == 'G');
    const GoldenRecord golden = h.Golden(id);
    CHECK(golden.golden_id == id);
    CHECK(golden.status == GoldenStatus::kActive);
    CHECK(golden.merged_into.empty());
    CHECK(golden.created_run == report.run_id);
    CHECK(golden.updated_run == report.run_id);
    CHECK(golden.members == std::vector<std::string>{"crm:C100", "msl:M500"});
    CHECK(golden.name.value.family_name == "Aubertin");
    CHECK(golden.name.lineage.records == std::vector<std::string>{"crm:C100", "msl:M500"});
    CHECK(golden.name.lineage.rule == "only_value");  // both carry the same name
    REQUIRE(golden.phones.size() == 1);
    CHECK(golden.phones[0].primary);
    CHECK(golden.phones[0].lineage.records == std::vector<std::string>{"crm:C100", "msl:M500"});
    REQUIRE(golden.identifiers.size() == 1);
    CHECK(golden.identifiers[0].value.value == ValidRpps(1000));
    CHECK(golden.identifiers[0].value.validity == Validity::kValid);

    const std::vector<GoldenEvent> events = h.History(id);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == "created");
    CHECK(events[0].run_id == report.run_id);
    CHECK(events[0].at == report.started_at);
    CHECK(events[0].detail == R"({"records":["crm:C100","msl:M500"]})");
  }
  SECTION("two competing values: lineage names the record of each, a policy decides") {
    // Person 4's MSL record has a typo in the family name.
    const GoldenRecord golden = h.Golden(h.GoldenOf("crm", "C104"));
    CHECK(golden.members == std::vector<std::string>{"crm:C104", "msl:M504"});
    CHECK(golden.name.lineage.records.size() == 1);
    CHECK(golden.name.lineage.rule != "only_value");
    CHECK_FALSE(golden.name.lineage.rule.empty());
  }
  SECTION("a person in one source") {
    const GoldenRecord golden = h.Golden(h.GoldenOf("crm", "C102"));
    CHECK(golden.members == std::vector<std::string>{"crm:C102"});
    CHECK(golden.name.lineage.records == std::vector<std::string>{"crm:C102"});
    CHECK(golden.name.lineage.rule == "only_value");
  }
}

TEST_CASE("Golden records: rerunning the same files changes nothing", "[golden]") {
  Harness h;
  h.Write(SamplePeopleRows(), "_1");
  const RunReport first = h.Run();
  const std::map<std::string, std::string> before = h.GoldenJsons();
  const int64_t events = h.Count("SELECT count(*) FROM golden_events");
  CHECK(events == kSamplePeople);  // one "created" each

  const RunReport again = h.Run();
  CHECK(again.totals.rows_read == 0);
  const GoldenReport& g = again.golden;
  CHECK(g.ran);
  CHECK(g.active == kSamplePeople);
  CHECK(g.unchanged == kSamplePeople);
  CHECK(g.created == 0);
  CHECK(g.updated == 0);
  CHECK(g.merged == 0);
  CHECK(g.split == 0);
  CHECK(g.retired == 0);
  CHECK(g.rebuilt == 0);  // nothing was read again
  CheckAddsUp(g, kSamplePeople);
  CHECK(again.match.records_reclustered == 0);
  CHECK(h.Count("SELECT count(*) FROM golden_events") == events);
  CHECK(h.GoldenJsons() == before);  // updated_run included
  CHECK(h.Count(absl::StrCat("SELECT count(*) FROM golden_members WHERE run_id = ",
                             again.run_id)) == 0);
  CHECK(first.run_id != again.run_id);
}

TEST_CASE("Golden records: a record linking two people merges them and the older id survives",
          "[golden]") {
  Harness h;
  std::vector<Row> rows = SamplePeopleRows();
  // Two records of one invented person that share nothing but the name:
  // loaded in two runs, they stay apart.
  const Row msl_record = Person({"msl", "M300", "Maillochon", "Gwenaelle", "", "0199088001",
                                 "g.maillochon@example.net", "44000", "Nantes"});
  const Row crm_record =
      Person({"crm", "C300", "Maillochon", "Gwenaelle", ValidRpps(3000), "0199088002",
              "gwen.maillochon@example.org", "67000", "Strasbourg"});
  rows.push_back(msl_record);
  h.Write(rows, "_1");
  const RunReport first = h.Run();
  REQUIRE(first.golden.created == kSamplePeople + 1);
  h.Write({crm_record}, "_2");
  const RunReport second = h.Run();
  REQUIRE(second.golden.created == 1);
  const std::string older = h.GoldenOf("msl", "M300");  // created in the first run
  const std::string newer = h.GoldenOf("crm", "C300");
  REQUIRE(older != newer);
  // The newer id sorts first and its member's seed too: only age decides.
  INFO("older " << older << " newer " << newer);

  // A third record carries the CRM record's RPPS and both records' phones
  // and e-mails.
  Row bridge = crm_record;
  bridge.key = "C301";
  bridge.phone = absl::StrCat(crm_record.phone, "|", msl_record.phone);
  bridge.email = absl::StrCat(crm_record.email, "|", msl_record.email);
  h.Write({bridge}, "_3");
  const RunReport third = h.Run();
  for (const char* other : {"C300", "M300"}) {
    auto e = h.engine->Explain("crm", "C301", other[0] == 'C' ? "crm" : "msl", other);
    REQUIRE(e.ok());
    INFO("C301 vs " << other << ": " << ExplanationToJson(*e));
    CHECK(e->decision == MatchDecision::kAutoMerge);
  }
  const GoldenReport& g = third.golden;
  CHECK(g.merged == 1);
  CHECK(g.created == 0);
  CHECK(g.updated == 1);
  CHECK(g.split == 0);
  CHECK(g.active == kSamplePeople + 1);
  CHECK(g.unchanged == kSamplePeople);
  CheckAddsUp(g, kSamplePeople + 2);
  CHECK(third.match.records_reclustered == 2);  // crm:C300 moved, crm:C301 new

  // Every record answers the survivor, the absorbed id's too.
  for (const char* key : {"C300", "C301"}) {
    CAPTURE(key);
    absl::StatusOr<Crosswalk> x = h.engine->Xref("crm", key);
    REQUIRE(x.ok());
    CHECK(x->golden_id == older);
    CHECK(x->status == GoldenStatus::kActive);
    CHECK_FALSE(x->deleted);
  }
  CHECK(h.GoldenOf("msl", "M300") == older);

  const GoldenRecord survivor = h.Golden(older);
  CHECK(survivor.status == GoldenStatus::kActive);
  CHECK(survivor.members == std::vector<std::string>{"crm:C300", "crm:C301", "msl:M300"});
  CHECK(survivor.created_run == first.run_id);
  CHECK(survivor.updated_run == third.run_id);
  const GoldenRecord absorbed = h.Golden(newer);
  CHECK(absorbed.status == GoldenStatus::kMerged);
  CHECK(absorbed.merged_into == older);
  CHECK(absorbed.members == std::vector<std::string>{"crm:C300"});  // its last content
  CHECK(absorbed.updated_run == third.run_id);

  const std::vector<GoldenEvent> survivor_events = h.History(older);
  REQUIRE(survivor_events.size() == 3);
  CHECK(survivor_events[0].kind == "created");
  CHECK(survivor_events[1].kind == "merged");
  CHECK(survivor_events[1].run_id == third.run_id);
  CHECK(survivor_events[1].detail == absl::StrCat(R"({"absorbed":[")", newer, R"("]})"));
  CHECK(survivor_events[2].kind == "updated");
  const nlohmann::json updated = Detail(survivor_events[2]);
  CHECK(updated["added"] == nlohmann::json({"crm:C300", "crm:C301"}));
  CHECK(updated["removed"].empty());
  CHECK(std::find(updated["changed"].begin(), updated["changed"].end(), "identifiers") !=
        updated["changed"].end());

  const std::vector<GoldenEvent> absorbed_events = h.History(newer);
  REQUIRE(absorbed_events.size() == 2);
  CHECK(absorbed_events[0].kind == "created");
  CHECK(absorbed_events[0].run_id == second.run_id);
  CHECK(absorbed_events[1].kind == "merged_into");
  CHECK(absorbed_events[1].detail == absl::StrCat(R"({"into":")", older, R"("})"));
  CHECK(absorbed_events[1].at == third.started_at);
}

TEST_CASE("Golden records: delete markers take records out of their golden records",
          "[golden]") {
  Harness h;
  h.Write(SamplePeopleRows(), "_1");
  h.Run();
  const std::string both = h.GoldenOf("crm", "C101");  // crm:C101 + msl:M501
  const std::string alone = h.GoldenOf("crm", "C102");
  REQUIRE(h.GoldenOf("msl", "M501") == both);

  h.Write({Delete("msl", "M501", "2026-03-01"), Delete("crm", "C102", "2026-03-01")}, "_2");
  const RunReport report = h.Run();
  CHECK(report.totals.deletes == 2);
  CHECK(report.totals.updated == 2);
  CHECK(report.totals.rejected == 0);
  const GoldenReport& g = report.golden;
  CHECK(g.updated == 1);
  CHECK(g.retired == 1);
  CHECK(g.created == 0);
  CHECK(g.merged == 0);
  CHECK(g.active == kSamplePeople - 1);
  CHECK(g.unchanged == kSamplePeople - 2);
  CHECK(g.rebuilt == 1);
  CheckAddsUp(g, kSamplePeople);

  SECTION("the record leaves its golden record; xref still answers, deleted") {
    const GoldenRecord golden = h.Golden(both);
    CHECK(golden.status == GoldenStatus::kActive);
    CHECK(golden.members == std::vector<std::string>{"crm:C101"});
    CHECK(golden.name.lineage.records == std::vector<std::string>{"crm:C101"});
    CHECK(golden.updated_run == report.run_id);
    const std::vector<GoldenEvent> events = h.History(both);
    REQUIRE(events.size() == 2);
    CHECK(events[1].kind == "updated");
    const nlohmann::json detail = Detail(events[1]);
    CHECK(detail["removed"] == nlohmann::json({"msl:M501"}));
    CHECK(detail["added"].empty());

    absl::StatusOr<Crosswalk> x = h.engine->Xref("msl", "M501");
    REQUIRE(x.ok());
    CHECK(x->deleted);
    CHECK(x->golden_id == both);
    CHECK(x->status == GoldenStatus::kActive);
    CHECK(x->merged_from.empty());
    absl::StatusOr<Crosswalk> kept = h.engine->Xref("crm", "C101");
    REQUIRE(kept.ok());
    CHECK_FALSE(kept->deleted);
    CHECK(kept->golden_id == both);
  }
  SECTION("a golden record whose every record is deleted is retired") {
    const GoldenRecord golden = h.Golden(alone);
    CHECK(golden.status == GoldenStatus::kRetired);
    CHECK(golden.members == std::vector<std::string>{"crm:C102"});  // its last content
    CHECK(golden.updated_run == report.run_id);
    CHECK(h.Events(alone) ==
          std::vector<std::string>{R"(created {"records":["crm:C102"]})",
                                   R"(retired {"records":["crm:C102"]})"});
    absl::StatusOr<Crosswalk> x = h.engine->Xref("crm", "C102");
    REQUIRE(x.ok());
    CHECK(x->deleted);
    CHECK(x->golden_id == alone);
    CHECK(x->status == GoldenStatus::kRetired);
  }
  SECTION("the next run changes nothing more") {
    const RunReport again = h.Run();
    CHECK(again.golden.retired == 0);
    CHECK(again.golden.updated == 0);
    CHECK(again.golden.unchanged == kSamplePeople - 1);
    CHECK(h.History(alone).size() == 2);
    CHECK(h.History(both).size() == 2);
  }
}

TEST_CASE("Golden records: deleting the store's only record retires its golden record",
          "[golden]") {
  Harness h;
  h.Write({SamplePeopleRows()[0]}, "_1");
  const RunReport first = h.Run();
  REQUIRE(first.golden.created == 1);
  const std::string id = h.GoldenOf("crm", "C100");
  h.Write({Delete("crm", "C100", "2026-02-01")}, "_2");
  const RunReport second = h.Run();
  CHECK(second.golden.retired == 1);
  CHECK(second.golden.active == 0);
  absl::StatusOr<Crosswalk> x = h.engine->Xref("crm", "C100");
  REQUIRE(x.ok());
  CHECK(x->deleted);
  CHECK(x->golden_id == id);
  CHECK(x->status == GoldenStatus::kRetired);
}

TEST_CASE("Golden records: a newer version of a record updates only its golden record",
          "[golden]") {
  Harness h;
  const std::vector<Row> rows = SamplePeopleRows();
  h.Write(rows, "_1");
  h.Run();
  const std::map<std::string, std::string> before = h.GoldenJsons();
  const std::string id = h.GoldenOf("crm", "C100");

  Row changed = RowOf(rows, "crm:C100");
  changed.observed = "2026-02-01";
  changed.phone = "0199077777";
  h.Write({changed}, "_2");
  const RunReport report = h.Run();
  CHECK(report.totals.updated == 1);
  const GoldenReport& g = report.golden;
  CHECK(g.updated == 1);
  CHECK(g.unchanged == kSamplePeople - 1);
  CHECK(g.rebuilt == 1);
  CHECK(g.created == 0);
  CHECK(g.merged == 0);
  CheckAddsUp(g, kSamplePeople);

  const std::vector<GoldenEvent> events = h.History(id);
  REQUIRE(events.size() == 2);
  CHECK(events[1].kind == "updated");
  CHECK(events[1].detail == R"({"added":[],"removed":[],"changed":["phones"]})");
  const GoldenRecord golden = h.Golden(id);
  REQUIRE(golden.phones.size() == 2);
  std::set<std::string> phones;
  for (const auto& p : golden.phones) phones.insert(p.value.e164);
  CHECK(phones == std::set<std::string>{"+33199077777", "+33199010000"});

  // Every other golden record is exactly as before.
  const std::map<std::string, std::string> after = h.GoldenJsons();
  REQUIRE(after.size() == before.size());
  int differ = 0;
  for (const auto& [gid, json] : after) {
    if (json != before.at(gid)) {
      ++differ;
      CHECK(gid == id);
    }
  }
  CHECK(differ == 1);
}

TEST_CASE("Golden records: xref of a deleted record follows its golden record's merge",
          "[golden]") {
  Harness h;
  std::vector<Row> rows = SamplePeopleRows();
  const Row msl_record = Person({"msl", "M300", "Maillochon", "Gwenaelle", "", "0199088001",
                                 "g.maillochon@example.net", "44000", "Nantes"});
  rows.push_back(msl_record);
  h.Write(rows, "_1");
  h.Run();
  // Two CRM records of the person (one a duplicate), apart from the MSL one.
  const Row crm_record =
      Person({"crm", "C300", "Maillochon", "Gwenaelle", ValidRpps(3000), "0199088002",
              "gwen.maillochon@example.org", "67000", "Strasbourg"});
  Row duplicate = crm_record;
  duplicate.key = "C302";
  h.Write({crm_record, duplicate}, "_2");
  h.Run();
  const std::string older = h.GoldenOf("msl", "M300");
  const std::string newer = h.GoldenOf("crm", "C300");
  REQUIRE(h.GoldenOf("crm", "C302") == newer);
  REQUIRE(older != newer);

  // One run deletes the duplicate and brings the bridge that merges the two.
  Row bridge = crm_record;
  bridge.key = "C301";
  bridge.phone = absl::StrCat(crm_record.phone, "|", msl_record.phone);
  bridge.email = absl::StrCat(crm_record.email, "|", msl_record.email);
  h.Write({bridge, Delete("crm", "C302", "2026-02-01")}, "_3");
  const RunReport third = h.Run();
  CHECK(third.golden.merged == 1);
  CHECK(h.Golden(newer).status == GoldenStatus::kMerged);

  absl::StatusOr<Crosswalk> x = h.engine->Xref("crm", "C302");
  REQUIRE(x.ok());
  CHECK(x->deleted);
  CHECK(x->golden_id == older);
  CHECK(x->status == GoldenStatus::kActive);
  CHECK(x->merged_from == std::vector<std::string>{newer});
  // A record that moved with the merge answers directly.
  absl::StatusOr<Crosswalk> moved = h.engine->Xref("crm", "C300");
  REQUIRE(moved.ok());
  CHECK(moved->golden_id == older);
  CHECK(moved->merged_from.empty());
  // The absorbed id's last content lists both of its records, its
  // "updated" event the deleted one, and it ends merged.
  CHECK(h.Golden(newer).members == std::vector<std::string>{"crm:C300", "crm:C302"});
  const std::vector<GoldenEvent> events = h.History(newer);
  REQUIRE_FALSE(events.empty());
  CHECK(events.back().kind == "merged_into");
}

TEST_CASE("Golden records: a record that stops matching splits its golden record",
          "[golden]") {
  Harness h;
  const std::vector<Row> rows = SamplePeopleRows();
  h.Write(rows, "_1");
  h.Run();
  const std::string id = h.GoldenOf("crm", "C100");
  REQUIRE(h.GoldenOf("msl", "M500") == id);

  // msl:M500 now describes someone else entirely.
  Row other = Person({"msl", "M500", "Quemeneur", "Armelle", "", "0199055001",
                      "armelle.quemeneur@example.net", "13005", "Marseille"});
  other.observed = "2026-02-01";
  h.Write({other}, "_2");
  const RunReport report = h.Run();
  const GoldenReport& g = report.golden;
  CHECK(g.split == 1);
  CHECK(g.created == 1);
  CHECK(g.updated == 1);
  CHECK(g.merged == 0);
  CHECK(g.active == kSamplePeople + 1);
  CHECK(g.unchanged == kSamplePeople - 1);
  CheckAddsUp(g, kSamplePeople);

  // One record each: the tie goes to the part with the smaller seed, crm:C100.
  CHECK(h.GoldenOf("crm", "C100") == id);
  const std::string split_off = h.GoldenOf("msl", "M500");
  CHECK(split_off != id);
  CHECK(h.Golden(id).members == std::vector<std::string>{"crm:C100"});
  const GoldenRecord part = h.Golden(split_off);
  CHECK(part.members == std::vector<std::string>{"msl:M500"});
  CHECK(part.created_run == report.run_id);
  CHECK(part.name.value.family_name == "Quemeneur");

  std::vector<std::string> into = {id, split_off};
  std::sort(into.begin(), into.end());
  CHECK(h.Events(id) == std::vector<std::string>{
                            R"(created {"records":["crm:C100","msl:M500"]})",
                            R"(updated {"added":[],"removed":["msl:M500"],"changed":[]})",
                            absl::StrCat(R"(split {"into":[")", into[0], R"(",")", into[1],
                                         R"("]})")});
  CHECK(h.Events(split_off) ==
        std::vector<std::string>{absl::StrCat(R"(split_from {"from":[")", id,
                                              R"("],"records":["msl:M500"]})")});
}

TEST_CASE("Golden records: a rebuilt golden record with the same content is unchanged",
          "[golden]") {
  Harness h;
  const std::vector<Row> rows = SamplePeopleRows();
  h.Write(rows, "_1");
  h.Run();
  const std::string id = h.GoldenOf("crm", "C102");
  const std::string json = GoldenRecordToJson(h.Golden(id));
  Row newer = RowOf(rows, "crm:C102");
  newer.observed = "2026-06-01";  // a new version with the same values
  h.Write({newer}, "_2");
  const RunReport report = h.Run();
  CHECK(report.totals.updated == 1);
  CHECK(report.golden.rebuilt == 1);
  CHECK(report.golden.updated == 0);
  CHECK(report.golden.unchanged == kSamplePeople);
  CHECK(GoldenRecordToJson(h.Golden(id)) == json);
  CHECK(h.History(id).size() == 1);
}

TEST_CASE("Golden records: a deleted record loaded again joins a golden record", "[golden]") {
  Harness h;
  const std::vector<Row> rows = SamplePeopleRows();
  h.Write(rows, "_1");
  h.Run();
  const std::string retired = h.GoldenOf("crm", "C102");
  h.Write({Delete("crm", "C102", "2026-02-01")}, "_2");
  REQUIRE(h.Run().golden.retired == 1);
  Row back = RowOf(rows, "crm:C102");
  back.observed = "2026-03-01";
  h.Write({back}, "_3");
  const RunReport report = h.Run();
  CHECK(report.golden.created == 1);
  CHECK(report.golden.active == kSamplePeople);
  absl::StatusOr<Crosswalk> x = h.engine->Xref("crm", "C102");
  REQUIRE(x.ok());
  CHECK_FALSE(x->deleted);
  CHECK(x->status == GoldenStatus::kActive);
  CHECK(h.Golden(x->golden_id).members == std::vector<std::string>{"crm:C102"});
  // The retired id is not reused: a new id, derived from the same seed.
  CHECK(x->golden_id != retired);
  CHECK(h.Golden(retired).status == GoldenStatus::kRetired);
}

// G0 = {crm:C100, msl:M500} is older than G1 = {crm:C101, msl:M501}. A
// newer version of msl:M501 carries person 0's values: G0 gains it, G1
// keeps crm:C101 (a split), nobody is merged.
TEST_CASE("Golden records: a record moving to an older golden record does not merge its "
          "former golden record",
          "[golden]") {
  Harness h;
  const std::vector<Row> rows = SamplePeopleRows();
  h.Write(rows, "_1");
  h.Run();
  const std::string g0 = h.GoldenOf("crm", "C100");
  const std::string g1 = h.GoldenOf("crm", "C101");
  REQUIRE(h.GoldenOf("msl", "M501") == g1);

  Row moved = RowOf(rows, "msl:M500");  // person 0's values ...
  moved.key = "M501";                   // ... under person 1's MSL key
  moved.observed = "2026-02-01";
  h.Write({moved}, "_2");
  const RunReport report = h.Run();
  REQUIRE(h.GoldenOf("msl", "M501") == g0);  // the record did move
  CHECK(report.golden.merged == 0);
  CHECK(report.golden.created == 0);
  CHECK(h.GoldenOf("crm", "C101") == g1);
  CHECK(h.Golden(g1).status == GoldenStatus::kActive);
  CHECK(h.Golden(g1).members == std::vector<std::string>{"crm:C101"});
}

// A delete marker for a key never loaded before has no golden record:
// xref says so rather than asking for a matching run that cannot help.
TEST_CASE("Golden records: xref of a delete marker never matched does not ask for a matching "
          "run",
          "[golden]") {
  Harness h;
  std::vector<Row> rows = SamplePeopleRows();
  rows.push_back(Delete("crm", "C777", "2026-01-01"));
  h.Write(rows, "_1");
  const RunReport first = h.Run();
  REQUIRE(first.totals.deletes == 1);
  h.Run();
  absl::StatusOr<Crosswalk> x = h.engine->Xref("crm", "C777");
  CHECK(x.status().code() != absl::StatusCode::kFailedPrecondition);
  CHECK(std::string(x.status().message()).find("not matched yet") == std::string::npos);
  if (x.ok()) CHECK(x->deleted);
}

TEST_CASE("Golden records: the same inputs give the same ids and values in every store",
          "[golden]") {
  const std::vector<Row> rows = SamplePeopleRows();
  Harness a;
  a.Write(rows, "_1");
  const RunReport report_a = a.Run();

  // Other store: sources in the other order, rows shuffled and spread over
  // two files per source.
  Harness b(/*msl_first=*/true);
  const std::vector<Row> shuffled = Shuffled(rows);
  const size_t half = shuffled.size() / 2;
  b.Write({shuffled.begin(), shuffled.begin() + half}, "_2");
  b.Write({shuffled.begin() + half, shuffled.end()}, "_1");
  const RunReport report_b = b.Run();
  REQUIRE(report_b.files.size() == 4);

  CHECK(report_a.golden.created == report_b.golden.created);
  std::vector<std::string> ids_a = a.GoldenIds(), ids_b = b.GoldenIds();
  CHECK(ids_a == ids_b);  // same ids, created in the same order
  const std::map<std::string, std::string> jsons_a = a.GoldenJsons();
  CHECK(jsons_a == b.GoldenJsons());
  for (const Row& r : rows) {
    CAPTURE(r.Name());
    CHECK(a.GoldenOf(r.source, r.key) == b.GoldenOf(r.source, r.key));
  }
  for (const std::string& id : ids_a) {
    CAPTURE(id);
    CHECK(a.Events(id) == b.Events(id));
  }
}

TEST_CASE("Golden records: another survivorship setting rebuilds every golden record",
          "[golden]") {
  Harness h;
  h.Write(SamplePeopleRows(), "_1");
  h.Run();
  const std::string typo = h.GoldenOf("crm", "C104");  // two competing names
  const std::string rule_before = h.Golden(typo).name.lineage.rule;

  h.config.survivorship.attributes["name"] = {SurvivorshipPolicy::kMostComplete,
                                              SurvivorshipPolicy::kMostRecent};
  const RunReport report = h.Run();
  const GoldenReport& g = report.golden;
  CHECK(g.rebuilt == g.active);
  CHECK(g.active == kSamplePeople);
  CHECK(g.created == 0);
  CHECK(g.merged == 0);
  CheckAddsUp(g, kSamplePeople);
  CHECK(g.updated >= 1);  // at least the lineage rule of a competed name changed
  const std::string rule_after = h.Golden(typo).name.lineage.rule;
  CHECK(rule_after != rule_before);
  CHECK((rule_after == "most_complete" || rule_after == "most_recent" || rule_after == "tie"));

  // The same setting again: nothing is rebuilt.
  const RunReport again = h.Run();
  CHECK(again.golden.rebuilt == 0);
  CHECK(again.golden.unchanged == kSamplePeople);
}

TEST_CASE("Golden records: a load-only run waits for the next matching run", "[golden]") {
  Harness h;
  const std::vector<Row> rows = SamplePeopleRows();
  h.Write(rows, "_1");
  h.Run();
  const std::string id = h.GoldenOf("crm", "C100");
  const std::string json_before = GoldenRecordToJson(h.Golden(id));

  Row changed = RowOf(rows, "crm:C100");
  changed.observed = "2026-02-01";
  changed.phone = "0199077777";
  const Row fresh = Person({"crm", "C999", "Kerbrat", "Solenn", "", "0199066001",
                            "solenn.kerbrat@example.org", "31000", "Toulouse"});
  h.Write({changed, fresh}, "_2");
  const RunReport load = h.Run(/*skip_matching=*/true);
  CHECK(load.totals.updated == 1);
  CHECK(load.totals.inserted == 1);
  CHECK_FALSE(load.golden.ran);
  CHECK(load.golden.active == 0);
  CHECK(GoldenRecordToJson(h.Golden(id)) == json_before);  // not rebuilt yet

  SECTION("lookups on records not matched yet") {
    absl::StatusOr<Crosswalk> x = h.engine->Xref("crm", "C999");
    CHECK(x.status().code() == absl::StatusCode::kFailedPrecondition);
    CHECK(std::string(x.status().message()).find("crm:C999") != std::string::npos);
    CHECK(h.GoldenOf("crm", "C100") == id);  // matched before: answers
    CHECK(h.engine->Xref("crm", "NOPE").status().code() == absl::StatusCode::kNotFound);
    CHECK(h.engine->Xref("nosuch", "C100").status().code() == absl::StatusCode::kNotFound);
    CHECK(h.engine->Golden("nope").status().code() == absl::StatusCode::kNotFound);
    CHECK(h.engine->GoldenHistory("nope").status().code() == absl::StatusCode::kNotFound);
  }
  SECTION("the matching run rebuilds the changed record's golden record") {
    const RunReport matched = h.Run();
    CHECK(matched.totals.rows_read == 0);
    const GoldenReport& g = matched.golden;
    CHECK(g.updated == 1);
    CHECK(g.created == 1);
    CHECK(g.unchanged == kSamplePeople - 1);
    CheckAddsUp(g, kSamplePeople);
    const std::vector<GoldenEvent> events = h.History(id);
    REQUIRE(events.size() == 2);
    CHECK(events[1].run_id == matched.run_id);
    CHECK(events[1].detail == R"({"added":[],"removed":[],"changed":["phones"]})");
    const std::string new_id = h.GoldenOf("crm", "C999");
    CHECK(h.Golden(new_id).members == std::vector<std::string>{"crm:C999"});
    CHECK(h.Count("SELECT count(*) FROM pending_records") == 0);
  }
}

TEST_CASE("Golden records: a dry run reports golden counts but stores none", "[golden]") {
  Harness h;
  h.Write(SamplePeopleRows(), "_1");
  const RunReport report = h.Run(false, /*dry_run=*/true);
  CHECK(report.golden.ran);
  CHECK(report.golden.created == kSamplePeople);
  CHECK(h.GoldenIds().empty());
  CHECK(h.Count("SELECT count(*) FROM golden_events") == 0);
  CHECK(h.Count("SELECT count(*) FROM golden_members") == 0);
}

}  // namespace
}  // namespace mdm::pipeline
