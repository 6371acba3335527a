// SPDX-License-Identifier: Apache-2.0
#include "mdm/config/matching_reader.h"

#include <cmath>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "mdm/config/yaml_fields.h"

namespace mdm::config {
namespace {

constexpr absl::string_view kSchemes[] = {"npi", "rpps", "adeli", "gmc",
                                          "lanr", "crm", "other"};

bool IsName(MatchField f) {
  return f == MatchField::kGivenName || f == MatchField::kFamilyName;
}

// Why `kind` cannot apply to `field`; empty when it can.
std::string LevelMisfit(LevelKind kind, MatchField field) {
  switch (kind) {
    case LevelKind::kExactValid:
      return field == MatchField::kIdentifier ? "" : "applies to identifier only";
    case LevelKind::kPhonetic:
      return IsName(field) ? "" : "applies to given_name and family_name only";
    case LevelKind::kSwapped:
      // Counted once, on the family name: the given-name comparison of a
      // swapped pair is then null (see mdm/match/comparison.h).
      return field == MatchField::kFamilyName ? "" : "applies to family_name only";
    case LevelKind::kNickname:
      return field == MatchField::kGivenName ? "" : "applies to given_name only";
    case LevelKind::kInitials:
      return IsName(field) ? "" : "applies to given_name and family_name only";
    case LevelKind::kMaiden:
      return field == MatchField::kFamilyName ? "" : "applies to family_name only";
    case LevelKind::kDateTypo:
    case LevelKind::kWithinDays:
    case LevelKind::kSameYear:
      return field == MatchField::kBirthDate ? "" : "applies to birth_date only";
    case LevelKind::kLocalPart:
      return field == MatchField::kEmail ? "" : "applies to email only";
    case LevelKind::kHandleLike:
    case LevelKind::kHandleInitial:
      return field == MatchField::kFamilyName ? "" : "applies to family_name only";
    case LevelKind::kSameStreet:
    case LevelKind::kSamePostcode:
    case LevelKind::kSameCity:
      return field == MatchField::kAddress ? "" : "applies to address only";
    case LevelKind::kPrefix:
      return "";
    default:
      // An address is compared by its parts only.
      return field == MatchField::kAddress
                 ? "does not apply to address (use same_street, same_postcode, same_city "
                   "or prefix)"
                 : "";
  }
}

struct ThresholdRule {
  bool takes = false;
  double min = 0, max = 0;
  bool whole = false;
};

ThresholdRule ThresholdOf(LevelKind kind) {
  switch (kind) {
    case LevelKind::kJaroWinkler:
    case LevelKind::kJaro:
    case LevelKind::kJaccard:
    case LevelKind::kTokenSet:
      return {true, 0.01, 1.0, false};
    case LevelKind::kLevenshtein:
    case LevelKind::kDamerau:
      return {true, 1, 10, true};
    case LevelKind::kPrefix:
      return {true, 1, 32, true};
    case LevelKind::kWithinDays:
      return {true, 1, 36500, true};
    default:
      return {};
  }
}

class Reader {
 public:
  explicit Reader(ConfigErrors* errors) : errors_(errors) {}

  MatchingConfig Read(const YAML::Node& node) {
    MatchingConfig m = DefaultMatchingConfig();
    if (!node.IsMap()) {
      errors_->Add(LineOf(node), "matching", "expected a mapping");
      return m;
    }
    YamlFields f(node, "matching", LineOf(node), errors_);
    f.RejectUnknownKeys({"blocking", "comparisons", "training", "decision",
                         "cannot_link_schemes"});
    if (YAML::Node blocking = f.Get("blocking")) ReadBlocking(blocking, m);
    if (YAML::Node comparisons = f.Get("comparisons")) ReadComparisons(comparisons, m);
    if (YAML::Node training = f.Get("training")) ReadTraining(training, m.training);
    if (YAML::Node decision = f.Get("decision")) ReadDecision(decision, m);
    if (YAML::Node schemes = f.Get("cannot_link_schemes")) {
      m.cannot_link_schemes =
          ReadSchemes(schemes, "matching.cannot_link_schemes", /*allow_empty=*/true);
    }
    return m;
  }

