// SPDX-License-Identifier: Apache-2.0
#include "mdm/survive/golden_builder.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "mdm/match/match_keys.h"
#include "mdm/normalize/text_fold.h"

namespace mdm::survive {
namespace {

// What the policies read about one member record.
struct Facts {
  std::string ref;          // "source:key"
  int priority = 0;         // index in source_priority (lower is better)
  std::string observed_at;  // ISO-8601, compares in time order
  double decayed_trust = 0;
};

// A distinct value of an attribute and the members carrying it.
template <typename T>
struct Candidate {
  std::string key;
  T value{};               // the display form of its best carrier
  std::vector<size_t> carriers;
  int completeness = 0;
  int validity = -1;       // best carrier's: 2 valid, 1 unchecked, 0 invalid
};

int ValidityRank(Validity v) {
  return v == Validity::kValid ? 2 : v == Validity::kInvalid ? 0 : 1;
}

std::optional<absl::CivilDay> DayOf(absl::string_view iso) {
  absl::CivilDay day;
  if (iso.size() < 10 || !absl::ParseCivilTime(iso.substr(0, 10), &day)) return std::nullopt;
  return day;
}

std::vector<Facts> FactsOf(const std::vector<Member>& members, const SurvivorshipConfig& config) {
  // Age is counted back from the cluster's latest observation: the same
  // cluster gives the same golden record whenever it is rebuilt.
  std::string latest;
  for (const Member& m : members) latest = std::max(latest, m.record.observed_at);
  const std::optional<absl::CivilDay> reference = DayOf(latest);
  std::vector<Facts> facts;
  for (const Member& m : members) {
    Facts f;
    f.ref = absl::StrCat(m.record.source, ":", m.record.source_key);
    f.priority = static_cast<int>(config.source_priority.size());
    for (size_t i = 0; i < config.source_priority.size(); ++i) {
      const std::string& p = config.source_priority[i];
      if (p == m.record.source || p == SourceTypeName(m.record.source_type)) {
        f.priority = static_cast<int>(i);
        break;
      }
    }
    f.observed_at = m.record.observed_at;
    double age_days = 0;
    if (std::optional<absl::CivilDay> day = DayOf(m.record.observed_at); day && reference) {
      age_days = static_cast<double>(*reference - *day);
    } else if (reference) {
      age_days = 10 * config.trust_half_life_days;  // undated: old news
    }
    f.decayed_trust = m.trust * std::exp2(-age_days / config.trust_half_life_days);
    facts.push_back(std::move(f));
  }
  return facts;
}

// Compares candidates a and b under one policy: < 0 when a ranks first.
template <typename T>
int ComparePolicy(SurvivorshipPolicy policy, const Candidate<T>& a, const Candidate<T>& b,
                  const std::vector<Facts>& facts) {
  auto best = [&](const Candidate<T>& c, auto score) {
    auto value = score(facts[c.carriers[0]]);
    for (size_t i : c.carriers) value = std::max(value, score(facts[i]));
    return value;
  };
  auto order = [](auto x, auto y) { return x > y ? -1 : x < y ? 1 : 0; };  // larger first
  switch (policy) {
    case SurvivorshipPolicy::kSourcePriority:
      return order(best(a, [](const Facts& f) { return -f.priority; }),
                   best(b, [](const Facts& f) { return -f.priority; }));
    case SurvivorshipPolicy::kMostRecent:
      return order(best(a, [](const Facts& f) { return f.observed_at; }),
                   best(b, [](const Facts& f) { return f.observed_at; }));
    case SurvivorshipPolicy::kMostFrequent:
      return order(a.carriers.size(), b.carriers.size());
    case SurvivorshipPolicy::kMostComplete:
      return order(a.completeness, b.completeness);
    case SurvivorshipPolicy::kTrustDecay:
      return order(best(a, [](const Facts& f) { return f.decayed_trust; }),
                   best(b, [](const Facts& f) { return f.decayed_trust; }));
    case SurvivorshipPolicy::kValidated:
      return order(a.validity, b.validity);
  }
  return 0;
}

// Ranks the candidates best first; returns the rule that put the first one
// ahead of the second.
template <typename T>
std::string Rank(std::vector<Candidate<T>>& candidates,
                 const std::vector<SurvivorshipPolicy>& policies, const std::vector<Facts>& facts) {
  auto deciding = [&](const Candidate<T>& a, const Candidate<T>& b) -> std::optional<size_t> {
    for (size_t p = 0; p < policies.size(); ++p) {
      if (ComparePolicy(policies[p], a, b, facts) != 0) return p;
    }
    return std::nullopt;
  };
  std::sort(candidates.begin(), candidates.end(), [&](const auto& a, const auto& b) {
    if (std::optional<size_t> p = deciding(a, b)) {
      return ComparePolicy(policies[*p], a, b, facts) < 0;
    }
    return a.key < b.key;
  });
  if (candidates.size() < 2) return "only_value";
  std::optional<size_t> p = deciding(candidates[0], candidates[1]);
  return p ? std::string(SurvivorshipPolicyName(policies[*p])) : "tie";
}

// Whether carrier `a` rather than `b` gives a value its display form: the
// best decayed trust, then the latest, then the smaller reference, so the
// form never depends on member order.
bool Shows(const Facts& a, const Facts& b) {
  if (a.decayed_trust != b.decayed_trust) return a.decayed_trust > b.decayed_trust;
  if (a.observed_at != b.observed_at) return a.observed_at > b.observed_at;
  return a.ref < b.ref;
}

// Groups the values `extract` gives each member by `key`; the display value
// is the one of the carrier that Shows() it.
template <typename T, typename Extract, typename Key, typename Complete, typename Valid>
std::vector<Candidate<T>> Collect(const std::vector<Member>& members,
                                  const std::vector<Facts>& facts, Extract extract, Key key,
                                  Complete completeness, Valid validity) {
  std::map<std::string, Candidate<T>> by_key;
  for (size_t i = 0; i < members.size(); ++i) {
    for (const T& value : extract(members[i].record)) {
      std::string k = key(value);
      if (k.empty()) continue;
      Candidate<T>& c = by_key[k];
      // A record listing a value twice (phone and mobile columns) carries
      // it once: most_frequent counts records.
      if (std::find(c.carriers.begin(), c.carriers.end(), i) != c.carriers.end()) continue;
      const bool better = c.carriers.empty() || Shows(facts[i], facts[c.carriers[0]]);
      if (better) {
        c.value = value;
        c.carriers.insert(c.carriers.begin(), i);
      } else {
        c.carriers.push_back(i);
      }
      c.key = std::move(k);
      c.completeness = std::max(c.completeness, completeness(value));
      c.validity = std::max(c.validity, validity(value));
    }
  }
  std::vector<Candidate<T>> out;
  for (auto& [k, c] : by_key) out.push_back(std::move(c));
  return out;
}

// Folds an address whose parts all appear in a more complete one ("Lyon"
// in "138 rue de Verdun, 69009 Lyon") into it: one place, not two. The
// most complete container takes it, then the smallest key.
void FoldPartialAddresses(std::vector<Candidate<Address>>& candidates) {
  auto contains = [](const Address& big, const Address& small) {
    auto part = [](const std::string& b, const std::string& s) { return s.empty() || s == b; };
    return part(big.street_key, small.street_key) && part(big.postcode, small.postcode) &&
           part(big.city_key, small.city_key) && part(big.country, small.country);
  };
  std::vector<bool> folded(candidates.size(), false);
  for (size_t i = 0; i < candidates.size(); ++i) {
    size_t into = candidates.size();
    for (size_t j = 0; j < candidates.size(); ++j) {
      if (j == i || folded[j] || candidates[j].completeness <= candidates[i].completeness ||
          !contains(candidates[j].value, candidates[i].value)) {
        continue;
      }
      if (into == candidates.size() ||
          candidates[j].completeness > candidates[into].completeness ||
          (candidates[j].completeness == candidates[into].completeness &&
           candidates[j].key < candidates[into].key)) {
        into = j;
      }
    }
    if (into == candidates.size()) continue;
    folded[i] = true;
    std::vector<size_t>& to = candidates[into].carriers;
    for (size_t m : candidates[i].carriers) {
      if (std::find(to.begin(), to.end(), m) == to.end()) to.push_back(m);
    }
    candidates[into].validity = std::max(candidates[into].validity, candidates[i].validity);
  }
  size_t kept = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (folded[i]) continue;
    if (kept != i) candidates[kept] = std::move(candidates[i]);
    ++kept;
  }
  candidates.resize(kept);
}

template <typename T>
Lineage LineageOf(const Candidate<T>& c, const std::vector<Facts>& facts, std::string rule) {
  Lineage l;
  for (size_t i : c.carriers) l.records.push_back(facts[i].ref);
  std::sort(l.records.begin(), l.records.end());
  l.records.erase(std::unique(l.records.begin(), l.records.end()), l.records.end());
  l.rule = std::move(rule);
  return l;
}

template <typename T>
Survived<T> Single(std::vector<Candidate<T>> candidates,
                   const std::vector<SurvivorshipPolicy>& policies, const std::vector<Facts>& facts) {
  Survived<T> out;
  if (candidates.empty()) return out;
  std::string rule = Rank(candidates, policies, facts);
  out.value = candidates[0].value;
  out.lineage = LineageOf(candidates[0], facts, std::move(rule));
  return out;
}

template <typename T>
std::vector<Survived<T>> List(std::vector<Candidate<T>> candidates,
                              const std::vector<SurvivorshipPolicy>& policies,
                              const std::vector<Facts>& facts) {
  std::vector<Survived<T>> out;
  if (candidates.empty()) return out;
  const std::string rule = Rank(candidates, policies, facts);
  for (size_t i = 0; i < candidates.size(); ++i) {
    Survived<T> s;
    s.value = candidates[i].value;
    s.lineage = LineageOf(candidates[i], facts, i == 0 ? rule : "aggregate");
    s.primary = i == 0;
    out.push_back(std::move(s));
  }
  return out;
}

int Filled(std::initializer_list<const std::string*> parts) {
  int n = 0;
  for (const std::string* p : parts) n += !p->empty();
  return n;
}

template <typename T>
std::vector<T> One(const T& value) {
  return {value};
}

}  // namespace

