// SPDX-License-Identifier: Apache-2.0
// File: mdm/explanation.h
//
// Why the engine decided what it did about two records: the Fellegi-Sunter
// waterfall from the prior, through each comparison's level and match
// weight (with its term-frequency adjustment), to the total match weight,
// the match probability and the decision. Returned by Engine::Explain() and
// printed by `mdm explain A B`.
//
// The explanation holds the compared values of both records: it is for the
// user who asked, and must not be written to logs.
#ifndef MDM_EXPLANATION_H_
#define MDM_EXPLANATION_H_

#include <cstdint>
#include <string>
#include <vector>

namespace mdm {

// The three decisions a pair can get.
enum class MatchDecision {
  kAutoMerge,  // probability >= matching.decision.auto_merge
  kReview,     // >= matching.decision.review: queued for a data steward
  kDistinct,   // below review
};
// "auto_merge", "review", "distinct".
const char* MatchDecisionName(MatchDecision decision);

struct ComparisonTerm {
  std::string comparison;  // the comparison's name in mdm.yaml
  std::string level;       // "null", "exact", "jaro_winkler>=0.92", ..., "else"
  double m = 0;            // 0 for the null level
  double u = 0;
  double weight = 0;         // log2(m / u); 0 for the null level
  double tf_adjustment = 0;  // added to weight when the exact level of a
                             // term-frequency comparison held
  std::string value_a;       // the first value of the field on each side
  std::string value_b;
};

struct Explanation {
  std::string record_a;  // "source:source_key"
  std::string record_b;
  int64_t model_id = 0;
  double prior = 0;         // P(two random records are of one person)
  double prior_weight = 0;  // log2(prior / (1 - prior))
  std::vector<ComparisonTerm> terms;
  double match_weight = 0;  // prior_weight + every weight and adjustment
  double probability = 0;   // 2^w / (1 + 2^w)
  MatchDecision decision = MatchDecision::kDistinct;
  // Two different valid identifiers of one cannot-link scheme: never merged
  // automatically, whatever the probability ("rpps", or empty).
  std::string cannot_link_scheme;
  // The first blocking rule that makes the two records a candidate pair;
  // empty when no rule does (a batch run never compares them).
  std::string blocking_rule;
};

}  // namespace mdm

#endif  // MDM_EXPLANATION_H_
