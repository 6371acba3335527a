// SPDX-License-Identifier: Apache-2.0
#include "mdm/pipeline/match_one.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "mdm/base/utf8.h"
#include "mdm/match/cannot_link.h"
#include "mdm/match/comparison.h"
#include "mdm/match/match_keys.h"
#include "mdm/match/scorer.h"
#include "mdm/match/term_frequencies.h"
#include "mdm/normalize/normalize_stage.h"
#include "mdm/status.h"

namespace mdm::pipeline {
namespace {

constexpr uint32_t kNoGolden = std::numeric_limits<uint32_t>::max();
constexpr int kMaxCandidates = 1000;

absl::Status CheckOptions(const MatchOneOptions& options) {
  if (options.max_candidates < 1 || options.max_candidates > kMaxCandidates) {
    return absl::InvalidArgumentError(absl::StrCat(
        "match one: max_candidates must be within 1..", kMaxCandidates, ", not ",
        options.max_candidates));
  }
  if (!(options.min_probability >= 0 && options.min_probability <= 1)) {
    return absl::InvalidArgumentError("match one: min_probability must be within 0..1");
  }
  const std::string& country = options.default_country;
  if (country.size() != 2 || !absl::ascii_isupper(country[0]) ||
      !absl::ascii_isupper(country[1])) {
    return absl::InvalidArgumentError(
        "match one: default_country must be an ISO 3166-1 alpha-2 code such as FR");
  }
  return absl::OkStatus();
}

// The first text field of `r` that is not UTF-8, or nullptr: a query from
// another system is hostile input, and the pipeline's folding expects UTF-8.
const char* FirstNonUtf8Field(const SourceRecord& r) {
  const std::pair<const char*, const std::string*> single[] = {
      {"name", &r.name.display},           {"given_names", &r.name.given_names},
      {"family_name", &r.name.family_name}, {"maiden_name", &r.name.maiden_name},
      {"title", &r.name.title},             {"suffix", &r.name.suffix},
      {"gender", &r.gender},                {"birth_date", &r.birth_date},
      {"language", &r.language}};
  for (const auto& [field, text] : single) {
    if (!base::IsValidUtf8(*text)) return field;
  }
  for (const Identifier& id : r.identifiers) {
    if (!base::IsValidUtf8(id.scheme) || !base::IsValidUtf8(id.value)) return "identifier";
  }
  for (const Address& a : r.addresses) {
    for (const std::string* part : {&a.street, &a.street2, &a.postcode, &a.city, &a.country}) {
      if (!base::IsValidUtf8(*part)) return "address";
    }
  }
  for (const Phone& p : r.phones) {
    if (!base::IsValidUtf8(p.raw)) return "phone";
  }
  for (const Email& e : r.emails) {
    if (!base::IsValidUtf8(e.raw)) return "email";
  }
  for (const Specialty& s : r.specialties) {
    if (!base::IsValidUtf8(s.raw)) return "specialty";
  }
  for (const std::string& h : r.social_handles) {
    if (!base::IsValidUtf8(h)) return "social_handle";
  }
  for (const Affiliation& a : r.affiliations) {
    if (!base::IsValidUtf8(a.name) || !base::IsValidUtf8(a.org_id)) return "affiliation";
  }
  return nullptr;
}

// A member of the index that shares a blocking key with the query.
struct Candidate {
  uint32_t row = 0;  // in the index
  int rule = 0;      // the first rule that pairs it with the query
};

// The best-scoring member of one golden record.
struct Best {
  uint32_t golden = 0;
  uint32_t small_row = 0;  // in the query's own table
  double weight = 0;
  MatchDecision decision = MatchDecision::kDistinct;
  int rule = 0;
};

}  // namespace

absl::StatusOr<std::unique_ptr<MatchOneIndex>> MatchOneIndex::Build(store::Store& store,
                                                                     int threads) {
  std::unique_ptr<MatchOneIndex> index(new MatchOneIndex());
  MDM_ASSIGN_OR_RETURN(index->scoring_, LatestScoringSetting(store, "match one"));
  MDM_ASSIGN_OR_RETURN(index->records_, LoadMatchRecords(store, false, threads));
  match::FeatureTable& table = index->records_.table();
  match::ApplyTermFrequencies(index->scoring_.model.term_frequencies, table);
  const MatchingConfig& setting = index->scoring_.setting;
  index->blocker_ = std::make_unique<match::Blocker>(table, setting.blocking_rules,
                                                     setting.max_block_size, threads);

  MDM_ASSIGN_OR_RETURN(std::vector<store::GoldenRow> goldens, store.ListGoldens());
  // A restricted golden record (Art. 18) is kept but never offered.
  MDM_ASSIGN_OR_RETURN(std::vector<std::string> restricted, store.ListRestricted());
  absl::flat_hash_map<int64_t, uint32_t> index_of_seq;
  for (store::GoldenRow& g : goldens) {
    if (g.status != GoldenStatus::kActive ||
        std::binary_search(restricted.begin(), restricted.end(), g.golden_id)) {
      continue;
    }
    index_of_seq[g.seq] = static_cast<uint32_t>(index->golden_ids_.size());
    index->golden_ids_.push_back(std::move(g.golden_id));
  }
  if (index->golden_ids_.empty()) {
    return absl::FailedPreconditionError(
        "match one: the store has no golden record yet (run `mdm run` without --load-only)");
  }
  MDM_ASSIGN_OR_RETURN(std::vector<store::ClusterAssignment> members, store.ListClusters());
  absl::flat_hash_map<int64_t, uint32_t> golden_of_record;
  golden_of_record.reserve(members.size());
  for (const store::ClusterAssignment& m : members) {
    auto it = index_of_seq.find(m.cluster_id);
    if (it != index_of_seq.end()) golden_of_record[m.record_id] = it->second;
  }
  index->golden_of_row_.resize(table.size(), kNoGolden);
  for (uint32_t row = 0; row < table.size(); ++row) {
    auto it = golden_of_record.find(table.record_id(row));
    if (it != golden_of_record.end()) index->golden_of_row_[row] = it->second;
  }
  return index;
}

absl::StatusOr<MatchOneResult> MatchOneIndex::Match(const SourceRecord& record,
                                                    const MatchOneOptions& options) const {
  MDM_RETURN_IF_ERROR(CheckOptions(options));
  if (record.deleted) {
    return absl::InvalidArgumentError("match one: the record is a delete marker");
  }
  if (const char* field = FirstNonUtf8Field(record)) {
    return absl::InvalidArgumentError(
        absl::StrCat("match one: field ", field, " is not valid UTF-8"));
  }
  normalize::NormalizeContext context;
  context.default_country = options.default_country;
  normalize::NormalizeOutcome normalized = normalize::NormalizeRecord(record, context);
  if (normalized.rejected) {
    return absl::InvalidArgumentError(
        "match one: the record has neither a family name nor a national identifier");
  }
  const MatchingConfig& setting = scoring_.setting;
  const match::MatchModel& model = scoring_.model;

  // The query is row 0 of a table of its own; its candidates follow it.
  match::FeatureTable small;
  small.Add(/*record_id=*/0, match::ExtractMatchKeys(normalized.record));
  std::vector<Candidate> candidates;
  match::RowKeyBuffers buffers;
  std::vector<uint64_t> keys;
  for (size_t r = 0; r < setting.blocking_rules.size(); ++r) {
    match::RowKeys(small, 0, setting.blocking_rules[r], &buffers, &keys);
    for (uint64_t key : keys) {
      blocker_->ForEachRowWithKey(static_cast<int>(r), key, [&](uint32_t row) {
        if (golden_of_row_[row] != kNoGolden) candidates.push_back({row, static_cast<int>(r)});
      });
    }
  }
  // Each member once, with the first rule that found it.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.row, a.rule) < std::tie(b.row, b.rule);
  });
  candidates.erase(std::unique(candidates.begin(), candidates.end(),
                               [](const Candidate& a, const Candidate& b) {
                                 return a.row == b.row;
                               }),
                   candidates.end());
  for (const Candidate& c : candidates) small.AppendRow(records_.table(), c.row);
  match::ApplyTermFrequencies(model.term_frequencies, small);

  const std::vector<ComparisonConfig> comparisons = model.ComparisonConfigs();
  const match::Comparator comparator(comparisons, small, match::DefaultNicknames());
  const match::Scorer scorer(model, setting.auto_merge, setting.review);
  const match::CannotLink cannot_link(small, setting.cannot_link_schemes);
  auto decide = [&](uint32_t small_row, MatchDecision decision) {
    // Two different valid identifiers of a cannot-link scheme are never
    // merged automatically, as in a run.
    if (decision == MatchDecision::kAutoMerge && cannot_link.Conflict(0, small_row) >= 0) {
      return MatchDecision::kReview;
    }
    return decision;
  };

  absl::flat_hash_map<uint32_t, Best> best_of_golden;
  match::ComparisonVector v;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const uint32_t small_row = static_cast<uint32_t>(i + 1);
    comparator.Compare(0, small_row, &v);
    const double weight = scorer.MatchWeight(v);
    const uint32_t golden = golden_of_row_[candidates[i].row];
    auto [it, inserted] = best_of_golden.try_emplace(golden);
    // Ties go to the member first in (source, key) order: candidates are.
    if (inserted || weight > it->second.weight) {
      it->second = {golden, small_row, weight,
                    decide(small_row, scorer.DecideVector(comparator, v, weight)),
                    candidates[i].rule};
    }
  }
  std::vector<Best> ranked;
  ranked.reserve(best_of_golden.size());
  for (const auto& [golden, best] : best_of_golden) ranked.push_back(best);
  std::sort(ranked.begin(), ranked.end(), [&](const Best& a, const Best& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return golden_ids_[a.golden] < golden_ids_[b.golden];
  });

  MatchOneResult result;
  result.compared_records = static_cast<int64_t>(candidates.size());
  result.model_id = model.model_id;
  const std::string query_name =
      record.source.empty() && record.source_key.empty()
          ? std::string("query")
          : absl::StrCat(record.source, ":", record.source_key);
  for (const Best& b : ranked) {
    if (result.candidates.size() >= static_cast<size_t>(options.max_candidates)) break;
    const double probability = match::ProbabilityOfWeight(b.weight);
    if (probability < options.min_probability) break;
    MatchCandidate c;
    c.golden_id = golden_ids_[b.golden];
    c.probability = probability;
    c.decision = b.decision;
    c.explanation = scorer.Explain(comparator, small, 0, b.small_row);
    c.explanation.record_a = query_name;
    c.explanation.record_b = records_.Name(candidates[b.small_row - 1].row);
    const int conflict = cannot_link.Conflict(0, b.small_row);
    if (conflict >= 0) c.explanation.cannot_link_scheme = small.schemes()[conflict];
    c.explanation.decision = decide(b.small_row, c.explanation.decision);
    c.explanation.blocking_rule = setting.blocking_rules[b.rule].name;
    result.candidates.push_back(std::move(c));
  }
  return result;
}

}  // namespace mdm::pipeline
