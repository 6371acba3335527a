// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/steward_links.h"

#include <algorithm>
#include <cstdint>

#include "absl/container/flat_hash_map.h"

namespace mdm::pipeline {
namespace {
constexpr uint32_t kAbsent = ~uint32_t{0};
}  // namespace

RowLinks LinksOnRows(const std::vector<store::StewardLink>& links,
                     const match::FeatureTable& table) {
  RowLinks out;
  if (links.empty()) return out;
  absl::flat_hash_map<int64_t, uint32_t> row_of;
  for (int64_t id : LinkedRecords(links)) row_of[id] = kAbsent;
  for (uint32_t row = 0; row < table.size(); ++row) {
    auto it = row_of.find(table.record_id(row));
    if (it != row_of.end()) it->second = row;
  }
  for (const store::StewardLink& l : links) {
    const uint32_t a = row_of[l.record_a], b = row_of[l.record_b];
    if (a == kAbsent || b == kAbsent) continue;
    (l.kind == "same" ? out.must : out.cannot).emplace_back(a, b);
  }
  return out;
}

std::vector<int64_t> LinkedRecords(const std::vector<store::StewardLink>& links) {
  std::vector<int64_t> ids;
  for (const store::StewardLink& l : links) {
    ids.push_back(l.record_a);
    ids.push_back(l.record_b);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

cluster::Answered AnsweredBy(const std::vector<store::StewardLink>& links,
                             const std::function<uint64_t(int64_t)>& cluster_key) {
  cluster::Answered out;
  for (const store::StewardLink& l : links) {
    out.pairs.insert({std::min(l.record_a, l.record_b), std::max(l.record_a, l.record_b)});
    if (l.kind != "different") continue;
    const uint64_t x = cluster_key(l.record_a), y = cluster_key(l.record_b);
    out.apart.insert({std::min(x, y), std::max(x, y)});
  }
  return out;
}

}  // namespace mdm::pipeline
