// SPDX-License-Identifier: Apache-2.0
// File: tools/bench/csv_bench.cc
//
// Measures mdm::ingest::CsvReader on a synthetic CRM export of about 100 MB
// that the bench writes itself to a temporary folder: 14 columns (ids, names
// with accents, specialty, a quoted street holding the delimiter, postcode,
// city, phone, e-mail, NPI, RPPS, a date), LF line endings. Each figure is the
// median of 5 full reads, in MB/s (10^6 bytes) and rows/s, single-threaded.
// The peak resident size shows that memory does not follow the file size.
//
// Example:
//   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release
//   ninja -C build-rel csv_bench && build-rel/tools/bench/csv_bench
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "mdm/ingest/csv_reader.h"

namespace {

constexpr int kRuns = 5;
constexpr size_t kTargetBytes = 100'000'000;

// Made-up values; combined by row index so rows differ.
constexpr std::array<const char*, 8> kGiven = {
    "Jean", "Hélène", "Pierre", "Zoé", "Thomas", "Cécile", "Laura", "Benoît"};
constexpr std::array<const char*, 8> kFamily = {
    "Martin", "Lefèvre", "Durand", "Moreau", "Dupré", "Roux", "Garcia",
    "Ménard-Lévy"};
constexpr std::array<const char*, 5> kSpecialty = {
    "Cardiology", "General practice", "Oncology", "Pediatrics",
    "Dermatology"};
constexpr std::array<const char*, 5> kCity = {"Paris", "Lyon", "Saint-Étienne",
                                              "Marseille", "Lille"};

std::string Row(size_t idx) {
  const char* given = kGiven[idx % kGiven.size()];
  const char* family = kFamily[(idx / 8) % kFamily.size()];
  return absl::StrCat(
      "CRM", 1000000 + idx, ",Dr,", given, ",", family, ",",
      kSpecialty[idx % kSpecialty.size()], ",\"", idx % 200 + 1,
      ", rue de la République\",", 10000 + idx % 89999, ",",
      kCity[idx % kCity.size()], ",FR,+33 1 ", 10 + idx % 89, " ",
      10 + idx % 83, " ", 10 + idx % 79, " ", 10 + idx % 73, ",",
      "contact.",
      idx, "@example.org,", 1000000000 + idx * 7, ",", 10000000000 + idx * 3,
      ",2024-0", 1 + idx % 9, "-1", idx % 10, "\n");
}

// Writes the export and returns its size in bytes.
size_t WriteExport(const std::string& path, size_t* rows) {
  std::ofstream out(path, std::ios::binary);
  std::string chunk =
      "crm_id,title,given_name,family_name,specialty,street,postcode,city,"
      "country,phone,email,npi,rpps,updated_at\n";
  size_t written = 0;
  *rows = 0;
  while (written + chunk.size() < kTargetBytes) {
    chunk += Row((*rows)++);
    if (chunk.size() >= (1 << 20)) {
      out << chunk;
      written += chunk.size();
      chunk.clear();
    }
  }
  out << chunk;
  return written + chunk.size();
}

// Peak resident set size of this process, in MiB.
long PeakRssMib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmHWM:") {
      long kib = 0;
      status >> kib;
      return kib / 1024;
    }
    status.ignore(1 << 16, '\n');
  }
  return 0;
}

struct Timing {
  double wall = -1;  // seconds; negative on a read error
  double cpu = -1;   // process CPU seconds: steadier on a loaded machine
};

// Reads the whole file once.
Timing ReadOnce(const std::string& path, size_t expected_rows) {
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  auto reader = mdm::ingest::CsvReader::Open(path, {});
  if (!reader.ok()) return {};
  mdm::ingest::RawRow row;
  size_t rows = 0;
  size_t bytes = 0;  // keeps the values observable
  for (;;) {
    absl::StatusOr<bool> more = (*reader)->Next(&row);
    if (!more.ok() || (*more && row.error)) return {};
    if (!*more) break;
    ++rows;
    for (const auto& field : row.fields) bytes += field.value.size();
  }
  const std::chrono::duration<double> took =
      std::chrono::steady_clock::now() - start;
  if (rows != expected_rows || bytes == 0) return {};
  return {took.count(),
          static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC};
}

}  // namespace

int main() {
  std::string dir =
      (std::filesystem::temp_directory_path() / "csv-bench-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) return 1;
  const std::string path = dir + "/crm.csv";
  size_t rows = 0;
  const size_t bytes = WriteExport(path, &rows);
  std::printf("file: %.1f MB, %zu rows\n", bytes / 1e6, rows);
  std::vector<double> wall, cpu;
  for (int run = 0; run < kRuns; ++run) {
    const Timing t = ReadOnce(path, rows);
    if (t.wall < 0) {
      std::fprintf(stderr, "read failed\n");
      return 1;
    }
    wall.push_back(t.wall);
    cpu.push_back(t.cpu);
  }
  std::filesystem::remove_all(dir);
  for (auto* times : {&wall, &cpu}) {
    std::sort(times->begin(), times->end());
    const double median = (*times)[kRuns / 2];
    std::printf("CsvReader %s, median of %d: %.0f MB/s, %.2f M rows/s (%.3f s)\n",
                times == &wall ? "wall" : "cpu", kRuns, bytes / 1e6 / median,
                rows / 1e6 / median, median);
  }
  std::printf("peak resident: %ld MiB\n", PeakRssMib());
  return 0;
}
