// SPDX-License-Identifier: Apache-2.0
// File: tools/mdm/explanation_text.h
//
// The waterfall of one pair as a text table (prior, each comparison's
// level, values and weight, the running total, the decision): what
// `mdm explain`, `mdm match` and `mdm queue show` print.
#ifndef MDM_TOOLS_MDM_EXPLANATION_TEXT_H_
#define MDM_TOOLS_MDM_EXPLANATION_TEXT_H_

#include "mdm/explanation.h"

namespace mdm::cli {

void PrintExplanation(const Explanation& e);

}  // namespace mdm::cli

#endif  // MDM_TOOLS_MDM_EXPLANATION_TEXT_H_
