// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/audit_trail.h
//
// Appends events to the audit chain (audit_chain.h) inside the caller's
// write transaction. One AuditTrail per transaction: it reads the newest
// event once, on the first Append, and keeps the chain's head in memory
// after that, so a run appending many events reads nothing back.
//
// Example:
//   AuditTrail trail(store, clock, key_path);
//   MDM_RETURN_IF_ERROR(trail.Append({.actor = "dpo1", .action = "gdpr.restrict",
//                                     .golden_ids = {id}, .reason = reason}).status());
#ifndef MDM_PRIVACY_AUDIT_TRAIL_H_
#define MDM_PRIVACY_AUDIT_TRAIL_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/base/sha256.h"
#include "mdm/clock.h"
#include "mdm/store/store.h"

namespace mdm::privacy {

struct AuditEntry {
  std::string actor;
  std::string action;
  std::vector<std::string> golden_ids{};
  std::vector<std::string> source_keys{};
  int64_t run_id = 0;
  std::string reason{};
  std::string payload{};  // JSON of personal values; "" = none
};

// A payload of text fields, {"reason": ..., "value": ...} in the order
// given. Free text people type (a steward's or officer's reason) goes in the
// payload, never in the chained metadata: it may name the person, and only
// the payload can be erased.
std::string TextPayload(
    std::initializer_list<std::pair<absl::string_view, absl::string_view>> fields);

// A payload with its random salt and digest, ready for the chain.
struct SealedPayload {
  std::string salt;     // hex
  std::string payload;  // JSON
  std::string digest;   // PayloadDigest(salt, payload)
};

// Thread-safe: a run seals the payloads of new golden records on the
// threads that build them, so the writing thread only writes.
absl::StatusOr<SealedPayload> SealPayload(std::string payload);

class AuditTrail {
 public:
  // `key_path`: the store's secret key file, read on the first Append (the
  // chain is keyed by it, audit_chain.h; FailedPrecondition without it).
  AuditTrail(store::Store& store, const Clock& clock, std::string key_path)
      : store_(store), clock_(clock), key_path_(std::move(key_path)) {}

  // Writes the event (sealing entry.payload when not empty) and returns its
  // seq. REQUIRES: inside BeginWrite().
  absl::StatusOr<int64_t> Append(AuditEntry entry);
  // The same with a payload sealed beforehand; entry.payload is ignored.
  absl::StatusOr<int64_t> Append(AuditEntry entry, SealedPayload sealed);

 private:
  store::Store& store_;
  const Clock& clock_;
  const std::string key_path_;
  std::unique_ptr<base::HmacSha256> key_;
  bool loaded_ = false;
  int64_t last_seq_ = 0;
  std::string last_hash_;
};

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_AUDIT_TRAIL_H_
