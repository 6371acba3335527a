// SPDX-License-Identifier: Apache-2.0
// The data steward's operations (mdm/steward.h) through mdm::Engine on the
// invented people of tests/testing/sample_people.h: the queue, decisions
// that bind every later run (delta and full), stale items and concurrent
// decisions, splits, merges, pinned values, change requests and users.
#include "mdm/steward/steward_service.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "mdm/engine.h"
#include "tests/testing/fake_clock.h"
#include "tests/testing/sample_people.h"
#include "tests/testing/temp_dir.h"

namespace mdm::steward {
namespace {

using Row = testing::SampleRow;

// A wide review band, so that the sample people give review items.
constexpr char kMatchingYaml[] =
    "matching:\n  decision: {auto_merge: 0.999, review: 0.0001}\n";

struct Harness {
  testing::TempDir dir;
  testing::FakeClock clock;
  std::unique_ptr<Engine> engine;
  Config config;
  int files = 0;

  Harness() {
    const std::string yaml =
        absl::StrCat("version: 1\n", testing::SampleSourcesYaml(), kMatchingYaml);
    absl::StatusOr<Config> parsed = ParseConfig(yaml, dir.File("mdm.yaml"));
    INFO(parsed.status());
    REQUIRE(parsed.ok());
    config = *std::move(parsed);
    EngineOptions options;
    options.db_path = dir.File("mdm.db");
    options.create_if_missing = true;
    options.clock = &clock;
    options.threads = 2;
    engine = *Engine::Open(options);
  }

  Steward& steward() { return engine->Stewardship(); }

  // Writes `rows` as a new delivery of each source and runs.
  RunReport Load(const std::vector<Row>& rows, bool skip_matching = false, bool full = false) {
    ++files;
    for (const auto& [source, text] : testing::SampleCsvFiles(rows)) {
      dir.Write(absl::StrCat(source, "_", files, ".csv"), text);
    }
    return Run(skip_matching, full);
  }

  RunReport Run(bool skip_matching = false, bool full = false) {
    RunOptions options;
    options.skip_matching = skip_matching;
    options.full_rematch = full;
    clock.Advance(absl::Minutes(1));
    absl::StatusOr<RunReport> report = engine->Run(config, options);
    INFO(report.status());
    REQUIRE(report.ok());
    return *std::move(report);
  }

  std::string GoldenOf(const std::string& name) {
    const size_t colon = name.find(':');
    absl::StatusOr<Crosswalk> x = engine->Xref(name.substr(0, colon), name.substr(colon + 1));
    INFO(name << " " << x.status());
    REQUIRE(x.ok());
    return x->golden_id;
  }

  // Every record's golden id.
  std::map<std::string, std::string> Partition(const std::vector<Row>& rows) {
    std::map<std::string, std::string> out;
    for (const Row& r : rows) out[r.Name()] = GoldenOf(r.Name());
    return out;
  }

