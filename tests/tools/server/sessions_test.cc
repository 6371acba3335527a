// SPDX-License-Identifier: Apache-2.0
#include "tools/mdm/server/sessions.h"

#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/ascii.h"
#include "tests/testing/fake_clock.h"

namespace mdm::server {
namespace {

bool IsHexToken(const std::string& token) {
  if (token.size() != 64) return false;
  for (char c : token) {
    if (!absl::ascii_isdigit(c) && (c < 'a' || c > 'f')) return false;
  }
  return true;
}

TEST_CASE("SessionTable: a session holds the user and role and fresh random tokens",
          "[server]") {
  testing::FakeClock clock;
  SessionTable sessions(clock);
  std::set<std::string> tokens;
  for (int session_idx = 0; session_idx < 20; ++session_idx) {
    absl::StatusOr<Session> s = sessions.Create("alice", Role::kSteward);
    REQUIRE(s.ok());
    CHECK(IsHexToken(s->token));
    CHECK(IsHexToken(s->csrf_token));
    CHECK(s->user == "alice");
    CHECK(s->role == Role::kSteward);
    tokens.insert(s->token);
    tokens.insert(s->csrf_token);
  }
  CHECK(tokens.size() == 40);
  CHECK(sessions.size() == 20);
}

TEST_CASE("SessionTable: Find answers known tokens only, Remove ends a session", "[server]") {
  testing::FakeClock clock;
  SessionTable sessions(clock);
  const Session alice = *sessions.Create("alice", Role::kSteward);
  const Session bob = *sessions.Create("bob", Role::kViewer);
  REQUIRE(sessions.Find(alice.token).has_value());
  CHECK(sessions.Find(alice.token)->csrf_token == alice.csrf_token);
  CHECK(sessions.Find(bob.token)->user == "bob");
  CHECK_FALSE(sessions.Find("").has_value());
  CHECK_FALSE(sessions.Find(alice.csrf_token).has_value());
  CHECK_FALSE(sessions.Find(alice.token.substr(1)).has_value());
  sessions.Remove(alice.token);
  CHECK_FALSE(sessions.Find(alice.token).has_value());
  CHECK(sessions.Find(bob.token).has_value());
  sessions.Remove("no such token");
  CHECK(sessions.size() == 1);
}

TEST_CASE("SessionTable: a session expires after the idle timeout, and use extends it",
          "[server]") {
  testing::FakeClock clock;
  SessionTable sessions(clock);
  const Session used = *sessions.Create("alice", Role::kSteward);
  const Session idle = *sessions.Create("bob", Role::kViewer);
  clock.Advance(SessionTable::kIdleTimeout - absl::Seconds(1));
  CHECK(sessions.Find(used.token).has_value());
  clock.Advance(absl::Seconds(1));
  CHECK_FALSE(sessions.Find(idle.token).has_value());  // exactly 8 h idle
  CHECK(sessions.Find(used.token).has_value());
  clock.Advance(SessionTable::kIdleTimeout);
  CHECK_FALSE(sessions.Find(used.token).has_value());
  CHECK(sessions.size() == 0);
}

TEST_CASE("SessionTable: creating a session forgets expired ones", "[server]") {
  testing::FakeClock clock;
  SessionTable sessions(clock, absl::Minutes(5));
  for (int session_idx = 0; session_idx < 3; ++session_idx) {
    REQUIRE(sessions.Create("alice", Role::kSteward).ok());
  }
  clock.Advance(absl::Minutes(5));
  REQUIRE(sessions.Create("bob", Role::kViewer).ok());
  CHECK(sessions.size() == 1);
}

TEST_CASE("TokensEqual: equal only for the same bytes", "[server]") {
  CHECK(TokensEqual("", ""));
  CHECK(TokensEqual("abc", "abc"));
  CHECK_FALSE(TokensEqual("abc", "abd"));
  CHECK_FALSE(TokensEqual("abc", "ab"));
  CHECK_FALSE(TokensEqual("", "a"));
  CHECK_FALSE(TokensEqual(std::string("a\0b", 3), std::string("a\0c", 3)));
}

}  // namespace
}  // namespace mdm::server
