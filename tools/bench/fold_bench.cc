// SPDX-License-Identifier: Apache-2.0
// File: tools/bench/fold_bench.cc
//
// Measures mdm::normalize::FoldKey() on synthetic person names: ASCII names,
// accented French names, and the ICU-only reference (FoldKeyWithIcu()) as the
// baseline; then ParseName() on full names with titles, particles and
// credentials, which folds three keys per name. Each figure is the median of
// 5 runs over the whole name list, in nanoseconds per name. The threaded
// figures run the same list on 1 and then 2 threads at once: without lock
// contention the time per name stays flat.
//
// Example:
//   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release
//   ninja -C build-rel fold_bench && build-rel/tools/bench/fold_bench
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "mdm/normalize/name_parser.h"
#include "mdm/normalize/text_fold.h"

namespace {

constexpr int kRuns = 5;
constexpr size_t kNames = 20000;
constexpr int kFastRounds = 40;  // FoldKey() passes over the list per run

// Made-up combinations of common given names and family-name words.
constexpr std::array<const char*, 12> kAsciiGiven = {
    "Jean",  "Marie", "Pierre", "Anne",  "Paul",    "Claire",
    "Louis", "Sarah", "Thomas", "Julie", "Nicolas", "Laura"};
constexpr std::array<const char*, 12> kAsciiFamily = {
    "Martin", "Bernard", "Petit",  "Durand", "Leroy", "Moreau",
    "Simon",  "Laurent", "Michel", "Garcia", "Roux",  "Fournier"};
constexpr std::array<const char*, 12> kAccentedGiven = {
    "Hélène", "François", "Jérôme",   "Zoé",    "Cécile", "Anaïs",
    "Maëlle", "Noël",     "Bérénice", "Gaëtan", "Chloé",  "Benoît"};
constexpr std::array<const char*, 12> kAccentedFamily = {
    "Lefèvre",   "Dupré", "Béranger", "Lemaître", "Gérard",      "Cœur",
    "d’Aubigné", "Mathé", "Forêt",    "Périer",   "Ménard-Lévy", "Lacôte"};

std::vector<std::string> MakeNames(const std::array<const char*, 12>& given,
                                   const std::array<const char*, 12>& family) {
  std::vector<std::string> names;
  names.reserve(kNames);
  for (size_t idx = 0; idx < kNames; ++idx) {
    names.push_back(absl::StrCat(given[idx % given.size()], " ",
                                 family[(idx / given.size()) % family.size()]));
  }
  return names;
}

// Full names in the shapes the parser distinguishes.
constexpr std::array<const char*, 12> kTitledGiven = {
    "Dr Hélène", "Jean-Pierre", "Pr. Anaïs", "Marie",  "M. Paul",   "Mme Chloé",
    "Louis",     "Dr. Noël",    "Sarah",     "Thomas", "Dr Benoît", "Laura"};
constexpr std::array<const char*, 12> kParticleFamily = {
    "de la Fontaine", "MARTIN",         "Lefèvre, MD", "van der Berg",
    "DUPRÉ",          "Roux née Petit", "Garcia",      "d’Aubigné",
    "Moreau PhD",     "LE GALL",        "Simon Jr",    "Ménard-Lévy"};

using FoldFn = std::string (*)(absl::string_view);

// ParseName() of a full name, as a FoldFn.
std::string ParseFamilyKey(absl::string_view full_name) {
  return mdm::normalize::ParseName({.full_name = full_name}).family_key;
}

// Folds every name `rounds` times; returns the total key length so the work
// is kept.
size_t FoldAll(FoldFn fold, const std::vector<std::string>& names, int rounds) {
  size_t total = 0;
  for (int round = 0; round < rounds; ++round) {
    for (const std::string& name : names) total += fold(name).size();
  }
  return total;
}

// Nanoseconds per name when `threads` threads each fold the whole list
// `rounds` times.
double TimedPass(FoldFn fold, const std::vector<std::string>& names,
                 int threads, int rounds) {
  std::vector<std::thread> workers;
  std::vector<size_t> sinks(threads);
  const auto start = std::chrono::steady_clock::now();
  for (int idx = 0; idx < threads; ++idx) {
    workers.emplace_back(
        [&, idx] { sinks[idx] = FoldAll(fold, names, rounds); });
  }
  for (std::thread& worker : workers) worker.join();
  const std::chrono::duration<double, std::nano> elapsed =
      std::chrono::steady_clock::now() - start;
  if (std::count(sinks.begin(), sinks.end(), 0u) > 0) std::puts("empty keys");
  return elapsed.count() / static_cast<double>(names.size() * rounds);
}

double MedianNsPerName(FoldFn fold, const std::vector<std::string>& names,
                       int threads, int rounds) {
  std::array<double, kRuns> runs;
  for (double& run : runs) run = TimedPass(fold, names, threads, rounds);
  std::sort(runs.begin(), runs.end());
  return runs[kRuns / 2];
}

// `rounds` makes a pass long enough (tens of milliseconds) for thread start-up
// not to count.
void Report(const char* label, FoldFn fold,
            const std::vector<std::string>& names, int rounds) {
  const double one = MedianNsPerName(fold, names, 1, rounds);
  const double two = MedianNsPerName(fold, names, 2, rounds);
  std::printf("%-28s %9.1f ns/name   2 threads: %9.1f ns/name (x%.2f)\n", label,
              one, two, two / one);
}

}  // namespace

int main() {
  const std::vector<std::string> ascii = MakeNames(kAsciiGiven, kAsciiFamily);
  const std::vector<std::string> accented =
      MakeNames(kAccentedGiven, kAccentedFamily);
  // The first non-ASCII call builds the folding table; keep it out of timing.
  FoldAll(mdm::normalize::FoldKey, accented, 1);
  FoldAll(mdm::normalize::FoldKeyWithIcu, accented, 1);
  std::printf(
      "median of %d runs over %zu names; 2 threads = wall time per "
      "name while each of 2 threads folds the list\n",
      kRuns, kNames);
  Report("FoldKey ascii", mdm::normalize::FoldKey, ascii, kFastRounds);
  Report("FoldKey accented", mdm::normalize::FoldKey, accented, kFastRounds);
  Report("FoldKeyWithIcu accented", mdm::normalize::FoldKeyWithIcu, accented,
         1);
  Report("FoldKeyWithIcu ascii", mdm::normalize::FoldKeyWithIcu, ascii, 1);
  Report("ParseName full name", ParseFamilyKey,
         MakeNames(kTitledGiven, kParticleFamily), kFastRounds / 4);
  return 0;
}
