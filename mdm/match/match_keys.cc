// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/match_keys.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "matchers/phonetic.h"
#include "mdm/normalize/text_fold.h"

namespace mdm::match {
namespace {

// Bump when the content changes (new field, other phonetic rules): stored
// values of an older version are then extracted again from the record.
constexpr uint8_t kFormatVersion = 3;

}  // namespace

std::string SocialHandleKey(absl::string_view handle) {
  handle = absl::StripAsciiWhitespace(handle);
  while (absl::ConsumeSuffix(&handle, "/")) {
  }
  if (size_t slash = handle.rfind('/'); slash != absl::string_view::npos) {
    handle.remove_prefix(slash + 1);
  }
  absl::ConsumePrefix(&handle, "@");
  return normalize::FoldKey(handle);
}

namespace {

std::vector<std::string> Sounds(absl::string_view key) {
  if (key.empty()) return {};
  matchers::DoubleMetaphoneCodes codes = matchers::DoubleMetaphone(key);
  std::vector<std::string> out;
  if (!codes.primary.empty()) out.push_back(std::move(codes.primary));
  if (!codes.alternate.empty() && (out.empty() || codes.alternate != out[0])) {
    out.push_back(std::move(codes.alternate));
  }
  return out;
}

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutString(absl::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s.data(), s.size());
}

void PutList(const std::vector<std::string>& list, std::string* out) {
  PutVarint(list.size(), out);
  for (const std::string& s : list) PutString(s, out);
}

class Decoder {
 public:
  explicit Decoder(absl::string_view in) : in_(in) {}

  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return false;
      const auto byte = static_cast<uint8_t>(in_[0]);
      in_.remove_prefix(1);
      *v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  }

  bool String(std::string* s) {
    uint64_t n = 0;
    if (!Varint(&n) || n > in_.size()) return false;
    s->assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }

  bool List(std::vector<std::string>* list) {
    uint64_t n = 0;
    if (!Varint(&n) || n > in_.size()) return false;
    list->resize(n);
    for (std::string& s : *list) {
      if (!String(&s)) return false;
    }
    return true;
  }

  bool Byte(uint8_t* b) {
    if (in_.empty()) return false;
    *b = static_cast<uint8_t>(in_[0]);
    in_.remove_prefix(1);
    return true;
  }

  bool done() const { return in_.empty(); }

 private:
  absl::string_view in_;
};

}  // namespace

MatchKeys ExtractMatchKeys(const SourceRecord& r) {
  MatchKeys k;
  k.given = r.name.given_key;
  k.family = r.name.family_key;
  k.maiden = r.name.maiden_key;
  k.given_sounds = Sounds(k.given);
  k.family_sounds = Sounds(k.family);
  k.family_phonex = matchers::Phonex(k.family);
  k.birth_date = r.birth_date;
  k.gender = r.gender;
  for (const Email& e : r.emails) {
    if (!e.normalized.empty()) k.emails.push_back(e.normalized);
  }
  for (const Phone& p : r.phones) {
    if (!p.e164.empty()) k.phones.push_back(p.e164);
  }
  for (const Address& a : r.addresses) {
    if (a.postcode.empty() && a.city_key.empty() && a.street_key.empty()) continue;
    k.addresses.push_back({a.postcode, a.city_key, a.street_key});
  }
  for (const Specialty& s : r.specialties) {
    std::string key = s.code.empty() ? "~" + normalize::FoldKey(s.raw) : s.code;
    if (key != "~") k.specialties.push_back(std::move(key));
  }
  for (const Affiliation& a : r.affiliations) {
    if (!a.name_key.empty()) k.affiliations.push_back(a.name_key);
  }
  for (const std::string& h : r.social_handles) {
    std::string key = SocialHandleKey(h);
    if (!key.empty()) k.handles.push_back(std::move(key));
  }
  for (const Identifier& id : r.identifiers) {
    if (id.value.empty()) continue;
    k.identifiers.push_back({id.scheme, id.value, id.validity == Validity::kValid});
  }
  return k;
}

std::string EncodeMatchKeys(const MatchKeys& k) {
  std::string out;
  out.reserve(128);
  out.push_back(static_cast<char>(kFormatVersion));
  for (const std::string* s : {&k.given, &k.family, &k.maiden, &k.family_phonex,
                               &k.birth_date, &k.gender}) {
    PutString(*s, &out);
  }
  for (const auto* list : {&k.given_sounds, &k.family_sounds, &k.emails, &k.phones,
                           &k.specialties, &k.affiliations, &k.handles}) {
    PutList(*list, &out);
  }
  PutVarint(k.addresses.size(), &out);
  for (const AddressKey& a : k.addresses) {
    PutString(a.postcode, &out);
    PutString(a.city, &out);
    PutString(a.street, &out);
  }
  PutVarint(k.identifiers.size(), &out);
  for (const IdentifierKey& id : k.identifiers) {
    PutString(id.scheme, &out);
    PutString(id.value, &out);
    out.push_back(id.valid ? 1 : 0);
  }
  return out;
}

bool IsCurrentMatchKeys(absl::string_view blob) {
  return !blob.empty() && static_cast<uint8_t>(blob[0]) == kFormatVersion;
}

absl::Status DecodeMatchKeys(absl::string_view blob, MatchKeys* k) {
  Decoder d(blob);
  uint8_t version = 0;
  if (!d.Byte(&version)) return absl::DataLossError("match keys: stored value is empty");
  if (version != kFormatVersion) {
    return absl::FailedPreconditionError("match keys: stored in another format version");
  }
  bool ok = true;
  for (std::string* s : {&k->given, &k->family, &k->maiden, &k->family_phonex,
                         &k->birth_date, &k->gender}) {
    ok = ok && d.String(s);
  }
  for (auto* list : {&k->given_sounds, &k->family_sounds, &k->emails, &k->phones,
                     &k->specialties, &k->affiliations, &k->handles}) {
    ok = ok && d.List(list);
  }
  uint64_t addresses = 0;
  ok = ok && d.Varint(&addresses) && addresses <= blob.size();
  if (ok) k->addresses.resize(addresses);
  for (size_t i = 0; ok && i < addresses; ++i) {
    AddressKey& a = k->addresses[i];
    ok = d.String(&a.postcode) && d.String(&a.city) && d.String(&a.street);
  }
  uint64_t ids = 0;
  ok = ok && d.Varint(&ids) && ids <= blob.size();
  if (ok) k->identifiers.resize(ids);
  for (size_t i = 0; ok && i < ids; ++i) {
    uint8_t valid = 0;
    ok = d.String(&k->identifiers[i].scheme) && d.String(&k->identifiers[i].value) &&
         d.Byte(&valid) && valid <= 1;
    if (ok) k->identifiers[i].valid = valid == 1;
  }
  if (!ok || !d.done()) {
    return absl::DataLossError("match keys: stored value is damaged");
  }
  return absl::OkStatus();
}

}  // namespace mdm::match
