// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of the privacy officer's commands on a store of a copy of
// data-samples/: mdm gdpr erase|export|restrict|unrestrict|consent|
// retention|report; exit codes, --json, what is left in the store's files
// after an erasure, and that the next run keeps the erased person out.
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "tests/testing/mdm_process.h"
#include "tests/testing/temp_dir.h"

namespace mdm {
namespace {

using testing::MdmResult;

const std::string kSamples = std::string(MDM_SOURCE_DIR) + "/data-samples";

// The data files mdm.yaml names.
const std::vector<std::string> kDataFiles = {"crm_fr.csv", "crm_us.csv", "msl_profiles.jsonl",
                                             "medinfo_inquiries.csv", "social_mentions.jsonl"};

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

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
    REQUIRE(std::filesystem::exists(db + ".key"));
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

  // A golden record the run created from three records or more, one of
  // which has an e-mail.
  std::string SeveralMembers() {
    for (const nlohmann::json& e : Json("audit log --limit 1000000")) {
      if (e["action"] != "golden.created" || e["source_keys"].size() < 3) continue;
      const std::string g = e["golden_ids"][0];
      const nlohmann::json shown = Json(absl::StrCat("golden show ", g));
      if (shown["golden"]["status"] != "active") continue;
      for (const nlohmann::json& r : shown["member_records"]) {
        if (r.contains("emails") && !r["emails"].empty()) return g;
      }
    }
    FAIL("no golden record with three members and an e-mail in data-samples");
    return "";
  }

  // Every *.db* file of the directory (the store, its log, its key), as bytes.
  std::map<std::string, std::string> StoreFiles() const {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && name.find(".db") != std::string::npos) {
        files[name] = ReadBytes(entry.path().string());
      }
    }
    return files;
  }
};

// The personal values of a golden record's members that the tests look for
// after an erasure: every e-mail (raw and normalised) and the display names.
struct Person {
  std::vector<std::string> emails;
  std::vector<std::string> names;
  std::vector<std::pair<std::string, std::string>> members;  // source, key
};

Person PersonOf(const nlohmann::json& shown) {
  Person p;
  for (const nlohmann::json& r : shown["member_records"]) {
    p.members.emplace_back(r["source"], r["source_key"]);
    if (r.contains("emails")) {
      for (const nlohmann::json& e : r["emails"]) {
        for (const char* field : {"raw", "normalized"}) {
          if (e.contains(field) && !e[field].get<std::string>().empty()) {
            p.emails.push_back(e[field]);
          }
        }
      }
    }
  }
  const nlohmann::json& name = shown["golden"]["name"]["value"];
  const std::string given = name.value("given_names", "");
  const std::string family = name.value("family_name", "");
  if (!given.empty() && !family.empty()) p.names.push_back(absl::StrCat(given, " ", family));
  const std::string display = name.value("display", "");
  if (display.find(' ') != std::string::npos) p.names.push_back(display);
  return p;
}

