// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/text_fold.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "absl/strings/ascii.h"
#include "mdm/base/utf8.h"

namespace mdm::normalize {
namespace {

// Streams folded text into a key: ASCII letters and digits lower-cased, bytes
// of non-ASCII letters copied, apostrophes dropped, every other byte a
// separator; runs of separators become one space and none lead or trail.
class KeyBuilder {
 public:
  explicit KeyBuilder(size_t capacity) { key_.reserve(capacity); }

  void AddByte(unsigned char c) {
    if (c == '\'') return;
    if (c >= 0x80 || absl::ascii_isalnum(c)) {
      if (pending_space_ && !key_.empty()) key_.push_back(' ');
      pending_space_ = false;
      key_.push_back(static_cast<char>(absl::ascii_tolower(c)));
    } else {
      pending_space_ = true;
    }
  }

  void AddBytes(absl::string_view bytes) {
    for (unsigned char c : bytes) AddByte(c);
  }

  std::string Finish() { return std::move(key_); }

 private:
  std::string key_;
  bool pending_space_ = false;
};

icu::Transliterator* ThreadTransliterator() {
  // Transliterator instances are not thread-safe; one per thread. Lower
  // comes before Latin-ASCII so that capitals whose lower case only
  // Latin-ASCII knows (U+01A6 -> U+0280 -> r) fold in one pass: FoldKey() is
  // idempotent. The case folding that follows (foldCase) settles the rest.
  thread_local std::unique_ptr<icu::Transliterator> translit = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFKC; Lower; Latin-ASCII; NFD; [:Nonspacing Mark:] Remove; NFC",
        UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  return translit.get();
}

// Runs `text` through ICU and returns it folded but not yet collapsed: ASCII
// as ICU left it, letters and digits of other scripts as UTF-8, every other
// non-ASCII character a space, right single quotation marks (apostrophes)
// removed.
std::string IcuFold(absl::string_view text) {
  icu::UnicodeString ustr = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (icu::Transliterator* t = ThreadTransliterator()) t->transliterate(ustr);
  ustr.foldCase();
  std::string utf8;
  ustr.toUTF8String(utf8);
  std::string folded;
  folded.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) {
    const size_t start = pos;
    const char32_t cp = base::DecodeUtf8(utf8, &pos);
    if (cp < 0x80 || u_isalnum(static_cast<UChar32>(cp))) {
      folded.append(utf8, start, pos - start);
    } else if (cp != 0x2019) {
      folded.push_back(' ');
    }
  }
  return folded;
}

// The folded form of one code point, computed once through ICU.
struct FoldEntry {
  uint8_t size;  // bytes of `folded` in use, or kIcuInContext
  char folded[7];
};
// Marks a code point whose folded form does not fit an entry.
constexpr uint8_t kIcuInContext = 0xFF;

struct CodePointRange {
  char32_t first;
  char32_t end;  // exclusive
};

// Code points folded one at a time. Each folds the same alone as in context:
// the chain's only contexts are NFKC composition, whose combining marks
// (U+0300-U+036F) are in the table and fold to nothing as mark removal makes
// them in context, and Lower's final sigma, which case folding undoes. The
// tests check this against FoldKeyWithIcu() for every BMP code point.
constexpr std::array<CodePointRange, 5> kTableRanges = {{
    // Latin-1 Supplement (NBSP included), Latin Extended-A/B, IPA, spacing
    // modifiers, combining diacritics, Greek, Cyrillic.
    {0x0080, 0x0530},
    {0x1E00, 0x1F00},  // Latin Extended Additional (Vietnamese)
    {0x2000, 0x2070},  // General Punctuation: spaces, dashes, quotes
    {0xFB00, 0xFB07},  // Latin ligatures ff, fi, fl, ffi, ffl, st
    {0xFF00, 0xFF61},  // fullwidth ASCII and punctuation
}};

bool IsCombiningDiacritic(char32_t cp) { return cp >= 0x0300 && cp < 0x0370; }

class FoldTable {
 public:
  FoldTable() {
    for (const CodePointRange& range : kTableRanges) {
      for (char32_t cp = range.first; cp < range.end; ++cp) {
        std::string one;
        base::AppendUtf8(cp, &one);
        entries_.push_back(MakeEntry(IcuFold(one)));
      }
    }
  }

  // The entry of `cp`, or nullptr when ICU must fold it in context.
  const FoldEntry* Find(char32_t cp) const {
    size_t offset = 0;
    for (const CodePointRange& range : kTableRanges) {
      if (cp < range.first) return nullptr;
      if (cp < range.end) {
        const FoldEntry& entry = entries_[offset + (cp - range.first)];
        return entry.size == kIcuInContext ? nullptr : &entry;
      }
      offset += range.end - range.first;
    }
    return nullptr;
  }

 private:
  static FoldEntry MakeEntry(absl::string_view folded) {
    FoldEntry entry{kIcuInContext, {}};
    if (folded.size() <= sizeof(entry.folded)) {
      entry.size = static_cast<uint8_t>(folded.size());
      std::memcpy(entry.folded, folded.data(), folded.size());
    }
    return entry;
  }

  std::vector<FoldEntry> entries_;
};

const FoldTable& Table() {
  static const FoldTable* const table = new FoldTable();
  return *table;
}

// End of the run of code points from `pos` that need ICU in context: it stops
// at ASCII and at table characters, but keeps combining diacritics, which may
// compose with the run's last letter.
size_t IcuRunEnd(absl::string_view text, size_t pos, const FoldTable& table) {
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x80) {
    size_t next = pos;
    const char32_t cp = base::DecodeUtf8(text, &next);
    if (table.Find(cp) != nullptr && !IsCombiningDiacritic(cp)) break;
    pos = next;
  }
  return pos;
}

}  // namespace

std::string FoldKey(absl::string_view text) {
  KeyBuilder key(text.size());
  const FoldTable* table = nullptr;  // built on the first non-ASCII character
  size_t pos = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      key.AddByte(c);
      ++pos;
      continue;
    }
    if (table == nullptr) table = &Table();
    const size_t start = pos;
    if (const FoldEntry* e = table->Find(base::DecodeUtf8(text, &pos))) {
      key.AddBytes(absl::string_view(e->folded, e->size));
      continue;
    }
    pos = IcuRunEnd(text, pos, *table);
    key.AddBytes(IcuFold(text.substr(start, pos - start)));
  }
  return key.Finish();
}

std::string FoldKeyWithIcu(absl::string_view text) {
  KeyBuilder key(text.size());
  key.AddBytes(IcuFold(text));
  return key.Finish();
}

}  // namespace mdm::normalize
