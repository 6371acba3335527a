// SPDX-License-Identifier: Apache-2.0
// The msl source: KOL profiles kept by medical science liaisons. Clean, but
// a profile often carries the name a KOL publishes under (the birth name)
// and only the institution's city as address.
#include <string>

#include "tools/gen/noise.h"
#include "tools/gen/sources.h"

namespace mdm::gen {
namespace {

constexpr double kPublicationNameShare = 0.5;
constexpr double kMiddleNameShare = 0.5;
constexpr double kPhdShare = 0.4;
constexpr double kInstitutionCityShare = 0.7;
constexpr double kPersonalEmailShare = 0.5;
constexpr double kFrenchLabelShare = 0.3;
constexpr double kIdentifierShare = 0.85;

nlohmann::ordered_json MslName(const Person& person, Random& rng) {
  nlohmann::ordered_json name;
  name["first"] = person.given;
  if (!person.middle.empty() && rng.Chance(kMiddleNameShare)) {
    name["middle"] = person.middle;
  }
  name["last"] = ShownFamilyName(person, kPublicationNameShare, rng);
  return name;
}

nlohmann::ordered_json MslEmails(const Person& person, Random& rng) {
  nlohmann::ordered_json emails = nlohmann::ordered_json::array();
  emails.push_back(person.emails[0]);
  if (person.emails.size() > 1 && rng.Chance(kPersonalEmailShare)) {
    emails.push_back(person.emails[1]);
  }
  return emails;
}

nlohmann::ordered_json MslSpecialties(const Person& person, Random& rng) {
  const SpecialtyInfo& specialty = person.specialty_info();
  nlohmann::ordered_json labels = nlohmann::ordered_json::array();
  labels.push_back(specialty.en_labels[0]);
  if (person.is_fr() && rng.Chance(kFrenchLabelShare)) {
    labels.push_back(specialty.fr_labels[0]);
  }
  return labels;
}

}  // namespace

nlohmann::ordered_json MslProfile(const Person& person, Random& rng,
                                  const std::string& key) {
  nlohmann::ordered_json profile;
  profile["profile_id"] = key;
  profile["name"] = MslName(person, rng);
  nlohmann::ordered_json degrees = nlohmann::ordered_json::array({"MD"});
  if (rng.Chance(kPhdShare)) degrees.push_back("PhD");
  profile["degrees"] = degrees;
  nlohmann::ordered_json institution;
  institution["name"] = person.practice.affiliation;
  if (rng.Chance(kInstitutionCityShare)) institution["city"] = person.practice.city;
  profile["institution"] = institution;
  profile["country"] = person.is_fr() ? "FR" : "US";
  profile["emails"] = MslEmails(person, rng);
  profile["specialties"] = MslSpecialties(person, rng);
  const std::string& id = person.is_fr() ? person.rpps : person.npi;
  if (!id.empty() && rng.Chance(kIdentifierShare)) {
    profile[person.is_fr() ? "rpps" : "npi"] = id;
  }
  profile["last_updated"] = DrawInstant(rng, true);
  return profile;
}

}  // namespace mdm::gen