TEST_CASE("mdm gdpr erase: the person leaves the store and stays out of later runs",
          "[cli][gdpr]") {
  Store s;
  const std::string g = s.SeveralMembers();
  const nlohmann::json before = s.Json(absl::StrCat("golden show ", g));
  const Person person = PersonOf(before);
  REQUIRE(person.members.size() >= 3);
  REQUIRE_FALSE(person.emails.empty());
  // The values are in the store before: the byte search below can fail.
  {
    std::string all;
    for (const auto& [name, bytes] : s.StoreFiles()) all += Lower(bytes);
    CHECK_THAT(all, Catch::Contains(Lower(person.emails[0])));
  }

  MdmResult erased = s.Mdm(absl::StrCat("gdpr erase --golden ", g,
                                        " --reason 'Art. 17 request 42' --officer dpo1 --json"));
  INFO(erased.err);
  REQUIRE(erased.exit_code == 0);
  const nlohmann::json report = nlohmann::json::parse(erased.out);
  CHECK(report["golden_id"] == g);
  CHECK(report["source_records"].get<int64_t>() == static_cast<int64_t>(person.members.size()));
  CHECK(report["suppression_keys"].get<int64_t>() > 0);
  CHECK(report["audit_payloads"].get<int64_t>() > 0);
  CHECK(report["audit_seq"].get<int64_t>() > 0);
  CHECK(report["wal_truncated"] == true);
  // The report names ids and counts, not the person.
  for (const std::string& email : person.emails) CHECK_THAT(erased.out, !Catch::Contains(email));

  auto check_gone_from_files = [&] {
    for (const auto& [name, bytes] : s.StoreFiles()) {
      INFO("file " << name);
      for (const std::string& email : person.emails) {
        INFO("e-mail " << email);
        CHECK(Lower(bytes).find(Lower(email)) == std::string::npos);
      }
      for (const std::string& n : person.names) {
        INFO("name " << n);
        CHECK(bytes.find(n) == std::string::npos);
      }
    }
  };
  check_gone_from_files();

  const nlohmann::json after = s.Json(absl::StrCat("golden show ", g));
  CHECK(after["golden"]["status"] == "erased");
  CHECK(after["member_records"].empty());
  for (const auto& [source, key] : person.members) {
    INFO(source << ":" << key);
    MdmResult xref = s.Mdm(absl::StrCat("xref ", source, " ", key));
    CHECK(xref.exit_code == 1);
  }

  MdmResult exported =
      s.Mdm(absl::StrCat("gdpr export --golden ", g, " --reason 'access request' --officer dpo1"));
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  const nlohmann::json doc = nlohmann::json::parse(exported.out);
  CHECK(doc["golden_record"]["status"] == "erased");
  CHECK(doc["source_records"].empty());
  for (const std::string& text : {exported.out, doc.dump()}) {
    for (const std::string& email : person.emails) {
      CHECK(Lower(text).find(Lower(email)) == std::string::npos);
    }
    for (const std::string& n : person.names) CHECK_THAT(text, !Catch::Contains(n));
  }
  // The audit trail keeps the erasure, with the golden.created payload erased.
  bool erase_event = false, payload_erased = false;
  for (const nlohmann::json& e : s.Json(absl::StrCat("audit log --golden ", g))) {
    erase_event = erase_event || (e["action"] == "gdpr.erase" && e["actor"] == "dpo1");
    payload_erased = payload_erased || (e["action"] == "golden.created" && e["payload_erased"]);
  }
  CHECK(erase_event);
  CHECK(payload_erased);

  MdmResult verify = s.Mdm("audit verify --json");
  CHECK(verify.exit_code == 0);
  CHECK(nlohmann::json::parse(verify.out)["payloads_erased"].get<int64_t>() > 0);

  // The same files again, each one byte longer (so that the run reads them
  // rather than skipping them as unchanged): the person's rows are counted as
  // suppressed and not loaded.
  for (const std::string& file : kDataFiles) {
    std::ofstream(s.dir.File(file), std::ios::binary | std::ios::app) << "\n";
  }
  MdmResult rerun = s.Mdm(absl::StrCat("run --config ", s.config, " --json"));
  INFO(rerun.err);
  REQUIRE(rerun.exit_code == 0);
  const nlohmann::json totals = nlohmann::json::parse(rerun.out)["totals"];
  INFO(totals.dump());
  CHECK(totals["suppressed"].get<int64_t>() == static_cast<int64_t>(person.members.size()));
  CHECK(totals["rows_read"].get<int64_t>() ==
        totals["accepted"].get<int64_t>() + totals["rejected"].get<int64_t>() +
            totals["duplicates"].get<int64_t>() + totals["suppressed"].get<int64_t>());
  CHECK(totals["rows_read"].get<int64_t>() > 0);
  for (const auto& [source, key] : person.members) {
    INFO(source << ":" << key);
    CHECK(s.Mdm(absl::StrCat("xref ", source, " ", key)).exit_code == 1);
  }
  CHECK(s.Json(absl::StrCat("golden show ", g))["golden"]["status"] == "erased");
  check_gone_from_files();
  CHECK(s.Mdm("audit verify").exit_code == 0);
}

