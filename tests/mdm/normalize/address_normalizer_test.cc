// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/address_normalizer.h"

#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace mdm::normalize {
namespace {

struct TextCase {
  std::string in;
  std::string out;
};

TEST_CASE("NormalizeCountry: codes and names map to ISO alpha-2",
          "[normalize]") {
  const TextCase c = GENERATE(values<TextCase>({
      {"FR", "FR"},
      {"fr", "FR"},
      {"FRA", "FR"},
      {"France", "FR"},
      {"République française", "FR"},
      {"USA", "US"},
      {"U.S.A.", "US"},
      {"United States", "US"},
      {"united states of america", "US"},
      {"États-Unis", "US"},
      {"UK", "GB"},
      {"GB", "GB"},
      {"United Kingdom", "GB"},
      {"Royaume-Uni", "GB"},
      {"England", "GB"},
      {"DE", "DE"},
      {"Deutschland", "DE"},
      {"Allemagne", "DE"},
      {"Germany", "DE"},
      {"Österreich", "AT"},
      {"Belgique", "BE"},
      {"Suisse", "CH"},
      {"es", "ES"},
      {"xk", "XK"},
      {"", ""},
      {"   ", ""},
      {"Atlantis", "Atlantis"},
      {"  Terra   Incognita ", "Terra Incognita"},
  }));
  CAPTURE(c.in);
  CHECK(NormalizeCountry(c.in) == c.out);
}

struct PostcodeCase {
  std::string raw;
  std::string country;
  std::string value;
  Validity validity;
};

TEST_CASE("NormalizePostcode: canonical forms per country", "[normalize]") {
  const PostcodeCase c = GENERATE(values<PostcodeCase>({
      {"75009", "FR", "75009", Validity::kValid},
      {"75 009", "FR", "75009", Validity::kValid},
      {"F-75009", "FR", "75009", Validity::kValid},
      {"FR-75009", "FR", "75009", Validity::kValid},
      {"f75009", "FR", "75009", Validity::kValid},
      {" FR 75009 ", "FR", "75009", Validity::kValid},
      {"75009 CEDEX", "FR", "75009", Validity::kValid},
      {"75009 Cedex 09", "FR", "75009", Validity::kValid},
      {"1000", "FR", "01000", Validity::kValid},   // leading zero lost
      {"20000", "FR", "20000", Validity::kValid},  // Corsica
      {"20290", "FR", "20290", Validity::kValid},
      {"97400", "FR", "97400", Validity::kValid},  // overseas
      {"98000", "FR", "98000", Validity::kValid},
      {"10001", "US", "10001", Validity::kValid},
      {"10001-1234", "US", "10001", Validity::kValid},
      {"100011234", "US", "10001", Validity::kValid},
      {"10001 1234", "US", "10001", Validity::kValid},
      {"2134", "US", "02134", Validity::kValid},
      {"SW1A 1AA", "GB", "SW1A 1AA", Validity::kValid},
      {"sw1a1aa", "GB", "SW1A 1AA", Validity::kValid},
      {" SW1A   1AA ", "GB", "SW1A 1AA", Validity::kValid},
      {"EC1A 1BB", "GB", "EC1A 1BB", Validity::kValid},
      {"W1A 0AX", "GB", "W1A 0AX", Validity::kValid},
      {"M1 1AE", "GB", "M1 1AE", Validity::kValid},
      {"B338TH", "GB", "B33 8TH", Validity::kValid},
      {"CR2 6XH", "GB", "CR2 6XH", Validity::kValid},
      {"DN55 1PT", "GB", "DN55 1PT", Validity::kValid},
      {"gir 0aa", "GB", "GIR 0AA", Validity::kValid},
      {"10115", "DE", "10115", Validity::kValid},
      {"D-10115", "DE", "10115", Validity::kValid},
      {"DE 10115", "DE", "10115", Validity::kValid},
      {"01067", "DE", "01067", Validity::kValid},
      {"1000", "BE", "1000", Validity::kUnchecked},
      {" k1a  0b1 ", "CA", "K1A 0B1", Validity::kUnchecked},
      {"", "FR", "", Validity::kUnchecked},
      {"   ", "GB", "", Validity::kUnchecked},
  }));
  CAPTURE(c.raw, c.country);
  const NormalizedPostcode postcode = NormalizePostcode(c.raw, c.country);
  CHECK(postcode.value == c.value);
  CHECK(postcode.validity == c.validity);
}

TEST_CASE(
    "NormalizePostcode: malformed postcodes are kept upper-cased, invalid",
    "[normalize]") {
  const PostcodeCase c = GENERATE(values<PostcodeCase>({
      {"2A004", "FR", "2A004",
       Validity::kInvalid},  // an INSEE code, not postal
      {"00123", "FR", "00123", Validity::kInvalid},
      {"96100", "FR", "96100", Validity::kInvalid},
      {"99999", "FR", "99999", Validity::kInvalid},
      {"750091", "FR", "750091", Validity::kInvalid},
      {"750", "FR", "750", Validity::kInvalid},
      {"paris", "FR", "PARIS", Validity::kInvalid},
      {"00000", "US", "00000", Validity::kInvalid},
      {"123456", "US", "123456", Validity::kInvalid},
      {"1000a", "US", "1000A", Validity::kInvalid},
      {"SW1A 1A", "GB", "SW1A 1A", Validity::kInvalid},
      {"QW1 1AA", "GB", "QW1 1AA", Validity::kInvalid},    // Q never first
      {"SW1A 1CA", "GB", "SW1A 1CA", Validity::kInvalid},  // C never inward
      {"SW1A  1AAA", "GB", "SW1A 1AAA", Validity::kInvalid},
      {"12345", "GB", "12345", Validity::kInvalid},
      {"00123", "DE", "00123", Validity::kInvalid},
      {"1011", "DE", "1011", Validity::kInvalid},
      {"F-10115", "DE", "F-10115", Validity::kInvalid},
  }));
  CAPTURE(c.raw, c.country);
  const NormalizedPostcode postcode = NormalizePostcode(c.raw, c.country);
  CHECK(postcode.value == c.value);
  CHECK(postcode.validity == c.validity);
}

TEST_CASE("CityKey: cedex, saints and arrondissements reduce to the city",
          "[normalize]") {
  const TextCase c = GENERATE(values<TextCase>({
      {"Paris", "paris"},
      {"PARIS 09", "paris"},
      {"Paris 9e", "paris"},
      {"Paris 9ème", "paris"},
      {"Paris 1er", "paris"},
      {"Paris 16e arrondissement", "paris"},
      {"Lyon 3eme", "lyon"},
      {"Lyon 3e arr.", "lyon"},
      {"MARSEILLE 08", "marseille"},
      {"PARIS CEDEX 09", "paris"},
      {"Lyon Cedex 3", "lyon"},
      {"Bordeaux CEDEX", "bordeaux"},
      {"MARSEILLE 08 CEDEX", "marseille"},
      {"St-Étienne", "saint etienne"},
      {"Saint-Étienne", "saint etienne"},
      {"ST ETIENNE CEDEX 1", "saint etienne"},
      {"Ste-Foy-lès-Lyon", "sainte foy les lyon"},
      {"Villeneuve-St-Georges", "villeneuve saint georges"},
      {"Boulogne-Billancourt", "boulogne billancourt"},
      {"Paris 21", "paris 21"},  // not an arrondissement
      {"Paris 00", "paris 00"},
      {"75", "75"},  // nothing left before the number
      {"", ""},
  }));
  CAPTURE(c.in);
  CHECK(CityKey(c.in) == c.out);
  CHECK(CityKey(CityKey(c.in)) == CityKey(c.in));
}

struct StreetCase {
  std::string street;
  std::string country;
  std::string key;
};

TEST_CASE("StreetKey: French abbreviations are expanded", "[normalize]") {
  const StreetCase c = GENERATE(values<StreetCase>({
      {"12 bd Haussmann", "FR", "12 boulevard haussmann"},
      {"12, Bld Haussmann", "FR", "12 boulevard haussmann"},
      {"12 boul. Haussmann", "FR", "12 boulevard haussmann"},
      {"5 av. de la République", "FR", "5 avenue de la republique"},
      {"5 Ave Foch", "FR", "5 avenue foch"},
      {"3 r de la Paix", "FR", "3 rue de la paix"},
      {"3 bis r. de la Paix", "FR", "3 bis rue de la paix"},
      {"3bis rue de la Paix", "FR", "3 bis rue de la paix"},
      {"12-14 r Pasteur", "FR", "12 14 rue pasteur"},
      {"r Pasteur", "FR", "rue pasteur"},
      {"Résidence R, 2 allée Verte", "FR", "residence r 2 allee verte"},
      {"12 ter pl. du Marché", "FR", "12 ter place du marche"},
      {"8 fbg St-Honoré", "FR", "8 faubourg saint honore"},
      {"8 Fg Saint Honoré", "FR", "8 faubourg saint honore"},
      {"1 imp. des Lilas", "FR", "1 impasse des lilas"},
      {"2 all. des Pins", "FR", "2 allee des pins"},
      {"rte de Lyon", "FR", "route de lyon"},
      {"4 ch. des Vignes", "FR", "4 chemin des vignes"},
      {"4 chem des Vignes", "FR", "4 chemin des vignes"},
      {"6 sq. Montholon", "FR", "6 square montholon"},
      {"7 qu. de la Tournelle", "FR", "7 quai de la tournelle"},
      {"7 qua de la Tournelle", "FR", "7 quai de la tournelle"},
      {"9 crs Mirabeau", "FR", "9 cours mirabeau"},
      {"10 pl Ste-Anne", "FR", "10 place sainte anne"},
      {"12 av. de la Gare", "CH", "12 avenue de la gare"},
      {"12 bd Haussmann", "ES", "12 bd haussmann"},  // no rules for ES
      {"", "FR", ""},
  }));
  CAPTURE(c.street, c.country);
  CHECK(StreetKey(c.street, c.country) == c.key);
}

TEST_CASE("StreetKey: English abbreviations, st is saint only when first",
          "[normalize]") {
  const StreetCase c = GENERATE(values<StreetCase>({
      {"123 Main St", "US", "123 main street"},
      {"1 St James St", "GB", "1 saint james street"},
      {"St Mary's Rd", "GB", "saint marys road"},
      {"221B Example St.", "GB", "221b example street"},
      {"12 St", "US", "12 street"},
      {"5 Park Ave", "US", "5 park avenue"},
      {"400 Sunset Blvd", "US", "400 sunset boulevard"},
      {"9 Elm Dr", "US", "9 elm drive"},
      {"3 Maple Ln", "US", "3 maple lane"},
      {"8 Birch Ct", "US", "8 birch court"},
      {"100 Pacific Hwy", "US", "100 pacific highway"},
      {"1 Garden State Pkwy", "US", "1 garden state parkway"},
      {"350 N Main St Ste 200", "US", "350 north main street suite 200"},
      {"12 E 45th St, Apt 3B", "US", "12 east 45th street apartment 3b"},
      {"77 SW Pine Pl", "US", "77 southwest pine place"},
      {"2 Market Sq", "GB", "2 market square"},
      {"10 Oak Rd", "IE", "10 oak road"},
  }));
  CAPTURE(c.street, c.country);
  CHECK(StreetKey(c.street, c.country) == c.key);
}

TEST_CASE("StreetKey: German str. becomes strasse", "[normalize]") {
  const StreetCase c = GENERATE(values<StreetCase>({
      {"Hauptstr. 5", "DE", "hauptstrasse 5"},
      {"Hauptstraße 5", "DE", "hauptstrasse 5"},
      {"Berliner Str. 12", "DE", "berliner strasse 12"},
      {"Berliner Straße 12", "DE", "berliner strasse 12"},
      {"Ringstr. 3", "AT", "ringstrasse 3"},
      {"Bahnhofstr. 1", "CH", "bahnhofstrasse 1"},
      {"Hauptstr. 5", "FR", "hauptstr 5"},
  }));
  CAPTURE(c.street, c.country);
  CHECK(StreetKey(c.street, c.country) == c.key);
}

TEST_CASE("NormalizeAddress: fills display fields, country, postcode and keys",
          "[normalize]") {
  Address raw;
  raw.street = " 12  bd\tHaussmann ";
  raw.street2 = "  Bât. B ,  3e étage ";
  raw.postcode = "75 009";
  raw.city = "PARIS  CEDEX 09";
  raw.country = "France";
  raw.street_key = "stale";
  const Address a = NormalizeAddress(raw, "US");
  CHECK(a.street == "12 bd Haussmann");
  CHECK(a.street2 == "Bât. B , 3e étage");
  CHECK(a.postcode == "75009");
  CHECK(a.postcode_validity == Validity::kValid);
  CHECK(a.city == "PARIS CEDEX 09");
  CHECK(a.country == "FR");
  CHECK(a.street_key == "12 boulevard haussmann");
  CHECK(a.city_key == "paris");

  // Idempotent: normalizing the output changes nothing.
  const Address again = NormalizeAddress(a, "US");
  CHECK(again.street_key == a.street_key);
  CHECK(again.city_key == a.city_key);
  CHECK(again.postcode == a.postcode);
  CHECK(again.country == a.country);
}

TEST_CASE("NormalizeAddress: the default country applies when none is given",
          "[normalize]") {
  Address raw;
  raw.street = "1 St James St";
  raw.postcode = "sw1a1aa";
  raw.city = "London";
  const Address gb = NormalizeAddress(raw, "uk");
  CHECK(gb.country == "GB");
  CHECK(gb.postcode == "SW1A 1AA");
  CHECK(gb.postcode_validity == Validity::kValid);
  CHECK(gb.street_key == "1 saint james street");

  const Address none = NormalizeAddress(raw, "");
  CHECK(none.country.empty());
  CHECK(none.postcode == "SW1A1AA");
  CHECK(none.postcode_validity == Validity::kUnchecked);
  CHECK(none.street_key == "1 st james st");

  CHECK(NormalizeAddress(Address{}, "FR").postcode_validity ==
        Validity::kUnchecked);
}

// Every French postcode of La Poste's 2017 table is valid, and its
// arrondissement communes ("PARIS 09") key like their routing label ("PARIS").
TEST_CASE("NormalizePostcode: La Poste postcodes are valid for FR",
          "[normalize][dataset]") {
  const std::string path = std::string(MDM_DATASETS_DIR) +
                           "/fr_postcodes_laposte/laposte_hexasmal_2017.csv";
  std::ifstream in(path);
  if (!in) {
    WARN("dataset absent, skipped: " << path);
    return;
  }
  std::string line;
  std::getline(in, line);  // header
  int rows = 0;
  int arrondissements = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::vector<std::string> fields = absl::StrSplit(line, ';');
    REQUIRE(fields.size() >= 4);
    CAPTURE(rows + 2);
    const NormalizedPostcode postcode = NormalizePostcode(fields[2], "FR");
    REQUIRE(postcode.validity == Validity::kValid);
    REQUIRE(postcode.value == fields[2]);
    if (fields[1] != fields[3] && (absl::StartsWith(fields[1], "PARIS ") ||
                                   absl::StartsWith(fields[1], "LYON ") ||
                                   absl::StartsWith(fields[1], "MARSEILLE "))) {
      REQUIRE(CityKey(fields[1]) == CityKey(fields[3]));
      ++arrondissements;
    }
    ++rows;
  }
  CHECK(rows > 39000);
  CHECK(arrondissements >= 45);  // Paris 20, Marseille 16, Lyon 9
}

}  // namespace
}  // namespace mdm::normalize
