// SPDX-License-Identifier: Apache-2.0
// File: mdm/normalize/address_normalizer.h
//
// Postal addresses to canonical display fields and matching keys. Consumes an
// mdm::Address with only the display fields filled (street, street2, postcode,
// city, country as the source spelled them); produces the same address with
// display fields trimmed and whitespace collapsed, the country as an ISO
// 3166-1 alpha-2 code, the postcode in its country's canonical form with its
// validity, and the folded `city_key` and `street_key` used for blocking and
// comparison. Keys are built with FoldKey() (text_fold.h).
//
// Postcodes:
// | country | canonical  | also accepted             | valid when        |
// |---------|------------|---------------------------|-------------------|
// | FR      | 5 digits   | "75 009", "F-75009",      | department 01-95, |
// |         |            | "FR75009", "75009 CEDEX"  | 97 or 98          |
// | US      | ZIP5       | "10001-1234", "100011234" | not 00000         |
// | GB      | "SW1A 1AA" | any spacing and case      | Royal Mail format |
// | DE      | 5 digits   | "D-10115", "DE 10115"     | not 00xxx         |
// | other   | upper case | -                         | always kUnchecked |
// Corsican postcodes are 20xxx (2A/2B are INSEE commune codes, never
// postcodes). ZIP+4 is cut to ZIP5. FR and US postcodes of 4 digits get their
// leading zero back (spreadsheets drop it: "1000" -> "01000"). A postcode
// that fails its rule is kept upper-cased as given and marked kInvalid; an
// empty one is kUnchecked.
//
// Keys: see CityKey() and StreetKey().
//
// Example:
//   Address a{.street = " 12  bd Haussmann", .postcode = "75 009",
//             .city = "PARIS CEDEX 09", .country = "France"};
//   NormalizeAddress(a, "FR") -> street "12 bd Haussmann", postcode "75009"
//       (kValid), city "PARIS CEDEX 09", country "FR",
//       street_key "12 boulevard haussmann", city_key "paris"
#ifndef MDM_NORMALIZE_ADDRESS_NORMALIZER_H_
#define MDM_NORMALIZE_ADDRESS_NORMALIZER_H_

#include <string>

#include "absl/strings/string_view.h"
#include "mdm/record.h"

namespace mdm::normalize {

// NormalizeCountry()
//
// The ISO 3166-1 alpha-2 code (upper case) of a country given as a code
// ("fr", "FRA", "UK" -> "GB") or a name in English, French or the local
// language ("France", "United States", "Royaume-Uni", "Deutschland"), for the
// countries HCP sources mostly carry. Any other two-letter text is taken as a
// code and upper-cased. Other unknown text is returned trimmed, whitespace
// collapsed (it never equals a code). Empty for blank input. Thread-safe.
std::string NormalizeCountry(absl::string_view raw);

struct NormalizedPostcode {
  std::string value;
  Validity validity = Validity::kUnchecked;
};

// NormalizePostcode()
//
// Canonical form and validity of `raw` for `country` (an ISO code from
// NormalizeCountry()), per the table above. Thread-safe.
NormalizedPostcode NormalizePostcode(absl::string_view raw,
                                     absl::string_view country);

// CityKey()
//
// FoldKey(city) with "cedex" and its number removed, "st"/"ste" expanded to
// "saint"/"sainte", and a trailing arrondissement number (1 to 20, written
// "9", "09", "9e", "9eme", "1er", "1ere", optionally followed by
// "arrondissement"/"arr"/"arrdt") removed when words remain before it:
// "Paris 9e", "PARIS CEDEX 09" and "Paris" all give "paris",
// "St-Étienne" gives "saint etienne". Empty for blank input. Thread-safe.
std::string CityKey(absl::string_view city);

// StreetKey()
//
// FoldKey(street) with road-type abbreviations expanded, by the language of
// `country`; other countries get the folded text only. The "first word" is
// the first word after the house number(s) and any "bis"/"ter"/"quater"
// (which are kept, and split from the number: "12bis" -> "12 bis").
//   French (FR BE LU MC CH): bd bld boul bvd -> boulevard, av ave -> avenue,
//     pl -> place, fg fbg -> faubourg, imp -> impasse, all -> allee,
//     rte -> route, ch chem -> chemin, sq -> square, qu qua -> quai,
//     crs -> cours, st -> saint, ste -> sainte; r -> rue as first word only.
//   English (US GB IE CA AU NZ): rd -> road, av ave -> avenue,
//     blvd -> boulevard, dr -> drive, ln -> lane, ct -> court,
//     hwy -> highway, pkwy -> parkway, pl -> place, sq -> square,
//     ste -> suite, apt -> apartment, n s e w ne nw se sw -> north ...;
//     st -> saint when it is the first word and more words follow
//     ("1 St James St" -> "1 saint james street"), street everywhere else.
//   German (DE AT CH LU): str -> strasse, also as a word ending
//     ("Hauptstr." -> "hauptstrasse").
// Empty for blank input. Thread-safe.
std::string StreetKey(absl::string_view street, absl::string_view country);

// NormalizeAddress()
//
// Normalizes `raw` as described in the file comment. `raw`'s key and
// validity fields are ignored. `default_country` (code or name) is used when
// `raw.country` is blank. Thread-safe.
Address NormalizeAddress(const Address& raw, absl::string_view default_country);

}  // namespace mdm::normalize

#endif  // MDM_NORMALIZE_ADDRESS_NORMALIZER_H_