TEST_CASE("mdm gdpr erase: by a source record of the person", "[cli][gdpr]") {
  Store s;
  const std::string g = s.SeveralMembers();
  const Person person = PersonOf(s.Json(absl::StrCat("golden show ", g)));
  const auto& [source, key] = person.members.back();
  const nlohmann::json report =
      s.Json(absl::StrCat("gdpr erase --source ", source, " --key ", key,
                          " --reason 'Art. 17' --officer dpo1"));
  CHECK(report["golden_id"] == g);
  CHECK(s.Json(absl::StrCat("golden show ", g))["golden"]["status"] == "erased");
  CHECK(s.Mdm(absl::StrCat("xref ", person.members.front().first, " ",
                           person.members.front().second))
            .exit_code == 1);
}

TEST_CASE("mdm gdpr erase: argument errors, unknown ids and a missing secret key",
          "[cli][gdpr]") {
  Store s;
  const std::string g = s.SeveralMembers();
  const nlohmann::json before = s.Json(absl::StrCat("golden show ", g));
  const Person person = PersonOf(before);
  const auto& [source, key] = person.members.front();
  const std::string last_event = s.Mdm("audit log --json --limit 1").out;

  CHECK(s.Mdm("gdpr erase --reason r --officer dpo1").exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr erase --golden ", g, " --source ", source, " --key ", key,
                           " --reason r --officer dpo1"))
            .exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr erase --source ", source, " --reason r --officer dpo1"))
            .exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr erase --key ", key, " --reason r --officer dpo1")).exit_code ==
        2);
  CHECK(s.Mdm(absl::StrCat("gdpr erase --golden ", g, " --officer dpo1")).exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr erase --golden ", g, " --reason r")).exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr erase --golden ", g, " --reason '' --officer dpo1")).exit_code ==
        2);
  MdmResult unknown = s.Mdm("gdpr erase --golden GNOTANID --reason r --officer dpo1");
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("GNOTANID"));
  CHECK(s.Mdm(absl::StrCat("gdpr erase --source ", source, " --key NOPE --reason r --officer "
                           "dpo1"))
            .exit_code == 1);
  // None of that changed anything.
  CHECK(s.Mdm("audit log --json --limit 1").out == last_event);

  SECTION("without the secret key nothing is erased") {
    std::filesystem::rename(s.db + ".key", s.dir.File("elsewhere.key"));
    MdmResult no_key =
        s.Mdm(absl::StrCat("gdpr erase --golden ", g, " --reason r --officer dpo1"));
    CHECK(no_key.exit_code == 1);
    CHECK_THAT(no_key.err, Catch::Contains("key"));
    for (const std::string& email : person.emails) CHECK_THAT(no_key.err, !Catch::Contains(email));
    CHECK(s.Mdm("audit log --json --limit 1").out == last_event);
    const nlohmann::json still = s.Json(absl::StrCat("golden show ", g));
    CHECK(still["golden"]["status"] == "active");
    CHECK(still["golden"]["members"] == before["golden"]["members"]);
    CHECK(s.Json(absl::StrCat("xref ", source, " ", key))["golden_id"] == g);
    // The key back: the erasure goes through.
    std::filesystem::rename(s.dir.File("elsewhere.key"), s.db + ".key");
    CHECK(s.Mdm(absl::StrCat("gdpr erase --golden ", g, " --reason r --officer dpo1")).exit_code ==
          0);
  }
  SECTION("erasing twice") {
    CHECK(s.Mdm(absl::StrCat("gdpr erase --golden ", g, " --reason r --officer dpo1")).exit_code ==
          0);
    MdmResult again = s.Mdm(absl::StrCat("gdpr erase --golden ", g, " --reason r --officer dpo1"));
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.err, Catch::Contains(g));
    CHECK(s.Mdm(absl::StrCat("gdpr erase --source ", source, " --key ", key,
                             " --reason r --officer dpo1"))
              .exit_code == 1);
  }
}

