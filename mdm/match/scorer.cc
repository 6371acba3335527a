// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/scorer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/strings/str_join.h"

namespace mdm::match {
namespace {

// A value no record set can make rarer: keeps log2(u / tf) finite.
constexpr double kMinTermFrequency = 1e-9;

// Address values are stored as "postcode<US>city<US>street".
std::string Readable(Slot slot, absl::string_view value) {
  if (slot != Slot::kAddress) return std::string(value);
  const AddressParts p = DecodeAddress(value);
  std::vector<absl::string_view> parts;
  for (absl::string_view part : {p.street, p.postcode, p.city}) {
    if (!part.empty()) parts.push_back(part);
  }
  return absl::StrJoin(parts, ", ");
}

}  // namespace

Scorer::Scorer(const MatchModel& model, double auto_merge, double review)
    : model_(model), auto_merge_(auto_merge), review_(review),
      prior_weight_(model.PriorWeight()) {
  for (size_t c = 0; c < model.comparisons.size(); ++c) {
    std::vector<double> w(model.comparisons[c].levels.size());
    for (size_t l = 0; l < w.size(); ++l) w[l] = model.LevelWeight(c, static_cast<int>(l));
    weights_.push_back(std::move(w));
  }
}

double Scorer::TfAdjustment(size_t comparison, int level, float tf) const {
  if (tf <= 0 || level == kNullLevel) return 0;
  const double u = model_.comparisons[comparison].levels[level].u;
  return std::log2(u / std::max<double>(tf, kMinTermFrequency));
}

double Scorer::MatchWeight(const ComparisonVector& v) const {
  double w = prior_weight_;
  for (size_t c = 0; c < weights_.size(); ++c) {
    w += weights_[c][v.levels[c]];
    if (v.tf[c] > 0) w += TfAdjustment(c, v.levels[c], v.tf[c]);
  }
  return w;
}

std::vector<double> Scorer::MaxContributions(const Comparator& comparator,
                                             const FeatureTable& table) const {
  std::vector<double> out(weights_.size(), 0.0);
  for (size_t c = 0; c < weights_.size(); ++c) {
    const ComparisonConfig& config = comparator.config(c);
    for (size_t l = 1; l < weights_[c].size(); ++l) {
      double best = weights_[c][l];
      if (config.term_frequency && l <= config.levels.size()) {
        const std::optional<Slot> slot = TermFrequencySlot(config.field, config.levels[l - 1].kind);
        const size_t total = slot ? table.term_frequency_total(*slot) : 0;
        // The rarest value possible is one of `total`.
        if (total > 0) best += TfAdjustment(c, static_cast<int>(l), 1.0F / static_cast<float>(total));
      }
      out[c] = std::max(out[c], best);
    }
  }
  return out;
}

std::vector<double> Scorer::MinContributions(const Comparator& comparator) const {
  std::vector<double> out(weights_.size(), 0.0);
  for (size_t c = 0; c < weights_.size(); ++c) {
    const ComparisonConfig& config = comparator.config(c);
    for (size_t l = 1; l < weights_[c].size(); ++l) {
      double worst = weights_[c][l];
      // The commonest value possible is every value (tf 1).
      if (config.term_frequency && l <= config.levels.size() &&
          TermFrequencySlot(config.field, config.levels[l - 1].kind)) {
        worst += std::min(0.0, TfAdjustment(c, static_cast<int>(l), 1.0F));
      }
      out[c] = std::min(out[c], worst);
    }
  }
  return out;
}

Scorer::Bounds Scorer::Bound(const Comparator& comparator, const FeatureTable& table) const {
  Bounds b;
  b.max = MaxContributions(comparator, table);
  b.min = MinContributions(comparator);
  for (double v : b.max) b.max_sum += v;
  for (double v : b.min) b.min_sum += v;
  return b;
}

bool Scorer::WeighsLessThan(const Comparator& comparator, const Bounds& bounds, uint32_t a,
                            uint32_t b, double weight) const {
  // Rounding of the running sum must not decide a pair at the edge: those
  // are finished and weighed exactly.
  constexpr double kMargin = 1e-6;
  const double target = weight - prior_weight_;
  double sum = 0, rest_max = bounds.max_sum, rest_min = bounds.min_sum;
  bool below = false;
  ComparisonVector v;
  const bool all = comparator.CompareUntil(a, b, &v, [&](size_t c, uint8_t level, float tf) {
    sum += Contribution(c, level, tf);
    rest_max -= bounds.max[c];
    rest_min -= bounds.min[c];
    if (sum + rest_max < target - kMargin) {
      below = true;
      return true;
    }
    return sum + rest_min > target + kMargin;  // certainly not below
  });
  return all ? MatchWeight(v) < weight : below;
}

double Scorer::ReviewWeight() const {
  // Weights from 52 up already round to a probability of 1.0 (2^-52 is the
  // spacing of doubles at 1): a band of 1 starts no later than there.
  constexpr double kCertain = 52;
  if (review_ <= 0) return -std::numeric_limits<double>::infinity();
  if (review_ >= 1) return kCertain;
  // Probability p as a weight: log2(p / (1 - p)).
  return std::min(kCertain, std::log2(review_ / (1 - review_)));
}

MatchDecision Scorer::DecideVector(const Comparator& comparator, const ComparisonVector& v,
                                   double weight) const {
  const MatchDecision decision = Decide(ProbabilityOfWeight(weight));
  if (decision != MatchDecision::kDistinct) return decision;
  for (size_t c = 0; c < comparator.size(); ++c) {
    if (comparator.config(c).hard && v.levels[c] == 1) return MatchDecision::kReview;
  }
  return decision;
}

MatchDecision Scorer::Decide(double probability) const {
  if (probability >= auto_merge_) return MatchDecision::kAutoMerge;
  if (probability >= review_) return MatchDecision::kReview;
  return MatchDecision::kDistinct;
}

Explanation Scorer::Explain(const Comparator& comparator, const FeatureTable& table,
                            uint32_t a, uint32_t b) const {
  ComparisonVector v;
  comparator.Compare(a, b, &v);
  Explanation e;
  e.model_id = model_.model_id;
  e.prior = model_.prior;
  e.prior_weight = prior_weight_;
  for (size_t c = 0; c < weights_.size(); ++c) {
    const int level = v.levels[c];
    ComparisonTerm term;
    term.comparison = comparator.config(c).name;
    term.level = comparator.LevelLabel(c, level);
    if (level != kNullLevel) {
      term.m = model_.comparisons[c].levels[level].m;
      term.u = model_.comparisons[c].levels[level].u;
    }
    term.weight = weights_[c][level];
    term.tf_adjustment = TfAdjustment(c, level, v.tf[c]);
    const Slot slot = SlotOf(comparator.config(c).field);
    term.value_a = Readable(slot, table.First(a, slot));
    term.value_b = Readable(slot, table.First(b, slot));
    e.terms.push_back(std::move(term));
  }
  e.match_weight = MatchWeight(v);
  e.probability = ProbabilityOfWeight(e.match_weight);
  e.decision = DecideVector(comparator, v, e.match_weight);
  return e;
}

}  // namespace mdm::match
