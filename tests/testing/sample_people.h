// SPDX-License-Identifier: Apache-2.0
// Thirty invented people as rows of a CRM and an MSL export, shared by the
// pipeline tests that run whole batches over them. Nothing here is about a
// real person.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace mdm::testing {

// One row of either source.
struct SampleRow {
  std::string person;  // who the row is about: the truth, not written out
  std::string source;  // crm or msl
  std::string key;
  std::string family, given, rpps, phone, email, postcode, city;
  std::string observed = "2026-01-01";
  std::string deleted = "";  // non-empty for a delete marker

  std::string Name() const { return absl::StrCat(source, ":", key); }
};

// A valid RPPS: ten digits and a Luhn check digit.
inline std::string ValidRpps(int n) {
  const std::string payload = absl::StrFormat("1%09d", n);
  for (char check = '0'; check <= '9'; ++check) {
    const std::string id = payload + check;
    int sum = 0;
    for (int i = 0; i < 11; ++i) {
      int digit = id[10 - i] - '0';
      if (i % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 == 0) return id;
  }
  return "";
}

inline constexpr int kSamplePeople = 30;

// Person Pi is crm:C(100+i); two in three are msl:M(500+i) too, with a
// missing phone or e-mail now and then and a typo in some names; even i
// have an RPPS. P0 is crm:C100 + msl:M500 with identical values; P2 is
// crm:C102 alone.
inline std::vector<SampleRow> SamplePeopleRows() {
  constexpr const char* kGiven[] = {"Claire", "Paul", "Sophie", "Luc",   "Anne",    "Marc",
                                    "Julie",  "Hugo", "Emma",   "Louis", "Chloe",   "Nina",
                                    "Remi",   "Ines", "Theo",   "Lea",   "Bastien", "Maud"};
  constexpr const char* kFamily[] = {
      "Aubertin", "Carpentier", "Vasseur",   "Delorme",  "Fournel",  "Garnaud",
      "Hebrard",  "Jolivet",    "Lacombe",   "Marchal",  "Noiret",   "Perrichon",
      "Quentel",  "Rouviere",   "Sablon",    "Tardieu",  "Urbain",   "Valognes",
      "Wattier",  "Yvernault",  "Zeller",    "Brossard", "Chaumont", "Despres",
      "Esnault",  "Ferrand",    "Guillou",   "Herbelin", "Issartel", "Jacquemin"};
  constexpr const char* kCities[][2] = {{"75011", "Paris"},     {"69003", "Lyon"},
                                        {"13005", "Marseille"}, {"31000", "Toulouse"},
                                        {"44000", "Nantes"},    {"67000", "Strasbourg"}};
  std::vector<SampleRow> rows;
  for (int i = 0; i < kSamplePeople; ++i) {
    SampleRow r;
    r.person = absl::StrCat("P", i);
    r.source = "crm";
    r.key = absl::StrCat("C", 100 + i);
    r.family = kFamily[i];
    r.given = kGiven[i % 18];
    r.rpps = i % 2 == 0 ? ValidRpps(1000 + i) : "";
    r.phone = absl::StrFormat("01990%05d", 10000 + i);
    r.email = absl::AsciiStrToLower(absl::StrCat(r.given, ".", r.family, "@example.org"));
    r.postcode = kCities[i % 6][0];
    r.city = kCities[i % 6][1];
    rows.push_back(r);
    if (i % 3 == 2) continue;
    r.source = "msl";
    r.key = absl::StrCat("M", 500 + i);
    if (i % 4 == 1) r.email.clear();
    if (i % 5 == 3) r.phone.clear();
    if (i % 7 == 4) r.family.insert(r.family.size() - 1, "e");  // a typo
    rows.push_back(r);
  }
  return rows;
}

// Rows in another order: reversed, then every third row moved to the end.
inline std::vector<SampleRow> Shuffled(std::vector<SampleRow> rows) {
  std::reverse(rows.begin(), rows.end());
  std::vector<SampleRow> out, moved;
  for (size_t i = 0; i < rows.size(); ++i) (i % 3 == 0 ? moved : out).push_back(rows[i]);
  out.insert(out.end(), moved.begin(), moved.end());
  return out;
}

// The CSV layout of the sample rows: one header for both sources, the
// columns SampleSourcesYaml() maps (maj = observed_at, suppr = deleted).
inline constexpr char kSampleCsvHeader[] = "id,nom,prenom,rpps,tel,email,cp,ville,maj,suppr\n";

// `sources:` of an mdm.yaml reading crm*.csv (rep, trust 0.9) and msl*.csv
// (msl, trust 0.7) in the layout of kSampleCsvHeader; MSL first when asked.
inline std::string SampleSourcesYaml(bool msl_first = false) {
  constexpr char kMapping[] =
      "    mapping: {id: source_key, nom: family_name, prenom: given_name, rpps: rpps,\n"
      "              tel: phone, email: email, cp: address.postcode, ville: address.city,\n"
      "              maj: observed_at, suppr: deleted}\n";
  const std::string crm =
      absl::StrCat("  - name: crm\n    type: rep\n    files: crm*.csv\n    trust: 0.9\n", kMapping);
  const std::string msl =
      absl::StrCat("  - name: msl\n    type: msl\n    files: msl*.csv\n    trust: 0.7\n", kMapping);
  return absl::StrCat("sources:\n", msl_first ? msl : crm, msl_first ? crm : msl);
}

// One line of a sample CSV file, newline included.
inline std::string SampleCsvLine(const SampleRow& r) {
  return absl::StrCat(absl::StrJoin({r.key, r.family, r.given, r.rpps, r.phone, r.email,
                                     r.postcode, r.city, r.observed, r.deleted},
                                    ","),
                      "\n");
}

// The rows as CSV files: source -> text (header, then its rows in order).
inline std::map<std::string, std::string> SampleCsvFiles(const std::vector<SampleRow>& rows) {
  std::map<std::string, std::string> files;
  for (const SampleRow& r : rows) {
    std::string& text = files[r.source];
    if (text.empty()) text = kSampleCsvHeader;
    absl::StrAppend(&text, SampleCsvLine(r));
  }
  return files;
}

// A delete marker for `source:key`: key, time and flag only.
inline SampleRow SampleDeleteMarker(const std::string& source, const std::string& key,
                                    const std::string& observed) {
  SampleRow r;
  r.source = source;
  r.key = key;
  r.observed = observed;
  r.deleted = "yes";
  return r;
}

}  // namespace mdm::testing
