// SPDX-License-Identifier: Apache-2.0
#include "tools/mdm/explanation_text.h"

#include <iostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/mdm/table.h"

namespace mdm::cli {

void PrintExplanation(const Explanation& e) {
  std::cout << e.record_a << " vs " << e.record_b << " (model " << e.model_id << ")\n";
  Table table({"step", "level", "a", "b", "m", "u", "weight", "tf adj", "running"});
  double running = e.prior_weight;
  table.AddRow({"prior", "", "", "", "", "", absl::StrFormat("%+.2f", e.prior_weight), "",
                absl::StrFormat("%+.2f", running)});
  for (const ComparisonTerm& t : e.terms) {
    running += t.weight + t.tf_adjustment;
    const bool null = t.level == "null";
    table.AddRow({t.comparison, t.level, t.value_a, t.value_b,
                  null ? "" : absl::StrFormat("%.3g", t.m),
                  null ? "" : absl::StrFormat("%.3g", t.u), absl::StrFormat("%+.2f", t.weight),
                  t.tf_adjustment == 0 ? "" : absl::StrFormat("%+.2f", t.tf_adjustment),
                  absl::StrFormat("%+.2f", running)});
  }
  table.Print(std::cout);
  std::cout << absl::StrFormat("match weight %+.2f, probability %.6f, decision %s\n",
                               e.match_weight, e.probability, MatchDecisionName(e.decision));
  if (!e.cannot_link_scheme.empty()) {
    std::cout << "cannot-link: different valid " << e.cannot_link_scheme
              << " identifiers; never merged automatically\n";
  }
  std::cout << (e.blocking_rule.empty()
                    ? std::string("no blocking rule pairs these records: a run never compares them")
                    : absl::StrCat("compared in runs through blocking rule ", e.blocking_rule))
            << "\n";
}

}  // namespace mdm::cli
