// SPDX-License-Identifier: Apache-2.0
#include "tools/mdm/server/sessions.h"

#include "absl/strings/escaping.h"
#include "mdm/base/random_bytes.h"
#include "mdm/status.h"
// The one CSPRNG wrapper of the project; tools/ otherwise uses public
// headers only.
#include "mdm/steward/password_hash.h"

namespace mdm::server {
namespace {

constexpr size_t kTokenBytes = 32;

absl::StatusOr<std::string> NewToken() {
  MDM_ASSIGN_OR_RETURN(std::string bytes, base::RandomBytes(kTokenBytes));
  return absl::BytesToHexString(bytes);
}

}  // namespace

absl::StatusOr<Session> SessionTable::Create(absl::string_view user, Role role) {
  Session session;
  MDM_ASSIGN_OR_RETURN(session.token, NewToken());
  MDM_ASSIGN_OR_RETURN(session.csrf_token, NewToken());
  session.user = std::string(user);
  session.role = role;
  const absl::Time now = clock_.Now();
  std::lock_guard<std::mutex> lock(mu_);
  absl::erase_if(sessions_, [&](const auto& entry) {
    return now - entry.second.last_used >= idle_timeout_;
  });
  sessions_[session.token] = Entry{session, now};
  return session;
}

std::optional<Session> SessionTable::Find(absl::string_view token) {
  const absl::Time now = clock_.Now();
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return std::nullopt;
  if (now - it->second.last_used >= idle_timeout_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_used = now;
  return it->second.session;
}

void SessionTable::Remove(absl::string_view token) {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.erase(token);
}

size_t SessionTable::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.size();
}

bool TokensEqual(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

}  // namespace mdm::server
