// SPDX-License-Identifier: Apache-2.0
// Jaro and Jaro-Winkler (matchers/string_similarity.h).
#include <algorithm>
#include <bit>
#include <cstdint>

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

// Units of either string may pair up when at most this far apart.
size_t MatchWindow(size_t len_a, size_t len_b) {
  const size_t longer = std::max(len_a, len_b);
  return longer / 2 > 0 ? longer / 2 - 1 : 0;
}

// (m/|a| + m/|b| + (m - t)/m) / 3 over one common denominator: one division
// instead of four, and the sum is exactly symmetric in |a| and |b|.
double JaroFormula(size_t matches, size_t transpositions, size_t len_a,
                   size_t len_b) {
  if (matches == 0) return 0.0;
  const double m = static_cast<double>(matches);
  const double la = static_cast<double>(len_a);
  const double lb = static_cast<double>(len_b);
  const double numerator =
      m * m * (la + lb) + (m - static_cast<double>(transpositions)) * la * lb;
  return numerator / (3.0 * la * lb * m);
}

// Handles the empty cases every variant shares; returns true when `*out`
// holds the answer.
bool JaroTrivial(size_t len_a, size_t len_b, double* out) {
  if (len_a == 0 || len_b == 0) {
    *out = (len_a == 0 && len_b == 0) ? 1.0 : 0.0;
    return true;
  }
  return false;
}

template <typename T>
double JaroClassicUnits(absl::Span<const T> a, absl::Span<const T> b) {
  double trivial;
  if (JaroTrivial(a.size(), b.size(), &trivial)) return trivial;
  const size_t window = MatchWindow(a.size(), b.size());
  absl::InlinedVector<bool, kWordBits> matched_a(a.size(), false);
  absl::InlinedVector<bool, kWordBits> matched_b(b.size(), false);
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(i + window + 1, b.size());
    for (size_t j = lo; j < hi; ++j) {
      if (matched_b[j] || a[i] != b[j]) continue;
      matched_a[i] = matched_b[j] = true;
      ++matches;
      break;
    }
  }
  size_t out_of_order = 0;
  for (size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!matched_a[i]) continue;
    while (!matched_b[j]) ++j;
    if (a[i] != b[j]) ++out_of_order;
    ++j;
  }
  return JaroFormula(matches, out_of_order / 2, a.size(), b.size());
}

// Same matching as the classic scan, but the candidates of a[i] in `b` are
// one AND of 64-bit masks and the first free one is its lowest set bit. The
// loop has no data-dependent branch: random name pairs would mispredict it.
template <typename T>
double JaroBitsUnits(absl::Span<const T> a, absl::Span<const T> b) {
  double trivial;
  if (JaroTrivial(a.size(), b.size(), &trivial)) return trivial;
  const size_t window = MatchWindow(a.size(), b.size());
  const PatternMasks<T> masks(b, a);
  const uint64_t in_b = LowBits(b.size());
  uint64_t in_window = LowBits(window + 1) & in_b;  // b[0 .. window] for a[0]
  uint64_t matched_a = 0;
  uint64_t matched_b = 0;
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const uint64_t candidates = masks.Get(a[i]) & in_window & ~matched_b;
    const uint64_t first = candidates & (~candidates + 1);  // 0 if none
    matched_b |= first;
    matched_a |= uint64_t{first != 0} << i;
    matches += first != 0;
    // Slide the window: b[i + window + 1] enters, b[i - window] leaves.
    if (i + window + 1 < kWordBits) {
      in_window |= (uint64_t{1} << (i + window + 1)) & in_b;
    }
    if (i >= window) in_window &= ~(uint64_t{1} << (i - window));
  }
  size_t out_of_order = 0;
  for (uint64_t ma = matched_a, mb = matched_b; ma != 0;
       ma &= ma - 1, mb &= mb - 1) {
    out_of_order += a[std::countr_zero(ma)] != b[std::countr_zero(mb)];
  }
  return JaroFormula(matches, out_of_order / 2, a.size(), b.size());
}

template <typename T>
double JaroUnits(absl::Span<const T> a, absl::Span<const T> b) {
  if (a.size() <= kWordBits && b.size() <= kWordBits) {
    return JaroBitsUnits(a, b);
  }
  return JaroClassicUnits(a, b);
}

template <typename T>
double JaroWinklerUnits(absl::Span<const T> a, absl::Span<const T> b) {
  const double jaro = JaroUnits(a, b);
  if (jaro <= kWinklerBoostThreshold) return jaro;
  const size_t limit = std::min({a.size(), b.size(), kWinklerMaxPrefix});
  size_t prefix = 0;
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * kWinklerPrefixScale * (1.0 - jaro);
}

}  // namespace

double Jaro(absl::string_view a, absl::string_view b) {
  return WithUnits(a, b, [](auto x, auto y) { return JaroUnits(x, y); });
}

double JaroWinkler(absl::string_view a, absl::string_view b) {
  return WithUnits(a, b, [](auto x, auto y) { return JaroWinklerUnits(x, y); });
}

namespace internal {

double JaroClassic(absl::string_view a, absl::string_view b) {
  return WithUnits(a, b,
                   [](auto x, auto y) { return JaroClassicUnits(x, y); });
}

double JaroBitParallel(absl::string_view a, absl::string_view b) {
  return WithUnits(a, b, [](auto x, auto y) { return JaroBitsUnits(x, y); });
}

}  // namespace internal
}  // namespace mdm::matchers
