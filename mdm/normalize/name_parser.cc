// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/name_parser.h"

#include <cstdint>
#include <string>

#include <unicode/uchar.h>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "mdm/base/utf8.h"
#include "mdm/normalize/name_lexicon.h"
#include "mdm/normalize/text_fold.h"

namespace mdm::normalize {
namespace {

// What a token's letters look like; the capitals convention reads it.
enum class Shape : uint8_t {
  kPunctuation,  // no letter and no digit: "-", "&"
  kDigits,       // digits but no letter
  kInitial,      // one letter: "J", "J."
  kCapitals,     // two letters or more, none lower case: "MARTIN", "O'NEIL"
  kMixed,        // anything else: "Martin", "de", "McDONALD", CJK
};

// What a token became. Tokens start as kName until a rule claims them.
enum class Role : uint8_t {
  kName,
  kTitle,
  kSuffix,
  kGiven,
  kFamily,
  kMaiden,
  kDropped,
};

struct Token {
  absl::string_view text;
  const NameWord* word;  // lexicon entry or nullptr
  uint8_t segment;       // index of the comma-separated part
  Shape shape;
  Role role;
};

// Up to 12 tokens, the longest realistic name, without allocating.
using Tokens = absl::InlinedVector<Token, 12>;
using Positions = absl::InlinedVector<size_t, 12>;

bool IsKind(const Token& token, NameWordKind kind) {
  return token.word != nullptr && token.word->kind == kind;
}
bool IsParticle(const Token& token) {
  return IsKind(token, NameWordKind::kParticle);
}
bool IsAffix(const Token& token) {
  return IsKind(token, NameWordKind::kCredential) ||
         IsKind(token, NameWordKind::kGenerational);
}
bool IsMarker(const Token& token) {
  return IsKind(token, NameWordKind::kBirthNameMarker) ||
         IsKind(token, NameWordKind::kMarriedNameMarker);
}
// A word in capitals that is not a particle: what makes a run of capitals a
// family name ("DE LA" alone is not one).
bool IsCapitalsName(const Token& token) {
  return token.shape == Shape::kCapitals && !IsParticle(token);
}
// A word that tells the capitals convention which words are given names.
bool IsLowerOrInitial(const Token& token) {
  return (token.shape == Shape::kMixed && !IsParticle(token)) ||
         token.shape == Shape::kInitial;
}

// The code point at *pos, advancing past it; ASCII without a call, as names
// are mostly ASCII.
char32_t NextCodePoint(absl::string_view text, size_t* pos) {
  const auto c = static_cast<unsigned char>(text[*pos]);
  if (c < 0x80) {
    ++*pos;
    return c;
  }
  return base::DecodeUtf8(text, pos);
}

// The spaces NFKC maps to U+0020, and the other Unicode line and word
// separators.
bool IsUnicodeSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// How the tokenizer treats a code point.
enum class Separator : uint8_t { kNone, kSpace, kComma };

Separator SeparatorOf(char32_t cp) {
  switch (cp) {
    case ',':
    case ';':
    case 0xFF0C:
      return Separator::kComma;
    // Brackets and quotes only wrap words: "(née Martin)", "\"Bill\"".
    case '(':
    case ')':
    case '[':
    case ']':
    case '"':
      return Separator::kSpace;
    default:
      return IsUnicodeSpace(cp) ? Separator::kSpace : Separator::kNone;
  }
}

bool HasAsciiVowel(absl::string_view text) {
  return text.find_first_of("AEIOUYaeiouy") != absl::string_view::npos;
}

Shape ShapeOf(absl::string_view text) {
  int letters = 0;
  bool digits = false, lower = false, upper = false;
  for (size_t pos = 0; pos < text.size();) {
    const auto cp = static_cast<UChar32>(NextCodePoint(text, &pos));
    if (cp < 0x80) {
      letters += absl::ascii_isalpha(static_cast<unsigned char>(cp)) ? 1 : 0;
      digits |= absl::ascii_isdigit(static_cast<unsigned char>(cp));
      lower |= absl::ascii_islower(static_cast<unsigned char>(cp));
      upper |= absl::ascii_isupper(static_cast<unsigned char>(cp));
    } else if (u_isalpha(cp)) {
      ++letters;
      lower |= u_islower(cp) != 0;
      upper |= u_isupper(cp) != 0;
    } else {
      digits |= u_isdigit(cp) != 0;
    }
  }
  if (letters == 0) return digits ? Shape::kDigits : Shape::kPunctuation;
  if (letters == 1) return Shape::kInitial;
  if (upper && !lower && letters <= 3 && !HasAsciiVowel(text)) {
    // "JP", "JB", "MC": the initials of a compound given name, as call
    // centres type them, not a family name in capitals. (Short surnames in
    // capitals have a vowel: "LY", "DO", "VU"; "NG" is the known casualty.)
    return Shape::kInitial;
  }
  return (upper && !lower) ? Shape::kCapitals : Shape::kMixed;
}

void AddToken(absl::string_view text, uint8_t segment, Tokens* tokens) {
  if (text.empty()) return;
  const Shape shape = ShapeOf(text);
  const Role role = shape == Shape::kPunctuation ? Role::kDropped : Role::kName;
  tokens->push_back({text, FindNameWord(text), segment, shape, role});
}

// Splits `text` into words at spaces, brackets and quotes; commas and
// semicolons also start a new segment. Empty segments are not counted.
Tokens Tokenize(absl::string_view text) {
  Tokens tokens;
  uint8_t segment = 0;
  size_t word_start = 0;
  for (size_t pos = 0; pos < text.size();) {
    const size_t here = pos;
    const Separator separator = SeparatorOf(NextCodePoint(text, &pos));
    if (separator == Separator::kNone) continue;
    const bool comma = separator == Separator::kComma;
    AddToken(text.substr(word_start, here - word_start), segment, &tokens);
    word_start = pos;
    if (comma && !tokens.empty() && tokens.back().segment == segment &&
        segment < UINT8_MAX) {
      ++segment;
    }
  }
  AddToken(text.substr(word_start), segment, &tokens);
  return tokens;
}

void AppendWord(absl::string_view word, std::string* out) {
  if (word.empty()) return;
  if (!out->empty()) out->push_back(' ');
  out->append(word.data(), word.size());
}

// Trims `text` and collapses each run of Unicode spaces to one ASCII space.
std::string CollapseSpaces(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t word_start = 0;
  for (size_t pos = 0; pos < text.size();) {
    const size_t here = pos;
    if (!IsUnicodeSpace(NextCodePoint(text, &pos))) continue;
    AppendWord(text.substr(word_start, here - word_start), &out);
    word_start = pos;
  }
  AppendWord(text.substr(word_start), &out);
  return out;
}

int CountNames(const Tokens& tokens) {
  int count = 0;
  for (const Token& token : tokens) count += token.role == Role::kName;
  return count;
}

// "Dr" and its qualifiers take a qualifier after them: "Dr. rer. nat.".
bool TakesDoctorQualifier(const Token& token) {
  return IsKind(token, NameWordKind::kDoctorQualifier) ||
         (IsKind(token, NameWordKind::kTitle) &&
          absl::StartsWith(token.word->canonical, "Dr"));
}

// A title opens a segment or follows another title ("Prof. Dr. med."); a
// title word elsewhere is a name ("Jean M. Martin").
void MarkLeadingTitles(Tokens& tokens) {
  for (size_t idx = 0; idx < tokens.size(); ++idx) {
    Token& token = tokens[idx];
    if (token.role != Role::kName || token.word == nullptr) continue;
    const Token* prev = idx > 0 ? &tokens[idx - 1] : nullptr;
    const bool opens_segment =
        prev == nullptr || prev->segment != token.segment;
    const bool after_title = !opens_segment && prev->role == Role::kTitle;
    if (IsKind(token, NameWordKind::kTitle)) {
      if (opens_segment || after_title) token.role = Role::kTitle;
    } else if (IsKind(token, NameWordKind::kDoctorQualifier) && after_title &&
               TakesDoctorQualifier(*prev)) {
      token.role = Role::kTitle;
    }
  }
}

void MarkAffix(Token& token) {
  token.role =
      IsKind(token, NameWordKind::kGenerational) ? Role::kSuffix : Role::kTitle;
}

// Segments after the first that hold only credentials and suffixes:
// "Smith, John, Jr.", "White, MD, FACOG".
void MarkAffixSegments(Tokens& tokens) {
  size_t begin = 0;
  while (begin < tokens.size()) {
    size_t end = begin;
    bool only_affixes = true;
    for (; end < tokens.size() && tokens[end].segment == tokens[begin].segment;
         ++end) {
      const Token& token = tokens[end];
      only_affixes &= token.role != Role::kName || IsAffix(token);
    }
    if (begin > 0 && only_affixes) {
      for (size_t idx = begin; idx < end; ++idx) {
        if (tokens[idx].role == Role::kName) MarkAffix(tokens[idx]);
      }
    }
    begin = end;
  }
}

// Credentials and suffixes ending a segment ("Robert Smith DO"). One that is
// also a name is taken only while `min_names_left` name words remain.
void MarkTrailingAffixes(Tokens& tokens, int min_names_left) {
  int names = CountNames(tokens);
  for (size_t idx = tokens.size(); idx-- > 0;) {
    const bool segment_end = idx + 1 == tokens.size() ||
                             tokens[idx + 1].segment != tokens[idx].segment ||
                             tokens[idx + 1].role != Role::kName;
    Token& token = tokens[idx];
    if (!segment_end || token.role != Role::kName || !IsAffix(token)) continue;
    if (names - 1 < (token.word->also_a_name ? min_names_left : 1)) continue;
    MarkAffix(token);
    --names;
  }
}

// The positions of the tokens still unclaimed in `segment`.
Positions NamesIn(const Tokens& tokens, uint8_t segment) {
  Positions names;
  for (size_t idx = 0; idx < tokens.size(); ++idx) {
    if (tokens[idx].role == Role::kName && tokens[idx].segment == segment) {
      names.push_back(idx);
    }
  }
  return names;
}

// Distinct segments holding unclaimed tokens, in order.
absl::InlinedVector<uint8_t, 4> NameSegments(const Tokens& tokens) {
  absl::InlinedVector<uint8_t, 4> segments;
  for (const Token& token : tokens) {
    if (token.role != Role::kName) continue;
    if (segments.empty() || segments.back() != token.segment) {
      segments.push_back(token.segment);
    }
  }
  return segments;
}

void SetRole(Tokens& tokens, const Positions& names, size_t from, size_t to,
             Role role) {
  for (size_t idx = from; idx < to; ++idx) tokens[names[idx]].role = role;
}

// Where the family name starts among `names` when it ends the name: the
// last word, the particles before it, and "X y" before it.
size_t DefaultFamilyStart(const Tokens& tokens, const Positions& names) {
  size_t start = names.size() - 1;
  while (start > 1) {
    const Token& prev = tokens[names[start - 1]];
    if (IsParticle(prev)) {
      --start;
    } else if (IsKind(prev, NameWordKind::kConnector) && start > 2) {
      start -= 2;
    } else {
      break;
    }
  }
  return start;
}

// The capitals convention: the one run of capitals (with the particles
// before and inside it) among words in mixed case. Returns false when the
// name does not follow it; else sets [*begin, *end) within `names`.
bool FindCapitalsRun(const Tokens& tokens, const Positions& names,
                     size_t* begin, size_t* end) {
  int runs = 0;
  bool given_seen = false;
  for (size_t idx = 0; idx < names.size();) {
    const Token& token = tokens[names[idx]];
    given_seen |= IsLowerOrInitial(token);
    if (token.shape != Shape::kCapitals && !IsParticle(token)) {
      ++idx;
      continue;
    }
    size_t last_capitals = idx, run_end = idx;
    for (; run_end < names.size(); ++run_end) {
      const Token& member = tokens[names[run_end]];
      if (IsCapitalsName(member)) {
        last_capitals = run_end;
      } else if (!IsParticle(member)) {
        break;
      }
    }
    if (IsCapitalsName(tokens[names[last_capitals]])) {
      ++runs;
      *begin = idx;
      *end = last_capitals + 1;
    }
    idx = run_end;
  }
  return runs == 1 && given_seen;
}

// One segment, no comma: capitals convention, else given words then family.
void SplitGivenFamily(Tokens& tokens, const Positions& names) {
  if (names.empty()) return;
  size_t begin = 0, end = names.size();
  if (names.size() > 1 && !FindCapitalsRun(tokens, names, &begin, &end)) {
    begin = DefaultFamilyStart(tokens, names);
    end = names.size();
  }
  SetRole(tokens, names, 0, names.size(), Role::kGiven);
  SetRole(tokens, names, begin, end, Role::kFamily);
}

// The birth name after "née" in a segment that may go on with given names:
// the capitals that follow, when given names in mixed case come after them,
// else all that follows.
size_t BirthNameEnd(const Tokens& tokens, const Positions& after) {
  size_t end = 0;
  bool capitals = false;
  for (; end < after.size(); ++end) {
    const Token& token = tokens[after[end]];
    if (token.shape != Shape::kCapitals && !IsParticle(token)) break;
    capitals |= IsCapitalsName(token);
  }
  if (!capitals) return after.size();
  for (size_t idx = end; idx < after.size(); ++idx) {
    if (IsLowerOrInitial(tokens[after[idx]])) return end;
  }
  return after.size();
}

// The birth name before "épouse": the capitals before the marker when mixed
// case words precede them, else the family name the words would end with.
size_t BirthNameBegin(const Tokens& tokens, const Positions& before) {
  size_t begin = 0, end = 0;
  if (FindCapitalsRun(tokens, before, &begin, &end) && end == before.size()) {
    return begin;
  }
  return DefaultFamilyStart(tokens, before);
}

// No segment holds only family names.
constexpr int kNoFamilySegment = -1;

// Splits the segment of the first birth or married name marker that has
// words on both sides. In `family_segment`, which holds only family names,
// those words are the birth name and the current family name.
void MarkMaiden(Tokens& tokens, int family_segment) {
  for (size_t marker = 0; marker < tokens.size(); ++marker) {
    Token& token = tokens[marker];
    if (token.role != Role::kName || !IsMarker(token)) continue;
    const bool family_only = token.segment == family_segment;
    Positions before, after;
    for (size_t idx : NamesIn(tokens, token.segment)) {
      if (idx != marker) (idx < marker ? before : after).push_back(idx);
    }
    if (before.empty() || after.empty()) continue;
    token.role = Role::kDropped;
    if (IsKind(token, NameWordKind::kBirthNameMarker)) {
      const size_t end =
          family_only ? after.size() : BirthNameEnd(tokens, after);
      SetRole(tokens, after, 0, end, Role::kMaiden);
      if (family_only) SetRole(tokens, before, 0, before.size(), Role::kFamily);
    } else {
      const size_t begin = family_only ? 0 : BirthNameBegin(tokens, before);
      SetRole(tokens, before, begin, before.size(), Role::kMaiden);
      if (family_only) SetRole(tokens, after, 0, after.size(), Role::kFamily);
    }
    return;
  }
}

// Writes each claimed token to its field of `name`, after what is there.
void Assemble(const Tokens& tokens, PersonName* name) {
  for (const Token& token : tokens) {
    const bool canonical =
        token.word != nullptr && !token.word->canonical.empty() &&
        (token.role == Role::kTitle || token.role == Role::kSuffix);
    const absl::string_view word =
        canonical ? token.word->canonical : token.text;
    switch (token.role) {
      case Role::kTitle:
        AppendWord(word, &name->title);
        break;
      case Role::kSuffix:
        AppendWord(word, &name->suffix);
        break;
      case Role::kGiven:
        AppendWord(word, &name->given_names);
        break;
      case Role::kFamily:
        AppendWord(word, &name->family_name);
        break;
      case Role::kMaiden:
        AppendWord(word, &name->maiden_name);
        break;
      case Role::kName:
      case Role::kDropped:
        break;
    }
  }
}

void ClaimRest(Tokens& tokens, Role role) {
  for (Token& token : tokens) {
    if (token.role == Role::kName) token.role = role;
  }
}

// A full name: affixes, then maiden markers, then the order of the rest.
Tokens ParseFullName(absl::string_view full_name) {
  Tokens tokens = Tokenize(full_name);
  MarkLeadingTitles(tokens);
  MarkAffixSegments(tokens);
  MarkTrailingAffixes(tokens, /*min_names_left=*/2);
  const auto segments = NameSegments(tokens);
  MarkMaiden(tokens, segments.size() >= 2 ? segments[0] : kNoFamilySegment);
  if (segments.size() >= 2) {
    // "Family, Given[, anything else]": a third part is kept in `suffix`.
    for (size_t idx = 0; idx < tokens.size(); ++idx) {
      if (tokens[idx].role != Role::kName) continue;
      tokens[idx].role = tokens[idx].segment == segments[0]   ? Role::kFamily
                         : tokens[idx].segment == segments[1] ? Role::kGiven
                                                              : Role::kSuffix;
    }
  } else if (!segments.empty()) {
    SplitGivenFamily(tokens, NamesIn(tokens, segments[0]));
  }
  return tokens;
}

// A given or family column: leaked affixes out, the rest is `role`.
Tokens ParseNameColumn(absl::string_view column, Role role) {
  Tokens tokens = Tokenize(column);
  MarkLeadingTitles(tokens);
  MarkAffixSegments(tokens);
  MarkTrailingAffixes(tokens, /*min_names_left=*/1);
  if (role == Role::kFamily) MarkMaiden(tokens, /*family_segment=*/0);
  ClaimRest(tokens, role);
  return tokens;
}

// A title or suffix column: generational suffixes to `suffix`, other lexicon
// affixes to `title`, unknown words to `unknown_role`.
Tokens ParseAffixColumn(absl::string_view column, Role unknown_role) {
  Tokens tokens = Tokenize(column);
  for (Token& token : tokens) {
    if (token.role != Role::kName) continue;
    if (IsKind(token, NameWordKind::kGenerational)) {
      token.role = Role::kSuffix;
    } else if (token.word != nullptr && !token.word->canonical.empty()) {
      token.role = Role::kTitle;
    } else {
      token.role = unknown_role;
    }
  }
  return tokens;
}

Tokens Concat(Tokens first, const Tokens& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

bool HasRole(const Tokens& tokens, Role role) {
  for (const Token& token : tokens) {
    if (token.role == role) return true;
  }
  return false;
}

}  // namespace

PersonName ParseName(const NameParts& in) {
  PersonName name;
  Assemble(ParseAffixColumn(in.title, Role::kTitle), &name);
  Assemble(ParseAffixColumn(in.suffix, Role::kSuffix), &name);
  const Tokens family = ParseNameColumn(in.family, Role::kFamily);
  const Tokens given = Concat(ParseNameColumn(in.given, Role::kGiven),
                              ParseNameColumn(in.middle, Role::kGiven));
  if (!HasRole(family, Role::kFamily)) {
    Assemble(ParseFullName(in.full_name), &name);
  }
  if (HasRole(given, Role::kGiven)) name.given_names.clear();
  Assemble(given, &name);
  Assemble(family, &name);
  const std::string maiden = CollapseSpaces(in.maiden);
  if (!maiden.empty()) name.maiden_name = maiden;
  name.display = CollapseSpaces(in.full_name);
  if (name.display.empty()) {
    name.display = name.given_names;
    AppendWord(name.family_name, &name.display);
  }
  name.given_key = FoldKey(name.given_names);
  name.family_key = FoldKey(name.family_name);
  name.maiden_key = FoldKey(name.maiden_name);
  return name;
}

}  // namespace mdm::normalize
