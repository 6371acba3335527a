// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/golden_lookup.h"

#include "absl/strings/str_cat.h"
#include "mdm/model/golden_json.h"
#include "mdm/status.h"

namespace mdm::pipeline {
namespace {

absl::StatusOr<store::GoldenRow> FindRow(store::Store& store, absl::string_view golden_id) {
  MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row, store.FindGolden(golden_id));
  if (!row) return absl::NotFoundError(absl::StrCat("no golden record ", golden_id));
  return *std::move(row);
}

}  // namespace

absl::StatusOr<GoldenRecord> LookupGolden(store::Store& store, absl::string_view golden_id) {
  MDM_ASSIGN_OR_RETURN(store::GoldenRow row, FindRow(store, golden_id));
  MDM_ASSIGN_OR_RETURN(GoldenRecord g, model::GoldenContentFromJson(row.golden_json));
  g.golden_id = row.golden_id;
  g.status = row.status;
  g.merged_into = row.merged_into;
  g.created_run = row.created_run;
  g.updated_run = row.updated_run;
  MDM_ASSIGN_OR_RETURN(std::optional<store::RestrictionRow> restriction,
                       store.GetRestriction(row.golden_id));
  g.restricted = restriction.has_value();
  return g;
}

absl::StatusOr<std::vector<GoldenEvent>> LookupGoldenHistory(store::Store& store,
                                                             absl::string_view golden_id) {
  MDM_ASSIGN_OR_RETURN(store::GoldenRow row, FindRow(store, golden_id));
  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenEventRow> rows,
                       store.ListGoldenEvents(row.seq));
  std::vector<GoldenEvent> events;
  for (store::GoldenEventRow& e : rows) {
    events.push_back({e.event_id, e.run_id, std::move(e.at), std::move(e.kind),
                      std::move(e.detail_json)});
  }
  return events;
}

absl::StatusOr<Crosswalk> LookupCrosswalk(store::Store& store, absl::string_view source,
                                          absl::string_view source_key) {
  MDM_ASSIGN_OR_RETURN(std::optional<store::RecordGolden> record,
                       store.FindRecordGolden(source, source_key));
  if (!record) {
    return absl::NotFoundError(absl::StrCat("no record with key ", source_key, " in source ",
                                            source));
  }
  if (!record->member && record->deleted) {
    return absl::NotFoundError(absl::StrCat("record ", source, ":", source_key,
                                            " was deleted before it was ever matched: it has "
                                            "no golden record"));
  }
  if (!record->member) {
    return absl::FailedPreconditionError(
        absl::StrCat("record ", source, ":", source_key,
                     " is loaded but not matched yet (run `mdm run` without --load-only)"));
  }
  Crosswalk c;
  c.source = std::string(source);
  c.source_key = std::string(source_key);
  c.deleted = record->deleted;
  MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row,
                       store.GetGolden(record->member->golden_seq));
  // Merges form chains ending at an active or retired record; a chain
  // longer than the number of golden records would be a cycle.
  for (int hops = 0; row && row->status == GoldenStatus::kMerged; ++hops) {
    if (hops > 1'000'000) {
      return absl::DataLossError(absl::StrCat("golden record ", row->golden_id,
                                              ": merged_into chain does not end"));
    }
    c.merged_from.push_back(row->golden_id);
    MDM_ASSIGN_OR_RETURN(row, store.FindGolden(row->merged_into));
  }
  if (!row) {
    return absl::DataLossError(absl::StrCat("record ", source, ":", source_key,
                                             " points to a golden record that does not exist"));
  }
  c.golden_id = row->golden_id;
  c.status = row->status;
  return c;
}

}  // namespace mdm::pipeline
