// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/reference_data.h"

#include <cstdint>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "mdm/status.h"
#include "tools/gen/lists.h"
#include "tools/gen/text.h"

namespace mdm::gen {
namespace {

constexpr absl::string_view kFrGivenFile =
    "first_names_fr_insee/prenoms_fr_insee_totals.csv";
constexpr absl::string_view kUsGivenFile =
    "first_names_us_ssa/us_ssa_first_names_totals.csv";
constexpr absl::string_view kCommuneFile =
    "fr_postcodes_laposte/laposte_hexasmal_2017.csv";
constexpr absl::string_view kNicknameFile = "nicknames_us/names.csv";

// Birth years of HCPs at work today; names outside them are rare among HCPs.
constexpr int64_t kFirstBirthYear = 1955;
constexpr int64_t kLastBirthYear = 2000;
constexpr int64_t kMinFrBirths = 200;
constexpr int64_t kMinUsBirths = 1000;

// The data lines of a list (header checked and dropped, CR removed).
absl::StatusOr<std::vector<std::string>> ReadList(absl::string_view dir,
                                                  absl::string_view file,
                                                  absl::string_view header) {
  const std::string path = absl::StrCat(dir, "/", file);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(
        "cannot read reference list ", path,
        " (pass --datasets DIR pointing at shared/datasets)"));
  }
  std::ostringstream content;
  content << in.rdbuf();
  std::vector<std::string> lines =
      absl::StrSplit(content.str(), '\n', absl::SkipEmpty());
  for (std::string& line : lines) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
  }
  if (lines.empty() || lines.front() != header) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": unexpected header, expected '", header, "'"));
  }
  lines.erase(lines.begin());
  return lines;
}

absl::Status RequireEntries(size_t count, absl::string_view file) {
  if (count > 0) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(file, ": no usable entry in the list"));
}

// True when a name was given in the HCP birth years and often enough.
bool InBirthWindow(absl::string_view first, absl::string_view last,
                   absl::string_view births, int64_t min_births,
                   uint64_t* weight) {
  int64_t first_year = 0, last_year = 0, total = 0;
  if (!absl::SimpleAtoi(first, &first_year) ||
      !absl::SimpleAtoi(last, &last_year) || !absl::SimpleAtoi(births, &total)) {
    return false;
  }
  *weight = static_cast<uint64_t>(total);
  return first_year <= kLastBirthYear && last_year >= kFirstBirthYear &&
         total >= min_births;
}

absl::Status LoadFrenchGiven(absl::string_view dir, ReferenceData* data) {
  MDM_ASSIGN_OR_RETURN(
      std::vector<std::string> lines,
      ReadList(dir, kFrGivenFile,
               "sexe,prenom,births_total,first_year,last_year,years_listed"));
  for (const std::string& line : lines) {
    std::vector<absl::string_view> cols = absl::StrSplit(line, ',');
    uint64_t weight = 0;
    if (cols.size() != 6 || (cols[0] != "1" && cols[0] != "2") ||
        !InBirthWindow(cols[3], cols[4], cols[2], kMinFrBirths, &weight)) {
      continue;
    }
    data->fr_given[cols[0] == "1" ? kMale : kFemale].Add(NaturalCase(cols[1]),
                                                         weight);
  }
  MDM_RETURN_IF_ERROR(RequireEntries(data->fr_given[kMale].names.size(), kFrGivenFile));
  return RequireEntries(data->fr_given[kFemale].names.size(), kFrGivenFile);
}

absl::Status LoadUsGiven(absl::string_view dir, ReferenceData* data) {
  MDM_ASSIGN_OR_RETURN(
      std::vector<std::string> lines,
      ReadList(dir, kUsGivenFile, "name,sex,births_total,first_year,last_year"));
  for (const std::string& line : lines) {
    std::vector<absl::string_view> cols = absl::StrSplit(line, ',');
    uint64_t weight = 0;
    if (cols.size() != 5 || (cols[1] != "M" && cols[1] != "F") ||
        !InBirthWindow(cols[3], cols[4], cols[2], kMinUsBirths, &weight)) {
      continue;
    }
    data->us_given[cols[1] == "M" ? kMale : kFemale].Add(std::string(cols[0]),
                                                         weight);
  }
  MDM_RETURN_IF_ERROR(RequireEntries(data->us_given[kMale].names.size(), kUsGivenFile));
  return RequireEntries(data->us_given[kFemale].names.size(), kUsGivenFile);
}

// Postcodes of the big cities, matched on routing label and department so
// that homonyms elsewhere ("LA ROCHELLE" in Haute-Saône) stay out.
void CollectCityPostcodes(absl::string_view label, absl::string_view postcode,
                          ReferenceData* data) {
  const absl::Span<const FrenchCity> cities = FrenchCities();
  for (size_t city_idx = 0; city_idx < cities.size(); ++city_idx) {
    if (label == cities[city_idx].routing_label &&
        absl::StartsWith(postcode, cities[city_idx].department)) {
      data->fr_city_postcodes[city_idx].emplace_back(postcode);
    }
  }
}

