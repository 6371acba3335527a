// SPDX-License-Identifier: Apache-2.0
#include "mdm/steward/golden_ops.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "mdm/base/clip.h"
#include "mdm/base/utf8.h"
#include "mdm/model/golden_json.h"
#include "mdm/normalize/text_fold.h"
#include "mdm/status.h"
#include "mdm/steward/link_edits.h"
#include "mdm/survive/golden_overrides.h"

namespace mdm::steward {
namespace {

Override ToOverride(const store::OverrideRow& o) {
  Override out;
  out.override_id = o.override_id;
  out.golden_id = o.golden_id;
  out.field = o.field;
  out.value = o.value;
  out.steward = o.steward;
  out.reason = o.reason;
  out.created_at = o.created_at;
  out.pinned = o.pinned;
  out.unpinned_by = o.unpinned_by;
  out.unpinned_at = o.unpinned_at;
  return out;
}

// The pinned override of `field`, if any.
absl::StatusOr<std::optional<store::OverrideRow>> PinnedOf(store::Store& store,
                                                           absl::string_view golden_id,
                                                           absl::string_view field) {
  MDM_ASSIGN_OR_RETURN(std::vector<store::OverrideRow> rows,
                       store.ListOverrides(golden_id, /*all=*/false));
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    if (it->field == field) return std::optional<store::OverrideRow>(*it);
  }
  return std::optional<store::OverrideRow>();
}

absl::StatusOr<Override> Pin(const Context& ctx, absl::string_view golden_id,
                             absl::string_view field, absl::string_view value,
                             absl::string_view reason, absl::string_view steward,
                             int64_t dcr_id) {
  MDM_ASSIGN_OR_RETURN(GoldenTarget target, ActiveGolden(ctx.store, golden_id));
  // Also refuses approving a change request (change_requests.cc pins here).
  MDM_RETURN_IF_ERROR(CheckNotRestricted(ctx.store, target.row.golden_id, "pin"));
  const std::string now = ctx.Now();
  MDM_ASSIGN_OR_RETURN(std::optional<store::OverrideRow> before,
                       PinnedOf(ctx.store, golden_id, field));
  store::OverrideRow row;
  row.golden_id = target.row.golden_id;
  row.field = std::string(field);
  row.value = std::string(value);
  row.steward = std::string(steward);
  row.reason = std::string(reason);
  row.created_at = now;
  row.dcr_id = dcr_id;
  MDM_ASSIGN_OR_RETURN(row.override_id, ctx.store.InsertOverride(row));
  if (before) {  // one pin per field: the new one replaces it
    before->pinned = false;
    before->unpinned_by = std::string(steward);
    before->unpinned_at = now;
    before->unpin_reason = absl::StrCat("replaced by override ", row.override_id);
    MDM_RETURN_IF_ERROR(ctx.store.UpdateOverride(*before));
  }
  MDM_RETURN_IF_ERROR(ctx.Audit({std::string(steward), "steward.pin", {row.golden_id}, {}, 0,
                                 absl::StrCat("override ", row.override_id, " of ", field),
                                 privacy::TextPayload({{"value", value}, {"reason", reason}})}));
  return ToOverride(row);
}

}  // namespace

