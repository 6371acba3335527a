// SPDX-License-Identifier: Apache-2.0
// Engine::MatchOne over a store matched from the sample people: every
// stored record finds its own golden record first, a stranger finds none
// above review, the store is not written, threads get equal answers, and
// bad queries are refused.
#include "mdm/pipeline/match_one.h"

#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "mdm/engine.h"
#include "mdm/store/sqlite_db.h"
#include "tests/testing/sample_people.h"
#include "tests/testing/temp_dir.h"

namespace mdm {
namespace {

using testing::SampleRow;

struct Harness {
  testing::TempDir dir;
  std::unique_ptr<Engine> engine;
  Config config;

  Harness() {
    config = *ParseConfig(absl::StrCat("version: 1\n", testing::SampleSourcesYaml()),
                          dir.File("mdm.yaml"));
    EngineOptions options;
    options.db_path = dir.File("mdm.db");
    options.create_if_missing = true;
    options.threads = 2;
    engine = *Engine::Open(options);
  }

  void Write(const std::vector<SampleRow>& rows, const std::string& suffix) {
    for (const auto& [source, text] : testing::SampleCsvFiles(rows)) {
      dir.Write(source + suffix + ".csv", text);
    }
  }

  void Run() { REQUIRE(engine->Run(config, {}).ok()); }

  std::string GoldenOf(const SampleRow& r) {
    absl::StatusOr<Crosswalk> x = engine->Xref(r.source, r.key);
    REQUIRE(x.ok());
    return x->golden_id;
  }

