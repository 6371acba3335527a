// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/suppression.h"

#include "absl/strings/str_cat.h"
#include "mdm/base/sha256.h"

namespace mdm::privacy {
namespace {

std::string Message(const StrongKey& key) { return absl::StrCat(key.kind, ":", key.text); }

}  // namespace

std::vector<StrongKey> StrongKeysOf(const SourceRecord& r) {
  std::vector<StrongKey> keys;
  if (!r.source.empty() && !r.source_key.empty()) {
    keys.push_back({"source_key", absl::StrCat(r.source, ":", r.source_key)});
  }
  for (const Identifier& id : r.identifiers) {
    if (id.validity != Validity::kInvalid && !id.value.empty()) {
      keys.push_back({"identifier", absl::StrCat(id.scheme, ":", id.value)});
    }
  }
  for (const Email& e : r.emails) {
    if (!e.normalized.empty()) keys.push_back({"email", e.normalized});
  }
  for (const Phone& p : r.phones) {
    if (!p.e164.empty()) keys.push_back({"phone", p.e164});
  }
  if (!r.name.family_key.empty() && !r.name.given_key.empty()) {
    for (const Address& a : r.addresses) {
      if (a.postcode.empty()) continue;
      keys.push_back({"name_postcode", absl::StrCat(r.name.family_key, "|", r.name.given_key, "|",
                                                    a.country, "|", a.postcode)});
    }
  }
  return keys;
}

std::vector<std::pair<std::string, std::string>> SuppressionKeys(
    absl::string_view secret, const std::vector<StrongKey>& keys) {
  const base::HmacSha256 hmac(secret);
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(keys.size());
  for (const StrongKey& k : keys) out.emplace_back(hmac.Hex(Message(k)), k.kind);
  return out;
}

bool Suppressor::Holds(const StrongKey& key) const {
  return hmacs_.contains(hmac_.Hex(Message(key)));
}

bool Suppressor::Matches(const SourceRecord& record) const {
  if (hmacs_.empty()) return false;
  for (const StrongKey& key : StrongKeysOf(record)) {
    if (Holds(key)) return true;
  }
  return false;
}

bool Suppressor::MatchesKey(absl::string_view source, absl::string_view source_key) const {
  if (hmacs_.empty() || source_key.empty()) return false;
  return Holds({"source_key", absl::StrCat(source, ":", source_key)});
}

}  // namespace mdm::privacy
