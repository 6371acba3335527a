// SPDX-License-Identifier: Apache-2.0
// The consent in force for a golden record (mdm/privacy/consent.h): the
// latest word wins, the officer's on equal dates, then a refusal.
#include "mdm/privacy/consent.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace mdm::privacy {
namespace {

SourceRecord Member(const std::string& key, const std::string& observed_at,
                    std::vector<Consent> consents) {
  SourceRecord r;
  r.source = "crm";
  r.source_key = key;
  r.observed_at = observed_at;
  r.consents = std::move(consents);
  return r;
}

store::ConsentChangeRow Officer(const std::string& channel, bool granted, const std::string& at,
                                const std::string& purpose = "") {
  store::ConsentChangeRow c;
  c.change_id = 1;
  c.golden_id = "G-1";
  c.channel = channel;
  c.purpose = purpose;
  c.granted = granted;
  c.at = at;
  c.actor = "dpo1";
  c.reason = "phone call";
  return c;
}

const EffectiveConsent* Find(const std::vector<EffectiveConsent>& all, const std::string& channel,
                             const std::string& purpose = "") {
  for (const EffectiveConsent& c : all) {
    if (c.channel == channel && c.purpose == purpose) return &c;
  }
  return nullptr;
}

TEST_CASE("privacy consent: the latest word by date wins, whoever gave it") {
  const std::vector<SourceRecord> members = {
      Member("C1", "2026-01-01", {{"email", "", true, "2026-03-01T00:00:00Z"}}),
      Member("C2", "2026-01-01", {{"email", "", false, "2026-02-01T00:00:00Z"}}),
  };
  std::vector<EffectiveConsent> out = EffectiveConsents(members, {});
  REQUIRE(out.size() == 1);
  CHECK(out[0].channel == "email");
  CHECK(out[0].granted);
  CHECK(out[0].origin == "crm:C1");
  CHECK(out[0].observed_at == "2026-03-01T00:00:00Z");

  // The same two in the other order.
  out = EffectiveConsents({members[1], members[0]}, {});
  REQUIRE(out.size() == 1);
  CHECK(out[0].origin == "crm:C1");

  // An older officer's word loses to a newer record.
  out = EffectiveConsents(members, {Officer("email", false, "2026-02-15T00:00:00Z")});
  REQUIRE(out.size() == 1);
  CHECK(out[0].granted);
  CHECK(out[0].origin == "crm:C1");

  // A newer officer's word wins.
  out = EffectiveConsents(members, {Officer("email", false, "2026-03-02T00:00:00Z")});
  REQUIRE(out.size() == 1);
  CHECK_FALSE(out[0].granted);
  CHECK(out[0].origin == "officer:dpo1");
  CHECK(out[0].observed_at == "2026-03-02T00:00:00Z");
}

TEST_CASE("privacy consent: on equal dates the officer wins, then a refusal") {
  const std::string t = "2026-03-01T00:00:00Z";
  SECTION("officer grants, record refuses, same instant: the officer") {
    const auto out = EffectiveConsents({Member("C1", "2026-01-01", {{"phone", "", false, t}})},
                                       {Officer("phone", true, t)});
    REQUIRE(out.size() == 1);
    CHECK(out[0].granted);
    CHECK(out[0].origin == "officer:dpo1");
  }
  SECTION("two records, same instant: the refusal, in either order") {
    const SourceRecord yes = Member("C1", "2026-01-01", {{"phone", "", true, t}});
    const SourceRecord no = Member("C2", "2026-01-01", {{"phone", "", false, t}});
    for (const auto& members : {std::vector<SourceRecord>{yes, no}, std::vector<SourceRecord>{no, yes}}) {
      const auto out = EffectiveConsents(members, {});
      REQUIRE(out.size() == 1);
      CHECK_FALSE(out[0].granted);
      CHECK(out[0].origin == "crm:C2");
    }
  }
  SECTION("two officer changes, same instant: the refusal") {
    for (bool first : {true, false}) {
      const auto out = EffectiveConsents({}, {Officer("visit", first, t), Officer("visit", !first, t)});
      REQUIRE(out.size() == 1);
      CHECK_FALSE(out[0].granted);
    }
  }
  SECTION("a bare date and midnight of that date are the same instant") {
    // A date is the start of its day: the refusal dated by day alone ties
    // with the grant at midnight, and a tie goes to the refusal.
    const SourceRecord no = Member("C1", "2026-01-01", {{"phone", "", false, "2026-03-01"}});
    const SourceRecord yes = Member("C2", "2026-01-01", {{"phone", "", true, t}});
    const auto out = EffectiveConsents({yes, no}, {});
    REQUIRE(out.size() == 1);
    CHECK_FALSE(out[0].granted);
  }
}

TEST_CASE("privacy consent: a consent without a date takes its record's observed_at") {
  const std::vector<SourceRecord> members = {
      Member("C1", "2026-05-01T00:00:00Z", {{"email", "", false, ""}}),
      Member("C2", "2026-01-01T00:00:00Z", {{"email", "", true, "2026-04-01T00:00:00Z"}}),
  };
  auto out = EffectiveConsents(members, {});
  REQUIRE(out.size() == 1);
  CHECK_FALSE(out[0].granted);
  CHECK(out[0].origin == "crm:C1");
  CHECK(out[0].observed_at == "2026-05-01T00:00:00Z");

  // Dated by its record, the consent is older than an officer's word after it.
  out = EffectiveConsents(members, {Officer("email", true, "2026-05-02T00:00:00Z")});
  REQUIRE(out.size() == 1);
  CHECK(out[0].granted);
}

TEST_CASE("privacy consent: one answer per channel and purpose, sorted") {
  const std::vector<SourceRecord> members = {Member(
      "C1", "2026-01-01T00:00:00Z",
      {{"visit", "", true, ""}, {"email", "newsletter", false, ""}, {"email", "", true, ""}})};
  const auto out =
      EffectiveConsents(members, {Officer("phone", false, "2026-02-01T00:00:00Z", "surveys")});
  REQUIRE(out.size() == 4);
  CHECK(out[0].channel == "email");
  CHECK(out[0].purpose == "");
  CHECK(out[1].channel == "email");
  CHECK(out[1].purpose == "newsletter");
  CHECK(out[2].channel == "phone");
  CHECK(out[2].purpose == "surveys");
  CHECK(out[3].channel == "visit");
  REQUIRE(Find(out, "email", "newsletter") != nullptr);
  CHECK_FALSE(Find(out, "email", "newsletter")->granted);
  CHECK(Find(out, "email")->granted);  // another purpose is another question
  CHECK(EffectiveConsents({}, {}).empty());
}

TEST_CASE("privacy consent: CheckConsent accepts the known channels and printable purposes") {
  for (const char* channel : {"email", "phone", "visit"}) {
    INFO(channel);
    CHECK(CheckConsent(channel, "").ok());
    CHECK(CheckConsent(channel, "product news, caf\xc3\xa9 events").ok());
  }
  CHECK(CheckConsent("email", std::string(100, 'p')).ok());
}

TEST_CASE("privacy consent: CheckConsent rejects unknown channels, long purposes, control characters") {
  for (const char* channel : {"", "Email", "sms", "email ", "mail"}) {
    INFO(channel);
    CHECK(CheckConsent(channel, "").code() == absl::StatusCode::kInvalidArgument);
  }
  CHECK(CheckConsent("email", std::string(101, 'p')).code() ==
        absl::StatusCode::kInvalidArgument);
  for (const std::string& purpose :
       {std::string("news\nletter"), std::string("a\tb"), std::string("x\x7f"),
        std::string("nul\0byte", 8), std::string("\x1b[31m")}) {
    CHECK(CheckConsent("email", purpose).code() == absl::StatusCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace mdm::privacy
