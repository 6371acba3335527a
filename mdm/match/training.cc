// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/training.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "mdm/base/stable_hash.h"

namespace mdm::match {
namespace {

// Pairs per sampling chunk; each chunk draws from its own seed so the sample
// does not depend on how chunks are spread over threads.
constexpr int64_t kSampleChunk = 1 << 16;
// No probability is estimated as exactly 0 (its weight would be infinite).
constexpr double kMinProbability = 1e-6;

LevelTable ZeroTable(const Comparator& comparator) {
  LevelTable t(comparator.size());
  for (size_t c = 0; c < comparator.size(); ++c) t[c].assign(comparator.level_count(c), 0.0);
  return t;
}

// Normalizes each comparison's non-null levels to sum to 1, flooring every
// level at `floor` first. The null level is set to 0.
void NormalizeNonNull(LevelTable* table, double floor) {
  for (std::vector<double>& levels : *table) {
    levels[0] = 0;
    double sum = 0;
    for (size_t l = 1; l < levels.size(); ++l) {
      levels[l] = std::max(levels[l], floor);
      sum += levels[l];
    }
    for (size_t l = 1; l < levels.size(); ++l) levels[l] /= sum;
  }
}

// Runs fn(thread) on `threads` threads including the caller.
template <typename Fn>
void OnThreads(int threads, Fn fn) {
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(fn, t);
  fn(0);
  for (std::thread& w : workers) w.join();
}

uint8_t LevelOf(uint64_t pattern, size_t c) {
  return static_cast<uint8_t>((pattern >> (4 * c)) & 0xF);
}

// The union of per-thread counts, sorted by pattern: sums in a fixed order
// keep EM's floating-point results independent of the thread count.
std::vector<PatternCount> MergeSorted(std::vector<absl::flat_hash_map<uint64_t, int64_t>>& maps) {
  for (size_t t = 1; t < maps.size(); ++t) {
    for (const auto& [pattern, count] : maps[t]) maps[0][pattern] += count;
  }
  std::vector<PatternCount> out;
  out.reserve(maps[0].size());
  for (const auto& [pattern, count] : maps[0]) out.push_back({pattern, count});
  std::sort(out.begin(), out.end(),
            [](const PatternCount& a, const PatternCount& b) { return a.pattern < b.pattern; });
  return out;
}

// Hard evidence of a pattern (ComparisonConfig::hard): +1 when a hard
// comparison is at its first level, -1 when one is at its else level (and
// none at its first), 0 otherwise.
class Anchors {
 public:
  explicit Anchors(const Comparator& comparator) {
    for (size_t c = 0; c < comparator.size(); ++c) {
      if (comparator.config(c).hard) {
        hard_.push_back({c, static_cast<uint8_t>(comparator.level_count(c) - 1)});
      }
    }
  }

  int Of(uint64_t pattern) const {
    int anchor = 0;
    for (const auto& [comparison, else_level] : hard_) {
      const uint8_t level = LevelOf(pattern, comparison);
      if (level == 1) return 1;
      if (level == else_level) anchor = -1;
    }
    return anchor;
  }