  // A digest of everything a query could change by mistake.
  std::string StoreDigest() const {
    auto db = *store::SqliteDb::Open(dir.File("mdm.db"), store::SqliteDb::kMustExist);
    return absl::StrCat(*db->QueryInt("SELECT count(*) FROM runs"), "/",
                        *db->QueryInt("SELECT count(*) FROM golden_records"), "/",
                        *db->QueryInt("SELECT total(updated_run) FROM golden_records"), "/",
                        *db->QueryInt("SELECT count(*) FROM match_models"));
  }
};

// The record a form would send for `r`: display values only, no key.
SourceRecord Query(const SampleRow& r) {
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

TEST_CASE("MatchOne: every stored record finds its own golden record first", "[match_one]") {
  Harness h;
  const std::vector<SampleRow> rows = testing::SamplePeopleRows();
  h.Write(rows, "_1");
  h.Run();
  const std::string before = h.StoreDigest();
  for (const SampleRow& r : rows) {
    CAPTURE(r.Name());
    absl::StatusOr<MatchOneResult> result = h.engine->MatchOne(Query(r), {});
    REQUIRE(result.ok());
    REQUIRE_FALSE(result->candidates.empty());
    const MatchCandidate& top = result->candidates[0];
    CHECK(top.golden_id == h.GoldenOf(r));
    CHECK(top.decision == MatchDecision::kAutoMerge);
    CHECK(top.explanation.record_a == "query");
    CHECK(top.explanation.probability == Approx(top.probability));
    CHECK_FALSE(top.explanation.blocking_rule.empty());
    // The best pair is with a member of that golden record.
    const std::string member = top.explanation.record_b;
    const size_t colon = member.find(':');
    REQUIRE(colon != std::string::npos);
    absl::StatusOr<Crosswalk> x = h.engine->Xref(member.substr(0, colon), member.substr(colon + 1));
    REQUIRE(x.ok());
    CHECK(x->golden_id == top.golden_id);
    CHECK(result->compared_records >= 1);
    // Best first, one entry per golden record.
    for (size_t i = 1; i < result->candidates.size(); ++i) {
      CHECK(result->candidates[i].probability <= result->candidates[i - 1].probability);
      CHECK(result->candidates[i].golden_id != top.golden_id);
    }
  }
  CHECK(h.StoreDigest() == before);  // read-only
}

TEST_CASE("MatchOne: a stranger finds no golden record above review", "[match_one]") {
  Harness h;
  h.Write(testing::SamplePeopleRows(), "_1");
  h.Run();
  SampleRow stranger;
  stranger.family = "Kerhervé";
  stranger.given = "Gwendal";
  stranger.phone = "0199077001";
  stranger.postcode = "29200";
  stranger.city = "Brest";
  absl::StatusOr<MatchOneResult> result = h.engine->MatchOne(Query(stranger), {});
  REQUIRE(result.ok());
  for (const MatchCandidate& c : result->candidates) {
    CHECK(c.decision == MatchDecision::kDistinct);
  }
  // Someone who shares only a postcode and a given name with person 1.
  const SampleRow p1 = testing::SamplePeopleRows()[2];  // crm:C101
  REQUIRE(p1.key == "C101");
  SampleRow namesake = stranger;
  namesake.given = p1.given;
  namesake.postcode = p1.postcode;
  namesake.city = p1.city;
  MatchOneOptions options;
  options.min_probability = 0.5;
  result = h.engine->MatchOne(Query(namesake), options);
  REQUIRE(result.ok());
  CHECK(result->candidates.empty());
}

TEST_CASE("MatchOne: options limit the candidates", "[match_one]") {
  Harness h;
  std::vector<SampleRow> rows = testing::SamplePeopleRows();
  // Three people of one family at one practice, given names with one
  // initial (one block of name_sound_city): one query, three candidates.
  for (int i = 0; i < 3; ++i) {
    rows.push_back({"", "crm", absl::StrCat("C70", i), "Lemarchand",
                    i == 0 ? "Yves" : (i == 1 ? "Yann" : "Yvon"),
                    testing::ValidRpps(7000 + i), absl::StrCat("019907700", i), "", "35000",
                    "Rennes"});
  }
  h.Write(rows, "_1");
  h.Run();
  SampleRow query = rows.back();
  query.rpps.clear();
  query.phone.clear();
  absl::StatusOr<MatchOneResult> all = h.engine->MatchOne(Query(query), {});
  REQUIRE(all.ok());
  REQUIRE(all->candidates.size() >= 3);
  CHECK(all->candidates[0].golden_id == h.GoldenOf(rows.back()));
  MatchOneOptions options;
  options.max_candidates = 2;
  absl::StatusOr<MatchOneResult> two = h.engine->MatchOne(Query(query), options);
  REQUIRE(two.ok());
  REQUIRE(two->candidates.size() == 2);
  CHECK(two->candidates[0].golden_id == all->candidates[0].golden_id);
  CHECK(two->candidates[1].golden_id == all->candidates[1].golden_id);
}

TEST_CASE("MatchOne: threads querying at once get the answers one thread gets",
          "[match_one]") {
  Harness h;
  const std::vector<SampleRow> rows = testing::SamplePeopleRows();
  h.Write(rows, "_1");
  h.Run();
  auto answer = [&](const SampleRow& r) {
    absl::StatusOr<MatchOneResult> result = h.engine->MatchOne(Query(r), {});
    if (!result.ok()) return std::string(result.status().message());
    std::string out;
    for (const MatchCandidate& c : result->candidates) {
      absl::StrAppend(&out, c.golden_id, "=", c.probability, ";");
    }
    return out;
  };
  // The first call from several threads at once also builds the index once.
  std::vector<std::vector<std::string>> got(4, std::vector<std::string>(rows.size()));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < rows.size(); ++i) got[t][i] = answer(rows[(i + t) % rows.size()]);
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string single = answer(rows[i]);
    for (int t = 0; t < 4; ++t) CHECK(got[t][(i + rows.size() - t) % rows.size()] == single);
  }
}

TEST_CASE("MatchOne: a run on the same engine is seen by the next query", "[match_one]") {
  Harness h;
  h.Write(testing::SamplePeopleRows(), "_1");
  h.Run();
  const SampleRow newcomer{"", "crm", "C800", "Quillévéré", "Maëlle", testing::ValidRpps(8000),
                           "0199088800", "maelle.quillevere@example.org", "29000", "Quimper"};
  absl::StatusOr<MatchOneResult> before = h.engine->MatchOne(Query(newcomer), {});
  REQUIRE(before.ok());
  for (const MatchCandidate& c : before->candidates) {
    CHECK(c.decision == MatchDecision::kDistinct);
  }
  h.Write({newcomer}, "_2");
  h.Run();
  absl::StatusOr<MatchOneResult> after = h.engine->MatchOne(Query(newcomer), {});
  REQUIRE(after.ok());
  REQUIRE_FALSE(after->candidates.empty());
  CHECK(after->candidates[0].golden_id == h.GoldenOf(newcomer));
  CHECK(after->candidates[0].decision == MatchDecision::kAutoMerge);
}

TEST_CASE("MatchOne: bad queries and unmatched stores are refused", "[match_one]") {
  Harness h;
  SampleRow someone = testing::SamplePeopleRows()[0];
  SECTION("no run has matched yet") {
    absl::StatusOr<MatchOneResult> r = h.engine->MatchOne(Query(someone), {});
    CHECK(r.status().code() == absl::StatusCode::kFailedPrecondition);
  }
  h.Write(testing::SamplePeopleRows(), "_1");
  h.Run();
  SECTION("neither a family name nor an identifier") {
    SourceRecord q;
    q.name.given_names = "Claire";
    q.phones.push_back(Phone{.raw = "0199010000"});
    absl::StatusOr<MatchOneResult> r = h.engine->MatchOne(q, {});
    CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);
    // The message names no personal data.
    CHECK(std::string(r.status().message()).find("Claire") == std::string::npos);
  }
  SECTION("text that is not UTF-8, named by field and not by value") {
    SourceRecord q = Query(someone);
    q.emails.push_back(Email{.raw = "caf\xe9@example.org"});
    absl::StatusOr<MatchOneResult> r = h.engine->MatchOne(q, {});
    CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(std::string(r.status().message()).find("email") != std::string::npos);
    CHECK(std::string(r.status().message()).find("example.org") == std::string::npos);
  }
  SECTION("a delete marker") {
    SourceRecord q = Query(someone);
    q.deleted = true;
    CHECK(h.engine->MatchOne(q, {}).status().code() == absl::StatusCode::kInvalidArgument);
  }
  SECTION("options out of range") {
    for (MatchOneOptions o : {MatchOneOptions{"FR", 0, 0}, MatchOneOptions{"FR", 5000, 0},
                              MatchOneOptions{"FR", 10, 1.5}, MatchOneOptions{"fr", 10, 0},
                              MatchOneOptions{"FRA", 10, 0}}) {
      CHECK(h.engine->MatchOne(Query(someone), o).status().code() ==
            absl::StatusCode::kInvalidArgument);
    }
  }
}

}  // namespace
}  // namespace mdm
