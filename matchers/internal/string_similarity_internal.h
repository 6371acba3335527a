// SPDX-License-Identifier: Apache-2.0
// File: matchers/internal/string_similarity_internal.h
//
// The two implementations behind each fast comparator of
// matchers/string_similarity.h, exposed so the differential tests can check
// that the bit-parallel version equals the textbook one. Production code calls
// the public functions, which pick the right implementation.
//
// Internal: not installed, may change without notice.
//
// Example:
//   LevenshteinBitParallel("kitten", "sitting", 10) == 3
//   LevenshteinClassic("kitten", "sitting", 10) == 3
#ifndef MDM_MATCHERS_INTERNAL_STRING_SIMILARITY_INTERNAL_H_
#define MDM_MATCHERS_INTERNAL_STRING_SIMILARITY_INTERNAL_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace mdm::matchers::internal {

// Jaro similarity by the textbook O(|a| * window) scan with flag arrays.
double JaroClassic(absl::string_view a, absl::string_view b);

// Jaro similarity with 64-bit match masks. REQUIRES: both strings have at
// most 64 units.
double JaroBitParallel(absl::string_view a, absl::string_view b);

// Levenshtein distance by the two-row dynamic programme, or max + 1 as soon as
// a whole row exceeds `max`. REQUIRES: max < SIZE_MAX.
size_t LevenshteinClassic(absl::string_view a, absl::string_view b,
                          size_t max);

// Levenshtein distance by Myers' bit-vector algorithm in Hyyrö's formulation,
// or max + 1. REQUIRES: the shorter string has at most 64 units and
// max < SIZE_MAX.
size_t LevenshteinBitParallel(absl::string_view a, absl::string_view b,
                              size_t max);

}  // namespace mdm::matchers::internal

#endif  // MDM_MATCHERS_INTERNAL_STRING_SIMILARITY_INTERNAL_H_
