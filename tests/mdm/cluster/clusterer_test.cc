// SPDX-License-Identifier: Apache-2.0
// Tests of mdm/cluster/clusterer.h: plain clustering against a naive BFS
// over the edges (differential, seeded), independence from the order edges
// are given in, and each guard: identity keys, explicit cannot-link pairs,
// must-link pairs and the chaining guard.
#include "mdm/cluster/clusterer.h"

#include <algorithm>
#include <cstdint>
#include <queue>
#include <random>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

namespace mdm::cluster {
namespace {

// Connected components by breadth-first search, each labelled by its
// smallest row.
std::vector<uint32_t> Components(uint32_t rows, const std::vector<Edge>& edges) {
  std::vector<std::vector<uint32_t>> adjacent(rows);
  for (const Edge& e : edges) {
    adjacent[e.a].push_back(e.b);
    adjacent[e.b].push_back(e.a);
  }
  std::vector<uint32_t> label(rows, UINT32_MAX);
  for (uint32_t start = 0; start < rows; ++start) {
    if (label[start] != UINT32_MAX) continue;
    std::queue<uint32_t> queue;
    queue.push(start);
    label[start] = start;  // rows are visited in order: start is the smallest
    while (!queue.empty()) {
      const uint32_t row = queue.front();
      queue.pop();
      for (uint32_t next : adjacent[row]) {
        if (label[next] == UINT32_MAX) {
          label[next] = start;
          queue.push(next);
        }
      }
    }
  }
  return label;
}

std::vector<Edge> RandomEdges(std::mt19937* rng, uint32_t rows, size_t count) {
  std::uniform_int_distribution<uint32_t> row(0, rows - 1);
  // Few distinct weights, so ties are common.
  std::uniform_int_distribution<int> weight(0, 8);
  std::vector<Edge> edges;
  while (edges.size() < count) {
    const uint32_t a = row(*rng), b = row(*rng);
    if (a != b) edges.push_back({a, b, 10.0 + weight(*rng)});
  }
  return edges;
}

int64_t Distinct(const std::vector<uint32_t>& labels) {
  std::vector<uint32_t> sorted = labels;
  std::sort(sorted.begin(), sorted.end());
  return std::unique(sorted.begin(), sorted.end()) - sorted.begin();
}

TEST_CASE("Cluster: without constraints, clusters are the connected components",
          "[cluster][property]") {
  const uint32_t seed = GENERATE(take(200, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  std::mt19937 rng(seed);
  const uint32_t rows = std::uniform_int_distribution<uint32_t>(1, 40)(rng);
  const size_t edges = rows < 2 ? 0 : std::uniform_int_distribution<size_t>(0, rows * 2)(rng);
  ClusterInput in;
  in.rows = rows;
  in.merges = RandomEdges(&rng, rows, edges);
  const std::vector<uint32_t> want = Components(rows, in.merges);
  const ClusterOutput out = Cluster(in);
  CHECK(out.cluster_of == want);
  CHECK(out.refused.empty());
  CHECK(out.clusters == Distinct(want));
}

// A random constrained input: identity keys of two kinds, explicit
// cannot-link pairs, must-link pairs and a chaining guard.
ClusterInput RandomConstrainedInput(std::mt19937* rng) {
  ClusterInput in;
  in.rows = std::uniform_int_distribution<uint32_t>(2, 30)(*rng);
  std::uniform_int_distribution<uint32_t> row(0, in.rows - 1);
  in.merges = RandomEdges(rng, in.rows, in.rows * 2);
  in.identity.resize(in.rows);
  for (IdentityKeys& keys : in.identity) {
    for (uint8_t kind = 0; kind < 2; ++kind) {
      if ((*rng)() % 3 == 0) keys.push_back({kind, (*rng)() % 4});
    }
    std::sort(keys.begin(), keys.end());
  }
  for (int i = 0; i < 3; ++i) in.cannot_link.push_back({row(*rng), row(*rng)});
  for (int i = 0; i < 2; ++i) in.must_link.push_back({row(*rng), row(*rng)});
  const uint64_t salt = (*rng)();
  in.distinct = [salt](uint32_t a, uint32_t b) {
    // A fixed, symmetric "clearly two people" relation.
    const uint64_t lo = std::min(a, b), hi = std::max(a, b);
    return ((lo * 1000003 + hi) ^ salt) % 11 == 0;
  };
  return in;
}

TEST_CASE("Cluster: the result does not depend on the order of the edges",
          "[cluster][property]") {
  const uint32_t seed = GENERATE(take(200, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  std::mt19937 rng(seed);
  const ClusterInput in = RandomConstrainedInput(&rng);
  const ClusterOutput want = Cluster(in);
  for (int shuffle = 0; shuffle < 5; ++shuffle) {
    CAPTURE(shuffle);
    ClusterInput shuffled = in;
    std::shuffle(shuffled.merges.begin(), shuffled.merges.end(), rng);
    for (Edge& e : shuffled.merges) {
      if (rng() % 2 == 0) std::swap(e.a, e.b);  // either orientation
    }
    const ClusterOutput got = Cluster(shuffled);
    CHECK(got.cluster_of == want.cluster_of);
    CHECK(got.refused == want.refused);
    CHECK(got.clusters == want.clusters);
  }
  // Refused edges come strongest first, each as (smaller row, larger row).
  for (size_t i = 0; i < want.refused.size(); ++i) {
    CHECK(want.refused[i].a < want.refused[i].b);
    if (i > 0) CHECK(want.refused[i - 1].weight >= want.refused[i].weight);
  }
  // Every row points at the smallest row of its cluster.
  for (uint32_t r = 0; r < in.rows; ++r) {
    CHECK(want.cluster_of[r] <= r);
    CHECK(want.cluster_of[want.cluster_of[r]] == want.cluster_of[r]);
  }
}

TEST_CASE("Cluster: constrained clusters hold no cannot-link pair and keep every accepted edge",
          "[cluster][property]") {
  const uint32_t seed = GENERATE(take(200, random(0u, 0xFFFFFFFFu)));
  CAPTURE(seed);
  std::mt19937 rng(seed);
  ClusterInput in;
  in.rows = std::uniform_int_distribution<uint32_t>(2, 30)(rng);
  std::uniform_int_distribution<uint32_t> row(0, in.rows - 1);
  in.merges = RandomEdges(&rng, in.rows, in.rows * 2);
  // At most one value per kind and row: then a conflict is pairwise.
  in.identity.resize(in.rows);
  for (IdentityKeys& keys : in.identity) {
    for (uint8_t kind = 0; kind < 2; ++kind) {
      if (rng() % 3 == 0) keys.push_back({kind, rng() % 3});
    }
  }
  for (int i = 0; i < 4; ++i) in.cannot_link.push_back({row(rng), row(rng)});
  const ClusterOutput out = Cluster(in);
  auto conflict = [&](uint32_t a, uint32_t b) {
    for (const auto& [kind, value] : in.identity[a]) {
      for (const auto& [other_kind, other_value] : in.identity[b]) {
        if (kind == other_kind && value != other_value) return true;
      }
    }
    return false;
  };
  for (uint32_t a = 0; a < in.rows; ++a) {
    for (uint32_t b = a + 1; b < in.rows; ++b) {
      if (out.cluster_of[a] != out.cluster_of[b]) continue;
      CAPTURE(a, b);
      CHECK_FALSE(conflict(a, b));
    }
  }
  for (const auto& [a, b] : in.cannot_link) {
    if (a != b) CHECK(out.cluster_of[a] != out.cluster_of[b]);
  }
  // An edge is either refused (its rows stay apart) or its rows are joined.
  std::vector<Edge> refused = out.refused;
  for (const Edge& e : in.merges) {
    CAPTURE(e.a, e.b, e.weight);
    const Edge oriented{std::min(e.a, e.b), std::max(e.a, e.b), e.weight};
    const auto it = std::find(refused.begin(), refused.end(), oriented);
    if (it != refused.end()) {
      CHECK(out.cluster_of[e.a] != out.cluster_of[e.b]);
      refused.erase(it);
    } else {
      CHECK(out.cluster_of[e.a] == out.cluster_of[e.b]);
    }
  }
  CHECK(refused.empty());  // nothing refused that was not asked for
}

TEST_CASE("Cluster: refuses a union that joins two different RPPS", "[cluster]") {
  // The example of the header: rows 0 and 2 hold different RPPS (kind 0).
  ClusterInput in;
  in.rows = 4;
  in.merges = {{0, 1, 20.0}, {1, 2, 15.0}};
  in.identity = {{{0, 111}}, {}, {{0, 222}}, {}};
  const ClusterOutput out = Cluster(in);
  CHECK(out.cluster_of == std::vector<uint32_t>{0, 0, 2, 3});
  CHECK(out.refused == std::vector<Edge>{{1, 2, 15.0}});
  CHECK(out.clusters == 3);
}

TEST_CASE("Cluster: the stronger edge wins a cannot-link conflict", "[cluster]") {
  // Row 1 (no RPPS) resembles both 0 and 2; it joins the one it resembles
  // more, wherever that edge comes in the input.
  ClusterInput in;
  in.rows = 3;
  in.merges = {{0, 1, 12.0}, {2, 1, 18.0}};
  in.identity = {{{0, 111}}, {}, {{0, 222}}};
  const ClusterOutput out = Cluster(in);
  CHECK(out.cluster_of == std::vector<uint32_t>{0, 1, 1});
  CHECK(out.refused == std::vector<Edge>{{0, 1, 12.0}});
}

TEST_CASE("Cluster: identity keys conflict only within one kind, on no common value",
          "[cluster]") {
  struct Case {
    const char* name;
    IdentityKeys a, b;
    bool joined;
  };
  const Case c = GENERATE(values<Case>({
      {"same value", {{0, 5}}, {{0, 5}}, true},
      {"different values", {{0, 5}}, {{0, 6}}, false},
      {"different kinds", {{0, 5}}, {{1, 6}}, true},
      {"one side without keys", {{0, 5}}, {}, true},
      {"one common value among several", {{0, 5}, {0, 7}}, {{0, 7}}, true},
      {"kind 0 agrees, kind 1 differs", {{0, 5}, {1, 1}}, {{0, 5}, {1, 2}}, false},
      {"kind 1 agrees, kind 0 differs", {{0, 4}, {1, 1}}, {{0, 5}, {1, 1}}, false},
      {"kinds interleaved, no shared kind", {{0, 1}, {2, 1}}, {{1, 1}, {3, 1}}, true},
  }));
  CAPTURE(c.name);
  ClusterInput in;
  in.rows = 2;
  in.merges = {{0, 1, 10.0}};
  in.identity = {c.a, c.b};
  const ClusterOutput out = Cluster(in);
  CHECK((out.cluster_of[1] == 0) == c.joined);
  CHECK(out.refused.size() == (c.joined ? 0u : 1u));
}

TEST_CASE("Cluster: a cluster carries the identity keys of all its rows", "[cluster]") {
  // 0 (RPPS A) joins 1 (none); 2 (RPPS B) then conflicts with the cluster
  // through 0, though its edge is to 1.
  ClusterInput in;
  in.rows = 4;
  in.merges = {{0, 1, 30.0}, {1, 2, 20.0}, {2, 3, 10.0}};
  in.identity = {{{0, 1}}, {}, {{0, 2}}, {}};
  const ClusterOutput out = Cluster(in);
  CHECK(out.cluster_of == std::vector<uint32_t>{0, 0, 2, 2});
  CHECK(out.refused == std::vector<Edge>{{1, 2, 20.0}});
  CHECK(out.clusters == 2);
}

TEST_CASE("Cluster: a row with two RPPS does not bridge the holders of each",
          "[cluster]") {
  ClusterInput in;
  in.rows = 3;
  in.merges = {{0, 1, 20.0}, {1, 2, 15.0}};
  in.identity = {{{0, 5}}, {{0, 5}, {0, 6}}, {{0, 6}}};
  const ClusterOutput out = Cluster(in);
  CHECK(out.cluster_of[2] != out.cluster_of[0]);
  CHECK(out.refused == std::vector<Edge>{{1, 2, 15.0}});
}

TEST_CASE("Cluster: refused edges come back strongest first", "[cluster]") {
  // A star of rows with pairwise different RPPS around a row without one:
  // only the strongest edge joins, the others are refused.
  ClusterInput in;
  in.rows = 5;
  in.merges = {{0, 1, 11.0}, {0, 2, 14.0}, {4, 0, 12.0}, {0, 3, 13.0}};
  in.identity = {{}, {{0, 1}}, {{0, 2}}, {{0, 3}}, {{0, 4}}};
  const ClusterOutput out = Cluster(in);
  CHECK(out.cluster_of == std::vector<uint32_t>{0, 1, 0, 3, 4});
  CHECK(out.refused == std::vector<Edge>{{0, 3, 13.0}, {0, 4, 12.0}, {0, 1, 11.0}});
  CHECK(out.clusters == 4);
}

TEST_CASE("Cluster: an explicit cannot-link pair is never put together", "[cluster]") {
  ClusterInput in;
  in.rows = 4;
  in.merges = {{0, 1, 20.0}, {1, 2, 15.0}, {2, 3, 10.0}};
  SECTION("through a chain") {
    in.cannot_link = {{2, 0}};  // either orientation
    const ClusterOutput out = Cluster(in);
    CHECK(out.cluster_of == std::vector<uint32_t>{0, 0, 2, 2});
    CHECK(out.refused == std::vector<Edge>{{1, 2, 15.0}});
  }
  SECTION("directly") {
    in.cannot_link = {{3, 2}};
    const ClusterOutput out = Cluster(in);
    CHECK(out.cluster_of == std::vector<uint32_t>{0, 0, 0, 3});
    CHECK(out.refused == std::vector<Edge>{{2, 3, 10.0}});
  }
  SECTION("a pair of a row with itself or out of range is ignored") {
    in.cannot_link = {{1, 1}, {0, 9}};
    const ClusterOutput out = Cluster(in);
    CHECK(out.cluster_of == std::vector<uint32_t>{0, 0, 0, 0});
    CHECK(out.refused.empty());
  }
}

TEST_CASE("Cluster: must-link pairs are joined first, whatever the constraints",
          "[cluster]") {
  ClusterInput in;
  in.rows = 3;
  // Rows 0 and 2 share RPPS 7; row 1 holds RPPS 8. A steward said 0 and 1
  // are one person anyway.
  in.identity = {{{0, 7}}, {{0, 8}}, {{0, 7}}};
  in.must_link = {{1, 0}};
  SECTION("against an identity conflict") {
    const ClusterOutput out = Cluster(in);
    CHECK(out.cluster_of == std::vector<uint32_t>{0, 0, 2});
    CHECK(out.clusters == 2);
  }
  SECTION("against an explicit cannot-link") {
    in.identity.clear();
    in.cannot_link = {{0, 1}};
    const ClusterOutput out = Cluster(in);
    CHECK(out.cluster_of == std::vector<uint32_t>{0, 0, 2});
  }
  SECTION("before any edge") {
    // Row 1 holds no RPPS, row 2 holds RPPS 9. Edges first would join 1
    // and 2, then 0 by must-link: one cluster. Must-link first gives the
    // cluster {0, 1} RPPS 7, and row 2's edge is refused.
    in.identity = {{{0, 7}}, {}, {{0, 9}}};
    in.merges = {{1, 2, 50.0}};
    const ClusterOutput out = Cluster(in);
    CHECK(out.cluster_of == std::vector<uint32_t>{0, 0, 2});
    CHECK(out.refused == std::vector<Edge>{{1, 2, 50.0}});
  }
}

TEST_CASE("Cluster: the chaining guard refuses a union of two clearly different people",
          "[cluster]") {
  // Row 1 is vague and resembles 0 and 2; 0 and 2 are clearly two people.
  ClusterInput in;
  in.rows = 3;
  in.merges = {{0, 1, 20.0}, {1, 2, 15.0}};
  std::vector<std::pair<uint32_t, uint32_t>> asked;
  in.distinct = [&asked](uint32_t a, uint32_t b) {
    asked.push_back({a, b});
    return a == 0 && b == 2;
  };
  const ClusterOutput out = Cluster(in);
  CHECK(out.cluster_of == std::vector<uint32_t>{0, 0, 2});
  CHECK(out.refused == std::vector<Edge>{{1, 2, 15.0}});
  // The guard is asked about (smaller, larger) pairs, never about the pair
  // of the edge itself.
  for (const auto& [a, b] : asked) {
    CHECK(a < b);
    CHECK_FALSE(((a == 0 && b == 1) || (a == 1 && b == 2)));
  }
  CHECK(std::find(asked.begin(), asked.end(), std::make_pair(0u, 2u)) != asked.end());
}

TEST_CASE("Cluster: without a guard, the same chain is one cluster", "[cluster]") {
  ClusterInput in;
  in.rows = 3;
  in.merges = {{0, 1, 20.0}, {1, 2, 15.0}};
  const ClusterOutput out = Cluster(in);
  CHECK(out.cluster_of == std::vector<uint32_t>{0, 0, 0});
  CHECK(out.refused.empty());
  CHECK(out.clusters == 1);
}

TEST_CASE("Cluster: a cluster is named by its smallest row", "[cluster]") {
  ClusterInput in;
  in.rows = 8;
  in.merges = {{7, 5, 10.0}, {5, 3, 11.0}, {6, 4, 12.0}};
  const ClusterOutput out = Cluster(in);
  CHECK(out.cluster_of == std::vector<uint32_t>{0, 1, 2, 3, 4, 3, 4, 3});
  CHECK(out.clusters == 5);
}

TEST_CASE("Cluster: rows without edges are clusters of their own", "[cluster]") {
  SECTION("no rows") {
    const ClusterOutput out = Cluster(ClusterInput{});
    CHECK(out.cluster_of.empty());
    CHECK(out.clusters == 0);
    CHECK(out.refused.empty());
  }
  SECTION("five rows, no edges") {
    ClusterInput in;
    in.rows = 5;
    const ClusterOutput out = Cluster(in);
    CHECK(out.cluster_of == std::vector<uint32_t>{0, 1, 2, 3, 4});
    CHECK(out.clusters == 5);
  }
  SECTION("an edge given twice and a self-loop change nothing") {
    ClusterInput in;
    in.rows = 3;
    in.merges = {{0, 2, 10.0}, {2, 0, 10.0}, {1, 1, 30.0}};
    const ClusterOutput out = Cluster(in);
    CHECK(out.cluster_of == std::vector<uint32_t>{0, 1, 0});
    CHECK(out.clusters == 2);
    CHECK(out.refused.empty());
  }
}

}  // namespace
}  // namespace mdm::cluster
