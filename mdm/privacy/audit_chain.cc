// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/audit_chain.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "mdm/base/sha256.h"
#include "mdm/privacy/secret_key.h"

namespace mdm::privacy {
namespace {

void Field(std::string& out, absl::string_view value) {
  absl::StrAppend(&out, value.size(), ":", value);
}

void Field(std::string& out, const std::vector<std::string>& values) {
  Field(out, absl::StrCat(values.size()));
  for (const std::string& v : values) Field(out, v);
}

// Keeps the chain key apart from the suppression HMACs made with the same
// secret.
constexpr absl::string_view kChainKeyLabel = "mdm audit chain v1";

}  // namespace

std::unique_ptr<base::HmacSha256> ChainKey(absl::string_view secret) {
  return std::make_unique<base::HmacSha256>(base::HmacSha256(secret).Hex(kChainKeyLabel));
}

absl::StatusOr<std::unique_ptr<base::HmacSha256>> LoadChainKey(absl::string_view key_path) {
  absl::StatusOr<std::string> secret = ReadKeyFile(key_path);
  if (!secret.ok()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the audit trail is keyed by the store's secret key: ", secret.status().message()));
  }
  return ChainKey(*secret);
}

std::string EventHash(const base::HmacSha256& key, const AuditEvent& e) {
  std::string fields;
  Field(fields, e.prev_hash);
  Field(fields, absl::StrCat(e.seq));
  Field(fields, e.at);
  Field(fields, e.actor);
  Field(fields, e.action);
  Field(fields, e.golden_ids);
  Field(fields, e.source_keys);
  Field(fields, absl::StrCat(e.run_id));
  Field(fields, e.reason);
  Field(fields, e.payload_sha256);
  return key.Hex(fields);
}

std::string PayloadDigest(absl::string_view salt, absl::string_view payload) {
  std::string fields;
  Field(fields, salt);
  Field(fields, payload);
  return base::Sha256Hex(fields);
}

void ChainVerifier::Break(int64_t seq, std::string problem) {
  // Problems with erased_by are only found in Finish(): keep the earliest
  // event, not the first problem found.
  if (!result_.ok && result_.first_broken_seq <= seq) return;
  result_.ok = false;
  result_.first_broken_seq = seq;
  result_.problem = std::move(problem);
}

void ChainVerifier::Add(const AuditEvent& e, const store::AuditPayloadRow* payload,
                        const std::vector<std::string>& subjects) {
  ++result_.events;
  if (e.seq != prev_seq_ + 1) {
    Break(e.seq, absl::StrCat("expected event ", prev_seq_ + 1, " here: events are missing"));
  } else if (e.prev_hash != prev_hash_) {
    Break(e.seq, "its prev_hash is not the hash of the event before it");
  } else if (EventHash(key_, e) != e.hash) {
    Break(e.seq, "its hash does not match its content");
  }
  // The index `mdm audit log --golden` and erasure read must say what the
  // chain says, or an event could be hidden from both.
  std::vector<std::string> named = e.golden_ids;
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  if (named != subjects) Break(e.seq, "the golden ids indexed for it are not the ones it names");
  // Erasure and retention empty payloads; nothing else may.
  if (e.action == "gdpr.erase" || e.action == "retention.purge") {
    erasures_[e.seq] = {e.golden_ids, e.source_keys};
  }
  if (e.payload_sha256.empty()) {
    if (payload != nullptr) Break(e.seq, "it has a payload its hash does not cover");
  } else if (payload == nullptr) {
    Break(e.seq, "its payload was deleted outside an erasure");
  } else if (payload->erased_by != 0) {
    ++result_.payloads_erased;
    if (!payload->salt.empty() || !payload->payload.empty() || payload->erased_by <= e.seq) {
      Break(e.seq, "its payload is marked erased but is not empty, or was erased before it");
    }
    erased_.push_back({e.seq, payload->erased_by, e.golden_ids, e.source_keys});
  } else {
    ++result_.payloads_checked;
    if (PayloadDigest(payload->salt, payload->payload) != e.payload_sha256) {
      Break(e.seq, "its payload does not match the digest in the chain");
    }
  }
  prev_seq_ = e.seq;
  prev_hash_ = e.hash;
}

AuditVerification ChainVerifier::Finish() {
  const auto shares = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (const std::string& x : a) {
      if (std::find(b.begin(), b.end(), x) != b.end()) return true;
    }
    return false;
  };
  for (const Erased& e : erased_) {
    auto erasure = erasures_.find(e.erased_by);
    if (erasure == erasures_.end()) {
      Break(e.seq, absl::StrCat("its payload was emptied by event ", e.erased_by,
                                ", which is not an erasure"));
    } else if (!shares(e.golden_ids, erasure->second.golden_ids) &&
               !shares(e.source_keys, erasure->second.source_keys)) {
      Break(e.seq, absl::StrCat("its payload was emptied by event ", e.erased_by,
                                ", an erasure about other records"));
    }
  }
  return result_;
}

}  // namespace mdm::privacy
