// SPDX-License-Identifier: Apache-2.0
// The privacy officer's operations (mdm/privacy.h) through mdm::Engine on
// the invented people of tests/testing/sample_people.h: erasure down to the
// bytes of the store files, suppression of later deliveries, the hash chain
// against tampering, restriction, consent, retention, the audit log and the
// record of processing.
#include "mdm/privacy/privacy_service.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "mdm/engine.h"
#include "tests/testing/fake_clock.h"
#include "tests/testing/sample_people.h"
#include "tests/testing/temp_dir.h"

namespace mdm::privacy {
namespace {

using Row = testing::SampleRow;

// `sources:` of the sample layout with extra settings for each source.
std::string SourcesYaml(const std::string& crm_extra, const std::string& msl_extra) {
  return absl::StrReplaceAll(testing::SampleSourcesYaml(),
                             {{"    trust: 0.9\n", absl::StrCat("    trust: 0.9\n", crm_extra)},
                              {"    trust: 0.7\n", absl::StrCat("    trust: 0.7\n", msl_extra)}});
}

struct Harness {
  testing::TempDir dir;
  testing::FakeClock clock;
  std::unique_ptr<Engine> engine;
  Config config;
  int files = 0;

  explicit Harness(const std::string& crm_extra = "", const std::string& msl_extra = "",
                   const std::string& matching = "") {
    const std::string yaml =
        absl::StrCat("version: 1\n", SourcesYaml(crm_extra, msl_extra), matching);
    absl::StatusOr<Config> parsed = ParseConfig(yaml, dir.File("mdm.yaml"));
    INFO(parsed.status());
    REQUIRE(parsed.ok());
    config = *std::move(parsed);
    Open();
  }

  void Open() {
    EngineOptions options;
    options.db_path = db();
    options.create_if_missing = true;
    options.clock = &clock;
    options.threads = 2;
    absl::StatusOr<std::unique_ptr<Engine>> opened = Engine::Open(options);
    INFO(opened.status());
    REQUIRE(opened.ok());
    engine = *std::move(opened);
  }

  std::string db() const { return dir.File("mdm.db"); }
  std::string key() const { return dir.File("mdm.db.key"); }
  mdm::Privacy& privacy() { return engine->Privacy(); }

  // Writes `rows` as a new delivery of each source and runs.
  RunReport Load(const std::vector<Row>& rows) {
    ++files;
    for (const auto& [source, text] : testing::SampleCsvFiles(rows)) {
      dir.Write(absl::StrCat(source, "_", files, ".csv"), text);
    }
    return Run();
  }

  RunReport Run() {
    clock.Advance(absl::Minutes(1));
    absl::StatusOr<RunReport> report = engine->Run(config, {});
    INFO(report.status());
    REQUIRE(report.ok());
    return *std::move(report);
  }

  std::string GoldenOf(const std::string& source, const std::string& key) {
    absl::StatusOr<Crosswalk> x = engine->Xref(source, key);
    INFO(source << ":" << key << " " << x.status());
    REQUIRE(x.ok());
    return x->golden_id;
  }
  std::string GoldenOf(const Row& r) { return GoldenOf(r.source, r.key); }

  std::map<std::string, std::string> Partition(const std::vector<Row>& rows) {
    std::map<std::string, std::string> out;
    for (const Row& r : rows) out[r.Name()] = GoldenOf(r);
    return out;
  }

  std::vector<AuditEvent> Log(AuditQuery q = {}) {
    q.limit = 1000000;
    absl::StatusOr<std::vector<AuditEvent>> log = privacy().AuditLog(q);
    INFO(log.status());
    REQUIRE(log.ok());
    return *std::move(log);
  }

  AuditVerification Verify() {
    absl::StatusOr<AuditVerification> v = privacy().VerifyAudit();
    INFO(v.status());
    REQUIRE(v.ok());
    return *v;
  }
};

std::vector<Row> Without(std::vector<Row> rows, const std::string& name) {
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [&](const Row& r) { return r.Name() == name; }),
             rows.end());
  return rows;
}

std::vector<Row> OfPerson(const std::vector<Row>& rows, const std::string& person) {
  std::vector<Row> out;
  for (const Row& r : rows) {
    if (r.person == person) out.push_back(r);
  }
  return out;
}

// P16 (Bastien Urbain) is crm:C116 + msl:M516 with an RPPS, a phone and an
// e-mail; no other sample person shares his names or values.
constexpr char kErased[] = "P16";

// Every distinctive value of a person's rows, for searching the store.
std::vector<std::string> ValuesOf(const std::vector<Row>& rows) {
  std::set<std::string> values;
  for (const Row& r : rows) {
    for (const std::string& v : {r.family, r.given, r.email, r.rpps, r.phone}) {
      if (!v.empty()) values.insert(v);
    }
  }
  return {values.begin(), values.end()};
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The bytes of the store: the database file and its WAL and shared-memory
// files when they exist, lower-cased.
std::string StoreBytes(const Harness& h) {
  std::string all;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::string path = h.db() + suffix;
    if (std::filesystem::exists(path)) all += ReadFile(path);
  }
  return absl::AsciiStrToLower(all);
}

bool Holds(const std::string& haystack, const std::string& needle) {
  return haystack.find(absl::AsciiStrToLower(needle)) != std::string::npos;
}

AuditQuery Audit(const std::string& golden_id, const std::string& since = "",
                 int64_t limit = 100, bool with_payload = false) {
  AuditQuery q;
  q.golden_id = golden_id;
  q.since = since;
  q.limit = limit;
  q.with_payload = with_payload;
  return q;
}

ErasureRequest EraseId(const std::string& id) {
  ErasureRequest r;
  r.golden_id = id;
  r.reason = "Art. 17 request 2027-001";
  r.actor = "dpo1";
  return r;
}

// The record a form would send for `r`.
SourceRecord Query(const Row& r) {
  SourceRecord q;
  q.name.given_names = r.given;
  q.name.family_name = r.family;
  if (!r.rpps.empty()) q.identifiers.push_back(Identifier{.scheme = "rpps", .value = r.rpps});
  if (!r.phone.empty()) q.phones.push_back(Phone{.raw = r.phone});
  if (!r.email.empty()) q.emails.push_back(Email{.raw = r.email});
  Address a;
  a.postcode = r.postcode;
  a.city = r.city;
  q.addresses.push_back(a);
  return q;
}

bool Offers(const MatchOneResult& m, const std::string& golden_id) {
  for (const MatchCandidate& c : m.candidates) {
    if (c.golden_id == golden_id) return true;
  }
  return false;
}

