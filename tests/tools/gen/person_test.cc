// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/person.h"

#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "mdm/normalize/identifier_validator.h"
#include "tools/gen/reference_data.h"
#include "tests/tools/gen/reference_data_fixture.h"

namespace mdm::gen {
namespace {

constexpr int kPeople = 3000;

const ReferenceData& Data() { return testing::SharedReferenceData(); }

std::vector<Person> MakePeople(uint64_t seed) {
  PersonFactory factory(Data(), seed);
  std::vector<Person> people;
  for (int index = 0; index < kPeople; ++index) {
    Random rng(StreamSeed(seed, index));
    people.push_back(factory.Make(index, rng));
  }
  return people;
}

TEST_CASE("PersonFactory: identifiers, e-mails and handles are unique", "[gen]") {
  std::set<std::string> ids, emails, handles;
  size_t id_count = 0, email_count = 0;
  for (const Person& person : MakePeople(5)) {
    for (const std::string* id : {&person.rpps, &person.adeli, &person.npi}) {
      if (id->empty()) continue;
      ids.insert(*id);
      ++id_count;
    }
    for (const std::string& email : person.emails) emails.insert(email);
    email_count += person.emails.size();
    handles.insert(person.handle);
  }
  CHECK(ids.size() == id_count);
  CHECK(emails.size() == email_count);
  CHECK(handles.size() == static_cast<size_t>(kPeople));
}

TEST_CASE("PersonFactory: identifiers validate and follow the profession", "[gen]") {
  for (const Person& person : MakePeople(6)) {
    CAPTURE(person.id);
    const Profession profession = person.specialty_info().profession;
    if (person.is_fr()) {
      CHECK(person.npi.empty());
      CHECK(person.rpps.empty() == (profession == Profession::kNurse));
      if (!person.rpps.empty()) {
        CHECK(normalize::ValidateIdentifier("rpps", person.rpps) == Validity::kValid);
      }
      if (!person.adeli.empty()) {
        CHECK(profession == Profession::kNurse);
        CHECK(normalize::ValidateIdentifier("adeli", person.adeli) == Validity::kValid);
        CHECK(absl::StartsWith(person.adeli, person.practice.postcode.substr(0, 2)));
      }
    } else {
      CHECK((person.rpps.empty() && person.adeli.empty()));
      if (profession != Profession::kNurse) CHECK_FALSE(person.npi.empty());
      if (!person.npi.empty()) {
        CHECK(normalize::ValidateIdentifier("npi", person.npi) == Validity::kValid);
      }
    }
  }
}

TEST_CASE("PersonFactory: phones and e-mails reach no one", "[gen]") {
  const std::vector<std::string> domains = {"@example.org", "@example.com",
                                            "@example.net", "@hopital-exemple.fr"};
  for (const Person& person : MakePeople(7)) {
    CAPTURE(person.id);
    for (const std::string* phone : {&person.practice.phone, &person.mobile}) {
      if (phone->empty()) continue;
      if (person.is_fr()) {
        CHECK((absl::StartsWith(*phone, "019900") || absl::StartsWith(*phone, "063998")));
        CHECK(phone->size() == 10);
      } else {
        CHECK(phone->substr(3, 5) == "55501");
        CHECK(phone->size() == 10);
      }
    }
    for (const std::string& email : person.emails) {
      bool reserved = false;
      for (const std::string& domain : domains) reserved |= absl::EndsWith(email, domain);
      CHECK(reserved);
    }
  }
}

TEST_CASE("PersonFactory: shares follow the model", "[gen]") {
  int french = 0, moved = 0, married = 0, women = 0;
  for (const Person& person : MakePeople(8)) {
    french += person.is_fr() ? 1 : 0;
    moved += person.previous.has_value() ? 1 : 0;
    women += person.sex == kFemale ? 1 : 0;
    married += person.maiden.empty() ? 0 : 1;
    if (!person.maiden.empty()) CHECK(person.sex == kFemale);
  }
  CHECK(french / static_cast<double>(kPeople) == Approx(0.75).margin(0.03));
  CHECK(moved / static_cast<double>(kPeople) == Approx(0.12).margin(0.02));
  // 35% of women take a spouse's name, less the spouses who share their name.
  CHECK(married / static_cast<double>(women) == Approx(0.34).margin(0.04));
}

}  // namespace
}  // namespace mdm::gen
