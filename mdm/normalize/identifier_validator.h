// SPDX-License-Identifier: Apache-2.0
// File: mdm/normalize/identifier_validator.h
//
// Check-digit and format validation of HCP identifiers. Normalization keeps a
// record whose identifier fails its check and marks the identifier invalid;
// matching treats only valid identifiers as strong evidence.
//
// | scheme | format                         | check                               |
// |--------|--------------------------------|-------------------------------------|
// | npi    | 10 digits (US)                 | Luhn over "80840" + the 10 digits   |
// | rpps   | 11 digits (FR)                 | Luhn over the 11 digits             |
// | adeli  | 9 digits (FR)                  | Luhn over the 9 digits              |
// | gmc    | 7 digits (UK)                  | format only (GMC publishes no key)  |
// | lanr   | 9 digits (DE)                  | digit 7 = (10 - (4,9,4,9,4,9 . d1..d6) mod 10) mod 10 |
// | crm    | any non-empty text             | none (Validity::kUnchecked)         |
// | other  | any non-empty text             | none (Validity::kUnchecked)         |
//
// Inputs are cleaned first: spaces, dots, dashes and slashes removed, letters
// upper-cased. French national ids prefixed with their type ("8" + RPPS,
// "0" + ADELI) and NPIs given with the "80840" card-issuer prefix lose the
// prefix.
//
// Example:
//   NormalizeIdentifier("npi", "123 456 7893")  -> {npi, "1234567893", kValid}
//   NormalizeIdentifier("lanr", "999999900")    -> {lanr, "999999900", kValid}
#ifndef MDM_NORMALIZE_IDENTIFIER_VALIDATOR_H_
#define MDM_NORMALIZE_IDENTIFIER_VALIDATOR_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "mdm/record.h"

namespace mdm::normalize {

// True for npi, rpps, adeli, gmc, lanr, crm and other.
bool IsKnownScheme(absl::string_view scheme);

// Removes separators (space, '.', '-', '/') and upper-cases ASCII letters.
std::string CleanIdentifier(absl::string_view raw);

// Validates an already cleaned value of `scheme` (see the table above).
// kUnchecked for crm and unknown schemes.
Validity ValidateIdentifier(absl::string_view scheme, absl::string_view cleaned);

// Cleans, strips national prefixes, and validates `raw`.
Identifier NormalizeIdentifier(absl::string_view scheme, absl::string_view raw);

// CompleteIdentifier()
//
// Builds a valid identifier from its payload by inserting the check digit:
// npi 9 digits, rpps 10, adeli 8, lanr 8 (6-digit doctor number followed by
// the 2-digit specialty group; the check digit goes in between), gmc 7 (no
// check digit, returned as is). nullopt when `payload` has the wrong length
// or a non-digit. Used by the synthetic data generator and tests.
std::optional<std::string> CompleteIdentifier(absl::string_view scheme,
                                              absl::string_view payload);

// LuhnCheckDigit()
//
// The Luhn (ISO/IEC 7812-1) check digit that makes `digits` + digit valid.
// REQUIRES: `digits` holds only ASCII digits.
int LuhnCheckDigit(absl::string_view digits);

}  // namespace mdm::normalize

#endif  // MDM_NORMALIZE_IDENTIFIER_VALIDATOR_H_
