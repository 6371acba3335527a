// SPDX-License-Identifier: Apache-2.0
// Double Metaphone (matchers/phonetic.h), written from Lawrence Philips'
// description and reference implementation (C/C++ Users Journal, June 2000).
// The comments on each rule give the example words Philips gives for it.
#include <cstddef>
#include <initializer_list>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "matchers/internal/code_units.h"
#include "matchers/phonetic.h"

namespace mdm::matchers {
namespace {

// Stand-ins for the original's Latin-1 letters and for any other non-ASCII
// character, which has no sound and is not a vowel.
constexpr char kCCedilla = '\x01';
constexpr char kNTilde = '\x02';
constexpr char kOther = '\x03';
// The original pads the word with spaces and some rules match that padding
// ("IER " at the end of the word, "JOSE" followed by a space).
constexpr absl::string_view kPadding = "     ";

std::string UpperPadded(absl::string_view word) {
  std::string out;
  out.reserve(word.size() + kPadding.size());
  if (internal::IsAscii(word)) {
    for (char c : word) out.push_back(absl::ascii_toupper(c));
  } else {
    internal::CodePoints points;
    internal::DecodeUtf8Lenient(word, &points);
    for (char32_t cp : points) {
      if (cp < 0x80) {
        out.push_back(absl::ascii_toupper(static_cast<char>(cp)));
      } else if (cp == U'ç' || cp == U'Ç') {
        out.push_back(kCCedilla);
      } else if (cp == U'ñ' || cp == U'Ñ') {
        out.push_back(kNTilde);
      } else {
        out.push_back(kOther);
      }
    }
  }
  out.append(kPadding.data(), kPadding.size());
  return out;
}

class Encoder {
 public:
  explicit Encoder(absl::string_view word)
      : text_(UpperPadded(word)),
        length_(static_cast<ptrdiff_t>(text_.size() - kPadding.size())),
        last_(length_ - 1),
        slavo_germanic_(absl::StrContains(text_, "W") ||
                        absl::StrContains(text_, "K") ||
                        absl::StrContains(text_, "CZ")) {}

  DoubleMetaphoneCodes Run(size_t max_length);

 private:
  char At(ptrdiff_t pos) const {
    return pos < 0 || pos >= static_cast<ptrdiff_t>(text_.size()) ? '\0'
                                                                   : text_[pos];
  }
  bool IsVowel(ptrdiff_t pos) const {
    if (pos < 0 || pos >= length_) return false;
    const char c = text_[pos];
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' ||
           c == 'Y';
  }
  // True when the `len` characters at `pos` equal one of `options`.
  bool StringAt(ptrdiff_t pos, size_t len,
                std::initializer_list<absl::string_view> options) const {
    if (pos < 0 || pos + static_cast<ptrdiff_t>(len) >
                       static_cast<ptrdiff_t>(text_.size())) {
      return false;
    }
    const absl::string_view window(text_.data() + pos, len);
    for (absl::string_view option : options) {
      if (window == option) return true;
    }
    return false;
  }
  bool GermanicPrefix() const {
    return StringAt(0, 4, {"VAN ", "VON "}) || StringAt(0, 3, {"SCH"});
  }
  void Add(absl::string_view both) { Add(both, both); }
  void Add(absl::string_view main, absl::string_view alt) {
    primary_.append(main.data(), main.size());
    alternate_.append(alt.data(), alt.size());
  }
  // Codes `code` and skips a doubled letter ("FF", "KK", ...).
  void Simple(absl::string_view code) {
    Add(code);
    pos_ += At(pos_ + 1) == text_[pos_] ? 2 : 1;
  }

  void Step();
  void HandleB();
  void HandleC();
  bool HandleCGermanicOrItalian();
  void HandleCH();
  bool HandleCDoubled();
  void HandleD();
  void HandleG();
  void HandleGH();
  bool HandleGSoft();
  void HandleH();
  void HandleJ();
  void HandleL();
  void HandleM();
  void HandleP();
  void HandleR();
  void HandleS();
  bool HandleSSpecial();
  void HandleSC();
  void HandleT();
  void HandleW();
  void HandleX();
  void HandleZ();

