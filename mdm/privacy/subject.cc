// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/subject.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "mdm/base/clip.h"
#include "mdm/model/golden_json.h"
#include "mdm/model/record_json.h"
#include "mdm/status.h"

namespace mdm::privacy {
namespace {

absl::Status CheckStatus(const store::GoldenRow& row, bool allow_erased) {
  if (row.status == GoldenStatus::kMerged) {
    return absl::FailedPreconditionError(absl::StrCat(
        "golden record ", row.golden_id, " was merged into ", row.merged_into, "; name that id"));
  }
  if (row.status == GoldenStatus::kErased && !allow_erased) {
    return absl::FailedPreconditionError(
        absl::StrCat("golden record ", row.golden_id, " is already erased"));
  }
  return absl::OkStatus();
}

// Adds the member records of golden record `seq` (active or not) that `s`
// does not hold yet, with their history; keeps record ids ascending.
absl::Status AddMembers(store::Store& store, int64_t seq, Subject& s) {
  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenMemberRow> members, store.MembersOfGolden(seq));
  for (const store::GoldenMemberRow& m : members) {
    if (std::find(s.record_ids.begin(), s.record_ids.end(), m.record_id) != s.record_ids.end()) {
      continue;
    }
    MDM_ASSIGN_OR_RETURN(std::string json, store.RecordJson(m.record_id));
    MDM_ASSIGN_OR_RETURN(SourceRecord current, model::RecordFromJson(json));
    MDM_ASSIGN_OR_RETURN(std::optional<StoredRecord> stored,
                         store.GetRecord(current.source, current.source_key));
    if (!stored) return absl::DataLossError(absl::StrCat("record ", m.record_id, " vanished"));
    const auto at = std::lower_bound(s.record_ids.begin(), s.record_ids.end(), m.record_id);
    const size_t i = static_cast<size_t>(at - s.record_ids.begin());
    s.record_ids.insert(at, m.record_id);
    s.refs.insert(s.refs.begin() + static_cast<std::ptrdiff_t>(i),
                  absl::StrCat(current.source, ":", current.source_key));
    s.records.insert(s.records.begin() + static_cast<std::ptrdiff_t>(i), *std::move(stored));
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<std::string> Subject::GoldenIds() const {
  std::vector<std::string> ids = {golden.golden_id};
  for (const store::GoldenRow& a : absorbed) ids.push_back(a.golden_id);
  return ids;
}

absl::StatusOr<std::string> ResolveSubject(store::Store& store, absl::string_view golden_id,
                                           absl::string_view source, absl::string_view source_key,
                                           bool allow_erased) {
  if (!golden_id.empty()) {
    MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row, store.FindGolden(golden_id));
    if (!row) return absl::NotFoundError(absl::StrCat("no golden record ", base::Clip(golden_id)));
    MDM_RETURN_IF_ERROR(CheckStatus(*row, allow_erased));
    return row->golden_id;
  }
  MDM_ASSIGN_OR_RETURN(std::optional<store::RecordGolden> found,
                       store.FindRecordGolden(source, source_key));
  if (!found) {
    return absl::NotFoundError(absl::StrCat("no record with key ", base::Clip(source_key),
                                            " in source ", base::Clip(source)));
  }
  if (!found->member) {
    return absl::FailedPreconditionError(
        absl::StrCat("record ", base::Clip(source), ":", base::Clip(source_key),
                     " has no golden record yet (run `mdm run` without --load-only first)"));
  }
  MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row,
                       store.GetGolden(found->member->golden_seq));
  // Follow merges to the record the person lives in now.
  for (int hops = 0; row && row->status == GoldenStatus::kMerged && hops < 1000; ++hops) {
    MDM_ASSIGN_OR_RETURN(row, store.FindGolden(row->merged_into));
  }
  if (!row) return absl::DataLossError("a merged golden record's survivor is missing");
  MDM_RETURN_IF_ERROR(CheckStatus(*row, allow_erased));
  return row->golden_id;
}

absl::StatusOr<Subject> LoadSubject(store::Store& store, absl::string_view golden_id) {
  Subject s;
  MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row, store.FindGolden(golden_id));
  if (!row) return absl::NotFoundError(absl::StrCat("no golden record ", base::Clip(golden_id)));
  s.golden = *std::move(row);
  MDM_RETURN_IF_ERROR(AddMembers(store, s.golden.seq, s));
  // An id merged into theirs is about them when its last content held one
  // of their records; one that only ever held someone a steward later split
  // off again is that other person's history, not theirs.
  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenRow> absorbed,
                       store.ListAbsorbed(s.golden.golden_id));
  for (store::GoldenRow& a : absorbed) {
    MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> full, store.GetGolden(a.seq));
    if (!full) continue;
    MDM_ASSIGN_OR_RETURN(GoldenRecord last, model::GoldenContentFromJson(full->golden_json));
    const bool theirs =
        std::any_of(last.members.begin(), last.members.end(), [&s](const std::string& ref) {
          return std::find(s.refs.begin(), s.refs.end(), ref) != s.refs.end();
        });
    if (!theirs) continue;
    MDM_RETURN_IF_ERROR(AddMembers(store, a.seq, s));
    s.absorbed.push_back(std::move(a));
  }
  return s;
}

}  // namespace mdm::privacy
