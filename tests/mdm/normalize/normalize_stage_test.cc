// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/normalize_stage.h"

#include <catch2/catch.hpp>

namespace mdm::normalize {
namespace {

using model::IssueReason;

SourceRecord Raw() {
  SourceRecord r;
  r.source = "crm";
  r.source_key = "K1";
  r.name.display = "Dr MARTIN Jean-Pierre";
  r.gender = "Homme";
  r.observed_at = "14/03/2026 10:30";
  r.birth_date = "1970-02-30";
  r.identifiers = {{"rpps", "1000 0000 009", Validity::kUnchecked},
                   {"rpps", "10000000009", Validity::kUnchecked},
                   {"npi", "1234567890", Validity::kUnchecked}};
  r.phones = {{"01 99 00 00 01", "", Validity::kUnchecked},
              {"+33 1 99 00 00 01", "", Validity::kUnchecked},
              {"12", "", Validity::kUnchecked}};
  r.emails = {{"JP.Martin@Example.ORG ", "", Validity::kUnchecked},
              {"jp.martin@", "", Validity::kUnchecked}};
  r.addresses = {{"12 bd Haussmann", "", "75009", "Paris 9e", "", "", "", Validity::kUnchecked}};
  r.specialties = {{"Cardiologue", ""}, {"cardiologie", ""}, {"Chamane", ""}};
  r.affiliations = {{"CHU de Lyon", "", ""}};
  r.language = "Français";
  return r;
}

std::vector<IssueReason> Reasons(const NormalizeOutcome& out) {
  std::vector<IssueReason> reasons;
  for (const auto& issue : out.issues) reasons.push_back(issue.reason);
  return reasons;
}

TEST_CASE("NormalizeRecord: every part of a record is normalized", "[normalize]") {
  NormalizeOutcome out = NormalizeRecord(Raw(), NormalizeContext{});
  const SourceRecord& r = out.record;
  CHECK_FALSE(out.rejected);
  CHECK(r.name.title == "Dr");
  CHECK(r.name.family_key == "martin");
  CHECK(r.name.given_key == "jean pierre");
  CHECK(r.gender == "M");
  CHECK(r.observed_at == "2026-03-14T10:30:00Z");
  CHECK(r.birth_date.empty());  // impossible date dropped with a warning
  CHECK(r.language == "fr");
  REQUIRE(r.identifiers.size() == 2);  // the two spellings of one RPPS merge
  CHECK(r.identifiers[0].validity == Validity::kValid);
  CHECK(r.identifiers[1].validity == Validity::kInvalid);
  REQUIRE(r.phones.size() == 2);  // two spellings of one number merge
  CHECK(r.phones[0].e164 == "+33199000001");
  CHECK(r.phones[1].validity == Validity::kInvalid);
  REQUIRE(r.emails.size() == 2);
  CHECK(r.emails[0].normalized == "jp.martin@example.org");
  CHECK(r.addresses[0].country == "FR");
  CHECK(r.addresses[0].city_key == "paris");
  REQUIRE(r.specialties.size() == 2);  // cardiologue and cardiologie: one code
  CHECK(r.specialties[0].code == "cardiology");
  CHECK(r.specialties[1].code.empty());
  CHECK(r.affiliations[0].name_key == "chu de lyon");
  CHECK(Reasons(out) == std::vector<IssueReason>{
                            IssueReason::kInvalidDate, IssueReason::kInvalidIdentifier,
                            IssueReason::kInvalidPhone, IssueReason::kInvalidEmail,
                            IssueReason::kUnknownSpecialty});
}

TEST_CASE("NormalizeRecord: issue details never quote personal values", "[normalize]") {
  NormalizeOutcome out = NormalizeRecord(Raw(), NormalizeContext{});
  REQUIRE_FALSE(out.issues.empty());
  for (const auto& issue : out.issues) {
    CAPTURE(issue.detail);
    CHECK(issue.source_key == "K1");
    for (const char* value : {"1234567890", "jp.martin", "12", "Chamane", "1970", "MARTIN"}) {
      CHECK(issue.detail.find(value) == std::string::npos);
    }
  }
}

struct RejectCase {
  std::string name;
  std::string family;
  std::vector<Identifier> identifiers;
  bool rejected;
};

TEST_CASE("NormalizeRecord: a family name or a national identifier is required", "[normalize]") {
  const RejectCase c = GENERATE(values<RejectCase>({
      {"family name only", "Durand", {}, false},
      {"invalid RPPS only", "", {{"rpps", "123", Validity::kUnchecked}}, false},
      {"CRM key only", "", {{"crm", "C1", Validity::kUnchecked}}, true},
      {"nothing", "", {}, true},
      {"title only", "Dr", {}, true},
  }));
  CAPTURE(c.name);
  SourceRecord r;
  r.source_key = "K";
  r.name.family_name = c.family;
  r.identifiers = c.identifiers;
  NormalizeOutcome out = NormalizeRecord(r, NormalizeContext{});
  CHECK(out.rejected == c.rejected);
  if (c.rejected) CHECK(out.issues.back().reason == IssueReason::kNoNameNoIdentifier);
}

TEST_CASE("NormalizeRecord: US sources read month-first dates", "[normalize]") {
  SourceRecord r;
  r.source_key = "K";
  r.name.family_name = "Smith";
  r.observed_at = "03/14/2026";
  r.gender = "unknown";
  NormalizeContext us;
  us.default_country = "US";
  NormalizeOutcome out = NormalizeRecord(r, us);
  CHECK(out.record.observed_at == "2026-03-14");
  CHECK(out.record.gender.empty());
  REQUIRE(out.issues.size() == 1);
  CHECK(out.issues[0].reason == IssueReason::kInvalidGender);
}

}  // namespace
}  // namespace mdm::normalize
