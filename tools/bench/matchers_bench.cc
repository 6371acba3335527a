// SPDX-License-Identifier: Apache-2.0
// File: tools/bench/matchers_bench.cc
//
// Times the matchers/ comparators on realistic name pairs: the given names
// and surnames of the FEBRL datasets (synthetic persons, already lower-case
// ASCII), paired as the Score stage sees them after blocking: a third are an
// original against its corrupted duplicate, the rest two names sharing their
// first letter. Prints the median of five runs over about one million pairs
// in ns/pair (ns/name for the phonetic encoders) of thread CPU time.
//
// Usage: matchers_bench [datasets_dir]   (default: the repository's
// ../shared/datasets). Build in Release.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "matchers/phonetic.h"
#include "matchers/string_similarity.h"

namespace {

constexpr size_t kTargetPairs = 1'000'000;
constexpr int kRuns = 5;
constexpr char kFiles[][16] = {"dataset1.csv", "dataset2.csv", "dataset3.csv"};

using Pair = std::pair<absl::string_view, absl::string_view>;

struct Corpus {
  std::vector<std::string> names;
  std::string arena;  // the text of every pair, in pair order
  std::vector<Pair> pairs;
};

// Copies the pairs' text into one buffer in pair order, so the timings
// measure the comparators rather than cache misses on scattered strings.
void LayOut(const std::vector<Pair>& base, Corpus* corpus) {
  std::vector<std::pair<size_t, size_t>> offsets;  // of each pair's first text
  while (offsets.size() < kTargetPairs) {
    const Pair& pair = base[offsets.size() % base.size()];
    offsets.emplace_back(corpus->arena.size(), pair.first.size());
    corpus->arena.append(pair.first.data(), pair.first.size());
    corpus->arena.append(pair.second.data(), pair.second.size());
  }
  const absl::string_view arena = corpus->arena;
  for (size_t k = 0; k < offsets.size(); ++k) {
    const auto [start, first_len] = offsets[k];
    const size_t end = k + 1 < offsets.size() ? offsets[k + 1].first : arena.size();
    corpus->pairs.emplace_back(arena.substr(start, first_len),
                               arena.substr(start + first_len, end - start - first_len));
  }
}

// rec_id "rec-12-dup-0" -> "12"; records sharing it are one person.
std::string EntityOf(absl::string_view rec_id) {
  const std::vector<absl::string_view> parts = absl::StrSplit(rec_id, '-');
  return parts.size() >= 2 ? std::string(parts[1]) : std::string(rec_id);
}

// Reads (entity, given, surname) rows; the FEBRL files put a space after
// each comma.
void ReadFebrl(const std::string& path, const std::string& file_tag,
               std::vector<std::vector<std::string>>* rows) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    for (absl::string_view field : absl::StrSplit(line, ',')) {
      fields.emplace_back(absl::StripAsciiWhitespace(field));
    }
    if (fields.size() < 3) continue;
    rows->push_back({file_tag + EntityOf(fields[0]), fields[1], fields[2]});
  }
}

Corpus BuildCorpus(const std::string& datasets_dir) {
  std::vector<std::vector<std::string>> rows;
  for (const char* file : kFiles) {
    ReadFebrl(datasets_dir + "/febrl/" + file, file, &rows);
  }
  Corpus corpus;
  corpus.names.reserve(rows.size() * 2);
  std::map<std::string, std::vector<size_t>> by_entity;  // name indices
  std::map<char, std::vector<size_t>> by_initial;
  for (const auto& row : rows) {
    for (size_t field = 1; field <= 2; ++field) {
      if (row[field].empty()) continue;
      by_entity[row[0] + "#" + std::to_string(field)].push_back(corpus.names.size());
      by_initial[row[field][0]].push_back(corpus.names.size());
      corpus.names.push_back(row[field]);
    }
  }
  if (corpus.names.empty()) return corpus;
  std::vector<Pair> base;
  for (const auto& [entity, members] : by_entity) {
    for (size_t k = 1; k < members.size(); ++k) {
      base.emplace_back(corpus.names[members[0]], corpus.names[members[k]]);
    }
  }
  std::mt19937 rng(20240601);  // fixed: every run times the same pairs
  const size_t true_pairs = base.size();
  for (size_t k = 0; k < 2 * true_pairs; ++k) {
    const auto& block = by_initial[corpus.names[rng() % corpus.names.size()][0]];
    base.emplace_back(corpus.names[block[rng() % block.size()]],
                      corpus.names[block[rng() % block.size()]]);
  }
  std::shuffle(base.begin(), base.end(), rng);
  LayOut(base, &corpus);
  return corpus;
}

