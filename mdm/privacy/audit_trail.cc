// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/audit_trail.h"

#include "absl/strings/escaping.h"
#include "mdm/base/iso_time.h"
#include "mdm/base/random_bytes.h"
#include "mdm/privacy/audit_chain.h"
#include "mdm/status.h"

namespace mdm::privacy {
namespace {

constexpr size_t kSaltBytes = 16;

}  // namespace

absl::StatusOr<int64_t> AuditTrail::Append(AuditEntry entry) {
  if (!loaded_) {
    MDM_ASSIGN_OR_RETURN(AuditEvent last, store_.LastAuditEvent());
    last_seq_ = last.seq;
    last_hash_ = last.seq == 0 ? std::string(kGenesisHash) : last.hash;
    loaded_ = true;
  }
  AuditEvent e;
  e.seq = last_seq_ + 1;
  e.at = base::IsoUtc(clock_.Now());
  e.actor = std::move(entry.actor);
  e.action = std::move(entry.action);
  e.golden_ids = std::move(entry.golden_ids);
  e.source_keys = std::move(entry.source_keys);
  e.run_id = entry.run_id;
  e.reason = std::move(entry.reason);
  store::AuditPayloadRow payload;
  if (!entry.payload.empty()) {
    MDM_ASSIGN_OR_RETURN(std::string salt, base::RandomBytes(kSaltBytes));
    payload.salt = absl::BytesToHexString(salt);
    payload.payload = std::move(entry.payload);
    e.payload_sha256 = PayloadDigest(payload.salt, payload.payload);
  }
  e.prev_hash = last_hash_;
  e.hash = EventHash(e);
  MDM_RETURN_IF_ERROR(
      store_.InsertAuditEvent(e, e.payload_sha256.empty() ? nullptr : &payload));
  last_seq_ = e.seq;
  last_hash_ = e.hash;
  return e.seq;
}

}  // namespace mdm::privacy
