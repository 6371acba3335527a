// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of the steward's commands on a store of data-samples/:
// mdm queue list|show|decide|assign, mdm golden split|merge|override|unpin|
// overrides and mdm dcr submit|list|approve|reject; exit codes, --json,
// and that the next run applies what was decided.
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "tests/testing/mdm_process.h"
#include "tests/testing/temp_dir.h"

namespace mdm {
namespace {

using testing::MdmResult;

const std::string kSamples = std::string(MDM_SOURCE_DIR) + "/data-samples";

// data-samples/mdm.yaml with a wider review band, so that the queue holds
// items whatever the model makes of the sample's few borderline pairs.
std::string WideBandConfig(const testing::TempDir& dir) {
  std::ifstream in(kSamples + "/mdm.yaml");
  std::stringstream text;
  text << in.rdbuf();
  const std::string yaml = absl::StrReplaceAll(text.str(), {{"files: ", "files: " + kSamples + "/"}});
  return dir.Write("mdm.yaml",
                   absl::StrCat(yaml, "matching:\n  decision: {auto_merge: 0.99, review: 0.05}\n"));
}

struct Store {
  testing::TempDir dir;
  std::string db = dir.File("mdm.db");
  std::string config = WideBandConfig(dir);

  Store() {
    REQUIRE(Mdm("init").exit_code == 0);
    REQUIRE(Run().exit_code == 0);
  }
  MdmResult Mdm(const std::string& args) {
    return testing::RunMdm(absl::StrCat(args, " --db ", db), dir);
  }
  MdmResult Run() {
    MdmResult r = Mdm(absl::StrCat("run --config ", config));
    INFO(r.err);
    return r;
  }
  nlohmann::json Json(const std::string& args) {
    MdmResult r = Mdm(absl::StrCat(args, " --json"));
    INFO(args << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
  }
  std::string GoldenOf(const std::string& source, const std::string& key) {
    return Json(absl::StrCat("xref ", source, " ", key))["golden_id"];
  }
};

TEST_CASE("mdm queue: list, show and decide, then a run applies the decision", "[cli]") {
  Store s;
  nlohmann::json page = s.Json("queue list");
  REQUIRE(page["total"].get<int>() >= 1);
  const nlohmann::json item = page["items"][0];
  const std::string id = absl::StrCat(item["item_id"].get<int>());
  const std::string a_source = item["a"]["source"], a_key = item["a"]["source_key"];
  const std::string b_source = item["b"]["source"], b_key = item["b"]["source_key"];

  MdmResult text = s.Mdm(absl::StrCat("queue show ", id));
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("match weight"));
  CHECK_THAT(text.out, Catch::Contains(a_key));
  nlohmann::json detail = s.Json(absl::StrCat("queue show ", id));
  CHECK(detail["item"]["item_id"] == item["item_id"]);
  CHECK(detail["fields"].size() >= 2);
  CHECK(detail["explanation"]["terms"].size() >= 2);

  CHECK(s.Mdm(absl::StrCat("queue decide ", id, " maybe --reason x --steward alice")).exit_code ==
        2);
  CHECK(s.Mdm(absl::StrCat("queue decide ", id, " same --steward alice")).exit_code == 2);
  MdmResult old = s.Mdm(absl::StrCat("queue decide ", id,
                                     " same --reason checked --steward alice --revision 99"));
  CHECK(old.exit_code == 1);
  CHECK_THAT(old.err, Catch::Contains("changed since"));
  MdmResult decided = s.Mdm(absl::StrCat("queue decide ", id, " same --reason 'checked registry' "
                                         "--steward alice --json"));
  REQUIRE(decided.exit_code == 0);
  CHECK(nlohmann::json::parse(decided.out)["decision"] == "same");
  MdmResult again =
      s.Mdm(absl::StrCat("queue decide ", id, " different --reason late --steward bob"));
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Catch::Contains("already decided by alice"));
  CHECK(s.Mdm("queue show 987654").exit_code == 1);
  CHECK(s.Mdm("queue list --status closed").exit_code == 2);

