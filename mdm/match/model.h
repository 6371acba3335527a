// SPDX-License-Identifier: Apache-2.0
// File: mdm/match/model.h
//
// A trained Fellegi-Sunter model: for every comparison level, m (the chance
// that a pair of records of one person is at that level) and u (the same for
// a pair of two different people), and the prior, the chance that two
// records drawn at random are of one person. A level's match weight is
// log2(m / u); a pair's match weight is log2(prior / (1 - prior)) plus the
// weights of its levels (null levels add nothing) plus term-frequency
// adjustments; its match probability is 2^w / (1 + 2^w).
//
// The model carries the comparisons it was trained for, so `mdm explain` and
// MatchOne can rebuild the comparator from the store alone, and a
// fingerprint of them, so a run notices a model trained for other
// comparisons. Models are versioned in the store (match_models).
#ifndef MDM_MATCH_MODEL_H_
#define MDM_MATCH_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/match/term_frequencies.h"
#include "mdm/matching_config.h"

namespace mdm::match {

struct LevelParameters {
  double m = 0;
  double u = 0;
};

struct ComparisonParameters {
  ComparisonConfig config;
  // Index 0 is the null level (unused: weight 0), 1..n the configured
  // levels, n + 1 the else level.
  std::vector<LevelParameters> levels;
};

struct TrainingStats {
  int64_t records = 0;
  int64_t candidate_pairs = 0;          // estimated from the sample
  int64_t sampled_candidate_pairs = 0;  // the pairs EM learned from
  int64_t distinct_patterns = 0;
  int64_t u_sample_pairs = 0;
  int em_iterations = 0;
  bool converged = false;
  // EM's estimate of the share of candidate pairs that match.
  double candidate_match_share = 0;
  double seconds = 0;
};

struct MatchModel {
  int64_t model_id = 0;  // 0 until stored
  std::string created_at;
  std::string fingerprint;  // ComparisonsFingerprint() of the comparisons
  double prior = 0;         // P(two random records are of one person)
  std::vector<ComparisonParameters> comparisons;
  TrainingStats training;
  // Counted on the records it was trained on; runs score with these. Kept
  // beside the JSON (EncodeTermFrequencies()), not in it.
  TermFrequencies term_frequencies;

  // log2(m / u) of a level; 0 for the null level.
  double LevelWeight(size_t comparison, int level) const;
  // log2(prior / (1 - prior)).
  double PriorWeight() const;
  std::vector<ComparisonConfig> ComparisonConfigs() const;
};

// A stable digest of what a model depends on: every comparison's name,
// field, schemes, levels and term-frequency flag.
std::string ComparisonsFingerprint(const std::vector<ComparisonConfig>& comparisons);

// 2^w / (1 + 2^w), computed without overflow for large |w|.
double ProbabilityOfWeight(double weight);

// The JSON form kept in the store. ModelFromJson() returns DataLoss when the
// text is not a model written by ModelToJson().
std::string ModelToJson(const MatchModel& model);
absl::StatusOr<MatchModel> ModelFromJson(absl::string_view json);

}  // namespace mdm::match

#endif  // MDM_MATCH_MODEL_H_
