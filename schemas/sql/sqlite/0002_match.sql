-- SPDX-License-Identifier: Apache-2.0
-- 0002_match: what matching needs and produces: the compact match keys of
-- every current source record, trained models, the cluster of every record
-- and the pairs queued for a data steward. Never edit after release.
-- See schemas/README.md for the meaning of each table and its invariants.

-- Derived tables (record_match_keys, record_clusters) are rewritten by
-- every run for up to millions of rows; they declare no foreign keys, whose
-- checks would double the cost of those writes. Runs keep them consistent.

-- Match keys of the current version of a record (mdm/match/match_keys.h),
-- written with the record; a run reads these instead of record_json.
CREATE TABLE record_match_keys (
  record_id  INTEGER PRIMARY KEY,          -- source_records.record_id
  keys       BLOB NOT NULL
) STRICT;

-- Every trained Fellegi-Sunter model; runs use the newest one whose
-- fingerprint equals the fingerprint of the configured comparisons.
CREATE TABLE match_models (
  model_id    INTEGER PRIMARY KEY,
  created_at  TEXT NOT NULL,
  run_id      INTEGER REFERENCES runs(run_id),  -- NULL for `mdm train`
  fingerprint TEXT NOT NULL,
  model_json  TEXT NOT NULL
) STRICT;
CREATE INDEX match_models_by_fingerprint ON match_models(fingerprint, model_id);

-- The cluster of every current record: cluster_id is the smallest record_id
-- of the cluster.
CREATE TABLE record_clusters (
  record_id   INTEGER PRIMARY KEY,         -- source_records.record_id
  cluster_id  INTEGER NOT NULL,
  run_id      INTEGER NOT NULL             -- run that last changed it
) STRICT;
CREATE INDEX record_clusters_by_cluster ON record_clusters(cluster_id);

-- Pairs a data steward should look at. record_a < record_b.
CREATE TABLE review_items (
  item_id      INTEGER PRIMARY KEY,
  record_a     INTEGER NOT NULL REFERENCES source_records(record_id),
  record_b     INTEGER NOT NULL REFERENCES source_records(record_id),
  reason       TEXT NOT NULL,   -- 'review_band' | 'identifier_conflict' | 'cannot_link'
  probability  REAL NOT NULL,
  match_weight REAL NOT NULL,
  status       TEXT NOT NULL,   -- 'open'
  created_run  INTEGER NOT NULL REFERENCES runs(run_id),
  updated_run  INTEGER NOT NULL REFERENCES runs(run_id),
  UNIQUE (record_a, record_b)
) STRICT;
CREATE INDEX review_items_by_status ON review_items(status, item_id);

-- The matching setting (blocking rules, comparisons, bands) a run matched
-- with, as JSON; '' for runs before matching existed. `mdm explain` decides
-- with the setting of the newest run.
ALTER TABLE runs ADD COLUMN matching_json TEXT NOT NULL DEFAULT '';