 private:
  // A list of scalars; reports anything else.
  std::vector<std::string> ScalarList(const YAML::Node& node, const std::string& path,
                                      bool allow_empty) {
    std::vector<std::string> out;
    if (!node.IsSequence() || (!allow_empty && node.size() == 0)) {
      errors_->Add(LineOf(node), path,
                   allow_empty ? "expected a list" : "expected a non-empty list");
      return out;
    }
    for (size_t i = 0; i < node.size(); ++i) {
      if (!node[i].IsScalar() || node[i].Scalar().empty()) {
        errors_->Add(LineOf(node[i]), absl::StrCat(path, "[", i, "]"),
                     "expected a single value");
        continue;
      }
      out.push_back(node[i].Scalar());
    }
    return out;
  }

  std::vector<std::string> ReadSchemes(const YAML::Node& node, const std::string& path,
                                       bool allow_empty) {
    std::vector<std::string> schemes;
    for (const std::string& s : ScalarList(node, path, allow_empty)) {
      bool known = false;
      for (absl::string_view k : kSchemes) known = known || k == s;
      if (!known) {
        errors_->Add(LineOf(node), path,
                     absl::StrCat("unknown identifier scheme '", s, "' (expected ",
                                  absl::StrJoin(kSchemes, ", "), ")"));
        continue;
      }
      schemes.push_back(s);
    }
    return schemes;
  }

  void ReadBlocking(const YAML::Node& node, MatchingConfig& m) {
    if (!node.IsMap()) {
      errors_->Add(LineOf(node), "matching.blocking", "expected a mapping");
      return;
    }
    YamlFields f(node, "matching.blocking", LineOf(node), errors_);
    f.RejectUnknownKeys({"max_block_size", "rules"});
    if (auto cap = f.Int("max_block_size", 2, 1'000'000)) m.max_block_size = *cap;
    YAML::Node rules = f.Get("rules");
    if (!rules) return;
    if (!rules.IsSequence() || rules.size() == 0) {
      errors_->Add(LineOf(rules), "matching.blocking.rules", "expected a non-empty list");
      return;
    }
    m.blocking_rules.clear();
    absl::flat_hash_set<std::string> names;
    for (size_t i = 0; i < rules.size(); ++i) {
      const std::string path = absl::StrCat("matching.blocking.rules[", i, "]");
      if (!rules[i].IsMap()) {
        errors_->Add(LineOf(rules[i]), path, "expected a mapping with name and keys");
        continue;
      }
      BlockingRuleConfig rule;
      rule.line = LineOf(rules[i]);
      YamlFields r(rules[i], path, rule.line, errors_);
      r.RejectUnknownKeys({"name", "keys", "max_block_size"});
      if (auto cap = r.Int("max_block_size", 2, 1'000'000)) rule.max_block_size = *cap;
      if (auto name = r.String("name", true)) {
        rule.name = *name;
        if (!names.insert(*name).second) {
          errors_->Add(LineOf(r.Get("name")), r.PathOf("name"),
                       absl::StrCat("duplicate rule name '", *name, "'"));
        }
      }
      if (YAML::Node keys = r.Get("keys")) {
        for (const std::string& text : ScalarList(keys, r.PathOf("keys"), false)) {
          if (auto key = ParseKey(text, LineOf(keys), r.PathOf("keys"))) {
            rule.keys.push_back(*key);
          }
        }
      } else {
        errors_->Add(rule.line, r.PathOf("keys"), "is required");
      }
      m.blocking_rules.push_back(std::move(rule));
    }
  }

  std::optional<BlockingKey> ParseKey(absl::string_view text, int line,
                                      const std::string& path) {
    auto fail = [&](absl::string_view why) -> std::optional<BlockingKey> {
      errors_->Add(line, path, absl::StrCat("key '", text, "': ", why));
      return std::nullopt;
    };
    if (text == "name_pair") {
      return BlockingKey{MatchField::kFamilyName, KeyTransform::kNamePair, 0};
    }
    std::vector<absl::string_view> parts = absl::StrSplit(text, absl::MaxSplits('.', 1));
    std::optional<MatchField> field = ParseMatchField(parts[0]);
    if (!field) return fail("unknown field");
    if (*field == MatchField::kAddress) return fail("block on postcode, city or street");
    BlockingKey key{*field, KeyTransform::kExact, 0};
    if (parts.size() == 1) return key;
    const absl::string_view t = parts[1];
    if (t == "phonetic" || t == "initial") {
      if (!IsName(*field)) return fail("applies to given_name and family_name only");
      key.transform = t == "phonetic" ? KeyTransform::kPhonetic : KeyTransform::kInitial;
    } else if (t == "year") {
      if (*field != MatchField::kBirthDate) return fail("year applies to birth_date only");
      key.transform = KeyTransform::kYear;
    } else if (t == "spelling") {
      if (*field != MatchField::kSocialHandle) {
        return fail("spelling applies to social_handle only");
      }
      key.transform = KeyTransform::kSpelling;
    } else if (t == "local_part") {
      if (*field != MatchField::kEmail) return fail("local_part applies to email only");
      key.transform = KeyTransform::kLocalPart;
    } else if (absl::StartsWith(t, "prefix")) {
      int length = 0;
      if (!absl::SimpleAtoi(t.substr(6), &length) || length < 1 || length > 32) {
        return fail("expected prefixN with N from 1 to 32");
      }
      key.transform = KeyTransform::kPrefix;
      key.length = length;
    } else {
      return fail("unknown transform (expected phonetic, initial, prefixN, year, "
                  "local_part or spelling)");
    }
    return key;
  }

