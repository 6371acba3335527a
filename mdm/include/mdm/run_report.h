// SPDX-License-Identifier: Apache-2.0
// File: mdm/run_report.h
//
// What a batch run did, per file and in total. The counts add up: for every
// file and for the run, rows_read == accepted + rejected + duplicates +
// suppressed, and
// accepted == inserted + updated + unchanged + stale (see RunCounts).
// The report is stored with the run (`mdm runs`) and printed by `mdm run`.
#ifndef MDM_RUN_REPORT_H_
#define MDM_RUN_REPORT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace mdm {

struct RunCounts {
  int64_t rows_read = 0;   // data rows in the input (header excluded):
                           // accepted + rejected + duplicates + suppressed
  int64_t accepted = 0;    // rows that became the current or a kept version
  int64_t rejected = 0;    // rows refused, each stored with a reason
  int64_t duplicates = 0;  // rows of a source key that a later row of the same
                           // run superseded (kept in history)
  int64_t suppressed = 0;  // rows of an erased person (mdm/privacy.h): not loaded
  // How accepted rows changed the store (accepted == the sum of these):
  int64_t inserted = 0;   // a source key seen for the first time
  int64_t updated = 0;    // a newer version of a known key
  int64_t unchanged = 0;  // same content as the stored version
  int64_t stale = 0;      // older than the stored version (kept in history)
  int64_t warnings = 0;   // accepted rows with at least one flagged value
  int64_t deletes = 0;    // accepted rows that are delete markers (counted
                          // above too, as inserted, updated, unchanged or stale)

  void Add(const RunCounts& other);
};

struct FileReport {
  std::string source;
  std::string path;
  std::string sha256;
  bool skipped = false;     // same content already loaded: not read again
  bool unreadable = false;  // header unusable: nothing read, see `mdm rejects`
  RunCounts counts;
};

// One blocking rule's share of the candidate pairs.
struct BlockingRuleCounts {
  std::string rule;
  int64_t pairs = 0;          // candidate pairs the rule added (after dedup)
  int64_t blocks = 0;         // blocks of 2 .. max_block_size records
  int64_t largest_block = 0;  // records in its largest block, capped ones included
  int64_t capped_blocks = 0;  // blocks over max_block_size: not compared
  int64_t cut_pairs = 0;      // pairs inside capped blocks
};

// What matching did in a run: Block, Score, Cluster.
struct MatchReport {
  bool ran = false;
  // A delta run: only records changed since the last run that matched, and
  // the components around them, were matched (see `records`).
  bool delta = false;
  int64_t changed_records = 0;  // delta: new, replaced and deleted records
  std::string skipped_reason;  // why matching did not run (e.g. one record)
  int64_t records = 0;  // records matched (delta: around the changed ones)
  int64_t model_id = 0;
  bool model_trained = false;  // the run trained the model it used
  int64_t candidate_pairs = 0;
  double reduction_ratio = 0;  // 1 - candidate pairs / all pairs
  std::vector<BlockingRuleCounts> rules;
  int64_t auto_merge_pairs = 0;
  int64_t review_pairs = 0;
  int64_t distinct_pairs = 0;
  int64_t conflict_pairs = 0;   // auto-merge scores with a cannot-link conflict
  int64_t refused_unions = 0;   // merges clustering refused (cannot-link)
  int64_t clusters = 0;
  int64_t multi_record_clusters = 0;
  int64_t records_reclustered = 0;  // records whose golden record changed
  int64_t review_items = 0;         // open review items after the run
  int64_t records_in_review = 0;    // distinct records in them
};

// What the Survive stage did to golden records in a run.
struct GoldenReport {
  bool ran = false;
  int64_t active = 0;     // active golden records after the run
  int64_t created = 0;    // new ids: new people and parts split off
  int64_t merged = 0;     // ids merged into an older one
  int64_t split = 0;      // golden records whose records went to several
  int64_t updated = 0;    // kept ids whose values, lineage or members changed
  int64_t unchanged = 0;  // active before and after, nothing changed
  int64_t retired = 0;    // every record deleted
  int64_t rebuilt = 0;    // golden records recomputed; the others were not read
};

struct RunReport {
  int64_t run_id = 0;  // 0 for a dry run (nothing is stored)
  bool dry_run = false;
  std::string started_at;   // ISO-8601 UTC
  std::string finished_at;
  std::vector<FileReport> files;
  RunCounts totals;
  std::map<std::string, int64_t> rejects_by_reason;   // reason name -> rows
  std::map<std::string, int64_t> warnings_by_reason;  // reason name -> values
  // "read", "normalize", "persist", "load_keys", "block_train", "score",
  // "cluster", "persist_matches", "survive", "persist_golden"
  std::map<std::string, double> stage_seconds;
  MatchReport match;
  GoldenReport golden;
};

}  // namespace mdm

#endif  // MDM_RUN_REPORT_H_
