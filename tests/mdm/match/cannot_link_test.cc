// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/cannot_link.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "mdm/base/stable_hash.h"

namespace mdm::match {
namespace {

MatchKeys Ids(std::vector<IdentifierKey> ids) {
  MatchKeys k;
  k.given = "jeanne";
  k.family = "garnier";
  k.identifiers = std::move(ids);
  return k;
}

const IdentifierKey kRppsX{"rpps", "10000000009", true};
const IdentifierKey kRppsY{"rpps", "10000000017", true};
const IdentifierKey kRppsYInvalid{"rpps", "10000000017", false};
const IdentifierKey kNpiN{"npi", "1234567893", true};
const IdentifierKey kNpiM{"npi", "1234567801", true};
const IdentifierKey kCrmA{"crm", "C-1", false};
const IdentifierKey kCrmB{"crm", "C-2", false};

struct Case {
  std::string name;
  std::vector<std::string> schemes;
  std::vector<IdentifierKey> a, b;
  std::string conflict;  // the scheme, or "" for none
};

TEST_CASE("CannotLink: different valid identifiers of a listed scheme conflict", "[match]") {
  // clang-format off
  const Case c = GENERATE(values<Case>({
      {"two valid RPPS", {"rpps"}, {kRppsX}, {kRppsY}, "rpps"},
      {"one valid RPPS in common", {"rpps"}, {kRppsX}, {kRppsX}, ""},
      {"the other RPPS is invalid", {"rpps"}, {kRppsX}, {kRppsYInvalid}, ""},
      {"a shared value among several", {"rpps"}, {kRppsX, kRppsY}, {kRppsY}, ""},
      {"a shared value, and one more each", {"rpps"}, {kRppsX, kRppsY},
       {kRppsY, {"rpps", "10000000025", true}}, ""},
      {"only one side has the scheme", {"rpps"}, {kRppsX}, {kNpiN}, ""},
      {"scheme not listed", {"rpps"}, {kNpiN}, {kNpiM}, ""},
      {"no identifiers", {"rpps", "npi"}, {}, {kRppsX}, ""},
      {"source keys never conflict", {"rpps", "crm"}, {kCrmA}, {kCrmB}, ""},
      {"agree on one scheme, conflict on another", {"rpps", "npi"}, {kRppsX, kNpiN},
       {kRppsX, kNpiM}, "npi"},
      {"the conflicting scheme is not listed", {"rpps"}, {kRppsX, kNpiN}, {kRppsX, kNpiM}, ""},
      {"no scheme listed", {}, {kRppsX}, {kRppsY}, ""},
      {"listed scheme no row has", {"gmc"}, {kRppsX}, {kRppsY}, ""},
  }));
  // clang-format on
  CAPTURE(c.name);
  FeatureTable t;
  t.Add(1, Ids(c.a));
  t.Add(2, Ids(c.b));
  const CannotLink cannot_link(t, c.schemes);
  const int expected = c.conflict.empty() ? -1 : t.SchemeIndex(c.conflict);
  CHECK(cannot_link.Conflict(0, 1) == expected);
  CHECK(cannot_link.Conflict(1, 0) == expected);
  CHECK(cannot_link.Conflict(0, 0) == -1);
  if (!c.conflict.empty()) CHECK(expected >= 0);
}

TEST_CASE("CannotLink: Keys lists a row's valid listed identifiers, sorted", "[match]") {
  FeatureTable t;
  // An invalid value, a value of an unlisted scheme and a duplicate.
  t.Add(1,
        Ids({kRppsY, kNpiN, kRppsX, kRppsYInvalid, kCrmA, kRppsX, {"adeli", "123456789", true}}));
  t.Add(2, Ids({}));
  const CannotLink cannot_link(t, {"rpps", "npi", "crm"});
  const uint8_t rpps = static_cast<uint8_t>(t.SchemeIndex("rpps"));
  const uint8_t npi = static_cast<uint8_t>(t.SchemeIndex("npi"));
  std::vector<IdentityKey> expected = {{rpps, base::StableHash(kRppsX.value)},
                                       {rpps, base::StableHash(kRppsY.value)},
                                       {npi, base::StableHash(kNpiN.value)}};
  std::sort(expected.begin(), expected.end());
  const std::vector<IdentityKey> keys = cannot_link.Keys(0);
  CHECK(keys == expected);
  CHECK(std::is_sorted(keys.begin(), keys.end()));
  CHECK(cannot_link.Keys(1).empty());
}

TEST_CASE("CannotLink: rows sharing no key of a scheme both hold conflict", "[match]") {
  // Keys() and Conflict() agree: on a listed scheme both rows hold, they
  // conflict exactly when their keys of that scheme are disjoint.
  const std::vector<std::vector<IdentifierKey>> rows = {
      {kRppsX}, {kRppsY}, {kRppsX, kRppsY}, {kRppsYInvalid}, {kRppsX, kNpiN},
      {kNpiM},  {},       {kCrmA},          {kNpiN, kRppsY}};
  FeatureTable t;
  for (size_t i = 0; i < rows.size(); ++i) t.Add(static_cast<int64_t>(i), Ids(rows[i]));
  const CannotLink cannot_link(t, {"rpps", "npi"});
  for (uint32_t a = 0; a < t.size(); ++a) {
    for (uint32_t b = 0; b < t.size(); ++b) {
      CAPTURE(a, b);
      const std::vector<IdentityKey> ka = cannot_link.Keys(a), kb = cannot_link.Keys(b);
      bool expected = false;
      for (uint8_t scheme : {static_cast<uint8_t>(t.SchemeIndex("rpps")),
                             static_cast<uint8_t>(t.SchemeIndex("npi"))}) {
        bool in_a = false, in_b = false, shared = false;
        for (const IdentityKey& x : ka) in_a = in_a || x.first == scheme;
        for (const IdentityKey& y : kb) in_b = in_b || y.first == scheme;
        for (const IdentityKey& x : ka) {
          for (const IdentityKey& y : kb) shared = shared || (x.first == scheme && x == y);
        }
        expected = expected || (in_a && in_b && !shared);
      }
      CHECK((cannot_link.Conflict(a, b) >= 0) == expected);
    }
  }
}

}  // namespace
}  // namespace mdm::match
