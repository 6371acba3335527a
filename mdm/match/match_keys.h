// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/match_keys.h
//
// The part of a normalized SourceRecord that matching reads: folded name
// keys, birth date, gender and the lists of contact points, places,
// specialties, affiliations, handles and identifiers, each as the key the
// normalizer built. Normalization extracts them once per record and the
// store keeps them beside the record as a compact binary value, so a run
// that matches a million records reads small blobs instead of parsing a
// million JSON documents (about 7 s with a JSON DOM, measured).
//
// Example:
//   MatchKeys keys = ExtractMatchKeys(record);
//   std::string blob = EncodeMatchKeys(keys);
//   absl::StatusOr<MatchKeys> back = DecodeMatchKeys(blob);  // == keys
#ifndef MDM_MATCH_MATCH_KEYS_H_
#define MDM_MATCH_MATCH_KEYS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "mdm/record.h"

namespace mdm::match {

struct IdentifierKey {
  std::string scheme;
  std::string value;
  bool valid = false;  // check digit verified (never true for crm/other)

  bool operator==(const IdentifierKey&) const = default;
};

struct AddressKey {
  std::string postcode;  // canonical
  std::string city;      // city_key
  std::string street;    // street_key

  bool operator==(const AddressKey&) const = default;
};

struct MatchKeys {
  std::string given;   // PersonName::given_key
  std::string family;  // PersonName::family_key
  std::string maiden;  // PersonName::maiden_key
  // Double Metaphone codes (primary, then alternate when it differs) of the
  // given and family keys, and Brouard's Phonex of the family key: computed
  // once here so that neither blocking nor scoring encodes names per pair.
  std::vector<std::string> given_sounds;
  std::vector<std::string> family_sounds;
  std::string family_phonex;
  std::string birth_date;
  std::string gender;
  std::vector<std::string> emails;        // normalized, non-empty
  std::vector<std::string> phones;        // E.164, parsed ones only
  std::vector<AddressKey> addresses;      // those with a postcode, city or street
  std::vector<std::string> specialties;   // code, or "~" + folded label when unknown
  std::vector<std::string> affiliations;  // name_key
  std::vector<std::string> handles;       // folded, without '@'
  std::vector<IdentifierKey> identifiers;

  bool operator==(const MatchKeys&) const = default;
};

// The key of a social handle: "@drjgarnier", "https://x.com/drjgarnier/" and
// "DrJGarnier" all give "drjgarnier" (FoldKey of the last path segment,
// without '@').
std::string SocialHandleKey(absl::string_view handle);

// The matching keys of a normalized record. Values that are empty are left
// out; list order follows the record.
MatchKeys ExtractMatchKeys(const SourceRecord& record);

// Compact binary form (format version 3: a version byte, then
// varint-length-prefixed strings in the order of the struct).
std::string EncodeMatchKeys(const MatchKeys& keys);

// True when `blob` was written by this version of EncodeMatchKeys() (its
// format byte matches); false for an empty or older value.
bool IsCurrentMatchKeys(absl::string_view blob);

// Decodes EncodeMatchKeys() output into `*keys` (reusing its capacity).
// FailedPrecondition when the value was written in another format version
// (extract the keys again from the record); DataLoss when the bytes are not
// such a value.
absl::Status DecodeMatchKeys(absl::string_view blob, MatchKeys* keys);

}  // namespace mdm::match

#endif  // MDM_MATCH_MATCH_KEYS_H_
