// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/sources.h
//
// The four source types and their noise. Each builder turns one true Person
// into what one source system would hold about them:
//   rep      CRM export per country: complete, sometimes stale (old address
//            after a move), phone formats vary, e-mail missing, family name in
//            upper case, a second record from another rep's territory;
//   msl      KOL profile (JSON): clean, publication (birth) name, sparse address;
//   medinfo  inquiry typed by a call-centre agent: one full-name column in
//            varied orders, typos, nicknames, dropped accents, partial address;
//   social   mention: display name, handle, bio, city, never an identifier.
// data-samples/README.md describes the noise with its rates.
//
// AddPersonRows() decides which sources know a person and appends their rows;
// the single-record builders are also used to derive deliberately bad rows.
//
// Example:
//   SourceRows rows;
//   KeyMaker keys(seed);
//   AddPersonRows(person, data, rng, keys, &rows);
//   // rows.rows[kCrmFr] has one or two records of a French person
#ifndef MDM_TOOLS_GEN_SOURCES_H_
#define MDM_TOOLS_GEN_SOURCES_H_

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/gen/person.h"
#include "tools/gen/random.h"
#include "tools/gen/reference_data.h"
#include "tools/gen/source_spec.h"
#include "tools/gen/writers.h"

namespace mdm::gen {

// Unique, random-looking source keys ("FR04719203", "INQ-503118274"), one
// sequence per source. Not thread-safe.
class KeyMaker {
 public:
  explicit KeyMaker(uint64_t seed) : seed_(seed) {}
  std::string Next(SourceIndex source);

 private:
  uint64_t seed_;
  uint64_t counts_[kSourceCount] = {};
};

// The rows of every source, in generation order.
struct SourceRows {
  std::vector<OutputRow> rows[kSourceCount];
};

// Appends the rows the person has in each source (possibly none).
void AddPersonRows(const Person& person, const ReferenceData& data, Random& rng,
                   KeyMaker& keys, SourceRows* out);

// One record of each kind, with its noise, keyed `key`.
CsvRow RepRow(const Person& person, Random& rng, const std::string& key);
nlohmann::ordered_json MslProfile(const Person& person, Random& rng,
                                  const std::string& key);
CsvRow MedinfoRow(const Person& person, const ReferenceData& data, Random& rng,
                  const std::string& key);
nlohmann::ordered_json SocialMention(const Person& person, const ReferenceData& data,
                                     Random& rng, const std::string& key);

// The CRM source of the person's country.
SourceIndex RepSource(const Person& person);

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_SOURCES_H_