TEST_CASE("mdm gdpr export: an owner-only JSON document, itself audited", "[cli][gdpr]") {
  Store s;
  const std::string g = s.SeveralMembers();
  const Person person = PersonOf(s.Json(absl::StrCat("golden show ", g)));
  const std::string out = s.dir.File("export.json");

  MdmResult r = s.Mdm(absl::StrCat("gdpr export --golden ", g,
                                   " --reason 'access request 7' --officer dpo1 --out ", out));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  struct stat st {};
  REQUIRE(::stat(out.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK_FALSE(std::filesystem::exists(out + ".tmp"));

  const nlohmann::json doc = nlohmann::json::parse(ReadBytes(out));
  for (const char* key : {"format", "golden_record", "source_records", "consent", "audit_events"}) {
    INFO(key);
    CHECK(doc.contains(key));
  }
  CHECK(doc["golden_record"]["golden_id"] == g);
  CHECK(doc["source_records"].size() == person.members.size());
  CHECK_THAT(Lower(ReadBytes(out)), Catch::Contains(Lower(person.emails[0])));

  // The officer's reason is free text: it is kept in the erasable payload,
  // not in the chained metadata.
  bool audited = false;
  for (const nlohmann::json& e : s.Json(absl::StrCat("audit log --payload --golden ", g))) {
    audited = audited || (e["action"] == "gdpr.export" && e["actor"] == "dpo1" &&
                          e["reason"] == "" && e["payload"]["reason"] == "access request 7");
  }
  CHECK(audited);

  // To standard output, the same document.
  MdmResult printed = s.Mdm(absl::StrCat("gdpr export --golden ", g, " --reason r --officer dpo1"));
  REQUIRE(printed.exit_code == 0);
  CHECK(nlohmann::json::parse(printed.out)["golden_record"]["golden_id"] == g);

  CHECK(s.Mdm("gdpr export --golden GNOTANID --reason r --officer dpo1").exit_code == 1);
  CHECK(s.Mdm(absl::StrCat("gdpr export --golden ", g, " --officer dpo1")).exit_code == 2);
  CHECK(s.Mdm("gdpr export --reason r --officer dpo1").exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr export --golden ", g, " --reason r --officer dpo1 --out ",
                           s.dir.File("no/such/dir/x.json")))
            .exit_code == 1);
}

TEST_CASE("mdm gdpr restrict and unrestrict: once each", "[cli][gdpr]") {
  Store s;
  const std::string g = s.SeveralMembers();
  const std::string who = " --reason 'Art. 18 request' --officer dpo1";

  CHECK(s.Mdm(absl::StrCat("gdpr restrict ", g, who)).exit_code == 0);
  MdmResult shown = s.Mdm(absl::StrCat("golden show ", g));
  REQUIRE(shown.exit_code == 0);
  CHECK_THAT(shown.out, Catch::Contains("RESTRICTED"));
  CHECK(s.Json(absl::StrCat("golden show ", g))["restricted"] == true);
  CHECK(s.Mdm(absl::StrCat("gdpr restrict ", g, who)).exit_code == 1);

  CHECK(s.Mdm(absl::StrCat("gdpr unrestrict ", g, who)).exit_code == 0);
  CHECK_THAT(s.Mdm(absl::StrCat("golden show ", g)).out, !Catch::Contains("RESTRICTED"));
  CHECK(s.Json(absl::StrCat("golden show ", g))["restricted"] == false);
  CHECK(s.Mdm(absl::StrCat("gdpr unrestrict ", g, who)).exit_code == 1);

  CHECK(s.Mdm(absl::StrCat("gdpr restrict GNOTANID", who)).exit_code == 1);
  CHECK(s.Mdm(absl::StrCat("gdpr unrestrict GNOTANID", who)).exit_code == 1);
  CHECK(s.Mdm(absl::StrCat("gdpr restrict ", g, " --officer dpo1")).exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr restrict ", g, " --reason r")).exit_code == 2);
}

TEST_CASE("mdm gdpr consent: a withdrawal by the officer is in force", "[cli][gdpr]") {
  Store s;
  const std::string g = s.SeveralMembers();
  const std::string who = " --reason 'asked by phone' --officer dpo1";

  REQUIRE(s.Mdm(absl::StrCat("gdpr consent ", g)).exit_code == 0);
  CHECK(s.Mdm(absl::StrCat("gdpr consent ", g, " --channel email --withdraw", who)).exit_code ==
        0);
  const nlohmann::json consents = s.Json(absl::StrCat("gdpr consent ", g));
  bool found = false;
  for (const nlohmann::json& c : consents) {
    if (c["channel"] != "email") continue;
    found = true;
    CHECK(c["granted"] == false);
    CHECK(c["origin"] == "officer:dpo1");
  }
  CHECK(found);
  CHECK(s.Json(absl::StrCat("golden show ", g))["consent"] == consents);

  CHECK(s.Mdm(absl::StrCat("gdpr consent ", g, " --channel fax --withdraw", who)).exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr consent ", g, " --channel email --grant --withdraw", who))
            .exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr consent ", g, " --channel email", who)).exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr consent ", g, " --grant", who)).exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr consent ", g, " --channel email --grant")).exit_code == 2);
  CHECK(s.Mdm(absl::StrCat("gdpr consent GNOTANID --channel email --grant", who)).exit_code == 1);
  CHECK(s.Mdm("gdpr consent GNOTANID").exit_code == 1);
  // The refused changes left the withdrawal in force.
  CHECK(s.Json(absl::StrCat("gdpr consent ", g)) == consents);

  // Granted again, for one purpose.
  CHECK(s.Mdm(absl::StrCat("gdpr consent ", g, " --channel phone --purpose events --grant", who))
            .exit_code == 0);
  bool phone = false;
  for (const nlohmann::json& c : s.Json(absl::StrCat("gdpr consent ", g))) {
    if (c["channel"] == "phone" && c["purpose"] == "events") {
      phone = true;
      CHECK(c["granted"] == true);
    }
  }
  CHECK(phone);
}

