// SPDX-License-Identifier: Apache-2.0
// File: matchers/phonetic.h
//
// Phonetic codes for names, used by blocking (records sharing a code become
// candidate pairs) and by name Comparisons (a "sounds alike" level below exact
// agreement). Two encoders, one per language family of the HCP sources:
//
// * Double Metaphone (Lawrence Philips, "The Double Metaphone Search
//   Algorithm", C/C++ Users Journal, June 2000) for English and the many
//   European names it has rules for. Gives a primary and an alternate code.
// * Phonex (Frédéric Brouard, 1999, "L'art des Soundex", published at
//   sqlpro.developpez.com/cours/soundex) for French names. Brouard's final
//   step packs the code into a base-22 float; we return the code string it
//   is computed from, which is equivalent for equality and never loses
//   precision on long names.
//
// Input: one name, normally a key folded by mdm/normalize/text_fold.h
// (lower-case ASCII). Case does not matter. Pure functions, thread-safe.
//
// Example:
//   DoubleMetaphone("smith")   -> {"SM0", "XMT"}
//   DoubleMetaphone("schmidt") -> {"XMT", "SMT"}
//   Phonex("dupont") == Phonex("dupond")   // both "TUT1"
#ifndef MDM_MATCHERS_PHONETIC_H_
#define MDM_MATCHERS_PHONETIC_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace mdm::matchers {

// Philips' reference implementation truncates both codes to four letters.
inline constexpr size_t kDoubleMetaphoneMaxLength = 4;

struct DoubleMetaphoneCodes {
  // Most likely pronunciation, in Philips' alphabet: A (initial vowel),
  // B..Z consonant classes, 0 for "th", X for "sh"/"ch".
  std::string primary;
  // Alternate pronunciation; equal to `primary` when the name has none.
  std::string alternate;
};

// DoubleMetaphone()
//
// Encodes `word` by Philips' rules, each code truncated to `max_length`
// letters (pass SIZE_MAX for full codes). The whole input is encoded as one
// string, so spaces matter as in the original ("san jacinto" -> "SNHS").
// Bytes outside ASCII letters produce no sound; UTF-8 "ç" and "ñ" are read as
// the original's Latin-1 'Ç' and 'Ñ'. Deviation: where the original appends
// a space to the alternate code (a final 'J'), we append nothing.
// Empty input -> two empty codes.
DoubleMetaphoneCodes DoubleMetaphone(absl::string_view word,
                                     size_t max_length = kDoubleMetaphoneMaxLength);

// How two Double Metaphone encodings agree, best level first.
enum class PhoneticAgreement {
  kPrimary,    // same non-empty primary code
  kAlternate,  // some other pair of non-empty codes is equal
  kNone,       // no code in common, or a side has no code
};

// CompareDoubleMetaphone()
//
// Agreement of two encodings. Symmetric; an encoding agrees with itself at
// kPrimary unless its primary code is empty (kNone).
PhoneticAgreement CompareDoubleMetaphone(const DoubleMetaphoneCodes& a,
                                         const DoubleMetaphoneCodes& b);

// Phonex()
//
// Brouard's Phonex code of `word` up to (not including) the base-22 packing:
// a string over "12345EFGHIKLNORSTUWXYZ" where the digits stand for the
// sounds "an/on/en" (1), "oua/oi" (2), "ou" (3), "ein/ain/in" (4) and
// "ch" (5). Everything but letters is dropped first, so "le febvre" and
// "lefebvre" agree. Accented letters, if present, follow Brouard's table
// (é/è/ê -> Y, other accents dropped, and ç -> S, which he leaves out).
// Where regex ports of the published steps differ, we follow the text: a
// nasal at the very end of a word is "not followed by a vowel" (so "martin"
// ends in 4), and an initial H, being preceded by no C, S or P, is dropped.
// Empty input, or input without letters -> "".
std::string Phonex(absl::string_view word);

}  // namespace mdm::matchers

#endif  // MDM_MATCHERS_PHONETIC_H_
