// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/audit_chain.h
//
// The arithmetic of the audit chain. An event's hash is the SHA-256 of the
// previous event's hash followed by every metadata field of the event
// (length-prefixed, so no two different events serialise alike), the last
// of which is the digest of its payload. The payload's digest is the
// SHA-256 of a random salt and the payload: once the payload and the salt
// are erased, the digest left in the chain reveals nothing about them, and
// the chain still verifies.
//
// Example:
//   ChainVerifier v;
//   store.ScanAuditEvents([&](const AuditEvent& e, const AuditPayloadRow* p) {
//     v.Add(e, p);
//     return absl::OkStatus();
//   });
//   AuditVerification result = v.Finish();
#ifndef MDM_PRIVACY_AUDIT_CHAIN_H_
#define MDM_PRIVACY_AUDIT_CHAIN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "mdm/privacy.h"
#include "mdm/store/store.h"

namespace mdm::privacy {

// The prev_hash of the first event.
inline constexpr absl::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Hex SHA-256 of event.prev_hash and its metadata (event.hash is ignored).
std::string EventHash(const AuditEvent& event);

// Hex SHA-256 of salt + payload.
std::string PayloadDigest(absl::string_view salt, absl::string_view payload);

// Checks events fed in seq order; the first problem found is kept.
class ChainVerifier {
 public:
  void Add(const AuditEvent& event, const store::AuditPayloadRow* payload);
  AuditVerification Finish();

 private:
  void Break(int64_t seq, std::string problem);

  AuditVerification result_;
  std::string prev_hash_{kGenesisHash};
  int64_t prev_seq_ = 0;
  // (event, the erasure it names): checked once every event is known.
  std::vector<std::pair<int64_t, int64_t>> erased_by_;
  std::vector<int64_t> erasure_events_;
};

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_AUDIT_CHAIN_H_
