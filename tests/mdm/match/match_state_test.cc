// SPDX-License-Identifier: Apache-2.0
// The per-record match state a delta run reads back: round trips, and
// damaged blobs refused rather than misread.
#include "mdm/match/match_state.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace mdm::match {
namespace {

TEST_CASE("RuleKeys: encode and decode give the keys back", "[match]") {
  const std::vector<RuleKey> keys = {{0, 7}, {0, UINT64_MAX}, {3, 1}, {12, 0}};
  std::vector<RuleKey> back = {{9, 9}};  // cleared first
  REQUIRE(DecodeRuleKeys(EncodeRuleKeys(keys), &back).ok());
  CHECK(back == keys);
  REQUIRE(DecodeRuleKeys(EncodeRuleKeys({}), &back).ok());
  CHECK(back.empty());
}

TEST_CASE("RuleKeys: damaged blobs are DataLoss", "[match]") {
  const std::string good = EncodeRuleKeys(std::vector<RuleKey>{{0, 1}, {1, 2}});
  std::vector<RuleKey> out;
  std::string unsorted = EncodeRuleKeys(std::vector<RuleKey>{{1, 2}, {0, 1}});
  for (const std::string& bad :
       {std::string(), good.substr(0, good.size() - 1), std::string("\x7f") + good.substr(1),
        unsorted}) {
    CHECK(DecodeRuleKeys(bad, &out).code() == absl::StatusCode::kDataLoss);
  }
}

TEST_CASE("Edges: encode and decode give the edges back", "[match]") {
  const std::vector<StoredEdge> edges = {{42, 12.5, EdgeKind::kAutoMerge},
                                         {-1, -3.25, EdgeKind::kReview},
                                         {7, 0, EdgeKind::kConflict}};
  std::vector<StoredEdge> back;
  REQUIRE(DecodeEdges(EncodeEdges(edges), &back).ok());
  CHECK(back == edges);
}

TEST_CASE("Edges: damaged blobs and unknown kinds are DataLoss", "[match]") {
  const std::string good = EncodeEdges(std::vector<StoredEdge>{{42, 1, EdgeKind::kReview}});
  std::string unknown_kind = good;
  unknown_kind.back() = 9;
  std::vector<StoredEdge> out;
  for (const std::string& bad : {std::string(), good.substr(0, good.size() - 1),
                                 std::string("\x7f") + good.substr(1), unknown_kind}) {
    CHECK(DecodeEdges(bad, &out).code() == absl::StatusCode::kDataLoss);
  }
}

}  // namespace
}  // namespace mdm::match