 private:
  std::vector<std::pair<size_t, uint8_t>> hard_;  // comparison, its else level
};

// P(match | pattern) under (prior, m, u), null levels left out.
double Posterior(uint64_t pattern, size_t comparisons, double prior, const LevelTable& m,
                 const LevelTable& u) {
  double pm = prior, pu = 1 - prior;
  for (size_t c = 0; c < comparisons; ++c) {
    const uint8_t level = LevelOf(pattern, c);
    if (level == kNullLevel) continue;
    pm *= m[c][level];
    pu *= u[c][level];
  }
  return pm + pu > 0 ? pm / (pm + pu) : 0;
}

// Starting m: most of the mass on the best level, decreasing after it.
LevelTable StartingM(const Comparator& comparator) {
  LevelTable m = ZeroTable(comparator);
  for (size_t c = 0; c < comparator.size(); ++c) {
    const int levels = comparator.level_count(c);
    double mass = 0.7;
    for (int l = 1; l < levels - 1; ++l) {
      m[c][l] = mass;
      mass /= 3;
    }
    m[c][levels - 1] = 0.05;
  }
  NormalizeNonNull(&m, kMinProbability);
  return m;
}

}  // namespace

std::vector<PatternCount> SamplePatterns(const FeatureTable& table,
                                         const Comparator& comparator, int64_t pairs,
                                         uint64_t seed, int threads) {
  threads = std::max(1, threads);
  const int64_t n = table.size();
  const int64_t all_pairs = n * (n - 1) / 2;
  const bool exhaustive = all_pairs <= pairs;
  const int64_t total = exhaustive ? all_pairs : pairs;
  const size_t comparisons = comparator.size();
  std::vector<absl::flat_hash_map<uint64_t, int64_t>> maps(threads);
  if (exhaustive) {
    // Small data: rows are dealt out to threads round-robin.
    OnThreads(threads, [&](int thread) {
      ComparisonVector v;
      for (int64_t a = thread; a < n; a += threads) {
        for (int64_t b = a + 1; b < n; ++b) {
          comparator.Compare(static_cast<uint32_t>(a), static_cast<uint32_t>(b), &v);
          ++maps[thread][v.Pattern(comparisons)];
        }
      }
    });
  } else {
    const int64_t chunks = (total + kSampleChunk - 1) / kSampleChunk;
    std::atomic<int64_t> next{0};
    OnThreads(threads, [&](int thread) {
      ComparisonVector v;
      for (int64_t chunk = next++; chunk < chunks; chunk = next++) {
        uint64_t state = base::Mix64(seed ^ base::Mix64(static_cast<uint64_t>(chunk) + 1));
        const int64_t size = std::min(kSampleChunk, total - chunk * kSampleChunk);
        for (int64_t i = 0; i < size; ++i) {
          state = base::Mix64(state + 0x9e3779b97f4a7c15ULL);
          const auto a = static_cast<uint32_t>(state % static_cast<uint64_t>(n));
          state = base::Mix64(state + 0x9e3779b97f4a7c15ULL);
          auto b = static_cast<uint32_t>(state % static_cast<uint64_t>(n - 1));
          if (b >= a) ++b;
          comparator.Compare(std::min(a, b), std::max(a, b), &v);
          ++maps[thread][v.Pattern(comparisons)];
        }
      }
    });
  }
  return MergeSorted(maps);
}

std::vector<PatternCount> CountPatterns(const Blocker& blocker, const Comparator& comparator,
                                        int threads, int64_t max_pairs, double* rate) {
  threads = std::max(1, threads);
  std::vector<absl::flat_hash_map<uint64_t, int64_t>> maps(threads);
  std::vector<ComparisonVector> vectors(threads);
  const size_t comparisons = comparator.size();
  *rate = blocker.ForEachSampledPair(threads, max_pairs,
                                     [&](int thread, uint32_t lo, uint32_t hi, int) {
                                       ComparisonVector& v = vectors[thread];
                                       comparator.Compare(lo, hi, &v);
                                       ++maps[thread][v.Pattern(comparisons)];
                                     });
  return MergeSorted(maps);
}

EmResult RunEm(const std::vector<PatternCount>& patterns, const Comparator& comparator,
               const LevelTable& u_start, const TrainingConfig& config) {
  const size_t comparisons = comparator.size();
  EmResult result;
  LevelTable m = StartingM(comparator);
  LevelTable u = u_start;
  NormalizeNonNull(&u, kMinProbability);
  const Anchors anchors(comparator);
  double lambda = 0.3;
  for (int iteration = 1; iteration <= config.max_iterations; ++iteration) {
    LevelTable m_next = ZeroTable(comparator);
    LevelTable u_next = ZeroTable(comparator);
    double matches = 0, total = 0;
    for (const PatternCount& p : patterns) {
      const int anchor = anchors.Of(p.pattern);
      const double r = anchor > 0   ? 1.0
                       : anchor < 0 ? 0.0
                                    : Posterior(p.pattern, comparisons, lambda, m, u);
      const auto n = static_cast<double>(p.count);
      matches += n * r;
      total += n;
      for (size_t c = 0; c < comparisons; ++c) {
        const uint8_t level = LevelOf(p.pattern, c);
        m_next[c][level] += n * r;
        u_next[c][level] += n * (1 - r);
      }
    }
    // One pseudo-pair per level (Laplace): a level EM never sees among
    // matches gets a small m, not a weight of minus infinity.
    for (LevelTable* t : {&m_next, &u_next}) {
      for (std::vector<double>& levels : *t) {
        for (size_t l = 1; l < levels.size(); ++l) levels[l] += 1;
      }
    }
    NormalizeNonNull(&m_next, kMinProbability);
    NormalizeNonNull(&u_next, kMinProbability);
    const double lambda_next = std::clamp(matches / total, kMinProbability, 1 - kMinProbability);
    double change = std::abs(lambda_next - lambda);
    for (size_t c = 0; c < comparisons; ++c) {
      for (size_t l = 1; l < m[c].size(); ++l) {
        change = std::max({change, std::abs(m_next[c][l] - m[c][l]),
                           std::abs(u_next[c][l] - u[c][l])});
      }
    }
    m.swap(m_next);
    u.swap(u_next);
    lambda = lambda_next;
    result.iterations = iteration;
    if (change < config.tolerance) {
      result.converged = true;
      break;
    }
  }
  result.m = std::move(m);
  result.match_share = lambda;
  return result;
}

LevelTable EstimateU(const std::vector<PatternCount>& sample, const Comparator& comparator,
                     double prior, const LevelTable& m, const LevelTable& u_previous) {
  const size_t comparisons = comparator.size();
  LevelTable u = ZeroTable(comparator);
  for (const PatternCount& p : sample) {
    const double non_match =
        u_previous.empty() ? 1.0 : 1.0 - Posterior(p.pattern, comparisons, prior, m, u_previous);
    const double weight = static_cast<double>(p.count) * non_match;
    for (size_t c = 0; c < comparisons; ++c) u[c][LevelOf(p.pattern, c)] += weight;
  }
  // A level never seen counts as half a pair, not zero (its weight would be
  // infinite); the floor is applied to counts, before normalizing.
  for (std::vector<double>& levels : u) {
    for (size_t l = 1; l < levels.size(); ++l) levels[l] = std::max(levels[l], 0.5);
  }
  NormalizeNonNull(&u, 0);
  return u;
}

absl::StatusOr<MatchModel> TrainModel(const FeatureTable& table, Blocker& blocker,
                                      const Comparator& comparator,
                                      const MatchingConfig& config, int threads) {
  const absl::Time start = absl::Now();
  const int64_t n = table.size();
  if (n < 2) {
    return absl::FailedPreconditionError("train: fewer than two records, nothing to learn");
  }
  MatchModel model;
  model.fingerprint = ComparisonsFingerprint(config.comparisons);
  model.training.records = n;

  const std::vector<PatternCount> sample = SamplePatterns(
      table, comparator, config.training.u_sample_pairs, config.training.seed, threads);
  for (const PatternCount& p : sample) model.training.u_sample_pairs += p.count;
  LevelTable u = EstimateU(sample, comparator, 0, {}, {});

  double rate = 1;
  const std::vector<PatternCount> patterns = CountPatterns(
      blocker, comparator, threads, config.training.max_candidate_pairs, &rate);
  int64_t sampled = 0;
  for (const PatternCount& p : patterns) sampled += p.count;
  model.training.candidate_pairs = static_cast<int64_t>(std::llround(sampled / rate));
  model.training.sampled_candidate_pairs = sampled;
  model.training.distinct_patterns = static_cast<int64_t>(patterns.size());
  if (sampled == 0) {
    return absl::FailedPreconditionError(
        "train: the blocking rules give no candidate pair, nothing to learn");
  }
  const EmResult em = RunEm(patterns, comparator, u, config.training);
  model.training.em_iterations = em.iterations;
  model.training.converged = em.converged;
  model.training.candidate_match_share = em.match_share;
  const double all_pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2;
  model.prior = std::clamp(em.match_share * (static_cast<double>(sampled) / rate) / all_pairs,
                           1e-12, 0.5);
  // Take the sample's own matches out of u; each round sharpens the
  // posteriors it weighs them with.
  constexpr int kURounds = 3;
  for (int round = 0; round < kURounds; ++round) {
    u = EstimateU(sample, comparator, model.prior, em.m, u);
  }
  for (size_t c = 0; c < comparator.size(); ++c) {
    ComparisonParameters params;
    params.config = comparator.config(c);
    params.levels.resize(comparator.level_count(c));
    for (size_t l = 1; l < params.levels.size(); ++l) {
      params.levels[l] = {em.m[c][l], u[c][l]};
    }
    model.comparisons.push_back(std::move(params));
  }
  model.training.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  return model;
}

}  // namespace mdm::match
