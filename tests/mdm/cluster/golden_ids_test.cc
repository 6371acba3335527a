// SPDX-License-Identifier: Apache-2.0
// Tests of mdm/cluster/golden_ids.h: new ids for unclaimed clusters, a split
// keeps the id on the larger part, a merge keeps the oldest id, a prior
// record without members is retired, taken ids are skipped, and the result
// does not depend on the order of records, clusters or prior records.
#include "mdm/cluster/golden_ids.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace mdm::cluster {
namespace {

// A scenario written with names: records "a", "b" ...; each new cluster is
// a list of record names (its seed is its smallest name); each prior golden
// record an id, a seq and its members. A record in no cluster has left.
struct Scenario {
  std::vector<std::vector<std::string>> clusters;
  struct Prior {
    std::string id;
    int64_t seq;
    std::vector<std::string> members;
  };
  std::vector<Prior> priors;
  std::set<std::string> taken;
};

struct Built {
  IdInput in;
  std::vector<std::string> record_names;
};

// Builds the input with records, clusters and priors in the given orders.
Built Build(const Scenario& s, const std::vector<std::string>& record_order) {
  Built b;
  b.record_names = record_order;
  std::map<std::string, uint32_t> cluster_of, prior_of;
  for (uint32_t c = 0; c < s.clusters.size(); ++c) {
    for (const std::string& r : s.clusters[c]) cluster_of[r] = c;
    b.in.cluster_seed.push_back(*std::min_element(s.clusters[c].begin(), s.clusters[c].end()));
  }
  for (uint32_t p = 0; p < s.priors.size(); ++p) {
    for (const std::string& r : s.priors[p].members) prior_of[r] = p;
    b.in.prior.push_back({s.priors[p].id, s.priors[p].seq});
  }
  for (const std::string& r : record_order) {
    b.in.cluster_of.push_back(cluster_of.count(r) ? cluster_of[r] : kNoIndex);
    b.in.prior_of.push_back(prior_of.count(r) ? prior_of[r] : kNoIndex);
  }
  const std::set<std::string> taken = s.taken;
  b.in.taken = [taken](absl::string_view id) { return taken.count(std::string(id)) > 0; };
  return b;
}

// Every record named in the scenario, sorted.
std::vector<std::string> Records(const Scenario& s) {
  std::set<std::string> all;
  for (const auto& c : s.clusters) all.insert(c.begin(), c.end());
  for (const auto& p : s.priors) all.insert(p.members.begin(), p.members.end());
  return {all.begin(), all.end()};
}

IdOutput Assign(const Scenario& s) { return AssignGoldenIds(Build(s, Records(s)).in); }

const char* FateName(PriorFate f) {
  switch (f) {
    case PriorFate::kKept: return "kept";
    case PriorFate::kMerged: return "merged";
    case PriorFate::kRetired: return "retired";
  }
  return "?";
}

// The outcome independent of every order: per cluster (by seed) its id and
// the prior id it carries; per prior (by id) its fate, the seed of the
// cluster it claimed and whether it split.
std::string Canonical(const Scenario& s, const IdOutput& out) {
  std::vector<std::string> lines;
  for (size_t c = 0; c < s.clusters.size(); ++c) {
    const std::string seed = *std::min_element(s.clusters[c].begin(), s.clusters[c].end());
    const uint32_t p = out.cluster_prior[c];
    lines.push_back(absl::StrCat("cluster ", seed, " -> ", out.cluster_id[c], " prior ",
                                 p == kNoIndex ? "-" : s.priors[p].id));
  }
  for (size_t p = 0; p < s.priors.size(); ++p) {
    const uint32_t c = out.prior_cluster[p];
    lines.push_back(absl::StrCat(
        "prior ", s.priors[p].id, " ", FateName(out.fate[p]), " claimed ",
        c == kNoIndex ? "-"
                      : *std::min_element(s.clusters[c].begin(), s.clusters[c].end()),
        out.split[p] ? " split" : ""));
  }
  std::sort(lines.begin(), lines.end());
  return absl::StrJoin(lines, "\n");
}

TEST_CASE("NewGoldenId: G and 16 Crockford base-32 characters of the seed and attempt hash",
          "[cluster]") {
  // Expected values computed independently (Python hashlib): the leading 80
  // bits of sha256(seed + "\n" + str(attempt)) in Crockford's alphabet.
  CHECK(NewGoldenId(std::string("crm\0K1", 6), 0) == "GNGVWP49GFHAWC2GM");
  CHECK(NewGoldenId(std::string("crm\0K1", 6), 1) == "GCPX63DX5TKB12AZN");
  CHECK(NewGoldenId(std::string("msl\0M500", 8), 0) == "GYS3E12E9F6TBR4ZN");
  CHECK(NewGoldenId("", 0) == "GRXTQR24PSFZ630PR");

  const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::set<std::string> seen;
  for (const std::string seed : {"a", "b", "crm\nK", "msl:M1"}) {
    for (int attempt = 0; attempt < 5; ++attempt) {
      const std::string id = NewGoldenId(seed, attempt);
      CAPTURE(seed, attempt, id);
      REQUIRE(id.size() == 17);
      CHECK(id[0] == 'G');
      CHECK(id.find_first_not_of(alphabet, 1) == std::string::npos);  // no I, L, O, U
      CHECK(NewGoldenId(seed, attempt) == id);                        // deterministic
      seen.insert(id);
    }
  }
  CHECK(seen.size() == 20);  // different per seed and per attempt
}

TEST_CASE("AssignGoldenIds: without prior records every cluster gets a new id from its seed",
          "[cluster]") {
  Scenario s;
  s.clusters = {{"b", "c"}, {"a"}, {"d", "e", "f"}};
  const IdOutput out = Assign(s);
  REQUIRE(out.cluster_id.size() == 3);
  CHECK(out.cluster_id[0] == NewGoldenId("b", 0));
  CHECK(out.cluster_id[1] == NewGoldenId("a", 0));
  CHECK(out.cluster_id[2] == NewGoldenId("d", 0));
  CHECK(out.cluster_prior == std::vector<uint32_t>{kNoIndex, kNoIndex, kNoIndex});
  CHECK(out.fate.empty());
  CHECK(out.prior_cluster.empty());
  CHECK(out.split.empty());

  SECTION("no taken function at all is the same as nothing taken") {
    Built b = Build(s, Records(s));
    b.in.taken = nullptr;
    CHECK(AssignGoldenIds(b.in).cluster_id == out.cluster_id);
  }
  SECTION("nothing at all") {
    const IdOutput empty = AssignGoldenIds(IdInput{});
    CHECK(empty.cluster_id.empty());
    CHECK(empty.fate.empty());
  }
}

TEST_CASE("AssignGoldenIds: a record joining a prior golden record keeps its id", "[cluster]") {
  Scenario s;
  s.clusters = {{"a", "b", "z"}, {"y"}};
  s.priors = {{"G-OLD", 7, {"a", "b"}}};
  const IdOutput out = Assign(s);
  CHECK(out.cluster_id[0] == "G-OLD");
  CHECK(out.cluster_prior[0] == 0);
  CHECK(out.cluster_id[1] == NewGoldenId("y", 0));
  CHECK(out.cluster_prior[1] == kNoIndex);
  CHECK(out.fate[0] == PriorFate::kKept);
  CHECK(out.prior_cluster[0] == 0);
  CHECK_FALSE(out.split[0]);
}

TEST_CASE("AssignGoldenIds: a split keeps the id on the larger part", "[cluster]") {
  Scenario s;
  s.priors = {{"G1", 1, {"a", "b", "c", "d", "e"}}};
  SECTION("larger part second, with the larger seed") {
    s.clusters = {{"a", "b"}, {"c", "d", "e"}};
    const IdOutput out = Assign(s);
    CHECK(out.cluster_id[1] == "G1");
    CHECK(out.cluster_prior[1] == 0);
    CHECK(out.cluster_id[0] == NewGoldenId("a", 0));
    CHECK(out.cluster_prior[0] == kNoIndex);
    CHECK(out.fate[0] == PriorFate::kKept);
    CHECK(out.prior_cluster[0] == 1);
    CHECK(out.split[0]);
  }
  SECTION("three parts") {
    s.clusters = {{"e"}, {"a", "c"}, {"b", "d"}, {"q"}};  // q is new
    const IdOutput out = Assign(s);
    // Tie between {a, c} and {b, d}: the smaller seed, "a", wins.
    CHECK(out.cluster_id[1] == "G1");
    CHECK(out.cluster_id[0] == NewGoldenId("e", 0));
    CHECK(out.cluster_id[2] == NewGoldenId("b", 0));
    CHECK(out.cluster_id[3] == NewGoldenId("q", 0));
    CHECK(out.prior_cluster[0] == 1);
    CHECK(out.split[0]);
  }
  SECTION("two equal parts: the cluster with the smaller seed, whatever its index") {
    s.priors = {{"G1", 1, {"a", "b", "c", "d"}}};
    s.clusters = {{"b", "d"}, {"c", "a"}};
    IdOutput out = Assign(s);
    CHECK(out.cluster_id[1] == "G1");  // seed "a"
    CHECK(out.cluster_id[0] == NewGoldenId("b", 0));
    CHECK(out.prior_cluster[0] == 1);
    std::swap(s.clusters[0], s.clusters[1]);
    out = Assign(s);
    CHECK(out.cluster_id[0] == "G1");
    CHECK(out.cluster_id[1] == NewGoldenId("b", 0));
    CHECK(out.prior_cluster[0] == 0);
  }
  SECTION("records that left do not count; the rest staying together is no split") {
    s.clusters = {{"a", "b"}};  // c, d, e deleted
    const IdOutput out = Assign(s);
    CHECK(out.cluster_id[0] == "G1");
    CHECK(out.fate[0] == PriorFate::kKept);
    CHECK_FALSE(out.split[0]);
  }
}

TEST_CASE("AssignGoldenIds: a merge keeps the oldest id and marks the others merged",
          "[cluster]") {
  Scenario s;
  // G-NEW sorts before G-OLD and has the smaller seed: only seq decides.
  s.priors = {{"G-NEW", 9, {"a", "b"}}, {"G-OLD", 3, {"c"}}, {"G-MID", 5, {"d", "e"}}};
  s.clusters = {{"a", "b", "c", "d", "e", "f"}};
  const IdOutput out = Assign(s);
  CHECK(out.cluster_id[0] == "G-OLD");
  CHECK(out.cluster_prior[0] == 1);
  CHECK(out.fate[0] == PriorFate::kMerged);
  CHECK(out.fate[1] == PriorFate::kKept);
  CHECK(out.fate[2] == PriorFate::kMerged);
  CHECK(out.prior_cluster == std::vector<uint32_t>{0, 0, 0});
  CHECK(out.split == std::vector<bool>{false, false, false});
}

TEST_CASE("AssignGoldenIds: the header's example", "[cluster]") {
  Scenario s;
  s.priors = {{"G1", 1, {"a", "b", "c"}}, {"G2", 2, {"d"}}};
  SECTION("{a, b} and {c, d}: G1 keeps {a, b}, G2 keeps {c, d}") {
    s.clusters = {{"a", "b"}, {"c", "d"}};
    const IdOutput out = Assign(s);
    CHECK(out.cluster_id == std::vector<std::string>{"G1", "G2"});
    CHECK(out.fate[0] == PriorFate::kKept);
    CHECK(out.fate[1] == PriorFate::kKept);
    CHECK(out.split[0]);
    CHECK_FALSE(out.split[1]);
  }
  SECTION("{a, b, c, d}: G1 survives, G2 is merged into it") {
    s.clusters = {{"a", "b", "c", "d"}};
    const IdOutput out = Assign(s);
    CHECK(out.cluster_id == std::vector<std::string>{"G1"});
    CHECK(out.fate[0] == PriorFate::kKept);
    CHECK(out.fate[1] == PriorFate::kMerged);
    CHECK(out.prior_cluster[1] == 0);
  }
  SECTION("a merged record's smaller part gets a new id") {
    // G2's larger part joins G1's records: G2 is merged, and {f} is new.
    s.priors = {{"G1", 1, {"a", "b"}}, {"G2", 2, {"c", "d", "f"}}};
    s.clusters = {{"a", "b", "c", "d"}, {"f"}};
    const IdOutput out = Assign(s);
    CHECK(out.cluster_id[0] == "G1");
    CHECK(out.cluster_id[1] == NewGoldenId("f", 0));
    CHECK(out.fate[1] == PriorFate::kMerged);
    CHECK(out.split[1]);
    CHECK(out.prior_cluster[1] == 0);
  }
}

// Prior G1 = {a} is older than G2 = {b, c}; b moves to G1's person, c
// stays: G2 keeps c (a split), it is not merged into G1.
TEST_CASE("AssignGoldenIds: an even split does not merge the part that stayed into another "
          "person",
          "[cluster]") {
  Scenario s;
  s.priors = {{"G1", 1, {"a"}}, {"G2", 2, {"b", "c"}}};
  s.clusters = {{"a", "b"}, {"c"}};
  const IdOutput out = Assign(s);
  CHECK(out.cluster_id[0] == "G1");
  CHECK(out.fate[0] == PriorFate::kKept);
  CHECK(out.split[1]);
  CHECK(out.fate[1] == PriorFate::kKept);
  CHECK(out.cluster_id[1] == "G2");
}

TEST_CASE("AssignGoldenIds: a prior record with no member left is retired", "[cluster]") {
  Scenario s;
  s.priors = {{"G1", 1, {"a", "b"}}, {"G2", 2, {"c"}}, {"G3", 3, {}}};
  s.clusters = {{"c"}};  // a and b left (deleted)
  const IdOutput out = Assign(s);
  CHECK(out.cluster_id[0] == "G2");
  CHECK(out.fate[0] == PriorFate::kRetired);
  CHECK(out.prior_cluster[0] == kNoIndex);
  CHECK_FALSE(out.split[0]);
  CHECK(out.fate[1] == PriorFate::kKept);
  CHECK(out.fate[2] == PriorFate::kRetired);  // no record at all
  CHECK(out.prior_cluster[2] == kNoIndex);
}

TEST_CASE("AssignGoldenIds: a new id never reuses a taken one", "[cluster]") {
  Scenario s;
  s.clusters = {{"a"}, {"b"}};
  SECTION("first attempt taken: the second attempt") {
    s.taken = {NewGoldenId("a", 0)};
    const IdOutput out = Assign(s);
    CHECK(out.cluster_id[0] == NewGoldenId("a", 1));
    CHECK(out.cluster_id[1] == NewGoldenId("b", 0));
  }
  SECTION("several attempts taken") {
    s.taken = {NewGoldenId("a", 0), NewGoldenId("a", 1), NewGoldenId("a", 2),
               NewGoldenId("b", 0)};
    const IdOutput out = Assign(s);
    CHECK(out.cluster_id[0] == NewGoldenId("a", 3));
    CHECK(out.cluster_id[1] == NewGoldenId("b", 1));
  }
  SECTION("an id a kept prior record carries is not checked against taken") {
    s.priors = {{"G1", 1, {"a"}}};
    s.taken = {"G1"};
    const IdOutput out = Assign(s);
    CHECK(out.cluster_id[0] == "G1");
  }
  SECTION("two clusters with one seed never share an id") {
    Built b = Build(s, Records(s));
    b.in.cluster_seed = {"x", "x"};
    const IdOutput out = AssignGoldenIds(b.in);
    CHECK(out.cluster_id[0] != out.cluster_id[1]);
    CHECK(std::set<std::string>{out.cluster_id[0], out.cluster_id[1]} ==
          std::set<std::string>{NewGoldenId("x", 0), NewGoldenId("x", 1)});
  }
}

// A random scenario: up to 30 records, some in prior golden records (seqs
// distinct), some new; a random new partition, some records left out.
Scenario RandomScenario(std::mt19937& rng) {
  Scenario s;
  const int records = std::uniform_int_distribution<int>(1, 30)(rng);
  std::vector<std::string> names;
  for (int i = 0; i < records; ++i) names.push_back(absl::StrCat("r", 100 + i));
  const int priors = std::uniform_int_distribution<int>(0, 8)(rng);
  std::vector<int64_t> seqs;
  for (int p = 0; p < priors; ++p) seqs.push_back(p + 1);
  std::shuffle(seqs.begin(), seqs.end(), rng);
  for (int p = 0; p < priors; ++p) s.priors.push_back({absl::StrCat("G", p), seqs[p], {}});
  const int clusters = std::uniform_int_distribution<int>(1, 8)(rng);
  std::vector<std::vector<std::string>> parts(clusters);
  std::uniform_int_distribution<int> prior_pick(-1, priors - 1), cluster_pick(-1, clusters - 1);
  for (const std::string& name : names) {
    const int p = priors > 0 ? prior_pick(rng) : -1;
    if (p >= 0) s.priors[p].members.push_back(name);
    const int c = cluster_pick(rng);
    if (c >= 0) parts[c].push_back(name);
  }
  for (auto& part : parts) {
    if (!part.empty()) s.clusters.push_back(part);
  }
  // Some of the first attempts are taken.
  for (const auto& c : s.clusters) {
    if (std::uniform_int_distribution<int>(0, 2)(rng) == 0) {
      s.taken.insert(NewGoldenId(*std::min_element(c.begin(), c.end()), 0));
    }
  }
  return s;
}

TEST_CASE("AssignGoldenIds: the result does not depend on record, cluster or prior order",
          "[cluster][property]") {
  const uint32_t seed = GENERATE(take(200, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  std::mt19937 rng(seed);
  Scenario s = RandomScenario(rng);
  const std::string base = Canonical(s, Assign(s));
  CAPTURE(base);

  // Records in another order.
  std::vector<std::string> records = Records(s);
  std::shuffle(records.begin(), records.end(), rng);
  CHECK(Canonical(s, AssignGoldenIds(Build(s, records).in)) == base);
  // Clusters in another order (members too).
  Scenario clusters = s;
  std::shuffle(clusters.clusters.begin(), clusters.clusters.end(), rng);
  for (auto& c : clusters.clusters) std::shuffle(c.begin(), c.end(), rng);
  CHECK(Canonical(clusters, Assign(clusters)) == base);
  // Prior records in another order.
  Scenario priors = s;
  std::shuffle(priors.priors.begin(), priors.priors.end(), rng);
  CHECK(Canonical(priors, Assign(priors)) == base);
  // All three at once.
  std::shuffle(records.begin(), records.end(), rng);
  priors.clusters = clusters.clusters;
  CHECK(Canonical(priors, AssignGoldenIds(Build(priors, records).in)) == base);

  // Invariants: ids distinct; a kept prior's id is on the cluster it
  // claimed; a merged prior claimed a cluster held by an older prior.
  const IdOutput out = Assign(s);
  std::set<std::string> ids(out.cluster_id.begin(), out.cluster_id.end());
  CHECK(ids.size() == out.cluster_id.size());
  for (size_t p = 0; p < s.priors.size(); ++p) {
    CAPTURE(p);
    if (out.fate[p] == PriorFate::kKept) {
      CHECK(out.cluster_id[out.prior_cluster[p]] == s.priors[p].id);
    } else if (out.fate[p] == PriorFate::kMerged) {
      const uint32_t holder = out.cluster_prior[out.prior_cluster[p]];
      REQUIRE(holder != kNoIndex);
      CHECK(s.priors[holder].seq < s.priors[p].seq);
    } else {
      CHECK(out.prior_cluster[p] == kNoIndex);
    }
  }
  for (size_t c = 0; c < s.clusters.size(); ++c) {
    if (out.cluster_prior[c] == kNoIndex) CHECK(s.taken.count(out.cluster_id[c]) == 0);
  }
}

}  // namespace
}  // namespace mdm::cluster