  void ReadComparisons(const YAML::Node& node, MatchingConfig& m) {
    if (!node.IsSequence() || node.size() == 0) {
      errors_->Add(LineOf(node), "matching.comparisons", "expected a non-empty list");
      return;
    }
    if (node.size() > kMaxComparisons) {
      errors_->Add(LineOf(node), "matching.comparisons",
                   absl::StrCat("at most ", kMaxComparisons, " comparisons"));
      return;
    }
    m.comparisons.clear();
    absl::flat_hash_set<std::string> names;
    for (size_t i = 0; i < node.size(); ++i) {
      const std::string path = absl::StrCat("matching.comparisons[", i, "]");
      if (!node[i].IsMap()) {
        errors_->Add(LineOf(node[i]), path, "expected a mapping with name, field, levels");
        continue;
      }
      ComparisonConfig c = ReadComparison(node[i], path);
      if (!c.name.empty() && !names.insert(c.name).second) {
        errors_->Add(c.line, absl::StrCat(path, ".name"),
                     absl::StrCat("duplicate comparison name '", c.name, "'"));
      }
      m.comparisons.push_back(std::move(c));
    }
  }

  ComparisonConfig ReadComparison(const YAML::Node& node, const std::string& path) {
    ComparisonConfig c;
    c.line = LineOf(node);
    YamlFields f(node, path, c.line, errors_);
    f.RejectUnknownKeys({"name", "field", "levels", "term_frequency", "schemes", "hard"});
    if (auto name = f.String("name", true)) c.name = *name;
    if (auto field = f.String("field", true)) {
      if (auto parsed = ParseMatchField(*field)) {
        c.field = *parsed;
      } else {
        errors_->Add(LineOf(f.Get("field")), f.PathOf("field"),
                     absl::StrCat("unknown field '", *field, "'"));
        return c;
      }
    }
    if (auto tf = f.Bool("term_frequency")) c.term_frequency = *tf;
    if (auto hard = f.Bool("hard")) c.hard = *hard;
    if (YAML::Node schemes = f.Get("schemes")) {
      if (c.field != MatchField::kIdentifier) {
        errors_->Add(LineOf(schemes), f.PathOf("schemes"), "applies to identifier only");
      } else {
        c.schemes = ReadSchemes(schemes, f.PathOf("schemes"), false);
      }
    }
    YAML::Node levels = f.Get("levels");
    if (!levels || !levels.IsSequence() || levels.size() == 0) {
      errors_->Add(levels ? LineOf(levels) : c.line, f.PathOf("levels"),
                   "expected a non-empty list of levels");
      return c;
    }
    if (levels.size() > kMaxLevelsPerComparison) {
      errors_->Add(LineOf(levels), f.PathOf("levels"),
                   absl::StrCat("at most ", kMaxLevelsPerComparison, " levels"));
      return c;
    }
    for (size_t i = 0; i < levels.size(); ++i) {
      if (auto level = ReadLevel(levels[i], absl::StrCat(f.PathOf("levels"), "[", i, "]"),
                                 c.field)) {
        c.levels.push_back(*level);
      }
    }
    return c;
  }

