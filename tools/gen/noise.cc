// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/noise.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "mdm/base/utf8.h"
#include "tools/gen/text.h"

namespace mdm::gen {
namespace {

constexpr absl::CivilDay kFirstDay(2019, 1, 1);
constexpr absl::CivilDay kLastDay(2026, 3, 31);
constexpr int kRecentDays = 365;

std::u32string CodePoints(absl::string_view text) {
  std::u32string out;
  size_t pos = 0;
  while (pos < text.size()) out.push_back(base::DecodeUtf8(text, &pos));
  return out;
}

std::string Utf8(const std::u32string& code_points) {
  std::string out;
  for (char32_t cp : code_points) base::AppendUtf8(cp, &out);
  return out;
}

// "0199001234" -> "01<sep>99<sep>00<sep>12<sep>34".
std::string FrenchPairs(absl::string_view digits, absl::string_view sep) {
  std::string out;
  for (size_t pos = 0; pos < digits.size(); pos += 2) {
    if (pos > 0) absl::StrAppend(&out, sep);
    absl::StrAppend(&out, digits.substr(pos, 2));
  }
  return out;
}

std::string FrenchPhone(absl::string_view digits, int variant) {
  absl::string_view national = digits.substr(1);  // without the trunk 0
  switch (variant) {
    case 1: return std::string(digits);
    case 2: return FrenchPairs(digits, ".");
    case 3: return absl::StrCat("+33 ", national.substr(0, 1), " ",
                                FrenchPairs(national.substr(1), " "));
    case 4: return absl::StrCat("+33", national);
    case 5: return absl::StrCat("0033 ", national.substr(0, 1), " ",
                                FrenchPairs(national.substr(1), " "));
    default: return FrenchPairs(digits, " ");
  }
}

std::string UsPhone(absl::string_view digits, int variant) {
  absl::string_view area = digits.substr(0, 3);
  absl::string_view exchange = digits.substr(3, 3);
  absl::string_view line = digits.substr(6);
  switch (variant) {
    case 1: return absl::StrCat(area, "-", exchange, "-", line);
    case 2: return absl::StrCat(area, ".", exchange, ".", line);
    case 3: return absl::StrCat("+1 ", area, " ", exchange, " ", line);
    case 4: return std::string(digits);
    case 5: return absl::StrCat("1-", area, "-", exchange, "-", line);
    default: return absl::StrCat("(", area, ") ", exchange, "-", line);
  }
}

bool IsUpperAscii(char32_t cp) { return cp >= 'A' && cp <= 'Z'; }

// Initials of a compound given name: "Jean-Pierre" -> "JP".
std::string Initials(absl::string_view given) {
  std::string out;
  for (absl::string_view part : absl::StrSplit(given, '-', absl::SkipEmpty())) {
    out.append(FirstLetter(part));
  }
  return out;
}

absl::CivilDay DrawDay(Random& rng, bool recent) {
  const int span = static_cast<int>(kLastDay - kFirstDay);
  return kFirstDay + (recent ? rng.Between(span - kRecentDays, span)
                             : rng.Between(0, span));
}

}  // namespace

std::string CanonicalPhone(absl::string_view digits, Country country) {
  return country == Country::kFr ? FrenchPhone(digits, 0) : UsPhone(digits, 0);
}

std::string FormatPhone(absl::string_view digits, Country country, Random& rng) {
  const int variant = rng.Between(0, 5);
  return country == Country::kFr ? FrenchPhone(digits, variant)
                                 : UsPhone(digits, variant);
}

std::string Typo(absl::string_view word, Random& rng) {
  std::u32string cps = CodePoints(word);
  if (cps.size() < 3) return std::string(word);
  // Errors fall after the first letter, as they do in typed names.
  const size_t pos = 1 + rng.Uniform(cps.size() - 2);
  switch (rng.Between(0, 2)) {
    case 0: {
      const char32_t letter = static_cast<char32_t>('a' + rng.Uniform(26));
      cps[pos] = IsUpperAscii(cps[pos]) ? letter - 'a' + 'A' : letter;
      break;
    }
    case 1:
      std::swap(cps[pos], cps[pos + 1]);
      break;
    default:
      cps.erase(pos, 1);
      break;
  }
  return Utf8(cps);
}

std::string GivenNameVariant(const Person& person, const ReferenceData& data,
                             Random& rng) {
  if (!person.is_fr()) {
    auto it = data.us_nicknames.find(absl::AsciiStrToLower(person.given));
    if (it == data.us_nicknames.end()) return person.given;
    return NaturalCase(rng.Pick<std::string>(it->second));
  }
  for (const Diminutive& diminutive : FrenchDiminutives()) {
    if (person.given == diminutive.given) return diminutive.short_form;
  }
  if (person.given.find('-') != std::string::npos) return Initials(person.given);
  return person.given;
}

const std::string& ShownFamilyName(const Person& person, double birth_name_share,
                                   Random& rng) {
  if (!person.maiden.empty() && rng.Chance(birth_name_share)) return person.maiden;
  return person.family;
}

std::string SpecialtyLabel(const Person& person, Random& rng) {
  const SpecialtyInfo& specialty = person.specialty_info();
  if (!person.is_fr()) return rng.Pick(specialty.en_labels);
  const absl::string_view label = rng.Pick(specialty.fr_labels);
  const bool feminine = absl::EndsWith(label, "ienne") || absl::EndsWith(label, "ière");
  return std::string(feminine && person.sex == kMale ? specialty.fr_labels[0] : label);
}

std::string EmailVariant(absl::string_view email, Random& rng) {
  if (rng.Chance(0.8)) return std::string(email);
  if (rng.Chance(0.5)) return absl::AsciiStrToUpper(email);
  std::string out(email);
  out[0] = absl::ascii_toupper(static_cast<unsigned char>(out[0]));
  return out;
}

std::string DrawDate(Random& rng, bool recent) {
  return absl::FormatCivilTime(DrawDay(rng, recent));
}

std::string DrawInstant(Random& rng, bool recent) {
  const absl::CivilDay day = DrawDay(rng, recent);
  const absl::CivilSecond at(day.year(), day.month(), day.day(), rng.Between(7, 19),
                             rng.Between(0, 59), rng.Between(0, 59));
  return absl::StrCat(absl::FormatCivilTime(at), "Z");
}

}  // namespace mdm::gen
