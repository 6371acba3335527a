// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/blocking.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "absl/container/flat_hash_set.h"
#include "mdm/base/stable_hash.h"

namespace mdm::match {
namespace {

// A hostile record (a hundred e-mails times a hundred phones) must not blow
// up a rule's key count.
constexpr size_t kMaxKeysPerRow = 64;

// The first `n` code points of `text`.
absl::string_view CodePointPrefix(absl::string_view text, int n) {
  size_t i = 0;
  for (int taken = 0; i < text.size() && taken < n; ++taken) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return text.substr(0, i);
}

absl::string_view LocalPart(absl::string_view email) {
  email = email.substr(0, email.find('@'));
  return email.substr(0, email.find('+'));
}

// Hashes of the key texts one part of a rule gives `row`.
void PartKeys(const FeatureTable& t, uint32_t row, const BlockingKey& key, uint64_t seed,
              std::vector<uint64_t>* out) {
  out->clear();
  auto add = [&](absl::string_view text) {
    if (!text.empty()) out->push_back(base::StableHash(text, seed));
  };
  switch (key.transform) {
    case KeyTransform::kExact:
      for (const FeatureValue& v : t.Values(row, SlotOf(key.field))) {
        if (key.field == MatchField::kIdentifier) {
          out->push_back(base::HashCombine(base::StableHash(t.schemes()[v.scheme], seed),
                                           base::StableHash(t.Text(v))));
        } else {
          add(t.Text(v));
        }
      }
      return;
    case KeyTransform::kPhonetic:
      for (const FeatureValue& v : t.Values(row, key.field == MatchField::kGivenName
                                                     ? Slot::kGivenSounds
                                                     : Slot::kFamilySounds)) {
        add(t.Text(v));
      }
      return;
    case KeyTransform::kInitial:
      add(CodePointPrefix(t.First(row, SlotOf(key.field)), 1));
      return;
    case KeyTransform::kPrefix:
      for (const FeatureValue& v : t.Values(row, SlotOf(key.field))) {
        add(CodePointPrefix(t.Text(v), key.length));
      }
      return;
    case KeyTransform::kYear: {
      absl::string_view date = t.First(row, Slot::kBirthDate);
      if (date.size() >= 4) add(date.substr(0, 4));
      return;
    }
    case KeyTransform::kLocalPart:
      for (const FeatureValue& v : t.Values(row, Slot::kEmail)) add(LocalPart(t.Text(v)));
      return;
    case KeyTransform::kSpelling: {
      // A record with a handle meets others through its handle only, even
      // when the handle spells nothing usable.
      const bool has_handle = !t.Values(row, Slot::kHandle).empty();
      absl::Span<const FeatureValue> spellings =
          t.Values(row, has_handle ? Slot::kHandleSpellings : Slot::kContactSpellings);
      for (const FeatureValue& v : spellings) add(t.Text(v));
      return;
    }
    case KeyTransform::kNamePair: {
      absl::string_view given = t.First(row, Slot::kGiven);
      absl::string_view family = t.First(row, Slot::kFamily);
      if (given.empty() || family.empty()) return;
      if (family < given) std::swap(given, family);
      out->push_back(base::HashCombine(base::StableHash(given, seed), base::StableHash(family)));
      return;
    }
  }
}

}  // namespace

void RowKeys(const FeatureTable& table, uint32_t row, const BlockingRuleConfig& rule,
             RowKeyBuffers* buffers, std::vector<uint64_t>* keys) {
  keys->assign(1, 0);
  std::vector<uint64_t>& part = buffers->part;
  std::vector<uint64_t>& next = buffers->next;
  for (size_t p = 0; p < rule.keys.size(); ++p) {
    PartKeys(table, row, rule.keys[p], p + 1, &part);
    next.clear();
    for (uint64_t prefix : *keys) {
      for (uint64_t k : part) {
        if (next.size() < kMaxKeysPerRow) next.push_back(base::HashCombine(prefix, k));
      }
    }
    keys->swap(next);
    if (keys->empty()) break;
  }
  std::sort(keys->begin(), keys->end());
  keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
}

std::vector<uint64_t> RowKeys(const FeatureTable& table, uint32_t row,
                              const BlockingRuleConfig& rule) {
  RowKeyBuffers buffers;
  std::vector<uint64_t> keys;
  RowKeys(table, row, rule, &buffers, &keys);
  return keys;
}

namespace {

// Runs fn(thread) on `threads` threads including the caller.
template <typename Fn>
void OnThreads(int threads, Fn fn) {
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(fn, t);
  fn(0);
  for (std::thread& w : workers) w.join();
}

}  // namespace

Blocker::Blocker(const FeatureTable& table, const std::vector<BlockingRuleConfig>& rules,
                 int64_t max_block_size, int threads, GlobalBlockSize global_size) {
  const uint32_t rows = table.size();
  report_.rows = rows;
  has_handle_.resize(rows);
  given_first_.resize(rows);
  for (uint32_t row = 0; row < rows; ++row) {
    has_handle_[row] = !table.Values(row, Slot::kHandle).empty();
    given_first_[row] = table.First(row, Slot::kGiven) < table.First(row, Slot::kFamily);
  }
  cross_.assign(rules.size(), CrossSide::kNone);
  for (size_t r = 0; r < rules.size(); ++r) {
    for (const BlockingKey& key : rules[r].keys) {
      if (key.transform == KeyTransform::kSpelling) cross_[r] = CrossSide::kHandle;
      if (key.transform == KeyTransform::kNamePair) cross_[r] = CrossSide::kNameOrder;
    }
  }
  // Rules are independent until the row-major merge: one at a time per thread.
  for (const BlockingRuleConfig& rule : rules) {
    caps_.push_back(rule.max_block_size > 0 ? rule.max_block_size : max_block_size);
  }
  std::vector<RuleBlocks> built(rules.size());
  std::atomic<size_t> next{0};
  OnThreads(std::max(1, threads), [&](int) {
    for (size_t r = next++; r < rules.size(); r = next++) {
      built[r] = BuildRule(table, rules[r], static_cast<int>(r), caps_[r], global_size);
    }
  });
  // Every rule's keys of a row side by side, capped ones left out: the
  // dedup check walks two short runs per pair instead of one lookup per rule.
  row_starts_.assign(static_cast<size_t>(rows) + 1, 0);
  for (const RuleBlocks& rule : built) {
    for (const Entry& e : rule.entries) {
      if (!rule.capped.contains(e.key)) ++row_starts_[e.row + 1];
    }
  }
  for (uint32_t row = 0; row < rows; ++row) row_starts_[row + 1] += row_starts_[row];
  row_keys_.resize(row_starts_[rows]);
  std::vector<uint64_t> fill(row_starts_.begin(), row_starts_.end() - 1);
  // Rules in order, and each rule's entries sorted by key: every row's run
  // comes out sorted by (rule, key).
  for (size_t r = 0; r < built.size(); ++r) {
    for (const Entry& e : built[r].entries) {
      if (!built[r].capped.contains(e.key)) {
        row_keys_[fill[e.row]++] = {static_cast<uint32_t>(r), e.key};
      }
    }
  }
  for (RuleBlocks& rule : built) {
    blocks_.insert(blocks_.end(), rule.blocks.begin(), rule.blocks.end());
    report_.rules.push_back(std::move(rule.report));
    entries_.push_back(std::move(rule.entries));
  }
}

void Blocker::ForEachRowKey(
    const std::function<void(uint32_t row, int rule, uint64_t key)>& visit) const {
  for (size_t r = 0; r < entries_.size(); ++r) {
    for (const Entry& e : entries_[r]) visit(e.row, static_cast<int>(r), e.key);
  }
}

Blocker::RuleBlocks Blocker::BuildRule(const FeatureTable& table,
                                       const BlockingRuleConfig& rule, int index,
                                       int64_t cap, const GlobalBlockSize& global_size) {
  RuleBlocks out;
  out.report.rule = rule.name;
  RowKeyBuffers buffers;
  std::vector<uint64_t> keys;
  for (uint32_t row = 0; row < table.size(); ++row) {
    RowKeys(table, row, rule, &buffers, &keys);
    for (uint64_t k : keys) out.entries.push_back({k, row});
  }
  std::sort(out.entries.begin(), out.entries.end(), [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.row < b.row;
  });
  const std::vector<Entry>& entries = out.entries;
  for (size_t begin = 0; begin < entries.size();) {
    size_t end = begin + 1;
    while (end < entries.size() && entries[end].key == entries[begin].key) ++end;
    const int64_t size = static_cast<int64_t>(end - begin);
    ++out.report.keys;
    out.report.largest_block = std::max(out.report.largest_block, size);
    if ((global_size ? global_size(index, entries[begin].key) : size) > cap) {
      ++out.report.capped_blocks;
      out.report.cut_pairs += size * (size - 1) / 2;
      out.capped.insert(entries[begin].key);
    } else if (size >= 2) {
      ++out.report.blocks;
      out.blocks.push_back({index, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    }
    begin = end;
  }
  return out;
}

void Blocker::ForEachRowWithKey(int rule, uint64_t key,
                                absl::FunctionRef<void(uint32_t)> visit) const {
  const std::vector<Entry>& entries = entries_[rule];
  const auto [begin, end] = std::equal_range(
      entries.begin(), entries.end(), Entry{key, 0},
      [](const Entry& a, const Entry& b) { return a.key < b.key; });
  if (end - begin + 1 > caps_[rule]) return;
  for (auto it = begin; it != end; ++it) visit(it->row);
}

absl::Span<const Blocker::RowKey> Blocker::RowKeysOf(uint32_t row) const {
  return absl::MakeConstSpan(row_keys_.data() + row_starts_[row],
                             row_starts_[row + 1] - row_starts_[row]);
}

bool Blocker::CrossesSides(int rule, uint32_t a, uint32_t b) const {
  switch (cross_[rule]) {
    case CrossSide::kNone: return true;
    case CrossSide::kHandle: return has_handle_[a] != has_handle_[b];
    case CrossSide::kNameOrder: return given_first_[a] != given_first_[b];
  }
  return true;
}

std::optional<Blocker::RowKey> Blocker::FirstShared(uint32_t lo, uint32_t hi,
                                                    uint32_t up_to_rule) const {
  // Both runs are sorted by (rule, key): one merge walk finds, rule by rule,
  // the smallest key the rows share.
  absl::Span<const RowKey> a = RowKeysOf(lo), b = RowKeysOf(hi);
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size() && a[i].rule <= up_to_rule &&
         b[j].rule <= up_to_rule) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      if (CrossesSides(static_cast<int>(a[i].rule), lo, hi)) return a[i];
      ++i;
      ++j;
    }
  }
  return std::nullopt;
}

