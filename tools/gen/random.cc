// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/random.h"

#include <algorithm>

#include "absl/numeric/int128.h"

namespace mdm::gen {
namespace {

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t RotateLeft(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t Affine(uint64_t value, uint64_t multiplier, uint64_t offset, uint64_t modulus) {
  const absl::uint128 mixed = absl::uint128(value) * multiplier + offset % modulus;
  return absl::Uint128Low64(mixed % modulus);
}

// The digits of `value` in reverse order, `value` read as a fixed-width
// number below `modulus` (a power of ten).
uint64_t ReverseDigits(uint64_t value, uint64_t modulus) {
  uint64_t reversed = 0;
  for (uint64_t scale = 1; scale < modulus; scale *= 10) {
    reversed = reversed * 10 + value % 10;
    value /= 10;
  }
  return reversed;
}

}  // namespace

uint64_t StreamSeed(uint64_t seed, uint64_t stream) {
  uint64_t state = seed;
  uint64_t first = SplitMix64(state);
  state = first ^ (stream * 0xD1B54A32D192ED03ULL);
  return SplitMix64(state);
}

Random::Random(uint64_t seed) {
  uint64_t state = seed;
  for (uint64_t& word : state_) word = SplitMix64(state);
}

uint64_t Random::Next() {
  const uint64_t result = RotateLeft(state_[1] * 5, 7) * 9;
  const uint64_t shifted = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= shifted;
  state_[3] = RotateLeft(state_[3], 45);
  return result;
}

uint64_t Random::Uniform(uint64_t n) {
  if (n == 0) return 0;
  // Lemire's multiply-shift with rejection of the biased low range.
  absl::uint128 product = absl::uint128(Next()) * n;
  uint64_t low = absl::Uint128Low64(product);
  if (low < n) {
    const uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      product = absl::uint128(Next()) * n;
      low = absl::Uint128Low64(product);
    }
  }
  return absl::Uint128High64(product);
}

int Random::Between(int lo, int hi) {
  const uint64_t span = static_cast<uint64_t>(static_cast<int64_t>(hi) - lo) + 1;
  return static_cast<int>(lo + static_cast<int64_t>(Uniform(span)));
}

bool Random::Chance(double p) {
  // 53 random bits scaled to [0, 1): exact in IEEE double on every platform.
  const double unit = static_cast<double>(Next() >> 11) * 0x1.0p-53;
  return unit < p;
}

void WeightedIndex::Add(uint64_t weight) {
  cumulative_.push_back((cumulative_.empty() ? 0 : cumulative_.back()) + weight);
}

size_t WeightedIndex::Draw(Random& rng) const {
  const uint64_t target = rng.Uniform(cumulative_.back());
  return static_cast<size_t>(
      std::upper_bound(cumulative_.begin(), cumulative_.end(), target) -
      cumulative_.begin());
}

uint64_t Scatter(uint64_t value, uint64_t modulus, uint64_t salt) {
  // Affine maps x -> (a * x + b) mod 10^k are bijections when a is coprime
  // with 10, and so is reversing the k digits; alternating them hides the
  // arithmetic progression a single affine map leaves in sorted keys.
  constexpr uint64_t kFirstMultiplier = 7919ULL * 104729ULL;
  constexpr uint64_t kSecondMultiplier = 15485863ULL;
  const uint64_t once = Affine(value, kFirstMultiplier, salt, modulus);
  return Affine(ReverseDigits(once, modulus), kSecondMultiplier, salt >> 17, modulus);
}

}  // namespace mdm::gen
