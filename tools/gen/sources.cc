// SPDX-License-Identifier: Apache-2.0
// Which sources know a person, and the source keys.
#include "tools/gen/sources.h"

#include "absl/strings/str_format.h"

namespace mdm::gen {
namespace {

constexpr double kRepShare = 0.92;
constexpr double kSecondRepShare = 0.2;   // another rep's territory
constexpr double kInquirerShare = 0.55;   // ever called medical information
constexpr double kOnSocialShare = 0.4;
constexpr double kRepeatShare = 0.5;      // chance of one more inquiry/mention
constexpr int kMaxInquiries = 6;
constexpr int kMaxMentions = 5;

struct KeyFormat {
  const char* prefix;
  int digits;
  uint64_t modulus;
};
// Indexed by SourceIndex.
constexpr KeyFormat kKeyFormats[kSourceCount] = {
    {"FR", 8, 100000000ULL},
    {"US", 8, 100000000ULL},
    {"KOL-", 7, 10000000ULL},
    {"INQ-", 9, 1000000000ULL},
    {"SM-", 10, 10000000000ULL},
};

// 1 + the number of successes before the first failure, capped at `max`.
int RepeatCount(Random& rng, int max) {
  int count = 1;
  while (count < max && rng.Chance(kRepeatShare)) ++count;
  return count;
}

void AddCsv(SourceIndex source, const Person& person, const std::string& key,
            const CsvRow& row, SourceRows* out) {
  out->rows[source].push_back(
      {key, person.id, CsvText(row.fields(), SourceSpecs()[source])});
}

void AddJson(SourceIndex source, const Person& person, const std::string& key,
             const nlohmann::ordered_json& object, SourceRows* out) {
  out->rows[source].push_back({key, person.id, JsonText(object)});
}

}  // namespace

std::string KeyMaker::Next(SourceIndex source) {
  const KeyFormat& format = kKeyFormats[source];
  const uint64_t number = Scatter(counts_[source]++, format.modulus, seed_ + source);
  return absl::StrFormat("%s%0*d", format.prefix, format.digits, number);
}

void AddPersonRows(const Person& person, const ReferenceData& data, Random& rng,
                   KeyMaker& keys, SourceRows* out) {
  if (rng.Chance(kRepShare)) {
    const int records = rng.Chance(kSecondRepShare) ? 2 : 1;
    for (int record_idx = 0; record_idx < records; ++record_idx) {
      const SourceIndex source = RepSource(person);
      const std::string key = keys.Next(source);
      AddCsv(source, person, key, RepRow(person, rng, key), out);
    }
  }
  if (person.kol) {
    const std::string key = keys.Next(kMslKol);
    AddJson(kMslKol, person, key, MslProfile(person, rng, key), out);
  }
  if (rng.Chance(kInquirerShare)) {
    for (int count = RepeatCount(rng, kMaxInquiries); count > 0; --count) {
      const std::string key = keys.Next(kMedinfo);
      AddCsv(kMedinfo, person, key, MedinfoRow(person, data, rng, key), out);
    }
  }
  if (rng.Chance(kOnSocialShare)) {
    for (int count = RepeatCount(rng, kMaxMentions); count > 0; --count) {
      const std::string key = keys.Next(kSocial);
      AddJson(kSocial, person, key, SocialMention(person, data, rng, key), out);
    }
  }
}

}  // namespace mdm::gen
