// SPDX-License-Identifier: Apache-2.0
// Levenshtein, OSA and Indel distances (matchers/string_similarity.h).
#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "absl/types/span.h"
#include "matchers/internal/code_units.h"
#include "matchers/internal/string_similarity_internal.h"
#include "matchers/string_similarity.h"

namespace mdm::matchers {
namespace {

using internal::LowBits;
using internal::PatternMasks;
using internal::WithUnits;

constexpr size_t kWordBits = 64;
using Row = absl::InlinedVector<size_t, kWordBits + 1>;

size_t CapBound(size_t max) {
  return std::min(max, std::numeric_limits<size_t>::max() - 1);
}

// Drops the common prefix and suffix, which no optimal alignment edits; for
// names that differ by a typo this leaves a few units to compare.
template <typename T>
void TrimCommonAffix(absl::Span<const T>* a, absl::Span<const T>* b) {
  size_t prefix = 0;
  while (prefix < a->size() && prefix < b->size() &&
         (*a)[prefix] == (*b)[prefix]) {
    ++prefix;
  }
  a->remove_prefix(prefix);
  b->remove_prefix(prefix);
  size_t suffix = 0;
  while (suffix < a->size() && suffix < b->size() &&
         (*a)[a->size() - 1 - suffix] == (*b)[b->size() - 1 - suffix]) {
    ++suffix;
  }
  a->remove_suffix(suffix);
  b->remove_suffix(suffix);
}

template <typename T>
size_t LevenshteinDp(absl::Span<const T> a, absl::Span<const T> b,
                     size_t max) {
  Row row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t row_min = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitution = diagonal + (a[i - 1] != b[j - 1]);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
      row_min = std::min(row_min, row[j]);
    }
    // Distances never decrease down a column of minima: stop early.
    if (row_min > max) return max + 1;
  }
  return std::min(row[b.size()], max + 1);
}

// Myers (1999) bit-vector algorithm as formulated by Hyyrö (2003): the
// vertical deltas of one DP column are two 64-bit vectors, so each unit of
// the text costs a dozen word operations. REQUIRES: pattern.size() <= 64.
template <typename T>
size_t LevenshteinBits(absl::Span<const T> pattern, absl::Span<const T> text,
                       size_t max) {
  const PatternMasks<T> masks(pattern, text);
  const uint64_t last = uint64_t{1} << (pattern.size() - 1);
  uint64_t plus_v = LowBits(pattern.size());
  uint64_t minus_v = 0;
  size_t score = pattern.size();
  for (size_t j = 0; j < text.size(); ++j) {
    const uint64_t eq = masks.Get(text[j]);
    const uint64_t x_v = eq | minus_v;
    const uint64_t x_h = (((eq & plus_v) + plus_v) ^ plus_v) | eq;
    uint64_t plus_h = minus_v | ~(x_h | plus_v);
    uint64_t minus_h = plus_v & x_h;
    if (plus_h & last) ++score;
    if (minus_h & last) --score;
    // The remaining columns can lower the score by one each at most.
    if (score > max && score - max > text.size() - 1 - j) return max + 1;
    plus_h = (plus_h << 1) | 1;
    minus_h <<= 1;
    plus_v = minus_h | ~(x_v | plus_h);
    minus_v = plus_h & x_v;
  }
  return std::min(score, max + 1);
}

template <typename T>
size_t LevenshteinUnits(absl::Span<const T> a, absl::Span<const T> b,
                        size_t max) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > max) return max + 1;
  TrimCommonAffix(&a, &b);
  if (a.empty()) return std::min(b.size(), max + 1);
  if (a.size() <= kWordBits) return LevenshteinBits(a, b, max);
  return LevenshteinDp(a, b, max);
}