// Runs `sql` on the store file with a connection of its own.
void Sql(const std::string& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &error);
  INFO(sql << ": " << (error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(raw);
  REQUIRE(rc == SQLITE_OK);
}

int64_t SqlInt(const std::string& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  int64_t value = -1;
  if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW) {
    value = sqlite3_column_int64(s, 0);
  }
  sqlite3_finalize(s);
  sqlite3_close(raw);
  INFO(sql);
  REQUIRE(value >= 0);
  return value;
}

// ---------------------------------------------------------------------------
// Erasure

TEST_CASE("privacy: erasure leaves no byte of the person in the store files") {
  Harness h;
  const std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  const std::vector<Row> person = OfPerson(rows, kErased);
  REQUIRE(person.size() == 2);
  const std::string id = h.GoldenOf(person[0]);
  REQUIRE(h.GoldenOf(person[1]) == id);
  std::vector<std::string> values = ValuesOf(person);
  values.push_back("Zebulon-Quatre");  // in the reasons typed below
  // The e-mail of someone else, as a control that the search sees data.
  const std::string control = testing::SamplePeopleRows()[0].email;

  // An officer's consent, a steward's pin and a change request: more places
  // to forget, with values of their own.
  // Their reasons are free text that names him (the reason is erasable
  // too, so it may).
  REQUIRE(h.privacy()
              .SetConsent({id, "email", "", false, "Zebulon-Quatre asked by phone", "dpo1"})
              .ok());
  REQUIRE(h.engine->Stewardship()
              .Pin(id, "given_name", "Sebastien-Marius", "Zebulon-Quatre asked", "alice")
              .ok());
  REQUIRE(h.engine->Stewardship()
              .SubmitChange(id, "family_name", "Urbain-Lefort", "rep-042",
                            "Zebulon-Quatre seen on badge")
              .ok());
  REQUIRE(h.privacy().Restrict(id, "dpo1", "Zebulon-Quatre disputes his data").ok());
  REQUIRE(h.privacy().Unrestrict(id, "dpo1", "Zebulon-Quatre settled").ok());
  // A later delivery leaves history versions behind.
  Row changed = person[0];
  changed.city = "Paris 11e";
  changed.observed = "2026-06-01";
  h.Load({changed});
  {
    const std::string before = StoreBytes(h);
    for (const std::string& v : values) {
      INFO(v);
      CHECK(Holds(before, v));
    }
  }
  REQUIRE_FALSE(h.Log(Audit(id)).empty());
  {
    absl::StatusOr<std::string> exported = h.privacy().Export(id, "dpo1", "Art. 15 request");
    INFO(exported.status());
    REQUIRE(exported.ok());
    for (const std::string& v : values) {
      INFO("exported before: " << v);
      CHECK(Holds(absl::AsciiStrToLower(*exported), v));
    }
  }

  absl::StatusOr<ErasureReport> report = h.privacy().Erase(EraseId(id));
  INFO(report.status());
  REQUIRE(report.ok());
  CHECK(report->golden_id == id);
  CHECK(std::count(report->erased_ids.begin(), report->erased_ids.end(), id) == 1);
  CHECK(report->source_records == 2);
  CHECK(report->history_versions >= 1);
  CHECK(report->consent_changes == 1);
  CHECK(report->overrides == 1);
  CHECK(report->change_requests == 1);
  CHECK(report->audit_payloads > 0);
  CHECK(report->suppression_keys > 0);
  CHECK(report->audit_seq > 0);
  CHECK(report->wal_truncated);

  const std::string after = StoreBytes(h);
  CHECK(Holds(after, control));
  for (const std::string& v : values) {
    INFO("still stored: " << v);
    CHECK_FALSE(Holds(after, v));
  }
  // Lower-cased match keys, the pinned and the requested values too.
  CHECK_FALSE(Holds(after, "urbain"));
  CHECK_FALSE(Holds(after, "bastien"));
  CHECK_FALSE(Holds(after, "Sebastien-Marius"));
  CHECK_FALSE(Holds(after, "Urbain-Lefort"));

  absl::StatusOr<GoldenRecord> golden = h.engine->Golden(id);
  INFO(golden.status());
  REQUIRE(golden.ok());
  CHECK(golden->status == GoldenStatus::kErased);
  CHECK(golden->golden_id == id);
  CHECK(golden->name.value.family_name.empty());
  CHECK(golden->name.value.given_names.empty());
  CHECK(golden->name.value.display.empty());
  CHECK(golden->identifiers.empty());
  CHECK(golden->emails.empty());
  CHECK(golden->phones.empty());
  CHECK(golden->addresses.empty());
  CHECK(golden->members.empty());

  for (const Row& r : person) {
    CHECK(h.engine->Record(r.source, r.key).status().code() == absl::StatusCode::kNotFound);
  }

  absl::StatusOr<std::string> exported = h.privacy().Export(id, "dpo1", "Art. 15 request");
  INFO(exported.status());
  REQUIRE(exported.ok());
  CHECK_FALSE(exported->empty());
  for (const std::string& v : values) {
    INFO("exported: " << v);
    CHECK_FALSE(Holds(absl::AsciiStrToLower(*exported), v));
  }

  for (const AuditEvent& e : h.Log(Audit(id, "", 0, true))) {
    INFO("event " << e.seq << " " << e.action);
    if (e.seq >= report->audit_seq) continue;
    CHECK(e.payload.empty());
    CHECK(e.payload_erased == !e.payload_sha256.empty());
  }
  const AuditVerification v = h.Verify();
  INFO(v.problem);
  CHECK(v.ok);
  CHECK(v.payloads_erased > 0);
  CHECK(v.payloads_erased == report->audit_payloads);
  CHECK(v.payloads_checked > 0);

  // Erasing again: the id answers, the person is gone.
  CHECK(h.privacy().Erase(EraseId(id)).status().code() ==
        absl::StatusCode::kFailedPrecondition);
}

TEST_CASE("privacy: erasure by source and key names the same person") {
  Harness h;
  const std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  const std::string id = h.GoldenOf("crm", "C116");
  ErasureRequest request;
  request.source = "msl";
  request.source_key = "M516";
  request.reason = "Art. 17 request 2027-002";
  request.actor = "dpo1";
  absl::StatusOr<ErasureReport> report = h.privacy().Erase(request);
  INFO(report.status());
  REQUIRE(report.ok());
  CHECK(report->golden_id == id);
  CHECK(report->source_records == 2);
  CHECK(h.engine->Golden(id)->status == GoldenStatus::kErased);
  CHECK(h.engine->Record("crm", "C116").status().code() == absl::StatusCode::kNotFound);
  // Others are untouched.
  CHECK(h.engine->Record("crm", "C115").ok());
  CHECK(h.engine->Golden(h.GoldenOf("crm", "C115"))->status == GoldenStatus::kActive);
}

