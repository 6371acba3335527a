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
      absl::Span<const FeatureValue> spellings = t.Values(row, Slot::kHandleSpellings);
      if (spellings.empty()) spellings = t.Values(row, Slot::kContactSpellings);
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

std::vector<uint64_t> RowKeys(const FeatureTable& table, uint32_t row,
                              const BlockingRuleConfig& rule) {
  std::vector<uint64_t> keys = {0};
  std::vector<uint64_t> part;
  std::vector<uint64_t> next;
  for (size_t p = 0; p < rule.keys.size(); ++p) {
    PartKeys(table, row, rule.keys[p], p + 1, &part);
    next.clear();
    for (uint64_t prefix : keys) {
      for (uint64_t k : part) {
        if (next.size() < kMaxKeysPerRow) next.push_back(base::HashCombine(prefix, k));
      }
    }
    keys.swap(next);
    if (keys.empty()) break;
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

Blocker::Blocker(const FeatureTable& table, const std::vector<BlockingRuleConfig>& rules,
                 int64_t max_block_size) {
  const uint32_t rows = table.size();
  report_.rows = rows;
  has_handle_.resize(rows);
  given_first_.resize(rows);
  for (uint32_t row = 0; row < rows; ++row) {
    has_handle_[row] = !table.Values(row, Slot::kHandle).empty();
    given_first_[row] = table.First(row, Slot::kGiven) < table.First(row, Slot::kFamily);
  }
  entries_.resize(rules.size());
  key_starts_.resize(rules.size());
  row_keys_.resize(rules.size());
  cross_.resize(rules.size(), CrossSide::kNone);
  for (size_t r = 0; r < rules.size(); ++r) {
    RuleReport rule_report;
    rule_report.rule = rules[r].name;
    const int64_t cap = rules[r].max_block_size > 0 ? rules[r].max_block_size : max_block_size;
    for (const BlockingKey& key : rules[r].keys) {
      if (key.transform == KeyTransform::kSpelling) cross_[r] = CrossSide::kHandle;
      if (key.transform == KeyTransform::kNamePair) cross_[r] = CrossSide::kNameOrder;
    }
    std::vector<Entry>& entries = entries_[r];
    std::vector<std::vector<uint64_t>> keys_of_row(rows);
    for (uint32_t row = 0; row < rows; ++row) {
      keys_of_row[row] = RowKeys(table, row, rules[r]);
      for (uint64_t k : keys_of_row[row]) entries.push_back({k, row});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return a.key != b.key ? a.key < b.key : a.row < b.row;
    });
    absl::flat_hash_set<uint64_t> capped;
    for (size_t begin = 0; begin < entries.size();) {
      size_t end = begin + 1;
      while (end < entries.size() && entries[end].key == entries[begin].key) ++end;
      const int64_t size = static_cast<int64_t>(end - begin);
      ++rule_report.keys;
      rule_report.largest_block = std::max(rule_report.largest_block, size);
      if (size > cap) {
        ++rule_report.capped_blocks;
        rule_report.cut_pairs += size * (size - 1) / 2;
        capped.insert(entries[begin].key);
      } else if (size >= 2) {
        ++rule_report.blocks;
        blocks_.push_back({static_cast<int>(r), static_cast<uint32_t>(begin),
                           static_cast<uint32_t>(end)});
      }
      begin = end;
    }
    // Row-major keys without capped ones: what the dedup check reads.
    key_starts_[r].reserve(rows + 1);
    key_starts_[r].push_back(0);
    for (uint32_t row = 0; row < rows; ++row) {
      for (uint64_t k : keys_of_row[row]) {
        if (!capped.contains(k)) row_keys_[r].push_back(k);
      }
      key_starts_[r].push_back(static_cast<uint32_t>(row_keys_[r].size()));
    }
    report_.rules.push_back(std::move(rule_report));
  }
}

absl::Span<const uint64_t> Blocker::Keys(int rule, uint32_t row) const {
  const std::vector<uint32_t>& starts = key_starts_[rule];
  return absl::MakeConstSpan(row_keys_[rule].data() + starts[row],
                             starts[row + 1] - starts[row]);
}

namespace {

// The smallest value in both sorted lists, or nullopt.
std::optional<uint64_t> FirstCommon(absl::Span<const uint64_t> a,
                                    absl::Span<const uint64_t> b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return a[i];
    if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return std::nullopt;
}

}  // namespace

bool Blocker::CrossesSides(int rule, uint32_t a, uint32_t b) const {
  switch (cross_[rule]) {
    case CrossSide::kNone: return true;
    case CrossSide::kHandle: return has_handle_[a] != has_handle_[b];
    case CrossSide::kNameOrder: return given_first_[a] != given_first_[b];
  }
  return true;
}

bool Blocker::Pairs(int rule, uint32_t a, uint32_t b) const {
  if (!CrossesSides(rule, a, b)) return false;
  return FirstCommon(Keys(rule, a), Keys(rule, b)).has_value();
}

bool Blocker::Emits(int rule, uint64_t key, uint32_t lo, uint32_t hi) const {
  for (int earlier = 0; earlier < rule; ++earlier) {
    if (Pairs(earlier, lo, hi)) return false;
  }
  absl::Span<const uint64_t> a = Keys(rule, lo);
  absl::Span<const uint64_t> b = Keys(rule, hi);
  // Most rows have one key per rule: then this block is the only one.
  if (a.size() == 1 || b.size() == 1) return true;
  return FirstCommon(a, b) == key;
}

void Blocker::VisitBlock(const Block& block, int thread, int64_t* pairs,
                         const std::function<void(int, uint32_t, uint32_t, int)>& visit) const {
  const std::vector<Entry>& entries = entries_[block.rule];
  const uint64_t key = entries[block.begin].key;
  for (uint32_t i = block.begin; i < block.end; ++i) {
    for (uint32_t j = i + 1; j < block.end; ++j) {
      const uint32_t lo = entries[i].row;
      const uint32_t hi = entries[j].row;
      if (!CrossesSides(block.rule, lo, hi)) continue;
      if (!Emits(block.rule, key, lo, hi)) continue;
      ++pairs[block.rule];
      visit(thread, lo, hi, block.rule);
    }
  }
}

void Blocker::ForEachPair(int threads,
                          const std::function<void(int, uint32_t, uint32_t, int)>& visit) {
  const size_t rules = entries_.size();
  threads = std::max(1, threads);
  std::vector<std::vector<int64_t>> pairs(threads, std::vector<int64_t>(rules, 0));
  std::atomic<size_t> next{0};
  // Blocks are handed out in small batches: large and small blocks mix, and
  // a batch keeps neighbouring blocks on one thread.
  constexpr size_t kBatch = 64;
  auto work = [&](int thread) {
    for (;;) {
      const size_t begin = next.fetch_add(kBatch);
      if (begin >= blocks_.size()) return;
      const size_t end = std::min(blocks_.size(), begin + kBatch);
      for (size_t b = begin; b < end; ++b) {
        VisitBlock(blocks_[b], thread, pairs[thread].data(), visit);
      }
    }
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (std::thread& w : workers) w.join();
  report_.candidate_pairs = 0;
  for (size_t r = 0; r < rules; ++r) {
    report_.rules[r].pairs = 0;
    for (int t = 0; t < threads; ++t) report_.rules[r].pairs += pairs[t][r];
    report_.candidate_pairs += report_.rules[r].pairs;
  }
  const double all = static_cast<double>(report_.rows) * (report_.rows - 1) / 2;
  report_.reduction_ratio = all > 0 ? 1.0 - report_.candidate_pairs / all : 0;
}

std::optional<int> Blocker::PairingRule(uint32_t a, uint32_t b) const {
  for (size_t r = 0; r < row_keys_.size(); ++r) {
    if (Pairs(static_cast<int>(r), a, b)) return static_cast<int>(r);
  }
  return std::nullopt;
}

}  // namespace mdm::match
