// SPDX-License-Identifier: Apache-2.0
#include "mdm/explanation.h"

namespace mdm {

const char* MatchDecisionName(MatchDecision decision) {
  switch (decision) {
    case MatchDecision::kAutoMerge: return "auto_merge";
    case MatchDecision::kReview: return "review";
    case MatchDecision::kDistinct: return "distinct";
  }
  return "distinct";
}

}  // namespace mdm
