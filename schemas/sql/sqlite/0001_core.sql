-- SPDX-License-Identifier: Apache-2.0
-- 0001_core: runs, loaded files, source records with their history, and the
-- rejects/warnings of every run. Never edit after release: add 0002_...
-- See schemas/README.md for the meaning of each table and its invariants.

CREATE TABLE runs (
  run_id        INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,            -- ISO-8601 UTC
  finished_at   TEXT NOT NULL,
  config_path   TEXT NOT NULL,
  config_sha256 TEXT NOT NULL,
  report_json   TEXT NOT NULL             -- the run report as printed by --json
) STRICT;

CREATE TABLE source_files (
  file_id     INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,
  path        TEXT NOT NULL,
  sha256      TEXT NOT NULL,              -- content hash: a file loaded twice is skipped
  size_bytes  INTEGER NOT NULL,
  run_id      INTEGER NOT NULL REFERENCES runs(run_id),
  rows_read   INTEGER NOT NULL,
  accepted    INTEGER NOT NULL,
  rejected    INTEGER NOT NULL,
  duplicates  INTEGER NOT NULL,
  warnings    INTEGER NOT NULL,
  UNIQUE (source, sha256)
) STRICT;

-- The current version of every source record, one row per (source, source_key).
CREATE TABLE source_records (
  record_id      INTEGER PRIMARY KEY,
  source         TEXT NOT NULL,
  source_key     TEXT NOT NULL,
  source_type    INTEGER NOT NULL,        -- mdm::SourceType, do not renumber
  observed_at    TEXT NOT NULL,           -- '' when the source gives none
  file_id        INTEGER NOT NULL REFERENCES source_files(file_id),
  line           INTEGER NOT NULL,
  change_run     INTEGER NOT NULL,        -- run that last changed the content
  seen_run       INTEGER NOT NULL,        -- last run whose input carried the key
  seen_outcome   INTEGER NOT NULL,        -- how that run's first row for the key counted:
                                          -- 0 inserted, 1 updated, 2 unchanged, 3 stale
  content_sha256 TEXT NOT NULL,           -- hash of record_json
  raw_json       TEXT NOT NULL,           -- the row's mapped values as received
  record_json    TEXT NOT NULL,           -- the normalized mdm::SourceRecord
  UNIQUE (source, source_key)
) STRICT;

-- Versions that are no longer current: replaced by a newer row, or older
-- than the current one when they arrived.
CREATE TABLE source_record_history (
  history_id     INTEGER PRIMARY KEY,
  record_id      INTEGER NOT NULL REFERENCES source_records(record_id),
  observed_at    TEXT NOT NULL,
  file_id        INTEGER NOT NULL REFERENCES source_files(file_id),
  line           INTEGER NOT NULL,
  content_sha256 TEXT NOT NULL,
  raw_json       TEXT NOT NULL,
  record_json    TEXT NOT NULL,
  archived_run   INTEGER NOT NULL REFERENCES runs(run_id),
  reason         TEXT NOT NULL            -- 'replaced' | 'older_than_current' | 'duplicate_in_run'
) STRICT;
CREATE INDEX source_record_history_by_record ON source_record_history(record_id);

-- Rejected rows and warnings about loaded rows.
CREATE TABLE row_issues (
  issue_id    INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs(run_id),
  file_id     INTEGER REFERENCES source_files(file_id),
  source      TEXT NOT NULL,
  file        TEXT NOT NULL,
  line        INTEGER NOT NULL,           -- 0 = the whole file
  field       TEXT NOT NULL,
  reason      INTEGER NOT NULL,           -- mdm::model::IssueReason, do not renumber
  severity    INTEGER NOT NULL,           -- 0 reject, 1 warning
  detail      TEXT NOT NULL,              -- no personal data
  source_key  TEXT NOT NULL,
  raw         BLOB                        -- the rejected row's bytes, for replay
) STRICT;
CREATE INDEX row_issues_by_run ON row_issues(run_id, severity);
