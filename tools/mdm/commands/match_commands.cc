// SPDX-License-Identifier: Apache-2.0
// mdm train --config F: train a new match model version.
// mdm explain SOURCE:KEY SOURCE:KEY: the waterfall of one pair.
// mdm match --family F [--given G --phone P ...]: the golden records one
// record (not in the store) would join or come close to.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "mdm/json.h"
#include "tools/mdm/cli.h"
#include "tools/mdm/explanation_text.h"
#include "tools/mdm/table.h"

namespace mdm::cli {
namespace {

struct MatchFlags {
  std::string config;
  TruthOptions truth;
  std::string truth_delimiter = ",";
  int threads = 0;
  CLI::Option* train_db = nullptr;
  std::string record_a;
  std::string record_b;
  // mdm match: the query record and options.
  std::string given, family, birth_date, postcode, city, country;
  std::vector<std::string> phones, emails, ids;  // ids: SCHEME:VALUE
  MatchOneOptions match_one;
};

void PrintModel(const ModelSummary& m) {
  std::cout << absl::StrFormat(
      "model %d trained on %d records: EM on %d of %d candidate pairs (%d patterns), u from "
      "%d random pairs, EM %s after %d iterations, %.1f%% of candidates match, %.2f s\n",
      m.model_id, m.records, m.sampled_candidate_pairs, m.candidate_pairs,
      m.distinct_patterns, m.u_sample_pairs,
      m.converged ? "converged" : "stopped", m.em_iterations,
      100 * m.candidate_match_share, m.seconds);
  std::cout << absl::StrFormat("prior %.3g (weight %+.2f)\n", m.prior, m.prior_weight);
  Table table({"comparison", "level", "m", "u", "weight"});
  for (const ComparisonSummary& c : m.comparisons) {
    for (const LevelSummary& l : c.levels) {
      table.AddRow({c.comparison, l.level, absl::StrFormat("%.4g", l.m),
                    absl::StrFormat("%.4g", l.u), absl::StrFormat("%+.2f", l.weight)});
    }
  }
  table.Print(std::cout);
}

int Train(const CommonOptions& common, const MatchFlags& flags) {
  int exit_code = kOk;
  std::optional<ConfiguredEngine> opened =
      OpenWithConfig(common, flags.train_db, flags.config, flags.threads, &exit_code);
  if (!opened) return exit_code;
  absl::StatusOr<ModelSummary> model = opened->engine->Train(opened->config);
  if (!model.ok()) return Fail(model.status());
  if (common.json) {
    std::cout << ModelSummaryToJson(*model) << "\n";
  } else {
    PrintModel(*model);
  }
  return kOk;
}

int Explain(const CommonOptions& common, const MatchFlags& flags) {
  auto a = SplitRecordRef(flags.record_a);
  auto b = SplitRecordRef(flags.record_b);
  if (!a || !b) {
    std::cerr << "mdm: explain: records are written SOURCE:KEY\n";
    return kUsage;
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<Explanation> e = (*engine)->Explain(a->first, a->second, b->first, b->second);
  if (!e.ok()) return Fail(e.status());
  if (common.json) {
    std::cout << ExplanationToJson(*e) << "\n";
  } else {
    PrintExplanation(*e);
  }
  return kOk;
}

int MatchOne(const CommonOptions& common, const MatchFlags& flags) {
  SourceRecord query;
  query.name.given_names = flags.given;
  query.name.family_name = flags.family;
  query.birth_date = flags.birth_date;
  for (const std::string& phone : flags.phones) query.phones.push_back(Phone{.raw = phone});
  for (const std::string& email : flags.emails) query.emails.push_back(Email{.raw = email});
  for (const std::string& id : flags.ids) {
    auto scheme_value = SplitRecordRef(id);
    if (!scheme_value) {
      std::cerr << "mdm: match: --id is written SCHEME:VALUE (rpps:10001234567)\n";
      return kUsage;
    }
    query.identifiers.push_back(
        Identifier{.scheme = scheme_value->first, .value = scheme_value->second});
  }
  if (!flags.postcode.empty() || !flags.city.empty() || !flags.country.empty()) {
    Address address;
    address.postcode = flags.postcode;
    address.city = flags.city;
    address.country = flags.country;
    query.addresses.push_back(address);
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<MatchOneResult> result = (*engine)->MatchOne(query, flags.match_one);
  if (!result.ok()) return Fail(result.status());
  if (common.json) {
    std::cout << MatchOneResultToJson(*result) << "\n";
    return kOk;
  }
  std::cout << result->candidates.size() << " candidate golden record(s), "
            << result->compared_records << " records compared (model " << result->model_id
            << ")\n";
  if (result->candidates.empty()) return kOk;
  Table table({"golden id", "probability", "decision", "best member", "blocking rule"});
  for (const MatchCandidate& c : result->candidates) {
    table.AddRow({c.golden_id, absl::StrFormat("%.6f", c.probability),
                  MatchDecisionName(c.decision), c.explanation.record_b,
                  c.explanation.blocking_rule});
  }
  table.Print(std::cout);
  std::cout << "\nbest candidate:\n";
  PrintExplanation(result->candidates[0].explanation);
  return kOk;
}

void PrintEvaluation(const Evaluation& e) {
  std::cout << absl::StrFormat(
      "records evaluated %d (%d true entities, %d predicted clusters); %d records without "
      "truth, %d truth rows not in the store\n",
      e.records, e.true_entities, e.predicted_clusters, e.records_without_truth,
      e.truth_rows_not_loaded);
  Table table({"measure", "value", "detail"});
  table.AddRow({"blocking recall", absl::StrFormat("%.4f", e.blocking_recall),
                absl::StrFormat("%d of %d true pairs are candidates", e.candidate_true_pairs,
                                e.true_pairs)});
  table.AddRow({"pairwise precision", absl::StrFormat("%.4f", e.precision),
                absl::StrFormat("%d of %d predicted pairs are true", e.correct_pairs,
                                e.predicted_pairs)});
  table.AddRow({"pairwise recall", absl::StrFormat("%.4f", e.recall),
                absl::StrFormat("%d of %d true pairs found", e.correct_pairs, e.true_pairs)});
  table.AddRow({"pairwise F1", absl::StrFormat("%.4f", e.f1), ""});
  table.AddRow({"B-cubed precision", absl::StrFormat("%.4f", e.bcubed_precision), ""});
  table.AddRow({"B-cubed recall", absl::StrFormat("%.4f", e.bcubed_recall), ""});
  table.AddRow({"B-cubed F1", absl::StrFormat("%.4f", e.bcubed_f1), ""});
  table.AddRow({"review queue", absl::StrCat(e.review_items),
                absl::StrFormat("open items over %d records (%.2f%% of records)",
                                e.records_in_review, 100 * e.review_share)});
  table.Print(std::cout);
}

int Evaluate(const CommonOptions& common, MatchFlags flags) {
  if (flags.truth_delimiter.size() != 1) {
    std::cerr << "mdm: evaluate: --delimiter takes one character\n";
    return kUsage;
  }
  flags.truth.delimiter = flags.truth_delimiter[0];
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<Evaluation> e = (*engine)->Evaluate(flags.truth);
  if (!e.ok()) return Fail(e.status());
  if (common.json) {
    std::cout << EvaluationToJson(*e) << "\n";
  } else {
    PrintEvaluation(*e);
  }
  return kOk;
}

}  // namespace

void RegisterMatch(CLI::App& app, CommonOptions& common, Action* action) {
  auto flags = std::make_shared<MatchFlags>();
  CLI::App* train = app.add_subcommand(
      "train", "Train a new match model version on the store's records (EM for m, sampling for u)");
  flags->train_db = AddCommonFlags(*train, common);
  train->add_option("--config", flags->config, "mdm.yaml")->required();
  train->add_option("--threads", flags->threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  train->callback([&common, flags, action] {
    *action = [&common, flags] { return Train(common, *flags); };
  });

  CLI::App* explain = app.add_subcommand(
      "explain", "Show why two records are merged, queued for review or kept apart");
  AddCommonFlags(*explain, common);
  explain->add_option("record_a", flags->record_a, "SOURCE:KEY")->required();
  explain->add_option("record_b", flags->record_b, "SOURCE:KEY")->required();
  explain->callback([&common, flags, action] {
    *action = [&common, flags] { return Explain(common, *flags); };
  });

  CLI::App* match = app.add_subcommand(
      "match", "Find the golden records one record would join (read-only; needs a matched store)");
  AddCommonFlags(*match, common);
  match->add_option("--given", flags->given, "Given name(s)");
  match->add_option("--family", flags->family, "Family name");
  match->add_option("--birth-date", flags->birth_date, "Birth date (YYYY-MM-DD, YYYY-MM, YYYY)");
  match->add_option("--phone", flags->phones, "Phone (repeatable)");
  match->add_option("--email", flags->emails, "E-mail (repeatable)");
  match->add_option("--id", flags->ids, "Identifier SCHEME:VALUE, e.g. rpps:10001234567 (repeatable)");
  match->add_option("--postcode", flags->postcode, "Postcode");
  match->add_option("--city", flags->city, "City");
  match->add_option("--country", flags->country, "Address country (ISO alpha-2)");
  match->add_option("--default-country", flags->match_one.default_country,
                    "Country of numbers and postcodes without one (default FR)");
  match->add_option("--max", flags->match_one.max_candidates, "At most this many candidates")
      ->check(CLI::Range(1, 1000));
  match->add_option("--min-probability", flags->match_one.min_probability,
                    "Leave out candidates below this probability")
      ->check(CLI::Range(0.0, 1.0));
  match->callback([&common, flags, action] {
    *action = [&common, flags] { return MatchOne(common, *flags); };
  });

  CLI::App* evaluate = app.add_subcommand(
      "evaluate", "Measure clusters, blocking and review queue against a ground truth");
  AddCommonFlags(*evaluate, common);
  evaluate->add_option("--truth", flags->truth.path,
                       "CSV: source,source_key,person_id (mdm-gen), or any CSV with --key-column")
      ->required();
  evaluate->add_option("--source", flags->truth.source,
                       "With --key-column: the source whose keys the file holds");
  evaluate->add_option("--key-column", flags->truth.key_column,
                       "Column holding the record's source key");
  evaluate->add_option("--entity-column", flags->truth.entity_column,
                       "Column holding the true entity");
  evaluate->add_option("--entity-pattern", flags->truth.entity_pattern,
                       "RE2 with one group cutting the entity out of its column");
  evaluate->add_option("--delimiter", flags->truth_delimiter, "CSV delimiter (default ,)");
  evaluate->callback([&common, flags, action] {
    *action = [&common, flags] { return Evaluate(common, *flags); };
  });
}

}  // namespace mdm::cli