bool Blocker::Emits(int rule, uint64_t key, uint32_t lo, uint32_t hi) const {
  // Emitted by the block of the first (rule, key) the two rows share: no
  // earlier rule pairs them, and `key` is their smallest key under `rule`.
  const std::optional<RowKey> first = FirstShared(lo, hi, static_cast<uint32_t>(rule));
  return first && first->rule == static_cast<uint32_t>(rule) && first->key == key;
}

void Blocker::VisitBlock(const Block& block, int thread, uint64_t threshold, int64_t* pairs,
                         const std::function<void(int, uint32_t, uint32_t, int)>& visit,
                         const std::vector<bool>* focus) const {
  const std::vector<Entry>& entries = entries_[block.rule];
  const uint64_t key = entries[block.begin].key;
  if (focus != nullptr &&
      std::none_of(entries.begin() + block.begin, entries.begin() + block.end,
                   [focus](const Entry& e) { return (*focus)[e.row]; })) {
    return;
  }
  for (uint32_t i = block.begin; i < block.end; ++i) {
    for (uint32_t j = i + 1; j < block.end; ++j) {
      const uint32_t lo = entries[i].row;
      const uint32_t hi = entries[j].row;
      if (focus != nullptr && !(*focus)[lo] && !(*focus)[hi]) continue;
      if (threshold != UINT64_MAX &&
          base::Mix64((static_cast<uint64_t>(lo) << 32) | hi) >= threshold) {
        continue;
      }
      if (!CrossesSides(block.rule, lo, hi)) continue;
      if (!Emits(block.rule, key, lo, hi)) continue;
      ++pairs[block.rule];
      visit(thread, lo, hi, block.rule);
    }
  }
}

