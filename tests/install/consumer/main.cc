// SPDX-License-Identifier: Apache-2.0
// Uses only the installed public headers: loads a one-file source into a new
// store and reads back the golden record of one of its rows.
// Usage: consumer <scratch directory>. Exit code 0 only when the golden
// record of crm:A1 exists with the expected family name.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "mdm/config.h"
#include "mdm/engine.h"
#include "mdm/golden.h"

namespace {

int Fail(const std::string& step, const absl::Status& status) {
  std::cerr << "consumer: " << step << ": " << status << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer <scratch directory>\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "crm.csv") << "id,nom,prenom,tel\n"
                                    "A1,Martin,Jeanne,+33 1 42 68 53 00\n"
                                    "A2,Dupont,Pierre,+33 4 78 12 34 56\n";

  absl::StatusOr<mdm::Config> config = mdm::ParseConfig(
      "version: 1\n"
      "sources:\n"
      "  - name: crm\n"
      "    type: rep\n"
      "    files: crm.csv\n"
      "    mapping: {id: source_key, nom: family_name, prenom: given_name, tel: phone}\n",
      (dir / "mdm.yaml").string());
  if (!config.ok()) return Fail("ParseConfig", config.status());

  mdm::EngineOptions options;
  options.db_path = (dir / "mdm.db").string();
  options.create_if_missing = true;
  absl::StatusOr<std::unique_ptr<mdm::Engine>> engine = mdm::Engine::Open(options);
  if (!engine.ok()) return Fail("Engine::Open", engine.status());

  absl::StatusOr<mdm::RunReport> report = (*engine)->Run(*config, mdm::RunOptions{});
  if (!report.ok()) return Fail("Run", report.status());

  absl::StatusOr<mdm::Crosswalk> xref = (*engine)->Xref("crm", "A1");
  if (!xref.ok()) return Fail("Xref(crm, A1)", xref.status());
  absl::StatusOr<mdm::GoldenRecord> golden = (*engine)->Golden(xref->golden_id);
  if (!golden.ok()) return Fail("Golden(" + xref->golden_id + ")", golden.status());

  std::cout << "crm:A1 -> golden " << golden->golden_id << " ("
            << mdm::GoldenStatusName(golden->status) << "): "
            << golden->name.value.given_names << " " << golden->name.value.family_name
            << ", " << golden->members.size() << " member(s)\n";
  bool has_member = false;
  for (const std::string& member : golden->members) {
    has_member = has_member || member == "crm:A1";
  }
  if (golden->status != mdm::GoldenStatus::kActive || !has_member ||
      golden->name.value.family_key != "martin") {
    std::cerr << "consumer: unexpected golden record for crm:A1\n";
    return 1;
  }
  return 0;
}
