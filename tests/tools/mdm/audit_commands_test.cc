// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `mdm audit verify` and `mdm audit log` on a store of
// data-samples/: exit codes, --json, the filters, and that changing one
// stored byte of the trail (with SQLite, behind the engine's back) is found
// and named.
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "tests/testing/mdm_process.h"
#include "tests/testing/temp_dir.h"

namespace mdm {
namespace {

using testing::MdmResult;

const std::string kSamples = std::string(MDM_SOURCE_DIR) + "/data-samples";

// A copy of data-samples/ in a temporary directory, loaded once.
struct Store {
  testing::TempDir dir;
  std::string db = dir.File("mdm.db");
  std::string config = dir.File("mdm.yaml");

  Store() {
    for (const auto& entry : std::filesystem::directory_iterator(kSamples)) {
      if (entry.is_regular_file()) {
        std::filesystem::copy_file(entry.path(), dir.File(entry.path().filename().string()));
      }
    }
    REQUIRE(Mdm("init").exit_code == 0);
    MdmResult run = Mdm(absl::StrCat("run --config ", config));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
  }
  MdmResult Mdm(const std::string& args) {
    return testing::RunMdm(absl::StrCat(args, " --db ", db), dir);
  }
  nlohmann::json Json(const std::string& args) {
    MdmResult r = Mdm(absl::StrCat(args, " --json"));
    INFO(args << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
  }
  // Runs `sql` on the store directly, as someone tampering with it would.
  void Sql(const std::string& sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error == nullptr ? "" : error;
    sqlite3_free(error);
    sqlite3_close(raw);
    INFO(sql << ": " << message);
    REQUIRE(rc == SQLITE_OK);
  }
};

TEST_CASE("mdm audit verify: a loaded store's chain is intact", "[cli][audit]") {
  Store s;
  MdmResult text = s.Mdm("audit verify");
  INFO(text.err);
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("intact"));

  nlohmann::json v = s.Json("audit verify");
  CHECK(v["ok"] == true);
  CHECK(v["first_broken_seq"] == 0);
  CHECK(v["problem"] == "");
  // One golden.created event per golden record of the run, at least.
  const nlohmann::json all = s.Json("audit log --limit 1000000");
  REQUIRE(all.size() > 100);
  CHECK(v["events"].get<size_t>() == all.size());
  CHECK(v["payloads_checked"].get<int64_t>() > 0);
  CHECK(v["payloads_erased"] == 0);
}

TEST_CASE("mdm audit log: limit, order and the chain links", "[cli][audit]") {
  Store s;
  const nlohmann::json all = s.Json("audit log --limit 1000000");
  REQUIRE(all.size() > 5);
  // The whole trail, oldest first, numbered 1, 2, ... and chained.
  for (size_t i = 0; i < all.size(); ++i) {
    INFO("event #" << i);
    CHECK(all[i]["seq"].get<int64_t>() == static_cast<int64_t>(i) + 1);
    if (i > 0) CHECK(all[i]["prev_hash"] == all[i - 1]["hash"]);
  }

  const nlohmann::json five = s.Json("audit log --limit 5");
  REQUIRE(five.size() == 5);
  for (size_t i = 1; i < five.size(); ++i) {
    CHECK(five[i]["seq"].get<int64_t>() > five[i - 1]["seq"].get<int64_t>());
  }
  // The newest five.
  CHECK(five[4]["seq"] == all.back()["seq"]);
  CHECK(five[0]["seq"].get<int64_t>() == all.back()["seq"].get<int64_t>() - 4);

  // The text form has a header and one line per event.
  MdmResult text = s.Mdm("audit log --limit 3");
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("action"));
  CHECK_THAT(text.out, Catch::Contains(all.back()["action"].get<std::string>()));

