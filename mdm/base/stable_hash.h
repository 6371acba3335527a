// SPDX-License-Identifier: Apache-2.0
// File: mdm/base/stable_hash.h
//
// A 64-bit hash that is the same in every process and on every run (Abseil's
// hashes are seeded per process). Blocking keys and u-sampling use it so
// that a run's candidate pairs and model do not depend on the process.
// Not for security: collisions can be forced by anyone who knows the input.
#ifndef MDM_BASE_STABLE_HASH_H_
#define MDM_BASE_STABLE_HASH_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace mdm::base {

// splitmix64's finalizer: a bijection that spreads every input bit.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// FNV-1a over the bytes, finalized with Mix64().
inline uint64_t StableHash(absl::string_view text, uint64_t seed = 0) {
  uint64_t h = 0xcbf29ce484222325ULL ^ seed;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

// Combines two hashes; order matters (Combine(a, b) != Combine(b, a)).
inline uint64_t HashCombine(uint64_t a, uint64_t b) {
  return Mix64(a * 0x9e3779b97f4a7c15ULL + b);
}

}  // namespace mdm::base

#endif  // MDM_BASE_STABLE_HASH_H_