  REQUIRE(s.Run().exit_code == 0);
  CHECK(s.GoldenOf(a_source, a_key) == s.GoldenOf(b_source, b_key));
  nlohmann::json done = s.Json("queue list --status decided");
  REQUIRE(done["total"] == 1);
  CHECK(done["items"][0]["applied"] == true);
  CHECK(done["items"][0]["decided_by"] == "alice");
}

TEST_CASE("mdm golden split, merge, override and unpin bind the next runs", "[cli]") {
  Store s;
  // A golden record with several members: the first CRM record's (five
  // records of one person in the sample).
  std::ifstream crm(kSamples + "/crm_fr.csv");
  std::string line;
  std::getline(crm, line);  // the header
  std::getline(crm, line);
  const std::string g = s.GoldenOf("crm_fr", line.substr(0, line.find(',')));
  nlohmann::json golden = s.Json(absl::StrCat("golden show ", g))["golden"];
  REQUIRE(golden["members"].size() >= 2);
  const std::string member = golden["members"][1];
  const std::string source = member.substr(0, member.find(':'));
  const std::string key = member.substr(member.find(':') + 1);

  CHECK(s.Mdm(absl::StrCat("golden split ", g, " --records ", member,
                           " --reason 'two people' --steward alice"))
            .exit_code == 0);
  REQUIRE(s.Run().exit_code == 0);
  const std::string split_off = s.GoldenOf(source, key);
  CHECK(split_off != g);
  REQUIRE(s.Run().exit_code == 0);
  CHECK(s.GoldenOf(source, key) == split_off);

  CHECK(s.Mdm(absl::StrCat("golden merge ", g, " ", split_off,
                           " --reason 'one person' --steward alice"))
            .exit_code == 0);
  REQUIRE(s.Run().exit_code == 0);
  CHECK(s.GoldenOf(source, key) == g);

  CHECK(s.Mdm(absl::StrCat("golden override ", g,
                           " given_name=Émilie --reason 'asked by HCP' --steward alice"))
            .exit_code == 0);
  CHECK(s.Mdm(absl::StrCat("golden override ", g, " shoe=42 --reason x --steward alice"))
            .exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("golden override ", g, " no-equals --reason x --steward alice"))
            .exit_code == 2);
  REQUIRE(s.Run().exit_code == 0);
  golden = s.Json(absl::StrCat("golden show ", g))["golden"];
  CHECK(golden["name"]["value"]["given_names"] == "Émilie");
  CHECK(golden["name"]["rule"] == "steward_override");
  CHECK(s.Json(absl::StrCat("golden overrides ", g)).size() == 1);

  CHECK(s.Mdm(absl::StrCat("golden unpin ", g, " given_name --reason wrong --steward alice"))
            .exit_code == 0);
  CHECK(s.Mdm(absl::StrCat("golden unpin ", g, " given_name --reason again --steward alice"))
            .exit_code == 1);
  REQUIRE(s.Run().exit_code == 0);
  golden = s.Json(absl::StrCat("golden show ", g))["golden"];
  CHECK(golden["name"]["rule"] != "steward_override");
  CHECK(s.Mdm("golden split GNOTANID --records a:b --reason x --steward alice").exit_code == 1);
}

TEST_CASE("mdm dcr: submitted, listed, approved (pinned) or rejected once", "[cli]") {
  Store s;
  const std::string g = s.Json("queue list")["items"][0]["a"]["golden_id"];
  nlohmann::json wanted = s.Json(absl::StrCat("dcr submit ", g,
                                              " birth_date=1970-01-02 --by rep-7 --reason badge"));
  CHECK(wanted["status"] == "open");
  nlohmann::json unwanted =
      s.Json(absl::StrCat("dcr submit ", g, " gender=X --by msl-3 --reason guess"));
  CHECK(s.Mdm(absl::StrCat("dcr submit ", g, " birth_date=yesterday --by rep --reason x"))
            .exit_code == 2);
  CHECK(s.Json("dcr list").size() == 2);
  const std::string w = absl::StrCat(wanted["dcr_id"].get<int>());
  const std::string u = absl::StrCat(unwanted["dcr_id"].get<int>());
  CHECK(s.Json(absl::StrCat("dcr approve ", w, " --steward alice --reason ok"))["status"] ==
        "approved");
  CHECK(s.Json(absl::StrCat("dcr reject ", u, " --steward alice --reason no"))["status"] ==
        "rejected");
  CHECK(s.Mdm(absl::StrCat("dcr approve ", u, " --steward bob --reason late")).exit_code == 1);
  CHECK(s.Json("dcr list").empty());
  CHECK(s.Json("dcr list --status all").size() == 2);
  REQUIRE(s.Run().exit_code == 0);
  CHECK(s.Json(absl::StrCat("golden show ", g))["golden"]["birth_date"]["value"] == "1970-01-02");
}

}  // namespace
}  // namespace mdm
