// SPDX-License-Identifier: Apache-2.0
// File: matchers/string_similarity.h
//
// Character-level string comparators used by the Score stage to turn two
// attribute values (folded name keys, street tokens, local parts) into a
// similarity or a distance that a Comparison then buckets into levels.
// Pure functions: no I/O, no allocation for strings of up to 64 units
// except where noted, thread-safe.
//
// Units. Every function counts in units: bytes when both inputs are ASCII
// (callers normally pass keys folded by mdm/normalize/text_fold.h), Unicode
// code points otherwise. A byte that is not part of well-formed UTF-8 counts
// as one unit of its own. So "jose" vs "josé" is one substitution, not two.
//
// Similarities are in [0, 1] and symmetric; equal inputs give 1, including two
// empty strings; a comparison with exactly one empty side gives 0. Distances
// are symmetric, 0 for equal inputs, and |other| when one side is empty.
// matchers/README.md tabulates these rules; tests/matchers check them.
//
// Example:
//   JaroWinkler("martha", "marhta")        -> 0.9611
//   LevenshteinDistance("kitten", "sitting") -> 3
//   LevenshteinWithin("kitten", "sitting", 1) -> 2  (that is, max + 1)
//   TokenSortRatio("dupont marie", "marie dupont") -> 1.0
#ifndef MDM_MATCHERS_STRING_SIMILARITY_H_
#define MDM_MATCHERS_STRING_SIMILARITY_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace mdm::matchers {

// Winkler's constants (Winkler 1990, "String Comparator Metrics and Enhanced
// Decision Rules in the Fellegi-Sunter Model of Record Linkage").
inline constexpr double kWinklerPrefixScale = 0.1;
inline constexpr size_t kWinklerMaxPrefix = 4;
inline constexpr double kWinklerBoostThreshold = 0.7;

// Jaro()
//
// Jaro similarity (Jaro 1989): with m matching units (equal units at most
// max(|a|,|b|)/2 - 1 apart) and t half the number of matched units out of
// order, (m/|a| + m/|b| + (m - t)/m) / 3, and 0 when m == 0.
// Range [0, 1]; symmetric; Jaro(x, x) == 1; both empty -> 1; one empty -> 0.
// Bit-parallel when both strings have at most 64 units.
double Jaro(absl::string_view a, absl::string_view b);

// JaroWinkler()
//
// Jaro() boosted for a common prefix: when Jaro > kWinklerBoostThreshold,
// j + l * kWinklerPrefixScale * (1 - j) with l the common prefix length capped
// at kWinklerMaxPrefix; otherwise j unchanged.
// Range [0, 1]; symmetric; identity 1; both empty -> 1; one empty -> 0.
double JaroWinkler(absl::string_view a, absl::string_view b);

// LevenshteinDistance()
//
// Minimum number of unit insertions, deletions and substitutions turning `a`
// into `b`. Range [0, max(|a|, |b|)]; symmetric; 0 iff a == b; "" vs x -> |x|.
// Myers/Hyyrö bit-parallel when the shorter string has at most 64 units,
// otherwise a two-row dynamic programme (which allocates beyond 64 units).
size_t LevenshteinDistance(absl::string_view a, absl::string_view b);

// LevenshteinWithin()
//
// LevenshteinDistance(a, b) when it is <= `max`, else max + 1, returned as
// soon as the bound is certain to be exceeded (length difference first, then
// per column). Use it with a comparison threshold: it is the fast path.
// Symmetric. `max` == SIZE_MAX is treated as SIZE_MAX - 1.
size_t LevenshteinWithin(absl::string_view a, absl::string_view b, size_t max);

// OsaDistance()
//
// Optimal string alignment distance (restricted Damerau-Levenshtein):
// Levenshtein plus transposition of two adjacent units, each substring edited
// at most once, so OsaDistance("ca", "abc") == 3 where unrestricted
// Damerau-Levenshtein gives 2. Range [0, max(|a|, |b|)]; symmetric; 0 iff
// a == b; "" vs x -> |x|. O(|a| * |b|); allocates beyond 64 units.
size_t OsaDistance(absl::string_view a, absl::string_view b);

