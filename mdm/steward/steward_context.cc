// SPDX-License-Identifier: Apache-2.0
#include "mdm/steward/steward_context.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "mdm/base/clip.h"
#include "mdm/base/iso_time.h"
#include "mdm/base/utf8.h"
#include "mdm/model/golden_json.h"
#include "mdm/model/record_json.h"
#include "mdm/status.h"

namespace mdm::steward {

std::string Context::Now() const { return base::IsoUtc(clock.Now()); }

absl::Status Context::InWrite(const std::function<absl::Status()>& body) const {
  MDM_RETURN_IF_ERROR(store.BeginWrite());
  absl::Status status = body();
  if (!status.ok()) {
    store.Rollback().IgnoreError();  // the body's error is the one to report
    return status;
  }
  return store.Commit();
}

absl::Status Context::Audit(privacy::AuditEntry entry) const {
  privacy::AuditTrail trail(store, clock, key_path);
  return trail.Append(std::move(entry)).status();
}

absl::StatusOr<RecordNames> NamesOf(store::Store& store, const std::vector<int64_t>& record_ids) {
  RecordNames names;
  for (int64_t id : record_ids) {
    MDM_ASSIGN_OR_RETURN(std::string json, store.RecordJson(id));
    MDM_ASSIGN_OR_RETURN(SourceRecord r, model::RecordFromJson(json));
    names.refs.push_back(absl::StrCat(r.source, ":", r.source_key));
  }
  std::vector<int64_t> sorted = record_ids;
  std::sort(sorted.begin(), sorted.end());
  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenMemberRow> members,
                       store.ReadGoldenMembers(sorted));
  for (const store::GoldenMemberRow& m : members) {
    MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> g, store.GetGolden(m.golden_seq));
    if (g && std::find(names.golden_ids.begin(), names.golden_ids.end(), g->golden_id) ==
                 names.golden_ids.end()) {
      names.golden_ids.push_back(g->golden_id);
    }
  }
  return names;
}

absl::Status CheckText(absl::string_view what, absl::string_view text) {
  constexpr size_t kMaxBytes = 1000;
  if (text.empty()) return absl::InvalidArgumentError(absl::StrCat(what, " is required"));
  if (text.size() > kMaxBytes || !base::IsValidUtf8(text)) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " must be at most 1000 bytes of UTF-8 text"));
  }
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      return absl::InvalidArgumentError(
          absl::StrCat(what, " must not hold control characters"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<GoldenTarget> ActiveGolden(store::Store& store, absl::string_view golden_id) {
  MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row, store.FindGolden(golden_id));
  if (!row) {
    return absl::NotFoundError(absl::StrCat(
        "no golden record ", base::Clip(golden_id)));
  }
  if (row->status != GoldenStatus::kActive) {
    std::string why = absl::StrCat("golden record ", row->golden_id, " is ",
                                   GoldenStatusName(row->status));
    if (!row->merged_into.empty()) absl::StrAppend(&why, " into ", row->merged_into);
    return absl::FailedPreconditionError(why);
  }
  GoldenTarget t;
  MDM_ASSIGN_OR_RETURN(t.content, model::GoldenContentFromJson(row->golden_json));
  t.content.golden_id = row->golden_id;
  for (const std::string& ref : t.content.members) {
    const size_t colon = ref.find(':');
    if (colon == std::string::npos) {
      return absl::DataLossError(absl::StrCat("golden record ", row->golden_id,
                                              ": malformed member reference"));
    }
    MDM_ASSIGN_OR_RETURN(int64_t id,
                         RecordIdOf(store, absl::string_view(ref).substr(0, colon),
                                    absl::string_view(ref).substr(colon + 1)));
    t.members.push_back(id);
  }
  std::sort(t.members.begin(), t.members.end());
  t.row = *std::move(row);
  return t;
}

absl::Status CheckNotRestricted(store::Store& store, absl::string_view golden_id,
                                absl::string_view action) {
  MDM_ASSIGN_OR_RETURN(std::optional<store::RestrictionRow> restriction,
                       store.GetRestriction(golden_id));
  if (!restriction) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("golden record ", golden_id, " is restricted (GDPR Art. 18): ", action,
                   " refused until the privacy officer lifts the restriction"));
}

absl::StatusOr<int64_t> RecordIdOf(store::Store& store, absl::string_view source,
                                   absl::string_view source_key) {
  MDM_ASSIGN_OR_RETURN(std::optional<store::RecordGolden> found,
                       store.FindRecordGolden(source, source_key));
  if (!found) {
    return absl::NotFoundError(absl::StrCat("no record with key ", source_key, " in source ",
                                            source));
  }
  return found->record_id;
}

}  // namespace mdm::steward
