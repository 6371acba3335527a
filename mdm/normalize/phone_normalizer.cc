// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/phone_normalizer.h"

#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "mdm/base/utf8.h"

namespace mdm::normalize {
namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

// libphonenumber only considers a text a phone number when it holds two
// digits or more (its VALID_PHONE_NUMBER pattern): below that Parse() fails
// anyway, after a few microseconds of regex work.
constexpr int kMinDigits = 2;

// Below three digits separators decide viability for libphonenumber ("12"
// parses, "1 2" does not), so such texts are never compacted.
constexpr int kMinDigitsToCompact = 3;

// The French extension marker. libphonenumber knows "ext", "x", "#" and
// others, but would read "poste" as the vanity digits 76783.
constexpr absl::string_view kPosteMarker = "poste";

int CountAsciiDigits(absl::string_view text) {
  int digits = 0;
  for (char c : text) {
    digits += absl::ascii_isdigit(static_cast<unsigned char>(c));
  }
  return digits;
}

// Cuts `text` before the word "poste" (any case), if present.
absl::string_view CutPosteExtension(absl::string_view text) {
  const std::string lower_text = absl::AsciiStrToLower(text);
  const absl::string_view lower = lower_text;
  for (size_t pos = lower.find(kPosteMarker); pos != absl::string_view::npos;
       pos = lower.find(kPosteMarker, pos + 1)) {
    const size_t end = pos + kPosteMarker.size();
    const bool word_start =
        pos == 0 ||
        !absl::ascii_isalpha(static_cast<unsigned char>(lower[pos - 1]));
    const bool word_end =
        end == lower.size() ||
        !absl::ascii_isalpha(static_cast<unsigned char>(lower[end]));
    if (word_start && word_end) return text.substr(0, pos);
  }
  return text;
}

// Reduces a text made only of digits, the separators " .-/()" and an optional
// leading '+' to '+' and digits. libphonenumber drops these separators itself
// before it interprets the digits (none of them marks an extension or a
// second number), so the result parses to the same number; its regexes just
// run about twice as fast on the short form. Returns `text` as is otherwise.
std::string CompactForParsing(absl::string_view text) {
  std::string compact;
  compact.reserve(text.size());
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (absl::ascii_isdigit(static_cast<unsigned char>(c)) ||
        (c == '+' && pos == 0)) {
      compact.push_back(c);
    } else if (c != ' ' && c != '.' && c != '-' && c != '/' && c != '(' &&
               c != ')') {
      return std::string(text);
    }
  }
  if (CountAsciiDigits(compact) < kMinDigitsToCompact) return std::string(text);
  return compact;
}

// The libphonenumber part: E.164 and validity of `text` (already cut and
// trimmed) for `country`.
struct ParsedPhone {
  std::string e164;
  Validity validity = Validity::kInvalid;
};

ParsedPhone ParseWithLibphonenumber(absl::string_view text, absl::string_view country) {
  ParsedPhone parsed;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(CompactForParsing(text), absl::AsciiStrToUpper(country), &number) !=
      PhoneNumberUtil::NO_PARSING_ERROR) {
    return parsed;
  }
  util.Format(number, PhoneNumberUtil::E164, &parsed.e164);
  parsed.validity = util.IsValidNumber(number) ? Validity::kValid : Validity::kInvalid;
  return parsed;
}

// libphonenumber costs ~15 us a number on Debian's ICU-regex build, and the
// same numbers recur (a hospital switchboard on hundreds of records, one
// person in several sources). A bounded per-thread cache keeps results
// identical and needs no lock.
const ParsedPhone& CachedParse(absl::string_view text, absl::string_view country) {
  constexpr size_t kMaxEntries = 1 << 18;  // ~30 MB per thread at most
  thread_local absl::flat_hash_map<std::string, ParsedPhone> cache;
  std::string key = absl::StrCat(country, ":", text);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  if (cache.size() >= kMaxEntries) cache.clear();
  return cache.emplace(std::move(key), ParseWithLibphonenumber(text, country))
      .first->second;
}

}  // namespace

Phone NormalizePhone(absl::string_view raw, absl::string_view default_country) {
  Phone phone;
  phone.raw = std::string(raw);
  phone.validity = Validity::kInvalid;
  const absl::string_view text =
      absl::StripAsciiWhitespace(CutPosteExtension(raw));
  if (base::IsAscii(text) && CountAsciiDigits(text) < kMinDigits) return phone;
  const ParsedPhone& parsed = CachedParse(text, default_country);
  phone.e164 = parsed.e164;
  phone.validity = parsed.validity;
  return phone;
}

}  // namespace mdm::normalize