  std::vector<ReviewItem> Open() {
    absl::StatusOr<QueuePage> page = steward().Queue({"open", "", 0, 1000});
    INFO(page.status());
    REQUIRE(page.ok());
    return page->items;
  }
};

std::string Name(const ReviewSide& s) { return absl::StrCat(s.source, ":", s.source_key); }

Row RowOf(const std::vector<Row>& rows, const std::string& name) {
  for (const Row& r : rows) {
    if (r.Name() == name) return r;
  }
  FAIL("no row " << name);
  return {};
}

// An open review-band item between two golden records.
ReviewItem BandItem(Harness& h) {
  for (const ReviewItem& item : h.Open()) {
    if (item.reason == "review_band" && item.a.golden_id != item.b.golden_id) return item;
  }
  FAIL("no review-band item");
  return {};
}

Decision Decide(const ReviewItem& item, Verdict verdict) {
  Decision d;
  d.item_id = item.item_id;
  d.verdict = verdict;
  d.reason = "checked with the practice";
  d.steward = "alice";
  d.expected_revision = item.revision;
  return d;
}

TEST_CASE("steward: the queue pages open items by priority with their golden records") {
  Harness h;
  h.Load(testing::SamplePeopleRows());
  absl::StatusOr<QueuePage> all = h.steward().Queue({"open", "", 0, 1000});
  REQUIRE(all.ok());
  REQUIRE(all->total >= 3);
  CHECK(all->total == static_cast<int64_t>(all->items.size()));
  for (size_t i = 1; i < all->items.size(); ++i) {
    CHECK(all->items[i - 1].priority >= all->items[i].priority);
  }
  for (const ReviewItem& item : all->items) {
    CHECK(item.status == "open");
    CHECK_FALSE(item.a.source.empty());
    CHECK_FALSE(item.a.golden_id.empty());
    CHECK(item.a.golden_members >= 1);
    CHECK(item.priority > 0);
  }
  absl::StatusOr<QueuePage> second = h.steward().Queue({"open", "", 1, 2});
  REQUIRE(second.ok());
  CHECK(second->total == all->total);
  REQUIRE(second->items.size() == 2);
  CHECK(second->items[0].item_id == all->items[1].item_id);
  CHECK(second->items[1].item_id == all->items[2].item_id);

  CHECK(h.steward().Queue({"closed", "", 0, 10}).status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.steward().Queue({"open", "", 0, 0}).status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.steward().Queue({"open", "", -1, 10}).status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.steward().Item(999999).status().code() == absl::StatusCode::kNotFound);

  absl::StatusOr<ReviewItemDetail> detail = h.steward().Item(all->items[0].item_id);
  REQUIRE(detail.ok());
  CHECK(detail->explanation.record_a == Name(detail->item.a));
  CHECK_FALSE(detail->explanation.terms.empty());
  // The same waterfall `mdm explain` gives, and the score the run gave.
  absl::StatusOr<Explanation> full =
      h.engine->Explain(detail->item.a.source, detail->item.a.source_key,
                        detail->item.b.source, detail->item.b.source_key);
  REQUIRE(full.ok());
  CHECK(detail->explanation.match_weight == Approx(full->match_weight));
  CHECK(detail->explanation.decision == full->decision);
  CHECK(detail->explanation.blocking_rule == full->blocking_rule);
  CHECK(detail->explanation.match_weight == Approx(detail->item.match_weight));
  CHECK_FALSE(detail->fields.empty());
  for (const FieldComparison& f : detail->fields) {
    INFO(f.field);
    CHECK_FALSE((f.value_a.empty() && f.value_b.empty()));
    CHECK(f.differs == (!f.value_a.empty() && !f.value_b.empty() && f.value_a != f.value_b));
  }
}

TEST_CASE("steward: different keeps two records apart in every later run, full ones too") {
  Harness h;
  std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  const ReviewItem item = BandItem(h);
  const std::string a = Name(item.a), b = Name(item.b);
  absl::StatusOr<ReviewItem> decided = h.steward().Decide(Decide(item, Verdict::kDifferent));
  REQUIRE(decided.ok());
  CHECK(decided->status == "decided");
  CHECK(decided->decision == "different");
  CHECK(decided->decided_by == "alice");
  CHECK_FALSE(decided->applied);

  // b becomes a copy of a under its own key: scored alone, the pair would
  // auto-merge.
  Row copy = RowOf(rows, a);
  copy.source = item.b.source;
  copy.key = item.b.source_key;
  copy.observed = "2026-02-01";
  h.Load({copy});
  CHECK(h.GoldenOf(a) != h.GoldenOf(b));
  CHECK(h.steward().Item(item.item_id)->item.applied);
  for (const ReviewItem& open : h.Open()) {
    CHECK(std::set<std::string>{Name(open.a), Name(open.b)} != std::set<std::string>{a, b});
  }
  h.Run(false, /*full=*/true);
  CHECK(h.GoldenOf(a) != h.GoldenOf(b));
  h.Run();
  CHECK(h.GoldenOf(a) != h.GoldenOf(b));
}

TEST_CASE("steward: same joins two golden records and no later run splits them") {
  Harness h;
  std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  const ReviewItem item = BandItem(h);
  const std::string a = Name(item.a), b = Name(item.b);
  REQUIRE(h.steward().Decide(Decide(item, Verdict::kSame)).ok());
  CHECK(h.GoldenOf(a) != h.GoldenOf(b));  // pending until a run
  const RunReport joined = h.Run();
  CHECK(joined.golden.merged >= 1);
  CHECK(h.GoldenOf(a) == h.GoldenOf(b));
  const auto after_delta = h.Partition(rows);

  // b turns into someone else entirely: still the steward's word.
  Row other = RowOf(rows, b);
  other.family = "Zyxwvut";
  other.given = "Quentin";
  other.email = "q.z@example.net";
  other.phone = "0199999999";
  other.rpps = "";
  other.observed = "2026-03-01";
  h.Load({other});
  CHECK(h.GoldenOf(a) == h.GoldenOf(b));
  h.Run(false, /*full=*/true);
  CHECK(h.GoldenOf(a) == h.GoldenOf(b));
  (void)after_delta;
}

TEST_CASE("steward: after decisions, splits and new deliveries a delta run equals a full run") {
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    INFO("seed " << seed);
    std::mt19937 random(seed);
    Harness h;
    std::vector<Row> rows = testing::SamplePeopleRows();
    h.Load(rows);
    for (int round = 0; round < 3; ++round) {
      INFO("round " << round);
      // Decide some open items either way.
      std::vector<ReviewItem> open = h.Open();
      std::shuffle(open.begin(), open.end(), random);
      for (size_t i = 0; i < open.size() && i < 4; ++i) {
        const Verdict v = random() % 2 == 0 ? Verdict::kSame : Verdict::kDifferent;
        absl::StatusOr<ReviewItem> d = h.steward().Decide(Decide(open[i], v));
        INFO(d.status());
        REQUIRE(d.ok());
      }
      // Split one member off a golden record with several.
      const Row& pick = rows[random() % rows.size()];
      const std::string g = h.GoldenOf(pick.Name());
      if (h.engine->Golden(g)->members.size() > 1) {
        REQUIRE(h.steward().Split(g, {{pick.source, pick.key}}, "split", "alice").ok());
      }
      // A delivery that changes a few records.
      std::vector<Row> changed;
      for (int k = 0; k < 3; ++k) {
        Row r = rows[random() % rows.size()];
        r.observed = absl::StrCat("2026-0", round + 2, "-0", k + 1);
        if (k == 0) r.email.clear();
        if (k == 1) r.city = "Lille";
        changed.push_back(r);
      }
      h.Load(changed);
      const auto delta = h.Partition(rows);
      h.Run(false, /*full=*/true);
      CHECK(h.Partition(rows) == delta);
    }
  }
}

TEST_CASE("steward: a stale item cannot be decided until a run has matched it again") {
  Harness h;
  std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  const ReviewItem item = BandItem(h);
  Row changed = RowOf(rows, Name(item.a));
  changed.city = "Lille";
  changed.observed = "2026-02-01";
  h.Load({changed}, /*skip_matching=*/true);
  absl::StatusOr<QueuePage> stale = h.steward().Queue({"stale", "", 0, 100});
  REQUIRE(stale.ok());
  CHECK(std::any_of(stale->items.begin(), stale->items.end(),
                    [&](const ReviewItem& i) { return i.item_id == item.item_id; }));
  Decision d = Decide(item, Verdict::kSame);
  d.expected_revision.reset();
  const absl::Status refused = h.steward().Decide(d).status();
  CHECK(refused.code() == absl::StatusCode::kFailedPrecondition);
  CHECK_THAT(std::string(refused.message()), Catch::Contains("stale"));
  h.Run();
  absl::StatusOr<ReviewItemDetail> again = h.steward().Item(item.item_id);
  if (again.ok()) {  // the rescored pair may have left the band
    CHECK(again->item.status == "open");
    CHECK(h.steward().Decide(d).ok());
  } else {
    CHECK(again.status().code() == absl::StatusCode::kNotFound);
  }
}

TEST_CASE("steward: the first of two decisions on one item wins, the second is a conflict") {
  Harness h;
  h.Load(testing::SamplePeopleRows());
  const ReviewItem item = BandItem(h);
  Decision old = Decide(item, Verdict::kSame);
  old.expected_revision = item.revision - 1;
  CHECK(h.steward().Decide(old).status().code() == absl::StatusCode::kAborted);

  REQUIRE(h.steward().Decide(Decide(item, Verdict::kDifferent)).ok());
  Decision second = Decide(item, Verdict::kSame);
  second.steward = "bob";
  const absl::Status lost = h.steward().Decide(second).status();
  CHECK(lost.code() == absl::StatusCode::kAborted);
  CHECK_THAT(std::string(lost.message()), Catch::Contains("alice"));
  absl::StatusOr<ReviewItemDetail> now = h.steward().Item(item.item_id);
  REQUIRE(now.ok());
  CHECK(now->item.decision == "different");
  CHECK(now->item.decided_by == "alice");

  Decision blank = Decide(item, Verdict::kSame);
  blank.reason = "";
  CHECK(h.steward().Decide(blank).status().code() == absl::StatusCode::kInvalidArgument);
  blank.reason = std::string("bad\x01");
  CHECK(h.steward().Decide(blank).status().code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("steward: two processes deciding one item: the first wins, the second conflicts") {
  Harness h;
  h.Load(testing::SamplePeopleRows());
  EngineOptions options;
  options.db_path = h.dir.File("mdm.db");
  options.clock = &h.clock;
  absl::StatusOr<std::unique_ptr<Engine>> other = Engine::Open(options);
  REQUIRE(other.ok());
  const ReviewItem item = BandItem(h);  // both stewards look at this revision
  REQUIRE((*other)->Stewardship().Decide(Decide(item, Verdict::kDifferent)).ok());
  Decision late = Decide(item, Verdict::kSame);
  late.steward = "bob";
  CHECK(h.steward().Decide(late).status().code() == absl::StatusCode::kAborted);
  absl::StatusOr<ReviewItemDetail> now = h.steward().Item(item.item_id);
  REQUIRE(now.ok());
  CHECK(now->item.decision == "different");
  h.Run();
  CHECK(h.GoldenOf(Name(item.a)) != h.GoldenOf(Name(item.b)));
}

TEST_CASE("steward: assign sets who decides, and the queue filters on it") {
  Harness h;
  h.Load(testing::SamplePeopleRows());
  const ReviewItem item = BandItem(h);
  absl::StatusOr<ReviewItem> assigned = h.steward().Assign(item.item_id, "carol");
  REQUIRE(assigned.ok());
  CHECK(assigned->assignee == "carol");
  CHECK(assigned->revision == item.revision + 1);
  absl::StatusOr<QueuePage> mine = h.steward().Queue({"open", "carol", 0, 10});
  REQUIRE(mine.ok());
  REQUIRE(mine->total == 1);
  CHECK(mine->items[0].item_id == item.item_id);
  CHECK(h.steward().Assign(424242, "carol").status().code() == absl::StatusCode::kNotFound);
}

TEST_CASE("steward: a split is never undone and a merge keeps the older id") {
  Harness h;
  std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  // P0 is crm:C100 + msl:M500 with identical values.
  const std::string g = h.GoldenOf("crm:C100");
  REQUIRE(h.GoldenOf("msl:M500") == g);
  CHECK(h.steward().Split(g, {{"msl", "M500"}}, "two people", "alice").ok());
  h.Run();
  CHECK(h.GoldenOf("crm:C100") == g);  // a tie keeps the id on the smaller key
  CHECK(h.GoldenOf("msl:M500") != g);
  h.Run(false, /*full=*/true);
  CHECK(h.GoldenOf("msl:M500") != h.GoldenOf("crm:C100"));

  CHECK(h.steward().Split(g, {{"crm", "C100"}}, "all", "alice").code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.steward().Split(g, {{"crm", "C101"}}, "not a member", "alice").code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.steward().Split("GNOPE", {{"crm", "C100"}}, "x", "alice").code() ==
        absl::StatusCode::kNotFound);

  const std::string other = h.GoldenOf("msl:M500");
  REQUIRE(h.steward().Merge(g, other, "same person after all", "alice").ok());
  h.Run();
  CHECK(h.GoldenOf("msl:M500") == g);
  absl::StatusOr<GoldenRecord> merged = h.engine->Golden(other);
  REQUIRE(merged.ok());
  CHECK(merged->status == GoldenStatus::kMerged);
  CHECK(merged->merged_into == g);
  CHECK(h.steward().Merge(g, g, "x", "alice").code() == absl::StatusCode::kInvalidArgument);
  CHECK(h.steward().Merge(g, other, "x", "alice").code() ==
        absl::StatusCode::kFailedPrecondition);
}

TEST_CASE("steward: a pinned value beats every policy until it is unpinned") {
  Harness h;
  std::vector<Row> rows = testing::SamplePeopleRows();
  h.Load(rows);
  const std::string g = h.GoldenOf("crm:C101");
  const std::string before = h.engine->Golden(g)->name.value.given_names;
  absl::StatusOr<Override> pin = h.steward().Pin(g, "given_name", "Paul-Henri", "asked", "alice");
  REQUIRE(pin.ok());
  CHECK(pin->pinned);
  h.Run();
  absl::StatusOr<GoldenRecord> pinned = h.engine->Golden(g);
  REQUIRE(pinned.ok());
  CHECK(pinned->name.value.given_names == "Paul-Henri");
  CHECK(pinned->name.lineage.rule == "steward_override");
  // A new delivery with another spelling does not move it.
  Row update = RowOf(rows, "crm:C101");
  update.given = "Pol";
  update.observed = "2026-04-01";
  h.Load({update});
  CHECK(h.engine->Golden(g)->name.value.given_names == "Paul-Henri");

  REQUIRE(h.steward().Unpin(g, "given_name", "wrong record", "alice").ok());
  h.Run();
  CHECK(h.engine->Golden(g)->name.value.given_names != "Paul-Henri");
  CHECK(h.engine->Golden(g)->name.lineage.rule != "steward_override");
  absl::StatusOr<std::vector<Override>> history = h.steward().Overrides(g, /*all=*/true);
  REQUIRE(history.ok());
  REQUIRE(history->size() == 1);
  CHECK_FALSE((*history)[0].pinned);
  CHECK((*history)[0].unpinned_by == "alice");
  (void)before;

  CHECK(h.steward().Pin(g, "shoe_size", "42", "x", "alice").status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.steward().Pin(g, "birth_date", "2023-02-30", "x", "alice").status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.steward().Pin(g, "gender", "Q", "x", "alice").status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.steward().Unpin(g, "gender", "x", "alice").status().code() ==
        absl::StatusCode::kNotFound);
  CHECK(h.steward().Pin("GNOPE", "gender", "F", "x", "alice").status().code() ==
        absl::StatusCode::kNotFound);
}

TEST_CASE("steward: an approved change request is pinned, a rejected one is not") {
  Harness h;
  h.Load(testing::SamplePeopleRows());
  const std::string g = h.GoldenOf("crm:C103");
  absl::StatusOr<ChangeRequest> wanted =
      h.steward().SubmitChange(g, "birth_date", "1971-05-04", "rep-042", "seen on badge");
  REQUIRE(wanted.ok());
  absl::StatusOr<ChangeRequest> unwanted =
      h.steward().SubmitChange(g, "gender", "X", "msl-007", "guess");
  REQUIRE(unwanted.ok());
  CHECK(h.steward().SubmitChange(g, "birth_date", "04/05/1971", "rep", "x").status().code() ==
        absl::StatusCode::kInvalidArgument);
  absl::StatusOr<std::vector<ChangeRequest>> open =
      h.steward().Changes(ChangeRequestStatus::kOpen, 10);
  REQUIRE(open.ok());
  CHECK(open->size() == 2);

  absl::StatusOr<ChangeRequest> approved =
      h.steward().DecideChange(wanted->dcr_id, true, "alice", "confirmed by phone");
  REQUIRE(approved.ok());
  CHECK(approved->status == ChangeRequestStatus::kApproved);
  REQUIRE(h.steward().DecideChange(unwanted->dcr_id, false, "alice", "no source").ok());
  CHECK(h.steward().DecideChange(wanted->dcr_id, false, "bob", "late").status().code() ==
        absl::StatusCode::kAborted);
  CHECK(h.steward().DecideChange(99999, true, "bob", "x").status().code() ==
        absl::StatusCode::kNotFound);
  h.Run();
  absl::StatusOr<GoldenRecord> golden = h.engine->Golden(g);
  REQUIRE(golden.ok());
  CHECK(golden->birth_date.value == "1971-05-04");
  CHECK(golden->gender.value != "X");
}

TEST_CASE("steward: search finds golden records by name, identifier, key and id") {
  Harness h;
  h.Load(testing::SamplePeopleRows());
  const std::string g = h.GoldenOf("crm:C103");
  for (const std::string& text : std::vector<std::string>{"Delorme", "delormé", g, "C103",
                                 testing::ValidRpps(1000 + 4)}) {
    absl::StatusOr<std::vector<GoldenHit>> hits = h.steward().Search(text, 10);
    INFO(text << " " << hits.status());
    REQUIRE(hits.ok());
    REQUIRE_FALSE(hits->empty());
    if (text != testing::ValidRpps(1004)) CHECK((*hits)[0].golden_id == g);
  }
  CHECK(h.steward().Search("x", 10).status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(h.steward().Search("Nobody Here", 10)->empty());
}

// True when `status` is FailedPrecondition naming `golden_id` as restricted.
bool RefusedAsRestricted(const absl::Status& status, const std::string& golden_id) {
  INFO(status);
  return status.code() == absl::StatusCode::kFailedPrecondition &&
         absl::StrContains(status.message(),
                           absl::StrCat("golden record ", golden_id,
                                        " is restricted (GDPR Art. 18)"));
}

bool Finds(Harness& h, const std::string& text, const std::string& golden_id) {
  absl::StatusOr<std::vector<GoldenHit>> hits = h.steward().Search(text, 100);
  INFO(text << " " << hits.status());
  REQUIRE(hits.ok());
  return std::any_of(hits->begin(), hits->end(),
                     [&](const GoldenHit& hit) { return hit.golden_id == golden_id; });
}

TEST_CASE("steward: a restricted golden record is not merged, split, pinned or searched") {
  Harness h;
  h.Load(testing::SamplePeopleRows());
  ReviewItem item = BandItem(h);
  const std::string ga = item.a.golden_id, gb = item.b.golden_id;
  // P0 is crm:C100 + msl:M500: a golden record with two members to split.
  const std::string g0 = h.GoldenOf("crm:C100");
  REQUIRE(h.GoldenOf("msl:M500") == g0);
  // A pin set before the restriction, and two change requests.
  REQUIRE(h.steward().Pin(ga, "gender", "F", "asked", "alice").ok());
  absl::StatusOr<ChangeRequest> wanted =
      h.steward().SubmitChange(ga, "birth_date", "1971-05-04", "rep-042", "seen on badge");
  REQUIRE(wanted.ok());
  absl::StatusOr<ChangeRequest> unwanted =
      h.steward().SubmitChange(ga, "given_name", "Zed", "msl-007", "guess");
  REQUIRE(unwanted.ok());
  REQUIRE(Finds(h, ga, ga));
  REQUIRE(Finds(h, "C100", g0));

  REQUIRE(h.engine->Privacy().Restrict(ga, "dpo1", "Art. 18 request 2026-7").ok());
  if (g0 != ga) REQUIRE(h.engine->Privacy().Restrict(g0, "dpo1", "Art. 18 request 2026-8").ok());
  // Restricting makes the members' items stale until a run has matched
  // them again; the run keeps ga apart but still asks about it.
  h.Run();
  REQUIRE(h.GoldenOf(Name(item.a)) == ga);
  std::optional<ReviewItem> touching;
  for (const ReviewItem& open : h.Open()) {
    if (open.a.golden_id != open.b.golden_id &&
        (open.a.golden_id == ga || open.b.golden_id == ga)) {
      touching = open;
    }
  }
  REQUIRE(touching.has_value());
  item = *touching;

  CHECK(RefusedAsRestricted(h.steward().Decide(Decide(item, Verdict::kSame)).status(), ga));
  CHECK(RefusedAsRestricted(h.steward().Merge(gb, ga, "same person", "alice"), ga));
  CHECK(RefusedAsRestricted(h.steward().Merge(ga, gb, "same person", "alice"), ga));
  CHECK(RefusedAsRestricted(h.steward().Split(g0, {{"msl", "M500"}}, "two people", "alice"), g0));
  CHECK(RefusedAsRestricted(
      h.steward().Pin(ga, "given_name", "Paul", "asked", "alice").status(), ga));
  CHECK(RefusedAsRestricted(
      h.steward().DecideChange(wanted->dcr_id, true, "alice", "confirmed").status(), ga));
  // Nothing of the refused operations was written.
  CHECK(h.steward().Item(item.item_id)->item.status == "open");
  CHECK(h.steward().Changes(ChangeRequestStatus::kOpen, 10)->size() == 2);
  CHECK(h.steward().Overrides(ga, /*all=*/true)->size() == 1);
  // Search leaves it out, by id, key or name.
  CHECK_FALSE(Finds(h, ga, ga));
  CHECK_FALSE(Finds(h, "C100", g0));
  CHECK_FALSE(Finds(h, g0, g0));

  // What never merges stays allowed: `different`, rejecting a change
  // request, unpinning.
  absl::StatusOr<ReviewItem> different = h.steward().Decide(Decide(item, Verdict::kDifferent));
  INFO(different.status());
  REQUIRE(different.ok());
  CHECK(different->decision == "different");
  CHECK(h.steward().DecideChange(unwanted->dcr_id, false, "alice", "no source").ok());
  CHECK(h.steward().Unpin(ga, "gender", "wrong record", "alice").ok());

  // Unrestricted, it is found and acted on again.
  REQUIRE(h.engine->Privacy().Unrestrict(ga, "dpo1", "request closed").ok());
  if (g0 != ga) REQUIRE(h.engine->Privacy().Unrestrict(g0, "dpo1", "request closed").ok());
  CHECK(Finds(h, ga, ga));
  CHECK(Finds(h, "C100", g0));
  CHECK(h.steward().Pin(ga, "given_name", "Paul", "asked", "alice").ok());
  CHECK(h.steward().DecideChange(wanted->dcr_id, true, "alice", "confirmed").ok());
  CHECK(h.steward().Split(g0, {{"msl", "M500"}}, "two people", "alice").ok());
  CHECK(h.steward().Merge(gb, ga, "same person", "alice").ok());
}

TEST_CASE("steward: users sign in with their password, the rest is one answer") {
  Harness h;
  absl::StatusOr<User> added = h.steward().AddUser("alice", Role::kSteward, "s3cret-pass");
  REQUIRE(added.ok());
  CHECK(added->role == Role::kSteward);
  CHECK(h.steward().AddUser("alice", Role::kViewer, "another-pass").status().code() ==
        absl::StatusCode::kAlreadyExists);
  CHECK(h.steward().AddUser("al ice", Role::kViewer, "another-pass").status().code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(h.steward().AddUser("bob", Role::kViewer, "short").status().code() ==
        absl::StatusCode::kInvalidArgument);
  absl::StatusOr<User> in = h.steward().Authenticate("alice", "s3cret-pass");
  REQUIRE(in.ok());
  CHECK(in->name == "alice");
  const absl::Status wrong = h.steward().Authenticate("alice", "s3cret-pas").status();
  const absl::Status unknown = h.steward().Authenticate("mallory", "s3cret-pass").status();
  CHECK(wrong.code() == absl::StatusCode::kUnauthenticated);
  CHECK(unknown == wrong);
  absl::StatusOr<std::vector<User>> users = h.steward().Users();
  REQUIRE(users.ok());
  REQUIRE(users->size() == 1);
  CHECK((*users)[0].name == "alice");
}

}  // namespace
}  // namespace mdm::steward
