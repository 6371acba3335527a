// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/match_state.h"

#include <algorithm>
#include <cstring>

namespace mdm::match {
namespace {

constexpr uint8_t kVersion = 1;
constexpr size_t kKeyBytes = 4 + 8;
constexpr size_t kEdgeBytes = 8 + 8 + 1;

template <typename T>
void Put(std::string& out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  out.append(b, sizeof(T));
}

template <typename T>
T Get(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

absl::Status Damaged(const char* what) {
  return absl::DataLossError(std::string("stored match state: damaged ") + what);
}

}  // namespace

std::string EncodeRuleKeys(absl::Span<const RuleKey> keys) {
  std::string out;
  out.reserve(1 + keys.size() * kKeyBytes);
  out.push_back(static_cast<char>(kVersion));
  for (const RuleKey& k : keys) {
    Put(out, k.rule);
    Put(out, k.key);
  }
  return out;
}

absl::Status DecodeRuleKeys(absl::string_view blob, std::vector<RuleKey>* keys) {
  keys->clear();
  if (blob.empty() || static_cast<uint8_t>(blob[0]) != kVersion ||
      (blob.size() - 1) % kKeyBytes != 0) {
    return Damaged("blocking keys");
  }
  for (size_t at = 1; at < blob.size(); at += kKeyBytes) {
    keys->push_back({Get<uint32_t>(blob.data() + at), Get<uint64_t>(blob.data() + at + 4)});
  }
  if (!std::is_sorted(keys->begin(), keys->end())) return Damaged("blocking keys");
  return absl::OkStatus();
}

std::string EncodeEdges(absl::Span<const StoredEdge> edges) {
  std::string out;
  out.reserve(1 + edges.size() * kEdgeBytes);
  out.push_back(static_cast<char>(kVersion));
  for (const StoredEdge& e : edges) {
    Put(out, e.other);
    Put(out, e.weight);
    Put(out, static_cast<uint8_t>(e.kind));
  }
  return out;
}

absl::Status DecodeEdges(absl::string_view blob, std::vector<StoredEdge>* edges) {
  edges->clear();
  if (blob.empty() || static_cast<uint8_t>(blob[0]) != kVersion ||
      (blob.size() - 1) % kEdgeBytes != 0) {
    return Damaged("edges");
  }
  for (size_t at = 1; at < blob.size(); at += kEdgeBytes) {
    const uint8_t kind = Get<uint8_t>(blob.data() + at + 16);
    if (kind < 1 || kind > 3) return Damaged("edges");
    edges->push_back({Get<int64_t>(blob.data() + at), Get<double>(blob.data() + at + 8),
                      static_cast<EdgeKind>(kind)});
  }
  return absl::OkStatus();
}

}  // namespace mdm::match