absl::Status SplitGolden(const Context& ctx, absl::string_view golden_id,
                         const std::vector<SourceRef>& records, absl::string_view reason,
                         absl::string_view steward) {
  MDM_RETURN_IF_ERROR(CheckText("reason", reason));
  MDM_RETURN_IF_ERROR(CheckText("steward", steward));
  if (records.empty()) return absl::InvalidArgumentError("split: name the records to split off");
  return ctx.InWrite([&]() -> absl::Status {
    MDM_ASSIGN_OR_RETURN(GoldenTarget target, ActiveGolden(ctx.store, golden_id));
    MDM_RETURN_IF_ERROR(CheckNotRestricted(ctx.store, target.row.golden_id, "split"));
    const absl::flat_hash_set<int64_t> members(target.members.begin(), target.members.end());
    std::vector<int64_t> part;
    for (const SourceRef& r : records) {
      MDM_ASSIGN_OR_RETURN(int64_t id, RecordIdOf(ctx.store, r.source, r.source_key));
      if (!members.contains(id)) {
        return absl::InvalidArgumentError(absl::StrCat("split: record ", r.source, ":",
                                                       r.source_key, " is not a member of ",
                                                       target.row.golden_id));
      }
      part.push_back(id);
    }
    std::sort(part.begin(), part.end());
    part.erase(std::unique(part.begin(), part.end()), part.end());
    std::vector<int64_t> rest;
    std::set_difference(target.members.begin(), target.members.end(), part.begin(), part.end(),
                        std::back_inserter(rest));
    if (rest.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "split: that is every member of ", target.row.golden_id, "; leave at least one"));
    }
    MDM_RETURN_IF_ERROR(
        SplitRecords(ctx.store, part, rest,
                     {std::string(steward), std::string(reason), ctx.Now(), "split", 0}));
    MDM_ASSIGN_OR_RETURN(RecordNames names, NamesOf(ctx.store, part));
    return ctx.Audit({std::string(steward), "steward.split", {target.row.golden_id},
                      std::move(names.refs), 0, "", privacy::TextPayload({{"reason", reason}})});
  });
}

absl::Status MergeGoldens(const Context& ctx, absl::string_view golden_a,
                          absl::string_view golden_b, absl::string_view reason,
                          absl::string_view steward) {
  MDM_RETURN_IF_ERROR(CheckText("reason", reason));
  MDM_RETURN_IF_ERROR(CheckText("steward", steward));
  return ctx.InWrite([&]() -> absl::Status {
    MDM_ASSIGN_OR_RETURN(GoldenTarget a, ActiveGolden(ctx.store, golden_a));
    MDM_ASSIGN_OR_RETURN(GoldenTarget b, ActiveGolden(ctx.store, golden_b));
    if (a.row.seq == b.row.seq) {
      return absl::InvalidArgumentError("merge: name two different golden records");
    }
    MDM_RETURN_IF_ERROR(CheckNotRestricted(ctx.store, a.row.golden_id, "merge"));
    MDM_RETURN_IF_ERROR(CheckNotRestricted(ctx.store, b.row.golden_id, "merge"));
    if (a.members.empty() || b.members.empty()) {
      return absl::FailedPreconditionError("merge: a golden record without members");
    }
    MDM_RETURN_IF_ERROR(
        JoinRecords(ctx.store, a.members.front(), b.members.front(),
                    {std::string(steward), std::string(reason), ctx.Now(), "merge", 0}));
    return ctx.Audit({std::string(steward), "steward.merge",
                      {a.row.golden_id, b.row.golden_id}, {}, 0, "",
                      privacy::TextPayload({{"reason", reason}})});
  });
}

absl::StatusOr<Override> PinValue(const Context& ctx, absl::string_view golden_id,
                                  absl::string_view field, absl::string_view value,
                                  absl::string_view reason, absl::string_view steward,
                                  int64_t dcr_id) {
  MDM_RETURN_IF_ERROR(survive::CheckPin(field, value));
  MDM_RETURN_IF_ERROR(CheckText("reason", reason));
  MDM_RETURN_IF_ERROR(CheckText("steward", steward));
  if (dcr_id != 0) return Pin(ctx, golden_id, field, value, reason, steward, dcr_id);
  Override out;
  const absl::Status written = ctx.InWrite([&]() -> absl::Status {
    MDM_ASSIGN_OR_RETURN(out, Pin(ctx, golden_id, field, value, reason, steward, 0));
    return absl::OkStatus();
  });
  MDM_RETURN_IF_ERROR(written);
  return out;
}

