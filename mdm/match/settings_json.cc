// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/settings_json.h"

#include "mdm/model/json_dump.h"
#include "mdm/model/json_fields.h"

namespace mdm::match {
namespace {

using nlohmann::json;
using model::JsonFields;

json KeyToJson(const BlockingKey& k) {
  return {{"field", MatchFieldName(k.field)},
          {"transform", static_cast<int>(k.transform)},
          {"length", k.length}};
}

}  // namespace

json ComparisonsToJsonValue(const std::vector<ComparisonConfig>& comparisons) {
  json out = json::array();
  for (const ComparisonConfig& c : comparisons) {
    json levels = json::array();
    for (const LevelConfig& l : c.levels) {
      levels.push_back({{"kind", LevelKindName(l.kind)}, {"threshold", l.threshold}});
    }
    out.push_back({{"name", c.name},
                   {"field", MatchFieldName(c.field)},
                   {"schemes", c.schemes},
                   {"term_frequency", c.term_frequency},
                   {"hard", c.hard},
                   {"levels", levels}});
  }
  return out;
}

bool ComparisonsFromJsonValue(const json& value, std::vector<ComparisonConfig>* comparisons) {
  if (!value.is_array()) return false;
  JsonFields r;
  for (const json& j : value) {
    ComparisonConfig c;
    c.name = r.String(j, "name");
    std::optional<MatchField> field = ParseMatchField(r.String(j, "field"));
    if (!field) r.Fail();
    c.field = field.value_or(MatchField::kGivenName);
    for (const json& s : r.Array(j, "schemes")) {
      if (s.is_string()) {
        c.schemes.push_back(s.get<std::string>());
      } else {
        r.Fail();
      }
    }
    c.term_frequency = r.Bool(j, "term_frequency");
    c.hard = r.Bool(j, "hard");
    for (const json& l : r.Array(j, "levels")) {
      std::optional<LevelKind> kind = ParseLevelKind(r.String(l, "kind"));
      if (!kind) r.Fail();
      c.levels.push_back({kind.value_or(LevelKind::kExact), r.Number(l, "threshold"), 0});
    }
    comparisons->push_back(std::move(c));
  }
  return r.ok();
}

std::string MatchingConfigToJson(const MatchingConfig& m) {
  json rules = json::array();
  for (const BlockingRuleConfig& rule : m.blocking_rules) {
    json keys = json::array();
    for (const BlockingKey& k : rule.keys) keys.push_back(KeyToJson(k));
    rules.push_back({{"name", rule.name}, {"keys", keys}, {"max_block_size", rule.max_block_size}});
  }
  const TrainingConfig& t = m.training;
  return model::DumpJson(json{
      {"format", 1},
      {"blocking_rules", rules},
      {"max_block_size", m.max_block_size},
      {"comparisons", ComparisonsToJsonValue(m.comparisons)},
      {"training",
       {{"max_iterations", t.max_iterations},
        {"tolerance", t.tolerance},
        {"u_sample_pairs", t.u_sample_pairs},
        {"max_candidate_pairs", t.max_candidate_pairs},
        {"seed", t.seed}}},
      {"auto_merge", m.auto_merge},
      {"review", m.review},
      {"keep_apart_weight", m.keep_apart_weight},
      {"cannot_link_schemes", m.cannot_link_schemes}});
}

absl::StatusOr<MatchingConfig> MatchingConfigFromJson(absl::string_view text) {
  const json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  JsonFields r;
  MatchingConfig m;
  if (doc.is_discarded() || r.Integer(doc, "format") != 1) r.Fail();
  m.blocking_rules.clear();
  for (const json& rule : r.Array(doc, "blocking_rules")) {
    BlockingRuleConfig out;
    out.name = r.String(rule, "name");
    out.max_block_size = r.Integer(rule, "max_block_size");
    for (const json& k : r.Array(rule, "keys")) {
      std::optional<MatchField> field = ParseMatchField(r.String(k, "field"));
      const int64_t transform = r.Integer(k, "transform");
      if (!field || transform < 0 || transform > static_cast<int>(KeyTransform::kSpelling)) {
        r.Fail();
      }
      out.keys.push_back({field.value_or(MatchField::kFamilyName),
                          static_cast<KeyTransform>(transform),
                          static_cast<int>(r.Integer(k, "length"))});
    }
    m.blocking_rules.push_back(std::move(out));
  }
  m.max_block_size = r.Integer(doc, "max_block_size");
  m.comparisons.clear();
  if (!ComparisonsFromJsonValue(r.At(doc, "comparisons"), &m.comparisons)) r.Fail();
  const json& t = r.At(doc, "training");
  m.training.max_iterations = static_cast<int>(r.Integer(t, "max_iterations"));
  m.training.tolerance = r.Number(t, "tolerance");
  m.training.u_sample_pairs = r.Integer(t, "u_sample_pairs");
  m.training.max_candidate_pairs = r.Integer(t, "max_candidate_pairs");
  m.training.seed = static_cast<uint64_t>(r.Integer(t, "seed"));
  m.auto_merge = r.Number(doc, "auto_merge");
  m.review = r.Number(doc, "review");
  m.keep_apart_weight = r.Number(doc, "keep_apart_weight");
  m.cannot_link_schemes.clear();
  for (const json& s : r.Array(doc, "cannot_link_schemes")) {
    if (s.is_string()) {
      m.cannot_link_schemes.push_back(s.get<std::string>());
    } else {
      r.Fail();
    }
  }
  if (!r.ok()) return absl::DataLossError("matching settings: stored text is damaged");
  return m;
}

}  // namespace mdm::match
