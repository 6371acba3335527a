// SPDX-License-Identifier: Apache-2.0
// How an erased person stays erased (mdm/privacy/suppression.h): the strong
// keys of a record, and a suppression list that recognises a row by any one
// of them, only under the key it was made with.
#include "mdm/privacy/suppression.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

namespace mdm::privacy {
namespace {

// A normalized record of an invented person.
SourceRecord Person() {
  SourceRecord r;
  r.source = "crm";
  r.source_key = "C-4711";
  r.name.family_name = "Quillebeuf";
  r.name.given_names = "Aurelie";
  r.name.family_key = "quillebeuf";
  r.name.given_key = "aurelie";
  r.identifiers.push_back({"rpps", "10000047110", Validity::kValid});
  r.emails.push_back({"A.Quillebeuf@Example.ORG ", "a.quillebeuf@example.org", Validity::kValid});
  r.phones.push_back({"01 99 47 11 00", "+33199471100", Validity::kValid});
  Address a;
  a.postcode = "75011";
  a.country = "FR";
  a.city = "Paris";
  r.addresses.push_back(a);
  return r;
}

std::vector<std::string> KindsOf(const SourceRecord& r) {
  std::vector<std::string> kinds;
  for (const StrongKey& k : StrongKeysOf(r)) kinds.push_back(k.kind);
  std::sort(kinds.begin(), kinds.end());
  return kinds;
}

bool HasKey(const SourceRecord& r, const std::string& kind, const std::string& text) {
  for (const StrongKey& k : StrongKeysOf(r)) {
    if (k.kind == kind && k.text == text) return true;
  }
  return false;
}

// A record sharing nothing with Person().
SourceRecord Stranger() {
  SourceRecord r;
  r.source = "msl";
  r.source_key = "M-1";
  r.name.family_key = "zeller";
  r.name.given_key = "nina";
  r.identifiers.push_back({"rpps", "10000099990", Validity::kValid});
  r.emails.push_back({"nina.zeller@example.org", "nina.zeller@example.org", Validity::kValid});
  r.phones.push_back({"0199000001", "+33199000001", Validity::kValid});
  Address a;
  a.postcode = "69003";
  a.country = "FR";
  r.addresses.push_back(a);
  return r;
}

Suppressor ListOf(const std::string& secret, const SourceRecord& erased) {
  std::vector<std::string> hmacs;
  for (const auto& [hmac, kind] : SuppressionKeys(secret, StrongKeysOf(erased))) {
    hmacs.push_back(hmac);
  }
  return Suppressor(secret, hmacs);
}

const std::string kSecret(32, '\x5a');

TEST_CASE("privacy suppression: the strong keys of a record, one per kind") {
  const SourceRecord r = Person();
  CHECK(KindsOf(r) ==
        std::vector<std::string>{"email", "identifier", "name_postcode", "phone", "source_key"});
  CHECK(HasKey(r, "source_key", "crm:C-4711"));
  CHECK(HasKey(r, "identifier", "rpps:10000047110"));
  CHECK(HasKey(r, "email", "a.quillebeuf@example.org"));  // normalized, not raw
  CHECK_FALSE(HasKey(r, "email", "A.Quillebeuf@Example.ORG "));
  CHECK(HasKey(r, "phone", "+33199471100"));  // E.164, not raw
  bool name_postcode = false;
  for (const StrongKey& k : StrongKeysOf(r)) {
    if (k.kind != "name_postcode") continue;
    name_postcode = true;
    CHECK(k.text.find("quillebeuf") != std::string::npos);
    CHECK(k.text.find("aurelie") != std::string::npos);
    CHECK(k.text.find("75011") != std::string::npos);
  }
  CHECK(name_postcode);
}

TEST_CASE("privacy suppression: which values are not strong keys") {
  SourceRecord r = Person();
  SECTION("an invalid identifier is not a key, an unchecked one is") {
    r.identifiers = {{"rpps", "10000047111", Validity::kInvalid},
                     {"npi", "1234567893", Validity::kUnchecked}};
    CHECK_FALSE(HasKey(r, "identifier", "rpps:10000047111"));
    CHECK(HasKey(r, "identifier", "npi:1234567893"));
  }
  SECTION("an e-mail or phone that did not normalize is not a key") {
    r.emails = {{"not an address", "", Validity::kInvalid}};
    r.phones = {{"12", "", Validity::kInvalid}};
    const std::vector<std::string> kinds = KindsOf(r);
    CHECK(std::count(kinds.begin(), kinds.end(), "email") == 0);
    CHECK(std::count(kinds.begin(), kinds.end(), "phone") == 0);
  }
  SECTION("name_postcode needs the family name, the given name and a postcode") {
    SourceRecord no_family = r, no_given = r, no_postcode = r;
    no_family.name.family_key.clear();
    no_given.name.given_key.clear();
    no_postcode.addresses[0].postcode.clear();
    for (const SourceRecord* x : {&no_family, &no_given, &no_postcode}) {
      const std::vector<std::string> kinds = KindsOf(*x);
      CHECK(std::count(kinds.begin(), kinds.end(), "name_postcode") == 0);
      CHECK(std::count(kinds.begin(), kinds.end(), "email") == 1);
    }
  }
  SECTION("source_key needs a key") {
    r.source_key.clear();
    const std::vector<std::string> kinds = KindsOf(r);
    CHECK(std::count(kinds.begin(), kinds.end(), "source_key") == 0);
  }
  SECTION("an empty record has none") {
    CHECK(StrongKeysOf(SourceRecord{}).empty());
  }
}

TEST_CASE("privacy suppression: the list holds HMACs, not the values") {
  const std::vector<StrongKey> keys = StrongKeysOf(Person());
  const auto hmacs = SuppressionKeys(kSecret, keys);
  REQUIRE(hmacs.size() == keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    INFO(keys[i].kind);
    CHECK(hmacs[i].second == keys[i].kind);
    CHECK(hmacs[i].first.size() == 64);
    CHECK(hmacs[i].first.find(keys[i].text) == std::string::npos);
  }
  // Another secret gives other HMACs.
  const auto other = SuppressionKeys(std::string(32, '\x5b'), keys);
  for (size_t i = 0; i < keys.size(); ++i) CHECK(other[i].first != hmacs[i].first);
}

TEST_CASE("privacy suppression: a row carrying any one strong key of an erased person matches") {
  const Suppressor list = ListOf(kSecret, Person());
  REQUIRE_FALSE(list.empty());
  CHECK(list.Matches(Person()));
  CHECK_FALSE(list.Matches(Stranger()));

  SourceRecord probe = Stranger();
  SECTION("same source and key") {
    probe.source = "crm";
    probe.source_key = "C-4711";
  }
  SECTION("same identifier") { probe.identifiers.push_back({"rpps", "10000047110", Validity::kValid}); }
  SECTION("same identifier, unchecked") {
    probe.identifiers = {{"rpps", "10000047110", Validity::kUnchecked}};
  }
  SECTION("same normalized e-mail, spelled otherwise") {
    probe.emails.push_back({"A.QUILLEBEUF@example.org", "a.quillebeuf@example.org",
                            Validity::kValid});
  }
  SECTION("same phone") { probe.phones = {{"+33 1 99 47 11 00", "+33199471100", Validity::kValid}}; }
  SECTION("same names and postcode") {
    probe.name.family_key = "quillebeuf";
    probe.name.given_key = "aurelie";
    probe.addresses[0].postcode = "75011";
  }
  CHECK(list.Matches(probe));
}

TEST_CASE("privacy suppression: near misses do not match") {
  const Suppressor list = ListOf(kSecret, Person());
  SourceRecord probe = Stranger();
  SECTION("same key in another source") {
    probe.source = "msl";
    probe.source_key = "C-4711";
  }
  SECTION("same identifier value, other scheme") {
    probe.identifiers = {{"npi", "10000047110", Validity::kValid}};
  }
  SECTION("same identifier, invalid in the row") {
    probe.identifiers = {{"rpps", "10000047110", Validity::kInvalid}};
  }
  SECTION("same raw e-mail but another normalized one") {
    probe.emails = {{"A.Quillebeuf@Example.ORG ", "other@example.org", Validity::kValid}};
  }
  SECTION("same raw phone, no E.164") { probe.phones = {{"01 99 47 11 00", "", Validity::kInvalid}}; }
  SECTION("same names, other postcode") {
    probe.name.family_key = "quillebeuf";
    probe.name.given_key = "aurelie";
  }
  SECTION("same family name and postcode, other given name") {
    probe.name.family_key = "quillebeuf";
    probe.addresses[0].postcode = "75011";
  }
  CHECK_FALSE(list.Matches(probe));
}

TEST_CASE("privacy suppression: another secret recognises nobody") {
  const Suppressor list = ListOf(kSecret, Person());
  std::vector<std::string> hmacs;
  for (const auto& [hmac, kind] : SuppressionKeys(kSecret, StrongKeysOf(Person()))) {
    hmacs.push_back(hmac);
  }
  const Suppressor other(std::string(32, '\x5b'), hmacs);
  CHECK_FALSE(other.empty());
  CHECK_FALSE(other.Matches(Person()));
  CHECK_FALSE(other.MatchesKey("crm", "C-4711"));
  CHECK(list.MatchesKey("crm", "C-4711"));
}

TEST_CASE("privacy suppression: source keys alone") {
  const Suppressor list = ListOf(kSecret, Person());
  CHECK(list.MatchesKey("crm", "C-4711"));
  CHECK_FALSE(list.MatchesKey("msl", "C-4711"));
  CHECK_FALSE(list.MatchesKey("crm", "C-4712"));
  CHECK_FALSE(list.MatchesKey("crm", ""));
  CHECK_FALSE(list.MatchesKey("crm:C", "-4711"));
}

TEST_CASE("privacy suppression: an empty list matches nothing") {
  const Suppressor none(kSecret, {});
  CHECK(none.empty());
  CHECK_FALSE(none.Matches(Person()));
  CHECK_FALSE(none.Matches(SourceRecord{}));
  CHECK_FALSE(none.MatchesKey("crm", "C-4711"));
}

}  // namespace
}  // namespace mdm::privacy