// OsaWithin()
//
// OsaDistance(a, b) <= max, decided without the full table: common prefix
// and suffix are stripped first, a length difference above `max` answers
// at once, and max == 1 is a constant-time look at what is left (one
// substitution, insertion, deletion or adjacent transposition). Symmetric;
// OsaWithin(x, x, 0) is true.
bool OsaWithin(absl::string_view a, absl::string_view b, size_t max);

// IndelDistance()
//
// Edit distance with insertions and deletions only:
// |a| + |b| - 2 * LCS(a, b). Range [0, |a| + |b|]; symmetric; 0 iff a == b.
// Bit-parallel (Hyyrö) when the shorter string has at most 64 units.
size_t IndelDistance(absl::string_view a, absl::string_view b);

// NormalizedSimilarity()
//
// 1 - distance / max_len, the usual way to turn an edit distance into a
// similarity: pass max(|a|, |b|) in units for Levenshtein and OSA. Range
// [0, 1] (a distance above max_len gives 0); max_len == 0 gives 1.
double NormalizedSimilarity(size_t distance, size_t max_len);

// LevenshteinSimilarity()
//
// NormalizedSimilarity(LevenshteinDistance(a, b), max(|a|, |b|)).
// Range [0, 1]; symmetric; identity 1; both empty -> 1; one empty -> 0.
double LevenshteinSimilarity(absl::string_view a, absl::string_view b);

// OsaSimilarity()
//
// NormalizedSimilarity(OsaDistance(a, b), max(|a|, |b|)).
// Range [0, 1]; symmetric; identity 1; both empty -> 1; one empty -> 0.
double OsaSimilarity(absl::string_view a, absl::string_view b);

// IndelSimilarity()
//
// 1 - IndelDistance(a, b) / (|a| + |b|), i.e. rapidfuzz's fuzz.ratio / 100.
// Range [0, 1]; symmetric; identity 1; both empty -> 1; one empty -> 0.
double IndelSimilarity(absl::string_view a, absl::string_view b);

// TokenSortRatio()
//
// Splits both strings on ASCII whitespace, sorts the tokens bytewise, joins
// them with one space and returns IndelSimilarity() of the results: word
// order stops mattering ("dupont marie" vs "marie dupont" -> 1). Same as
// rapidfuzz 3 fuzz.token_sort_ratio / 100. Range [0, 1]; symmetric; identity
// 1; both without tokens -> 1; exactly one without tokens -> 0. Allocates.
double TokenSortRatio(absl::string_view a, absl::string_view b);

// TokenSetRatio()
//
// rapidfuzz 3 fuzz.token_set_ratio / 100 over the sets of whitespace tokens:
// with I the sorted intersection and Da, Db the sorted differences (each
// joined with spaces), the best of IndelSimilarity("I Da", "I Db"),
// IndelSimilarity(I, "I Da") and IndelSimilarity(I, "I Db"); 1 when one
// token set contains the other and they share a token. Duplicated tokens and
// word order do not matter. Range [0, 1]; symmetric; identity 1; both
// without tokens -> 1 (rapidfuzz returns 0 there; we keep identity == 1);
// exactly one without tokens -> 0. Allocates.
double TokenSetRatio(absl::string_view a, absl::string_view b);

// QGramJaccard()
//
// Jaccard index |A ∩ B| / |A ∪ B| of the sets of q-grams of the two strings,
// each padded with q - 1 start and q - 1 end markers that match no unit (so
// "ab" has the bigrams ^a, ab, b$). `q` is clamped to [1, 3]. Range [0, 1];
// symmetric; identity 1; both empty -> 1; one empty -> 0 for q >= 2 and for
// q == 1. Allocates beyond 64 q-grams.
double QGramJaccard(absl::string_view a, absl::string_view b, int q = 2);

}  // namespace mdm::matchers

#endif  // MDM_MATCHERS_STRING_SIMILARITY_H_
