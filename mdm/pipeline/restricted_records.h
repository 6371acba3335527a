// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/restricted_records.h
//
// How a run honours a restriction of processing (GDPR Art. 18, mdm/privacy.h):
// the members of a restricted golden record stay together, and neither an
// auto-merge edge nor a steward's must-link (even one decided before the
// restriction) joins one of them to any other record (ClusterEdges in
// match_support.h drops both), so the golden record neither absorbs nor is
// absorbed while restricted. Shared by full and delta runs. Stewards cannot
// merge, split or pin a restricted golden record, nor decide "same" on a
// review item touching one (mdm/steward.h); steward search leaves it out.
#ifndef MDM_PIPELINE_RESTRICTED_RECORDS_H_
#define MDM_PIPELINE_RESTRICTED_RECORDS_H_

#include <cstdint>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "mdm/match/feature_table.h"
#include "mdm/pipeline/steward_links.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

// Record id -> seq of the restricted golden record it is an active member of.
using RestrictedRecords = absl::flat_hash_map<int64_t, int64_t>;

absl::StatusOr<RestrictedRecords> LoadRestrictedRecords(store::Store& store);

// Sets links.frozen for the rows of `table` and must-links the rows of each
// restricted golden record together.
void FreezeRestricted(const RestrictedRecords& restricted, const match::FeatureTable& table,
                      RowLinks& links);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_RESTRICTED_RECORDS_H_
