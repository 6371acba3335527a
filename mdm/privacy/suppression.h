// SPDX-License-Identifier: Apache-2.0
// File: mdm/privacy/suppression.h
//
// How an erased person stays erased. Erasure stores an HMAC (under the
// store's secret key, secret_key.h) of each of the person's strong keys;
// a run checks every incoming row's strong keys against them and counts
// a row carrying one as `suppressed` instead of loading it. Only HMACs are
// stored: the list tells nothing about the people on it without the key.
//
// Strong keys of a record, each as "kind:text":
//   identifier     scheme + value of every identifier that is not invalid
//   email          normalized address
//   phone          E.164 number
//   name_postcode  folded family and given names + the postcode of an address
//   source_key     source + key (a rerun of the very same rows)
#ifndef MDM_PRIVACY_SUPPRESSION_H_
#define MDM_PRIVACY_SUPPRESSION_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "mdm/base/sha256.h"
#include "mdm/record.h"

namespace mdm::privacy {

struct StrongKey {
  std::string kind;  // identifier, email, phone, name_postcode, source_key
  std::string text;
};

std::vector<StrongKey> StrongKeysOf(const SourceRecord& record);

// (HMAC hex, kind) of each of `keys` under `secret`.
std::vector<std::pair<std::string, std::string>> SuppressionKeys(
    absl::string_view secret, const std::vector<StrongKey>& keys);

// The suppression list of a run. Thread-safe for Matches() once built.
class Suppressor {
 public:
  Suppressor(absl::string_view secret, const std::vector<std::string>& hmacs)
      : hmac_(secret), hmacs_(hmacs.begin(), hmacs.end()) {}

  bool empty() const { return hmacs_.empty(); }
  // True when one of the record's strong keys is on the list.
  bool Matches(const SourceRecord& record) const;
  // True when source + key is on the list (a row rejected before it became
  // a record is still recognised by its key).
  bool MatchesKey(absl::string_view source, absl::string_view source_key) const;

 private:
  bool Holds(const StrongKey& key) const;

  base::HmacSha256 hmac_;
  absl::flat_hash_set<std::string> hmacs_;
};

}  // namespace mdm::privacy

#endif  // MDM_PRIVACY_SUPPRESSION_H_
