// SPDX-License-Identifier: Apache-2.0
// File: mdm/normalize/text_fold.h
//
// Folding of display text into matching keys, used by every normalizer that
// builds a key (names, cities, streets, organisations, specialties).
//
// FoldKey() applies, in order: Unicode NFKC, case folding, removal of accents
// and other diacritics, transliteration of Latin letters without a
// decomposition (ß -> ss, æ -> ae, œ -> oe, ø -> o, ł -> l, đ -> d), removal of
// apostrophes, replacement of every other character that is not a letter or
// digit by a space, collapse of runs of spaces, and trimming. The result is
// ASCII for Latin text; letters of other scripts are kept, case-folded.
//
// Speed: characters of the Latin, Greek and Cyrillic blocks, general
// punctuation and fullwidth ASCII fold through a table computed once from ICU
// on the first non-ASCII input (about 1,700 code points, a few milliseconds);
// only characters outside it go through ICU's transliterator, in runs. Accented
// Latin names fold about 100 times faster than through ICU alone.
//
// Example:
//   FoldKey("  Émilie-Anne  O'Brien ") == "emilie anne obrien"
//   FoldKey("STRAßE") == "strasse"
#ifndef MDM_NORMALIZE_TEXT_FOLD_H_
#define MDM_NORMALIZE_TEXT_FOLD_H_

#include <string>

#include "absl/strings/string_view.h"

namespace mdm::normalize {

// FoldKey()
//
// Returns the folded key of `text` as described above. REQUIRES: `text` is
// valid UTF-8 (the readers reject anything else). Idempotent:
// FoldKey(FoldKey(x)) == FoldKey(x). Thread-safe; takes no lock unless the
// text has characters outside the table.
std::string FoldKey(absl::string_view text);

// FoldKeyWithIcu()
//
// The reference FoldKey(): the whole of `text` goes through ICU's
// transliterator. Same result as FoldKey() for every valid UTF-8 input, but
// about 4 us per name and serialised on ICU's internal lock; tests compare the
// two and benchmarks use it as the baseline. Thread-safe.
std::string FoldKeyWithIcu(absl::string_view text);

}  // namespace mdm::normalize

#endif  // MDM_NORMALIZE_TEXT_FOLD_H_
