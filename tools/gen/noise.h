// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/noise.h
//
// The noise primitives every source builder combines: how a phone number is
// written, typing errors, nicknames, which family name a source shows, e-mail
// case variants and observation dates. Each draws from the Random it is given
// and nothing else, so a row's noise is reproducible from its stream.
//
// Example:
//   FormatPhone("0199001234", Country::kFr, rng)  -> "+33 1 99 00 12 34"
//   Typo("Martin", rng)                          -> "Matrin"
//   GivenNameVariant(person, data, rng)          -> "Bob" for Robert
#ifndef MDM_TOOLS_GEN_NOISE_H_
#define MDM_TOOLS_GEN_NOISE_H_

#include <string>

#include "absl/strings/string_view.h"
#include "tools/gen/person.h"
#include "tools/gen/random.h"
#include "tools/gen/reference_data.h"

namespace mdm::gen {

// The usual national format: "01 99 00 12 34", "(212) 555-0123".
std::string CanonicalPhone(absl::string_view digits, Country country);

// One of the ways people write `digits` (national digits): spaced, dotted,
// run together, international with or without spaces.
std::string FormatPhone(absl::string_view digits, Country country, Random& rng);

// One typing error on a code point of `word`: a substituted letter, two
// adjacent letters swapped, or a letter dropped. Words of fewer than three
// code points come back unchanged.
std::string Typo(absl::string_view word, Random& rng);

// A familiar form of the person's given name when one is known (US nickname
// list, French diminutives and initials of compound names: "Jean-Pierre" ->
// "JP"), else the given name itself.
std::string GivenNameVariant(const Person& person, const ReferenceData& data,
                             Random& rng);

// The family name a source shows: the birth name with probability
// `birth_name_share` for a person who has one, else the name in use.
const std::string& ShownFamilyName(const Person& person, double birth_name_share,
                                   Random& rng);

// One of the spellings of the person's specialty in their country's
// language ("Cardiologue", "Cardiology"); a man never gets a feminine form
// ("Infirmière").
std::string SpecialtyLabel(const Person& person, Random& rng);

// `email` with its case changed now and then ("Jean.Martin@Example.org").
std::string EmailVariant(absl::string_view email, Random& rng);

// A date between 2019-01-01 and 2026-03-31 as "YYYY-MM-DD"; `recent` keeps
// it in the last year of that range.
std::string DrawDate(Random& rng, bool recent);
// The same range as an ISO-8601 UTC instant: "2025-06-14T09:30:00Z".
std::string DrawInstant(Random& rng, bool recent);

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_NOISE_H_
