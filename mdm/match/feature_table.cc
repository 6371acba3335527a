// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/feature_table.h"

#include <algorithm>
#include <limits>

#include "absl/container/flat_hash_map.h"
#include "mdm/match/handle_spelling.h"

namespace mdm::match {

Slot SlotOf(MatchField field) {
  switch (field) {
    case MatchField::kGivenName: return Slot::kGiven;
    case MatchField::kFamilyName: return Slot::kFamily;
    case MatchField::kBirthDate: return Slot::kBirthDate;
    case MatchField::kGender: return Slot::kGender;
    case MatchField::kEmail: return Slot::kEmail;
    case MatchField::kPhone: return Slot::kPhone;
    case MatchField::kPostcode: return Slot::kPostcode;
    case MatchField::kCity: return Slot::kCity;
    case MatchField::kStreet: return Slot::kStreet;
    case MatchField::kAddress: return Slot::kAddress;
    case MatchField::kSpecialty: return Slot::kSpecialty;
    case MatchField::kAffiliation: return Slot::kAffiliation;
    case MatchField::kSocialHandle: return Slot::kHandle;
    case MatchField::kIdentifier: return Slot::kIdentifier;
  }
  return Slot::kGiven;
}

constexpr char kAddressSeparator = '\x1f';

std::string EncodeAddress(const AddressKey& a) {
  std::string out;
  out.reserve(a.postcode.size() + a.city.size() + a.street.size() + 2);
  out.append(a.postcode).push_back(kAddressSeparator);
  out.append(a.city).push_back(kAddressSeparator);
  out.append(a.street);
  return out;
}

AddressParts DecodeAddress(absl::string_view value) {
  AddressParts p;
  const size_t first = value.find(kAddressSeparator);
  const size_t second = first == absl::string_view::npos
                            ? absl::string_view::npos
                            : value.find(kAddressSeparator, first + 1);
  if (second == absl::string_view::npos) return p;
  p.postcode = value.substr(0, first);
  p.city = value.substr(first + 1, second - first - 1);
  p.street = value.substr(second + 1);
  return p;
}

FeatureTable::FeatureTable() { starts_.push_back(0); }

void FeatureTable::Push(absl::string_view text, uint8_t scheme, bool valid) {
  constexpr size_t kMaxValue = std::numeric_limits<uint16_t>::max();
  text = text.substr(0, kMaxValue);
  FeatureValue v;
  v.offset = arena_.size();
  v.size = text.size();
  v.scheme = scheme;
  v.valid = valid ? 1 : 0;
  arena_.append(text.data(), text.size());
  values_.push_back(v);
}

void FeatureTable::PushAll(const std::vector<std::string>& list) {
  for (const std::string& s : list) Push(s);
}

uint8_t FeatureTable::InternScheme(absl::string_view scheme) {
  for (size_t i = 0; i < schemes_.size(); ++i) {
    if (schemes_[i] == scheme) return static_cast<uint8_t>(i);
  }
  if (schemes_.size() == std::numeric_limits<uint8_t>::max()) {
    return std::numeric_limits<uint8_t>::max() - 1;
  }
  schemes_.emplace_back(scheme);
  return static_cast<uint8_t>(schemes_.size() - 1);
}

int FeatureTable::SchemeIndex(absl::string_view scheme) const {
  for (size_t i = 0; i < schemes_.size(); ++i) {
    if (schemes_[i] == scheme) return static_cast<int>(i);
  }
  return -1;
}

uint32_t FeatureTable::Add(int64_t record_id, const MatchKeys& k) {
  // Slots are appended in enum order; each closes with its end offset.
  auto single = [&](const std::string& s) {
    if (!s.empty()) Push(s);
    starts_.push_back(static_cast<uint32_t>(values_.size()));
  };
  auto list = [&](const std::vector<std::string>& l) {
    PushAll(l);
    starts_.push_back(static_cast<uint32_t>(values_.size()));
  };
  single(k.given);
  single(k.family);
  single(k.maiden);
  list(k.given_sounds);
  list(k.family_sounds);
  single(k.family_phonex);
  single(k.birth_date);
  single(k.gender);
  list(k.emails);
  list(k.phones);
  // Each distinct part once: blocking and single-part comparisons read these.
  auto parts = [&](std::string AddressKey::*part) {
    for (size_t i = 0; i < k.addresses.size(); ++i) {
      const std::string& value = k.addresses[i].*part;
      bool seen = value.empty();
      for (size_t j = 0; j < i && !seen; ++j) seen = k.addresses[j].*part == value;
      if (!seen) Push(value);
    }
    starts_.push_back(static_cast<uint32_t>(values_.size()));
  };
  parts(&AddressKey::postcode);
  parts(&AddressKey::city);
  parts(&AddressKey::street);
  for (const AddressKey& a : k.addresses) Push(EncodeAddress(a));
  starts_.push_back(static_cast<uint32_t>(values_.size()));
  list(k.specialties);
  list(k.affiliations);
  list(k.handles);
  for (const IdentifierKey& id : k.identifiers) {
    Push(id.value, InternScheme(id.scheme), id.valid);
  }
  starts_.push_back(static_cast<uint32_t>(values_.size()));
  list(HandleSpellings(k.handles));
  // Only records that could own a handle need these: every record.
  list(ContactSpellings(k.emails, k.given, k.family));
  record_ids_.push_back(record_id);
  return size() - 1;
}

void FeatureTable::Append(const FeatureTable& other) {
  std::vector<uint8_t> scheme_of(other.schemes_.size());
  for (size_t i = 0; i < other.schemes_.size(); ++i) {
    scheme_of[i] = InternScheme(other.schemes_[i]);
  }
  const uint64_t arena_base = arena_.size();
  const uint32_t value_base = static_cast<uint32_t>(values_.size());
  arena_.append(other.arena_);
  for (const FeatureValue& v : other.values_) {
    FeatureValue copy = v;
    copy.offset = v.offset + arena_base;
    copy.tf = 0;
    values_.push_back(copy);
  }
  // Scheme indices are the other table's: only identifier values have one.
  for (uint32_t row = 0; row < other.size(); ++row) {
    const size_t cell = static_cast<size_t>(row) * kSlotCount +
                        static_cast<size_t>(Slot::kIdentifier);
    for (uint32_t i = other.starts_[cell]; i < other.starts_[cell + 1]; ++i) {
      values_[value_base + i].scheme = scheme_of[other.values_[i].scheme];
    }
  }
  for (size_t i = 1; i < other.starts_.size(); ++i) {
    starts_.push_back(other.starts_[i] + value_base);
  }
  record_ids_.insert(record_ids_.end(), other.record_ids_.begin(), other.record_ids_.end());
}

uint32_t FeatureTable::AppendRow(const FeatureTable& other, uint32_t row) {
  for (int slot = 0; slot < kSlotCount; ++slot) {
    for (const FeatureValue& v : other.Values(row, static_cast<Slot>(slot))) {
      const bool identifier = slot == static_cast<int>(Slot::kIdentifier);
      Push(other.Text(v), identifier ? InternScheme(other.schemes_[v.scheme]) : 0, v.valid);
    }
    starts_.push_back(static_cast<uint32_t>(values_.size()));
  }
  record_ids_.push_back(other.record_ids_[row]);
  return size() - 1;
}

void FeatureTable::SetTermFrequencies(Slot slot, size_t total,
                                      absl::FunctionRef<float(absl::string_view)> tf_of) {
  tf_totals_[static_cast<size_t>(slot)] = total;
  for (uint32_t row = 0; row < size(); ++row) {
    const size_t cell = static_cast<size_t>(row) * kSlotCount + static_cast<size_t>(slot);
    for (uint32_t i = starts_[cell]; i < starts_[cell + 1]; ++i) {
      values_[i].tf = tf_of(Text(values_[i]));
    }
  }
}

size_t FeatureTable::memory_bytes() const {
  return record_ids_.capacity() * sizeof(int64_t) + starts_.capacity() * sizeof(uint32_t) +
         values_.capacity() * sizeof(FeatureValue) + arena_.capacity();
}

}  // namespace mdm::match
