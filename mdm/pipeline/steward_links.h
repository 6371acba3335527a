// SPDX-License-Identifier: Apache-2.0
// File: mdm/pipeline/steward_links.h
//
// How a run applies the steward's word (mdm/steward.h): must-links and
// cannot-links become clustering constraints on the rows they join, and
// the questions they answer leave the review queue. Shared by the full and
// the delta matching runs.
#ifndef MDM_PIPELINE_STEWARD_LINKS_H_
#define MDM_PIPELINE_STEWARD_LINKS_H_

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "mdm/cluster/review_queue.h"
#include "mdm/match/feature_table.h"
#include "mdm/store/store.h"

namespace mdm::pipeline {

struct RowLinks {
  std::vector<std::pair<uint32_t, uint32_t>> must;
  std::vector<std::pair<uint32_t, uint32_t>> cannot;
  // Per row, the restricted golden record it belongs to (0: none); empty
  // when no row does (restricted_records.h). Merges and must-links across
  // groups are dropped (ClusterEdges in match_support.h).
  std::vector<int64_t> frozen{};
};

// The links whose two records are both rows of `table`.
RowLinks LinksOnRows(const std::vector<store::StewardLink>& links,
                     const match::FeatureTable& table);

// The record ids of the links' ends, sorted and unique.
std::vector<int64_t> LinkedRecords(const std::vector<store::StewardLink>& links);

// The pairs the links answer, and the clusters their cannot-links keep
// apart; `cluster_key` gives the cluster of a record id (any key equal for
// the records of one cluster).
cluster::Answered AnsweredBy(const std::vector<store::StewardLink>& links,
                             const std::function<uint64_t(int64_t)>& cluster_key);

}  // namespace mdm::pipeline

#endif  // MDM_PIPELINE_STEWARD_LINKS_H_
