// SPDX-License-Identifier: Apache-2.0
// File: mdm/survive/golden_builder.h
//
// The Survive stage: the member source records of one cluster in, one
// golden record out (mdm/golden.h), by the policies of
// mdm/survivorship_config.h. A pure function of its inputs: the reference
// time of trust decay is the cluster's latest observed_at, not the clock, so
// rebuilding an unchanged cluster gives the same golden record whenever it
// runs. Ids, status and runs are left for the caller.
//
// Example:
//   std::vector<Member> members = {{record_a, 0.9}, {record_b, 0.5}};
//   GoldenRecord g = BuildGolden(members, config.survivorship);
//   // g.name.value, g.name.lineage.rule == "trust_decay", g.phones[0].primary
//
// Thread-safety: pure; call from any number of threads.
#ifndef MDM_SURVIVE_GOLDEN_BUILDER_H_
#define MDM_SURVIVE_GOLDEN_BUILDER_H_

#include <vector>

#include "mdm/golden.h"
#include "mdm/record.h"
#include "mdm/survivorship_config.h"

namespace mdm::survive {

struct Member {
  SourceRecord record;
  double trust = 0.5;  // the source's configured trust
};

// REQUIRES: `members` is not empty. Member order does not matter.
GoldenRecord BuildGolden(const std::vector<Member>& members, const SurvivorshipConfig& config);

}  // namespace mdm::survive

#endif  // MDM_SURVIVE_GOLDEN_BUILDER_H_
