// SPDX-License-Identifier: Apache-2.0
// File: mdm/normalize/name_parser.h
//
// Splits a person's name, as a source gives it, into the parts of
// mdm::PersonName and builds their matching keys. Normalize calls it once per
// SourceRecord with whatever name columns the source mapped: a full name, or
// separate title/given/middle/family/maiden/suffix columns, or both.
//
// Display forms keep the source's spelling, case and accents; only whitespace
// is trimmed and collapsed (every Unicode space, NBSP included, counts). Keys
// are FoldKey() of the display forms.
//
// Reading a full name:
//   - Titles at the start of the name or of a comma part ("Dr", "Prof.",
//     "Mme", "Dr. med.") and credentials ("MD", "M.D.", "PharmD", "IDE") go to
//     `title` in canonical short form, space-separated, in the order found:
//     "Prof. Dr. med. Hans Weber" -> title "Pr Dr med". Generational suffixes
//     (Jr, Sr, II, III, IV) go to `suffix` ("Jr.", "JR" -> "Jr").
//   - Credentials and suffixes are taken from comma parts made only of them
//     ("Smith, John, Jr.", "White, MD, FACOG") and from the end of the name
//     ("Robert Smith DO"). A credential that is also a name (DO, MD, IDE, ...:
//     see name_lexicon.h) counts only in capitals, and is never taken when it
//     would leave a single word: "Linda Do" and "Linda DO" keep the surname.
//   - Order: with a comma, the family name comes first ("Martin, Jean Paul");
//     a third comma part that is not made of credentials or suffixes is kept
//     in `suffix` as written. Without a comma, when the name mixes words in
//     capitals with words in mixed case, the one run of words in capitals is
//     the family name, wherever it stands (French usage: "MARTIN Jean-Pierre",
//     "DE LA FONTAINE Jean", "Jean MARTIN"); one-letter initials count as
//     mixed case ("J. MARTIN"). Otherwise the last word is the family name
//     ("Jean Pierre Martin").
//   - Particles (de, du, des, d', le, la, van, von, der, den, da, di, del,
//     della, dos, das, ten, ter, zu, bin, ibn, al, el ...) before the family
//     name belong to it: "Jean de la Fontaine" -> family "de la Fontaine".
//     Lower-case "y" joins two family names: "José Ortega y Gasset" -> family
//     "Ortega y Gasset". Of two words or more, at least one stays a given
//     name. Hyphenated and apostrophe names are single words ("Jean-Pierre",
//     "O'Connor", "Al-Rashid", "McDonald").
//   - `given_names` holds every given name, the first and the middle ones, in
//     order: "Anna Marie Kowalski" -> given "Anna Marie", family "Kowalski".
//   - A single word is a family name: "Madonna" -> family "Madonna".
//   - Birth names. "née", "nee", "geb.", "geborene" and lower-case "born"
//     introduce the birth name, which follows them: "Marie Dupont née Martin"
//     -> family "Dupont", maiden "Martin". "épouse", "ép.", "ep.", "veuve",
//     "vve" introduce the married name, the birth name coming before them:
//     "Marie Martin épouse Dupont" -> family "Dupont", maiden "Martin". French
//     registers write "MARTIN épouse DUPONT Marie": the capitals again mark the
//     family names. Brackets and quotes only separate words: "(née Martin)".
//
// Separate columns:
//   - A family column holding a name word selects column mode: given + middle
//     columns make `given_names`, the family column `family_name`; the full
//     name only becomes `display`. Titles and credentials that leak into the
//     given or family column are moved out ("Dr Jean", "Martin MD"); a marker
//     in the family column splits it ("Dupont née Martin").
//   - Otherwise the full name is parsed as above; a given column holding a
//     name word still replaces the given names found there.
//   - The title column is canonicalised word by word ("Docteur" -> "Dr"; an
//     unknown word is kept as written) and comes before titles found in the
//     name. In the suffix column, generational suffixes go to `suffix`,
//     credentials to `title`, anything else to `suffix` as written. The maiden
//     column, when not blank, wins over a maiden name found in the name.
//   - `display` is the full name when there is one, else given names and
//     family name joined by a space.
//
// Example:
//   ParseName({.full_name = "Dr MARTIN Jean-Pierre"})
//     -> display "Dr MARTIN Jean-Pierre", title "Dr", given_names
//        "Jean-Pierre", family_name "MARTIN", given_key "jean pierre",
//        family_key "martin"
//   ParseName({.full_name = "Smith, John, Jr."})
//     -> given_names "John", family_name "Smith", suffix "Jr"
#ifndef MDM_NORMALIZE_NAME_PARSER_H_
#define MDM_NORMALIZE_NAME_PARSER_H_

#include "absl/strings/string_view.h"
#include "mdm/record.h"

namespace mdm::normalize {

// The name columns of one source row; any may be empty. Views: the text must
// outlive the ParseName() call. Designated initializers read best:
// ParseName({.given = row.first, .family = row.last}).
struct NameParts {
  absl::string_view full_name = {};
  absl::string_view title = {};
  absl::string_view given = {};
  absl::string_view middle = {};
  absl::string_view family = {};
  absl::string_view maiden = {};
  absl::string_view suffix = {};
};

// ParseName()
//
// Returns the parsed name as described above. All-blank input gives an empty
// PersonName. Never fails: a name it cannot read well (one word, or no case
// or comma to tell the order) still gets the documented default split.
// REQUIRES: every field is valid UTF-8. Thread-safe; no locks after the first
// call builds the lexicon.
PersonName ParseName(const NameParts& in);

}  // namespace mdm::normalize

#endif  // MDM_NORMALIZE_NAME_PARSER_H_
