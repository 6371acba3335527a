// SPDX-License-Identifier: Apache-2.0
// File: mdm/progress.h
//
// How far the long stages of a run are, for a progress display
// (RunOptions::on_progress in mdm/engine.h). A run reports its stages in
// order; each stage starts with a call where done == 0, may be followed by
// more calls, at most about one every 100 ms, and ends with a call where
// finished is true, unless the run fails in it.
//
// Stages, with their units (a stage that does not run is not reported):
//   "ingest"           one per file not loaded before; item = the file's path,
//                      unit "bytes", total = the file's size
//   "load_keys"        unit "records": match keys read from the store; total
//                      = the store's records, delete markers included (a
//                      bound: the finished call says done == total)
//   "block", "train", "cluster"
//                      no unit, total 0: one call when they start, one when
//                      they end ("train" only when the run trains a model)
//   "score"            unit "blocks": blocks whose candidate pairs were scored
//   "persist_matches"  unit "records": match state written
//   "golden"           unit "clusters": golden records built and written
// A delta run (only what changed is matched) reports "score" alone of the
// matching stages.
//
// Example:
//   options.on_progress = [](const mdm::Progress& p) {
//     std::cerr << p.stage << " " << p.done << "/" << p.total << "\n";
//   };
#ifndef MDM_PROGRESS_H_
#define MDM_PROGRESS_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace mdm {

// One progress report. The views are valid during the call only. It holds
// stage names, counts and file paths: never record data.
struct Progress {
  absl::string_view stage;  // see the list above
  absl::string_view item;   // what the stage works on (ingest: the file); or empty
  int64_t done = 0;         // units done so far; never decreases within a stage
  int64_t total = 0;        // units in the stage; 0 = unknown. done <= total
                            // when known, and done == total when finished
  absl::string_view unit;   // "bytes", "records", "blocks", "clusters"; or empty
  bool finished = false;    // the stage's last call
};

}  // namespace mdm

#endif  // MDM_PROGRESS_H_