absl::Status LoadCommunes(absl::string_view dir, ReferenceData* data) {
  MDM_ASSIGN_OR_RETURN(
      std::vector<std::string> lines,
      ReadList(dir, kCommuneFile,
               "Code_commune_INSEE;Nom_commune;Code_postal;"
               "Libelle_acheminement;Ligne_5;coordonnees_gps"));
  data->fr_city_postcodes.assign(FrenchCities().size(), {});
  absl::flat_hash_set<std::string> seen;
  for (const std::string& line : lines) {
    std::vector<absl::string_view> cols = absl::StrSplit(line, ';');
    if (cols.size() < 4 || cols[2].size() != 5 || cols[3].empty()) continue;
    if (!seen.insert(absl::StrCat(cols[3], ";", cols[2])).second) continue;
    data->fr_communes.push_back(
        {CityFromRoutingLabel(cols[3]), std::string(cols[2])});
    CollectCityPostcodes(cols[3], cols[2], data);
  }
  for (const std::vector<std::string>& postcodes : data->fr_city_postcodes) {
    MDM_RETURN_IF_ERROR(RequireEntries(postcodes.size(), kCommuneFile));
  }
  return absl::OkStatus();
}

absl::Status LoadNicknames(absl::string_view dir, ReferenceData* data) {
  MDM_ASSIGN_OR_RETURN(std::vector<std::string> lines,
                       ReadList(dir, kNicknameFile, "name1,relationship,name2"));
  for (const std::string& line : lines) {
    std::vector<absl::string_view> cols = absl::StrSplit(line, ',');
    if (cols.size() != 3 || cols[1] != "has_nickname") continue;
    data->us_nicknames[cols[0]].emplace_back(cols[2]);
  }
  return RequireEntries(data->us_nicknames.size(), kNicknameFile);
}

void LoadBuiltInLists(ReferenceData* data) {
  for (const WeightedName& name : FrenchFamilyNames()) {
    data->fr_family.Add(name.name, name.weight);
  }
  for (const WeightedName& name : UsFamilyNames()) {
    data->us_family.Add(name.name, name.weight);
  }
  for (const FrenchCity& city : FrenchCities()) data->fr_city_weights.Add(city.weight);
  for (const UsCity& city : UsCities()) data->us_city_weights.Add(city.weight);
}

}  // namespace

void NamePool::Add(std::string name, uint64_t weight) {
  names.push_back(std::move(name));
  weights.Add(weight);
}

const std::string& NamePool::Draw(Random& rng) const {
  return names[weights.Draw(rng)];
}

std::string CityFromRoutingLabel(absl::string_view label) {
  static const absl::flat_hash_set<absl::string_view> kSmallWords = {
      "LE", "LA", "LES", "DE", "DU", "DES", "EN", "SUR", "SOUS", "AUX", "ET", "AU"};
  std::vector<absl::string_view> words = absl::StrSplit(label, ' ', absl::SkipEmpty());
  std::string city;
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    absl::string_view word = words[word_idx];
    const bool first = word_idx == 0;
    if (!first && !city.empty() && city.back() != '\'') {
      // A leading article stays apart ("Le Havre"); other words are hyphenated.
      const bool after_article =
          word_idx == 1 && (words[0] == "LE" || words[0] == "LA" || words[0] == "LES");
      city.push_back(after_article ? ' ' : '-');
    }
    if (word == "ST" || word == "STE") {
      absl::StrAppend(&city, word == "ST" ? "Saint" : "Sainte");
    } else if ((word == "D" || word == "L") && word_idx + 1 < words.size()) {
      absl::StrAppend(&city, first ? word : LowerCase(word), "'");
    } else if (!first && kSmallWords.contains(word)) {
      absl::StrAppend(&city, LowerCase(word));
    } else {
      absl::StrAppend(&city, NaturalCase(word));
    }
  }
  return city;
}

absl::StatusOr<ReferenceData> LoadReferenceData(absl::string_view datasets_dir) {
  ReferenceData data;
  MDM_RETURN_IF_ERROR(LoadFrenchGiven(datasets_dir, &data));
  MDM_RETURN_IF_ERROR(LoadUsGiven(datasets_dir, &data));
  MDM_RETURN_IF_ERROR(LoadCommunes(datasets_dir, &data));
  MDM_RETURN_IF_ERROR(LoadNicknames(datasets_dir, &data));
  LoadBuiltInLists(&data);
  return data;
}

}  // namespace mdm::gen
