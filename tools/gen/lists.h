// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/lists.h
//
// The generator's built-in reference lists, the ones no dataset in
// shared/datasets provides: family names with frequency weights (France, US),
// French diminutives, large French cities, US cities with real ZIP codes,
// street and organisation name parts, and the specialty catalog with its
// French and English spellings. Everything here is a common noun, a common
// surname or a place; no list names a real person.
//
// Example:
//   for (const WeightedName& n : FrenchFamilyNames()) table.Add(n.weight);
//   const SpecialtyInfo& s = Specialties()[index];
//   // s.fr_labels[0] == "Cardiologie", s.en_labels[0] == "Cardiology"
#ifndef MDM_TOOLS_GEN_LISTS_H_
#define MDM_TOOLS_GEN_LISTS_H_

#include <cstdint>

#include "absl/types/span.h"

namespace mdm::gen {

// A name and its relative frequency (bearers in thousands, approximate).
struct WeightedName {
  const char* name;
  uint32_t weight;
};

absl::Span<const WeightedName> FrenchFamilyNames();
absl::Span<const WeightedName> UsFamilyNames();

// French given name -> familiar short form ("Frédéric" -> "Fred").
struct Diminutive {
  const char* given;
  const char* short_form;
};
absl::Span<const Diminutive> FrenchDiminutives();

// A French city with a university hospital. `routing_label` is the city as
// La Poste's table spells it, `department` the postcode prefix that tells it
// apart from homonyms; `weight` is the population in thousands.
struct FrenchCity {
  const char* display;
  const char* routing_label;
  const char* department;
  uint32_t weight;
};
absl::Span<const FrenchCity> FrenchCities();

// A US city: `zips` is a space-separated list of real ZIP codes of the city,
// `area_code` its main telephone area code, `weight` the population in
// thousands.
struct UsCity {
  const char* city;
  const char* state;
  const char* zips;
  const char* area_code;
  uint32_t weight;
};
absl::Span<const UsCity> UsCities();

// Street name parts. French streets are "<number> <type> <name>", US ones
// "<number> <name> <type>". Each type carries its long and short spelling.
struct StreetType {
  const char* long_form;
  const char* short_form;
};
absl::Span<const StreetType> FrenchStreetTypes();
absl::Span<const char* const> FrenchStreetNames();
absl::Span<const StreetType> UsStreetTypes();
absl::Span<const char* const> UsStreetNames();

// Organisation name parts: clinic names, saints of US hospitals, fictional
// product names for medical-information inquiries.
absl::Span<const char* const> FrenchClinicNames();
absl::Span<const char* const> UsHospitalNames();
absl::Span<const char* const> ProductNames();

enum class Profession { kPhysician, kPharmacist, kNurse, kMidwife, kDentist };

// One specialty: its spellings (the first of each list is the usual one) and
// how often it is drawn per country (weights per thousand HCPs).
struct SpecialtyInfo {
  const char* code;
  Profession profession;
  absl::Span<const char* const> fr_labels;
  absl::Span<const char* const> en_labels;
  uint32_t fr_weight;
  uint32_t us_weight;
};
absl::Span<const SpecialtyInfo> Specialties();

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_LISTS_H_
