// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/match_one.h
//
// The in-memory index behind Engine::MatchOne (mdm/match_one.h): every
// current record's match keys (one FeatureTable), the blocks of every rule
// over them, the golden record of each, and the setting and model of the
// newest run; restricted golden records (mdm/privacy.h) are left out. Built
// once from the store (seconds for a million records); a query then touches
// memory only: it normalizes the record, looks its blocking keys up, copies
// the few candidate rows beside it into a small table of its own and scores
// them.
//
// Thread-safety: Match() is const and may run from many threads at once.
// The index is a snapshot: it does not see runs after Build().
#ifndef MDM_PIPELINE_MATCH_ONE_H_
#define MDM_PIPELINE_MATCH_ONE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "mdm/match/blocking.h"
#include "mdm/match_one.h"
#include "mdm/pipeline/match_records.h"
#include "mdm/pipeline/match_runner.h"
#include "mdm/record.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

class MatchOneIndex {
 public:
  // FailedPrecondition when the store has no model or no golden record yet
  // (no run has matched).
  static absl::StatusOr<std::unique_ptr<MatchOneIndex>> Build(store::Store& store,
                                                               int threads);

  // InvalidArgument when the record, once normalized, has neither a family
  // name nor a national identifier, or when options are out of range.
  absl::StatusOr<MatchOneResult> Match(const SourceRecord& record,
                                       const MatchOneOptions& options) const;

  uint32_t records() const { return records_.size(); }

 private:
  MatchOneIndex() = default;

  ScoringSetting scoring_;
  MatchRecords records_;
  std::unique_ptr<match::Blocker> blocker_;
  std::vector<uint32_t> golden_of_row_;  // index into golden_ids_
  std::vector<std::string> golden_ids_;
};

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_MATCH_ONE_H_
