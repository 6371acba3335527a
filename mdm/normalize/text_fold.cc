// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/text_fold.h"

#include <memory>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "absl/strings/ascii.h"
#include "mdm/base/utf8.h"

namespace mdm::normalize {
namespace {

// Collapses separators into single spaces; `is_kept` decides per byte of ASCII.
std::string CollapseAscii(absl::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (unsigned char c : folded) {
    if (c == '\'') continue;
    if (absl::ascii_isalnum(c) || c >= 0x80) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(static_cast<char>(absl::ascii_tolower(c)));
    } else {
      pending_space = true;
    }
  }
  return out;
}

icu::Transliterator* ThreadTransliterator() {
  // Transliterator instances are not thread-safe; one per thread.
  thread_local std::unique_ptr<icu::Transliterator> translit = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFKC; Latin-ASCII; NFD; [:Nonspacing Mark:] Remove; NFC; Lower",
        UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  return translit.get();
}

}  // namespace

std::string FoldKey(absl::string_view text) {
  if (base::IsAscii(text)) return CollapseAscii(text);
  icu::UnicodeString ustr = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (icu::Transliterator* t = ThreadTransliterator()) t->transliterate(ustr);
  ustr.foldCase();
  std::string utf8;
  ustr.toUTF8String(utf8);
  // Non-ASCII characters left after transliteration are letters of other
  // scripts or symbols; keep letters and digits, turn the rest into spaces.
  std::string cleaned;
  cleaned.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) {
    size_t start = pos;
    char32_t cp = base::DecodeUtf8(utf8, &pos);
    if (cp < 0x80) {
      cleaned.push_back(static_cast<char>(cp));
    } else if (u_isalnum(static_cast<UChar32>(cp))) {
      cleaned.append(utf8, start, pos - start);
    } else if (cp == 0x2019) {  // right single quotation mark as apostrophe
      cleaned.push_back('\'');
    } else {
      cleaned.push_back(' ');
    }
  }
  return CollapseAscii(cleaned);
}

}  // namespace mdm::normalize
