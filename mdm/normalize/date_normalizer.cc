// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/date_normalizer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"

namespace mdm::normalize {
namespace {

// Registers and benchmarks (Wikidata persons) hold real dates from the
// Middle Ages on; a four-digit year before 1000 is a typing error.
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2200;

// Cursor over ASCII text with small parsing steps; each returns false and
// leaves the cursor unspecified when the text does not match.
struct Cursor {
  absl::string_view s;
  size_t pos = 0;

  bool Done() const { return pos == s.size(); }
  char Peek() const { return Done() ? '\0' : s[pos]; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++pos;
    return true;
  }
  // Reads exactly `n` digits (or between min and max when given).
  bool Digits(int min, int max, int* out) {
    int count = 0, value = 0;
    while (count < max && absl::ascii_isdigit(static_cast<unsigned char>(Peek()))) {
      value = value * 10 + (s[pos++] - '0');
      ++count;
    }
    *out = value;
    return count >= min;
  }
};

struct Parsed {
  int year = 0, month = 0, day = 0;  // month/day 0 = not given
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;  // local time = UTC + offset
};

bool ParseYmd(Cursor& c, Parsed& p) {
  if (!c.Digits(4, 4, &p.year)) return false;
  if (c.Done() || c.Peek() == 'T' || c.Peek() == ' ') return true;
  if (absl::ascii_isdigit(static_cast<unsigned char>(c.Peek()))) {  // 20260314
    return c.Digits(2, 2, &p.month) && c.Digits(2, 2, &p.day);
  }
  const char sep = c.Peek();
  if (sep != '-' && sep != '/' && sep != '.') return false;
  c.Eat(sep);
  if (!c.Digits(1, 2, &p.month)) return false;
  if (!c.Eat(sep)) return c.Done();  // YYYY-MM
  return c.Digits(1, 2, &p.day);
}

bool ParseDmyOrMdy(Cursor& c, Parsed& p, DateOrder order) {
  int first = 0, second = 0;
  if (!c.Digits(1, 2, &first)) return false;
  const char sep = c.Peek();
  if (sep != '/' && sep != '.' && sep != '-') return false;
  c.Eat(sep);
  if (!c.Digits(1, 2, &second) || !c.Eat(sep) || !c.Digits(4, 4, &p.year)) {
    return false;
  }
  // Dots are always day first (European); slashes follow the source's order.
  const bool month_first = sep == '/' && order == DateOrder::kMonthFirst;
  p.day = month_first ? second : first;
  p.month = month_first ? first : second;
  return true;
}

bool ParseOffset(Cursor& c, Parsed& p) {
  if (c.Eat('Z') || c.Done()) return c.Done();
  const char sign = c.Peek();
  if (sign != '+' && sign != '-') return false;
  c.Eat(sign);
  int hours = 0, minutes = 0;
  if (!c.Digits(2, 2, &hours)) return false;
  c.Eat(':');
  if (!c.Done() && !c.Digits(2, 2, &minutes)) return false;
  if (hours > 14 || minutes > 59) return false;
  p.offset_minutes = (sign == '-' ? -1 : 1) * (hours * 60 + minutes);
  return c.Done();
}

bool ParseTime(Cursor& c, Parsed& p) {
  if (c.Done()) return true;
  if (!c.Eat('T') && !c.Eat(' ')) return false;
  p.has_time = true;
  if (!c.Digits(2, 2, &p.hour) || !c.Eat(':') || !c.Digits(2, 2, &p.minute)) {
    return false;
  }
  if (c.Eat(':') && !c.Digits(2, 2, &p.second)) return false;
  if (c.Eat('.')) {  // fractional seconds are dropped
    int ignored = 0;
    if (!c.Digits(1, 9, &ignored)) return false;
  }
  if (p.hour > 23 || p.minute > 59 || p.second > 60) return false;
  return ParseOffset(c, p);
}

std::optional<Parsed> Parse(absl::string_view raw, DateOrder order) {
  Cursor c{absl::StripAsciiWhitespace(raw)};
  Parsed p;
  const bool year_first = c.s.size() >= 4 && absl::ascii_isdigit(c.s[0]) &&
                          absl::ascii_isdigit(c.s[1]) && absl::ascii_isdigit(c.s[2]) &&
                          absl::ascii_isdigit(c.s[3]);
  const bool date_ok = year_first ? ParseYmd(c, p) : ParseDmyOrMdy(c, p, order);
  if (!date_ok || !ParseTime(c, p)) return std::nullopt;
  if (p.year < kMinYear || p.year > kMaxYear) return std::nullopt;
  if (p.has_time && (p.month == 0 || p.day == 0)) return std::nullopt;
  if (p.month == 0 && p.day == 0) return p;
  if (p.month < 1 || p.month > 12) return std::nullopt;
  if (p.day != 0) {
    // CivilDay normalizes 2026-02-30 to March; a round trip rejects it.
    const absl::CivilDay d(p.year, p.month, p.day);
    if (d.month() != p.month || d.day() != p.day) return std::nullopt;
  }
  return p;
}

std::string FormatDate(const Parsed& p) {
  if (p.month == 0) return absl::StrFormat("%04d", p.year);
  if (p.day == 0) return absl::StrFormat("%04d-%02d", p.year, p.month);
  return absl::StrFormat("%04d-%02d-%02d", p.year, p.month, p.day);
}

}  // namespace

DateOrder DateOrderForCountry(absl::string_view iso_country) {
  return iso_country == "US" ? DateOrder::kMonthFirst : DateOrder::kDayFirst;
}

std::optional<std::string> NormalizeDate(absl::string_view raw, DateOrder order) {
  std::optional<Parsed> p = Parse(raw, order);
  if (!p) return std::nullopt;
  return FormatDate(*p);
}

std::optional<std::string> NormalizeTimestamp(absl::string_view raw,
                                              DateOrder order) {
  std::optional<Parsed> p = Parse(raw, order);
  if (!p) return std::nullopt;
  if (!p->has_time) return FormatDate(*p);
  const absl::CivilSecond local(p->year, p->month, p->day, p->hour, p->minute,
                                p->second);
  const absl::CivilSecond utc = local - p->offset_minutes * 60;
  return absl::StrFormat("%04d-%02d-%02dT%02d:%02d:%02dZ", utc.year(), utc.month(),
                         utc.day(), utc.hour(), utc.minute(), utc.second());
}

}  // namespace mdm::normalize