  const std::string text_;
  const ptrdiff_t length_;
  const ptrdiff_t last_;
  const bool slavo_germanic_;
  ptrdiff_t pos_ = 0;
  std::string primary_;
  std::string alternate_;
};

DoubleMetaphoneCodes Encoder::Run(size_t max_length) {
  // Silent first letters: "gnome", "knight", "pneumatic", "wright", "psalm".
  if (StringAt(0, 2, {"GN", "KN", "PN", "WR", "PS"})) pos_ = 1;
  // Initial X sounds like S: "xavier".
  if (At(0) == 'X') {
    Add("S");
    pos_ = 1;
  }
  while (pos_ < length_ &&
         (primary_.size() < max_length || alternate_.size() < max_length)) {
    Step();
  }
  if (primary_.size() > max_length) primary_.resize(max_length);
  if (alternate_.size() > max_length) alternate_.resize(max_length);
  return {std::move(primary_), std::move(alternate_)};
}

void Encoder::Step() {
  switch (text_[pos_]) {
    case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y':
      if (pos_ == 0) Add("A");
      ++pos_;
      return;
    case 'B': HandleB(); return;
    case kCCedilla: Add("S"); ++pos_; return;
    case 'C': HandleC(); return;
    case 'D': HandleD(); return;
    case 'F': Simple("F"); return;
    case 'G': HandleG(); return;
    case 'H': HandleH(); return;
    case 'J': HandleJ(); return;
    case 'K': Simple("K"); return;
    case 'L': HandleL(); return;
    case 'M': HandleM(); return;
    case 'N': Simple("N"); return;
    case kNTilde: Add("N"); ++pos_; return;
    case 'P': HandleP(); return;
    case 'Q': Simple("K"); return;
    case 'R': HandleR(); return;
    case 'S': HandleS(); return;
    case 'T': HandleT(); return;
    case 'V': Simple("F"); return;
    case 'W': HandleW(); return;
    case 'X': HandleX(); return;
    case 'Z': HandleZ(); return;
    default: ++pos_; return;
  }
}

void Encoder::HandleB() {
  // "-mb" as in "dumb" was consumed by the M rule.
  Simple("P");
}

void Encoder::HandleC() {
  if (HandleCGermanicOrItalian()) return;
  if (StringAt(pos_, 2, {"CH"})) return HandleCH();
  // "czerny", but not "-wicz".
  if (StringAt(pos_, 2, {"CZ"}) && !StringAt(pos_ - 2, 4, {"WICZ"})) {
    Add("S", "X");
    pos_ += 2;
    return;
  }
  // "focaccia".
  if (StringAt(pos_ + 1, 3, {"CIA"})) {
    Add("X");
    pos_ += 3;
    return;
  }
  if (HandleCDoubled()) return;
  if (StringAt(pos_, 2, {"CK", "CG", "CQ"})) {
    Add("K");
    pos_ += 2;
    return;
  }
  if (StringAt(pos_, 2, {"CI", "CE", "CY"})) {
    // Italian "-cio-", "-cie-", "-cia-" against English.
    if (StringAt(pos_, 3, {"CIO", "CIE", "CIA"})) {
      Add("S", "X");
    } else {
      Add("S");
    }
    pos_ += 2;
    return;
  }
  Add("K");
  // "mac caffrey", "mac gregor".
  if (StringAt(pos_ + 1, 2, {" C", " Q", " G"})) {
    pos_ += 3;
  } else if (StringAt(pos_ + 1, 1, {"C", "K", "Q"}) &&
             !StringAt(pos_ + 1, 2, {"CE", "CI"})) {
    pos_ += 2;
  } else {
    pos_ += 1;
  }
}

bool Encoder::HandleCGermanicOrItalian() {
  // Germanic "-ach-" ("bacher", "macher"), but not "-achi-" or "-ache-".
  if (pos_ > 1 && !IsVowel(pos_ - 2) && StringAt(pos_ - 1, 3, {"ACH"}) &&
      At(pos_ + 2) != 'I' &&
      (At(pos_ + 2) != 'E' || StringAt(pos_ - 2, 6, {"BACHER", "MACHER"}))) {
    Add("K");
    pos_ += 2;
    return true;
  }
  // "caesar".
  if (pos_ == 0 && StringAt(pos_, 6, {"CAESAR"})) {
    Add("S");
    pos_ += 2;
    return true;
  }
  // Italian "chianti".
  if (StringAt(pos_, 4, {"CHIA"})) {
    Add("K");
    pos_ += 2;
    return true;
  }
  return false;
}

void Encoder::HandleCH() {
  // "michael".
  if (pos_ > 0 && StringAt(pos_, 4, {"CHAE"})) {
    Add("K", "X");
    pos_ += 2;
    return;
  }
  // Greek roots at the start: "chemistry", "chorus", but not "chore".
  if (pos_ == 0 &&
      (StringAt(pos_ + 1, 5, {"HARAC", "HARIS"}) ||
       StringAt(pos_ + 1, 3, {"HOR", "HYM", "HIA", "HEM"})) &&
      !StringAt(0, 5, {"CHORE"})) {
    Add("K");
    pos_ += 2;
    return;
  }
  // Germanic or Greek "ch" as "kh": "architect" (not "arch", "orchestra",
  // "orchid"), "wachtler", "wechsler" (not "tichner").
  if (GermanicPrefix() || StringAt(pos_ - 2, 6, {"ORCHES", "ARCHIT", "ORCHID"}) ||
      StringAt(pos_ + 2, 1, {"T", "S"}) ||
      ((StringAt(pos_ - 1, 1, {"A", "O", "U", "E"}) || pos_ == 0) &&
       StringAt(pos_ + 2, 1, {"L", "R", "N", "M", "B", "H", "F", "V", "W", " "}))) {
    Add("K");
  } else if (pos_ == 0) {
    Add("X");
  } else if (StringAt(0, 2, {"MC"})) {
    Add("K");  // "mchugh"
  } else {
    Add("X", "K");
  }
  pos_ += 2;
}

bool Encoder::HandleCDoubled() {
  // Double C, but not "mcclellan".
  if (!StringAt(pos_, 2, {"CC"}) || (pos_ == 1 && At(0) == 'M')) return false;
  // "bellocchio" but not "bacchus".
  if (StringAt(pos_ + 2, 1, {"I", "E", "H"}) && !StringAt(pos_ + 2, 2, {"HU"})) {
    // "accident", "accede", "succeed" against "bacci", "bertucci".
    if ((pos_ == 1 && At(pos_ - 1) == 'A') ||
        StringAt(pos_ - 1, 5, {"UCCEE", "UCCES"})) {
      Add("KS");
    } else {
      Add("X");
    }
    pos_ += 3;
    return true;
  }
  // Pierce's rule.
  Add("K");
  pos_ += 2;
  return true;
}

void Encoder::HandleD() {
  if (StringAt(pos_, 2, {"DG"})) {
    if (StringAt(pos_ + 2, 1, {"I", "E", "Y"})) {
      Add("J");  // "edge"
      pos_ += 3;
    } else {
      Add("TK");  // "edgar"
      pos_ += 2;
    }
    return;
  }
  Add("T");
  pos_ += StringAt(pos_, 2, {"DT", "DD"}) ? 2 : 1;
}

void Encoder::HandleG() {
  if (At(pos_ + 1) == 'H') return HandleGH();
  if (At(pos_ + 1) == 'N') {
    if (pos_ == 1 && IsVowel(0) && !slavo_germanic_) {
      Add("KN", "N");
    } else if (!StringAt(pos_ + 2, 2, {"EY"}) && At(pos_ + 1) != 'Y' &&
               !slavo_germanic_) {
      Add("N", "KN");  // not "cagney"
    } else {
      Add("KN");
    }
    pos_ += 2;
    return;
  }
  // "tagliaro".
  if (StringAt(pos_ + 1, 2, {"LI"}) && !slavo_germanic_) {
    Add("KL", "L");
    pos_ += 2;
    return;
  }
  if (HandleGSoft()) return;
  pos_ += At(pos_ + 1) == 'G' ? 2 : 1;
  Add("K");
}

void Encoder::HandleGH() {
  if (pos_ > 0 && !IsVowel(pos_ - 1)) {
    Add("K");
    pos_ += 2;
    return;
  }
  // "ghislane", "ghiradelli".
  if (pos_ == 0) {
    Add(At(pos_ + 2) == 'I' ? "J" : "K");
    pos_ += 2;
    return;
  }
  // Parker's rule: silent in "hugh", "bough", "broughton".
  if ((pos_ > 1 && StringAt(pos_ - 2, 1, {"B", "H", "D"})) ||
      (pos_ > 2 && StringAt(pos_ - 3, 1, {"B", "H", "D"})) ||
      (pos_ > 3 && StringAt(pos_ - 4, 1, {"B", "H"}))) {
    pos_ += 2;
    return;
  }
  // "laugh", "mclaughlin", "cough", "gough", "rough", "tough".
  if (pos_ > 2 && At(pos_ - 1) == 'U' &&
      StringAt(pos_ - 3, 1, {"C", "G", "L", "R", "T"})) {
    Add("F");
  } else if (pos_ > 0 && At(pos_ - 1) != 'I') {
    Add("K");
  }
  pos_ += 2;
}

bool Encoder::HandleGSoft() {
  // "-ges-", "-gep-", "-gel-", "-gie-" at the start.
  if (pos_ == 0 &&
      (At(pos_ + 1) == 'Y' ||
       StringAt(pos_ + 1, 2, {"ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN",
                              "IE", "EI", "ER"}))) {
    Add("K", "J");
    pos_ += 2;
    return true;
  }
  // "-ger-", "-gy-", but not "danger", "ranger", "manger", "-rgy", "-ogy".
  if ((StringAt(pos_ + 1, 2, {"ER"}) || At(pos_ + 1) == 'Y') &&
      !StringAt(0, 6, {"DANGER", "RANGER", "MANGER"}) &&
      !StringAt(pos_ - 1, 1, {"E", "I"}) &&
      !StringAt(pos_ - 1, 3, {"RGY", "OGY"})) {
    Add("K", "J");
    pos_ += 2;
    return true;
  }
  // Italian "biaggi".
  if (StringAt(pos_ + 1, 1, {"E", "I", "Y"}) ||
      StringAt(pos_ - 1, 4, {"AGGI", "OGGI"})) {
    if (GermanicPrefix() || StringAt(pos_ + 1, 2, {"ET"})) {
      Add("K");
    } else if (StringAt(pos_ + 1, 4, {"IER "})) {
      Add("J");  // always soft before a French "-ier"
    } else {
      Add("J", "K");
    }
    pos_ += 2;
    return true;
  }
  return false;
}

void Encoder::HandleH() {
  // Kept only first or between vowels, and before a vowel; also skips "HH".
  if ((pos_ == 0 || IsVowel(pos_ - 1)) && IsVowel(pos_ + 1)) {
    Add("H");
    pos_ += 2;
  } else {
    pos_ += 1;
  }
}

void Encoder::HandleJ() {
  // Spanish "jose", "san jacinto".
  if (StringAt(pos_, 4, {"JOSE"}) || StringAt(0, 4, {"SAN "})) {
    if ((pos_ == 0 && At(pos_ + 4) == ' ') || StringAt(0, 4, {"SAN "})) {
      Add("H");
    } else {
      Add("J", "H");
    }
    pos_ += 1;
    return;
  }
  if (pos_ == 0) {
    Add("J", "A");  // "yankelovich" / "jankelowicz"
  } else if (IsVowel(pos_ - 1) && !slavo_germanic_ &&
             (At(pos_ + 1) == 'A' || At(pos_ + 1) == 'O')) {
    Add("J", "H");  // Spanish "bajador"
  } else if (pos_ == last_) {
    Add("J", "");
  } else if (!StringAt(pos_ + 1, 1, {"L", "T", "K", "S", "N", "M", "B", "Z"}) &&
             !StringAt(pos_ - 1, 1, {"S", "K", "L"})) {
    Add("J");
  }
  pos_ += At(pos_ + 1) == 'J' ? 2 : 1;
}

void Encoder::HandleL() {
  if (At(pos_ + 1) != 'L') {
    Add("L");
    pos_ += 1;
    return;
  }
  // Spanish "cabrillo", "gallegos": the alternate drops the "ll".
  if ((pos_ == length_ - 3 && StringAt(pos_ - 1, 4, {"ILLO", "ILLA", "ALLE"})) ||
      ((StringAt(last_ - 1, 2, {"AS", "OS"}) || StringAt(last_, 1, {"A", "O"})) &&
       StringAt(pos_ - 1, 4, {"ALLE"}))) {
    Add("L", "");
  } else {
    Add("L");
  }
  pos_ += 2;
}

void Encoder::HandleM() {
  // "dumb", "thumb", "-umber".
  const bool silent_b = StringAt(pos_ - 1, 3, {"UMB"}) &&
                        (pos_ + 1 == last_ || StringAt(pos_ + 2, 2, {"ER"}));
  pos_ += (silent_b || At(pos_ + 1) == 'M') ? 2 : 1;
  Add("M");
}

void Encoder::HandleP() {
  if (At(pos_ + 1) == 'H') {
    Add("F");
    pos_ += 2;
    return;
  }
  // "campbell", "raspberry".
  pos_ += StringAt(pos_ + 1, 1, {"P", "B"}) ? 2 : 1;
  Add("P");
}

void Encoder::HandleR() {
  // French "rogier", but not "hochmeier".
  if (pos_ == last_ && !slavo_germanic_ && StringAt(pos_ - 2, 2, {"IE"}) &&
      !StringAt(pos_ - 4, 2, {"ME", "MA"})) {
    Add("", "R");
  } else {
    Add("R");
  }
  pos_ += At(pos_ + 1) == 'R' ? 2 : 1;
}

void Encoder::HandleS() {
  if (HandleSSpecial()) return;
  if (StringAt(pos_, 2, {"SC"})) return HandleSC();
  // French "resnais", "artois".
  if (pos_ == last_ && StringAt(pos_ - 2, 2, {"AI", "OI"})) {
    Add("", "S");
  } else {
    Add("S");
  }
  pos_ += StringAt(pos_ + 1, 1, {"S", "Z"}) ? 2 : 1;
}

bool Encoder::HandleSSpecial() {
  // Silent in "island", "isle", "carlisle", "carlysle".
  if (StringAt(pos_ - 1, 3, {"ISL", "YSL"})) {
    pos_ += 1;
    return true;
  }
  // "sugar-".
  if (pos_ == 0 && StringAt(pos_, 5, {"SUGAR"})) {
    Add("X", "S");
    pos_ += 1;
    return true;
  }
  if (StringAt(pos_, 2, {"SH"})) {
    // Germanic "-sheim", "-shoek", "-sholm", "-sholz".
    Add(StringAt(pos_ + 1, 4, {"HEIM", "HOEK", "HOLM", "HOLZ"}) ? "S" : "X");
    pos_ += 2;
    return true;
  }
  // Italian and Armenian "-sio-", "-sia-", "-sian".
  if (StringAt(pos_, 3, {"SIO", "SIA"}) || StringAt(pos_, 4, {"SIAN"})) {
    if (slavo_germanic_) {
      Add("S");
    } else {
      Add("S", "X");
    }
    pos_ += 3;
    return true;
  }
  // German anglicised: "smith" matches "schmidt", "snider" "schneider";
  // Slavic "-sz-".
  if ((pos_ == 0 && StringAt(pos_ + 1, 1, {"M", "N", "L", "W"})) ||
      StringAt(pos_ + 1, 1, {"Z"})) {
    Add("S", "X");
    pos_ += StringAt(pos_ + 1, 1, {"Z"}) ? 2 : 1;
    return true;
  }
  return false;
}

void Encoder::HandleSC() {
  // Schlesinger's rule.
  if (At(pos_ + 2) == 'H') {
    // Dutch "school", "schooner"; "schermerhorn", "schenker".
    if (StringAt(pos_ + 3, 2, {"OO", "ER", "EN", "UY", "ED", "EM"})) {
      if (StringAt(pos_ + 3, 2, {"ER", "EN"})) {
        Add("X", "SK");
      } else {
        Add("SK");
      }
    } else if (pos_ == 0 && !IsVowel(3) && At(3) != 'W') {
      Add("X", "S");
    } else {
      Add("X");
    }
    pos_ += 3;
    return;
  }
  Add(StringAt(pos_ + 2, 1, {"I", "E", "Y"}) ? "S" : "SK");
  pos_ += 3;
}

void Encoder::HandleT() {
  if (StringAt(pos_, 4, {"TION"})) {
    Add("X");
    pos_ += 3;
    return;
  }
  if (StringAt(pos_, 3, {"TIA", "TCH"})) {
    Add("X");
    pos_ += 3;
    return;
  }
  if (StringAt(pos_, 2, {"TH"}) || StringAt(pos_, 3, {"TTH"})) {
    // "thomas", "thames", or Germanic.
    if (StringAt(pos_ + 2, 2, {"OM", "AM"}) || GermanicPrefix()) {
      Add("T");
    } else {
      Add("0", "T");
    }
    pos_ += 2;
    return;
  }
  pos_ += StringAt(pos_ + 1, 1, {"T", "D"}) ? 2 : 1;
  Add("T");
}

void Encoder::HandleW() {
  if (StringAt(pos_, 2, {"WR"})) {
    Add("R");
    pos_ += 2;
    return;
  }
  // "wasserman" matches "vasserman", "uomo" matches "womo".
  if (pos_ == 0 && (IsVowel(pos_ + 1) || StringAt(pos_, 2, {"WH"}))) {
    if (IsVowel(pos_ + 1)) {
      Add("A", "F");
    } else {
      Add("A");
    }
  }
  // "arnow" matches "arnoff"; Polish "-ewski".
  if ((pos_ == last_ && IsVowel(pos_ - 1)) ||
      StringAt(pos_ - 1, 5, {"EWSKI", "EWSKY", "OWSKI", "OWSKY"}) ||
      StringAt(0, 3, {"SCH"})) {
    Add("", "F");
    pos_ += 1;
    return;
  }
  // Polish "filipowicz".
  if (StringAt(pos_, 4, {"WICZ", "WITZ"})) {
    Add("TS", "FX");
    pos_ += 4;
    return;
  }
  pos_ += 1;
}

void Encoder::HandleX() {
  // Silent in French "breaux".
  if (!(pos_ == last_ && (StringAt(pos_ - 3, 3, {"IAU", "EAU"}) ||
                          StringAt(pos_ - 2, 2, {"AU", "OU"})))) {
    Add("KS");
  }
  pos_ += StringAt(pos_ + 1, 1, {"C", "X"}) ? 2 : 1;
}

void Encoder::HandleZ() {
  // Chinese pinyin "zhao".
  if (At(pos_ + 1) == 'H') {
    Add("J");
    pos_ += 2;
    return;
  }
  if (StringAt(pos_ + 1, 2, {"ZO", "ZI", "ZA"}) ||
      (slavo_germanic_ && pos_ > 0 && At(pos_ - 1) != 'T')) {
    Add("S", "TS");
  } else {
    Add("S");
  }
  pos_ += At(pos_ + 1) == 'Z' ? 2 : 1;
}

}  // namespace

DoubleMetaphoneCodes DoubleMetaphone(absl::string_view word,
                                     size_t max_length) {
  return Encoder(word).Run(max_length);
}

PhoneticAgreement CompareDoubleMetaphone(const DoubleMetaphoneCodes& a,
                                         const DoubleMetaphoneCodes& b) {
  if (!a.primary.empty() && a.primary == b.primary) {
    return PhoneticAgreement::kPrimary;
  }
  for (const std::string* x : {&a.primary, &a.alternate}) {
    for (const std::string* y : {&b.primary, &b.alternate}) {
      if (!x->empty() && *x == *y) return PhoneticAgreement::kAlternate;
    }
  }
  return PhoneticAgreement::kNone;
}

}  // namespace mdm::matchers
