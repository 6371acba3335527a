// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/restricted_records.h"

#include <string>
#include <vector>

#include "mdm/status.h"

namespace mdm::pipeline {

absl::StatusOr<RestrictedRecords> LoadRestrictedRecords(store::Store& store) {
  RestrictedRecords out;
  MDM_ASSIGN_OR_RETURN(std::vector<std::string> ids, store.ListRestricted());
  for (const std::string& id : ids) {
    MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row, store.FindGolden(id));
    if (!row || row->status != GoldenStatus::kActive) continue;
    MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenMemberRow> members,
                         store.MembersOfGolden(row->seq));
    for (const store::GoldenMemberRow& m : members) {
      if (m.active) out[m.record_id] = row->seq;
    }
  }
  return out;
}

void FreezeRestricted(const RestrictedRecords& restricted, const match::FeatureTable& table,
                      RowLinks& links) {
  if (restricted.empty()) return;
  links.frozen.assign(table.size(), 0);
  absl::flat_hash_map<int64_t, uint32_t> first_row;  // golden seq -> its first row
  for (uint32_t row = 0; row < table.size(); ++row) {
    auto it = restricted.find(table.record_id(row));
    if (it == restricted.end()) continue;
    links.frozen[row] = it->second;
    auto [first, inserted] = first_row.try_emplace(it->second, row);
    if (!inserted) links.must.emplace_back(first->second, row);
  }
}

}  // namespace mdm::pipeline
