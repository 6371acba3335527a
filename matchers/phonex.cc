// SPDX-License-Identifier: Apache-2.0
// Phonex (matchers/phonetic.h), written from the steps Frédéric Brouard
// published in "L'art des Soundex" (1999). The functions below apply his
// numbered steps, in order, to the upper-cased letters of the name.
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "matchers/internal/code_units.h"
#include "matchers/phonetic.h"

namespace mdm::matchers {
namespace {

// Stands for é, è and ê until step 7 turns them into Y.
constexpr char kAcuteE = '\x01';

// Step 0: upper case, letters only; accents per Brouard's table.
char FoldLatin1(char32_t cp) {
  switch (cp) {
    case U'à': case U'â': case U'ä': case U'ã': return 'A';
    case U'é': case U'è': case U'ê': return kAcuteE;
    case U'ë': return 'E';
    case U'ì': case U'î': case U'ï': return 'I';
    case U'ò': case U'ô': case U'ö': case U'õ': return 'O';
    case U'ù': case U'û': case U'ü': return 'U';
    case U'ñ': return 'N';
    case U'ç': return 'S';
    default: return '\0';
  }
}

std::string Letters(absl::string_view word) {
  internal::CodePoints points;
  internal::DecodeUtf8Lenient(word, &points);
  std::string out;
  for (char32_t cp : points) {
    if (cp < 0x80) {
      if (absl::ascii_isalpha(static_cast<unsigned char>(cp))) {
        out.push_back(absl::ascii_toupper(static_cast<char>(cp)));
      }
      continue;
    }
    // Upper-case Latin-1 letters are 0x20 below their lower-case forms.
    const char32_t lower = (cp >= U'À' && cp <= U'Þ' && cp != U'×') ? cp + 0x20 : cp;
    if (const char folded = FoldLatin1(lower); folded != '\0') {
      out.push_back(folded);
    }
  }
  return out;
}

bool IsVowel(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

// The digits stand for the sounds the earlier steps recognised.
bool IsVowelOrSound(char c) { return IsVowel(c) || (c >= '1' && c <= '4'); }

void Replace(std::string* s, absl::string_view from, absl::string_view to) {
  // Most rules do not apply to a given name: skip StrReplaceAll's set-up.
  if (s->find(from.data(), 0, from.size()) == std::string::npos) return;
  absl::StrReplaceAll({{from, to}}, s);
}

// Replaces each `from` whose next character `c` (or '\0' at the end of the
// word) satisfies `next_ok(c)`.
template <typename Pred>
void ReplaceWhereNext(std::string* s, absl::string_view from,
                      absl::string_view to, Pred next_ok) {
  if (s->find(from.data(), 0, from.size()) == std::string::npos) return;
  std::string out;
  for (size_t i = 0; i < s->size();) {
    const size_t next = i + from.size();
    if (absl::string_view(*s).substr(i, from.size()) == from &&
        next_ok(next < s->size() ? (*s)[next] : '\0')) {
      out.append(to.data(), to.size());
      i = next;
    } else {
      out.push_back((*s)[i++]);
    }
  }
  *s = std::move(out);
}

// Steps 1 to 3: Y is I; H is silent except in CH, SH, PH; PH is F.
void SilentLetters(std::string* s) {
  Replace(s, "Y", "I");
  std::string out;
  for (size_t i = 0; i < s->size(); ++i) {
    const char before = i > 0 ? (*s)[i - 1] : '\0';
    if ((*s)[i] == 'H' && before != 'C' && before != 'S' && before != 'P') {
      continue;
    }
    out.push_back((*s)[i]);
  }
  *s = std::move(out);
  Replace(s, "PH", "F");
}

// Steps 4 to 6: hard G before "an/ain/am/aim"; "ain"/"ein" before a vowel;
// the sounds o, oua and in.
void VowelGroups(std::string* s) {
  for (absl::string_view group : {"GAN", "GAM", "GAIN", "GAIM"}) {
    Replace(s, group, absl::StrCat("K", group.substr(1)));
  }
  for (absl::string_view group : {"AIN", "EIN", "AIM", "EIM"}) {
    ReplaceWhereNext(s, group, "YN", IsVowel);
  }
  Replace(s, "EAU", "O");
  Replace(s, "OUA", "2");
  for (absl::string_view group : {"EIN", "AIN", "EIM", "AIM"}) {
    Replace(s, group, "4");
  }
}

// Steps 7 and 8: the sound é, then the nasals an and in unless a vowel or
// a recognised sound follows.
void EAndNasals(std::string* s) {
  Replace(s, absl::string_view(&kAcuteE, 1), "Y");
  Replace(s, "AI", "Y");
  Replace(s, "EI", "Y");
  Replace(s, "ER", "YR");
  Replace(s, "ESS", "YS");
  Replace(s, "ET", "YT");
  Replace(s, "EZ", "YZ");
  const auto no_vowel_next = [](char c) { return !IsVowelOrSound(c); };
  for (absl::string_view nasal : {"AN", "ON", "AM", "EN", "EM"}) {
    ReplaceWhereNext(s, nasal, "1", no_vowel_next);
  }
  ReplaceWhereNext(s, "IN", "4", no_vowel_next);
}

// Steps 9 to 11: voiced S between vowels; vowel pairs; the sound ch.
void Consonants(std::string* s) {
  for (size_t i = 1; i + 1 < s->size(); ++i) {
    if ((*s)[i] == 'S' && IsVowelOrSound((*s)[i - 1]) &&
        IsVowelOrSound((*s)[i + 1])) {
      (*s)[i] = 'Z';
    }
  }
  Replace(s, "OE", "E");
  Replace(s, "EU", "E");
  Replace(s, "AU", "O");
  Replace(s, "OI", "2");
  Replace(s, "OY", "2");
  Replace(s, "OU", "3");
  Replace(s, "CH", "5");
  Replace(s, "SCH", "5");
  Replace(s, "SH", "5");
  Replace(s, "SS", "S");
  Replace(s, "SC", "S");
}

// Steps 12 to 14: soft C, hard C/Q/G, then one letter per sound class.
void LetterClasses(std::string* s) {
  Replace(s, "CE", "SE");
  Replace(s, "CI", "SI");
  Replace(s, "C", "K");
  Replace(s, "Q", "K");
  Replace(s, "QU", "K");
  Replace(s, "GU", "K");
  Replace(s, "GA", "KA");
  Replace(s, "GO", "KO");
  Replace(s, "GY", "KY");
  for (char& c : *s) {
    switch (c) {
      case 'A': c = 'O'; break;
      case 'D': case 'P': c = 'T'; break;
      case 'J': c = 'G'; break;
      case 'B': case 'V': c = 'F'; break;
      case 'M': c = 'N'; break;
      default: break;
    }
  }
}

// Steps 15 and 16: no doubled symbol, no final T or X.
void Finish(std::string* s) {
  std::string out;
  for (char c : *s) {
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  if (!out.empty() && (out.back() == 'T' || out.back() == 'X')) out.pop_back();
  *s = std::move(out);
}

}  // namespace

std::string Phonex(absl::string_view word) {
  std::string code = Letters(word);
  SilentLetters(&code);
  VowelGroups(&code);
  EAndNasals(&code);
  Consonants(&code);
  LetterClasses(&code);
  Finish(&code);
  return code;
}

}  // namespace mdm::matchers