template <typename PerBlock>
void Blocker::ForEachBlock(int threads, PerBlock per_block, const BlocksDone* done) const {
  std::atomic<size_t> next{0};
  // Blocks are handed out in small batches: large and small blocks mix, and
  // a batch keeps neighbouring blocks on one thread.
  constexpr size_t kBatch = 64;
  OnThreads(threads, [&](int thread) {
    for (;;) {
      const size_t begin = next.fetch_add(kBatch);
      if (begin >= blocks_.size()) return;
      const size_t end = std::min(blocks_.size(), begin + kBatch);
      for (size_t b = begin; b < end; ++b) per_block(thread, blocks_[b]);
      if (done != nullptr) (*done)(thread, static_cast<int64_t>(end - begin));
    }
  });
}

void Blocker::ForEachPair(int threads,
                          const std::function<void(int, uint32_t, uint32_t, int)>& visit,
                          const BlocksDone& blocks_done, const std::vector<bool>* focus) {
  const size_t rules = entries_.size();
  threads = std::max(1, threads);
  std::vector<std::vector<int64_t>> pairs(threads, std::vector<int64_t>(rules, 0));
  ForEachBlock(
      threads,
      [&](int thread, const Block& block) {
        VisitBlock(block, thread, UINT64_MAX, pairs[thread].data(), visit, focus);
      },
      blocks_done ? &blocks_done : nullptr);
  report_.candidate_pairs = 0;
  for (size_t r = 0; r < rules; ++r) {
    report_.rules[r].pairs = 0;
    for (int t = 0; t < threads; ++t) report_.rules[r].pairs += pairs[t][r];
    report_.candidate_pairs += report_.rules[r].pairs;
  }
  const double all = static_cast<double>(report_.rows) * (report_.rows - 1) / 2;
  report_.reduction_ratio = all > 0 ? 1.0 - report_.candidate_pairs / all : 0;
}