  // "exact" or {jaro_winkler: 0.9}.
  std::optional<LevelConfig> ReadLevel(const YAML::Node& node, const std::string& path,
                                       MatchField field) {
    LevelConfig level;
    level.line = LineOf(node);
    std::string name;
    std::optional<std::string> value;
    if (node.IsScalar()) {
      name = node.Scalar();
    } else if (node.IsMap() && node.size() == 1 && node.begin()->second.IsScalar()) {
      name = node.begin()->first.Scalar();
      value = node.begin()->second.Scalar();
    } else {
      errors_->Add(level.line, path, "expected a level name or {name: number}");
      return std::nullopt;
    }
    std::optional<LevelKind> kind = ParseLevelKind(name);
    if (!kind) {
      errors_->Add(level.line, path, absl::StrCat("unknown level '", name, "'"));
      return std::nullopt;
    }
    level.kind = *kind;
    if (std::string misfit = LevelMisfit(*kind, field); !misfit.empty()) {
      errors_->Add(level.line, path, absl::StrCat(name, " ", misfit));
      return std::nullopt;
    }
    const ThresholdRule rule = ThresholdOf(*kind);
    if (rule.takes != value.has_value()) {
      errors_->Add(level.line, path,
                   rule.takes ? absl::StrCat(name, " needs a number: {", name, ": ...}")
                              : absl::StrCat(name, " takes no number"));
      return std::nullopt;
    }
    if (value) {
      double t = 0;
      const bool ok = absl::SimpleAtod(*value, &t) && std::isfinite(t) && t >= rule.min &&
                      t <= rule.max && (!rule.whole || t == std::floor(t));
      if (!ok) {
        errors_->Add(level.line, path,
                     absl::StrCat("expected ", rule.whole ? "a whole number" : "a number",
                                  " from ", rule.min, " to ", rule.max));
        return std::nullopt;
      }
      level.threshold = t;
    }
    return level;
  }

  void ReadTraining(const YAML::Node& node, TrainingConfig& t) {
    if (!node.IsMap()) {
      errors_->Add(LineOf(node), "matching.training", "expected a mapping");
      return;
    }
    YamlFields f(node, "matching.training", LineOf(node), errors_);
    f.RejectUnknownKeys({"max_iterations", "tolerance", "u_sample_pairs",
                         "max_candidate_pairs", "seed"});
    if (auto v = f.Int("max_candidate_pairs", 1000, 1'000'000'000)) t.max_candidate_pairs = *v;
    if (auto v = f.Int("max_iterations", 1, 10000)) t.max_iterations = static_cast<int>(*v);
    if (auto v = f.Double("tolerance", 1e-12, 0.1)) t.tolerance = *v;
    if (auto v = f.Int("u_sample_pairs", 1000, 1'000'000'000)) t.u_sample_pairs = *v;
    if (auto v = f.Int("seed", 0, INT64_MAX)) t.seed = static_cast<uint64_t>(*v);
  }

  void ReadDecision(const YAML::Node& node, MatchingConfig& m) {
    if (!node.IsMap()) {
      errors_->Add(LineOf(node), "matching.decision", "expected a mapping");
      return;
    }
    YamlFields f(node, "matching.decision", LineOf(node), errors_);
    f.RejectUnknownKeys({"auto_merge", "review", "keep_apart_weight"});
    if (auto v = f.Double("auto_merge", 0.5, 1.0)) m.auto_merge = *v;
    if (auto v = f.Double("review", 0.0, 1.0)) m.review = *v;
    // A probability of 1 is no band: no finite weight reaches it.
    for (const char* key : {"auto_merge", "review"}) {
      if (f.Has(key) && (key[0] == 'a' ? m.auto_merge : m.review) >= 1.0) {
        errors_->Add(LineOf(f.Get(key)), f.PathOf(key), "must be below 1");
      }
    }
    if (auto v = f.Double("keep_apart_weight", -1000, 1000)) m.keep_apart_weight = *v;
    if (m.review > m.auto_merge) {
      errors_->Add(LineOf(node), "matching.decision.review",
                   "must not exceed matching.decision.auto_merge");
    }
    // The guard skips the merging pair itself, which it may only do when an
    // auto-merge pair can never weigh below the guard.
    if (m.auto_merge < 1.0 &&
        m.keep_apart_weight >= std::log2(m.auto_merge / (1.0 - m.auto_merge))) {
      errors_->Add(LineOf(node), "matching.decision.keep_apart_weight",
                   "must be below the match weight of auto_merge");
    }
  }

  ConfigErrors* errors_;
};

}  // namespace

MatchingConfig ReadMatching(const YAML::Node& node, ConfigErrors* errors) {
  return Reader(errors).Read(node);
}

}  // namespace mdm::config
