// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/audit_chain.h
//
// The arithmetic of the audit chain. An event's hash is the HMAC-SHA256,
// under a key derived from the store's secret key, of the previous event's
// hash followed by every metadata field of the event (length-prefixed, so
// no two different events serialise alike), the last of which is the
// digest of its payload. The payload's digest is the
// SHA-256 of a random salt and the payload: once the payload and the salt
// are erased, the digest left in the chain reveals nothing about them, and
// the chain still verifies.
//
// Example:
//   ChainVerifier v(*key);
//   store.ScanAuditEvents([&](const AuditEvent& e, const AuditPayloadRow* p) {
//     v.Add(e, p, subjects_of[e.seq]);
//     return absl::OkStatus();
//   });
//   AuditVerification result = v.Finish();
#ifndef MDM_PRIVACY_AUDIT_CHAIN_H_
#define MDM_PRIVACY_AUDIT_CHAIN_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/base/sha256.h"
#include "mdm/privacy.h"
#include "mdm/store/store.h"

namespace mdm::privacy {

// The prev_hash of the first event.
inline constexpr absl::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The key the chain is computed under, derived from the store's secret key
// (secret_key.h): whoever can write the database but cannot read the key
// file cannot recompute the hashes after an event they changed.
std::unique_ptr<base::HmacSha256> ChainKey(absl::string_view secret);
// The same from the key file; FailedPrecondition when it cannot be read.
absl::StatusOr<std::unique_ptr<base::HmacSha256>> LoadChainKey(absl::string_view key_path);

// Hex HMAC-SHA256 under `key` of event.prev_hash and its metadata, each
// length-prefixed (event.hash is ignored).
std::string EventHash(const base::HmacSha256& key, const AuditEvent& event);

// Hex SHA-256 of salt and payload, each length-prefixed.
std::string PayloadDigest(absl::string_view salt, absl::string_view payload);

// Checks events fed in seq order; the earliest broken event is kept.
// Besides each event's hash and link, it checks the golden ids indexed for
// the event (audit_subjects) against those it names, that a payload is only
// empty when an erasure or retention purge after it, about one of its
// golden ids or records, emptied it, and every kept payload's digest.
class ChainVerifier {
 public:
  explicit ChainVerifier(const base::HmacSha256& key) : key_(key) {}

  // `subjects`: the golden ids audit_subjects holds for the event, sorted.
  void Add(const AuditEvent& event, const store::AuditPayloadRow* payload,
           const std::vector<std::string>& subjects);
  AuditVerification Finish();

 private:
  struct About {
    std::vector<std::string> golden_ids;
    std::vector<std::string> source_keys;
  };
  struct Erased {
    int64_t seq = 0;
    int64_t erased_by = 0;
    std::vector<std::string> golden_ids;
    std::vector<std::string> source_keys;
  };

  void Break(int64_t seq, std::string problem);

  const base::HmacSha256& key_;
  AuditVerification result_;
  std::string prev_hash_{kGenesisHash};
  int64_t prev_seq_ = 0;
  std::map<int64_t, About> erasures_;  // gdpr.erase and retention.purge events
  std::vector<Erased> erased_;         // events whose payload was emptied
};

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_AUDIT_CHAIN_H_
