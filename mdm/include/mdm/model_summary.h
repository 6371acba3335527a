// SPDX-License-Identifier: Apache-2.0
// File: mdm/model_summary.h
//
// A trained match model as users read it (`mdm train`): the prior and, for
// every comparison level, m, u and the match weight log2(m/u), with how the
// training went. Returned by Engine::Train().
#ifndef MDM_MODEL_SUMMARY_H_
#define MDM_MODEL_SUMMARY_H_

#include <cstdint>
#include <string>
#include <vector>

namespace mdm {

struct LevelSummary {
  std::string level;  // "exact", "jaro_winkler>=0.92", ..., "else"
  double m = 0;
  double u = 0;
  double weight = 0;  // log2(m / u)
};

struct ComparisonSummary {
  std::string comparison;
  std::vector<LevelSummary> levels;  // best first; the null level is not listed
};

struct ModelSummary {
  int64_t model_id = 0;
  std::string created_at;
  double prior = 0;         // P(two random records are of one person)
  double prior_weight = 0;  // log2(prior / (1 - prior))
  int64_t records = 0;
  int64_t candidate_pairs = 0;          // estimated when sampled
  int64_t sampled_candidate_pairs = 0;  // the pairs EM learned from
  int64_t distinct_patterns = 0;
  int64_t u_sample_pairs = 0;
  int em_iterations = 0;
  bool converged = false;
  double candidate_match_share = 0;  // EM's share of matches among candidates
  double seconds = 0;
  std::vector<ComparisonSummary> comparisons;
};

}  // namespace mdm

#endif  // MDM_MODEL_SUMMARY_H_
