// SPDX-License-Identifier: Apache-2.0
// File: mdm/record.h
//
// The canonical HCP source record: what every reader produces once a source's
// columns are mapped, and what normalization completes with matching keys and
// validity flags. Plain data, copyable, no behaviour beyond small helpers.
//
// Every string is UTF-8. A field that has a display form and a key keeps both:
// the display form as the source spelled it (accents, case), the key folded
// for matching (lower case, accents removed, punctuation collapsed). Keys are
// empty until normalization fills them.
//
// Example:
//   mdm::SourceRecord r;
//   r.source = "crm_fr";
//   r.source_key = "A-1042";
//   r.name.display = "Dr MARTIN Jean-Pierre";
//   // after normalization: name.title == "Dr", name.family_name == "MARTIN",
//   // name.given_names == "Jean-Pierre", name.family_key == "martin".
#ifndef MDM_RECORD_H_
#define MDM_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace mdm {

// Where a source's records come from. Do not renumber: stored in schemas/sql.
enum class SourceType : int {
  kRep = 0,      // sales-rep CRM exports
  kMsl = 1,      // medical science liaison KOL profiles
  kMedinfo = 2,  // medical-information inquiries
  kSocial = 3,   // social listening
};

// "rep", "msl", "medinfo", "social".
absl::string_view SourceTypeName(SourceType type);
// Inverse of SourceTypeName(); nullopt for any other text.
std::optional<SourceType> ParseSourceType(absl::string_view name);

// Outcome of a syntax or check-digit test. Do not renumber: stored.
enum class Validity : int {
  kUnchecked = 0,  // no rule exists for this value (e.g. a CRM key)
  kValid = 1,
  kInvalid = 2,
};
absl::string_view ValidityName(Validity validity);

struct PersonName {
  std::string display;      // the full name as received, trimmed
  std::string title;        // titles and credentials: "Dr", "Pr MD"
  std::string given_names;  // display form, accents kept: "Jean-Pierre"
  std::string family_name;  // display form with particles: "de La Fontaine"
  std::string maiden_name;  // birth name when the source gives one
  std::string suffix;       // generational suffix: "Jr", "III"
  std::string given_key;    // folded: "jean pierre"
  std::string family_key;   // folded, particles kept: "de la fontaine"
  std::string maiden_key;   // folded
};

// A national or source identifier. Schemes: "npi", "rpps", "adeli", "gmc",
// "lanr", and "crm" for a source system's own customer key.
struct Identifier {
  std::string scheme;
  std::string value;  // digits/characters only, separators removed
  Validity validity = Validity::kUnchecked;
};

struct Address {
  std::string street;    // display form: "12 bd Haussmann"
  std::string street2;   // building, floor, department
  std::string postcode;  // per-country canonical form: "75009", "10001", "SW1A 1AA"
  std::string city;      // display form
  std::string country;   // ISO 3166-1 alpha-2, upper case
  std::string street_key;  // folded, abbreviations expanded: "12 boulevard haussmann"
  std::string city_key;    // folded: "paris"
  Validity postcode_validity = Validity::kUnchecked;
};

struct Phone {
  std::string raw;   // as received
  std::string e164{};  // "+33142345678"; empty when it cannot be parsed
  Validity validity = Validity::kUnchecked;
};

struct Email {
  std::string raw;         // as received
  std::string normalized{};  // trimmed, lower case
  Validity validity = Validity::kUnchecked;
};

struct Specialty {
  std::string raw;   // as received: "Cardiologue", "Cardiovascular Disease"
  std::string code;  // canonical code from schemas/specialties.csv, empty if unknown
};

struct Affiliation {
  std::string name;      // display form: "CHU de Lyon"
  std::string org_id;    // the organisation's identifier when given
  std::string name_key;  // folded
};

// A consent or objection given for one channel ("email", "phone", "visit").
struct Consent {
  std::string channel;
  std::string purpose;  // empty = any purpose
  bool granted = false;
  std::string observed_at;  // ISO-8601; empty = the record's observed_at
};

struct SourceRecord {
  // Source metadata.
  std::string source;  // the source's name in the config
  SourceType source_type = SourceType::kRep;
  std::string source_key;   // the record's key in its source system
  std::string observed_at;  // ISO-8601 UTC, empty when unknown
  std::string lawful_basis;  // GDPR Art. 6 basis configured for the source
  bool deleted = false;      // a delete marker for source_key

  // Person.
  PersonName name;
  std::string gender;      // "F", "M", "X" or empty
  std::string birth_date;  // YYYY-MM-DD, YYYY-MM or YYYY; empty when unknown
  std::string language;    // ISO 639-1, lower case
  std::vector<Specialty> specialties;
  std::vector<Identifier> identifiers;
  std::vector<Address> addresses;
  std::vector<Phone> phones;
  std::vector<Email> emails;
  std::vector<std::string> social_handles;  // "@handle" or profile URL, as given
  std::vector<Affiliation> affiliations;
  std::vector<Consent> consents;
};

}  // namespace mdm

#endif  // MDM_RECORD_H_
