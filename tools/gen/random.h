// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/random.h
//
// The generator's own pseudo-random numbers: xoshiro256** seeded through
// splitmix64, with uniform, Bernoulli and weighted draws built on integer
// arithmetic only. std:: distributions are avoided on purpose: their output
// differs between standard library versions, and mdm-gen promises the same
// bytes for the same seed everywhere.
//
// Each person and each output concern draws from its own stream
// (StreamSeed(seed, stream)), so adding a person or a source never shifts the
// draws of another.
//
// Example:
//   Random rng(StreamSeed(42, 7));
//   int dice = rng.Between(1, 6);
//   WeightedIndex table;
//   table.Add(3); table.Add(1);
//   size_t pick = table.Draw(rng);  // 0 three times out of four
#ifndef MDM_TOOLS_GEN_RANDOM_H_
#define MDM_TOOLS_GEN_RANDOM_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/types/span.h"

namespace mdm::gen {

// A well-mixed seed for stream `stream` of run seed `seed` (splitmix64 of
// both). Pure function.
uint64_t StreamSeed(uint64_t seed, uint64_t stream);

// xoshiro256** generator. Not thread-safe; cheap to copy.
class Random {
 public:
  explicit Random(uint64_t seed);

  // The next 64 random bits.
  uint64_t Next();
  // Uniform in [0, n). Returns 0 for n == 0. Unbiased (Lemire's method).
  uint64_t Uniform(uint64_t n);
  // Uniform in [lo, hi], both inclusive. REQUIRES: lo <= hi.
  int Between(int lo, int hi);
  // True with probability `p` (clamped to [0, 1]).
  bool Chance(double p);

  // A uniformly chosen element. REQUIRES: !items.empty().
  template <typename T>
  const T& Pick(absl::Span<const T> items) {
    return items[Uniform(items.size())];
  }

 private:
  uint64_t state_[4];
};

// A table of integer weights drawn in O(log n). Filled once with Add(), then
// drawn from; zero weights are never drawn. Thread-compatible.
class WeightedIndex {
 public:
  void Add(uint64_t weight);
  size_t size() const { return cumulative_.size(); }
  // The index of an entry drawn with probability weight / total.
  // REQUIRES: the total weight is positive.
  size_t Draw(Random& rng) const;

 private:
  std::vector<uint64_t> cumulative_;
};

// A bijection of [0, modulus) that scatters consecutive integers, used to make
// identifiers and keys unique yet random-looking. REQUIRES: modulus is a
// power of ten >= 10 and value < modulus.
uint64_t Scatter(uint64_t value, uint64_t modulus, uint64_t salt);

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_RANDOM_H_