TEST_CASE("privacy: erasure refuses merged and unknown ids, bad requests and a missing key") {
  Harness h;
  std::vector<Row> rows = testing::SamplePeopleRows();
  // msl:M516 first arrives as someone else, then as P16: two golden records
  // that the second run merges.
  Row stranger;
  stranger.person = "X";
  stranger.source = "msl";
  stranger.key = "M516";
  stranger.family = "Brunetiere";
  stranger.given = "Odile";
  stranger.phone = "0199088888";
  stranger.email = "odile.b@example.net";
  stranger.postcode = "13005";
  stranger.city = "Marseille";
  h.Load(Without(rows, "msl:M516"));
  h.Load({stranger});
  const std::string crm_id = h.GoldenOf("crm", "C116");
  const std::string msl_id = h.GoldenOf("msl", "M516");
  REQUIRE(crm_id != msl_id);
  Row real = OfPerson(rows, kErased)[1];
  REQUIRE(real.Name() == "msl:M516");
  real.observed = "2026-02-01";
  h.Load({real});
  const std::string survivor = h.GoldenOf("crm", "C116");
  REQUIRE(h.GoldenOf("msl", "M516") == survivor);
  const std::string merged = survivor == crm_id ? msl_id : crm_id;
  REQUIRE(h.engine->Golden(merged)->status == GoldenStatus::kMerged);

  const std::vector<AuditEvent> log_before = h.Log();
  absl::Status merged_status = h.privacy().Erase(EraseId(merged)).status();
  CHECK(merged_status.code() == absl::StatusCode::kFailedPrecondition);
  CHECK(absl::StrContains(merged_status.message(), survivor));

  CHECK(h.privacy().Erase(EraseId("G-FFFFFFFF")).status().code() ==
        absl::StatusCode::kNotFound);
  ErasureRequest unknown_key;
  unknown_key.source = "crm";
  unknown_key.source_key = "C999";
  unknown_key.reason = "r";
  unknown_key.actor = "dpo1";
  CHECK(h.privacy().Erase(unknown_key).status().code() == absl::StatusCode::kNotFound);

  ErasureRequest no_reason = EraseId(survivor);
  no_reason.reason = "";
  CHECK(h.privacy().Erase(no_reason).status().code() == absl::StatusCode::kInvalidArgument);
  ErasureRequest no_actor = EraseId(survivor);
  no_actor.actor = "";
  CHECK(h.privacy().Erase(no_actor).status().code() == absl::StatusCode::kInvalidArgument);
  ErasureRequest both = EraseId(survivor);
  both.source = "crm";
  both.source_key = "C116";
  CHECK(h.privacy().Erase(both).status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(h.privacy().Erase({"", "", "", "r", "dpo1"}).status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.Log().size() == log_before.size());

  // Without the secret key nobody is erased: the store is as it was.
  REQUIRE(std::filesystem::exists(h.key()));
  const std::string key_bytes = ReadFile(h.key());
  std::filesystem::remove(h.key());
  const int64_t records_before = SqlInt(h.db(), "SELECT count(*) FROM source_records");
  absl::Status keyless = h.privacy().Erase(EraseId(survivor)).status();
  CHECK(keyless.code() == absl::StatusCode::kFailedPrecondition);
  CHECK(h.engine->Golden(survivor)->status == GoldenStatus::kActive);
  CHECK(h.engine->Golden(survivor)->members.size() == 2);
  CHECK(h.engine->Record("crm", "C116").ok());
  CHECK(h.Log().size() == log_before.size());
  CHECK(SqlInt(h.db(), "SELECT count(*) FROM source_records") == records_before);
  CHECK(SqlInt(h.db(), "SELECT count(*) FROM erasures") == 0);
  CHECK(SqlInt(h.db(), "SELECT count(*) FROM suppressions") == 0);

  // With the key back, the survivor goes and takes the merged id with it.
  h.dir.Write("mdm.db.key", key_bytes);
  absl::StatusOr<ErasureReport> report = h.privacy().Erase(EraseId(survivor));
  INFO(report.status());
  REQUIRE(report.ok());
  CHECK(std::set<std::string>(report->erased_ids.begin(), report->erased_ids.end()) ==
        std::set<std::string>{survivor, merged});
  CHECK(h.engine->Golden(merged)->status == GoldenStatus::kErased);
  const AuditVerification v = h.Verify();
  INFO(v.problem);
  CHECK(v.ok);
}

TEST_CASE("privacy: an erased person stays erased when the same rows come again") {
  Harness h;
  const std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  const std::vector<Row> person = OfPerson(rows, kErased);
  const std::string id = h.GoldenOf(person[0]);
  REQUIRE(h.privacy().Erase(EraseId(id)).ok());
  std::vector<Row> others;
  for (const Row& r : rows) {
    if (r.person != kErased) others.push_back(r);
  }
  const auto partition = h.Partition(others);

  // The very rows again, in another order so the files are new to the store.
  const RunReport again = h.Load(testing::Shuffled(rows));
  INFO("read " << again.totals.rows_read << " accepted " << again.totals.accepted
               << " rejected " << again.totals.rejected << " duplicates "
               << again.totals.duplicates << " suppressed " << again.totals.suppressed);
  CHECK(again.totals.rows_read == static_cast<int64_t>(rows.size()));
  CHECK(again.totals.suppressed == static_cast<int64_t>(person.size()));
  CHECK(again.totals.rows_read == again.totals.accepted + again.totals.rejected +
                                     again.totals.duplicates + again.totals.suppressed);
  CHECK(again.totals.inserted == 0);
  for (const Row& r : person) {
    CHECK(h.engine->Record(r.source, r.key).status().code() == absl::StatusCode::kNotFound);
    CHECK(h.engine->Xref(r.source, r.key).status().code() == absl::StatusCode::kNotFound);
  }
  CHECK(h.Partition(others) == partition);
  CHECK(h.engine->Golden(id)->status == GoldenStatus::kErased);

  // Under another key, with only his e-mail: still him.
  Row disguised;
  disguised.source = "crm";
  disguised.key = "C9016";
  disguised.family = "U";
  disguised.given = "B";
  disguised.email = person[0].email;
  disguised.postcode = "75001";
  const RunReport third = h.Load({disguised});
  CHECK(third.totals.suppressed == 1);
  CHECK(h.engine->Record("crm", "C9016").status().code() == absl::StatusCode::kNotFound);

  // A row of his the run would reject (no key): counted, not stored as a reject.
  Row keyless = disguised;
  keyless.key = "";
  const RunReport fourth = h.Load({keyless});
  CHECK(fourth.totals.suppressed == 1);
  CHECK(fourth.totals.rejected == 0);
  CHECK_FALSE(Holds(StoreBytes(h), person[0].email));
  const AuditVerification v = h.Verify();
  INFO(v.problem);
  CHECK(v.ok);
}

TEST_CASE("privacy: erasure takes the person's records loaded but not matched yet") {
  Harness h;
  const std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  const std::vector<Row> person = OfPerson(rows, kErased);
  const std::string id = h.GoldenOf(person[0]);
  // A delivery loaded without matching: the record is in no golden record yet.
  Row pending;
  pending.source = "crm";
  pending.key = "C9017";
  pending.family = "U";
  pending.given = "B";
  pending.email = person[0].email;
  pending.postcode = "75001";
  ++h.files;
  for (const auto& [source, text] : testing::SampleCsvFiles({pending})) {
    h.dir.Write(absl::StrCat(source, "_", h.files, ".csv"), text);
  }
  RunOptions load_only;
  load_only.skip_matching = true;
  REQUIRE(h.engine->Run(h.config, load_only).ok());
  REQUIRE(h.engine->Record("crm", "C9017").ok());

  absl::StatusOr<ErasureReport> erased = h.privacy().Erase(EraseId(id));
  INFO(erased.status());
  REQUIRE(erased.ok());
  CHECK(erased->source_records == static_cast<int64_t>(person.size()) + 1);
  CHECK(h.engine->Record("crm", "C9017").status().code() == absl::StatusCode::kNotFound);
  // The next run has nobody to bring back.
  const RunReport next = h.Run();
  CHECK(next.golden.created == 0);
  CHECK_FALSE(Holds(StoreBytes(h), person[0].email));
  CHECK(h.Verify().ok);
}

TEST_CASE("privacy: erasure reaches golden records the person passed through and their rejects") {
  Harness h;
  std::vector<Row> rows = testing::SamplePeopleRows();
  // P20 (created after him) gets a second record. The steward merges P20
  // into his golden record, then splits him off again: P20's old id, merged
  // into his, is a golden record P20 only passed through, and its last
  // content is P20's.
  Row second = OfPerson(rows, "P20")[0];
  second.source = "msl";
  second.key = "M920";
  rows.push_back(second);
  h.Load(rows);
  const std::vector<Row> person = OfPerson(rows, kErased);
  const std::vector<Row> other = OfPerson(rows, "P20");
  // A steward merges him into someone else's golden record, then splits him
  // off again: that golden record's history holds his values.
  Steward& steward = h.engine->Stewardship();
  REQUIRE(steward.Merge(h.GoldenOf(person[0]), h.GoldenOf(other[0]), "look alike", "s1").ok());
  for (size_t i = 1; i < other.size(); ++i) {
    if (h.GoldenOf(other[i]) == h.GoldenOf(other[0])) continue;
    REQUIRE(steward.Merge(h.GoldenOf(other[0]), h.GoldenOf(other[i]), "same", "s1").ok());
  }
  h.Run();
  REQUIRE(h.GoldenOf(person[0]) == h.GoldenOf(other[0]));
  const std::string merged = h.GoldenOf(person[0]);
  std::vector<SourceRef> his;
  for (const Row& r : person) {
    INFO(r.Name() << " in " << h.GoldenOf(r));
    if (h.GoldenOf(r) == merged) his.push_back({r.source, r.key});
  }
  const absl::Status split = steward.Split(merged, his, "two people", "s1");
  INFO(split);
  REQUIRE(split.ok());
  h.Run();
  REQUIRE(h.GoldenOf(person[0]) != h.GoldenOf(other[0]));
  // Whoever the split gave a new id passed through `merged`, which keeps
  // the other person and a history holding both.
  const bool he_left = h.GoldenOf(person[0]) != merged;
  const std::vector<Row>& erased_person = he_left ? person : other;
  const std::vector<Row>& stayer = he_left ? other : person;
  REQUIRE(h.GoldenOf(stayer[0]) == merged);
  // A row of his rejected for a field too many: its bytes are kept.
  ++h.files;
  h.dir.Write(absl::StrCat("crm_", h.files, ".csv"),
              absl::StrCat(testing::kSampleCsvHeader, "C990,", erased_person[0].family, ",",
                           erased_person[0].given, ",,,", erased_person[0].email, ",75011,Paris,2026-01-01,,x\n"));
  const RunReport rejected = h.Run();
  REQUIRE(rejected.totals.rejected == 1);
  for (const std::string& v : ValuesOf(erased_person)) REQUIRE(Holds(StoreBytes(h), v));

  ErasureRequest request = EraseId("");
  request.source = erased_person[0].source;
  request.source_key = erased_person[0].key;
  absl::StatusOr<ErasureReport> erased = h.privacy().Erase(request);
  INFO(erased.status());
  REQUIRE(erased.ok());
  CHECK(erased->row_issues >= 1);
  const std::string bytes = StoreBytes(h);
  // Values only this person has (another "Luc" may well remain).
  std::vector<Row> everyone_else;
  for (const Row& r : rows) {
    if (r.person != erased_person[0].person) everyone_else.push_back(r);
  }
  const std::vector<std::string> others_values = ValuesOf(everyone_else);
  for (const std::string& v : ValuesOf(erased_person)) {
    if (std::count(others_values.begin(), others_values.end(), v) > 0) continue;
    INFO(v);
    CHECK_FALSE(Holds(bytes, v));
  }
  CHECK(Holds(bytes, stayer[0].email));  // the other person is still there
  const AuditVerification v = h.Verify();
  INFO(v.problem);
  CHECK(v.ok);
}

TEST_CASE("privacy: a strong key shared with someone else does not suppress them") {
  Harness h;
  std::vector<Row> rows = testing::SamplePeopleRows();
  const std::vector<Row> person = OfPerson(rows, kErased);
  REQUIRE_FALSE(person[0].phone.empty());
  // A colleague at his practice answers on the same phone.
  for (Row& r : rows) {
    if (r.person == "P3") r.phone = person[0].phone;
  }
  h.Load(rows);
  const Row colleague = OfPerson(rows, "P3")[0];
  const std::string colleague_id = h.GoldenOf(colleague);
  REQUIRE(colleague_id != h.GoldenOf(person[0]));

  absl::StatusOr<ErasureReport> erased = h.privacy().Erase(EraseId(h.GoldenOf(person[0])));
  INFO(erased.status());
  REQUIRE(erased.ok());
  CHECK(erased->shared_keys == 1);
  CHECK(erased->other_golden_ids == std::vector<std::string>{colleague_id});
  // The colleague's next delivery, same phone, loads.
  Row moved = colleague;
  moved.observed = "2026-06-01";
  moved.city = "Lyon";
  moved.postcode = "69003";
  const RunReport next = h.Load({moved});
  CHECK(next.totals.suppressed == 0);
  CHECK(next.totals.updated == 1);
  CHECK(h.engine->Record(moved.source, moved.key)->current.record.addresses.at(0).postcode ==
        "69003");
}

TEST_CASE("privacy: after an erasure with review items around, delta and full runs agree") {
  // A wide review band, so that the erased person had review items and
  // scored edges with others.
  Harness h("", "", "matching:\n  decision: {auto_merge: 0.999, review: 0.0001}\n");
  std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  // Someone in an open review item with someone else.
  absl::StatusOr<QueuePage> before = h.engine->Stewardship().Queue({"open", "", 0, 1000});
  REQUIRE(before.ok());
  std::string id, neighbour;
  for (const ReviewItem& item : before->items) {
    if (item.a.golden_id != item.b.golden_id) {
      id = item.a.golden_id;
      neighbour = absl::StrCat(item.b.source, ":", item.b.source_key);
      break;
    }
  }
  REQUIRE_FALSE(id.empty());
  std::vector<Row> others;
  for (const Row& r : rows) {
    if (h.GoldenOf(r) != id) others.push_back(r);
  }
  REQUIRE(others.size() < rows.size());
  absl::StatusOr<ErasureReport> report = h.privacy().Erase(EraseId(id));
  INFO(report.status());
  REQUIRE(report.ok());
  CHECK(report->review_items > 0);
  absl::StatusOr<QueuePage> queue = h.engine->Stewardship().Queue({"open", "", 0, 1000});
  REQUIRE(queue.ok());
  CHECK(queue->total < before->total);
  for (const ReviewItem& item : queue->items) {
    CHECK(item.a.golden_id != id);
    CHECK(item.b.golden_id != id);
  }

  // A neighbour changes: the delta run must not meet the erased records.
  const auto found = std::find_if(others.begin(), others.end(),
                                  [&](const Row& r) { return r.Name() == neighbour; });
  REQUIRE(found != others.end());
  Row changed = *found;
  changed.email = "someone.new@example.net";
  changed.observed = "2026-07-01";
  h.Load({changed});
  const auto delta = h.Partition(others);
  absl::StatusOr<RunReport> full = [&] {
    RunOptions options;
    options.full_rematch = true;
    h.clock.Advance(absl::Minutes(1));
    return h.engine->Run(h.config, options);
  }();
  INFO(full.status());
  REQUIRE(full.ok());
  CHECK(h.Partition(others) == delta);
  CHECK(h.engine->Golden(id)->status == GoldenStatus::kErased);
  const AuditVerification v = h.Verify();
  INFO(v.problem);
  CHECK(v.ok);
}

// ---------------------------------------------------------------------------
// The hash chain against tampering

TEST_CASE("privacy: a byte changed in the stored audit trail names its event") {
  Harness h;
  std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  Row changed = rows[3];
  changed.email = "changed@example.org";
  changed.observed = "2026-05-01";
  h.Load({changed});
  const std::string id = h.GoldenOf(rows[0]);
  REQUIRE(h.privacy().Restrict(id, "dpo1", "Art. 18 request").ok());
  {
    const AuditVerification v = h.Verify();
    INFO(v.problem);
    REQUIRE(v.ok);
    REQUIRE(v.events >= 10);
  }
  h.engine.reset();
  const int64_t events = SqlInt(h.db(), "SELECT count(*) FROM audit_events");
  const int64_t middle = events / 2;
  const int64_t with_payload = SqlInt(
      h.db(), absl::StrCat("SELECT min(seq) FROM audit_payloads WHERE erased_by = 0 AND seq > ",
                           middle));
  REQUIRE(with_payload > middle);
  int64_t expected = 0;

  SECTION("a changed reason") {
    Sql(h.db(), absl::StrCat("UPDATE audit_events SET reason = reason || 'x' WHERE seq = ",
                             middle));
    expected = middle;
  }
  SECTION("a changed actor") {
    Sql(h.db(), absl::StrCat("UPDATE audit_events SET actor = 'mallory' WHERE seq = ", middle));
    expected = middle;
  }
  SECTION("a changed golden id list") {
    Sql(h.db(), absl::StrCat("UPDATE audit_events SET golden_ids = '[]' WHERE seq = ", middle));
    expected = middle;
  }
  SECTION("a deleted event") {
    Sql(h.db(), absl::StrCat("DELETE FROM audit_events WHERE seq = ", middle));
    expected = middle + 1;
  }
  SECTION("a changed payload byte") {
    Sql(h.db(), absl::StrCat("UPDATE audit_payloads SET payload = ' ' || payload WHERE seq = ",
                             with_payload));
    expected = with_payload;
  }
  SECTION("a deleted payload") {
    Sql(h.db(), absl::StrCat("DELETE FROM audit_payloads WHERE seq = ", with_payload));
    expected = with_payload;
  }
  SECTION("a payload emptied as if erased") {
    Sql(h.db(), absl::StrCat("UPDATE audit_payloads SET salt = '', payload = '', erased_by = ",
                             middle, " WHERE seq = ", with_payload));
    expected = with_payload;
  }
  h.Open();
  const AuditVerification v = h.Verify();
  INFO(v.problem);
  CHECK_FALSE(v.ok);
  CHECK(v.first_broken_seq == expected);
  CHECK_FALSE(v.problem.empty());
}

// ---------------------------------------------------------------------------
// Restriction

TEST_CASE("privacy: a restricted golden record is left out of MatchOne and merges") {
  Harness h;
  const std::vector<Row> rows = testing::SamplePeopleRows();
  const Row crm = OfPerson(rows, kErased)[0];
  const Row msl = OfPerson(rows, kErased)[1];
  h.Load(Without(rows, msl.Name()));
  const std::string id = h.GoldenOf(crm);
  {
    absl::StatusOr<MatchOneResult> m = h.engine->MatchOne(Query(msl), {});
    INFO(m.status());
    REQUIRE(m.ok());
    REQUIRE_FALSE(m->candidates.empty());
    REQUIRE(m->candidates[0].golden_id == id);
  }
  REQUIRE(h.privacy().Restrict(id, "dpo1", "Art. 18 request 2027-003").ok());
  CHECK(*h.privacy().IsRestricted(id));
  CHECK(h.engine->Golden(id)->restricted);  // what downstream systems read
  CHECK(h.privacy().Restrict(id, "dpo1", "again").code() == absl::StatusCode::kAlreadyExists);
  {
    absl::StatusOr<MatchOneResult> m = h.engine->MatchOne(Query(msl), {});
    INFO(m.status());
    REQUIRE(m.ok());
    CHECK_FALSE(Offers(*m, id));
  }

  // His MSL record arrives: it would merge, but the record is frozen.
  h.Load({msl});
  CHECK(h.GoldenOf(msl) != id);
  CHECK(h.GoldenOf(crm) == id);
  CHECK(h.engine->Golden(id)->members == std::vector<std::string>{crm.Name()});
  CHECK(h.engine->Golden(id)->status == GoldenStatus::kActive);
  h.Run();
  CHECK(h.GoldenOf(msl) != id);
  // A full rebuild obeys the restriction as the delta runs did.
  const auto frozen = h.Partition(rows);
  RunOptions full;
  full.full_rematch = true;
  REQUIRE(h.engine->Run(h.config, full).ok());
  CHECK(h.Partition(rows) == frozen);

  REQUIRE(h.privacy().Unrestrict(id, "dpo1", "request withdrawn").ok());
  CHECK_FALSE(*h.privacy().IsRestricted(id));
  CHECK_FALSE(h.engine->Golden(id)->restricted);
  CHECK(h.privacy().Unrestrict(id, "dpo1", "again").code() ==
        absl::StatusCode::kFailedPrecondition);
  h.Run();
  CHECK(h.GoldenOf(msl) == h.GoldenOf(crm));
  CHECK(h.GoldenOf(crm) == id);  // the older id survives
  {
    absl::StatusOr<MatchOneResult> m = h.engine->MatchOne(Query(msl), {});
    REQUIRE(m.ok());
    REQUIRE_FALSE(m->candidates.empty());
    CHECK(m->candidates[0].golden_id == h.GoldenOf(crm));
  }
  CHECK(h.privacy().IsRestricted("G-FFFFFFFF").status().code() == absl::StatusCode::kNotFound);
  CHECK(h.privacy().Restrict("G-FFFFFFFF", "dpo1", "r").code() == absl::StatusCode::kNotFound);
  CHECK(h.privacy().Restrict(id, "dpo1", "").code() == absl::StatusCode::kInvalidArgument);
  bool restrict_event = false, unrestrict_event = false;
  for (const AuditEvent& e : h.Log(Audit(id))) {
    restrict_event = restrict_event || e.action == "gdpr.restrict";
    unrestrict_event = unrestrict_event || e.action == "gdpr.unrestrict";
  }
  CHECK(restrict_event);
  CHECK(unrestrict_event);
  const AuditVerification v = h.Verify();
  INFO(v.problem);
  CHECK(v.ok);
}

// ---------------------------------------------------------------------------
// Consent

TEST_CASE("privacy: the officer's consent is the latest word") {
  Harness h;
  const std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  const std::string id = h.GoldenOf(rows[0]);
  {
    absl::StatusOr<std::vector<EffectiveConsent>> none = h.privacy().Consents(id);
    REQUIRE(none.ok());
    CHECK(none->empty());
  }
  REQUIRE(h.privacy().SetConsent({id, "email", "", false, "objected by e-mail", "dpo1"}).ok());
  absl::StatusOr<std::vector<EffectiveConsent>> c = h.privacy().Consents(id);
  REQUIRE(c.ok());
  REQUIRE(c->size() == 1);
  CHECK((*c)[0].channel == "email");
  CHECK((*c)[0].purpose == "");
  CHECK_FALSE((*c)[0].granted);
  CHECK((*c)[0].origin == "officer:dpo1");

  h.clock.Advance(absl::Hours(1));
  REQUIRE(h.privacy().SetConsent({id, "email", "", true, "consented again", "dpo2"}).ok());
  REQUIRE(h.privacy().SetConsent({id, "visit", "congress", true, "form", "dpo2"}).ok());
  c = h.privacy().Consents(id);
  REQUIRE(c.ok());
  REQUIRE(c->size() == 2);
  CHECK((*c)[0].channel == "email");
  CHECK((*c)[0].granted);
  CHECK((*c)[0].origin == "officer:dpo2");
  CHECK((*c)[1].channel == "visit");
  CHECK((*c)[1].purpose == "congress");

  CHECK(h.privacy().SetConsent({id, "sms", "", true, "r", "dpo1"}).code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.privacy().SetConsent({id, "email", std::string(101, 'p'), true, "r", "dpo1"}).code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.privacy().SetConsent({id, "email", "", true, "", "dpo1"}).code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.privacy().SetConsent({"G-FFFFFFFF", "email", "", true, "r", "dpo1"}).code() ==
        absl::StatusCode::kNotFound);
  CHECK(h.privacy().Consents("G-FFFFFFFF").status().code() == absl::StatusCode::kNotFound);
  int consent_events = 0;
  for (const AuditEvent& e : h.Log(Audit(id, "", 0, true))) {
    if (e.action != "consent.set") continue;
    ++consent_events;
    CHECK_FALSE(e.payload.empty());
  }
  CHECK(consent_events == 3);

  // The word follows the person when a steward merges their golden record
  // into an older one.
  const std::string younger = h.GoldenOf(rows.back());
  REQUIRE(h.privacy().SetConsent({younger, "phone", "", false, "objected", "dpo1"}).ok());
  REQUIRE(h.engine->Stewardship().Merge(id, younger, "same person", "s1").ok());
  h.Run();
  const std::string survivor = h.GoldenOf(rows.back());
  REQUIRE(survivor != younger);
  c = h.privacy().Consents(survivor);
  REQUIRE(c.ok());
  bool phone_refused = false;
  for (const EffectiveConsent& e : *c) {
    phone_refused = phone_refused || (e.channel == "phone" && !e.granted);
  }
  CHECK(phone_refused);
  const AuditVerification v = h.Verify();
  INFO(v.problem);
  CHECK(v.ok);
}

// ---------------------------------------------------------------------------
// Retention

TEST_CASE("privacy: retention purges exactly the records older than the period") {
  // The clock starts at 2027-01-01: 200 days back is mid-June 2026.
  Harness h("    lawful_basis: contract\n    retention_days: 200\n",
            "    lawful_basis: consent\n");
  std::vector<Row> rows = testing::SamplePeopleRows();
  std::set<std::string> old_keys;
  for (Row& r : rows) {
    if (r.source != "crm") continue;
    const int i = std::stoi(r.person.substr(1));
    if (i % 2 == 0) {
      r.observed = "2026-01-15";
      old_keys.insert(r.key);
    } else {
      r.observed = "2026-12-01";
    }
  }
  REQUIRE(old_keys.size() == 15);
  h.Load(rows);
  const auto partition = h.Partition(rows);
  const int64_t events = static_cast<int64_t>(h.Log().size());
  const size_t runs = h.engine->Runs(100)->size();

  absl::StatusOr<RetentionReport> dry = h.privacy().ApplyRetention(h.config, true, "dpo1");
  INFO(dry.status());
  REQUIRE(dry.ok());
  CHECK(dry->dry_run);
  REQUIRE(dry->sources.size() == 1);
  CHECK(dry->sources[0].source == "crm");
  CHECK(dry->sources[0].retention_days == 200);
  CHECK(dry->sources[0].cutoff > "2026-06-01");
  CHECK(dry->sources[0].cutoff < "2026-07-01");
  CHECK(dry->sources[0].expired == 15);
  CHECK(dry->purged == 0);
  CHECK(static_cast<int64_t>(h.Log().size()) == events);
  CHECK(h.engine->Runs(100)->size() == runs);
  for (const std::string& key : old_keys) {
    absl::StatusOr<StoredRecord> r = h.engine->Record("crm", key);
    REQUIRE(r.ok());
    CHECK_FALSE(r->current.record.deleted);
  }
  CHECK(h.Partition(rows) == partition);

  absl::StatusOr<RetentionReport> applied = h.privacy().ApplyRetention(h.config, false, "dpo1");
  INFO(applied.status());
  REQUIRE(applied.ok());
  CHECK_FALSE(applied->dry_run);
  CHECK(applied->purged == 15);
  CHECK(applied->audit_seq > 0);
  CHECK(applied->run.run_id > 0);
  for (const Row& r : rows) {
    INFO(r.Name());
    absl::StatusOr<StoredRecord> stored = h.engine->Record(r.source, r.key);
    if (r.source == "crm" && old_keys.count(r.key)) {
      if (stored.ok()) {
        CHECK(stored->current.record.deleted);
        CHECK(stored->current.record.name.family_name.empty());
        CHECK(stored->current.record.emails.empty());
        CHECK(stored->history.empty());
      } else {
        CHECK(stored.status().code() == absl::StatusCode::kNotFound);
      }
    } else {
      REQUIRE(stored.ok());
      CHECK_FALSE(stored->current.record.deleted);
      CHECK(stored->current.record.name.family_name == r.family);
    }
  }
  // A person only the purged CRM record knew is retired; one the MSL still
  // knows keeps the golden record with the MSL record alone.
  int64_t retired = 0;
  for (const Row& r : rows) {
    if (r.source != "crm" || !old_keys.count(r.key)) continue;
    INFO(r.Name());
    const std::string id = partition.at(r.Name());
    absl::StatusOr<GoldenRecord> g = h.engine->Golden(id);
    REQUIRE(g.ok());
    const std::string msl_name = absl::StrCat("msl:M", 400 + std::stoi(r.key.substr(1)));
    if (partition.count(msl_name)) {
      CHECK(g->status == GoldenStatus::kActive);
      CHECK(g->members == std::vector<std::string>{msl_name});
    } else {
      // Retired with nothing left: no values, no payloads in the trail.
      CHECK(g->status == GoldenStatus::kRetired);
      CHECK(g->name.value.family_name.empty());
      CHECK(g->emails.empty());
      CHECK(g->members.empty());
      ++retired;
      for (const AuditEvent& e : h.Log(Audit(id, "", 1000, true))) {
        INFO(e.action);
        CHECK(e.payload.empty());
        if (!e.payload_sha256.empty()) CHECK(e.payload_erased);
      }
      if (!r.email.empty()) CHECK_FALSE(Holds(StoreBytes(h), r.email));
    }
  }
  CHECK(retired > 0);
  CHECK(applied->golden_records_emptied == retired);
  CHECK(applied->audit_payloads >= retired);
  // One event names the purged records, one the golden records emptied.
  int purge_events = 0, emptying_events = 0;
  for (const AuditEvent& e : h.Log()) {
    if (e.action != "retention.purge") continue;
    CHECK(e.actor == "dpo1");
    if (e.golden_ids.empty()) {
      ++purge_events;
      CHECK(e.source_keys.size() == 15);
    } else {
      ++emptying_events;
      CHECK(static_cast<int64_t>(e.golden_ids.size()) == retired);
    }
  }
  CHECK(purge_events == 1);
  CHECK(emptying_events == 1);
  const AuditVerification v = h.Verify();
  INFO(v.problem);
  CHECK(v.ok);

  // Nothing is left to purge.
  absl::StatusOr<RetentionReport> again = h.privacy().ApplyRetention(h.config, true, "dpo1");
  REQUIRE(again.ok());
  REQUIRE(again->sources.size() == 1);
  CHECK(again->sources[0].expired == 0);
  CHECK(h.privacy().ApplyRetention(h.config, true, "").status().code() ==
        absl::StatusCode::kInvalidArgument);
}

// ---------------------------------------------------------------------------
// Audit log and record of processing

TEST_CASE("privacy: the audit log filters by golden id and time") {
  Harness h;
  std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  const std::string id = h.GoldenOf(rows[0]);
  const std::vector<AuditEvent> first = h.Log();
  REQUIRE_FALSE(first.empty());

  h.clock.Advance(absl::Hours(48));  // 2027-01-03
  Row changed = rows[0];
  changed.email = "claire.a@example.net";
  changed.observed = "2026-09-01";
  h.Load({changed});

  const std::vector<AuditEvent> all = h.Log();
  REQUIRE(all.size() > first.size());
  for (size_t i = 0; i < all.size(); ++i) CHECK(all[i].seq == static_cast<int64_t>(i) + 1);

  const std::vector<AuditEvent> mine = h.Log(Audit(id));
  REQUIRE(mine.size() >= 2);
  CHECK(mine.size() < all.size());
  for (const AuditEvent& e : mine) {
    CHECK(std::count(e.golden_ids.begin(), e.golden_ids.end(), id) == 1);
  }
  for (size_t i = 1; i < mine.size(); ++i) CHECK(mine[i - 1].seq < mine[i].seq);
  size_t naming = 0;
  for (const AuditEvent& e : all) {
    naming += std::count(e.golden_ids.begin(), e.golden_ids.end(), id);
  }
  CHECK(mine.size() == naming);

  const std::vector<AuditEvent> recent = h.Log(Audit("", "2027-01-03"));
  REQUIRE_FALSE(recent.empty());
  CHECK(recent.size() == all.size() - first.size());
  for (const AuditEvent& e : recent) CHECK(e.at >= "2027-01-03");
  CHECK(h.Log(Audit("", "2027-01-03T00:00:00Z")).size() == recent.size());
  // An offset names the same instant: 01:00 in UTC+1 is midnight UTC.
  CHECK(h.Log(Audit("", "2027-01-03T01:00:00+01:00")).size() == recent.size());
  const std::vector<AuditEvent> mine_recent = h.Log(Audit(id, "2027-01-03"));
  REQUIRE(mine_recent.size() == 1);
  CHECK(mine_recent[0].action == "golden.updated");
  CHECK(h.Log(Audit("", "2099-01-01")).empty());

  // A model trained outside a run is a change too.
  absl::StatusOr<ModelSummary> trained = h.engine->Train(h.config);
  REQUIRE(trained.ok());
  const std::vector<AuditEvent> after_train = h.Log();
  REQUIRE(after_train.size() == all.size() + 1);
  CHECK(after_train.back().action == "model.trained");
  CHECK(after_train.back().actor == "train");
  CHECK(h.Verify().ok);

  // The newest `limit` events, oldest first.
  absl::StatusOr<std::vector<AuditEvent>> two = h.privacy().AuditLog(Audit("", "", 2));
  REQUIRE(two.ok());
  REQUIRE(two->size() == 2);
  CHECK((*two)[0].seq == after_train[after_train.size() - 2].seq);
  CHECK((*two)[1].seq == after_train.back().seq);
  CHECK((*two)[1].payload.empty());  // not asked for
  absl::StatusOr<std::vector<AuditEvent>> with =
      h.privacy().AuditLog(Audit(id, "", 1, true));
  REQUIRE(with.ok());
  REQUIRE(with->size() == 1);
  CHECK(absl::StrContains(with->front().payload, "claire.a@example.net"));

  for (const char* bad : {"yesterday", "2027-1-03", "2027-01-03 10:00", "03/01/2027",
                          "2027-01-03T10:00:00Z'; --", "2026-13-45", "2026-02-30",
                          "2026-11-30T25:00:00Z", "2026-11-30T10:00:00"}) {
    INFO(bad);
    CHECK(h.privacy().AuditLog(Audit("", bad)).status().code() ==
          absl::StatusCode::kInvalidArgument);
  }
  CHECK(h.privacy().AuditLog(Audit("", "", 0)).status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.privacy().AuditLog(Audit("G-FFFFFFFF")).status().code() ==
        absl::StatusCode::kNotFound);
}

TEST_CASE("privacy: the record of processing counts each source with its lawful basis") {
  Harness h("    lawful_basis: contract\n    retention_days: 365\n",
            "    lawful_basis: consent\n");
  const std::vector<Row> rows = testing::SamplePeopleRows();
  const RunReport run = h.Load(rows);
  int64_t crm_rows = 0, msl_rows = 0;
  for (const Row& r : rows) ++(r.source == "crm" ? crm_rows : msl_rows);

  absl::StatusOr<ProcessingReport> report = h.privacy().Report(h.config);
  INFO(report.status());
  REQUIRE(report.ok());
  REQUIRE(report->sources.size() == 2);
  const ProcessingSource& crm = report->sources[0];
  const ProcessingSource& msl = report->sources[1];
  CHECK(crm.name == "crm");
  CHECK(crm.type == "rep");
  CHECK(crm.lawful_basis == "contract");
  CHECK(crm.retention_days == 365);
  CHECK(crm.records == crm_rows);
  CHECK(crm.files == 1);
  CHECK(msl.name == "msl");
  CHECK(msl.type == "msl");
  CHECK(msl.lawful_basis == "consent");
  CHECK(msl.retention_days == 0);
  CHECK(msl.records == msl_rows);
  CHECK(msl.files == 1);
  CHECK(report->active_golden_records == run.golden.active);
  CHECK(report->restricted == 0);
  CHECK(report->erasures == 0);
  CHECK(report->suppression_keys == 0);
  CHECK(report->audit_events == static_cast<int64_t>(h.Log().size()));
  CHECK(report->last_run_id == run.run_id);
  CHECK(report->config_path == h.config.path);

  // One restriction, one erasure and a delete marker later.
  const std::string restricted = h.GoldenOf(rows[0]);
  REQUIRE(h.privacy().Restrict(restricted, "dpo1", "Art. 18").ok());
  REQUIRE(h.privacy().Erase(EraseId(h.GoldenOf("crm", "C116"))).ok());
  const RunReport deletes = h.Load({testing::SampleDeleteMarker("crm", "C101", "2026-12-01")});
  report = h.privacy().Report(h.config);
  REQUIRE(report.ok());
  CHECK(report->sources[0].records == crm_rows - 2);  // C116 erased, C101 deleted
  CHECK(report->sources[0].files == 2);
  CHECK(report->sources[1].records == msl_rows - 1);  // M516 erased
  CHECK(report->restricted == 1);
  CHECK(report->erasures == 1);
  CHECK(report->suppression_keys > 0);
  CHECK(report->active_golden_records == deletes.golden.active);
  CHECK(report->last_run_id == deletes.run_id);
  CHECK(report->audit_events == static_cast<int64_t>(h.Log().size()));
  // The default basis of a source that names none.
  Harness plain;
  absl::StatusOr<ProcessingReport> defaults = plain.privacy().Report(plain.config);
  REQUIRE(defaults.ok());
  REQUIRE(defaults->sources.size() == 2);
  CHECK(defaults->sources[0].lawful_basis == "legitimate_interests");
  CHECK(defaults->sources[0].records == 0);
  CHECK(defaults->last_run_id == 0);
}

}  // namespace
}  // namespace mdm::privacy
