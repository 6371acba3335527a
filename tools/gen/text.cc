// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/text.h"

#include <cstddef>

#include "mdm/base/utf8.h"

namespace mdm::gen {
namespace {

// Base letters of U+00C0..U+00FF, one entry per code point ("" = keep).
constexpr const char* kLatin1Base[64] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I",
    "I", "I", "D", "N", "O", "O", "O", "O", "O", "", "O", "U", "U", "U",
    "U", "Y", "TH", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e",
    "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "",
    "o", "u", "u", "u", "u", "y", "th", "y"};

// Windows-1252 bytes 0x80..0x9F and the code points they stand for.
struct CodePageEntry {
  char32_t code_point;
  unsigned char byte;
};
constexpr CodePageEntry kWindows1252High[] = {
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84},
    {0x2026, 0x85}, {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88},
    {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
    {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93},
    {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
    {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
    {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F}};

bool IsUpperLatin(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         cp == 0x152 || cp == 0x160 || cp == 0x17D || cp == 0x178;
}

bool IsLowerLatin(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) ||
         cp == 0x153 || cp == 0x161 || cp == 0x17E || cp == 0xFF;
}

char32_t ToLower(char32_t cp) {
  if (!IsUpperLatin(cp)) return cp;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x152) return cp + 1;  // Œ Š Ž sit just before their lower case
  return cp + 0x20;
}

char32_t ToUpper(char32_t cp) {
  if (!IsLowerLatin(cp)) return cp;
  if (cp == 0xFF) return 0x178;
  if (cp >= 0x153) return cp - 1;
  return cp - 0x20;
}

// The base letters of `cp`, or "" when it has none to strip to.
absl::string_view BaseLetters(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1Base[cp - 0xC0];
  switch (cp) {
    case 0x152: return "OE";
    case 0x153: return "oe";
    case 0x160: return "S";
    case 0x161: return "s";
    case 0x17D: return "Z";
    case 0x17E: return "z";
    case 0x178: return "Y";
    default: return "";
  }
}

// Applies `map` to every code point of `text`.
template <typename Map>
std::string MapCodePoints(absl::string_view text, Map map) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) map(base::DecodeUtf8(text, &pos), &out);
  return out;
}

}  // namespace

std::string NaturalCase(absl::string_view text) {
  bool word_start = true;
  return MapCodePoints(text, [&word_start](char32_t cp, std::string* out) {
    base::AppendUtf8(word_start ? ToUpper(cp) : ToLower(cp), out);
    word_start = cp == ' ' || cp == '-' || cp == '\'';
  });
}

std::string UpperCase(absl::string_view text) {
  return MapCodePoints(text, [](char32_t cp, std::string* out) {
    base::AppendUtf8(ToUpper(cp), out);
  });
}

std::string LowerCase(absl::string_view text) {
  return MapCodePoints(text, [](char32_t cp, std::string* out) {
    base::AppendUtf8(ToLower(cp), out);
  });
}

std::string StripAccents(absl::string_view text) {
  return MapCodePoints(text, [](char32_t cp, std::string* out) {
    const absl::string_view base_letters = BaseLetters(cp);
    if (base_letters.empty()) {
      base::AppendUtf8(cp, out);
    } else {
      out->append(base_letters.data(), base_letters.size());
    }
  });
}

std::string AsciiSlug(absl::string_view text) {
  std::string out;
  for (char c : LowerCase(StripAccents(text))) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

std::string FirstLetter(absl::string_view text) {
  if (text.empty()) return "";
  size_t pos = 0;
  base::DecodeUtf8(text, &pos);
  return std::string(text.substr(0, pos));
}

std::string EncodeWindows1252(absl::string_view text) {
  return MapCodePoints(text, [](char32_t cp, std::string* out) {
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
      out->push_back(static_cast<char>(cp));
      return;
    }
    for (const CodePageEntry& entry : kWindows1252High) {
      if (entry.code_point == cp) {
        out->push_back(static_cast<char>(entry.byte));
        return;
      }
    }
    const absl::string_view base_letters = BaseLetters(cp);
    if (base_letters.empty()) {
      out->push_back('?');
    } else {
      out->append(base_letters.data(), base_letters.size());
    }
  });
}

}  // namespace mdm::gen
