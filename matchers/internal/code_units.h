// SPDX-License-Identifier: Apache-2.0
// File: matchers/internal/code_units.h
//
// The unit every string comparator of matchers/ counts in: bytes when both
// inputs are ASCII (the common case: callers pass folded keys), Unicode code
// points otherwise. Also the pattern-match bit masks shared by the
// bit-parallel algorithms (Jaro, Myers/Hyyrö Levenshtein, LCS).
//
// Internal: not installed, may change without notice.
//
// Example:
//   int n = WithUnits("abc", "äbc", [](auto a, auto b) { return a.size(); });
//   // n == 3: both decoded to code points because one input is not ASCII.
#ifndef MDM_MATCHERS_INTERNAL_CODE_UNITS_H_
#define MDM_MATCHERS_INTERNAL_CODE_UNITS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace mdm::matchers::internal {

// Code points of one decoded string; names fit the inline buffer, so the
// non-ASCII path does not allocate for them.
using CodePoints = absl::InlinedVector<char32_t, 64>;

// True when every byte of `text` is below 0x80. Inline and branch-free:
// it runs twice per comparison, on strings of a few bytes.
inline bool IsAscii(absl::string_view text) {
  const char* p = text.data();
  size_t n = text.size();
  uint64_t seen = 0;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    seen |= chunk;
  }
  for (; n > 0; --n, ++p) seen |= static_cast<unsigned char>(*p);
  return (seen & 0x8080808080808080ULL) == 0;
}

// Appends the code points of `text` to `out`. Lenient: a byte that does not
// start a well-formed UTF-8 sequence becomes the single unit 0xDC00 + byte
// (Python's "surrogateescape"), so malformed input still compares
// deterministically and never equals a real character.
void DecodeUtf8Lenient(absl::string_view text, CodePoints* out);

// Number of units of `text` alone: bytes when ASCII, else code points as
// DecodeUtf8Lenient() counts them.
size_t UnitCount(absl::string_view text);

inline absl::Span<const uint8_t> AsBytes(absl::string_view text) {
  return absl::Span<const uint8_t>(
      reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

// WithUnits()
//
// Calls `fn(a_units, b_units)` with two absl::Span<const uint8_t> when both
// strings are ASCII, else with two absl::Span<const char32_t>, and returns its
// result. `fn` is a generic lambda so each comparator is written once.
template <typename Fn>
auto WithUnits(absl::string_view a, absl::string_view b, Fn&& fn) {
  if (IsAscii(a) && IsAscii(b)) return fn(AsBytes(a), AsBytes(b));
  CodePoints cp_a, cp_b;
  DecodeUtf8Lenient(a, &cp_a);
  DecodeUtf8Lenient(b, &cp_b);
  return fn(absl::Span<const char32_t>(cp_a), absl::Span<const char32_t>(cp_b));
}

// PatternMasks<T>
//
// For a pattern of at most 64 units, Get(c) is the bit mask of the positions
// where the pattern holds `c` (bit i = position i). The byte version indexes
// a 256-entry table and clears only the entries its two strings use, so
// building it costs O(|pattern| + |text|) instead of a 2 KiB memset.
template <typename T>
class PatternMasks;

template <>
class PatternMasks<uint8_t> {
 public:
  // REQUIRES: pattern.size() <= 64. `text` lists the other units Get() will
  // be asked about.
  PatternMasks(absl::Span<const uint8_t> pattern,
               absl::Span<const uint8_t> text) {
    for (uint8_t c : pattern) masks_[c] = 0;
    for (uint8_t c : text) masks_[c] = 0;
    uint64_t bit = 1;
    for (uint8_t c : pattern) {
      masks_[c] |= bit;
      bit <<= 1;
    }
  }
  uint64_t Get(uint8_t c) const { return masks_[c]; }

 private:
  // Deliberately not value-initialised: the constructor writes every entry
  // that Get() may read.
  uint64_t masks_[256];
};

template <>
class PatternMasks<char32_t> {
 public:
  // REQUIRES: pattern.size() <= 64.
  PatternMasks(absl::Span<const char32_t> pattern,
               absl::Span<const char32_t> /*text*/);
  uint64_t Get(char32_t c) const;

 private:
  // Open addressing with linear probing; 128 slots for at most 64 keys keeps
  // probe sequences short.
  static constexpr size_t kSlots = 128;
  static constexpr char32_t kEmpty = 0xFFFFFFFF;
  static size_t Slot(char32_t c) { return (c * 0x9E3779B1u) >> 25; }
  std::array<char32_t, kSlots> keys_;
  std::array<uint64_t, kSlots> masks_;
};

// Mask with the low `n` bits set, n in [0, 64].
inline uint64_t LowBits(size_t n) {
  return n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
}

}  // namespace mdm::matchers::internal

#endif  // MDM_MATCHERS_INTERNAL_CODE_UNITS_H_
