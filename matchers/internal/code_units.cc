// SPDX-License-Identifier: Apache-2.0
#include "matchers/internal/code_units.h"

namespace mdm::matchers::internal {
namespace {

constexpr char32_t kEscapeBase = 0xDC00;

// Length of the well-formed UTF-8 sequence at s[i], or 0 when ill-formed.
// Same rules as mdm/base/utf8.cc (which matchers/ may not depend on: it is
// the lower layer): no overlongs, no surrogates, nothing above U+10FFFF.
size_t SequenceLength(const unsigned char* s, size_t n, size_t i) {
  const unsigned char c = s[i];
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > n || s[i + 1] < lo || s[i + 1] > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((s[i + k] & 0xC0) != 0x80) return 0;
  }
  return len;
}

char32_t DecodeSequence(const unsigned char* s, size_t len) {
  static constexpr unsigned char kLeadMask[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  char32_t cp = s[0] & kLeadMask[len];
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (s[k] & 0x3F);
  return cp;
}

}  // namespace

void DecodeUtf8Lenient(absl::string_view text, CodePoints* out) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      out->push_back(s[i++]);
      continue;
    }
    const size_t len = SequenceLength(s, n, i);
    if (len == 0) {
      out->push_back(kEscapeBase + s[i++]);
      continue;
    }
    out->push_back(DecodeSequence(s + i, len));
    i += len;
  }
}

size_t UnitCount(absl::string_view text) {
  if (IsAscii(text)) return text.size();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    const size_t len = s[i] < 0x80 ? 1 : SequenceLength(s, text.size(), i);
    i += len == 0 ? 1 : len;
  }
  return count;
}

PatternMasks<char32_t>::PatternMasks(absl::Span<const char32_t> pattern,
                                     absl::Span<const char32_t> /*text*/) {
  keys_.fill(kEmpty);
  uint64_t bit = 1;
  for (char32_t c : pattern) {
    size_t slot = Slot(c);
    while (keys_[slot] != kEmpty && keys_[slot] != c) {
      slot = (slot + 1) % kSlots;
    }
    if (keys_[slot] == kEmpty) {
      keys_[slot] = c;
      masks_[slot] = 0;
    }
    masks_[slot] |= bit;
    bit <<= 1;
  }
}

uint64_t PatternMasks<char32_t>::Get(char32_t c) const {
  for (size_t slot = Slot(c);; slot = (slot + 1) % kSlots) {
    if (keys_[slot] == c) return masks_[slot];
    if (keys_[slot] == kEmpty) return 0;
  }
}

}  // namespace mdm::matchers::internal
