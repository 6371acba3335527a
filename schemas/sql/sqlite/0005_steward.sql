-- SPDX-License-Identifier: Apache-2.0
-- 0005_steward: the data steward's side: decisions on review items, the
-- must-links and cannot-links they bind later runs with, pinned golden
-- values, data change requests, and the users of `mdm serve`.
-- Never edit after release. See schemas/README.md.

-- A review item's steward side. `revision` grows with every change to the
-- item (a run rescoring it, an assignment, a decision): a decision names
-- the revision the steward saw, so a second steward cannot overwrite the
-- first. Status: 'open' or 'decided' ('stale' is computed, not stored: an
-- open item with a record in pending_records).
ALTER TABLE review_items ADD COLUMN priority REAL NOT NULL DEFAULT 0;
ALTER TABLE review_items ADD COLUMN assignee TEXT NOT NULL DEFAULT '';
ALTER TABLE review_items ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE review_items ADD COLUMN decision TEXT NOT NULL DEFAULT '';  -- 'same' | 'different'
ALTER TABLE review_items ADD COLUMN decided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE review_items ADD COLUMN decided_at TEXT NOT NULL DEFAULT '';
ALTER TABLE review_items ADD COLUMN decision_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX review_items_by_priority ON review_items(status, priority DESC, item_id);

-- A steward's word on two records: 'same' (must-link) or 'different'
-- (cannot-link). One row per pair, the newest word; applied_run is the run
-- that first clustered with it (0: pending).
CREATE TABLE steward_links (
  record_a    INTEGER NOT NULL REFERENCES source_records(record_id),
  record_b    INTEGER NOT NULL REFERENCES source_records(record_id),  -- record_a < record_b
  kind        TEXT NOT NULL,      -- 'same' | 'different'
  origin      TEXT NOT NULL,      -- 'queue' | 'split' | 'merge'
  item_id     INTEGER NOT NULL,   -- the review item decided, 0 for split and merge
  steward     TEXT NOT NULL,
  reason      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  applied_run INTEGER NOT NULL,
  PRIMARY KEY (record_a, record_b)
) STRICT, WITHOUT ROWID;
CREATE INDEX steward_links_by_b ON steward_links(record_b, record_a);
CREATE INDEX steward_links_pending ON steward_links(applied_run);

-- Values pinned on golden records. A pin holds until unpinned; the newest
-- pin of a field wins. applied_run: the run that rebuilt the golden record
-- with this pin or unpin (0: pending).
CREATE TABLE golden_overrides (
  override_id  INTEGER PRIMARY KEY,
  golden_id    TEXT NOT NULL,
  field        TEXT NOT NULL,
  value        TEXT NOT NULL,
  steward      TEXT NOT NULL,
  reason       TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  pinned       INTEGER NOT NULL,  -- 1 until unpinned
  unpinned_by  TEXT NOT NULL,
  unpinned_at  TEXT NOT NULL,
  unpin_reason TEXT NOT NULL,
  dcr_id       INTEGER NOT NULL,  -- the change request it applies, 0 if none
  applied_run  INTEGER NOT NULL
) STRICT;
CREATE INDEX golden_overrides_by_golden ON golden_overrides(golden_id, pinned);
CREATE INDEX golden_overrides_pending ON golden_overrides(applied_run);

-- Data change requests: a rep or MSL proposes a value, a steward approves
-- (which pins it) or rejects.
CREATE TABLE change_requests (
  dcr_id          INTEGER PRIMARY KEY,
  golden_id       TEXT NOT NULL,
  field           TEXT NOT NULL,
  value           TEXT NOT NULL,
  submitted_by    TEXT NOT NULL,
  reason          TEXT NOT NULL,
  submitted_at    TEXT NOT NULL,
  status          TEXT NOT NULL,   -- 'open' | 'approved' | 'rejected'
  decided_by      TEXT NOT NULL,
  decided_at      TEXT NOT NULL,
  decision_reason TEXT NOT NULL
) STRICT;
CREATE INDEX change_requests_by_status ON change_requests(status, dcr_id);

-- Users of `mdm serve`. The password is never stored: PBKDF2-HMAC-SHA256
-- of it with a random salt.
CREATE TABLE users (
  name        TEXT PRIMARY KEY,
  role        TEXT NOT NULL,      -- 'viewer' | 'steward' | 'dpo'
  salt        BLOB NOT NULL,
  iterations  INTEGER NOT NULL,
  hash        BLOB NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
