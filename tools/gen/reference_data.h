// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/reference_data.h
//
// Loads the reference lists mdm-gen draws people from and joins them with the
// built-in lists of tools/gen/lists.h:
//   first_names_fr_insee/prenoms_fr_insee_totals.csv  French given names by sex
//   first_names_us_ssa/us_ssa_first_names_totals.csv  US given names by sex
//   fr_postcodes_laposte/laposte_hexasmal_2017.csv    French communes + postcodes
//   nicknames_us/names.csv                            English nicknames
// Given names are weighted by births, restricted to names given between 1955
// and 2000 (the birth years of working HCPs), and rendered in natural case
// ("JEAN-PIERRE" -> "Jean-Pierre").
//
// Example:
//   absl::StatusOr<ReferenceData> data = LoadReferenceData("/work/shared/datasets");
//   const std::string& name = data->fr_given[kFemale].Draw(rng);  // "Nathalie"
#ifndef MDM_TOOLS_GEN_REFERENCE_DATA_H_
#define MDM_TOOLS_GEN_REFERENCE_DATA_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "tools/gen/random.h"

namespace mdm::gen {

inline constexpr int kMale = 0;
inline constexpr int kFemale = 1;

// Names with their draw weights.
struct NamePool {
  std::vector<std::string> names;
  WeightedIndex weights;

  void Add(std::string name, uint64_t weight);
  // REQUIRES: at least one name with a positive weight.
  const std::string& Draw(Random& rng) const;
};

// A French commune as a postal address shows it.
struct Commune {
  std::string city;      // natural case: "Lyons-la-Foret"
  std::string postcode;  // five digits
};

struct ReferenceData {
  NamePool fr_given[2];  // indexed by kMale / kFemale
  NamePool us_given[2];
  NamePool fr_family;
  NamePool us_family;
  // Every distinct (city, postcode) of La Poste's table, in file order.
  std::vector<Commune> fr_communes;
  // Postcodes of each FrenchCities() entry, same order as that list.
  std::vector<std::vector<std::string>> fr_city_postcodes;
  WeightedIndex fr_city_weights;
  WeightedIndex us_city_weights;
  // Lower-case English given name -> its nicknames, lower case, file order.
  absl::flat_hash_map<std::string, std::vector<std::string>> us_nicknames;
};

// LoadReferenceData()
//
// Reads the four lists under `datasets_dir`. NotFound naming the missing file
// when one cannot be read; InvalidArgument naming the file when its header is
// not the expected one or it yields no usable entry. Reads files only.
absl::StatusOr<ReferenceData> LoadReferenceData(absl::string_view datasets_dir);

// The natural-case city of a La Poste routing label: "ST ETIENNE" ->
// "Saint-Etienne", "LE HAVRE" -> "Le Havre", "L ISLE ADAM" -> "L'Isle-Adam".
std::string CityFromRoutingLabel(absl::string_view label);

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_REFERENCE_DATA_H_
