// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/audit_trail.h"

#include "absl/strings/escaping.h"
#include "mdm/base/iso_time.h"
#include "mdm/base/json_writer.h"
#include "mdm/base/random_bytes.h"
#include "mdm/privacy/audit_chain.h"
#include "mdm/status.h"

namespace mdm::privacy {
namespace {

constexpr size_t kSaltBytes = 16;

}  // namespace

std::string TextPayload(
    std::initializer_list<std::pair<absl::string_view, absl::string_view>> fields) {
  std::string out;
  base::JsonWriter w(&out);
  w.BeginObject();
  for (const auto& [key, value] : fields) {
    w.Key(key);
    w.String(value);
  }
  w.EndObject();
  return out;
}

absl::StatusOr<SealedPayload> SealPayload(std::string payload) {
  MDM_ASSIGN_OR_RETURN(std::string salt, base::RandomBytes(kSaltBytes));
  SealedPayload sealed{absl::BytesToHexString(salt), std::move(payload), ""};
  sealed.digest = PayloadDigest(sealed.salt, sealed.payload);
  return sealed;
}

absl::StatusOr<int64_t> AuditTrail::Append(AuditEntry entry) {
  if (entry.payload.empty()) return Append(std::move(entry), SealedPayload{});
  MDM_ASSIGN_OR_RETURN(SealedPayload sealed, SealPayload(std::move(entry.payload)));
  return Append(std::move(entry), std::move(sealed));
}

absl::StatusOr<int64_t> AuditTrail::Append(AuditEntry entry, SealedPayload sealed) {
  if (!loaded_) {
    MDM_ASSIGN_OR_RETURN(key_, LoadChainKey(key_path_));
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
  e.payload_sha256 = sealed.digest;
  e.prev_hash = last_hash_;
  e.hash = EventHash(*key_, e);
  const store::AuditPayloadRow payload{std::move(sealed.salt), std::move(sealed.payload), 0};
  MDM_RETURN_IF_ERROR(store_.InsertAuditEvent(e, e.payload_sha256.empty() ? nullptr : &payload));
  last_seq_ = e.seq;
  last_hash_ = e.hash;
  return e.seq;
}

}  // namespace mdm::privacy
