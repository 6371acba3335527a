// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/match_state.h
//
// What a run keeps of its matching for the next delta run, per record
// (record_match_state): the record's blocking keys under every rule (capped
// blocks included: a block can shrink back under its cap), and the scored
// pairs it is part of in the auto-merge and review bands, with the other
// record's id and the exact match weight. A delta run reads the keys of
// every record to find the blocks a changed record joins or leaves, and the
// edges of the records around it instead of scoring them again.
//
// Binary, little-endian as written by this machine; the first byte is a
// format version.
#ifndef MDM_MATCH_MATCH_STATE_H_
#define MDM_MATCH_MATCH_STATE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/types/span.h"
#include "absl/strings/string_view.h"

namespace mdm::match {

struct RuleKey {
  uint32_t rule = 0;
  uint64_t key = 0;
  friend bool operator<(const RuleKey& a, const RuleKey& b) {
    return a.rule != b.rule ? a.rule < b.rule : a.key < b.key;
  }
  bool operator==(const RuleKey&) const = default;
  template <typename H>
  friend H AbslHashValue(H h, const RuleKey& k) {
    return H::combine(std::move(h), k.rule, k.key);
  }
};

enum class EdgeKind : uint8_t {
  kAutoMerge = 1,
  kReview = 2,
  kConflict = 3,  // an auto-merge score demoted to review by a cannot-link conflict
};

struct StoredEdge {
  int64_t other = 0;  // the other record's id
  double weight = 0;
  EdgeKind kind = EdgeKind::kReview;
  bool operator==(const StoredEdge&) const = default;
};

// `keys` sorted by (rule, key).
std::string EncodeRuleKeys(absl::Span<const RuleKey> keys);
absl::Status DecodeRuleKeys(absl::string_view blob, std::vector<RuleKey>* keys);

std::string EncodeEdges(absl::Span<const StoredEdge> edges);
absl::Status DecodeEdges(absl::string_view blob, std::vector<StoredEdge>* edges);

}  // namespace mdm::match

#endif  // MDM_MATCH_MATCH_STATE_H_