template <typename T>
size_t OsaUnits(absl::Span<const T> a, absl::Span<const T> b) {
  // Three rows in one buffer, rotated by pointer: the transposition looks two
  // rows up. (Swapping InlinedVectors would copy their whole inline storage.)
  const size_t width = b.size() + 1;
  absl::InlinedVector<size_t, 3 * (kWordBits + 1)> cells(3 * width);
  size_t* before = cells.data();
  size_t* previous = before + width;
  size_t* current = previous + width;
  for (size_t j = 0; j < width; ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j < width; ++j) {
      const size_t cost = a[i - 1] != b[j - 1];
      current[j] = std::min(
          {previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

template <typename T>
size_t LcsDp(absl::Span<const T> a, absl::Span<const T> b) {
  Row row(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = 0;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : std::max(above, row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Hyyrö (2004) bit-parallel LCS: the zero bits of `state` mark the pattern
// positions that end a common subsequence. REQUIRES: pattern.size() <= 64.
template <typename T>
size_t LcsBits(absl::Span<const T> pattern, absl::Span<const T> text) {
  const PatternMasks<T> masks(pattern, text);
  uint64_t state = ~uint64_t{0};
  for (const T unit : text) {
    const uint64_t matches = state & masks.Get(unit);
    state = (state + matches) | (state - matches);
  }
  return std::popcount(~state & LowBits(pattern.size()));
}

template <typename T>
size_t IndelUnits(absl::Span<const T> a, absl::Span<const T> b) {
  if (a.size() > b.size()) std::swap(a, b);
  TrimCommonAffix(&a, &b);
  if (a.empty()) return b.size();
  const size_t lcs = a.size() <= kWordBits ? LcsBits(a, b) : LcsDp(a, b);
  return a.size() + b.size() - 2 * lcs;
}

}  // namespace

size_t LevenshteinDistance(absl::string_view a, absl::string_view b) {
  return LevenshteinWithin(a, b, std::max(a.size(), b.size()));
}

size_t LevenshteinWithin(absl::string_view a, absl::string_view b,
                         size_t max) {
  const size_t bound = CapBound(max);
  return WithUnits(a, b, [bound](auto x, auto y) {
    return LevenshteinUnits(x, y, bound);
  });
}

size_t OsaDistance(absl::string_view a, absl::string_view b) {
  return WithUnits(a, b, [](auto x, auto y) { return OsaUnits(x, y); });
}

bool OsaWithin(absl::string_view a, absl::string_view b, size_t max) {
  return WithUnits(a, b, [max](auto x, auto y) {
    while (!x.empty() && !y.empty() && x.front() == y.front()) {
      x.remove_prefix(1);
      y.remove_prefix(1);
    }
    while (!x.empty() && !y.empty() && x.back() == y.back()) {
      x.remove_suffix(1);
      y.remove_suffix(1);
    }
    const size_t longer = std::max(x.size(), y.size());
    const size_t shorter = std::min(x.size(), y.size());
    if (longer == 0) return true;
    if (longer - shorter > max) return false;
    if (max == 1) {
      // What is left differs at both ends: one unit each side, one unit on
      // one side only, or two units swapped.
      return longer == 1 || (x.size() == 2 && y.size() == 2 && x[0] == y[1] && x[1] == y[0]);
    }
    return OsaUnits(x, y) <= max;
  });
}

size_t IndelDistance(absl::string_view a, absl::string_view b) {
  return WithUnits(a, b, [](auto x, auto y) { return IndelUnits(x, y); });
}

double NormalizedSimilarity(size_t distance, size_t max_len) {
  if (max_len == 0) return 1.0;
  return 1.0 - static_cast<double>(std::min(distance, max_len)) /
                   static_cast<double>(max_len);
}

double LevenshteinSimilarity(absl::string_view a, absl::string_view b) {
  return WithUnits(a, b, [](auto x, auto y) {
    const size_t longer = std::max(x.size(), y.size());
    return NormalizedSimilarity(LevenshteinUnits(x, y, longer), longer);
  });
}

double OsaSimilarity(absl::string_view a, absl::string_view b) {
  return WithUnits(a, b, [](auto x, auto y) {
    return NormalizedSimilarity(OsaUnits(x, y), std::max(x.size(), y.size()));
  });
}

double IndelSimilarity(absl::string_view a, absl::string_view b) {
  return WithUnits(a, b, [](auto x, auto y) {
    return NormalizedSimilarity(IndelUnits(x, y), x.size() + y.size());
  });
}

namespace internal {

size_t LevenshteinClassic(absl::string_view a, absl::string_view b,
                          size_t max) {
  return WithUnits(a, b, [max](auto x, auto y) {
    return LevenshteinDp(x, y, max);
  });
}

size_t LevenshteinBitParallel(absl::string_view a, absl::string_view b,
                              size_t max) {
  return WithUnits(a, b, [max](auto x, auto y) {
    if (x.size() > y.size()) std::swap(x, y);
    if (x.empty()) return std::min(y.size(), max + 1);
    return LevenshteinBits(x, y, max);
  });
}

}  // namespace internal
}  // namespace mdm::matchers
