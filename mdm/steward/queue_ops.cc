// SPDX-License-Identifier: Apache-2.0
#include "mdm/steward/queue_ops.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "mdm/model/record_json.h"
#include "mdm/pipeline/match_runner.h"
#include "mdm/status.h"
#include "mdm/steward/link_edits.h"

namespace mdm::steward {
namespace {

constexpr int64_t kMaxPage = 1000;

absl::StatusOr<store::ReviewItemRow> FindItem(store::Store& store, int64_t item_id) {
  MDM_ASSIGN_OR_RETURN(std::optional<store::ReviewItemRow> row, store.GetReviewItem(item_id));
  if (!row) return absl::NotFoundError(absl::StrCat("no review item ", item_id));
  return *std::move(row);
}

// Fills the public items of `rows`: their records' keys and golden records.
absl::StatusOr<std::vector<ReviewItem>> ToItems(store::Store& store,
                                                const std::vector<store::ReviewItemRow>& rows) {
  std::vector<int64_t> ids;
  for (const store::ReviewItemRow& r : rows) {
    ids.push_back(r.record_a);
    ids.push_back(r.record_b);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  absl::flat_hash_map<int64_t, ReviewSide> side;
  MDM_RETURN_IF_ERROR(store.ReadMatchKeys(
      ids, [&side](int64_t id, absl::string_view source, absl::string_view key,
                   absl::string_view) {
        side[id].source = std::string(source);
        side[id].source_key = std::string(key);
        return absl::OkStatus();
      }));
  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenMemberRow> members,
                       store.ReadGoldenMembers(ids));
  absl::flat_hash_map<int64_t, std::pair<std::string, int64_t>> golden_of_seq;
  for (const store::GoldenMemberRow& m : members) {
    auto [it, added] = golden_of_seq.try_emplace(m.golden_seq);
    if (added) {
      MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> g, store.GetGolden(m.golden_seq));
      MDM_ASSIGN_OR_RETURN(int64_t count, store.CountActiveMembers(m.golden_seq));
      it->second = {g ? g->golden_id : "", count};
    }
    side[m.record_id].golden_id = it->second.first;
    side[m.record_id].golden_members = it->second.second;
  }
  MDM_ASSIGN_OR_RETURN(std::vector<store::StewardLink> links, store.ReadStewardLinks(ids));
  absl::flat_hash_map<std::pair<int64_t, int64_t>, int64_t> applied;
  for (const store::StewardLink& l : links) applied[{l.record_a, l.record_b}] = l.applied_run;