absl::StatusOr<Override> UnpinValue(const Context& ctx, absl::string_view golden_id,
                                    absl::string_view field, absl::string_view reason,
                                    absl::string_view steward) {
  MDM_RETURN_IF_ERROR(CheckText("reason", reason));
  MDM_RETURN_IF_ERROR(CheckText("steward", steward));
  Override out;
  const absl::Status written = ctx.InWrite([&]() -> absl::Status {
    // No restriction check (GDPR Art. 18): an unpin adds no value and merges
    // nothing; it only withdraws a steward's own pin.
    MDM_ASSIGN_OR_RETURN(GoldenTarget target, ActiveGolden(ctx.store, golden_id));
    MDM_ASSIGN_OR_RETURN(std::optional<store::OverrideRow> pinned,
                         PinnedOf(ctx.store, target.row.golden_id, field));
    if (!pinned) {
      return absl::NotFoundError(absl::StrCat("golden record ", target.row.golden_id,
                                              " has no pinned value for ",
                                              base::Clip(field)));
    }
    pinned->pinned = false;
    pinned->unpinned_by = std::string(steward);
    pinned->unpinned_at = ctx.Now();
    pinned->unpin_reason = std::string(reason);
    pinned->applied_run = 0;  // the next run rebuilds the record without it
    MDM_RETURN_IF_ERROR(ctx.store.UpdateOverride(*pinned));
    MDM_RETURN_IF_ERROR(ctx.Audit({std::string(steward), "steward.unpin",
                                   {target.row.golden_id}, {}, 0,
                                   absl::StrCat("override ", pinned->override_id, " of ", field),
                                   privacy::TextPayload({{"reason", reason}})}));
    out = ToOverride(*pinned);
    return absl::OkStatus();
  });
  MDM_RETURN_IF_ERROR(written);
  return out;
}

absl::StatusOr<std::vector<Override>> ListOverrides(const Context& ctx,
                                                    absl::string_view golden_id, bool all) {
  MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row, ctx.store.FindGolden(golden_id));
  if (!row) {
    return absl::NotFoundError(absl::StrCat(
        "no golden record ", base::Clip(golden_id)));
  }
  MDM_ASSIGN_OR_RETURN(std::vector<store::OverrideRow> rows,
                       ctx.store.ListOverrides(row->golden_id, all));
  std::vector<Override> out;
  for (const store::OverrideRow& o : rows) out.push_back(ToOverride(o));
  return out;
}

absl::StatusOr<std::vector<GoldenHit>> SearchGoldens(const Context& ctx,
                                                     absl::string_view text, int64_t limit) {
  text = absl::StripAsciiWhitespace(text);
  if (text.size() < 2 || text.size() > 100 || !base::IsValidUtf8(text)) {
    return absl::InvalidArgumentError("search: give 2 to 100 bytes of UTF-8 text");
  }
  if (limit < 1 || limit > 1000) {
    return absl::InvalidArgumentError("search: limit must be between 1 and 1000");
  }
  // Folded text finds folded name keys ("dupont"); a name of two words is
  // stored as two keys, so the longest word is searched.
  std::string folded = normalize::FoldKey(text);
  std::string longest;
  for (absl::string_view word : absl::StrSplit(folded, ' ')) {
    if (word.size() > longest.size()) longest = std::string(word);
  }
  // JSON escapes would never match: search for plain words only.
  if (longest.find_first_of("\"\\") != std::string::npos || longest.size() < 2) longest.clear();
  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenRow> rows,
                       ctx.store.SearchGoldens(text, longest, limit));
  std::vector<GoldenHit> out;
  for (const store::GoldenRow& row : rows) {
    MDM_ASSIGN_OR_RETURN(GoldenRecord g, model::GoldenContentFromJson(row.golden_json));
    // The store matched the id, a member's key, or the longest word: every
    // word must be there too.
    bool hit = row.golden_id == text;
    for (const std::string& member : g.members) {
      hit = hit || absl::EndsWith(member, absl::StrCat(":", text));
    }
    if (!hit && !longest.empty()) {
      hit = true;
      for (absl::string_view word : absl::StrSplit(folded, ' ', absl::SkipEmpty())) {
        hit = hit && row.golden_json.find(std::string(word)) != std::string::npos;
      }
    }
    if (!hit) continue;
    const PersonName& n = g.name.value;
    std::string display = absl::StrCat(absl::AsciiStrToUpper(n.family_name),
                                       n.given_names.empty() ? "" : " ", n.given_names);
    out.push_back({row.golden_id, std::move(display), static_cast<int64_t>(g.members.size())});
  }
  return out;
}

}  // namespace mdm::steward
