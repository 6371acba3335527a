// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/feature_table.h"

#include <algorithm>
#include <limits>

#include "absl/container/flat_hash_map.h"

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
    case MatchField::kSpecialty: return Slot::kSpecialty;
    case MatchField::kAffiliation: return Slot::kAffiliation;
    case MatchField::kSocialHandle: return Slot::kHandle;
    case MatchField::kIdentifier: return Slot::kIdentifier;
  }
  return Slot::kGiven;
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
  list(k.postcodes);
  list(k.cities);
  list(k.streets);
  list(k.specialties);
  list(k.affiliations);
  list(k.handles);
  for (const IdentifierKey& id : k.identifiers) {
    Push(id.value, InternScheme(id.scheme), id.valid);
  }
  starts_.push_back(static_cast<uint32_t>(values_.size()));
  record_ids_.push_back(record_id);
  return size() - 1;
}

void FeatureTable::ComputeTermFrequencies(Slot slot) {
  absl::flat_hash_map<absl::string_view, uint32_t> counts;
  size_t total = 0;
  for (uint32_t row = 0; row < size(); ++row) {
    for (const FeatureValue& v : Values(row, slot)) {
      ++counts[Text(v)];
      ++total;
    }
  }
  if (total == 0) return;
  for (uint32_t row = 0; row < size(); ++row) {
    const size_t cell = static_cast<size_t>(row) * kSlotCount + static_cast<size_t>(slot);
    for (uint32_t i = starts_[cell]; i < starts_[cell + 1]; ++i) {
      values_[i].tf = static_cast<float>(counts[Text(values_[i])]) / static_cast<float>(total);
    }
  }
}

size_t FeatureTable::memory_bytes() const {
  return record_ids_.capacity() * sizeof(int64_t) + starts_.capacity() * sizeof(uint32_t) +
         values_.capacity() * sizeof(FeatureValue) + arena_.capacity();
}

}  // namespace mdm::match