  std::vector<ReviewItem> out;
  for (const store::ReviewItemRow& r : rows) {
    ReviewItem item;
    item.item_id = r.item_id;
    item.a = side[r.record_a];
    item.b = side[r.record_b];
    // A record deleted since the item was asked has no current keys.
    if (item.a.source.empty())
      item.a.source_key = absl::StrCat("(deleted record ", r.record_a, ")");
    if (item.b.source.empty())
      item.b.source_key = absl::StrCat("(deleted record ", r.record_b, ")");
    item.reason = r.reason;
    item.probability = r.probability;
    item.match_weight = r.match_weight;
    item.priority = r.priority;
    item.status = r.status;
    item.assignee = r.assignee;
    item.revision = r.revision;
    item.created_run = r.created_run;
    item.updated_run = r.updated_run;
    item.decision = r.decision;
    item.decided_by = r.decided_by;
    item.decided_at = r.decided_at;
    item.decision_reason = r.decision_reason;
    auto it = applied.find({r.record_a, r.record_b});
    item.applied = r.status == "decided" && it != applied.end() && it->second != 0;
    out.push_back(std::move(item));
  }
  return out;
}

absl::StatusOr<ReviewItem> ToItem(store::Store& store, const store::ReviewItemRow& row) {
  MDM_ASSIGN_OR_RETURN(std::vector<ReviewItem> items, ToItems(store, {row}));
  return std::move(items.front());
}

// Values of one field on each side, joined for display.
void AddField(std::vector<FieldComparison>& out, std::string field, std::vector<std::string> a,
              std::vector<std::string> b) {
  if (a.empty() && b.empty()) return;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  b.erase(std::unique(b.begin(), b.end()), b.end());
  // A value on one side only is missing information, not a conflict: the
  // waterfall shows it as null. Only two different values are marked.
  const bool differs = !a.empty() && !b.empty() && a != b;
  out.push_back({std::move(field), absl::StrJoin(a, "; "), absl::StrJoin(b, "; "), differs});
}

template <typename T, typename F>
std::vector<std::string> Map(const std::vector<T>& values, F f) {
  std::vector<std::string> out;
  for (const T& v : values) {
    std::string s = f(v);
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> One(const std::string& s) {
  return s.empty() ? std::vector<std::string>{} : std::vector<std::string>{s};
}

std::vector<FieldComparison> CompareFields(const SourceRecord& a, const SourceRecord& b) {
  std::vector<FieldComparison> out;
  AddField(out, "given_name", One(a.name.given_names), One(b.name.given_names));
  AddField(out, "family_name", One(a.name.family_name), One(b.name.family_name));
  AddField(out, "maiden_name", One(a.name.maiden_name), One(b.name.maiden_name));
  AddField(out, "title", One(a.name.title), One(b.name.title));
  AddField(out, "gender", One(a.gender), One(b.gender));
  AddField(out, "birth_date", One(a.birth_date), One(b.birth_date));
  std::set<std::string> schemes;
  for (const SourceRecord* r : {&a, &b}) {
    for (const Identifier& id : r->identifiers) schemes.insert(id.scheme);
  }
  for (const std::string& scheme : schemes) {
    auto of = [&scheme](const SourceRecord& r) {
      return Map(r.identifiers, [&scheme](const Identifier& id) {
        return id.scheme == scheme ? id.value : std::string();
      });
    };
    AddField(out, scheme, of(a), of(b));
  }
  auto emails = [](const SourceRecord& r) {
    return Map(r.emails,
               [](const Email& e) { return e.normalized.empty() ? e.raw : e.normalized; });
  };
  AddField(out, "email", emails(a), emails(b));
  auto phones = [](const SourceRecord& r) {
    return Map(r.phones, [](const Phone& p) { return p.e164.empty() ? p.raw : p.e164; });
  };
  AddField(out, "phone", phones(a), phones(b));
  auto postcodes = [](const SourceRecord& r) {
    return Map(r.addresses, [](const Address& x) { return x.postcode; });
  };
  AddField(out, "postcode", postcodes(a), postcodes(b));
  auto cities = [](const SourceRecord& r) {
    return Map(r.addresses, [](const Address& x) { return x.city; });
  };
  AddField(out, "city", cities(a), cities(b));
  auto streets = [](const SourceRecord& r) {
    return Map(r.addresses, [](const Address& x) { return x.street; });
  };
  AddField(out, "street", streets(a), streets(b));
  auto specialties = [](const SourceRecord& r) {
    return Map(r.specialties, [](const Specialty& s) { return s.code.empty() ? s.raw : s.code; });
  };
  AddField(out, "specialty", specialties(a), specialties(b));
  auto affiliations = [](const SourceRecord& r) {
    return Map(r.affiliations, [](const Affiliation& x) { return x.name; });
  };
  AddField(out, "affiliation", affiliations(a), affiliations(b));
  return out;
}

}  // namespace

absl::StatusOr<QueuePage> ListQueue(const Context& ctx, const QueueQuery& query) {
  if (query.status != "" && query.status != "open" && query.status != "stale" &&
      query.status != "decided") {
    return absl::InvalidArgumentError("queue: status must be open, stale, decided or empty");
  }
  if (query.limit < 1 || query.limit > kMaxPage) {
    return absl::InvalidArgumentError("queue: limit must be between 1 and 1000");
  }
  if (query.offset < 0) return absl::InvalidArgumentError("queue: offset must be >= 0");
  MDM_RETURN_IF_ERROR(CheckText("assignee", query.assignee.empty() ? "-" : query.assignee));
  MDM_ASSIGN_OR_RETURN(auto rows, ctx.store.QueryReviewItems(
                                      {query.status, query.assignee, query.offset, query.limit}));
  QueuePage page;
  page.total = rows.second;
  MDM_ASSIGN_OR_RETURN(page.items, ToItems(ctx.store, rows.first));
  return page;
}

absl::StatusOr<ReviewItemDetail> ShowItem(const Context& ctx, int64_t item_id) {
  MDM_ASSIGN_OR_RETURN(store::ReviewItemRow row, FindItem(ctx.store, item_id));
  ReviewItemDetail detail;
  MDM_ASSIGN_OR_RETURN(detail.item, ToItem(ctx.store, row));
  std::vector<SourceRecord> records;
  for (int64_t id : {row.record_a, row.record_b}) {
    absl::StatusOr<std::string> json = ctx.store.RecordJson(id);
    if (!json.ok()) return json.status();
    MDM_ASSIGN_OR_RETURN(SourceRecord r, model::RecordFromJson(*json));
    records.push_back(std::move(r));
  }
  detail.fields = CompareFields(records[0], records[1]);
  if (!records[0].deleted && !records[1].deleted) {
    MDM_ASSIGN_OR_RETURN(detail.explanation,
                         pipeline::ExplainStoredPair(ctx.store, row.record_a, row.record_b));
  }
  return detail;
}

absl::StatusOr<ReviewItem> AssignItem(const Context& ctx, int64_t item_id,
                                      absl::string_view assignee) {
  if (!assignee.empty()) MDM_RETURN_IF_ERROR(CheckText("assignee", assignee));
  store::ReviewItemRow row;
  const absl::Status written = ctx.InWrite([&]() -> absl::Status {
    MDM_ASSIGN_OR_RETURN(row, FindItem(ctx.store, item_id));
    if (row.status == "decided") {
      return absl::AbortedError(absl::StrCat("review item ", item_id, " is already decided"));
    }
    row.assignee = std::string(assignee);
    MDM_RETURN_IF_ERROR(ctx.store.UpdateReviewItemSteward(row));
    MDM_ASSIGN_OR_RETURN(row, FindItem(ctx.store, item_id));
    return absl::OkStatus();
  });
  MDM_RETURN_IF_ERROR(written);
  return ToItem(ctx.store, row);
}

absl::StatusOr<ReviewItem> DecideItem(const Context& ctx, const Decision& decision) {
  MDM_RETURN_IF_ERROR(CheckText("reason", decision.reason));
  MDM_RETURN_IF_ERROR(CheckText("steward", decision.steward));
  store::ReviewItemRow row;
  const absl::Status written = ctx.InWrite([&]() -> absl::Status {
    MDM_ASSIGN_OR_RETURN(row, FindItem(ctx.store, decision.item_id));
    if (row.status == "decided") {
      return absl::AbortedError(absl::StrCat("review item ", row.item_id,
                                             " was already decided by ", row.decided_by, " at ",
                                             row.decided_at));
    }
    if (decision.expected_revision && *decision.expected_revision != row.revision) {
      return absl::AbortedError(absl::StrCat(
          "review item ", row.item_id, " changed since you loaded it (revision ",
          *decision.expected_revision, ", now ", row.revision, "): reload it and decide again"));
    }
    if (row.status == "stale") {
      return absl::FailedPreconditionError(absl::StrCat(
          "review item ", row.item_id, " is stale: one of its records has a new version that "
          "no run has matched yet; run `mdm run`, then decide it again"));
    }
    // The golden records of the item's two records (the links written below
    // change no membership: the audit event names these too).
    MDM_ASSIGN_OR_RETURN(RecordNames names, NamesOf(ctx.store, {row.record_a, row.record_b}));
    if (decision.verdict == Verdict::kSame) {
      // `same` would merge a restricted golden record with another (GDPR
      // Art. 18). `different` stays allowed: a cannot-link never merges.
      for (const std::string& golden_id : names.golden_ids) {
        MDM_RETURN_IF_ERROR(CheckNotRestricted(ctx.store, golden_id, "deciding same"));
      }
    }
    const std::string now = ctx.Now();
    row.status = "decided";
    row.decision = VerdictName(decision.verdict);
    row.decided_by = decision.steward;
    row.decided_at = now;
    row.decision_reason = decision.reason;
    MDM_RETURN_IF_ERROR(ctx.store.UpdateReviewItemSteward(row));
    const LinkAuthor author{decision.steward, decision.reason, now, "queue", row.item_id};
    if (decision.verdict == Verdict::kSame) {
      MDM_RETURN_IF_ERROR(JoinRecords(ctx.store, row.record_a, row.record_b, author));
    } else {
      MDM_RETURN_IF_ERROR(SeparateRecords(ctx.store, row.record_a, row.record_b, author));
    }
    MDM_RETURN_IF_ERROR(ctx.Audit({decision.steward,
                                   absl::StrCat("steward.decide.", row.decision),
                                   std::move(names.golden_ids), std::move(names.refs), 0,
                                   absl::StrCat("item ", row.item_id),
                                   privacy::TextPayload({{"reason", decision.reason}})}));
    MDM_ASSIGN_OR_RETURN(row, FindItem(ctx.store, decision.item_id));
    return absl::OkStatus();
  });
  MDM_RETURN_IF_ERROR(written);
  return ToItem(ctx.store, row);
}

}  // namespace mdm::steward
