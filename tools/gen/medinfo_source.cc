// SPDX-License-Identifier: Apache-2.0
// The medinfo source: medical-information inquiries typed by call-centre
// agents. The whole name sits in one column, in whatever order the agent
// typed it, with typos, nicknames and accents dropped; the address is often
// just a city.
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "tools/gen/lists.h"
#include "tools/gen/noise.h"
#include "tools/gen/sources.h"
#include "tools/gen/text.h"

namespace mdm::gen {
namespace {

constexpr double kNicknameShare = 0.15;
constexpr double kBirthNameShare = 0.2;
constexpr double kFamilyTypoShare = 0.12;
constexpr double kGivenTypoShare = 0.08;
constexpr double kSwappedNamesShare = 0.03;
constexpr double kAccentsDroppedShare = 0.4;
constexpr double kCallerTypeShare = 0.8;
constexpr double kPhoneShare = 0.6;
constexpr double kMobileShare = 0.4;
constexpr double kEmailShare = 0.5;
constexpr double kEmailTypoShare = 0.05;
constexpr double kOldAddressShare = 0.3;
constexpr double kUpperCityShare = 0.4;
constexpr double kMultiLineShare = 0.1;

constexpr const char* kFrenchQuestions[] = {
    "Posologie de {p} chez l'insuffisant rénal ?",
    "Interaction entre {p} et les AVK ?",
    "Conservation de {p} hors du réfrigérateur",
    "Effet indésirable signalé sous {p} : éruption cutanée",
    "Disponibilité de {p} en pharmacie hospitalière",
};
constexpr const char* kEnglishQuestions[] = {
    "Dosing of {p} in renal impairment?",
    "Drug interaction between {p} and warfarin?",
    "Storage of {p} outside the fridge",
    "Adverse event reported on {p}: skin rash",
    "Availability of {p} in hospital pharmacies",
};

// The name as an agent types it: "DR MARTIN Jean", "Martin, Jean", "jean martin" ...
std::string CallerName(const Person& person, const ReferenceData& data, Random& rng) {
  std::string given =
      rng.Chance(kNicknameShare) ? GivenNameVariant(person, data, rng) : person.given;
  std::string family = ShownFamilyName(person, kBirthNameShare, rng);
  if (rng.Chance(kFamilyTypoShare)) family = Typo(family, rng);
  if (rng.Chance(kGivenTypoShare)) given = Typo(given, rng);
  if (rng.Chance(kSwappedNamesShare)) std::swap(given, family);
  if (rng.Chance(kAccentsDroppedShare)) {
    given = StripAccents(given);
    family = StripAccents(family);
  }
  const bool physician = person.specialty_info().profession == Profession::kPhysician;
  const char* dr = person.is_fr() ? "Dr" : "Dr.";
  switch (rng.Between(0, 6)) {
    case 0:
      return physician ? absl::StrCat(UpperCase(dr), " ", UpperCase(family), " ", given)
                       : absl::StrCat(UpperCase(family), " ", given);
    case 1: return absl::StrCat(family, ", ", given);
    case 2: return LowerCase(absl::StrCat(given, " ", family));
    case 3: return absl::StrCat(given, " ", family);
    case 4: return absl::StrCat(UpperCase(family), " ", given);
    case 5: return absl::StrCat(physician ? absl::StrCat(dr, " ") : "", given, " ", family);
    default: return absl::StrCat(FirstLetter(given), ". ", family);
  }
}

std::string CallerEmail(const Person& person, Random& rng) {
  std::string email = EmailVariant(rng.Pick<std::string>(person.emails), rng);
  if (!rng.Chance(kEmailTypoShare)) return email;
  const size_t at = email.find('@');
  return absl::StrCat(Typo(email.substr(0, at), rng), email.substr(at));
}

void SetAddress(const Person& person, Random& rng, CsvRow* row) {
  const Place& place = person.previous.has_value() && rng.Chance(kOldAddressShare)
                           ? *person.previous
                           : person.practice;
  const int mode = rng.Between(0, 9);  // 0-3 city only, 4-7 city and postcode
  if (mode < 8) {
    row->Set("city", rng.Chance(kUpperCityShare) ? UpperCase(place.city) : place.city);
  }
  if (mode >= 4 && mode < 8) row->Set("postcode", place.postcode);
  const int country = rng.Between(0, 2);
  if (country < 2) {
    row->Set("country", person.is_fr() ? (country == 0 ? "FR" : "France")
                                       : (country == 0 ? "US" : "USA"));
  }
}

std::string Question(const Person& person, const std::string& product, Random& rng) {
  const char* pattern = person.is_fr() ? rng.Pick<const char*>(kFrenchQuestions)
                                       : rng.Pick<const char*>(kEnglishQuestions);
  std::string question = absl::StrReplaceAll(pattern, {{"{p}", product}});
  if (!rng.Chance(kMultiLineShare)) return question;
  // Agents paste multi-line notes; quotes inside force RFC 4180 quoting.
  return person.is_fr()
             ? absl::StrCat("Bonjour,\r\n", question, "\r\nPatient \"fragile\" selon l'appelant.")
             : absl::StrCat("Hello,\r\n", question, "\r\nCaller says the patient is \"stable\".");
}

}  // namespace

CsvRow MedinfoRow(const Person& person, const ReferenceData& data, Random& rng,
                  const std::string& key) {
  CsvRow row(SourceSpecs()[kMedinfo]);
  row.Set("inquiry_id", key);
  row.Set("received_at", DrawInstant(rng, false));
  row.Set("caller_name", CallerName(person, data, rng));
  if (rng.Chance(kCallerTypeShare)) {
    row.Set("caller_type", SpecialtyLabel(person, rng));
  }
  if (rng.Chance(kPhoneShare)) {
    const bool mobile = !person.mobile.empty() && rng.Chance(kMobileShare);
    row.Set("phone", FormatPhone(mobile ? person.mobile : person.practice.phone,
                                 person.country, rng));
  }
  if (rng.Chance(kEmailShare)) row.Set("email", CallerEmail(person, rng));
  SetAddress(person, rng, &row);
  const std::string product = rng.Pick(ProductNames());
  row.Set("product", product);
  row.Set("question", Question(person, product, rng));
  return row;
}

}  // namespace mdm::gen
