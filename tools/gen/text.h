// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/text.h
//
// Small text transforms the generator needs to render reference data and to
// imitate how people type: natural case for INSEE's upper-case given names,
// upper and lower case with accents, accent stripping, and the conversion to
// Windows-1252 for the medinfo export. They cover the Latin letters of
// Windows-1252 (Latin-1 plus Œ, Š, Ž, Ÿ); other code points pass through
// unchanged (case) or become '?' (Windows-1252).
//
// Example:
//   NaturalCase("JEAN-PIERRE") == "Jean-Pierre"
//   NaturalCase("HÉLÈNE") == "Hélène"
//   StripAccents("Lefèvre") == "Lefevre"
//   EncodeWindows1252("é") == "\xE9"
#ifndef MDM_TOOLS_GEN_TEXT_H_
#define MDM_TOOLS_GEN_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace mdm::gen {

// All of these REQUIRE valid UTF-8 input, return "" for "", and are
// thread-safe.

// Lower case with an upper-case letter at the start of each word, a word
// starting after a space, a hyphen or an apostrophe.
std::string NaturalCase(absl::string_view text);

std::string UpperCase(absl::string_view text);
std::string LowerCase(absl::string_view text);

// Latin letters without diacritics: "Bérard" -> "Berard", "Œ" -> "OE".
std::string StripAccents(absl::string_view text);

// ASCII lower case letters and digits only, for e-mail local parts and
// social handles: "Le Gall" -> "legall", "D'Amico" -> "damico".
std::string AsciiSlug(absl::string_view text);

// The first code point of `text`: FirstLetter("Élise") == "É".
std::string FirstLetter(absl::string_view text);

// The Windows-1252 bytes of `text`; code points outside the code page are
// written without their accent when they have one, else as '?'.
std::string EncodeWindows1252(absl::string_view text);

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_TEXT_H_