// The medinfo rows of the sample received before `cutoff`, bad rows aside.
std::set<std::string> MedinfoBefore(const std::string& dir, const std::string& cutoff) {
  std::set<std::string> bad;
  for (absl::string_view line : absl::StrSplit(ReadBytes(dir + "/bad_rows.csv"), '\n')) {
    std::vector<std::string> f = absl::StrSplit(line, ',');
    if (f.size() == 4 && f[0] == "medinfo_inquiries.csv" && !f[3].empty()) bad.insert(f[3]);
  }
  std::set<std::string> keys;
  for (absl::string_view line :
       absl::StrSplit(ReadBytes(dir + "/medinfo_inquiries.csv"), '\n')) {
    if (line.substr(0, 4) != "INQ-") continue;
    std::vector<std::string> f = absl::StrSplit(line, ';');
    if (f.size() < 2 || f[1].empty() || bad.count(f[0]) > 0) continue;
    if (f[1] < cutoff) keys.insert(f[0]);
  }
  return keys;
}

TEST_CASE("mdm gdpr retention: a dry run counts, --apply purges as many", "[cli][gdpr]") {
  Store s;
  // medinfo kept 2000 days instead of 3650: its rows of 2019 and 2020 (and
  // more as time passes) have expired.
  const std::string yaml = ReadBytes(s.config);
  REQUIRE_THAT(yaml, Catch::Contains("retention_days: 3650"));
  const std::string config = s.dir.Write(
      "retention.yaml", absl::StrReplaceAll(yaml, {{"retention_days: 3650", "retention_days: 2000"}}));
  const std::string command = absl::StrCat("gdpr retention --config ", config, " --officer dpo1");
  const std::string last_event = s.Mdm("audit log --json --limit 1").out;

  const nlohmann::json dry = s.Json(command);
  CHECK(dry["dry_run"] == true);
  CHECK(dry["purged"] == 0);
  int64_t expired = 0;
  std::string cutoff;
  for (const nlohmann::json& source : dry["sources"]) {
    expired += source["expired"].get<int64_t>();
    if (source["source"] == "medinfo") {
      CHECK(source["retention_days"] == 2000);
      cutoff = source["cutoff"];
      CHECK(source["expired"].get<int64_t>() > 0);
    }
  }
  REQUIRE_FALSE(cutoff.empty());
  REQUIRE(expired > 0);
  const std::set<std::string> old = MedinfoBefore(s.dir.path(), cutoff);
  REQUIRE_FALSE(old.empty());
  for (const nlohmann::json& source : dry["sources"]) {
    if (source["source"] == "medinfo") {
      CHECK(source["expired"].get<size_t>() == old.size());
    }
  }
  // Nothing changed, nothing audited.
  CHECK(s.Mdm("audit log --json --limit 1").out == last_event);
  const std::string one_old = *old.begin();
  CHECK(s.Json(absl::StrCat("xref medinfo ", one_old))["deleted"] == false);
  // --dry-run wins over --apply.
  CHECK(s.Json(absl::StrCat(command, " --apply --dry-run"))["purged"] == 0);
  CHECK(s.Mdm("audit log --json --limit 1").out == last_event);

  const nlohmann::json applied = s.Json(absl::StrCat(command, " --apply"));
  CHECK(applied["dry_run"] == false);
  CHECK(applied["purged"].get<int64_t>() == expired);
  CHECK(applied["audit_seq"].get<int64_t>() > 0);
  for (const std::string& key : old) {
    INFO("medinfo:" << key);
    MdmResult xref = s.Mdm(absl::StrCat("xref medinfo ", key, " --json"));
    if (xref.exit_code != 0) continue;  // gone altogether
    const nlohmann::json x = nlohmann::json::parse(xref.out);
    CHECK((x["deleted"] == true || x["status"] == "retired"));
  }
  bool purge_event = false;
  for (const nlohmann::json& e : s.Json("audit log --limit 1000000")) {
    if (e["action"] != "retention.purge" || e["actor"] != "dpo1") continue;
    for (const nlohmann::json& k : e["source_keys"]) {
      purge_event = purge_event || k == absl::StrCat("medinfo:", one_old);
    }
  }
  CHECK(purge_event);
  CHECK(s.Mdm("audit verify").exit_code == 0);

  // Nothing left to purge.
  const nlohmann::json again = s.Json(command);
  for (const nlohmann::json& source : again["sources"]) CHECK(source["expired"] == 0);

  CHECK(s.Mdm("gdpr retention --config mdm.yaml").exit_code == 2);  // no --officer
  CHECK(s.Mdm("gdpr retention --officer dpo1").exit_code == 2);     // no --config
}

