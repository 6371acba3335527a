// SPDX-License-Identifier: Apache-2.0
// The social source: public mentions found by social listening. A display
// name in many forms, a handle, a bio, sometimes a city and a specialty
// inferred from the bio (now and then wrongly); never an identifier.
#include <string>

#include "absl/strings/str_cat.h"
#include "tools/gen/lists.h"
#include "tools/gen/noise.h"
#include "tools/gen/sources.h"
#include "tools/gen/text.h"

namespace mdm::gen {
namespace {

constexpr double kBirthNameShare = 0.3;
constexpr double kTypoShare = 0.03;
constexpr double kCityShare = 0.5;
constexpr double kSpecialtyShare = 0.6;
constexpr double kWrongSpecialtyShare = 0.1;

std::string DisplayName(const Person& person, const ReferenceData& data, Random& rng) {
  std::string family = ShownFamilyName(person, kBirthNameShare, rng);
  if (rng.Chance(kTypoShare)) family = Typo(family, rng);
  const bool physician = person.specialty_info().profession == Profession::kPhysician;
  switch (rng.Between(0, 4)) {
    case 0:
      return physician ? absl::StrCat(person.is_fr() ? "Dr " : "Dr. ", person.given,
                                      " ", family)
                       : absl::StrCat(person.given, " ", family);
    case 1:
      return absl::StrCat(person.given, " ", FirstLetter(family), ".");
    case 2:
      return absl::StrCat(GivenNameVariant(person, data, rng), " ", family);
    case 3:
      return physician && !person.is_fr()
                 ? absl::StrCat(person.given, " ", family, ", MD")
                 : absl::StrCat(person.given, " ", family);
    default:
      return absl::StrCat(person.given, " ", family);
  }
}

std::string Bio(const Person& person, const std::string& label, Random& rng) {
  const Place& place = person.practice;
  if (person.is_fr()) {
    switch (rng.Between(0, 2)) {
      case 0: return absl::StrCat(label, " à ", place.city, ". Avis personnels.");
      case 1: return absl::StrCat(label, " | ", place.affiliation);
      default: return absl::StrCat("Soigner, transmettre. ", label, ". #santé");
    }
  }
  switch (rng.Between(0, 2)) {
    case 0: return absl::StrCat(label, " in ", place.city, ". Views my own.");
    case 1: return absl::StrCat(label, " at ", place.affiliation, ". Not medical advice.");
    default: return absl::StrCat("Caring for patients. ", label, ". #healthcare");
  }
}

std::string InferredSpecialty(const Person& person, Random& rng) {
  const SpecialtyInfo& specialty =
      rng.Chance(kWrongSpecialtyShare) ? rng.Pick(Specialties()) : person.specialty_info();
  return person.is_fr() ? specialty.fr_labels[0] : specialty.en_labels[0];
}

}  // namespace

nlohmann::ordered_json SocialMention(const Person& person, const ReferenceData& data,
                                     Random& rng, const std::string& key) {
  const std::string label = SpecialtyLabel(person, rng);
  nlohmann::ordered_json mention;
  mention["mention_id"] = key;
  mention["display_name"] = DisplayName(person, data, rng);
  mention["handle"] = person.handle;
  mention["bio"] = Bio(person, label, rng);
  if (rng.Chance(kCityShare)) mention["city"] = person.practice.city;
  if (rng.Chance(kSpecialtyShare)) mention["inferred_specialty"] = InferredSpecialty(person, rng);
  mention["lang"] = person.is_fr() ? "fr" : "en";
  mention["posted_at"] = DrawInstant(rng, true);
  return mention;
}

}  // namespace mdm::gen