  // Payloads are left out unless asked for.
  for (const nlohmann::json& e : five) CHECK_FALSE(e.contains("payload"));
  const nlohmann::json with = s.Json("audit log --limit 1000000 --payload");
  bool any_payload = false;
  for (const nlohmann::json& e : with) any_payload = any_payload || e.contains("payload");
  CHECK(any_payload);
}

TEST_CASE("mdm audit log: --golden and --since filter, bad values are refused", "[cli][audit]") {
  Store s;
  const nlohmann::json all = s.Json("audit log --limit 1000000");
  std::string g;
  for (const nlohmann::json& e : all) {
    if (e["action"] == "golden.created" && !e["golden_ids"].empty()) {
      g = e["golden_ids"][0];
      break;
    }
  }
  REQUIRE_FALSE(g.empty());

  const nlohmann::json about = s.Json(absl::StrCat("audit log --golden ", g));
  REQUIRE_FALSE(about.empty());
  CHECK(about.size() < all.size());
  for (const nlohmann::json& e : about) {
    INFO(e.dump());
    bool names = false;
    for (const nlohmann::json& id : e["golden_ids"]) names = names || id == g;
    CHECK(names);
  }

  CHECK(s.Json("audit log --since 2999-01-01").empty());
  CHECK(s.Json("audit log --since 2999-01-01T00:00:00Z").empty());
  CHECK(s.Json("audit log --since 2000-01-01 --limit 1000000").size() == all.size());

  MdmResult yesterday = s.Mdm("audit log --since yesterday");
  CHECK(yesterday.exit_code == 2);
  CHECK_THAT(yesterday.err, Catch::Contains("ISO-8601"));
  for (const char* day : {"2026-13-45", "2026-02-30", "2026-11-30T25:00:00Z"}) {
    INFO(day);
    CHECK(s.Mdm(absl::StrCat("audit log --since ", day)).exit_code == 2);
  }
  MdmResult nope = s.Mdm("audit log --golden NOPE");
  CHECK(nope.exit_code == 1);
  CHECK_THAT(nope.err, Catch::Contains("NOPE"));
  CHECK(s.Mdm("audit log --limit 0").exit_code == 2);
  CHECK(s.Mdm("audit log --limit many").exit_code == 2);
}

TEST_CASE("mdm audit verify: a changed event breaks the chain at that event", "[cli][audit]") {
  Store s;
  s.Sql("UPDATE audit_events SET actor = 'x' WHERE seq = 5");

  MdmResult text = s.Mdm("audit verify");
  CHECK(text.exit_code == 1);
  CHECK_THAT(text.out, Catch::Contains("BROKEN"));
  CHECK_THAT(text.out, Catch::Contains("event 5"));

  MdmResult json = s.Mdm("audit verify --json");
  REQUIRE(json.exit_code == 1);
  const nlohmann::json v = nlohmann::json::parse(json.out);
  CHECK(v["ok"] == false);
  CHECK(v["first_broken_seq"] == 5);
  CHECK_FALSE(v["problem"].get<std::string>().empty());

  // Put the byte back: intact again, so it was that change that was found.
  s.Sql("UPDATE audit_events SET actor = 'run' WHERE seq = 5");
  CHECK(s.Mdm("audit verify").exit_code == 0);
}

TEST_CASE("mdm audit verify: a changed payload or a deleted event is found", "[cli][audit]") {
  Store s;
  const nlohmann::json all = s.Json("audit log --limit 1000000");
  // An event with a payload, in the middle of the trail.
  int64_t with_payload = 0;
  for (size_t i = all.size() / 2; i < all.size(); ++i) {
    if (!all[i]["payload_sha256"].get<std::string>().empty()) {
      with_payload = all[i]["seq"];
      break;
    }
  }
  REQUIRE(with_payload > 0);

  SECTION("a payload") {
    s.Sql(absl::StrCat("UPDATE audit_payloads SET payload = ' ' || payload WHERE seq = ",
                       with_payload));
    MdmResult json = s.Mdm("audit verify --json");
    REQUIRE(json.exit_code == 1);
    CHECK(nlohmann::json::parse(json.out)["first_broken_seq"] == with_payload);
  }
  SECTION("an event") {
    s.Sql("DELETE FROM audit_events WHERE seq = 7");
    MdmResult json = s.Mdm("audit verify --json");
    REQUIRE(json.exit_code == 1);
    const int64_t broken = nlohmann::json::parse(json.out)["first_broken_seq"];
    // The gap is named: at the missing event or the one after it.
    CHECK(broken >= 7);
    CHECK(broken <= 8);
  }
}

}  // namespace
}  // namespace mdm
