-- SPDX-License-Identifier: Apache-2.0
-- 0003_golden: golden records, the membership of every source record (the
-- crosswalk), the history of every golden record, and delete markers.
-- Never edit after release. See schemas/README.md.

-- One row per golden id ever issued. `seq` orders them by creation: when two
-- merge, the smaller seq (the older) survives.
CREATE TABLE golden_records (
  seq          INTEGER PRIMARY KEY,
  golden_id    TEXT NOT NULL UNIQUE,
  status       INTEGER NOT NULL,        -- mdm::GoldenStatus: 0 active, 1 merged, 2 retired
  merged_into  TEXT NOT NULL,           -- the survivor's golden_id when merged, else ''
  created_run  INTEGER NOT NULL,
  updated_run  INTEGER NOT NULL,        -- last run that changed status or content
  content_hash TEXT NOT NULL,           -- of golden_json: an unchanged record is not rewritten
  golden_json  TEXT NOT NULL            -- values, lineage and members (mdm/model/golden_json.h);
                                        -- the last content for merged and retired ones
) STRICT;

-- The golden record of every source record that was ever matched. A deleted
-- record keeps its row (active = 0) so that xref still answers for it.
-- Derived data rewritten by runs: no foreign keys (see 0002).
CREATE TABLE golden_members (
  record_id   INTEGER PRIMARY KEY,      -- source_records.record_id
  golden_seq  INTEGER NOT NULL,         -- golden_records.seq
  active      INTEGER NOT NULL,         -- 1 member now, 0 deleted since
  run_id      INTEGER NOT NULL          -- run that last changed the row
) STRICT;
CREATE INDEX golden_members_by_golden ON golden_members(golden_seq);

-- Every change to a golden record, in order.
CREATE TABLE golden_events (
  event_id    INTEGER PRIMARY KEY,
  golden_seq  INTEGER NOT NULL,
  run_id      INTEGER NOT NULL,
  kind        TEXT NOT NULL,            -- created, updated, merged, merged_into, split,
                                        -- split_from, retired
  detail_json TEXT NOT NULL             -- other golden ids, records that moved,
                                        -- attributes that changed; no personal data
) STRICT;
CREATE INDEX golden_events_by_golden ON golden_events(golden_seq, event_id);

-- Golden membership replaces the clusters of 0002.
DROP TABLE record_clusters;

-- 1 when the current version is a delete marker: the key is kept (so an
-- older row cannot bring the record back) but it is matched no more.
ALTER TABLE source_records ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;

-- Source records whose current version replaced another since the last run
-- that matched (in a run with --load-only, or in the running one): their
-- golden records are rebuilt by the next run that matches, which empties
-- the table. New records need no row: they have no golden_members row yet.
CREATE TABLE pending_records (
  record_id  INTEGER PRIMARY KEY          -- source_records.record_id
) STRICT;

-- The survivorship setting (policies, source priority, trusts) a run built
-- golden records with, as JSON; a run with another setting rebuilds them all.
ALTER TABLE runs ADD COLUMN golden_setting TEXT NOT NULL DEFAULT '';

-- The term frequencies a model was trained with (mdm/match/term_frequencies.h,
-- binary): runs score with these rather than counting again, so matching a
-- delta gives the clusters a full rebuild would. A model without them is
-- trained again.
ALTER TABLE match_models ADD COLUMN term_frequencies BLOB NOT NULL DEFAULT x'';

-- What a run keeps of its matching for the next delta run, per current
-- record that is not a delete marker (mdm/match/match_state.h, binary): its
-- blocking keys under every rule and its scored pairs in the auto-merge and
-- review bands. Derived data rewritten by runs: no foreign keys.
CREATE TABLE record_match_state (
  record_id   INTEGER PRIMARY KEY,
  block_keys  BLOB NOT NULL,
  edges       BLOB NOT NULL
) STRICT;

-- The model a run matched with: a delta run needs the model of the last
-- run that matched (a new model means matching everything again).
ALTER TABLE runs ADD COLUMN match_model INTEGER NOT NULL DEFAULT 0;
