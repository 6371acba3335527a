// SPDX-License-Identifier: Apache-2.0
// Token-based and q-gram comparators (matchers/string_similarity.h).
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/types/span.h"
#include "matchers/internal/code_units.h"
#include "matchers/string_similarity.h"

namespace mdm::matchers {
namespace {

using Tokens = absl::InlinedVector<absl::string_view, 8>;
using Grams = absl::InlinedVector<uint64_t, 64>;

constexpr char kWhitespace[] = " \t\n\r\f\v";

Tokens SortedTokens(absl::string_view text) {
  Tokens tokens = absl::StrSplit(text, absl::ByAnyChar(kWhitespace),
                                 absl::SkipEmpty());
  std::sort(tokens.begin(), tokens.end());
  return tokens;
}

Tokens SortedTokenSet(absl::string_view text) {
  Tokens tokens = SortedTokens(text);
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

// Splits two sorted token sets into their intersection and differences, as
// rapidfuzz's token_set_ratio does before comparing.
struct TokenSetParts {
  Tokens common, only_a, only_b;
};

TokenSetParts SplitTokenSets(const Tokens& a, const Tokens& b) {
  TokenSetParts parts;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(),
                        std::back_inserter(parts.common));
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(),
                      std::back_inserter(parts.only_a));
  std::set_difference(b.begin(), b.end(), a.begin(), a.end(),
                      std::back_inserter(parts.only_b));
  return parts;
}

// The score of "common only_a" against "common only_b" and of `common`
// against each of them. The common part cancels out of the Indel distance,
// so only the differences are compared unit by unit; the other two ratios
// follow from lengths alone.
double TokenSetScore(const TokenSetParts& parts) {
  const std::string common = absl::StrJoin(parts.common, " ");
  const std::string only_a = absl::StrJoin(parts.only_a, " ");
  const std::string only_b = absl::StrJoin(parts.only_b, " ");
  const size_t common_len = internal::UnitCount(common);
  const size_t a_len = internal::UnitCount(only_a);
  const size_t b_len = internal::UnitCount(only_b);
  const size_t separator = common_len != 0 ? 1 : 0;
  const size_t common_a_len = common_len + separator + a_len;
  const size_t common_b_len = common_len + separator + b_len;
  const double differences = NormalizedSimilarity(
      IndelDistance(only_a, only_b), common_a_len + common_b_len);
  if (common_len == 0) return differences;
  const double common_vs_a =
      NormalizedSimilarity(separator + a_len, common_len + common_a_len);
  const double common_vs_b =
      NormalizedSimilarity(separator + b_len, common_len + common_b_len);
  return std::max({differences, common_vs_a, common_vs_b});
}

// Markers padding each end; outside Unicode and the escaped-byte range, so
// they match no unit.
constexpr uint64_t kStartMarker = 0x110000;
constexpr uint64_t kEndMarker = 0x110001;
constexpr int kUnitBits = 21;

template <typename T>
Grams SortedGramSet(absl::Span<const T> units, size_t q) {
  const size_t pad = q - 1;
  const size_t padded = units.size() + 2 * pad;
  auto unit_at = [&](size_t k) -> uint64_t {
    if (k < pad) return kStartMarker;
    if (k - pad < units.size()) return static_cast<uint64_t>(units[k - pad]);
    return kEndMarker;
  };
  Grams grams;
  for (size_t start = 0; start + q <= padded; ++start) {
    uint64_t gram = 0;
    for (size_t k = 0; k < q; ++k) gram = (gram << kUnitBits) | unit_at(start + k);
    grams.push_back(gram);
  }
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  return grams;
}

double Jaccard(const Grams& a, const Grams& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) /
         static_cast<double>(a.size() + b.size() - common);
}

}  // namespace

double TokenSortRatio(absl::string_view a, absl::string_view b) {
  return IndelSimilarity(absl::StrJoin(SortedTokens(a), " "),
                         absl::StrJoin(SortedTokens(b), " "));
}

double TokenSetRatio(absl::string_view a, absl::string_view b) {
  const Tokens set_a = SortedTokenSet(a);
  const Tokens set_b = SortedTokenSet(b);
  if (set_a.empty() || set_b.empty()) {
    return set_a.empty() && set_b.empty() ? 1.0 : 0.0;
  }
  const TokenSetParts parts = SplitTokenSets(set_a, set_b);
  // One set contains the other: rapidfuzz scores this 100.
  if (!parts.common.empty() && (parts.only_a.empty() || parts.only_b.empty())) {
    return 1.0;
  }
  return TokenSetScore(parts);
}

double QGramJaccard(absl::string_view a, absl::string_view b, int q) {
  const size_t size_q = static_cast<size_t>(std::clamp(q, 1, 3));
  return internal::WithUnits(a, b, [size_q](auto x, auto y) {
    return Jaccard(SortedGramSet(x, size_q), SortedGramSet(y, size_q));
  });
}

}  // namespace mdm::matchers
