// SPDX-License-Identifier: Apache-2.0
// File: mdm/normalize/phone_normalizer.h
//
// Phone numbers to E.164, with libphonenumber (Google's metadata of every
// numbering plan). Consumes a phone as a source spelled it plus the country
// to assume for national numbers; produces an mdm::Phone whose `e164` is the
// matching key and whose `validity` says whether the number exists in its
// country's numbering plan.
//
// Accepted spellings are libphonenumber's: national ("01.42.34.56.78",
// "(212) 555-0123"), international with "+" or the dialling prefix ("0033",
// "00 33", "011" from the US), "(0)" trunk prefixes ("+33 (0)1 ..."), vanity
// letters ("1-800-FLOWERS"), full-width digits and "tel:" URIs. Extensions
// ("x123", "ext. 5", "#12", and the French "poste 12", which libphonenumber
// would read as vanity letters) are dropped from `e164`.
//
// Validity is libphonenumber's IsValidNumber(), which knows the allocated
// ranges. Note that some ranges reserved for fiction are not allocated for it
// (metadata 8.12.57): FR 01 99 00 xx xx, US 555-01xx (with an area code),
// UK 020 7946 0xxx and DE 030 23125 xxx are valid, but the French mobile
// fiction range 06 39 98 xx xx and the UK one 07700 900xxx are invalid.
//
// Example:
//   NormalizePhone("+33 (0)1 42 34 56 78", "FR")
//       -> {raw "+33 (0)1 42 34 56 78", e164 "+33142345678", kValid}
//   NormalizePhone("(212) 555-0123 x12", "US") -> {e164 "+12125550123", kValid}
//   NormalizePhone("n/a", "FR")                -> {e164 "", kInvalid}
#ifndef MDM_NORMALIZE_PHONE_NORMALIZER_H_
#define MDM_NORMALIZE_PHONE_NORMALIZER_H_

#include "absl/strings/string_view.h"
#include "mdm/record.h"

namespace mdm::normalize {

// NormalizePhone()
//
// Parses `raw` as a number of `default_country` (ISO 3166-1 alpha-2, any
// case; empty or unknown means only numbers written with their country code
// parse). Returns `raw` unchanged in `raw`; `e164` ("+" and up to 15 digits)
// when libphonenumber parses the text, empty otherwise; `validity` kValid when
// the number is valid, kInvalid when it is not or does not parse (empty and
// blank text included). The result is the one libphonenumber's Parse(),
// IsValidNumber() and Format(E164) give for `raw`, except for "poste"
// extensions. Thread-safe. Costs about 15 us of CPU a number in Release,
// nearly all in libphonenumber's ICU regexes (tools/bench/phone_bench.cc).
Phone NormalizePhone(absl::string_view raw, absl::string_view default_country);

}  // namespace mdm::normalize

#endif  // MDM_NORMALIZE_PHONE_NORMALIZER_H_
