// SPDX-License-Identifier: Apache-2.0
// File: tools/mdm/server/sessions.h
//
// Who is logged in to `mdm serve`: an in-memory table from a random session
// token (the mdm_session cookie) to the user, the role and the CSRF token the
// page must echo on every POST. A session ends at logout, after eight hours
// without a request, or when the server stops: nothing is persisted, so a
// restart logs everyone out.
//
//   SessionTable sessions(Clock::Real());
//   absl::StatusOr<Session> s = sessions.Create("alice", Role::kSteward);
//   std::optional<Session> again = sessions.Find(s->token);  // refreshes it
//
// Thread-safe.
#ifndef MDM_TOOLS_MDM_SERVER_SESSIONS_H_
#define MDM_TOOLS_MDM_SERVER_SESSIONS_H_

#include <mutex>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "mdm/clock.h"
#include "mdm/steward.h"

namespace mdm::server {

struct Session {
  std::string token;       // 64 hex digits (32 random bytes)
  std::string csrf_token;  // 64 hex digits, independent of the token
  std::string user;
  Role role = Role::kViewer;
};

class SessionTable {
 public:
  static constexpr absl::Duration kIdleTimeout = absl::Hours(8);

  // `clock` must outlive the table.
  explicit SessionTable(const Clock& clock, absl::Duration idle_timeout = kIdleTimeout)
      : clock_(clock), idle_timeout_(idle_timeout) {}

  // A new session for `user` (who has just authenticated). Internal when the
  // system's random source fails. Forgets expired sessions.
  absl::StatusOr<Session> Create(absl::string_view user, Role role);

  // The session of `token` if it exists and was used less than the idle
  // timeout ago; the call counts as a use. An expired session is removed.
  std::optional<Session> Find(absl::string_view token);

  // Ends the session of `token` (nothing when there is none).
  void Remove(absl::string_view token);

  // Sessions held, expired ones not yet forgotten included.
  size_t size() const;

 private:
  struct Entry {
    Session session;
    absl::Time last_used;
  };

  const Clock& clock_;
  const absl::Duration idle_timeout_;
  mutable std::mutex mu_;
  absl::flat_hash_map<std::string, Entry> sessions_;  // by token
};

// Compares two tokens in time that depends on their lengths only, so that
// timing does not reveal how much of a guessed token is right.
bool TokensEqual(absl::string_view a, absl::string_view b);

}  // namespace mdm::server

#endif  // MDM_TOOLS_MDM_SERVER_SESSIONS_H_
