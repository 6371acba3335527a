// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/subject.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "mdm/model/record_json.h"
#include "mdm/status.h"

namespace mdm::privacy {
namespace {

std::string Shown(absl::string_view id) {
  return std::string(id.size() > 40 ? id.substr(0, 40) : id);
}

absl::Status CheckStatus(const store::GoldenRow& row, bool allow_erased) {
  if (row.status == GoldenStatus::kMerged) {
    return absl::FailedPreconditionError(absl::StrCat(
        "golden record ", row.golden_id, " was merged into ", row.merged_into,
        "; name that id"));
  }
  if (row.status == GoldenStatus::kErased && !allow_erased) {
    return absl::FailedPreconditionError(
        absl::StrCat("golden record ", row.golden_id, " is already erased"));
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
                                           absl::string_view source,
                                           absl::string_view source_key,
                                           bool allow_erased) {
  if (!golden_id.empty()) {
    MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row, store.FindGolden(golden_id));
    if (!row) return absl::NotFoundError(absl::StrCat("no golden record ", Shown(golden_id)));
    MDM_RETURN_IF_ERROR(CheckStatus(*row, allow_erased));
    return row->golden_id;
  }
  MDM_ASSIGN_OR_RETURN(std::optional<store::RecordGolden> found,
                       store.FindRecordGolden(source, source_key));
  if (!found) {
    return absl::NotFoundError(absl::StrCat("no record with key ", Shown(source_key),
                                            " in source ", Shown(source)));
  }
  if (!found->member) {
    return absl::FailedPreconditionError(absl::StrCat(
        "record ", Shown(source), ":", Shown(source_key),
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
  if (!row) return absl::NotFoundError(absl::StrCat("no golden record ", Shown(golden_id)));
  s.golden = *std::move(row);
  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenRow> all, store.ListGoldens());
  std::multimap<std::string, const store::GoldenRow*> merged_into;
  for (const store::GoldenRow& g : all) {
    if (g.status == GoldenStatus::kMerged) merged_into.emplace(g.merged_into, &g);
  }
  std::vector<std::string> frontier = {s.golden.golden_id};
  while (!frontier.empty()) {
    const std::string id = frontier.back();
    frontier.pop_back();
    auto [begin, end] = merged_into.equal_range(id);
    for (auto it = begin; it != end; ++it) {
      s.absorbed.push_back(*it->second);
      frontier.push_back(it->second->golden_id);
    }
  }
  std::vector<int64_t> seqs = {s.golden.seq};
  for (const store::GoldenRow& a : s.absorbed) seqs.push_back(a.seq);
  for (int64_t seq : seqs) {
    MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenMemberRow> members, store.MembersOfGolden(seq));
    for (const store::GoldenMemberRow& m : members) s.record_ids.push_back(m.record_id);
  }
  std::sort(s.record_ids.begin(), s.record_ids.end());
  s.record_ids.erase(std::unique(s.record_ids.begin(), s.record_ids.end()), s.record_ids.end());
  for (int64_t id : s.record_ids) {
    MDM_ASSIGN_OR_RETURN(std::string json, store.RecordJson(id));
    MDM_ASSIGN_OR_RETURN(SourceRecord current, model::RecordFromJson(json));
    MDM_ASSIGN_OR_RETURN(std::optional<StoredRecord> stored,
                         store.GetRecord(current.source, current.source_key));
    if (!stored) return absl::DataLossError(absl::StrCat("record ", id, " vanished"));
    s.refs.push_back(absl::StrCat(current.source, ":", current.source_key));
    s.records.push_back(*std::move(stored));
  }
  return s;
}

}  // namespace mdm::privacy
