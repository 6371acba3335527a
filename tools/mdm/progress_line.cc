// SPDX-License-Identifier: Apache-2.0
#include "tools/mdm/progress_line.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

namespace mdm::cli {
namespace {

// Three significant digits: 1.23, 12.3, 123.
std::string Significant(double v) {
  if (v < 10) return absl::StrFormat("%.2f", v);
  if (v < 100) return absl::StrFormat("%.1f", v);
  return absl::StrFormat("%.0f", v);
}

// 987 B, 12.3 kB, 4.56 MB (decimal units, as file managers show sizes).
std::string Bytes(double v) {
  static constexpr const char* kUnits[] = {"kB", "MB", "GB", "TB"};
  if (v < 1000) return absl::StrFormat("%.0f B", v);
  int unit = -1;
  while (v >= 1000 && unit + 1 < 4) {
    v /= 1000;
    ++unit;
  }
  return absl::StrCat(Significant(v), " ", kUnits[unit]);
}

// 9999, 12.3k, 4.56M: exact while short.
std::string Number(double v) {
  static constexpr const char* kUnits[] = {"k", "M", "G", "T"};
  if (v < 10000) return absl::StrFormat("%.0f", v);
  int unit = -1;
  while (v >= 1000 && unit + 1 < 4) {
    v /= 1000;
    ++unit;
  }
  return absl::StrCat(Significant(v), kUnits[unit]);
}

bool IsBytes(absl::string_view unit) { return unit == "bytes"; }

std::string Amount(double v, absl::string_view unit) {
  return IsBytes(unit) ? Bytes(v) : Number(v);
}

std::string Rate(double per_second, absl::string_view unit) {
  if (IsBytes(unit)) return absl::StrCat(Bytes(per_second), "/s");
  const std::string n =
      per_second < 10 ? absl::StrFormat("%.1f", per_second) : Number(per_second);
  return absl::StrCat(n, " ", unit, "/s");
}

// 42s, 3m05s, 2h07m.
std::string Duration(double seconds) {
  const int64_t s = static_cast<int64_t>(std::ceil(std::max(0.0, seconds)));
  if (s < 60) return absl::StrCat(s, "s");
  if (s < 3600) return absl::StrFormat("%dm%02ds", s / 60, s % 60);
  return absl::StrFormat("%dh%02dm", s / 3600, s % 3600 / 60);
}

// The file name without its folders: paths can be long.
absl::string_view BaseName(absl::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == absl::string_view::npos ? path : path.substr(slash + 1);
}

// `line` cut to `columns` code points.
void CutToWidth(std::string& line, size_t columns) {
  size_t points = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (points++ == columns) {
      line.resize(i);
      return;
    }
  }
}

}  // namespace

std::string FormatProgressLine(const Progress& p, double elapsed_seconds,
                               int64_t done_before) {
  std::string line(p.stage);
  if (!p.item.empty()) absl::StrAppend(&line, " ", BaseName(p.item));
  // A stage without a count calls only when it starts and ends: nothing to
  // show but that it runs.
  if (p.unit.empty()) return absl::StrCat(line, "  ...");
  const double done = static_cast<double>(p.done);
  const double total = static_cast<double>(p.total);
  const double rate =
      elapsed_seconds > 0 ? static_cast<double>(p.done - done_before) / elapsed_seconds : 0;
  const std::string unit = IsBytes(p.unit) ? "" : absl::StrCat(" ", p.unit);
  if (p.total > 0) {
    absl::StrAppend(&line, "  ", Amount(done, p.unit), "/", Amount(total, p.unit), unit);
    absl::StrAppend(&line, "  ", static_cast<int>(std::floor(100 * done / total)), "%");
  } else {
    absl::StrAppend(&line, "  ", Amount(done, p.unit), unit);
  }
  if (rate <= 0) {
    absl::StrAppend(&line, "  -- ", IsBytes(p.unit) ? "B" : p.unit, "/s");
    if (p.total > 0) absl::StrAppend(&line, "  ETA --");
    return line;
  }
  absl::StrAppend(&line, "  ", Rate(rate, p.unit));
  if (p.total > 0) absl::StrAppend(&line, "  ETA ", Duration((total - done) / rate));
  return line;
}

void ProgressLine::Update(const Progress& p) {
  if (p.finished) {
    Clear();
    stage_open_ = false;
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (!stage_open_ || p.stage != stage_ || p.item != item_) {
    stage_open_ = true;
    stage_.assign(p.stage.data(), p.stage.size());
    item_.assign(p.item.data(), p.item.size());
    timing_ = false;
  }
  if (!timing_ && p.done > 0) {
    timing_ = true;
    base_done_ = p.done;
    base_time_ = now;
  }
  const double elapsed =
      timing_ ? std::chrono::duration<double>(now - base_time_).count() : 0;
  std::string line = FormatProgressLine(p, elapsed, timing_ ? base_done_ : 0);
  winsize size{};
  if (ioctl(fileno(out_), TIOCGWINSZ, &size) == 0 && size.ws_col > 1) {
    // One column spare: a full line would wrap on some terminals.
    CutToWidth(line, size.ws_col - 1u);
  }
  std::fprintf(out_, "\r%s\x1b[K", line.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void ProgressLine::Clear() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", out_);
  std::fflush(out_);
  drawn_ = false;
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

}  // namespace mdm::cli
