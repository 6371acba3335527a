// SPDX-License-Identifier: Apache-2.0
// The rep (CRM) source: one export per country, good but sometimes stale.
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "tools/gen/noise.h"
#include "tools/gen/sources.h"
#include "tools/gen/text.h"

namespace mdm::gen {
namespace {

constexpr double kStaleAddressShare = 0.5;  // of the rows of people who moved
constexpr double kSwappedNamesShare = 0.03;
constexpr double kUpperFamilyShare = 0.2;
constexpr double kUnaccentedGivenShare = 0.08;
constexpr double kBirthNameColumnShare = 0.5;
constexpr double kMissingEmailShare = 0.15;
constexpr double kMissingIdentifierShare = 0.08;
constexpr double kMobileListedShare = 0.5;
constexpr double kSecondEmailShare = 0.2;
constexpr double kUpperCityShare = 0.3;

std::string FrenchTitle(const Person& person, Random& rng) {
  const Profession profession = person.specialty_info().profession;
  const char* civil = person.sex == kFemale ? "Mme" : "M.";
  if (rng.Chance(0.1)) return "";
  if (profession == Profession::kPhysician) {
    if (person.kol && rng.Chance(0.3)) return "Pr";
    return rng.Chance(0.85) ? "Dr" : "Docteur";
  }
  if (profession == Profession::kPharmacist || profession == Profession::kDentist) {
    return rng.Chance(0.5) ? "Dr" : civil;
  }
  return civil;
}

std::string UsCredentials(const Person& person, Random& rng) {
  switch (person.specialty_info().profession) {
    case Profession::kPhysician: return rng.Chance(0.9) ? "MD" : "DO";
    case Profession::kPharmacist: return "PharmD";
    case Profession::kNurse: return rng.Chance(0.8) ? "RN" : "NP";
    case Profession::kMidwife: return "CNM";
    case Profession::kDentist: return rng.Chance(0.7) ? "DDS" : "DMD";
  }
  return "";
}

// Practice line, and the mobile now and then, in the rep's own format.
std::string RepPhones(const Person& person, const Place& place, Random& rng) {
  std::string phones = FormatPhone(place.phone, person.country, rng);
  if (!person.mobile.empty() && rng.Chance(kMobileListedShare)) {
    absl::StrAppend(&phones, "|", FormatPhone(person.mobile, person.country, rng));
  }
  return phones;
}

std::string RepEmail(const Person& person, Random& rng) {
  if (rng.Chance(kMissingEmailShare)) return "";
  std::string email = EmailVariant(person.emails[0], rng);
  if (person.emails.size() > 1 && rng.Chance(kSecondEmailShare)) {
    absl::StrAppend(&email, "|", person.emails[1]);
  }
  return email;
}

void SetNames(const Person& person, Random& rng, CsvRow* row) {
  std::string given = person.given;
  std::string family = person.family;
  if (person.is_fr() && rng.Chance(kUnaccentedGivenShare)) given = StripAccents(given);
  if (rng.Chance(kUpperFamilyShare)) family = UpperCase(family);
  if (rng.Chance(kSwappedNamesShare)) std::swap(given, family);
  row->Set("first_name", std::move(given));
  row->Set("last_name", std::move(family));
}

void SetFrenchFields(const Person& person, const Place& place, Random& rng, CsvRow* row) {
  row->Set("title", FrenchTitle(person, rng));
  if (!person.maiden.empty() && rng.Chance(kBirthNameColumnShare)) {
    row->Set("birth_name", person.maiden);
  }
  row->Set("specialty", SpecialtyLabel(person, rng));
  if (!rng.Chance(kMissingIdentifierShare)) {
    row->Set("rpps", person.rpps);
    row->Set("adeli", person.adeli);
  }
  row->Set("street", StreetLine(place, person.country, rng.Chance(0.4)));
  row->Set("city", rng.Chance(kUpperCityShare) ? UpperCase(place.city) : place.city);
  row->Set("country", rng.Chance(0.7) ? "FR" : "France");
  row->Set("workplace", place.affiliation);
}

void SetUsFields(const Person& person, const Place& place, Random& rng, CsvRow* row) {
  row->Set("credentials", UsCredentials(person, rng));
  row->Set("middle_name", rng.Chance(0.5) ? person.middle : FirstLetter(person.middle));
  row->Set("specialty", SpecialtyLabel(person, rng));
  if (!rng.Chance(kMissingIdentifierShare)) row->Set("npi", person.npi);
  row->Set("street", StreetLine(place, person.country, rng.Chance(0.7)));
  row->Set("suite", place.street2);
  row->Set("city", place.city);
  row->Set("state", place.state);
  row->Set("country", rng.Chance(0.7) ? "US" : "USA");
  row->Set("organization", place.affiliation);
}

}  // namespace

SourceIndex RepSource(const Person& person) {
  return person.is_fr() ? kCrmFr : kCrmUs;
}

CsvRow RepRow(const Person& person, Random& rng, const std::string& key) {
  CsvRow row(SourceSpecs()[RepSource(person)]);
  const bool stale = person.previous.has_value() && rng.Chance(kStaleAddressShare);
  const Place& place = stale ? *person.previous : person.practice;
  row.Set("crm_id", key);
  SetNames(person, rng, &row);
  if (person.is_fr()) {
    SetFrenchFields(person, place, rng, &row);
  } else {
    SetUsFields(person, place, rng, &row);
  }
  row.Set("phones", RepPhones(person, place, rng));
  row.Set("email", RepEmail(person, rng));
  row.Set("zip", place.postcode);
  // A stale row was last touched before the move, so it looks older.
  row.Set("updated_at", DrawDate(rng, !stale));
  row.Set("territory", absl::StrCat(person.is_fr() ? "T-FR-" : "T-US-",
                                    rng.Between(1, 40)));
  return row;
}

}  // namespace mdm::gen
