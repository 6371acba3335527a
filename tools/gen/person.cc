// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/person.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "mdm/normalize/identifier_validator.h"
#include "tools/gen/text.h"

namespace mdm::gen {
namespace {

constexpr double kFrenchShare = 0.75;
constexpr double kBigCityShare = 0.55;     // FR practices in a large city
constexpr double kKolShare = 0.30;         // of physicians
constexpr double kMovedShare = 0.12;       // practice moved since first listed
constexpr double kMarriedNameShare = 0.35; // of women, use a spouse's name
constexpr double kUsMiddleNameShare = 0.5;
constexpr double kMobileShare = 0.6;
constexpr double kPersonalEmailShare = 0.3;
constexpr double kFrNurseAdeliShare = 0.5;
constexpr double kUsNurseNpiShare = 0.7;
constexpr uint64_t kAdeliSerials = 100000;

// Share of women per profession (physicians 50%, nurses 87% ...).
double FemaleShare(Profession profession) {
  switch (profession) {
    case Profession::kNurse: return 0.87;
    case Profession::kMidwife: return 0.97;
    case Profession::kPharmacist: return 0.68;
    default: return 0.5;
  }
}

std::string Digits(Random& rng, int count) {
  std::string out;
  for (int digit_idx = 0; digit_idx < count; ++digit_idx) {
    out.push_back(static_cast<char>('0' + rng.Uniform(10)));
  }
  return out;
}

// A fictional-range number: 01 99 00 xx xx or 06 39 98 xx xx in France,
// <area> 555-01xx in the US.
std::string FictionalPhone(Random& rng, Country country, absl::string_view area,
                           bool mobile) {
  if (country == Country::kFr) {
    return absl::StrCat(mobile ? "063998" : "019900", Digits(rng, 4));
  }
  return absl::StrCat(area, "55501", Digits(rng, 2));
}

std::string UsAreaCode(const Place& place) {
  for (const UsCity& city : UsCities()) {
    if (place.city == city.city) return city.area_code;
  }
  return "555";
}

// "de Lyon", "du Havre", "des Sables-d'Olonne", "d'Amiens": French contracts
// "de" with a leading article and elides it before a vowel.
std::string OfCity(absl::string_view city) {
  if (absl::ConsumePrefix(&city, "Le ")) return absl::StrCat("du ", city);
  if (absl::ConsumePrefix(&city, "Les ")) return absl::StrCat("des ", city);
  const std::string first = StripAccents(FirstLetter(city));
  if (!first.empty() && absl::string_view("AEIOUY").find(first[0]) != absl::string_view::npos) {
    return absl::StrCat("d'", city);
  }
  return absl::StrCat("de ", city);
}

std::string DrawFrenchAffiliation(Random& rng, const Person& person, const Place& place) {
  const Profession profession = person.specialty_info().profession;
  if (profession == Profession::kPharmacist) {
    static constexpr const char* kPharmacies[] = {"du Centre", "de la Gare",
                                                  "des Halles", "du Marché"};
    return rng.Chance(0.3) ? absl::StrCat("Pharmacie ", person.family)
                           : absl::StrCat("Pharmacie ", rng.Pick<const char*>(kPharmacies));
  }
  if (profession == Profession::kDentist) {
    return absl::StrCat("Cabinet dentaire ", place.street_name);
  }
  const int kind = rng.Between(0, 9);
  if (place.big_city) {
    if (kind < 4) return absl::StrCat("CHU ", OfCity(place.city));
    if (kind < 7) return absl::StrCat("Clinique ", rng.Pick(FrenchClinicNames()));
    return absl::StrCat(profession == Profession::kNurse ? "Cabinet infirmier "
                                                          : "Cabinet médical ",
                        place.street_name);
  }
  if (kind < 2) return absl::StrCat("Centre hospitalier ", OfCity(place.city));
  if (kind < 5) return absl::StrCat("Maison de santé ", OfCity(place.city));
  return absl::StrCat(profession == Profession::kNurse ? "Cabinet infirmier "
                                                        : "Cabinet médical ",
                      OfCity(place.city));
}

std::string DrawUsAffiliation(Random& rng, const Person& person, const Place& place) {
  const SpecialtyInfo& specialty = person.specialty_info();
  if (specialty.profession == Profession::kPharmacist) {
    return rng.Chance(0.5) ? absl::StrCat(person.family, " Pharmacy")
                           : absl::StrCat(place.street_name, " Street Pharmacy");
  }
  if (specialty.profession == Profession::kDentist) {
    return absl::StrCat(person.family, " Dental");
  }
  const int kind = rng.Between(0, 9);
  if (kind < 3) return absl::StrCat(place.city, " General Hospital");
  if (kind < 5) return absl::StrCat(place.city, " Medical Center");
  if (kind < 8) return rng.Pick(UsHospitalNames());
  if (absl::string_view(specialty.code) == "general_practice") {
    return absl::StrCat(person.family, " Family Practice");
  }
  return absl::StrCat("University Hospital of ", place.city);
}

}  // namespace

std::string StreetLine(const Place& place, Country country, bool short_form) {
  if (country == Country::kFr) {
    const StreetType& type = FrenchStreetTypes()[place.street_type];
    return absl::StrCat(place.street_number, " ",
                        short_form ? type.short_form : type.long_form, " ",
                        place.street_name);
  }
  const StreetType& type = UsStreetTypes()[place.street_type];
  return absl::StrCat(place.street_number, " ", place.street_name, " ",
                      short_form ? type.short_form : type.long_form);
}

PersonFactory::PersonFactory(const ReferenceData& data, uint64_t seed)
    : data_(data), seed_(seed) {
  for (const SpecialtyInfo& specialty : Specialties()) {
    fr_specialty_weights_.Add(specialty.fr_weight);
    us_specialty_weights_.Add(specialty.us_weight);
  }
}

Person PersonFactory::Make(int64_t index, Random& rng) {
  Person person;
  person.id = absl::StrFormat("P%07d", index + 1);
  person.country = rng.Chance(kFrenchShare) ? Country::kFr : Country::kUs;
  person.specialty = (person.is_fr() ? fr_specialty_weights_ : us_specialty_weights_)
                         .Draw(rng);
  const Profession profession = person.specialty_info().profession;
  person.sex = rng.Chance(FemaleShare(profession)) ? kFemale : kMale;
  person.kol = profession == Profession::kPhysician && rng.Chance(kKolShare);
  DrawNames(rng, &person);
  person.practice = DrawPlace(rng, person);
  if (rng.Chance(kMovedShare)) person.previous = DrawPlace(rng, person);
  AssignIdentifiers(index, rng, &person);
  DrawContacts(rng, &person);
  return person;
}

void PersonFactory::DrawNames(Random& rng, Person* person) const {
  const NamePool& given = (person->is_fr() ? data_.fr_given : data_.us_given)[person->sex];
  const NamePool& family = person->is_fr() ? data_.fr_family : data_.us_family;
  person->given = given.Draw(rng);
  if (!person->is_fr() && rng.Chance(kUsMiddleNameShare)) {
    person->middle = given.Draw(rng);
  }
  person->family = family.Draw(rng);
  if (person->sex == kFemale && rng.Chance(kMarriedNameShare)) {
    std::string spouse_name = family.Draw(rng);
    if (spouse_name != person->family) {
      person->maiden = std::exchange(person->family, std::move(spouse_name));
    }
  }
}

Place PersonFactory::DrawPlace(Random& rng, const Person& person) const {
  Place place;
  if (person.is_fr()) {
    place.street_number = rng.Between(1, 150);
    place.street_type = static_cast<int>(rng.Uniform(FrenchStreetTypes().size()));
    place.street_name = rng.Pick(FrenchStreetNames());
    place.big_city = rng.Chance(kBigCityShare);
    if (place.big_city) {
      const size_t city_idx = data_.fr_city_weights.Draw(rng);
      place.city = FrenchCities()[city_idx].display;
      place.postcode = rng.Pick<std::string>(data_.fr_city_postcodes[city_idx]);
    } else {
      const Commune& commune = rng.Pick<Commune>(data_.fr_communes);
      place.city = commune.city;
      place.postcode = commune.postcode;
    }
  } else {
    const UsCity& city = UsCities()[data_.us_city_weights.Draw(rng)];
    place.street_number = rng.Between(10, 9999);
    place.street_type = static_cast<int>(rng.Uniform(UsStreetTypes().size()));
    place.street_name = rng.Pick(UsStreetNames());
    if (rng.Chance(0.3)) place.street2 = absl::StrCat("Suite ", rng.Between(1, 9) * 100);
    std::vector<absl::string_view> zips = absl::StrSplit(city.zips, ' ');
    place.postcode = std::string(rng.Pick<absl::string_view>(zips));
    place.city = city.city;
    place.state = city.state;
    place.big_city = true;
  }
  place.phone = FictionalPhone(rng, person.country, UsAreaCode(place), false);
  place.affiliation = person.is_fr() ? DrawFrenchAffiliation(rng, person, place)
                                     : DrawUsAffiliation(rng, person, place);
  return place;
}

void PersonFactory::AssignIdentifiers(int64_t index, Random& rng, Person* person) {
  const uint64_t serial = static_cast<uint64_t>(index);
  const Profession profession = person->specialty_info().profession;
  if (!person->is_fr()) {
    if (profession != Profession::kNurse || rng.Chance(kUsNurseNpiShare)) {
      person->npi = *normalize::CompleteIdentifier(
          "npi", absl::StrFormat("1%08d", Scatter(serial, 100000000, seed_)));
    }
    return;
  }
  if (profession != Profession::kNurse) {
    person->rpps = *normalize::CompleteIdentifier(
        "rpps", absl::StrFormat("10%08d", Scatter(serial, 100000000, seed_)));
    return;
  }
  if (!rng.Chance(kFrNurseAdeliShare)) return;
  // ADELI: department, profession digit, serial within the department.
  std::string department = person->practice.postcode.substr(0, 2);
  int64_t& count = adeli_per_department_[department];
  if (count >= static_cast<int64_t>(kAdeliSerials)) return;
  const uint64_t department_serial = Scatter(static_cast<uint64_t>(count++),
                                             kAdeliSerials, seed_);
  person->adeli = *normalize::CompleteIdentifier(
      "adeli", absl::StrFormat("%s6%05d", department, department_serial));
}

std::string PersonFactory::Unique(std::string candidate, absl::string_view suffix_before) {
  // Numbers 2, 3 ... go before `suffix_before` ("@domain"). The next number
  // to try is remembered per candidate, so common names cost O(1) each.
  if (used_.insert(candidate).second) return candidate;
  const size_t cut = suffix_before.empty()
                         ? candidate.size()
                         : absl::string_view(candidate).find(suffix_before);
  int& next = next_suffix_[candidate];
  if (next == 0) next = 2;
  std::string result;
  do {
    result = absl::StrCat(candidate.substr(0, cut), next++, candidate.substr(cut));
  } while (!used_.insert(result).second);
  return result;
}

void PersonFactory::DrawContacts(Random& rng, Person* person) {
  static constexpr const char* kFrDomains[] = {"hopital-exemple.fr", "example.org",
                                               "example.com", "example.net"};
  static constexpr const char* kUsDomains[] = {"example.org", "example.com",
                                               "example.net"};
  const std::string given = AsciiSlug(person->given);
  const std::string family = AsciiSlug(person->family);
  const std::string domain = person->is_fr() ? rng.Pick<const char*>(kFrDomains)
                                             : rng.Pick<const char*>(kUsDomains);
  int pattern = rng.Between(0, 3);
  if (pattern == 2 && person->specialty_info().profession != Profession::kPhysician) {
    pattern = 0;  // "dr." addresses belong to physicians
  }
  std::string local = pattern == 0   ? absl::StrCat(given, ".", family)
                      : pattern == 1 ? absl::StrCat(given.substr(0, 1), family)
                      : pattern == 2 ? absl::StrCat("dr.", family)
                                     : absl::StrCat(family, ".", given);
  const std::string at_domain = absl::StrCat("@", domain);
  person->emails.push_back(Unique(local + at_domain, at_domain));
  if (rng.Chance(kPersonalEmailShare)) {
    person->emails.push_back(Unique(
        absl::StrCat(given, family, rng.Between(10, 99), "@example.com"),
        "@example.com"));
  }
  if (rng.Chance(kMobileShare)) {
    person->mobile = FictionalPhone(rng, person->country,
                                    UsAreaCode(person->practice), true);
  }
  const bool physician = person->specialty_info().profession == Profession::kPhysician;
  const std::string handle = physician && rng.Chance(0.5)
                                 ? absl::StrCat("dr", given.substr(0, 1), family)
                                 : absl::StrCat(given, "_", family);
  person->handle = Unique(absl::StrCat("@", handle), "");
}

}  // namespace mdm::gen
