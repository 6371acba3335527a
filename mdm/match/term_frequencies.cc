// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/term_frequencies.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "mdm/base/stable_hash.h"
#include "mdm/match/comparison.h"

namespace mdm::match {
namespace {

constexpr char kMagic[4] = {'M', 'T', 'F', '1'};

// Contact spellings matter only where a handle spells them.
std::optional<Slot> OnlyIfIn(Slot slot) {
  return slot == Slot::kContactSpellings ? std::optional<Slot>(Slot::kHandleSpellings)
                                         : std::nullopt;
}

SlotFrequencies CountSlot(const FeatureTable& table, Slot slot) {
  SlotFrequencies out;
  out.slot = slot;
  const std::optional<Slot> only_if_in = OnlyIfIn(slot);
  absl::flat_hash_map<uint64_t, uint32_t> counts;
  absl::flat_hash_set<uint64_t> allowed;
  if (only_if_in) {
    out.absent_count = 0;
    for (uint32_t row = 0; row < table.size(); ++row) {
      for (const FeatureValue& v : table.Values(row, *only_if_in)) {
        allowed.insert(base::StableHash(table.Text(v)));
      }
    }
  }
  for (uint32_t row = 0; row < table.size(); ++row) {
    for (const FeatureValue& v : table.Values(row, slot)) {
      ++out.total;
      const uint64_t h = base::StableHash(table.Text(v));
      if (!only_if_in || allowed.contains(h)) ++counts[h];
    }
  }
  for (const auto& [hash, count] : counts) {
    if (count > out.absent_count) out.counts.emplace_back(hash, count);
  }
  std::sort(out.counts.begin(), out.counts.end());
  return out;
}

void Put32(std::string& out, uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);
  out.append(b, 4);
}
void Put64(std::string& out, uint64_t v) {
  char b[8];
  std::memcpy(b, &v, 8);
  out.append(b, 8);
}

class Reader {
 public:
  explicit Reader(absl::string_view blob) : blob_(blob) {}
  bool Get32(uint32_t* v) { return Get(v, 4); }
  bool Get64(uint64_t* v) { return Get(v, 8); }
  bool done() const { return blob_.empty(); }
  size_t left() const { return blob_.size(); }

 private:
  bool Get(void* v, size_t n) {
    if (blob_.size() < n) return false;
    std::memcpy(v, blob_.data(), n);
    blob_.remove_prefix(n);
    return true;
  }
  absl::string_view blob_;
};

}  // namespace

uint32_t SlotFrequencies::CountOf(absl::string_view value) const {
  const uint64_t h = base::StableHash(value);
  auto it = std::lower_bound(counts.begin(), counts.end(), std::make_pair(h, uint32_t{0}));
  return it != counts.end() && it->first == h ? it->second : absent_count;
}

std::vector<Slot> TermFrequencySlots(const std::vector<ComparisonConfig>& comparisons) {
  std::vector<Slot> slots;
  for (const ComparisonConfig& c : comparisons) {
    if (!c.term_frequency) continue;
    for (const LevelConfig& level : c.levels) {
      std::optional<Slot> slot = TermFrequencySlot(c.field, level.kind);
      if (slot && std::find(slots.begin(), slots.end(), *slot) == slots.end()) {
        slots.push_back(*slot);
      }
    }
  }
  std::sort(slots.begin(), slots.end());
  return slots;
}

TermFrequencies CountTermFrequencies(const FeatureTable& table, const std::vector<Slot>& slots,
                                     int threads) {
  TermFrequencies out;
  out.slots.resize(slots.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < slots.size(); i = next++) out.slots[i] = CountSlot(table, slots[i]);
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (std::thread& w : workers) w.join();
  return out;
}

void ApplyTermFrequencies(const TermFrequencies& frequencies, FeatureTable& table) {
  for (const SlotFrequencies& s : frequencies.slots) {
    if (s.total == 0) continue;
    const float total = static_cast<float>(s.total);
    table.SetTermFrequencies(s.slot, s.total, [&s, total](absl::string_view value) {
      return static_cast<float>(s.CountOf(value)) / total;
    });
  }
}

std::string EncodeTermFrequencies(const TermFrequencies& f) {
  std::string out(kMagic, 4);
  Put32(out, static_cast<uint32_t>(f.slots.size()));
  for (const SlotFrequencies& s : f.slots) {
    Put32(out, static_cast<uint32_t>(s.slot));
    Put64(out, s.total);
    Put32(out, s.absent_count);
    Put32(out, static_cast<uint32_t>(s.counts.size()));
    for (const auto& [hash, count] : s.counts) {
      Put64(out, hash);
      Put32(out, count);
    }
  }
  return out;
}

absl::StatusOr<TermFrequencies> DecodeTermFrequencies(absl::string_view blob) {
  const absl::Status damaged = absl::DataLossError("stored term frequencies are damaged");
  if (blob.size() < 4 || blob.substr(0, 4) != absl::string_view(kMagic, 4)) return damaged;
  Reader in(blob.substr(4));
  uint32_t slots = 0;
  if (!in.Get32(&slots) || slots > static_cast<uint32_t>(kSlotCount)) return damaged;
  TermFrequencies f;
  for (uint32_t i = 0; i < slots; ++i) {
    SlotFrequencies s;
    uint32_t slot = 0, n = 0;
    if (!in.Get32(&slot) || slot >= static_cast<uint32_t>(kSlotCount) || !in.Get64(&s.total) ||
        !in.Get32(&s.absent_count) || !in.Get32(&n)) {
      return damaged;
    }
    s.slot = static_cast<Slot>(slot);
    // 12 bytes per count: a damaged n must not allocate what the blob lacks.
    if (n > in.left() / 12) return damaged;
    s.counts.resize(n);
    for (auto& [hash, count] : s.counts) {
      if (!in.Get64(&hash) || !in.Get32(&count)) return damaged;
    }
    if (!std::is_sorted(s.counts.begin(), s.counts.end())) return damaged;
    f.slots.push_back(std::move(s));
  }
  if (!in.done()) return damaged;
  return f;
}

}  // namespace mdm::match
