// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/specialty_catalog.h"

#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace mdm::normalize {
namespace {

struct LookupCase {
  std::string raw;
  std::string code;
};

TEST_CASE("SpecialtyCatalog: French and English spellings map to one code",
          "[normalize]") {
  const LookupCase c = GENERATE(values<LookupCase>({
      {"cardio", "cardiology"},
      {"Cardiologue", "cardiology"},
      {"CARDIOLOGIE", "cardiology"},
      {"Cardiology", "cardiology"},
      {"Cardiovascular Disease", "cardiology"},
      {"cardiology", "cardiology"},
      {"MG", "general_practice"},
      {"Médecin généraliste", "general_practice"},
      {"MEDECIN GENERALISTE", "general_practice"},
      {"General Practice", "general_practice"},
      {"GP", "general_practice"},
      {"Family Medicine", "general_practice"},
      {"general_practice", "general_practice"},
      {"Infirmier/Infirmière", "nurse"},
      {"infirmière", "nurse"},
      {"IDE", "nurse"},
      {"Registered Nurse", "nurse"},
      {"Pharmacien", "pharmacist"},
      {"pharmacist", "pharmacist"},
      {"Kiné", "physiotherapist"},
      {"masseur-kinésithérapeute", "physiotherapist"},
      {"Physical Therapist", "physiotherapist"},
      {"Pédiatre", "pediatrics"},
      {"Oncologue", "medical_oncology"},
      {"Dermato", "dermatology"},
      {"Sage-femme", "midwife"},
      {"sage femme", "midwife"},
      {"Midwife", "midwife"},
      {"Chirurgien-dentiste", "dentist"},
      {"Dentist", "dentist"},
      {"ORL", "otolaryngology"},
      {"Ear, Nose and Throat", "otolaryngology"},
      {"OB/GYN", "obstetrics_gynecology"},
      {"Anesthésiste-réanimateur", "anesthesiology"},
      {"Infirmier anesthésiste", "nurse_anesthetist"},
      {"  psychiatre  ", "psychiatry"},
      {"Pédopsychiatre", "child_psychiatry"},
  }));
  CAPTURE(c.raw);
  CHECK(SpecialtyCatalog::Default().Lookup(c.raw) == c.code);
}

TEST_CASE("SpecialtyCatalog: the longest spelling inside several words wins",
          "[normalize]") {
  const LookupCase c = GENERATE(values<LookupCase>({
      {"Infirmière libérale Paris", "nurse"},
      {"Dr cardiologue hospitalier", "cardiology"},
      {"Cardiologie interventionnelle", "cardiology"},
      {"Praticien hospitalier - Oncologue radiothérapeute",
       "radiation_oncology"},
      {"Anesthésie-réanimation chirurgicale", "anesthesiology"},
      {"Senior Registered Nurse (ICU)", "nurse"},
      {"Consultant Paediatric Surgeon", "pediatric_surgery"},
      {"chirurgien cardiaque adulte", "cardiothoracic_surgery"},
      {"Pharmacien d'officine titulaire", "pharmacist"},
  }));
  CAPTURE(c.raw);
  CHECK(SpecialtyCatalog::Default().Lookup(c.raw) == c.code);
}

TEST_CASE("SpecialtyCatalog: unknown or partial values give no code",
          "[normalize]") {
  const std::string raw =
      GENERATE(as<std::string>{}, "", "   ", "Astronaut", "cardiolog",
               "médecin", "Doctor of Music", "card io", "--");
  CAPTURE(raw);
  CHECK(SpecialtyCatalog::Default().Lookup(raw).empty());
}

TEST_CASE("SpecialtyCatalog: Normalize keeps raw and adds the code",
          "[normalize]") {
  const Specialty s = SpecialtyCatalog::Default().Normalize(" Cardiologue ");
  CHECK(s.raw == " Cardiologue ");
  CHECK(s.code == "cardiology");
  CHECK(SpecialtyCatalog::Default().Normalize("Astronaut").code.empty());
}

TEST_CASE("SpecialtyCatalog: the embedded list is the schemas file",
          "[normalize]") {
  std::ifstream in(std::string(MDM_SOURCE_DIR) + "/schemas/specialties.csv");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const absl::StatusOr<SpecialtyCatalog> from_file =
      SpecialtyCatalog::FromCsv(text.str(), "specialties.csv");
  REQUIRE(from_file.ok());
  const SpecialtyCatalog& embedded = SpecialtyCatalog::Default();
  REQUIRE(embedded.entries().size() == from_file->entries().size());
  CHECK(embedded.entries().size() >= 60);
  for (const SpecialtyEntry& entry : from_file->entries()) {
    CAPTURE(entry.code);
    const SpecialtyEntry* found = embedded.Find(entry.code);
    REQUIRE(found != nullptr);
    CHECK(found->synonyms == entry.synonyms);
    CHECK(embedded.Lookup(entry.label_en) == entry.code);
    CHECK(embedded.Lookup(entry.label_fr) == entry.code);
  }
  CHECK(embedded.Find("astronaut") == nullptr);
  const SpecialtyEntry* cardiology = embedded.Find("cardiology");
  REQUIRE(cardiology != nullptr);
  CHECK(cardiology->nucc == "207RC0000X");
  CHECK(cardiology->label_fr == "Cardiologie");
}

// Every NUCC code of the list exists in NUCC's code set (version 16.0).
TEST_CASE("SpecialtyCatalog: NUCC codes exist in the taxonomy",
          "[normalize][dataset]") {
  const std::string path =
      std::string(MDM_DATASETS_DIR) + "/nucc_taxonomy/nucc_taxonomy_16.0.tsv";
  std::ifstream in(path);
  if (!in) {
    WARN("dataset absent, skipped: " << path);
    return;
  }
  absl::flat_hash_set<std::string> codes;
  for (std::string line; std::getline(in, line);) {
    codes.insert(std::string(line.substr(0, line.find('\t'))));
  }
  for (const SpecialtyEntry& entry : SpecialtyCatalog::Default().entries()) {
    CAPTURE(entry.code, entry.nucc);
    if (!entry.nucc.empty()) CHECK(codes.contains(entry.nucc));
  }
}

constexpr absl::string_view kHeader = "code,label_en,label_fr,nucc,synonyms\n";

TEST_CASE("SpecialtyCatalog::FromCsv: a small list loads", "[normalize]") {
  const absl::StatusOr<SpecialtyCatalog> catalog = SpecialtyCatalog::FromCsv(
      "\xEF\xBB\xBF" + std::string(kHeader) +
          "cardiology,Cardiology,Cardiologie,207RC0000X,cardio|heart doctor\r\n"
          "\n"
          "midwife,Midwife,Sage-femme,,\n",
      "test.csv");
  REQUIRE(catalog.ok());
  CHECK(catalog->entries().size() == 2);
  CHECK(catalog->Lookup("Heart Doctor") == "cardiology");
  CHECK(catalog->Lookup("sage femme") == "midwife");
  CHECK(catalog->Find("midwife")->synonyms.empty());
}

struct BadCsvCase {
  std::string text;
  std::string message;  // expected substring
};

TEST_CASE(
    "SpecialtyCatalog::FromCsv: malformed lists are rejected with their line",
    "[normalize]") {
  const std::string h(kHeader);
  const BadCsvCase c = GENERATE_COPY(values<BadCsvCase>({
      {"", "test.csv: line 1: header must be"},
      {"code,label\n", "test.csv: line 1: header must be"},
      {h, "test.csv: no specialty lines"},
      {h + "a,A,A,,\nb,B,B\n", "test.csv: line 3: expected 5 columns, found 3"},
      {h + "a,A,A,,x,y\n", "test.csv: line 2: expected 5 columns, found 6"},
      {h + "a,A,A,,\na,B,B,,\n",
       "test.csv: line 3 column 1 (code): duplicate code, first on line 2"},
      {h + "Cardio,A,A,,\n", "line 2 column 1 (code): code must match"},
      {h + "a,,A,,\n", "line 2 column 2 (label_en): empty label"},
      {h + "a,A, ,,\n", "line 2 column 3 (label_fr): empty label"},
      {h + "a,A,A,207RC0000,\n", "line 2 column 4 (nucc): not a NUCC"},
      {h + "a,A,A,,x||y\n", "line 2 column 5 (synonyms): empty synonym"},
      {h + "a,A,A,,x|--\n",
       "line 2 column 5 (synonyms): \"--\" folds to an empty key"},
      {h + "a,A,A,,\"x\"\n",
       "line 2 column 5 (synonyms): quoting is not supported"},
      {h + "a,Heart,A,,\nb,B,B,,heart\n",
       "line 3 column 5 (synonyms): \"heart\" folds to the same key as a "
       "spelling on line 2"},
      {h + "a,A,A,,Cardio\nb,B,B,,cardio\n",
       "line 3 column 5 (synonyms): \"cardio\" folds to the same key"},
  }));
  CAPTURE(c.text);
  const absl::StatusOr<SpecialtyCatalog> catalog =
      SpecialtyCatalog::FromCsv(c.text, "test.csv");
  REQUIRE_FALSE(catalog.ok());
  CHECK(catalog.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK_THAT(std::string(catalog.status().message()),
             Catch::Matchers::Contains(c.message));
}

TEST_CASE("SpecialtyCatalog::FromCsv: every problem is listed", "[normalize]") {
  const absl::StatusOr<SpecialtyCatalog> catalog = SpecialtyCatalog::FromCsv(
      std::string(kHeader) + "a,A,A,,\nb,B\nc,,C,,\n", "test.csv");
  REQUIRE_FALSE(catalog.ok());
  const std::string message(catalog.status().message());
  CHECK_THAT(message, Catch::Matchers::Contains("line 3: expected 5 columns"));
  CHECK_THAT(message, Catch::Matchers::Contains("line 4 column 2 (label_en)"));
}

}  // namespace
}  // namespace mdm::normalize
