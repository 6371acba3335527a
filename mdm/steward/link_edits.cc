// SPDX-License-Identifier: Apache-2.0
#include "mdm/steward/link_edits.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "mdm/status.h"
#include "mdm/steward/steward_context.h"

namespace mdm::steward {
namespace {

absl::Status Put(store::Store& store, int64_t a, int64_t b, const char* kind,
                 const LinkAuthor& author) {
  store::StewardLink l;
  l.record_a = std::min(a, b);
  l.record_b = std::max(a, b);
  l.kind = kind;
  l.origin = author.origin;
  l.item_id = author.item_id;
  l.steward = author.steward;
  l.reason = author.reason;
  l.created_at = author.at;
  l.applied_run = 0;
  return store.PutStewardLink(l);
}

// The active members of the golden record `record` belongs to; {record}
// when it has none yet.
absl::StatusOr<std::vector<int64_t>> GoldenMembersOf(store::Store& store, int64_t record) {
  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenMemberRow> rows,
                       store.ReadGoldenMembers({record}));
  if (rows.empty() || !rows.front().active) return std::vector<int64_t>{record};
  MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> g, store.GetGolden(rows.front().golden_seq));
  if (!g || g->status != GoldenStatus::kActive) return std::vector<int64_t>{record};
  MDM_ASSIGN_OR_RETURN(GoldenTarget t, ActiveGolden(store, g->golden_id));
  return t.members;
}

}  // namespace

absl::Status JoinRecords(store::Store& store, int64_t a, int64_t b, const LinkAuthor& author) {
  MDM_ASSIGN_OR_RETURN(std::vector<int64_t> side_a, GoldenMembersOf(store, a));
  MDM_ASSIGN_OR_RETURN(std::vector<int64_t> side_b, GoldenMembersOf(store, b));
  const absl::flat_hash_set<int64_t> in_a(side_a.begin(), side_a.end());
  const absl::flat_hash_set<int64_t> in_b(side_b.begin(), side_b.end());
  std::sort(side_a.begin(), side_a.end());
  MDM_ASSIGN_OR_RETURN(std::vector<store::StewardLink> links, store.ReadStewardLinks(side_a));
  for (const store::StewardLink& l : links) {
    if (l.kind != "different") continue;
    const bool across = (in_a.contains(l.record_a) && in_b.contains(l.record_b)) ||
                        (in_b.contains(l.record_a) && in_a.contains(l.record_b));
    if (across) MDM_RETURN_IF_ERROR(store.DeleteStewardLink(l.record_a, l.record_b));
  }
  return Put(store, a, b, "same", author);
}

absl::Status SeparateRecords(store::Store& store, int64_t a, int64_t b,
                             const LinkAuthor& author) {
  // Is b reachable from a through must-links alone?
  absl::flat_hash_set<int64_t> seen = {a};
  std::vector<int64_t> frontier = {a};
  while (!frontier.empty() && !seen.contains(b)) {
    std::sort(frontier.begin(), frontier.end());
    MDM_ASSIGN_OR_RETURN(std::vector<store::StewardLink> links, store.ReadStewardLinks(frontier));
    frontier.clear();
    for (const store::StewardLink& l : links) {
      if (l.kind != "same") continue;
      for (int64_t id : {l.record_a, l.record_b}) {
        if (seen.insert(id).second) frontier.push_back(id);
      }
    }
  }
  if (seen.contains(b)) {
    // Every must-link path from a to b starts with a link of a's.
    MDM_ASSIGN_OR_RETURN(std::vector<store::StewardLink> own, store.ReadStewardLinks({a}));
    for (const store::StewardLink& l : own) {
      if (l.kind == "same") MDM_RETURN_IF_ERROR(store.DeleteStewardLink(l.record_a, l.record_b));
    }
  }
  return Put(store, a, b, "different", author);
}

absl::Status SplitRecords(store::Store& store, const std::vector<int64_t>& part,
                          const std::vector<int64_t>& rest, const LinkAuthor& author) {
  // Replacing each pair's link also replaces any must-link across the
  // split: every must-link path from part to rest crosses such a pair.
  for (int64_t p : part) {
    for (int64_t r : rest) MDM_RETURN_IF_ERROR(Put(store, p, r, "different", author));
  }
  for (size_t i = 1; i < part.size(); ++i) {
    MDM_RETURN_IF_ERROR(Put(store, part[i - 1], part[i], "same", author));
  }
  return absl::OkStatus();
}

}  // namespace mdm::steward
