// SPDX-License-Identifier: Apache-2.0
// File: mdm/normalize/name_lexicon.h
//
// The words of a person's name that are not names: titles (Dr, Pr, Mme),
// credentials (MD, PharmD, IDE), generational suffixes (Jr, III), the
// qualifiers of German doctorates (Dr. med.), family-name particles (de, van
// der, bin), and the markers that introduce a birth or married name (née,
// épouse, geb.).
// The name parser (name_parser.h) asks FindNameWord() about every token.
//
// Tokens are looked up by a folded form: case and accents folded, dots
// removed, apostrophes and hyphens kept ("Dr." == "DR" == "dr", "Ph.D." ==
// "PhD", "d’" == "d'", "ép." == "ep"). A few words need a given spelling to
// count, because the same letters are often a name:
//   DO, OD, MD, PA, RN, NP, IDE  credentials only in capitals ("Do" and
//                                "Ide" are surnames, "Md" abbreviates
//                                Mohammed);
//   M.                           Monsieur only with its dot ("M" is an
//                                initial);
//   y, born                      connector and marker only in lower case
//                                ("Y" is an initial, "Born" a surname);
//   med, rer, nat ...            doctor qualifiers only in lower case ("Dr.
//                                Nat Reed" is Nat).
//
// Example:
//   FindNameWord("Prof.")->canonical == "Pr"   (kind kTitle)
//   FindNameWord("M.D.")->canonical == "MD"    (kind kCredential)
//   FindNameWord("Do") == nullptr;  FindNameWord("DO")->canonical == "DO"
//   FindNameWord("VAN")->kind == NameWordKind::kParticle
#ifndef MDM_NORMALIZE_NAME_LEXICON_H_
#define MDM_NORMALIZE_NAME_LEXICON_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace mdm::normalize {

enum class NameWordKind : uint8_t {
  kTitle,            // Dr, Pr, M., Mme, Mlle, Mr, Mrs, Ms, Miss
  kDoctorQualifier,  // med, dent, rer, nat, phil, jur, habil, vet after "Dr"
  kCredential,       // MD, DO, PharmD, PhD, IDE, RN, NP, PA, DDS, FACOG ...
  kGenerational,     // Jr, Sr, II, III, IV
  kParticle,         // de, du, des, d', le, la, l', van, von, der, den, ...
  kConnector,        // y: joins two family names ("Ortega y Gasset")
  kBirthNameMarker,  // née, nee, geb., geborene, born: the birth name follows
  kMarriedNameMarker,  // épouse, ep., veuve, vve: the married name follows
};

struct NameWord {
  NameWordKind kind;
  // The short form written to PersonName::title or ::suffix: "Dr", "Pr",
  // "Dr med", "MD", "PharmD", "Jr", "III". For doctor qualifiers the
  // lower-case word ("med"); empty for particles, connectors and markers.
  absl::string_view canonical;
  // True for the credentials that are also common surnames or given-name
  // abbreviations (DO, MD ...): the parser strips them only where a
  // credential is expected, never from a one-word name.
  bool also_a_name;
};

// FindNameWord()
//
// The lexicon entry for one whitespace-delimited `token` (punctuation such as
// "Dr." or "M.D." included), or nullptr when it is not a lexicon word or is
// spelt in a way that makes it a name (see the file comment). Empty and long
// tokens (over 12 folded bytes) are never words. Thread-safe; the table is
// built on the first call.
const NameWord* FindNameWord(absl::string_view token);

}  // namespace mdm::normalize

#endif  // MDM_NORMALIZE_NAME_LEXICON_H_
