// SPDX-License-Identifier: Apache-2.0
// File: mdm/base/utf8.h
//
// UTF-8 validation and decoding shared by the readers (which reject rows with
// invalid bytes) and by normalization (which walks code points).
#ifndef MDM_BASE_UTF8_H_
#define MDM_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace mdm::base {

inline constexpr size_t kValidUtf8 = static_cast<size_t>(-1);

// FindInvalidUtf8()
//
// Returns the byte offset of the first byte that does not start a well-formed
// UTF-8 sequence (overlong forms, surrogates and values above U+10FFFF are
// ill-formed), or kValidUtf8 when the whole text is well formed. The empty
// string is valid.
size_t FindInvalidUtf8(absl::string_view text);

inline bool IsValidUtf8(absl::string_view text) {
  return FindInvalidUtf8(text) == kValidUtf8;
}

// IsAscii()
//
// True when every byte is below 0x80 (the normalizers' fast path).
bool IsAscii(absl::string_view text);

// DecodeUtf8()
//
// Decodes the code point starting at `*pos` of well-formed `text` and advances
// `*pos` past it. REQUIRES: *pos < text.size() and the text is valid UTF-8.
char32_t DecodeUtf8(absl::string_view text, size_t* pos);

// AppendUtf8()
//
// Appends the UTF-8 encoding of `cp` (any Unicode scalar value) to `out`.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace mdm::base

#endif  // MDM_BASE_UTF8_H_
