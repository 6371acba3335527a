// SPDX-License-Identifier: Apache-2.0
// File: mdm/evaluation.h
//
// How good the store's clusters are against a ground truth: blocking recall
// (the share of true pairs the blocking rules make candidates), pairwise
// precision, recall and F1 over the pairs of records the clusters put
// together, B-cubed precision and recall per record, and the size of the
// review queue. Returned by Engine::Evaluate() and printed by
// `mdm evaluate --truth FILE`.
//
// Two truth formats are read:
//   * the generator's: a CSV with the columns source, source_key, person_id;
//   * any CSV mapped by column names, so public benchmarks are read as they
//     are: every row names a record of one source by its key column and its
//     entity by another column, optionally cut down by a regular expression
//     (FEBRL's rec_id "rec-1496-dup-3" gives entity "rec-1496" with
//     entity_pattern "^(rec-\d+)").
// Records without a truth row, and truth rows without a record (a row the
// run rejected), are counted and left out.
#ifndef MDM_EVALUATION_H_
#define MDM_EVALUATION_H_

#include <cstdint>
#include <string>

namespace mdm {

struct TruthOptions {
  std::string path;
  // Column-mapped format, used when key_column is set: every row is a record
  // of `source` (required then) whose key is in key_column and whose entity
  // is in entity_column.
  std::string source;
  std::string key_column;
  std::string entity_column;
  // RE2 pattern with one capture group applied to the entity column; the
  // group is the entity. Empty = the whole value.
  std::string entity_pattern;
  char delimiter = ',';
};

struct Evaluation {
  int64_t records = 0;                // records evaluated (in store and truth)
  int64_t records_without_truth = 0;  // in the store, not in the truth file
  int64_t truth_rows_not_loaded = 0;  // in the truth file, not in the store
  int64_t true_entities = 0;
  int64_t predicted_clusters = 0;

  int64_t true_pairs = 0;       // pairs of records of one entity
  int64_t predicted_pairs = 0;  // pairs of records in one cluster
  int64_t correct_pairs = 0;    // both
  double precision = 0;
  double recall = 0;
  double f1 = 0;

  double bcubed_precision = 0;
  double bcubed_recall = 0;
  double bcubed_f1 = 0;

  int64_t candidate_true_pairs = 0;  // true pairs some blocking rule compares
  double blocking_recall = 0;        // candidate_true_pairs / true_pairs

  int64_t review_items = 0;       // open items
  int64_t records_in_review = 0;  // distinct records in open items
  double review_share = 0;        // records_in_review / records in the store
};

}  // namespace mdm

#endif  // MDM_EVALUATION_H_