TEST_CASE("mdm gdpr report: every configured source with its basis and retention",
          "[cli][gdpr]") {
  Store s;
  const std::string sample_config = kSamples + "/mdm.yaml";
  const nlohmann::json report = s.Json(absl::StrCat("gdpr report --config ", sample_config));

  // What data-samples/mdm.yaml says of each source (name, lawful_basis and
  // retention_days lines of its `sources:` list).
  std::map<std::string, std::pair<std::string, int>> expected;
  std::string current;
  for (absl::string_view raw : absl::StrSplit(ReadBytes(sample_config), '\n')) {
    const std::string line(raw);
    auto value = [&](const std::string& key) -> std::string {
      const size_t at = line.find(key + ": ");
      return at == std::string::npos ? "" : line.substr(at + key.size() + 2);
    };
    if (line.rfind("  - name: ", 0) == 0) current = value("name");
    if (current.empty()) continue;
    if (!value("lawful_basis").empty()) expected[current].first = value("lawful_basis");
    if (!value("retention_days").empty()) {
      expected[current].second = std::stoi(value("retention_days"));
    }
  }
  REQUIRE(expected.size() == 5);

  REQUIRE(report["sources"].size() == expected.size());
  for (const nlohmann::json& source : report["sources"]) {
    const std::string name = source["name"];
    INFO(name);
    REQUIRE(expected.count(name) == 1);
    CHECK(source["lawful_basis"] == expected[name].first);
    CHECK(source["retention_days"] == expected[name].second);
    CHECK(source["records"].get<int64_t>() > 0);
  }
  CHECK(report["active_golden_records"].get<int64_t>() > 0);
  CHECK(report["erasures"] == 0);
  CHECK(report["last_run_id"] == 1);

  MdmResult text = s.Mdm(absl::StrCat("gdpr report --config ", sample_config));
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("legal_obligation"));
  CHECK(s.Mdm("gdpr report").exit_code == 2);  // no --config
}

}  // namespace
}  // namespace mdm
