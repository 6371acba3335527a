// SPDX-License-Identifier: Apache-2.0
// Tests of ClusterEdges (mdm/pipeline/match_support.h) with restricted golden
// records (GDPR Art. 18, mdm/pipeline/restricted_records.h): rows of one
// frozen group stay joined, and neither an auto-merge edge nor a steward's
// must-link joins a frozen row to a row outside its group. Every record here
// is synthetic and keyless: the edges and links alone decide.
#include "mdm/pipeline/match_support.h"

#include <cstdint>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "mdm/cluster/clusterer.h"
#include "mdm/match/cannot_link.h"
#include "mdm/match/comparison.h"
#include "mdm/match/feature_table.h"
#include "mdm/match/match_keys.h"
#include "mdm/pipeline/steward_links.h"

namespace mdm::pipeline {
namespace {

// Clusters `rows` keyless rows joined by `merges` and `links`.
std::vector<uint32_t> ClusterOf(uint32_t rows, std::vector<cluster::Edge> merges,
                                RowLinks links) {
  match::FeatureTable table;
  for (uint32_t row = 0; row < rows; ++row) table.Add(100 + row, match::MatchKeys{});
  const match::Comparator comparator({}, table, match::DefaultNicknames());
  const match::CannotLink cannot_link(table, {});
  return ClusterEdges(table, std::move(merges), cannot_link, comparator, /*scorer=*/nullptr,
                      /*keep_apart_weight=*/0, std::move(links))
      .cluster_of;
}

TEST_CASE("match_support: a must-link across frozen groups is dropped, one inside is kept") {
  RowLinks links;
  // Rows 0-1 are one restricted golden record (seq 7), 2 another (seq 9),
  // 3-4 are not restricted.
  links.frozen = {7, 7, 9, 0, 0};
  links.must = {{0, 1},   // inside group 7: kept
                {1, 3},   // group 7 to an unrestricted row: dropped
                {2, 4},   // group 9 to an unrestricted row: dropped
                {0, 2},   // group 7 to group 9: dropped
                {3, 4}};  // two unrestricted rows: kept
  CHECK(ClusterOf(5, {}, links) == std::vector<uint32_t>{0, 0, 2, 3, 3});

  // Without restrictions the same links join every row.
  links.frozen.clear();
  CHECK(ClusterOf(5, {}, links) == std::vector<uint32_t>{0, 0, 0, 0, 0});
}

TEST_CASE("match_support: auto-merge edges across frozen groups are dropped, inside kept") {
  RowLinks links;
  links.frozen = {7, 7, 0, 0};
  const std::vector<cluster::Edge> merges = {{0, 1, 20.0}, {1, 2, 20.0}, {2, 3, 20.0}};
  CHECK(ClusterOf(4, merges, links) == std::vector<uint32_t>{0, 0, 2, 2});
  links.frozen.clear();
  CHECK(ClusterOf(4, merges, links) == std::vector<uint32_t>{0, 0, 0, 0});
}

}  // namespace
}  // namespace mdm::pipeline
