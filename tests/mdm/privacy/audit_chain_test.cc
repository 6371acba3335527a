// SPDX-License-Identifier: Apache-2.0
// The arithmetic of the audit chain (mdm/privacy/audit_chain.h): what an
// event's hash covers, and which event the verifier names when a stored
// byte changes.
#include "mdm/privacy/audit_chain.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "mdm/base/sha256.h"

namespace mdm::privacy {
namespace {

// The chain key of a store whose secret is 32 bytes of 0x5a.
const base::HmacSha256& Key() {
  static const std::unique_ptr<base::HmacSha256> key = ChainKey(std::string(32, '\x5a'));
  return *key;
}

AuditEvent Base() {
  AuditEvent e;
  e.seq = 7;
  e.at = "2027-01-01T10:00:00Z";
  e.actor = "run";
  e.action = "golden.updated";
  e.golden_ids = {"G-00000001", "G-00000002"};
  e.source_keys = {"crm:C1", "msl:M1"};
  e.run_id = 3;
  e.reason = "run 3";
  e.payload_sha256 = PayloadDigest("00ff", "{\"after\":{}}");
  e.prev_hash = std::string(kGenesisHash);
  return e;
}

// One event of a chain with its payload row (none when `payload` is nullopt).
struct Link {
  AuditEvent event;
  std::optional<store::AuditPayloadRow> payload;
};

// Events 1..n; the odd ones carry a payload, event `erase_at` (if any) is a
// gdpr.erase.
std::vector<Link> Chain(int n, int erase_at = 0) {
  std::vector<Link> chain;
  std::string prev(kGenesisHash);
  for (int i = 1; i <= n; ++i) {
    Link l;
    l.event.seq = i;
    l.event.at = absl::StrCat("2027-01-01T10:00:0", i % 10, "Z");
    l.event.actor = i == erase_at ? "dpo1" : "run";
    l.event.action = i == erase_at ? "gdpr.erase" : "golden.updated";
    l.event.golden_ids = {absl::StrCat("G-", i)};
    l.event.source_keys = {absl::StrCat("crm:C", i)};
    l.event.run_id = i == erase_at ? 0 : i;
    l.event.reason = absl::StrCat("reason ", i);
    if (i % 2 == 1) {
      store::AuditPayloadRow p;
      p.salt = absl::StrCat("5a17", i);
      p.payload = absl::StrCat("{\"after\":{\"family\":\"Person", i, "\"}}");
      l.event.payload_sha256 = PayloadDigest(p.salt, p.payload);
      l.payload = p;
    }
    l.event.prev_hash = prev;
    l.event.hash = EventHash(Key(), l.event);
    prev = l.event.hash;
    chain.push_back(std::move(l));
  }
  return chain;
}

// The golden ids audit_subjects holds for an event: those it names, unless
// `subjects` says otherwise for its seq.
AuditVerification Verify(const std::vector<Link>& chain,
                         const std::map<int64_t, std::vector<std::string>>& subjects = {}) {
  ChainVerifier v(Key());
  for (const Link& l : chain) {
    std::vector<std::string> ids = l.event.golden_ids;
    std::sort(ids.begin(), ids.end());
    if (auto it = subjects.find(l.event.seq); it != subjects.end()) ids = it->second;
    v.Add(l.event, l.payload ? &*l.payload : nullptr, ids);
  }
  return v.Finish();
}

// Recomputes every link, as one who rewrote events would.
void Rehash(std::vector<Link>& chain) {
  std::string prev(kGenesisHash);
  for (Link& l : chain) {
    l.event.prev_hash = prev;
    l.event.hash = EventHash(Key(), l.event);
    prev = l.event.hash;
  }
}

Link& At(std::vector<Link>& chain, int64_t seq) {
  for (Link& l : chain) {
    if (l.event.seq == seq) return l;
  }
  FAIL("no event " << seq);
  return chain.front();
}

TEST_CASE("privacy audit chain: the event hash changes when any field changes") {
  const AuditEvent base = Base();
  const std::string h = EventHash(Key(), base);
  CHECK(h.size() == 64);
  CHECK(EventHash(Key(), base) == h);  // deterministic

  const std::vector<std::pair<std::string, std::function<void(AuditEvent&)>>> changes = {
      {"seq", [](AuditEvent& e) { e.seq = 8; }},
      {"at", [](AuditEvent& e) { e.at = "2027-01-01T10:00:01Z"; }},
      {"actor", [](AuditEvent& e) { e.actor = "alice"; }},
      {"action", [](AuditEvent& e) { e.action = "golden.created"; }},
      {"golden_ids value", [](AuditEvent& e) { e.golden_ids[1] = "G-00000003"; }},
      {"golden_ids order", [](AuditEvent& e) { std::swap(e.golden_ids[0], e.golden_ids[1]); }},
      {"golden_ids count", [](AuditEvent& e) { e.golden_ids.pop_back(); }},
      {"source_keys value", [](AuditEvent& e) { e.source_keys[0] = "crm:C2"; }},
      {"source_keys count", [](AuditEvent& e) { e.source_keys.push_back(""); }},
      {"run_id", [](AuditEvent& e) { e.run_id = 4; }},
      {"reason", [](AuditEvent& e) { e.reason = "run 3 "; }},
      {"payload_sha256", [](AuditEvent& e) { e.payload_sha256[0] ^= 1; }},
      {"payload_sha256 emptied", [](AuditEvent& e) { e.payload_sha256.clear(); }},
      {"prev_hash", [](AuditEvent& e) { e.prev_hash[63] = '1'; }},
  };
  for (const auto& [field, change] : changes) {
    INFO(field);
    AuditEvent changed = base;
    change(changed);
    CHECK(EventHash(Key(), changed) != h);
  }

  // The stored hash, the payload text and the erased flag are not part of it.
  AuditEvent other = base;
  other.hash = "anything";
  other.payload = "{}";
  other.payload_erased = true;
  CHECK(EventHash(Key(), other) == h);
}

TEST_CASE("privacy audit chain: lists are length-prefixed, so no two lists hash alike") {
  AuditEvent a = Base(), b = Base();
  a.golden_ids = {"ab", "c"};
  b.golden_ids = {"a", "bc"};
  CHECK(EventHash(Key(), a) != EventHash(Key(), b));

  a.golden_ids = {"ab"};
  b.golden_ids = {"a", "b"};
  CHECK(EventHash(Key(), a) != EventHash(Key(), b));

  a = Base();
  b = Base();
  a.source_keys = {"crm:C1", "msl:M1"};
  b.source_keys = {"crm:C1msl:M1"};
  CHECK(EventHash(Key(), a) != EventHash(Key(), b));

  // A value moved from one list to the next one.
  a = Base();
  b = Base();
  a.golden_ids = {"x"};
  a.source_keys = {};
  b.golden_ids = {};
  b.source_keys = {"x"};
  CHECK(EventHash(Key(), a) != EventHash(Key(), b));

  // Text moved between neighbouring fields.
  a = Base();
  b = Base();
  a.actor = "run";
  a.action = "golden.updated";
  b.actor = "rung";
  b.action = "olden.updated";
  CHECK(EventHash(Key(), a) != EventHash(Key(), b));
}

TEST_CASE("privacy audit chain: the payload digest covers salt and payload") {
  const std::string d = PayloadDigest("00ff", "{\"a\":1}");
  CHECK(d.size() == 64);
  CHECK(PayloadDigest("00ff", "{\"a\":1}") == d);
  CHECK(PayloadDigest("00fe", "{\"a\":1}") != d);
  CHECK(PayloadDigest("00ff", "{\"a\":2}") != d);
}

TEST_CASE("privacy audit chain: an intact chain verifies and counts its payloads") {
  const std::vector<Link> chain = Chain(6);
  const AuditVerification v = Verify(chain);
  INFO(v.problem);
  CHECK(v.ok);
  CHECK(v.events == 6);
  CHECK(v.payloads_checked == 3);
  CHECK(v.payloads_erased == 0);
  CHECK(v.first_broken_seq == 0);
  CHECK(v.problem.empty());

  const AuditVerification empty = ChainVerifier(Key()).Finish();
  CHECK(empty.ok);
  CHECK(empty.events == 0);
}

TEST_CASE("privacy audit chain: the verifier names the first broken event") {
  std::vector<Link> chain = Chain(7, /*erase_at=*/6);
  REQUIRE(Verify(chain).ok);
  int64_t expected = 0;

  SECTION("a changed field") {
    At(chain, 3).event.reason = "reason 3x";
    expected = 3;
  }
  SECTION("a changed field, rehashed: the next event's link breaks") {
    Link& l = At(chain, 3);
    l.event.actor = "mallory";
    l.event.hash = EventHash(Key(), l.event);
    expected = 4;
  }
  SECTION("a wrong prev_hash, the event rehashed") {
    Link& l = At(chain, 3);
    l.event.prev_hash = At(chain, 1).event.hash;
    l.event.hash = EventHash(Key(), l.event);
    expected = 3;
  }
  SECTION("the first event does not start from the genesis hash") {
    Link& l = At(chain, 1);
    l.event.prev_hash = std::string(64, 'f');
    l.event.hash = EventHash(Key(), l.event);
    expected = 1;
  }
  SECTION("a gap in seq") {
    chain.erase(chain.begin() + 2);  // event 3
    expected = 4;
  }
  SECTION("the last event missing is not a gap, but the first one is") {
    chain.erase(chain.begin());
    expected = 2;
  }
  SECTION("a payload that does not match its digest") {
    At(chain, 5).payload->payload += " ";
    expected = 5;
  }
  SECTION("a payload whose salt changed") {
    At(chain, 3).payload->salt = "5a170";
    expected = 3;
  }
  SECTION("a payload row missing") {
    At(chain, 3).payload.reset();
    expected = 3;
  }
  SECTION("a payload the event's hash does not cover") {
    At(chain, 4).payload = store::AuditPayloadRow{"00", "{}", 0};
    expected = 4;
  }
  SECTION("a payload emptied by an event that is not an erasure") {
    At(chain, 3).payload = store::AuditPayloadRow{"", "", 4};
    expected = 3;
  }
  SECTION("a payload emptied by an event that does not exist") {
    At(chain, 3).payload = store::AuditPayloadRow{"", "", 99};
    expected = 3;
  }
  SECTION("two broken events: the first is named") {
    At(chain, 5).event.reason = "changed";
    At(chain, 2).event.at = "2027-01-02T00:00:00Z";
    expected = 2;
  }
  SECTION("the index of golden ids misses one the event names") {
    const AuditVerification v = Verify(chain, {{5, {}}});
    CHECK(v.first_broken_seq == 5);
    return;
  }
  SECTION("part of the payload moved into the salt") {
    store::AuditPayloadRow& p = *At(chain, 3).payload;
    p.salt += p.payload.substr(0, 3);
    p.payload = p.payload.substr(3);
    expected = 3;
  }
  SECTION("a payload wrongly emptied before a changed event: the earlier is named") {
    // erased_by can only be checked once every event is known; the event
    // named is still the first in the chain, not the first found.
    At(chain, 1).payload = store::AuditPayloadRow{"", "", 4};  // not an erasure
    At(chain, 3).event.reason = "changed";
    expected = 1;
  }
  const AuditVerification v = Verify(chain);
  INFO(v.problem);
  CHECK_FALSE(v.ok);
  CHECK(v.first_broken_seq == expected);
  CHECK_FALSE(v.problem.empty());
}

// Events 1 and 5 were about the person erased by event 6: one by golden id,
// the other by a source record.
std::vector<Link> ErasedChain() {
  std::vector<Link> chain = Chain(7, /*erase_at=*/6);
  At(chain, 6).event.golden_ids = {"G-1"};
  At(chain, 6).event.source_keys = {"crm:C5"};
  Rehash(chain);
  At(chain, 1).payload = store::AuditPayloadRow{"", "", 6};
  At(chain, 5).payload = store::AuditPayloadRow{"", "", 6};
  return chain;
}

TEST_CASE("privacy audit chain: an erased payload must be empty, later and about the person") {
  std::vector<Link> chain = ErasedChain();
  int64_t expected = 0;
  SECTION("marked erased, but the payload is still there") {
    At(chain, 5).payload = store::AuditPayloadRow{"5a175", "{\"forged\":1}", 6};
    expected = 5;
  }
  SECTION("emptied by an erasure older than the event") {
    At(chain, 7).payload = store::AuditPayloadRow{"", "", 6};
    expected = 7;
  }
  SECTION("emptied by an erasure about somebody else") {
    At(chain, 3).payload = store::AuditPayloadRow{"", "", 6};
    expected = 3;
  }
  const AuditVerification v = Verify(chain);
  INFO(v.problem);
  CHECK_FALSE(v.ok);
  CHECK(v.first_broken_seq == expected);
}

TEST_CASE("privacy audit chain: payloads emptied by a gdpr.erase event verify") {
  std::vector<Link> chain = ErasedChain();
  const AuditVerification v = Verify(chain);
  INFO(v.problem);
  CHECK(v.ok);
  CHECK(v.first_broken_seq == 0);
  CHECK(v.events == 7);
  CHECK(v.payloads_erased == 2);
  CHECK(v.payloads_checked == 2);  // 3 and 7
}

TEST_CASE("privacy audit chain: a chain made or edited without the store's key does not verify") {
  std::vector<Link> chain = Chain(5);
  const std::unique_ptr<base::HmacSha256> other = ChainKey(std::string(32, '\x01'));
  ChainVerifier v(*other);
  for (const Link& l : chain) {
    std::vector<std::string> ids = l.event.golden_ids;
    v.Add(l.event, l.payload ? &*l.payload : nullptr, ids);
  }
  const AuditVerification result = v.Finish();
  CHECK_FALSE(result.ok);
  CHECK(result.first_broken_seq == 1);
  CHECK(ChainKey("secret a")->Hex("x") != ChainKey("secret b")->Hex("x"));
  // The chain key is not the secret itself (suppression HMACs use that).
  CHECK(ChainKey("secret a")->Hex("x") != base::HmacSha256Hex("secret a", "x"));
}

}  // namespace
}  // namespace mdm::privacy