double Blocker::ForEachSampledPair(
    int threads, int64_t max_pairs,
    const std::function<void(int, uint32_t, uint32_t, int)>& visit) const {
  threads = std::max(1, threads);
  // The pairs inside blocks bound the candidate pairs from above (a pair in
  // two blocks is one candidate), so the sample is at most max_pairs.
  double bound = 0;
  for (const Block& b : blocks_) {
    const double size = b.end - b.begin;
    bound += size * (size - 1) / 2;
  }
  const double rate = bound <= static_cast<double>(max_pairs) ? 1.0 : max_pairs / bound;
  const uint64_t threshold =
      rate >= 1.0 ? UINT64_MAX : static_cast<uint64_t>(rate * 18446744073709551615.0);
  std::vector<std::vector<int64_t>> pairs(threads, std::vector<int64_t>(entries_.size(), 0));
  ForEachBlock(threads, [&](int thread, const Block& block) {
    VisitBlock(block, thread, threshold, pairs[thread].data(), visit);
  });
  return rate;
}

std::optional<int> Blocker::PairingRule(uint32_t a, uint32_t b) const {
  const std::optional<RowKey> first = FirstShared(std::min(a, b), std::max(a, b), UINT32_MAX);
  if (!first) return std::nullopt;
  return static_cast<int>(first->rule);
}

}  // namespace mdm::match
