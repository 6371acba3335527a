// SPDX-License-Identifier: Apache-2.0
// File: tools/bench/phone_bench.cc
//
// Measures the contact-point normalizers on synthetic inputs: NormalizePhone()
// (libphonenumber) per kind of spelling, and NormalizeAddress() for the
// per-address cost that goes with it in a batch. Each figure is the median
// of 5 runs over the whole list, in nanoseconds per item, on one thread, as
// wall time and as process CPU time.
// All numbers lie in ranges reserved for fiction (FR 01 99 00, US 555-01xx,
// UK 020 7946 0, DE 030 23125).
//
// Example:
//   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release
//   ninja -C build-rel phone_bench && build-rel/tools/bench/phone_bench
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "mdm/normalize/address_normalizer.h"
#include "mdm/normalize/phone_normalizer.h"

namespace {

constexpr int kRuns = 5;
constexpr int kItems = 4000;

struct PhoneInput {
  std::string raw;
  const char* country;
};

// Two digits 00..99 from `idx`, zero-padded.
std::string Pair(int idx) { return absl::StrFormat("%02d", idx % 100); }

std::vector<PhoneInput> NationalPhones() {
  std::vector<PhoneInput> out;
  for (int idx = 0; idx < kItems; ++idx) {
    switch (idx % 4) {
      case 0:
        out.push_back(
            {absl::StrCat("01 99 00 ", Pair(idx), " ", Pair(idx / 100)), "FR"});
        break;
      case 1:
        out.push_back({absl::StrCat("(212) 555-01", Pair(idx)), "US"});
        break;
      case 2:
        out.push_back({absl::StrCat("020 7946 0", Pair(idx), "1"), "GB"});
        break;
      default:
        out.push_back({absl::StrCat("030 23125 1", Pair(idx)), "DE"});
        break;
    }
  }
  return out;
}

std::vector<PhoneInput> E164Phones() {
  std::vector<PhoneInput> out;
  for (int idx = 0; idx < kItems; ++idx) {
    switch (idx % 4) {
      case 0:
        out.push_back(
            {absl::StrCat("+3319900", Pair(idx), Pair(idx / 100)), "FR"});
        break;
      case 1:
        out.push_back({absl::StrCat("+121255501", Pair(idx)), "FR"});
        break;
      case 2:
        out.push_back({absl::StrCat("+4420794600", Pair(idx)), "FR"});
        break;
      default:
        out.push_back({absl::StrCat("+49302312510", Pair(idx)), "FR"});
        break;
    }
  }
  return out;
}

// What CRM exports hold: trunk prefixes, extensions, labels, and some junk.
std::vector<PhoneInput> CrmPhones() {
  std::vector<PhoneInput> out;
  for (int idx = 0; idx < kItems; ++idx) {
    switch (idx % 5) {
      case 0:
        out.push_back(
            {absl::StrCat("+33 (0)1 99 00 ", Pair(idx), " 00"), "FR"});
        break;
      case 1:
        out.push_back(
            {absl::StrCat("01.99.00.", Pair(idx), ".11 poste 12"), "FR"});
        break;
      case 2:
        out.push_back(
            {absl::StrCat("Tel: 212-555-01", Pair(idx), " x", idx), "US"});
        break;
      case 3:
        out.push_back({absl::StrCat("0044 20 7946 0", Pair(idx), "2"), "FR"});
        break;
      default:
        out.push_back({idx % 2 ? "n/a" : "0", "FR"});
        break;
    }
  }
  return out;
}

mdm::Address MakeAddress(std::string street, const char* postcode,
                         const char* city, const char* country) {
  mdm::Address a;
  a.street = std::move(street);
  a.postcode = postcode;
  a.city = city;
  a.country = country;
  return a;
}

std::vector<mdm::Address> Addresses() {
  std::vector<mdm::Address> out;
  for (int idx = 0; idx < kItems; ++idx) {
    const int number = idx % 90 + 1;
    switch (idx % 4) {
      case 0:
        out.push_back(MakeAddress(absl::StrCat(number, " bd de l'Hôpital"),
                                  "75 013", "PARIS CEDEX 13", "France"));
        break;
      case 1:
        out.push_back(MakeAddress(absl::StrCat(number, " N Example St Ste 200"),
                                  "10001-1234", "New York", "USA"));
        break;
      case 2:
        out.push_back(MakeAddress(absl::StrCat(number, " St James Rd"),
                                  "sw1a1aa", "London", "UK"));
        break;
      default:
        out.push_back(MakeAddress(absl::StrCat("Hauptstr. ", number), "D-10115",
                                  "Berlin", "Deutschland"));
        break;
    }
  }
  return out;
}

struct Timing {
  double wall_ns = 0;  // per item
  double cpu_ns = 0;   // per item; what a loaded, shared machine inflates less
};

// Median over kRuns passes of `pass`, per item.
Timing MedianPerItem(const std::function<size_t()>& pass) {
  std::array<double, kRuns> wall;
  std::array<double, kRuns> cpu;
  size_t sink = 0;
  for (int run = 0; run < kRuns; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    sink += pass();
    const std::chrono::duration<double, std::nano> elapsed =
        std::chrono::steady_clock::now() - start;
    wall[run] = elapsed.count() / kItems;
    cpu[run] = 1e9 * static_cast<double>(std::clock() - cpu_start) /
               CLOCKS_PER_SEC / kItems;
  }
  if (sink == 0) std::puts("no output");
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[kRuns / 2], cpu[kRuns / 2]};
}

void Print(const char* what, const char* label, const char* unit, Timing t) {
  std::printf("%-16s %-26s %8.0f ns/%s wall %8.0f ns/%s cpu\n", what, label,
              t.wall_ns, unit, t.cpu_ns, unit);
}

size_t NormalizeAll(const std::vector<PhoneInput>& phones) {
  size_t total = 0;
  for (const PhoneInput& p : phones) {
    total += mdm::normalize::NormalizePhone(p.raw, p.country).e164.size();
  }
  return total;
}

// "cold": each pass on a new thread, whose phone cache starts empty, so every
// distinct number goes through libphonenumber; "warm": repeated passes on one
// thread, served by the cache (numbers seen before, as in real exports).
void ReportPhones(const char* label, const std::vector<PhoneInput>& phones) {
  const std::string cold = absl::StrCat(label, " cold");
  Print("NormalizePhone", cold.c_str(), "phone", MedianPerItem([&phones] {
          size_t total = 0;
          std::thread pass([&] { total = NormalizeAll(phones); });
          pass.join();
          return total;
        }));
  const std::string warm = absl::StrCat(label, " warm");
  Print("NormalizePhone", warm.c_str(), "phone",
        MedianPerItem([&phones] { return NormalizeAll(phones); }));
}

}  // namespace

int main() {
  std::printf("median of %d runs over %d items, one thread\n", kRuns, kItems);
  // The first call loads libphonenumber's metadata; keep it out of timing.
  (void)mdm::normalize::NormalizePhone("0199001234", "FR");
  ReportPhones("national formatted", NationalPhones());
  ReportPhones("E.164", E164Phones());
  ReportPhones("CRM mix", CrmPhones());
  const std::vector<mdm::Address> addresses = Addresses();
  Print("NormalizeAddress", "FR/US/GB/DE mix", "address",
        MedianPerItem([&addresses] {
          size_t total = 0;
          for (const mdm::Address& a : addresses) {
            total +=
                mdm::normalize::NormalizeAddress(a, "FR").street_key.size();
          }
          return total;
        }));
  return 0;
}
