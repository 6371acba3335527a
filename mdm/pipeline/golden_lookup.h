// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/golden_lookup.h
//
// Read-only answers about golden records: a golden record by id, its
// history, and the crosswalk from a source key to its current golden
// record (following merges). What Engine::Golden, GoldenHistory and Xref
// return; see mdm/engine.h for their contracts.
#ifndef MDM_PIPELINE_GOLDEN_LOOKUP_H_
#define MDM_PIPELINE_GOLDEN_LOOKUP_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/golden.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

absl::StatusOr<GoldenRecord> LookupGolden(store::Store& store, absl::string_view golden_id);
absl::StatusOr<std::vector<GoldenEvent>> LookupGoldenHistory(store::Store& store,
                                                             absl::string_view golden_id);
absl::StatusOr<Crosswalk> LookupCrosswalk(store::Store& store, absl::string_view source,
                                          absl::string_view source_key);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_GOLDEN_LOOKUP_H_
