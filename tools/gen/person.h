// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/person.h
//
// The true HCPs behind the generated records. A Person holds the facts every
// source copies with its own noise: names (with a birth name for some married
// women), specialty, national identifier with a correct check digit, practice
// place (and, for some, the place they moved from), phones, e-mails and a
// social handle. About three quarters are French, the rest American.
//
// Phones use the ranges reserved for fiction (France 01 99 00 xx xx and
// 06 39 98 xx xx, US 555-01xx), e-mails reserved example domains, so no
// generated contact can reach anyone. Identifiers and e-mails are unique.
//
// Example:
//   PersonFactory factory(reference_data, /*seed=*/42);
//   Random rng(StreamSeed(42, 0));
//   Person p = factory.Make(0, rng);
//   // p.id == "P0000001", p.rpps == "10...", ValidateIdentifier("rpps", p.rpps) == kValid
#ifndef MDM_TOOLS_GEN_PERSON_H_
#define MDM_TOOLS_GEN_PERSON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "tools/gen/lists.h"
#include "tools/gen/random.h"
#include "tools/gen/reference_data.h"

namespace mdm::gen {

enum class Country { kFr, kUs };

// Where someone practises.
struct Place {
  int street_number = 0;
  int street_type = 0;      // index into FrenchStreetTypes() / UsStreetTypes()
  std::string street_name;  // "Victor Hugo", "Main"
  std::string street2;      // "Suite 200", often empty
  std::string postcode;
  std::string city;
  std::string state;        // US only
  std::string phone;        // national digits: "0199001234", "2125550123"
  std::string affiliation;  // "CHU de Lyon", "Boston Medical Center"
  bool big_city = false;
};

struct Person {
  std::string id;  // "P0000001"
  Country country = Country::kFr;
  int sex = kMale;
  std::string given;
  std::string middle;  // US only, often empty
  std::string family;  // name in use
  std::string maiden;  // birth name when it differs, else empty
  size_t specialty = 0;  // index into Specialties()
  bool kol = false;      // key opinion leader: has an MSL profile
  std::string rpps;      // FR, 11 digits
  std::string adeli;     // FR nurses, 9 digits
  std::string npi;       // US, 10 digits
  Place practice;
  std::optional<Place> previous;  // the practice before a move
  std::string mobile;             // national digits, may be empty
  std::vector<std::string> emails;  // professional first
  std::string handle;               // social handle: "@drjmartin"

  const SpecialtyInfo& specialty_info() const { return Specialties()[specialty]; }
  bool is_fr() const { return country == Country::kFr; }
};

// "12 rue Victor Hugo" (long form) or "12 r. Victor Hugo" (short form);
// "300 Main Street" / "300 Main St" for the US.
std::string StreetLine(const Place& place, Country country, bool short_form);

// Makes people one after another. Keeps the state that makes identifiers,
// e-mails and handles unique, so Make() must be called in index order for a
// given output to be reproducible. Not thread-safe.
class PersonFactory {
 public:
  PersonFactory(const ReferenceData& data, uint64_t seed);

  // The person number `index` (0-based), drawn from `rng`.
  Person Make(int64_t index, Random& rng);

 private:
  void DrawNames(Random& rng, Person* person) const;
  Place DrawPlace(Random& rng, const Person& person) const;
  void AssignIdentifiers(int64_t index, Random& rng, Person* person);
  void DrawContacts(Random& rng, Person* person);
  // `candidate`, or it with a number inserted, unused so far; marks it used.
  std::string Unique(std::string candidate, absl::string_view suffix_before);

  const ReferenceData& data_;
  uint64_t seed_;
  WeightedIndex fr_specialty_weights_;
  WeightedIndex us_specialty_weights_;
  absl::flat_hash_map<std::string, int64_t> adeli_per_department_;
  absl::flat_hash_set<std::string> used_;  // e-mails and "@handles"
  absl::flat_hash_map<std::string, int> next_suffix_;
};

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_PERSON_H_
