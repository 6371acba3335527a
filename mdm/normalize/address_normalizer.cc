// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/address_normalizer.h"

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/types/span.h"
#include "mdm/normalize/text_fold.h"

namespace mdm::normalize {
namespace {

using Expansion = std::pair<absl::string_view, absl::string_view>;

// clang-format off
// Folded country names and codes that are not already the alpha-2 code.
constexpr Expansion kCountryNames[] = {
    {"fra", "FR"}, {"france", "FR"}, {"republique francaise", "FR"},
    {"usa", "US"}, {"u s a", "US"}, {"u s", "US"}, {"united states", "US"},
    {"united states of america", "US"}, {"etats unis", "US"},
    {"etats unis d amerique", "US"},
    {"uk", "GB"}, {"u k", "GB"}, {"gbr", "GB"}, {"united kingdom", "GB"},
    {"great britain", "GB"}, {"england", "GB"}, {"scotland", "GB"},
    {"wales", "GB"}, {"northern ireland", "GB"}, {"royaume uni", "GB"},
    {"grande bretagne", "GB"}, {"angleterre", "GB"},
    {"deu", "DE"}, {"germany", "DE"}, {"deutschland", "DE"},
    {"allemagne", "DE"}, {"bundesrepublik deutschland", "DE"},
    {"bel", "BE"}, {"belgium", "BE"}, {"belgique", "BE"}, {"belgie", "BE"},
    {"che", "CH"}, {"switzerland", "CH"}, {"suisse", "CH"}, {"schweiz", "CH"},
    {"lux", "LU"}, {"luxembourg", "LU"}, {"luxemburg", "LU"},
    {"mco", "MC"}, {"monaco", "MC"},
    {"esp", "ES"}, {"spain", "ES"}, {"espagne", "ES"}, {"espana", "ES"},
    {"ita", "IT"}, {"italy", "IT"}, {"italie", "IT"}, {"italia", "IT"},
    {"nld", "NL"}, {"netherlands", "NL"}, {"the netherlands", "NL"},
    {"pays bas", "NL"}, {"nederland", "NL"},
    {"aut", "AT"}, {"austria", "AT"}, {"autriche", "AT"}, {"osterreich", "AT"},
    {"irl", "IE"}, {"ireland", "IE"}, {"irlande", "IE"}, {"eire", "IE"},
    {"can", "CA"}, {"canada", "CA"},
    {"prt", "PT"}, {"portugal", "PT"},
};

constexpr Expansion kFrenchStreetWords[] = {
    {"bd", "boulevard"}, {"bld", "boulevard"}, {"boul", "boulevard"},
    {"bvd", "boulevard"}, {"av", "avenue"},    {"ave", "avenue"},
    {"pl", "place"},     {"fg", "faubourg"},   {"fbg", "faubourg"},
    {"imp", "impasse"},  {"all", "allee"},     {"rte", "route"},
    {"ch", "chemin"},    {"chem", "chemin"},   {"sq", "square"},
    {"qu", "quai"},      {"qua", "quai"},      {"crs", "cours"},
    {"st", "saint"},     {"ste", "sainte"},
};

constexpr Expansion kEnglishStreetWords[] = {
    {"rd", "road"},      {"av", "avenue"},     {"ave", "avenue"},
    {"blvd", "boulevard"}, {"dr", "drive"},    {"ln", "lane"},
    {"ct", "court"},     {"hwy", "highway"},   {"pkwy", "parkway"},
    {"pl", "place"},     {"sq", "square"},     {"ste", "suite"},
    {"apt", "apartment"}, {"n", "north"},      {"s", "south"},
    {"e", "east"},       {"w", "west"},        {"ne", "northeast"},
    {"nw", "northwest"}, {"se", "southeast"},  {"sw", "southwest"},
};
// clang-format on

// Street-word rules that apply to a country, by language.
struct StreetRules {
  bool french = false;
  bool english = false;
  bool german = false;
};

StreetRules RulesFor(absl::string_view country) {
  auto in = [country](std::initializer_list<absl::string_view> codes) {
    for (absl::string_view code : codes) {
      if (code == country) return true;
    }
    return false;
  };
  return {in({"FR", "BE", "LU", "MC", "CH"}),
          in({"US", "GB", "IE", "CA", "AU", "NZ"}),
          in({"DE", "AT", "CH", "LU"})};
}

absl::string_view Lookup(absl::Span<const Expansion> table,
                         absl::string_view key) {
  for (const Expansion& entry : table) {
    if (entry.first == key) return entry.second;
  }
  return {};
}

std::string CollapseWhitespace(absl::string_view text) {
  return absl::StrJoin(
      absl::StrSplit(text, absl::ByAnyChar(" \t\r\n\f\v"), absl::SkipEmpty()),
      " ");
}

std::vector<std::string> Words(absl::string_view folded) {
  return absl::StrSplit(folded, ' ', absl::SkipEmpty());
}

bool IsDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Postcode with separators (space, '-', '.') removed.
std::string Compact(absl::string_view upper) {
  std::string out;
  for (char c : upper) {
    if (c != ' ' && c != '-' && c != '.') out.push_back(c);
  }
  return out;
}

// Strips the first of `prefixes` (longest first: "FR", "F") that is followed
// by a digit.
absl::string_view StripCountryPrefix(
    absl::string_view compact,
    std::initializer_list<absl::string_view> prefixes) {
  for (absl::string_view prefix : prefixes) {
    if (absl::StartsWith(compact, prefix) && compact.size() > prefix.size() &&
        absl::ascii_isdigit(
            static_cast<unsigned char>(compact[prefix.size()]))) {
      return compact.substr(prefix.size());
    }
  }
  return compact;
}

NormalizedPostcode FrenchPostcode(absl::string_view upper) {
  // "75009 CEDEX" and "75009 CEDEX 09" carry a delivery mode after the code.
  const std::string compact =
      Compact(upper.substr(0, upper.find("CEDEX")));
  std::string digits(StripCountryPrefix(compact, {"FR", "F"}));
  if (digits.size() == 4 && IsDigits(digits)) {
    digits = absl::StrCat("0", digits);
  }
  if (digits.size() != 5 || !IsDigits(digits)) {
    return {std::string(upper), Validity::kInvalid};
  }
  const absl::string_view department = absl::string_view(digits).substr(0, 2);
  const bool assigned =
      department != "00" && department != "96" && department != "99";
  return {std::move(digits), assigned ? Validity::kValid : Validity::kInvalid};
}

NormalizedPostcode UsZip(absl::string_view upper) {
  std::string digits = Compact(upper);
  if (digits.size() == 4 && IsDigits(digits)) {
    digits = absl::StrCat("0", digits);
  }
  if (digits.size() == 9 && IsDigits(digits)) digits.resize(5);
  if (digits.size() != 5 || !IsDigits(digits) || digits == "00000") {
    return {std::string(upper), Validity::kInvalid};
  }
  return {std::move(digits), Validity::kValid};
}

NormalizedPostcode GermanPostcode(absl::string_view upper) {
  const std::string compact = Compact(upper);
  const absl::string_view digits = StripCountryPrefix(compact, {"DE", "D"});
  if (digits.size() != 5 || !IsDigits(digits) ||
      absl::StartsWith(digits, "00")) {
    return {std::string(upper), Validity::kInvalid};
  }
  return {std::string(digits), Validity::kValid};
}

// Royal Mail's format: outward code A9, A99, AA9, AA99, A9A or AA9A with
// the letters each position allows, inward code 9AA; GIR 0AA is historic.
const RE2& UkPostcodePattern() {
  static const RE2* const kPattern = new RE2(
      "(?:[A-PR-UWYZ][0-9][0-9A-HJKPS-UW]?|[A-PR-UWYZ][A-HK-Y][0-9]"
      "[0-9ABEHMNPRV-Y]?)[0-9][ABD-HJLNP-UW-Z]{2}|GIR0AA");
  return *kPattern;
}

NormalizedPostcode UkPostcode(absl::string_view upper) {
  std::string compact = Compact(upper);
  if (!RE2::FullMatch(re2::StringPiece(compact.data(), compact.size()),
                      UkPostcodePattern())) {
    return {std::string(upper), Validity::kInvalid};
  }
  const absl::string_view code = compact;
  const size_t inward = code.size() - 3;
  return {absl::StrCat(code.substr(0, inward), " ", code.substr(inward)),
          Validity::kValid};
}

bool IsArrondissementNumber(absl::string_view word) {
  constexpr int kLastArrondissement = 20;  // Paris has 20, Lyon 9, Marseille 16
  int number = 0;
  size_t digits = 0;
  for (; digits < word.size() &&
         absl::ascii_isdigit(static_cast<unsigned char>(word[digits]));
       ++digits) {
    number = number * 10 + (word[digits] - '0');
    if (number > kLastArrondissement) return false;
  }
  const absl::string_view suffix = word.substr(digits);
  return digits > 0 && number >= 1 &&
         (suffix.empty() || suffix == "e" || suffix == "eme" ||
          suffix == "er" || suffix == "ere" || suffix == "em");
}

bool IsArrondissementWord(absl::string_view word) {
  return word == "arrondissement" || word == "arr" || word == "arrdt" ||
         word == "arrt";
}

// Splits "12bis" into "12" and "bis", keeping other words as they are.
std::vector<std::string> SplitNumberSuffixes(std::vector<std::string> words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (std::string& word : words) {
    const size_t digits = word.find_first_not_of("0123456789");
    const absl::string_view rest = digits == std::string::npos
                                       ? ""
                                       : absl::string_view(word).substr(digits);
    if (digits != 0 && (rest == "bis" || rest == "ter" || rest == "quater")) {
      out.push_back(word.substr(0, digits));
      out.emplace_back(rest);
    } else {
      out.push_back(std::move(word));
    }
  }
  return out;
}

bool IsNumberPart(absl::string_view word) {
  return absl::ascii_isdigit(static_cast<unsigned char>(word[0])) ||
         word == "bis" || word == "ter" || word == "quater";
}

// The expansion of `words[index]`, or the word itself.
std::string ExpandStreetWord(const std::vector<std::string>& words,
                             size_t index, size_t first_word,
                             StreetRules rules) {
  const std::string& word = words[index];
  const bool is_first = index == first_word;
  if (rules.french) {
    if (word == "r" && is_first) return "rue";
    if (absl::string_view e = Lookup(kFrenchStreetWords, word); !e.empty()) {
      return std::string(e);
    }
  }
  if (rules.english) {
    if (word == "st") {
      return is_first && index + 1 < words.size() ? "saint" : "street";
    }
    if (absl::string_view e = Lookup(kEnglishStreetWords, word); !e.empty()) {
      return std::string(e);
    }
  }
  if (rules.german && absl::EndsWith(word, "str")) {
    return word + "asse";
  }
  return word;
}

}  // namespace

std::string NormalizeCountry(absl::string_view raw) {
  const std::string folded = FoldKey(raw);
  if (absl::string_view code = Lookup(kCountryNames, folded); !code.empty()) {
    return std::string(code);
  }
  if (folded.size() == 2 &&
      absl::ascii_isalpha(static_cast<unsigned char>(folded[0])) &&
      absl::ascii_isalpha(static_cast<unsigned char>(folded[1]))) {
    return absl::AsciiStrToUpper(folded);
  }
  return CollapseWhitespace(raw);
}

NormalizedPostcode NormalizePostcode(absl::string_view raw,
                                     absl::string_view country) {
  const std::string upper = absl::AsciiStrToUpper(CollapseWhitespace(raw));
  if (upper.empty()) return {};
  if (country == "FR") return FrenchPostcode(upper);
  if (country == "US") return UsZip(upper);
  if (country == "GB") return UkPostcode(upper);
  if (country == "DE") return GermanPostcode(upper);
  return {upper, Validity::kUnchecked};
}

std::string CityKey(absl::string_view city) {
  const std::vector<std::string> words = Words(FoldKey(city));
  std::vector<absl::string_view> kept;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "cedex") {
      if (i + 1 < words.size() && IsDigits(words[i + 1])) ++i;
    } else if (words[i] == "st" || words[i] == "ste") {
      kept.push_back(words[i] == "st" ? "saint" : "sainte");
    } else {
      kept.push_back(words[i]);
    }
  }
  if (kept.size() > 1 && IsArrondissementWord(kept.back())) kept.pop_back();
  if (kept.size() > 1 && IsArrondissementNumber(kept.back())) kept.pop_back();
  return absl::StrJoin(kept, " ");
}

std::string StreetKey(absl::string_view street, absl::string_view country) {
  const std::vector<std::string> words =
      SplitNumberSuffixes(Words(FoldKey(street)));
  size_t first_word = 0;
  while (first_word < words.size() && IsNumberPart(words[first_word])) {
    ++first_word;
  }
  const StreetRules rules = RulesFor(country);
  std::vector<std::string> expanded;
  expanded.reserve(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    expanded.push_back(ExpandStreetWord(words, i, first_word, rules));
  }
  return absl::StrJoin(expanded, " ");
}

Address NormalizeAddress(const Address& raw,
                         absl::string_view default_country) {
  Address out;
  out.street = CollapseWhitespace(raw.street);
  out.street2 = CollapseWhitespace(raw.street2);
  out.city = CollapseWhitespace(raw.city);
  out.country = NormalizeCountry(raw.country);
  if (out.country.empty()) out.country = NormalizeCountry(default_country);
  NormalizedPostcode postcode = NormalizePostcode(raw.postcode, out.country);
  out.postcode = std::move(postcode.value);
  out.postcode_validity = postcode.validity;
  out.city_key = CityKey(out.city);
  out.street_key = StreetKey(out.street, out.country);
  return out;
}

}  // namespace mdm::normalize
