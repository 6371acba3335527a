// SPDX-License-Identifier: Apache-2.0
#include "mdm/cluster/golden_ids.h"

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "mdm/base/sha256.h"

namespace mdm::cluster {

std::string NewGoldenId(absl::string_view seed, int attempt) {
  base::Sha256 hash;
  hash.Update(seed);
  hash.Update(absl::StrCat("\n", attempt));
  const std::string hex = hash.HexDigest();
  // Crockford's alphabet: no I, L, O or U to misread.
  constexpr absl::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string id = "G";
  // 20 hex digits = 80 bits = 16 base-32 characters, 4 hex digits to 5 bits... taken
  // 5 bits at a time from the digest's leading bits.
  uint64_t bits = 0;
  int have = 0;
  for (size_t i = 0; id.size() < 17; ++i) {
    const char c = hex[i];
    bits = (bits << 4) | static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    have += 4;
    while (have >= 5 && id.size() < 17) {
      id.push_back(kAlphabet[(bits >> (have - 5)) & 31]);
      have -= 5;
    }
  }
  return id;
}

IdOutput AssignGoldenIds(const IdInput& in) {
  const size_t clusters = in.cluster_seed.size();
  IdOutput out;
  out.cluster_id.resize(clusters);
  out.cluster_prior.assign(clusters, kNoIndex);
  out.fate.assign(in.prior.size(), PriorFate::kRetired);
  out.prior_cluster.assign(in.prior.size(), kNoIndex);
  out.split.assign(in.prior.size(), false);

  // Members of each prior record per cluster.
  std::vector<absl::flat_hash_map<uint32_t, uint32_t>> overlap(in.prior.size());
  for (size_t r = 0; r < in.cluster_of.size(); ++r) {
    if (in.prior_of[r] != kNoIndex && in.cluster_of[r] != kNoIndex) {
      ++overlap[in.prior_of[r]][in.cluster_of[r]];
    }
  }
  // The oldest prior record chooses first: it keeps its largest part (ties:
  // the smaller seed). A younger one keeps its largest part too, unless an
  // older one kept it: then it is merged into that one, except that among
  // parts of equal size it keeps one no older record kept (when most of a
  // person's records joined another person, the two are one; when only
  // half did, the rest is still that person).
  std::vector<uint32_t> by_age;
  for (uint32_t p = 0; p < in.prior.size(); ++p) {
    if (!overlap[p].empty()) by_age.push_back(p);
  }
  std::sort(by_age.begin(), by_age.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(in.prior[a].seq, in.prior[a].golden_id) <
           std::tie(in.prior[b].seq, in.prior[b].golden_id);
  });
  std::vector<std::pair<uint32_t, uint32_t>> parts;  // (cluster, members), largest first
  for (uint32_t p : by_age) {
    parts.assign(overlap[p].begin(), overlap[p].end());
    std::sort(parts.begin(), parts.end(), [&](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second > b.second;
      return in.cluster_seed[a.first] < in.cluster_seed[b.first];
    });
    out.split[p] = parts.size() > 1;
    out.fate[p] = PriorFate::kMerged;
    out.prior_cluster[p] = parts.front().first;
    for (const auto& [c, count] : parts) {
      if (count < parts.front().second) break;
      if (out.cluster_prior[c] != kNoIndex) continue;
      out.cluster_prior[c] = p;
      out.prior_cluster[p] = c;
      out.fate[p] = PriorFate::kKept;
      break;
    }
  }
  // New ids, in seed order so that two clusters never race for one id.
  std::vector<uint32_t> unclaimed;
  for (uint32_t c = 0; c < clusters; ++c) {
    if (out.cluster_prior[c] == kNoIndex) {
      unclaimed.push_back(c);
    } else {
      out.cluster_id[c] = in.prior[out.cluster_prior[c]].golden_id;
    }
  }
  std::sort(unclaimed.begin(), unclaimed.end(), [&](uint32_t a, uint32_t b) {
    return in.cluster_seed[a] < in.cluster_seed[b];
  });
  absl::flat_hash_map<std::string, bool> issued;
  for (uint32_t c : unclaimed) {
    for (int attempt = 0;; ++attempt) {
      std::string id = NewGoldenId(in.cluster_seed[c], attempt);
      if (issued.contains(id) || (in.taken && in.taken(id))) continue;
      issued[id] = true;
      out.cluster_id[c] = std::move(id);
      break;
    }
  }
  return out;
}

}  // namespace mdm::cluster