GoldenRecord BuildGolden(const std::vector<Member>& members, const SurvivorshipConfig& config) {
  const std::vector<Facts> facts = FactsOf(members, config);
  auto none = [](const auto&) { return 0; };
  auto unchecked = [](const auto&) { return 1; };
  auto text = [](const std::string& s) { return s; };
  GoldenRecord g;
  g.name = Single(
      Collect<PersonName>(
          members, facts, [](const SourceRecord& r) { return One(r.name); },
          [](const PersonName& n) {
            return n.family_key.empty() ? std::string()
                                        : absl::StrCat(n.given_key, "|", n.family_key);
          },
          [](const PersonName& n) {
            return Filled({&n.title, &n.given_names, &n.family_name, &n.maiden_name, &n.suffix}) +
                   static_cast<int>(std::count(n.given_key.begin(), n.given_key.end(), ' '));
          },
          unchecked),
      config.PoliciesOf("name"), facts);
  g.gender = Single(Collect<std::string>(members, facts,
                                         [](const SourceRecord& r) { return One(r.gender); },
                                         text, none, unchecked),
                    config.PoliciesOf("gender"), facts);
  g.birth_date = Single(
      Collect<std::string>(members, facts,
                           [](const SourceRecord& r) { return One(r.birth_date); }, text,
                           [](const std::string& d) { return static_cast<int>(d.size()); },
                           unchecked),
      config.PoliciesOf("birth_date"), facts);
  g.language = Single(Collect<std::string>(members, facts,
                                           [](const SourceRecord& r) { return One(r.language); },
                                           text, none, unchecked),
                      config.PoliciesOf("language"), facts);
  g.identifiers = List(
      Collect<Identifier>(
          members, facts, [](const SourceRecord& r) { return r.identifiers; },
          [](const Identifier& id) {
            return id.value.empty() ? std::string() : absl::StrCat(id.scheme, ":", id.value);
          },
          none, [](const Identifier& id) { return ValidityRank(id.validity); }),
      config.PoliciesOf("identifiers"), facts);
  std::vector<Candidate<Address>> addresses = Collect<Address>(
          members, facts, [](const SourceRecord& r) { return r.addresses; },
          [](const Address& a) {
            return a.street_key.empty() && a.postcode.empty() && a.city_key.empty()
                       ? std::string()
                       : absl::StrCat(a.street_key, "|", a.postcode, "|", a.city_key, "|",
                                      a.country);
          },
          [](const Address& a) {
            return Filled({&a.street, &a.street2, &a.postcode, &a.city, &a.country});
          },
          [](const Address& a) { return ValidityRank(a.postcode_validity); });
  FoldPartialAddresses(addresses);
  g.addresses = List(std::move(addresses), config.PoliciesOf("addresses"), facts);
  g.phones = List(Collect<Phone>(
                      members, facts, [](const SourceRecord& r) { return r.phones; },
                      [](const Phone& p) { return p.e164.empty() ? p.raw : p.e164; }, none,
                      [](const Phone& p) { return ValidityRank(p.validity); }),
                  config.PoliciesOf("phones"), facts);
  g.emails = List(Collect<Email>(
                      members, facts, [](const SourceRecord& r) { return r.emails; },
                      [](const Email& e) { return e.normalized.empty() ? e.raw : e.normalized; },
                      none, [](const Email& e) { return ValidityRank(e.validity); }),
                  config.PoliciesOf("emails"), facts);
  g.specialties = List(
      Collect<Specialty>(
          members, facts, [](const SourceRecord& r) { return r.specialties; },
          [](const Specialty& s) {
            return s.code.empty() ? absl::StrCat("~", normalize::FoldKey(s.raw)) : s.code;
          },
          [](const Specialty& s) { return s.code.empty() ? 0 : 1; }, unchecked),
      config.PoliciesOf("specialties"), facts);
  g.affiliations = List(
      Collect<Affiliation>(
          members, facts, [](const SourceRecord& r) { return r.affiliations; },
          [](const Affiliation& a) {
            return a.org_id.empty() ? a.name_key : absl::StrCat("id:", a.org_id);
          },
          [](const Affiliation& a) { return Filled({&a.name, &a.org_id}); }, unchecked),
      config.PoliciesOf("affiliations"), facts);
  g.social_handles = List(
      Collect<std::string>(members, facts,
                           [](const SourceRecord& r) { return r.social_handles; },
                           [](const std::string& h) { return match::SocialHandleKey(h); }, none,
                           unchecked),
      config.PoliciesOf("social_handles"), facts);
  for (const Facts& f : facts) g.members.push_back(f.ref);
  std::sort(g.members.begin(), g.members.end());
  return g;
}

}  // namespace mdm::survive