// CPU time of this thread: the benchmark machine is shared, and wall time
// would charge other processes' time slices to the comparator.
double ThreadCpuNs() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e9 + static_cast<double>(now.tv_nsec);
}

template <typename Fn>
double MedianNsPerItem(size_t items, Fn&& run_once) {
  std::vector<double> runs;
  for (int run = 0; run < kRuns; ++run) {
    const double start = ThreadCpuNs();
    run_once();
    runs.push_back((ThreadCpuNs() - start) / static_cast<double>(items));
  }
  std::sort(runs.begin(), runs.end());
  return runs[kRuns / 2];
}

// Keeps the results observable so the compiler cannot drop the calls.
volatile double g_sink = 0;

template <typename Fn>
void BenchPairs(const char* label, const std::vector<Pair>& pairs, Fn&& compare) {
  const double ns = MedianNsPerItem(pairs.size(), [&] {
    double total = 0;
    for (const Pair& pair : pairs) total += static_cast<double>(compare(pair.first, pair.second));
    g_sink = g_sink + total;
  });
  std::printf("%-28s %8.1f ns/pair\n", label, ns);
}

template <typename Fn>
void BenchNames(const char* label, const std::vector<Pair>& pairs, Fn&& encode) {
  const double ns = MedianNsPerItem(pairs.size(), [&] {
    size_t total = 0;
    for (const Pair& pair : pairs) total += encode(pair.first);
    g_sink = g_sink + static_cast<double>(total);
  });
  std::printf("%-28s %8.1f ns/name\n", label, ns);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace mdm::matchers;
  const std::string datasets_dir = argc > 1 ? argv[1] : MDM_DATASETS_DIR;
  const Corpus corpus = BuildCorpus(datasets_dir);
  if (corpus.names.empty()) {
    std::fprintf(stderr, "matchers_bench: no FEBRL names under %s/febrl\n",
                 datasets_dir.c_str());
    return 1;
  }
  size_t units = 0;
  for (const Pair& pair : corpus.pairs) units += pair.first.size() + pair.second.size();
  std::printf("%zu pairs, mean length %.1f, median of %d runs\n",
              corpus.pairs.size(),
              static_cast<double>(units) / (2.0 * static_cast<double>(corpus.pairs.size())),
              kRuns);
  const auto& pairs = corpus.pairs;
  BenchPairs("JaroWinkler", pairs, [](auto a, auto b) { return JaroWinkler(a, b); });
  BenchPairs("Jaro", pairs, [](auto a, auto b) { return Jaro(a, b); });
  BenchPairs("LevenshteinWithin(max=2)", pairs,
             [](auto a, auto b) { return LevenshteinWithin(a, b, 2); });
  BenchPairs("LevenshteinDistance", pairs,
             [](auto a, auto b) { return LevenshteinDistance(a, b); });
  BenchPairs("OsaDistance", pairs, [](auto a, auto b) { return OsaDistance(a, b); });
  BenchPairs("IndelSimilarity", pairs,
             [](auto a, auto b) { return IndelSimilarity(a, b); });
  BenchPairs("QGramJaccard(q=2)", pairs,
             [](auto a, auto b) { return QGramJaccard(a, b); });
  BenchPairs("TokenSetRatio", pairs, [](auto a, auto b) { return TokenSetRatio(a, b); });
  BenchNames("DoubleMetaphone", pairs,
             [](auto a) { return DoubleMetaphone(a).primary.size(); });
  BenchNames("Phonex", pairs, [](auto a) { return Phonex(a).size(); });
  return 0;
}
