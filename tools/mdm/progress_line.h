// SPDX-License-Identifier: Apache-2.0
// File: tools/mdm/progress_line.h
//
// The progress line `mdm run` draws on a terminal's stderr while a run's
// long stages work (RunOptions::on_progress): stage, file, done/total with
// unit, rate and time left, redrawn in place and erased when the stage ends.
// Only stage names, counts and file names appear: never record data.
//
//   ingest crm_fr.csv  12.3 MB/52.4 MB  23%  8.20 MB/s  ETA 5s
//   score  120k/310k blocks  38%  60.0k blocks/s  ETA 4s
//   block  ...
#ifndef MDM_TOOLS_MDM_PROGRESS_LINE_H_
#define MDM_TOOLS_MDM_PROGRESS_LINE_H_

#include <chrono>
#include <cstdio>
#include <string>

#include "mdm/progress.h"

namespace mdm::cli {

// The text of the line for `p`, `elapsed_seconds` after the stage had done
// `done_before` units: the rate is (p.done - done_before) / elapsed, the
// time left (p.total - p.done) / rate. Without a total, no percentage and
// no ETA; with no rate yet (nothing done or no time elapsed), "--" for rate
// and ETA; without a unit (a stage that is not counted), the stage name.
std::string FormatProgressLine(const Progress& p, double elapsed_seconds,
                               int64_t done_before = 0);

// Draws FormatProgressLine() on `out`, a terminal, redrawn in place ("\r",
// erase to the end of the line) and cut to the terminal's width. The rate
// is timed from the stage's first counted call: what a stage does before
// it counts its first unit (e.g. sorting) would make the first ETAs absurd.
// Used by one thread (RunOptions::on_progress calls come from one).
class ProgressLine {
 public:
  explicit ProgressLine(std::FILE* out) : out_(out) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { Clear(); }

  void Update(const Progress& p);
  // Erases the line, if one is drawn.
  void Clear();

 private:
  std::FILE* out_;
  bool drawn_ = false;
  bool stage_open_ = false;
  std::string stage_, item_;  // of the stage shown
  bool timing_ = false;        // base_* are set
  int64_t base_done_ = 0;      // the first counted call's done ...
  std::chrono::steady_clock::time_point base_time_;  // ... and its time
};

// Whether stderr is a terminal (where a progress line belongs).
bool StderrIsTerminal();

}  // namespace mdm::cli

#endif  // MDM_TOOLS_MDM_PROGRESS_LINE_H_
