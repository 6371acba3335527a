// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/model.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "mdm/base/sha256.h"
#include "mdm/match/settings_json.h"
#include "mdm/model/json_dump.h"
#include "mdm/model/json_fields.h"

namespace mdm::match {

using nlohmann::json;
using model::JsonFields;

double MatchModel::LevelWeight(size_t comparison, int level) const {
  if (level == 0) return 0;
  const LevelParameters& p = comparisons[comparison].levels[level];
  return std::log2(p.m / p.u);
}

double MatchModel::PriorWeight() const { return std::log2(prior / (1 - prior)); }

std::vector<ComparisonConfig> MatchModel::ComparisonConfigs() const {
  std::vector<ComparisonConfig> out;
  for (const ComparisonParameters& c : comparisons) out.push_back(c.config);
  return out;
}

std::string ComparisonsFingerprint(const std::vector<ComparisonConfig>& comparisons) {
  std::string text;
  for (const ComparisonConfig& c : comparisons) {
    absl::StrAppend(&text, c.name, "|", MatchFieldName(c.field), "|",
                    c.term_frequency ? "tf" : "", c.hard ? "hard" : "", "|");
    for (const std::string& s : c.schemes) absl::StrAppend(&text, s, ",");
    // Thresholds at full precision: Label() rounds to six digits.
    for (const LevelConfig& l : c.levels) {
      absl::StrAppend(&text, "|", LevelKindName(l.kind), absl::StrFormat("%.17g", l.threshold));
    }
    text.push_back('\n');
  }
  return base::Sha256Hex(text);
}

double ProbabilityOfWeight(double weight) {
  // 1 / (1 + 2^-w) for w >= 0 and 2^w / (1 + 2^w) below: each side rounds
  // without ever decreasing as w grows, and neither overflows.
  if (weight >= 0) return 1.0 / (1.0 + std::exp2(-weight));
  const double odds = std::exp2(weight);
  return odds / (1.0 + odds);
}

std::string ModelToJson(const MatchModel& model) {
  json params = json::array();
  for (const ComparisonParameters& c : model.comparisons) {
    json levels = json::array();
    for (const LevelParameters& p : c.levels) levels.push_back({p.m, p.u});
    params.push_back(levels);
  }
  const TrainingStats& t = model.training;
  json doc = {{"format", 1},
              {"created_at", model.created_at},
              {"fingerprint", model.fingerprint},
              {"prior", model.prior},
              {"comparisons", ComparisonsToJsonValue(model.ComparisonConfigs())},
              {"m_u", params},
              {"training",
               {{"records", t.records},
                {"candidate_pairs", t.candidate_pairs},
                {"sampled_candidate_pairs", t.sampled_candidate_pairs},
                {"distinct_patterns", t.distinct_patterns},
                {"u_sample_pairs", t.u_sample_pairs},
                {"em_iterations", t.em_iterations},
                {"converged", t.converged},
                {"candidate_match_share", t.candidate_match_share},
                {"seconds", t.seconds}}}};
  return model::DumpJson(doc);
}

absl::StatusOr<MatchModel> ModelFromJson(absl::string_view text) {
  const json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  JsonFields r;
  MatchModel model;
  if (doc.is_discarded() || r.Integer(doc, "format") != 1) r.Fail();
  model.created_at = r.String(doc, "created_at");
  model.fingerprint = r.String(doc, "fingerprint");
  model.prior = r.Number(doc, "prior");
  std::vector<ComparisonConfig> configs;
  if (!ComparisonsFromJsonValue(r.At(doc, "comparisons"), &configs)) r.Fail();
  const json& params = r.Array(doc, "m_u");
  if (params.size() != configs.size()) r.Fail();
  for (size_t c = 0; r.ok() && c < configs.size(); ++c) {
    ComparisonParameters p;
    p.config = std::move(configs[c]);
    for (const json& level : params[c]) {
      if (!level.is_array() || level.size() != 2) {
        r.Fail();
        break;
      }
      p.levels.push_back({r.Number(level[0]), r.Number(level[1])});
    }
    if (p.levels.size() != p.config.levels.size() + 2) r.Fail();
    for (size_t l = 1; l < p.levels.size(); ++l) {
      if (!(p.levels[l].m > 0 && p.levels[l].u > 0)) r.Fail();
    }
    model.comparisons.push_back(std::move(p));
  }
  const json& t = r.At(doc, "training");
  model.training.records = r.Integer(t, "records");
  model.training.candidate_pairs = r.Integer(t, "candidate_pairs");
  model.training.sampled_candidate_pairs = r.Integer(t, "sampled_candidate_pairs");
  model.training.distinct_patterns = r.Integer(t, "distinct_patterns");
  model.training.u_sample_pairs = r.Integer(t, "u_sample_pairs");
  model.training.em_iterations = static_cast<int>(r.Integer(t, "em_iterations"));
  model.training.converged = r.Bool(t, "converged");
  model.training.candidate_match_share = r.Number(t, "candidate_match_share");
  model.training.seconds = r.Number(t, "seconds");
  if (!r.ok() || !(model.prior > 0 && model.prior < 1)) {
    return absl::DataLossError("match model: stored model is damaged");
  }
  return model;
}

}  // namespace mdm::match
